import { Menu, MenuDivider, MenuItem, MenuList, MenuPopover, MenuTrigger, Tooltip } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { assertNever } from '../assert-never';
import type { Action, CommandAction, SubmenuAction } from './action';

interface ActionMenuItemsProps {
  readonly actions: readonly Action[];
  readonly onRun: (action: CommandAction) => void;
}

/** Renders actions as Fluent menu items (for a MenuList): the context menu and the Action menu. */
export function ActionMenuItems({ actions, onRun }: ActionMenuItemsProps): ReactNode {
  return actions.map((action) => {
    switch (action.kind) {
      case 'separator':
        return <MenuDivider key={action.id} />;
      case 'command': {
        const Icon = action.icon;
        const item = (
          <MenuItem
            key={action.id}
            icon={Icon ? <Icon /> : undefined}
            disabled={action.disabled}
            secondaryContent={action.shortcut}
            onClick={() => onRun(action)}
          >
            {action.label}
          </MenuItem>
        );
        if (!action.disabled || !action.disabledReason) return item;
        return (
          <Tooltip key={action.id} content={action.disabledReason} relationship="description" positioning="after">
            {item}
          </Tooltip>
        );
      }
      case 'submenu':
        return <SubmenuItem key={action.id} action={action} onRun={onRun} />;
      default:
        return assertNever(action);
    }
  });
}

/**
 * A submenu (New ›). Hovering opens it; a click on it opens it too and never closes it, as in
 * Windows menus, so a click that follows the hover does not shut what the hover just opened.
 */
function SubmenuItem({ action, onRun }: { readonly action: SubmenuAction; readonly onRun: (action: CommandAction) => void }): ReactNode {
  const [open, setOpen] = useState(false);
  const Icon = action.icon;
  return (
    <Menu hasIcons open={open} onOpenChange={(_, data) => setOpen(data.type === 'menuTriggerClick' || data.open)}>
      <MenuTrigger disableButtonEnhancement>
        <MenuItem icon={Icon ? <Icon /> : undefined}>{action.label}</MenuItem>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <ActionMenuItems actions={action.children} onRun={onRun} />
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
