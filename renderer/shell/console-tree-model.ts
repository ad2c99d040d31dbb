import type { ConsoleStores } from '../console/console-stores';
import type { ConsoleNode } from '../console/node-kinds';
import type { ConsoleRegistry } from './registration';
import { nodeIdSegment, nodeLabel, nodeRegistration } from './registry-lookups';
import type { ConsoleTreeModel, TreeItem } from './tree-item';

export type { ConsoleTreeModel, TreeItem } from './tree-item';

export const rootId = 'site';

/**
 * The tree as data from the registrations; it is built again when the stores it read change.
 * A node's children are placed only when something asks for them (the tree shows the node, the
 * details pane lists them, a lookup passes through): with 100,000 packages the four folders under
 * each package would be 400,000 items that nobody looks at, built again on every change.
 */
export function buildConsoleTree(registry: ConsoleRegistry, stores: ConsoleStores): ConsoleTreeModel {
  const placed = new Map<string, TreeItem>();

  function place(node: ConsoleNode, parentId: string | null, level: number, posInSet: number, setSize: number): TreeItem {
    const id = parentId === null ? rootId : `${parentId}/${nodeIdSegment(registry, node)}`;
    let childIds: readonly string[] | undefined;
    const item: TreeItem = {
      id,
      parentId,
      level,
      node,
      label: nodeLabel(registry, node, stores),
      posInSet,
      setSize,
      get childIds() {
        if (childIds === undefined) {
          const kids = nodeRegistration(registry, node).children?.(node, stores) ?? [];
          childIds = kids.map((child, i) => {
            const placedChild = place(child, id, level + 1, i + 1, kids.length);
            placed.set(placedChild.id, placedChild);
            return placedChild.id;
          });
        }
        return childIds;
      },
    };
    return item;
  }

  const root = place(registry.root, null, 1, 1, 1);
  placed.set(rootId, root);

  function get(id: string): TreeItem | undefined {
    const known = placed.get(id);
    if (known !== undefined) return known;
    const cut = id.lastIndexOf('/');
    if (cut < 0) return undefined;
    const parent = get(id.slice(0, cut));
    if (parent === undefined) return undefined;
    void parent.childIds; // places the parent's children, this one among them if it exists
    return placed.get(id);
  }

  return { rootId, items: { get, has: (id) => get(id) !== undefined } };
}

/** The ids of the nodes registered to start expanded, for a console opened the first time. */
export function startExpanded(registry: ConsoleRegistry, model: ConsoleTreeModel): readonly string[] {
  // Only the root and nodes that start expanded are looked into: a node that starts expanded
  // under a collapsed one would not show anyway.
  const out: string[] = [];
  function walk(item: TreeItem): void {
    for (const childId of item.childIds) {
      const child = model.items.get(childId);
      if (child === undefined || nodeRegistration(registry, child.node).startsExpanded !== true) continue;
      out.push(child.id);
      walk(child);
    }
  }
  const root = model.items.get(model.rootId);
  if (root !== undefined) {
    if (nodeRegistration(registry, root.node).startsExpanded === true) out.push(root.id);
    walk(root);
  }
  return out;
}

/** The rows the tree shows: every item whose ancestors are all expanded, in display order. */
export function visibleItems(model: ConsoleTreeModel, expanded: ReadonlySet<string>): readonly TreeItem[] {
  const out: TreeItem[] = [];
  function walk(id: string): void {
    const item = model.items.get(id);
    if (!item) return;
    out.push(item);
    if (expanded.has(id)) for (const child of item.childIds) walk(child);
  }
  walk(model.rootId);
  return out;
}

/** The item itself, or its nearest ancestor that still exists (a deleted package's folder). */
export function nearestExisting(model: ConsoleTreeModel, id: string): string {
  let candidate = id;
  while (!model.items.has(candidate)) {
    const cut = candidate.lastIndexOf('/');
    if (cut < 0) return model.rootId;
    candidate = candidate.slice(0, cut);
  }
  return candidate;
}

/** Every ancestor of an id, nearest last: expanding them reveals the item. */
export function ancestorIds(id: string): readonly string[] {
  const parts = id.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
