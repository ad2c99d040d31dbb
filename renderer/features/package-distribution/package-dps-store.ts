import { createStore, type StoreApi } from 'zustand';
import {
  sameNoCase,
  type ApiResult,
  type CourierBridge,
  type DistributionPointDto,
  type DistributionProgressEvent,
  type PackageDpStatusDto,
  type PackageStatusCountsDto,
  type PackageStatusDto,
  type StatusSeverity,
} from '../../../core/api';
import { createKeyedListReaders, createListReader, type LiveList, type ReadOutcome } from '../../client/live-list';

/** A package on one distribution point, as its Distribution Points and Package Status nodes list it. */
export interface PackageDpRow extends PackageDpStatusDto {
  readonly packageId: string;
  /** The site the DP belongs to; '' when the DP is no longer listed (a row of a DP being deleted). */
  readonly siteCode: string;
}

/** Package Status › Show Messages: All, or one severity. */
export type MessageFilter = 'all' | StatusSeverity;

export interface PackageDpsState {
  readonly lists: Readonly<Record<string, LiveList<PackageDpRow>>>;
  /** Copies in progress, by progressKey(packageId, dpName); a finished copy leaves. */
  readonly progress: Readonly<Record<string, DistributionProgressEvent>>;
  /** Reads a package's distribution points again (first view, Refresh, Retry, every change event). */
  load(packageId: string): Promise<ReadOutcome>;
  /** Every package's counts (System Status › Package Status); undefined until first read. */
  readonly summary: LiveList<PackageStatusCountsDto> | undefined;
  loadSummary(): Promise<ReadOutcome>;
  /** Which status messages each package's Package Status node shows; 'all' when absent. */
  readonly messageFilters: Readonly<Record<string, MessageFilter>>;
  setMessageFilter(packageId: string, filter: MessageFilter): void;
  /** Applies a progress event: kept while the copy runs, dropped on its last event. */
  applyProgress(event: DistributionProgressEvent): void;
}

export type PackageDpsStore = StoreApi<PackageDpsState>;

export interface PackageDpsSource {
  status(packageId: string): Promise<ApiResult<PackageStatusDto>>;
  distributionPoints(): Promise<ApiResult<readonly DistributionPointDto[]>>;
  summary(): Promise<ApiResult<readonly PackageStatusCountsDto[]>>;
}

/** DP names are compared without case (the site database's NOCASE), so the key folds case. */
export function progressKey(packageId: string, dpName: string): string {
  return `${packageId.toUpperCase()}\n${dpName.toLowerCase()}`;
}

/** The rows of packages:status, each with its DP's site code from distribution-points:list. */
async function readRows(source: PackageDpsSource, packageId: string): Promise<ApiResult<readonly PackageDpRow[]>> {
  const [status, dps] = await Promise.all([source.status(packageId), source.distributionPoints()]);
  if (!status.ok) return status;
  if (!dps.ok) return dps;
  return {
    ok: true,
    value: status.value.distributionPoints.map((row) => ({
      ...row,
      packageId: status.value.packageId,
      siteCode: dps.value.find((dp) => sameNoCase(dp.name, row.name))?.siteCode ?? '',
    })),
  };
}

/**
 * Where each package is, per package, and the copies in progress. `package-dps:changed` names
 * only the package, so its list is read again; `distribution:progress` is applied as it comes.
 */
export function createPackageDpsStore(source: PackageDpsSource): PackageDpsStore {
  return createStore<PackageDpsState>()((set, get) => {
    const readers = createKeyedListReaders<PackageDpRow>(
      { get: (packageId) => get().lists[packageId], set: (packageId, list) => set((s) => ({ lists: { ...s.lists, [packageId]: list } })) },
      (packageId) => ({ read: () => readRows(source, packageId) }),
    );
    const summary = createListReader<PackageStatusCountsDto>({ get: () => get().summary, set: (list) => set({ summary: list }) }, { read: () => source.summary() });
    return {
      lists: {},
      progress: {},
      summary: undefined,
      messageFilters: {},
      setMessageFilter: (packageId, filter) => set((s) => ({ messageFilters: { ...s.messageFilters, [packageId]: filter } })),
      load: (packageId) => readers(packageId).load(),
      loadSummary: () => summary.load(),
      applyProgress: (event) =>
        set((s) => {
          const key = progressKey(event.packageId, event.dpName);
          if (!event.finished) return { progress: { ...s.progress, [key]: event } };
          if (!(key in s.progress)) return s;
          const { [key]: _finished, ...rest } = s.progress;
          return { progress: rest };
        }),
    };
  });
}

/** Keeps every package's list that was read live, the summary if read, and the progress of every copy; returns the unsubscribe. */
export function followPackageDpChanges(store: PackageDpsStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  const reread = (packageIds: readonly string[]) => {
    const state = store.getState();
    for (const packageId of packageIds) if (state.lists[packageId] !== undefined) void state.load(packageId);
    if (state.summary !== undefined) void state.loadSummary();
  };
  const unsubscribers = [
    bridge.subscribe('package-dps:changed', (event) => reread([event.packageId])),
    bridge.subscribe('distribution:progress', (event) => store.getState().applyProgress(event)),
    // A DP's site or deletion shows in every package's rows.
    bridge.subscribe('distribution-points:changed', () => reread(Object.keys(store.getState().lists))),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
