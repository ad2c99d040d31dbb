import {
  Button,
  makeStyles,
  Menu,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
  Tooltip,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { ChevronRightRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { assertNever } from '../assert-never';
import type { Action, CommandAction } from './action';
import { ActionMenuItems } from './action-menu-items';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
  },
  button: {
    justifyContent: 'flex-start',
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'start',
  },
  label: {
    flex: 1,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  chevron: {
    flex: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  gap: {
    height: tokens.spacingVerticalXS,
  },
});

interface ActionListProps {
  readonly actions: readonly Action[];
  /** The heading that names this list, for screen readers. */
  readonly labelledBy: string;
  readonly onRun?: (action: CommandAction) => void;
}

/**
 * The Actions pane's list: the same actions as the context menu, as a column of buttons.
 * Up/Down move between them; submenus (New ›) open as flyouts like MMC's.
 */
export function ActionList({ actions, labelledBy, onRun }: ActionListProps): ReactNode {
  const styles = useStyles();
  const navigation = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const run = onRun ?? ((action: CommandAction) => action.run());

  return (
    <div role="group" aria-labelledby={labelledBy} className={styles.list} {...navigation}>
      {actions.map((action) => {
        switch (action.kind) {
          case 'separator':
            return <div key={action.id} className={styles.gap} role="presentation" />;
          case 'command': {
            const Icon = action.icon;
            const button = (
              <Button
                key={action.id}
                appearance="subtle"
                size="small"
                className={styles.button}
                icon={Icon ? <Icon /> : undefined}
                disabledFocusable={action.disabled}
                onClick={() => run(action)}
              >
                {/* A narrow pane cuts a long label (Management Point Properties at 1024 pixels): the whole one is its tooltip. */}
                <span className={styles.label} title={action.disabled && action.disabledReason ? undefined : action.label}>
                  {action.label}
                </span>
              </Button>
            );
            if (!action.disabled || !action.disabledReason) return button;
            return (
              <Tooltip key={action.id} content={action.disabledReason} relationship="description" positioning="before">
                {button}
              </Tooltip>
            );
          }
          case 'submenu': {
            const Icon = action.icon;
            return (
              <Menu key={action.id} hasIcons positioning={{ position: 'before', align: 'top' }}>
                <MenuTrigger>
                  <Button appearance="subtle" size="small" className={styles.button} icon={Icon ? <Icon /> : undefined}>
                    <span className={styles.label} title={action.label}>
                      {action.label}
                    </span>
                    <ChevronRightRegular className={styles.chevron} aria-hidden />
                  </Button>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    <ActionMenuItems actions={action.children} onRun={run} />
                  </MenuList>
                </MenuPopover>
              </Menu>
            );
          }
          default:
            return assertNever(action);
        }
      })}
    </div>
  );
}
