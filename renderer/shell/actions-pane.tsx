import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { ActionList, type Action } from '../components/action-menu';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minWidth: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: {
    ...typographyStyles.caption1Strong,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalS}`,
  },
  heading: {
    ...typographyStyles.caption1Strong,
    margin: `${tokens.spacingVerticalXS} 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

interface ActionsPaneProps {
  readonly nodeLabel: string;
  readonly nodeActions: readonly Action[];
  /** The selected row's name and actions; absent when no row is selected. */
  readonly itemLabel: string | null;
  readonly itemActions: readonly Action[];
}

/** MMC's Actions pane: the selected node's actions, then the selected item's, as in their context menus. */
export function ActionsPane(props: ActionsPaneProps): ReactNode {
  const styles = useStyles();
  const nodeHeading = useId();
  const itemHeading = useId();
  return (
    <aside className={styles.root} aria-label="Actions">
      <h2 className={styles.title}>Actions</h2>
      <section className={styles.section}>
        <h3 id={nodeHeading} className={styles.heading} title={props.nodeLabel}>
          {props.nodeLabel}
        </h3>
        <ActionList actions={props.nodeActions} labelledBy={nodeHeading} />
      </section>
      {props.itemLabel !== null && props.itemActions.length > 0 && (
        <section className={styles.section}>
          <h3 id={itemHeading} className={styles.heading} title={props.itemLabel}>
            {props.itemLabel}
          </h3>
          <ActionList actions={props.itemActions} labelledBy={itemHeading} />
        </section>
      )}
    </aside>
  );
}
