import { builtInCollections, type CollectionDto, type CollectionRefDto } from '../../../core/api';
import { sortByText } from '../../components/data-grid';
import type { ConsoleNode } from '../../console/node-kinds';

export interface CollectionIndex {
  readonly byId: ReadonlyMap<string, CollectionDto>;
  /** The Collections node's children: the built-ins in the suite's order, then the others by name. */
  readonly top: readonly ConsoleNode[];
  /** Each collection's children: its subcollections and those linked under it, by name. */
  readonly children: ReadonlyMap<string, readonly ConsoleNode[]>;
}

const builtInOrder = new Map<string, number>(builtInCollections.map((c, n) => [c.collectionId, n]));

// The tree is rebuilt whenever any store changes; the collections are indexed again only when they changed.
const indexes = new WeakMap<readonly CollectionDto[], CollectionIndex>();

export function collectionIndex(collections: readonly CollectionDto[]): CollectionIndex {
  let index = indexes.get(collections);
  if (index === undefined) {
    const builtIns = collections.filter((c) => c.builtIn).sort((a, b) => (builtInOrder.get(a.collectionId) ?? 99) - (builtInOrder.get(b.collectionId) ?? 99));
    const others = sortByText(collections.filter((c) => !c.builtIn && c.parentCollectionId === null), (c) => c.name);
    index = {
      byId: new Map(collections.map((c) => [c.collectionId, c])),
      top: [...builtIns, ...others].map((c) => ({ kind: 'collection', collectionId: c.collectionId, linked: false })),
      children: new Map(
        collections.map((c) => [
          c.collectionId,
          sortByText(c.subcollections, (s) => s.name).map((s) => ({ kind: 'collection', collectionId: s.collectionId, linked: s.linked })),
        ]),
      ),
    };
    indexes.set(collections, index);
  }
  return index;
}

export interface DeletionPlan {
  /** The collection first, then its own subcollections all the way down. */
  readonly deleted: readonly CollectionRefDto[];
  /** Collections only linked under one that goes: they stay, without that link. */
  readonly unlinked: readonly { readonly parentName: string; readonly collectionId: string; readonly name: string }[];
}

/**
 * What deleting a collection takes with it, as the core will answer (docs/collections.md): its
 * own subcollections go, all the way down; a collection merely linked under one of them stays.
 */
export function deletionPlan(collections: readonly CollectionDto[], collectionId: string): DeletionPlan {
  const { byId } = collectionIndex(collections);
  const first = byId.get(collectionId);
  if (first === undefined) return { deleted: [], unlinked: [] };
  const deleted: CollectionDto[] = [];
  const pending = [first];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const next = pending.shift()!;
    if (seen.has(next.collectionId)) continue;
    seen.add(next.collectionId);
    deleted.push(next);
    for (const sub of next.subcollections) {
      const child = byId.get(sub.collectionId);
      if (!sub.linked && child !== undefined) pending.push(child);
    }
  }
  const unlinked = deleted.flatMap((parent) =>
    parent.subcollections.filter((s) => s.linked && !seen.has(s.collectionId)).map((s) => ({ parentName: parent.name, collectionId: s.collectionId, name: s.name })),
  );
  return { deleted: deleted.map((c) => ({ collectionId: c.collectionId, name: c.name })), unlinked };
}
