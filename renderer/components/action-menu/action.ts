import type { FluentIcon } from '@fluentui/react-icons';

/**
 * One thing the admin can do to the selected node or item. The same list is rendered as the
 * context menu, the Actions pane and the Action menu, so the three can never disagree.
 */
export type Action = CommandAction | SubmenuAction | SeparatorAction;

export interface CommandAction {
  readonly kind: 'command';
  /** Stable id: the toolbar finds 'properties', 'delete', 'refresh' and 'help' by it. */
  readonly id: string;
  readonly label: string;
  readonly icon?: FluentIcon;
  readonly disabled?: boolean;
  /** Why it is disabled, shown as a tooltip. */
  readonly disabledReason?: string;
  /** A key hint shown at the end of menu items ("Del", "F5"). */
  readonly shortcut?: string;
  /** Also a toolbar button while it is in the selection's actions (it needs an icon). */
  readonly toolbar?: boolean;
  readonly run: () => void;
}

export interface SubmenuAction {
  readonly kind: 'submenu';
  readonly id: string;
  readonly label: string;
  readonly icon?: FluentIcon;
  readonly children: readonly Action[];
}

export interface SeparatorAction {
  readonly kind: 'separator';
  readonly id: string;
}

/** Finds a command anywhere in the list (submenus included). */
export function findCommand(actions: readonly Action[], id: string): CommandAction | undefined {
  for (const action of actions) {
    if (action.kind === 'command' && action.id === id) return action;
    if (action.kind === 'submenu') {
      const inner = findCommand(action.children, id);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Runs a command if it exists and is enabled; returns whether it ran. */
export function runCommand(actions: readonly Action[], id: string): boolean {
  const command = findCommand(actions, id);
  if (!command || command.disabled) return false;
  command.run();
  return true;
}

/** Drops leading, trailing and doubled separators left behind when actions are filtered. */
export function tidySeparators(actions: readonly Action[]): readonly Action[] {
  const out: Action[] = [];
  for (const action of actions) {
    if (action.kind === 'separator' && (out.length === 0 || out[out.length - 1]?.kind === 'separator')) continue;
    out.push(action);
  }
  while (out[out.length - 1]?.kind === 'separator') out.pop();
  return out;
}

/** A command; `extra` holds its icon, shortcut hint and disabled state. */
export function command(id: string, label: string, run: () => void, extra: Partial<Omit<CommandAction, 'kind' | 'id' | 'label' | 'run'>> = {}): CommandAction {
  return { kind: 'command', id, label, run, ...extra };
}

export function submenu(id: string, label: string, children: readonly Action[], extra: Partial<Pick<SubmenuAction, 'icon'>> = {}): SubmenuAction {
  return { kind: 'submenu', id, label, children, ...extra };
}

export function separator(id: string): SeparatorAction {
  return { kind: 'separator', id };
}
