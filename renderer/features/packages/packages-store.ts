import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ApiResult, PackageChangedEvent, PackageDto } from '../../../core/api';
import { bridge, courier } from '../../bridge';
import { describeFailure } from '../../components/describe-failure';

export type PackagesStatus = 'loading' | 'ready' | 'error';

export interface PackagesState {
  /** 'loading' until the first list arrives; a later refresh keeps 'ready' and sets `refreshing`. */
  readonly status: PackagesStatus;
  readonly refreshing: boolean;
  /** Every package the site holds, in no particular order (views sort). */
  readonly packages: readonly PackageDto[];
  /** The last failure in plain words, shown inline in the details pane with a Retry. */
  readonly error: string | null;
  /** Reads the whole list again (first load, Refresh, Retry). */
  load(): Promise<void>;
  /** Reads one package again (Refresh on a package); drops it when the site no longer has it. */
  refreshOne(packageId: string): Promise<void>;
  /** Applies a `packages:changed` event. */
  applyChange(event: PackageChangedEvent): void;
  /** Puts a package the console already holds (the wizard's answer) into the list at once. */
  upsert(pkg: PackageDto): void;
}

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

async function settle<T>(request: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await request();
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: describeFailure(error) } };
  }
}

/**
 * The site's packages, kept live. Events that arrive while a list request is in flight are
 * replayed onto its answer: the list may have been read before the change, and the event
 * is the newer truth (upserts and removals are idempotent, so replaying twice is harmless).
 */
export function createPackagesStore(source: PackagesSource): UseBoundStore<StoreApi<PackagesState>> {
  let generation = 0;
  let changesDuringLoad: PackageChangedEvent[] = [];

  return create<PackagesState>()((set, get) => ({
    status: 'loading',
    refreshing: false,
    packages: [],
    error: null,

    async load() {
      const mine = ++generation;
      changesDuringLoad = [];
      set((s) => ({ refreshing: s.status !== 'loading', error: null, status: s.status === 'error' ? 'loading' : s.status }));
      const result = await settle(() => source.list());
      if (mine !== generation) return;
      const replay = changesDuringLoad;
      changesDuringLoad = [];
      if (result.ok) {
        set({ status: 'ready', refreshing: false, error: null, packages: replay.reduce(applied, result.value) });
      } else {
        // Keep what is on screen after a failed refresh; the error says it may be stale.
        set((s) => ({ status: s.status === 'ready' ? 'ready' : 'error', refreshing: false, error: result.error.message }));
      }
    },

    async refreshOne(packageId) {
      set({ refreshing: true, error: null });
      const result = await settle(() => source.get(packageId));
      if (result.ok) set((s) => ({ refreshing: false, packages: withPackage(s.packages, result.value) }));
      else if (result.error.code === 'NOT_FOUND') set((s) => ({ refreshing: false, packages: withoutPackage(s.packages, packageId) }));
      else set({ refreshing: false, error: result.error.message });
    },

    applyChange(event) {
      if (get().refreshing || get().status === 'loading') changesDuringLoad.push(event);
      set((s) => ({ packages: applied(s.packages, event) }));
    },

    upsert(pkg) {
      set((s) => ({ packages: withPackage(s.packages, pkg) }));
    },
  }));
}

export const usePackagesStore = createPackagesStore({
  list: () => courier['packages:list']({}),
  get: (packageId) => courier['packages:get']({ packageId }),
});

/** Subscribes the store to the core's `packages:changed` events; returns the unsubscribe. */
export function followPackageChanges(store: Pick<UseBoundStore<StoreApi<PackagesState>>, 'getState'> = usePackagesStore): () => void {
  return bridge.subscribe('packages:changed', (event) => store.getState().applyChange(event));
}
