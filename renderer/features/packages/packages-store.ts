import { createStore, type StoreApi } from 'zustand';
import type { ApiResult, CourierBridge, PackageChangedEvent, PackageDto } from '../../../core/api';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';
import { settle } from '../../client/settle';

export interface PackagesState {
  /** Every package the site holds. */
  readonly list: LiveList<PackageDto>;
  /** Reads the whole list again (first load, Refresh, Retry). */
  load(): Promise<ReadOutcome>;
  /** Reads one package again (Refresh on a package); drops it when the site no longer has it. */
  refreshOne(packageId: string): Promise<ReadOutcome>;
  /** Applies a `packages:changed` event. */
  applyChange(event: PackageChangedEvent): void;
  /** Puts a package the console already holds (the wizard's answer) into the list at once. */
  upsert(pkg: PackageDto): void;
}

export type PackagesStore = StoreApi<PackagesState>;

export interface PackagesSource {
  list(): Promise<ApiResult<readonly PackageDto[]>>;
  get(packageId: string): Promise<ApiResult<PackageDto>>;
}

function withPackage(list: readonly PackageDto[], pkg: PackageDto): readonly PackageDto[] {
  const index = list.findIndex((p) => p.packageId === pkg.packageId);
  if (index < 0) return [...list, pkg];
  const next = list.slice();
  next[index] = pkg;
  return next;
}

function withoutPackage(list: readonly PackageDto[], packageId: string): readonly PackageDto[] {
  return list.some((p) => p.packageId === packageId) ? list.filter((p) => p.packageId !== packageId) : list;
}

function applied(list: readonly PackageDto[], event: PackageChangedEvent): readonly PackageDto[] {
  if (event.change === 'deleted' || event.package === null) return withoutPackage(list, event.packageId);
  return withPackage(list, event.package);
}

/** The site's packages, kept live (see createListReader for how reads and events meet). */
export function createPackagesStore(source: PackagesSource): PackagesStore {
  return createStore<PackagesState>()((set, get) => {
    const reader = createListReader<PackageDto, PackageChangedEvent>(
      { get: () => get().list, set: (list) => set({ list }) },
      { read: () => source.list(), applyEvent: applied },
    );
    const change = (next: Partial<LiveList<PackageDto>>): void => set((s) => ({ list: { ...s.list, ...next } }));

    return {
      list: unreadList,
      load: () => reader.load(),
      async refreshOne(packageId) {
        change({ refreshing: true, error: null });
        const result = await settle(() => source.get(packageId));
        if (result.ok) reader.update((items) => withPackage(items, result.value));
        else if (result.error.code === 'NOT_FOUND') reader.update((items) => withoutPackage(items, packageId));
        const failed = !result.ok && result.error.code !== 'NOT_FOUND';
        change({ refreshing: false, error: failed ? result.error.message : null });
        return failed ? { ok: false, error: result.error.message } : { ok: true };
      },
      applyChange: (event) => reader.apply(event),
      upsert: (pkg) => reader.update((items) => withPackage(items, pkg)),
    };
  });
}

/** Subscribes the store to the core's `packages:changed` events; returns the unsubscribe. */
export function followPackageChanges(store: PackagesStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  return bridge.subscribe('packages:changed', (event) => store.getState().applyChange(event));
}
