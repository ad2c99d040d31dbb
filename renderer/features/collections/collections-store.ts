import { createStore, type StoreApi } from 'zustand';
import type { ApiResult, CollectionChangedEvent, CollectionDto, CollectionMemberDto, CourierBridge } from '../../../core/api';
import { createKeyedListReaders, createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';

export interface CollectionsState {
  /** Every collection of the site, as the tree shows them. */
  readonly list: LiveList<CollectionDto>;
  /** Members by collection ID; a collection's are read when it is first shown. */
  readonly members: Readonly<Record<string, LiveList<CollectionMemberDto>>>;
  /** Reads the collections again (first load, Refresh, a change event). */
  load(): Promise<ReadOutcome>;
  /** Reads a collection's members again (first view, Refresh, a change to it). */
  loadMembers(collectionId: string): Promise<ReadOutcome>;
  /** Puts collections the console already holds (the core's answer to a change) in place at once. */
  upsert(collections: readonly CollectionDto[]): void;
  /** Applies a `collections:changed` event: the list again, and the members of that collection if held. */
  applyChange(event: CollectionChangedEvent): void;
  /** Resources changed (an import, one added or removed): every count and held member list may differ. */
  resourcesChanged(): void;
}

export type CollectionsStore = StoreApi<CollectionsState>;

export interface CollectionsSource {
  list(): Promise<ApiResult<readonly CollectionDto[]>>;
  members(collectionId: string): Promise<ApiResult<readonly CollectionMemberDto[]>>;
}

function withCollections(items: readonly CollectionDto[], changed: readonly CollectionDto[]): readonly CollectionDto[] {
  const byId = new Map(changed.map((c) => [c.collectionId, c]));
  const kept = items.map((c) => byId.get(c.collectionId) ?? c);
  const known = new Set(items.map((c) => c.collectionId));
  return [...kept, ...changed.filter((c) => !known.has(c.collectionId))];
}

/**
 * The site's collections and the members of those shown. A change to one collection touches
 * others (a deletion takes subcollections and links with it, a new one is another's
 * subcollection), so every event reads the whole list again; the read counter keeps an older
 * answer from landing on a newer one.
 */
export function createCollectionsStore(source: CollectionsSource): CollectionsStore {
  return createStore<CollectionsState>()((set, get) => {
    const list = createListReader<CollectionDto>({ get: () => get().list, set: (next) => set({ list: next }) }, { read: () => source.list() });
    const members = createKeyedListReaders<CollectionMemberDto>(
      { get: (id) => get().members[id], set: (id, next) => set((s) => ({ members: { ...s.members, [id]: next } })) },
      (id) => ({ read: () => source.members(id) }),
    );
    const reloadHeld = (ids: readonly string[]) => {
      for (const id of ids) if (get().members[id] !== undefined) void members(id).load();
    };
    return {
      list: unreadList,
      members: {},
      load: () => list.load(),
      loadMembers: (id) => members(id).load(),
      upsert: (changed) => list.update((items) => withCollections(items, changed)),
      applyChange(event) {
        void list.load();
        if (event.change === 'deleted') {
          const { [event.collectionId]: _gone, ...rest } = get().members;
          set({ members: rest });
        } else reloadHeld([event.collectionId]);
      },
      resourcesChanged() {
        void list.load();
        reloadHeld(Object.keys(get().members));
      },
    };
  });
}

/** Keeps the store live with the core's events; returns the unsubscribe. */
export function followCollectionChanges(store: CollectionsStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  const off = [
    bridge.subscribe('collections:changed', (event) => store.getState().applyChange(event)),
    bridge.subscribe('resources:changed', () => store.getState().resourcesChanged()),
  ];
  return () => off.forEach((undo) => undo());
}
