import type { ConsoleStores } from '../console/console-stores';
import type { ConsoleNode } from '../console/node-kinds';
import type { ConsoleRegistry } from './registration';
import { nodeIdSegment, nodeLabel, nodeRegistration } from './registry-lookups';
import type { ConsoleTreeModel, TreeItem } from './tree-item';

export type { ConsoleTreeModel, TreeItem } from './tree-item';

export const rootId = 'site';

/** Builds the whole tree as data from the registrations; it is rebuilt when the stores change. */
export function buildConsoleTree(registry: ConsoleRegistry, stores: ConsoleStores): ConsoleTreeModel {
  const items = new Map<string, TreeItem>();

  function add(node: ConsoleNode, parentId: string | null, level: number, posInSet: number, setSize: number): string {
    const id = parentId === null ? rootId : `${parentId}/${nodeIdSegment(registry, node)}`;
    const kids = nodeRegistration(registry, node).children?.(node, stores) ?? [];
    const childIds = kids.map((child, i) => add(child, id, level + 1, i + 1, kids.length));
    items.set(id, { id, parentId, level, node, label: nodeLabel(registry, node, stores), childIds, posInSet, setSize });
    return id;
  }

  add(registry.root, null, 1, 1, 1);
  return { rootId, items };
}

/** The ids of the nodes registered to start expanded, for a console opened the first time. */
export function startExpanded(registry: ConsoleRegistry, model: ConsoleTreeModel): readonly string[] {
  return [...model.items.values()].filter((item) => nodeRegistration(registry, item.node).startsExpanded === true).map((item) => item.id);
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
