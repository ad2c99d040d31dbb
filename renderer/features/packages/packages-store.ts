import { createStore, type StoreApi } from 'zustand';
import {
  packageListItemFromRow,
  packageListItemOf,
  type ApiResult,
  type CourierBridge,
  type PackageChangedEvent,
  type PackageDto,
  type PackageListCursor,
  type PackageListItem,
  type PackageListPageDto,
} from '../../../core/api';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';
import { settle } from '../../client/settle';

export interface PackagesState {
  /** Every package the site holds, as the list and the tree show them (Properties reads the whole package). */
  readonly list: LiveList<PackageListItem>;
  /** Reads the whole list again (first load, Refresh, Retry): the first screen, then the rest. */
  load(): Promise<ReadOutcome>;
  /** Reads one package again (Refresh on a package); drops it when the site no longer has it. */
  refreshOne(packageId: string): Promise<ReadOutcome>;
  /** Applies a `packages:changed` event. */
  applyChange(event: PackageChangedEvent): void;
  /** Puts a package the console already holds (the wizard's answer) into the list at once. */
  upsert(pkg: PackageDto | PackageListItem): void;
}

export type PackagesStore = StoreApi<PackagesState>;

export interface PackagesSource {
  /** A page of the list in the order of Name (packages:list-page). */
  listPage(request: { readonly after?: PackageListCursor; readonly limit?: number }): Promise<ApiResult<PackageListPageDto>>;
  get(packageId: string): Promise<ApiResult<PackageDto>>;
}

/**
 * How many packages the first read brings: more than a details pane or the tree shows at once,
 * so the console has its first screen while the rest (100,000 packages, say) is still on its way.
 * By Name, the list's own first order.
 */
export const firstScreenPackages = 200;

function withPackage(list: readonly PackageListItem[], pkg: PackageListItem): readonly PackageListItem[] {
  const index = list.findIndex((p) => p.packageId === pkg.packageId);
  if (index < 0) return [...list, pkg];
  const next = list.slice();
  next[index] = pkg;
  return next;
}

function withoutPackage(list: readonly PackageListItem[], packageId: string): readonly PackageListItem[] {
  return list.some((p) => p.packageId === packageId) ? list.filter((p) => p.packageId !== packageId) : list;
}

function applied(list: readonly PackageListItem[], event: PackageChangedEvent): readonly PackageListItem[] {
  if (event.change === 'deleted' || event.package === null) return withoutPackage(list, event.packageId);
  return withPackage(list, packageListItemOf(event.package));
}

/** The first screen and the rest; a package in both (renamed between the reads) is taken from the rest. */
function joined(first: readonly PackageListItem[], rest: readonly PackageListItem[]): readonly PackageListItem[] {
  if (rest.length === 0) return first;
  const later = new Set(rest.map((p) => p.packageId));
  return [...first.filter((p) => !later.has(p.packageId)), ...rest];
}

const itemsOf = (page: PackageListPageDto): PackageListItem[] => page.rows.map(packageListItemFromRow);

/** The site's packages, kept live (see createListReader for how reads and events meet). */
export function createPackagesStore(source: PackagesSource): PackagesStore {
  return createStore<PackagesState>()((set, get) => {
    const reader = createListReader<PackageListItem, PackageChangedEvent>(
      { get: () => get().list, set: (list) => set({ list }) },
      {
        read: async () => {
          const whole = await source.listPage({});
          return whole.ok ? { ok: true, value: itemsOf(whole.value) } : whole;
        },
        inParts: {
          first: async () => {
            const page = await source.listPage({ limit: firstScreenPackages });
            if (!page.ok) return page;
            const after = page.value.next;
            const rest =
              after === null
                ? null
                : async (): Promise<ApiResult<readonly PackageListItem[]>> => {
                    const remainder = await source.listPage({ after });
                    return remainder.ok ? { ok: true, value: itemsOf(remainder.value) } : remainder;
                  };
            return { ok: true, value: { items: itemsOf(page.value), rest } };
          },
          join: joined,
        },
        applyEvent: applied,
      },
    );
    const change = (next: Partial<LiveList<PackageListItem>>): void => set((s) => ({ list: { ...s.list, ...next } }));

    return {
      list: unreadList,
      load: () => reader.load(),
      async refreshOne(packageId) {
        change({ refreshing: true, error: null });
        const result = await settle(() => source.get(packageId));
        if (result.ok) reader.update((items) => withPackage(items, packageListItemOf(result.value)));
        else if (result.error.code === 'NOT_FOUND') reader.update((items) => withoutPackage(items, packageId));
        const failed = !result.ok && result.error.code !== 'NOT_FOUND';
        change({ refreshing: false, error: failed ? result.error.message : null });
        return failed ? { ok: false, error: result.error.message } : { ok: true };
      },
      applyChange: (event) => reader.apply(event),
      upsert: (pkg) => reader.update((items) => withPackage(items, packageListItemOf(pkg))),
    };
  });
}

/** Subscribes the store to the core's `packages:changed` events; returns the unsubscribe. */
export function followPackageChanges(store: PackagesStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  return bridge.subscribe('packages:changed', (event) => store.getState().applyChange(event));
}
