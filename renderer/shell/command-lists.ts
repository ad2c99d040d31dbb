import { ArrowClockwiseRegular, QuestionCircleRegular } from '@fluentui/react-icons';
import { command, findCommand, separator, tidySeparators, type Action } from '../components/action-menu';
import type { DetailsRow } from '../console/row-kinds';
import type { ConsoleRegistry, FeatureEnv } from './registration';
import { nodeRegistration, rowOwnActions } from './registry-lookups';
import type { TreeItem } from './tree-item';

/** What Refresh and Help do; the shell implements them once for every node. */
export interface StandardCommands {
  refresh(item: TreeItem): void;
  help(item: TreeItem): void;
}

function refreshAction(item: TreeItem, commands: StandardCommands): Action {
  return command('refresh', 'Refresh', () => commands.refresh(item), { icon: ArrowClockwiseRegular, shortcut: 'F5' });
}

function helpAction(item: TreeItem, commands: StandardCommands): Action {
  return command('help', 'Help', () => commands.help(item), { icon: QuestionCircleRegular, shortcut: 'F1' });
}

/**
 * A tree node's actions, for its context menu, its half of the Actions pane, the Action menu and
 * the toolbar: its own commands, then Refresh (where it can be read again), then Help.
 */
export function nodeActionList(registry: ConsoleRegistry, item: TreeItem, env: FeatureEnv, commands: StandardCommands): readonly Action[] {
  const registration = nodeRegistration(registry, item.node);
  return tidySeparators([
    ...(registration.actions?.(item.node, env) ?? []),
    separator('before-refresh'),
    ...(registration.refresh ? [refreshAction(item, commands)] : []),
    separator('before-help'),
    helpAction(item, commands),
  ]);
}

/**
 * A row's actions. A row of a feature's list also gets its list's Refresh and Help when it has
 * none of its own, so F5, F1 and the toolbar work whatever row is selected; a folder's row is a
 * tree node and has its node's.
 */
export function rowActionList(
  registry: ConsoleRegistry,
  row: DetailsRow,
  listedBy: TreeItem,
  env: FeatureEnv,
  commands: StandardCommands,
): readonly Action[] {
  const own = rowOwnActions(registry, row, env);
  const registration = nodeRegistration(registry, listedBy.node);
  if (registration.details.kind !== 'list') return own;
  const refresh = registration.refresh && !findCommand(own, 'refresh') ? [refreshAction(listedBy, commands)] : [];
  const help = findCommand(own, 'help') ? [] : [helpAction(listedBy, commands)];
  return tidySeparators([...own, separator('before-refresh'), ...refresh, separator('before-help'), ...help]);
}
