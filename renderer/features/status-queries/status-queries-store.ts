import { createStore, type StoreApi } from 'zustand';
import type { ApiResult, StatusQueryDto } from '../../../core/api';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';

export interface StatusQueriesState {
  readonly list: LiveList<StatusQueryDto>;
  /** Reads every query (first view of the node, Refresh, Retry). */
  load(): Promise<ReadOutcome>;
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
 * The site's Status Message Queries. No event announces a change to one (a query changes nothing
 * the site does), so another console's new query shows on Refresh.
 */
export function createStatusQueriesStore(source: StatusQueriesSource): StatusQueriesStore {
  return createStore<StatusQueriesState>()((set, get) => {
    const list = createListReader<StatusQueryDto>({ get: () => get().list, set: (next) => set({ list: next }) }, { read: () => source.list() });
    return {
      list: unreadList,
      load: () => list.load(),
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
