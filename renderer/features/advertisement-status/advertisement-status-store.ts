import { createStore, type StoreApi } from 'zustand';
import type { AdvertisementSummaryDto, ApiResult, CourierBridge } from '../../../core/api';
import { coalescedRead } from '../../client/coalesced-read';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';

export interface AdvertisementStatusState {
  readonly list: LiveList<AdvertisementSummaryDto>;
  /** Whether a view asked for the summaries yet: until then the list is unread, not loading. */
  readonly asked: boolean;
  load(): Promise<ReadOutcome>;
}

export type AdvertisementStatusStore = StoreApi<AdvertisementStatusState>;

export interface AdvertisementStatusSource {
  summaries(): Promise<ApiResult<readonly AdvertisementSummaryDto[]>>;
}

/** Advertisement Status: every advertisement's summary, with its per-site counts. */
export function createAdvertisementStatusStore(source: AdvertisementStatusSource): AdvertisementStatusStore {
  return createStore<AdvertisementStatusState>()((set, get) => {
    const list = createListReader<AdvertisementSummaryDto>({ get: () => get().list, set: (next) => set({ list: next }) }, { read: () => source.summaries() });
    return {
      list: unreadList,
      asked: false,
      load: () => {
        if (!get().asked) set({ asked: true });
        return list.load();
      },
    };
  });
}

/**
 * Keeps Advertisement Status live while it is shown: every counted message also changes a
 * client's state (advertisement-clients:changed), and an advertisement created, renamed or
 * deleted changes the rows (docs/status-messages.md#events).
 */
export function followAdvertisementStatus(store: AdvertisementStatusStore, bridge: Pick<CourierBridge, 'subscribe' | 'onResync'>): () => void {
  const reads = coalescedRead(() => store.getState().load());
  const stops = [
    bridge.subscribe('advertisement-clients:changed', reads.ask),
    bridge.subscribe('advertisements:changed', reads.ask),
    bridge.onResync?.(reads.ask) ?? (() => undefined),
  ];
  return () => {
    reads.stop();
    for (const stop of stops) stop();
  };
}

/** The newest of the sites' last updates, or null before any client reported. */
export function lastUpdateOf(summary: AdvertisementSummaryDto): string | null {
  let newest: string | null = null;
  for (const site of summary.sites) if (newest === null || Date.parse(site.lastUpdate) > Date.parse(newest)) newest = site.lastUpdate;
  return newest;
}
