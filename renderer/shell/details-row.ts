import type { AccessAccountDto, ProgramDto } from '../../core/api';
import { assertNever } from '../components/assert-never';
import { packageNodeId, type ConsoleTreeModel, type TreeItem } from './console-tree-model';

/**
 * A row of the details pane. Folder lists and the Packages list show tree nodes; a package's
 * Programs and Access Accounts lists show things that are not in the tree, as in SCCM 2007.
 */
export type DetailsRow =
  | { readonly kind: 'node'; readonly item: TreeItem }
  | { readonly kind: 'program'; readonly program: ProgramDto }
  | { readonly kind: 'access-account'; readonly account: AccessAccountDto };

export function detailsRowLabel(row: DetailsRow): string {
  switch (row.kind) {
    case 'node':
      return row.item.label;
    case 'program':
      return row.program.name;
    case 'access-account':
      return row.account.accountName;
    default:
      return assertNever(row);
  }
}

/** What the details pane's lists hold, for turning selected row keys back into rows. */
export interface DetailsRowSource {
  readonly model: ConsoleTreeModel;
  readonly programsOf: (packageId: string) => readonly ProgramDto[];
  readonly accountsOf: (packageId: string) => readonly AccessAccountDto[];
}

/**
 * The rows behind the selected keys of the list shown for `item`. The Packages list keys its
 * rows by package ID, folder lists by tree id, Programs by program name and Access Accounts
 * by account name.
 */
export function detailsRowsFor(item: TreeItem, keys: readonly string[], source: DetailsRowSource): readonly DetailsRow[] {
  const node = item.node;
  if (node.kind === 'package-programs') {
    const programs = source.programsOf(node.packageId);
    return keys
      .map((key) => programs.find((p) => p.name === key))
      .filter((p): p is ProgramDto => p !== undefined)
      .map((program) => ({ kind: 'program', program }));
  }
  if (node.kind === 'package-access-accounts') {
    const accounts = source.accountsOf(node.packageId);
    return keys
      .map((key) => accounts.find((a) => a.accountName === key))
      .filter((a): a is AccessAccountDto => a !== undefined)
      .map((account) => ({ kind: 'access-account', account }));
  }
  const ids = node.kind === 'packages' ? keys.map(packageNodeId) : keys;
  return ids
    .map((id) => source.model.items.get(id))
    .filter((i): i is TreeItem => i !== undefined)
    .map((found) => ({ kind: 'node', item: found }));
}
