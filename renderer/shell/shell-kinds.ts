import type { NoFields } from '../console/no-fields';
import type { TreeItem } from './tree-item';

/** Rows the shell itself lists: tree nodes. */
export interface ShellRowKinds {
  /** A tree node as a row of a feature's list (a package in the Packages list): its own actions. */
  readonly node: TreeItem;
  /** A node in its folder's list, as MMC lists a folder's children: Open, then its actions. */
  readonly 'child-node': TreeItem;
}

export interface ShellPopupKinds {
  /** Help on a node: what it is for, and the console's keys. */
  readonly help: { readonly topic: string; readonly description: string; readonly note: string | null };
  readonly about: NoFields;
  /** File › Exit in a browser tab that the page may not close. */
  readonly 'close-tab': NoFields;
}
