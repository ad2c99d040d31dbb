import { Menu, MenuList, MenuPopover, type PositioningVirtualElement } from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import type { Action, CommandAction } from './action';
import { ActionMenuItems } from './action-menu-items';

export interface ContextMenuRequest {
  readonly actions: readonly Action[];
  /** Viewport point: the mouse for a right-click, the focused row or node for Shift+F10. */
  readonly at: { readonly x: number; readonly y: number };
  /** Where focus goes back when the menu closes (the tree or the grid that asked). */
  readonly returnFocusTo: HTMLElement | null;
}

interface ContextMenuProps {
  readonly request: ContextMenuRequest | null;
  readonly onClose: () => void;
}

function pointTarget(x: number, y: number): PositioningVirtualElement {
  return { getBoundingClientRect: () => ({ x, y, top: y, left: x, bottom: y, right: x, width: 0, height: 0 }) };
}

/**
 * One context menu for the whole console, opened at a point. There is no trigger element, so
 * this component hands focus back itself, before the action runs: a dialog opened by the action
 * then returns focus to the tree or grid when it closes.
 */
export function ContextMenu({ request, onClose }: ContextMenuProps): ReactNode {
  const x = request?.at.x;
  const y = request?.at.y;
  // Keyed on the point: the actions are recomputed on every render, the menu's place is not.
  const target = useMemo(() => (x === undefined || y === undefined ? undefined : pointTarget(x, y)), [x, y]);
  if (!request || request.actions.length === 0) return null;

  function close(): void {
    request?.returnFocusTo?.focus();
    onClose();
  }

  function run(action: CommandAction): void {
    close();
    // After the menu has unmounted, so a dialog opened by the action does not fight it for focus.
    window.setTimeout(action.run, 0);
  }

  return (
    <Menu
      open
      hasIcons
      onOpenChange={(_, data) => {
        if (!data.open) close();
      }}
      positioning={{ target, position: 'below', align: 'start', offset: 2, autoSize: true }}
    >
      <MenuPopover>
        <MenuList>
          <ActionMenuItems actions={request.actions} onRun={run} />
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
