import type { ConsoleNode } from '../console/node-kinds';

/** A node placed in the console tree. */
export interface TreeItem {
  /** A path of segments from the root ("site/computer-management/…/A0100001"). */
  readonly id: string;
  readonly parentId: string | null;
  /** 1 for the root, as aria-level counts. */
  readonly level: number;
  readonly node: ConsoleNode;
  readonly label: string;
  readonly childIds: readonly string[];
  /** 1-based place among its siblings, and how many siblings there are (aria-posinset/-setsize). */
  readonly posInSet: number;
  readonly setSize: number;
}

/** The items of a tree by id. A lookup may place the item's siblings first: see buildConsoleTree. */
export interface TreeItems {
  get(id: string): TreeItem | undefined;
  has(id: string): boolean;
}

export interface ConsoleTreeModel {
  readonly rootId: string;
  readonly items: TreeItems;
}
