export { command, findCommand, runCommand, separator, submenu, tidySeparators, type Action, type CommandAction, type SeparatorAction, type SubmenuAction } from './action';
export { ActionMenuItems } from './action-menu-items';
export { ActionList } from './action-list';
export { ContextMenu, type ContextMenuRequest } from './context-menu';
