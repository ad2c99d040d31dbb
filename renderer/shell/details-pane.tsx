import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import type { MenuPoint } from '../components/data-grid';
import { assertNever } from '../components/assert-never';
import { AccessAccountsView } from '../features/access-accounts/access-accounts-view';
import { useAccessAccountsStore } from '../features/access-accounts/access-accounts-store';
import { PackagesView } from '../features/packages/packages-view';
import { ProgramsView } from '../features/programs/programs-view';
import { useProgramsStore } from '../features/programs/programs-store';
import { usePackagesStore } from '../features/packages/packages-store';
import { useSiteStore } from '../features/site/site-store';
import { nodeInfo } from './console-node';
import { packageNodeId, type ConsoleTreeModel, type TreeItem } from './console-tree-model';
import { ChildNodesView } from './child-nodes-view';
import { DetailsHeader } from './details-header';
import type { DetailsRow } from './details-row';
import { NotBuiltView } from './not-built-view';

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

export interface DetailsPaneProps {
  readonly item: TreeItem;
  readonly model: ConsoleTreeModel;
  /** Row keys: package IDs in the Packages list, tree ids in a folder's list, names in Programs and Access Accounts. */
  readonly selectedItems: readonly string[];
  readonly onSelectionChange: (keys: readonly string[]) => void;
  /** The row clicked; null for a right-click on blank space. */
  readonly onRowContextMenu: (row: DetailsRow | null, at: MenuPoint) => void;
  readonly onRowOpen: (row: DetailsRow) => void;
  readonly onRowDelete: (row: DetailsRow) => void;
  readonly onRefresh: () => void;
}

/** The middle pane: the selected node's title and what it holds, or why it holds nothing yet. */
export function DetailsPane(props: DetailsPaneProps): ReactNode {
  const { item, model } = props;
  const styles = useStyles();
  const info = nodeInfo(item.node);
  const headingId = `details-title`;
  const packagesStatus = usePackagesStore((s) => s.status);
  const packageCount = usePackagesStore((s) => s.packages.length);
  const listedPackageId =
    info.content.kind === 'programs' || info.content.kind === 'access-accounts' ? info.content.packageId : '';
  const programsStatus = useProgramsStore((s) => s.lists[listedPackageId]?.status);
  const programCount = useProgramsStore((s) => s.lists[listedPackageId]?.programs.length ?? 0);
  const accountsStatus = useAccessAccountsStore((s) => s.lists[listedPackageId]?.status);
  const accountCount = useAccessAccountsStore((s) => s.lists[listedPackageId]?.accounts.length ?? 0);
  const siteStatus = useSiteStore((s) => s.status);
  const siteError = useSiteStore((s) => s.error);
  const loadSite = useSiteStore((s) => s.load);
  const children = useMemo(
    () => item.childIds.map((id) => model.items.get(id)).filter((c): c is TreeItem => c !== undefined),
    [item, model],
  );

  const lookup = (id: string): DetailsRow | null => {
    const found = model.items.get(id);
    return found ? { kind: 'node', item: found } : null;
  };
  const nodeRow = (found: TreeItem): DetailsRow => ({ kind: 'node', item: found });

  let body: ReactNode;
  let itemCount: number | null;
  const content = info.content;
  switch (content.kind) {
    case 'children':
      itemCount = children.length;
      body = (
        <ChildNodesView
          label={item.label}
          items={children}
          selectedIds={props.selectedItems}
          onSelectionChange={props.onSelectionChange}
          onOpen={(found) => props.onRowOpen(nodeRow(found))}
          onDelete={(found) => props.onRowDelete(nodeRow(found))}
          onRefresh={props.onRefresh}
          onContextMenu={(found, at) => props.onRowContextMenu(found ? nodeRow(found) : null, at)}
        />
      );
      break;
    case 'packages':
      itemCount = packagesStatus === 'ready' ? packageCount : null;
      body = (
        <PackagesView
          selectedIds={props.selectedItems}
          onSelectionChange={props.onSelectionChange}
          onOpen={(pkg) => {
            const row = lookup(packageNodeId(pkg.packageId));
            if (row) props.onRowOpen(row);
          }}
          onDelete={(pkg) => {
            const row = lookup(packageNodeId(pkg.packageId));
            if (row) props.onRowDelete(row);
          }}
          onRefresh={props.onRefresh}
          onContextMenu={(pkg, at) => props.onRowContextMenu(pkg ? lookup(packageNodeId(pkg.packageId)) : null, at)}
        />
      );
      break;
    case 'programs':
      itemCount = programsStatus === 'ready' ? programCount : null;
      body = (
        <ProgramsView
          packageId={content.packageId}
          selectedNames={props.selectedItems}
          onSelectionChange={props.onSelectionChange}
          onOpen={(program) => props.onRowOpen({ kind: 'program', program })}
          onDelete={(program) => props.onRowDelete({ kind: 'program', program })}
          onRefresh={props.onRefresh}
          onContextMenu={(program, at) => props.onRowContextMenu(program ? { kind: 'program', program } : null, at)}
        />
      );
      break;
    case 'access-accounts':
      itemCount = accountsStatus === 'ready' ? accountCount : null;
      body = (
        <AccessAccountsView
          packageId={content.packageId}
          selectedNames={props.selectedItems}
          onSelectionChange={props.onSelectionChange}
          onOpen={(account) => props.onRowOpen({ kind: 'access-account', account })}
          onDelete={(account) => props.onRowDelete({ kind: 'access-account', account })}
          onRefresh={props.onRefresh}
          onContextMenu={(account, at) => props.onRowContextMenu(account ? { kind: 'access-account', account } : null, at)}
        />
      );
      break;
    case 'not-built':
      itemCount = null;
      body = <NotBuiltView message={content.message} />;
      break;
    default:
      return assertNever(content);
  }

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <DetailsHeader id={headingId} title={item.label} icon={info.icon} itemCount={itemCount} />
      {siteStatus === 'error' && (
        <MessageBar intent="error" layout="multiline" className={styles.message}>
          <MessageBarBody>
            <MessageBarTitle>Courier cannot read the site.</MessageBarTitle>
            {siteError}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void loadSite()}>
              Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.body}>{body}</div>
    </section>
  );
}
