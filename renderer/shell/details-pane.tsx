import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ListViewEvents } from '../components/live-list';
import { useConsoleStores } from '../console/console-stores';
import { ChildNodesView } from './child-nodes-view';
import type { ConsoleTreeModel, TreeItem } from './console-tree-model';
import { DetailsHeader } from './details-header';
import { NotBuiltView } from './not-built-view';
import type { ConsoleRegistry } from './registration';
import { nodeRegistration } from './registry-lookups';
import { assertNever } from '../components/assert-never';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    flex: 1,
    minHeight: 0,
  },
  message: {
    margin: tokens.spacingHorizontalS,
  },
});

export interface DetailsPaneProps extends ListViewEvents {
  readonly registry: ConsoleRegistry;
  readonly item: TreeItem;
  readonly model: ConsoleTreeModel;
}

/** The middle pane: the selected node's title and what it holds, or why it holds nothing yet. */
export function DetailsPane({ registry, item, model, ...events }: DetailsPaneProps): ReactNode {
  const styles = useStyles();
  const stores = useConsoleStores();
  const siteStatus = useStore(stores.site, (s) => s.status);
  const siteError = useStore(stores.site, (s) => s.error);
  const registration = nodeRegistration(registry, item.node);
  const details = registration.details;
  const headingId = 'details-title';

  let body: ReactNode;
  let itemCount: number | null;
  switch (details.kind) {
    case 'children': {
      const children = item.childIds.map((id) => model.items.get(id)).filter((child) => child !== undefined);
      itemCount = children.length;
      body = <ChildNodesView registry={registry} label={item.label} items={children} {...events} />;
      break;
    }
    case 'list': {
      const View = details.View;
      itemCount = details.count(item.node, stores);
      body = <View node={item.node} label={item.label} {...events} />;
      break;
    }
    case 'not-built':
      itemCount = null;
      body = <NotBuiltView message={details.message} />;
      break;
    default:
      return assertNever(details);
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <DetailsHeader id={headingId} title={item.label} icon={registration.icon} itemCount={itemCount} />
      {siteStatus === 'error' && (
        <MessageBar intent="error" layout="multiline" className={styles.message}>
          <MessageBarBody>
            <MessageBarTitle>Courier cannot read the site.</MessageBarTitle>
            {siteError}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void stores.site.getState().load()}>
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.body}>{body}</div>
    </section>
  );
}
