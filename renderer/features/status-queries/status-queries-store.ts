import { createStore, type StoreApi } from 'zustand';
import type { ApiResult, CourierBridge, StatusQueryChangedEvent, StatusQueryDto } from '../../../core/api';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';

export interface StatusQueriesState {
  readonly list: LiveList<StatusQueryDto>;
  /** Reads every query (first view of the node, Refresh, Retry). */
  load(): Promise<ReadOutcome>;
  /** Applies a `status-queries:changed` event: a deletion at once, then the list again (another console's change included). */
  applyChange(event: StatusQueryChangedEvent): void;
  /** Puts a query the console already holds (New Query's or Properties' answer) in place. */
  upsert(query: StatusQueryDto): void;
  /** Puts the queries a deletion answered with in place. */
  replace(queries: readonly StatusQueryDto[]): void;
}

export type StatusQueriesStore = StoreApi<StatusQueriesState>;

export interface StatusQueriesSource {
  list(): Promise<ApiResult<readonly StatusQueryDto[]>>;
}

/**
 * The site's Status Message Queries, kept live by `status-queries:changed`, so another console's
 * or the CLI's new, changed or deleted query shows without Refresh (see createListReader for how
 * reads and events meet).
 */
export function createStatusQueriesStore(source: StatusQueriesSource): StatusQueriesStore {
  return createStore<StatusQueriesState>()((set, get) => {
    const list = createListReader<StatusQueryDto>({ get: () => get().list, set: (next) => set({ list: next }) }, { read: () => source.list() });
    // Read when the node is first shown; until then a change has nothing to update.
    let read = false;
    return {
      list: unreadList,
      load: () => {
        read = true;
        return list.load();
      },
      applyChange(event) {
        if (!read) return;
        // The event names the query only; the read counter keeps an older answer from landing on a newer one.
        if (event.change === 'deleted') list.update((items) => items.filter((q) => q.id !== event.queryId));
        void list.load();
      },
      upsert: (query) =>
        list.update((items) => {
          const index = items.findIndex((q) => q.id === query.id);
          if (index < 0) return [...items, query];
          const next = items.slice();
          next[index] = query;
          return next;
        }),
      replace: (queries) => list.replace(queries),
    };
  });
}

/** Keeps the store live with the core's events; returns the unsubscribe. */
export function followStatusQueryChanges(store: StatusQueriesStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  return bridge.subscribe('status-queries:changed', (event) => store.getState().applyChange(event));
}
