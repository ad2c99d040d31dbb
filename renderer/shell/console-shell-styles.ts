import { makeStyles, tokens } from '@fluentui/react-components';

// Pane widths change as the admin drags the splitters, so they arrive as CSS variables set on
// the root; every other layout rule is static.
export const useConsoleShellStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  panes: {
    display: 'flex',
    flex: 1,
    minHeight: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  treePane: {
    flex: 'none',
    width: 'var(--console-tree-width)',
    minWidth: 0,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  detailsPane: {
    flex: 1,
    minWidth: 0,
    overflow: 'hidden',
  },
  actionsPane: {
    flex: 'none',
    width: 'var(--console-actions-width)',
    minWidth: 0,
    overflow: 'hidden',
  },
});
