import { createStore, type StoreApi } from 'zustand';
import type { AdvertisementChangedEvent, AdvertisementDto, ApiResult, CourierBridge } from '../../../core/api';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';

export interface AdvertisementsState {
  readonly list: LiveList<AdvertisementDto>;
  /** Reads every advertisement (first view of the node, Refresh, Retry). */
  load(): Promise<ReadOutcome>;
  /** Applies an `advertisements:changed` event: a deletion at once, then the list again (another console's change included). */
  applyChange(event: AdvertisementChangedEvent): void;
  /** Puts an advertisement the console already holds (a wizard's or sheet's answer) in place. */
  upsert(advertisement: AdvertisementDto): void;
  /** Drops an advertisement the console just deleted. */
  remove(advertisementId: string): void;
}

export type AdvertisementsStore = StoreApi<AdvertisementsState>;

export interface AdvertisementsSource {
  list(): Promise<ApiResult<readonly AdvertisementDto[]>>;
}

function withAdvertisement(items: readonly AdvertisementDto[], advertisement: AdvertisementDto): readonly AdvertisementDto[] {
  const index = items.findIndex((a) => a.advertisementId === advertisement.advertisementId);
  if (index < 0) return [...items, advertisement];
  const next = items.slice();
  next[index] = advertisement;
  return next;
}

const without = (items: readonly AdvertisementDto[], advertisementId: string) => items.filter((a) => a.advertisementId !== advertisementId);

/** The site's advertisements, kept live by `advertisements:changed` (see createListReader for how reads and events meet). */
export function createAdvertisementsStore(source: AdvertisementsSource): AdvertisementsStore {
  return createStore<AdvertisementsState>()((set, get) => {
    const list = createListReader<AdvertisementDto>({ get: () => get().list, set: (next) => set({ list: next }) }, { read: () => source.list() });
    // Read when the Advertisements node is first shown; until then a change has nothing to update.
    let read = false;
    return {
      list: unreadList,
      load: () => {
        read = true;
        return list.load();
      },
      applyChange(event) {
        if (!read) return;
        // The event names the advertisement only; the read counter keeps an older answer from landing on a newer one.
        if (event.change === 'deleted') list.update((items) => without(items, event.advertisementId));
        void list.load();
      },
      upsert: (advertisement) => list.update((items) => withAdvertisement(items, advertisement)),
      remove: (advertisementId) => list.update((items) => without(items, advertisementId)),
    };
  });
}

/** Keeps the store live with the core's events; returns the unsubscribe. */
export function followAdvertisementChanges(store: AdvertisementsStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  return bridge.subscribe('advertisements:changed', (event) => store.getState().applyChange(event));
}
