import { createStore, type StoreApi } from 'zustand';
import { foldNoCase, type ApiResult, type ContentServiceDto, type CourierBridge, type DistributionPointDto, type DpGroupDto } from '../../../core/api';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';

/** A server of the site and the distribution point roles on it. */
export interface SiteSystem {
  readonly serverName: string;
  readonly siteCode: string;
  readonly dps: readonly DistributionPointDto[];
  /** The site server: it holds the management point role, and cannot be deleted. */
  readonly siteServer: boolean;
}

/** The site server, as site:info names it; it is a site system whether or not it holds a DP. */
export interface SiteServer {
  readonly serverName: string;
  readonly siteCode: string;
}

export interface SiteSystemsState {
  readonly dps: LiveList<DistributionPointDto>;
  readonly groups: LiveList<DpGroupDto>;
  /** The content service of BITS-enabled DPs (SMS_DP_CONTENT_SERVICE): one item once read. */
  readonly contentService: LiveList<ContentServiceDto>;
  /** Reads the distribution points and the groups again (first view, Refresh, every change event). */
  load(): Promise<ReadOutcome>;
  /** Puts a DP the console already holds (a wizard's or sheet's answer) into the list at once. */
  /** Reads the content service's settings and where it listens (a BITS DP's role shown, its sheet, every change once read). */
  loadContentService(): Promise<ReadOutcome>;
  /** Reads the content service again if it has been read (a change event). */
  contentServiceChanged(): void;
  upsertDp(dp: DistributionPointDto): void;
  upsertGroup(group: DpGroupDto): void;
  replaceGroups(groups: readonly DpGroupDto[]): void;
}

export type SiteSystemsStore = StoreApi<SiteSystemsState>;

export interface SiteSystemsSource {
  listDps(): Promise<ApiResult<readonly DistributionPointDto[]>>;
  listGroups(): Promise<ApiResult<readonly DpGroupDto[]>>;
  contentService(): Promise<ApiResult<ContentServiceDto>>;
}

function withItem<T>(items: readonly T[], item: T, key: (t: T) => string): readonly T[] {
  const k = foldNoCase(key(item));
  const index = items.findIndex((i) => foldNoCase(key(i)) === k);
  return index < 0 ? [...items, item] : items.map((i, n) => (n === index ? item : i));
}

/**
 * The site's distribution points and DP groups. Their change events name one DP or group, but a
 * change to one touches the other (a DP deleted leaves its groups; a member added changes the
 * DP's groups), so every event reads both lists again; the read counter keeps an older answer
 * from landing on a newer one.
 */
export function createSiteSystemsStore(source: SiteSystemsSource): SiteSystemsStore {
  return createStore<SiteSystemsState>()((set, get) => {
    const dps = createListReader<DistributionPointDto>({ get: () => get().dps, set: (list) => set({ dps: list }) }, { read: () => source.listDps() });
    const groups = createListReader<DpGroupDto>({ get: () => get().groups, set: (list) => set({ groups: list }) }, { read: () => source.listGroups() });
    const contentService = createListReader<ContentServiceDto>(
      { get: () => get().contentService, set: (list) => set({ contentService: list }) },
      {
        read: async () => {
          const result = await source.contentService();
          return result.ok ? { ok: true, value: [result.value] } : result;
        },
      },
    );
    // Nothing is read of the content service until a view shows it.
    let contentServiceRead = false;
    return {
      dps: unreadList,
      groups: unreadList,
      contentService: unreadList,
      loadContentService: () => {
        contentServiceRead = true;
        return contentService.load();
      },
      contentServiceChanged: () => {
        if (contentServiceRead) void contentService.load();
      },
      async load() {
        const [a, b] = await Promise.all([dps.load(), groups.load()]);
        return a.ok ? b : a;
      },
      upsertDp: (dp) => dps.update((items) => withItem(items, dp, (d) => d.name)),
      upsertGroup: (group) => groups.update((items) => withItem(items, group, (g) => g.name)),
      replaceGroups: (items) => groups.replace(items),
    };
  });
}

/** Reads again whenever any console or the CLI changes a DP, a group or the content service; returns the unsubscribe. */
export function followSiteSystemChanges(store: SiteSystemsStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  const reload = () => void store.getState().load();
  const off = [
    bridge.subscribe('distribution-points:changed', reload),
    bridge.subscribe('dp-groups:changed', reload),
    // Its settings changed, or it started or stopped listening.
    bridge.subscribe('components:settings-changed', (event) => {
      if (event.component === 'dpcontent') store.getState().contentServiceChanged();
    }),
  ];
  return () => off.forEach((undo) => undo());
}

/**
 * The site systems: the site server (once site:info named it) and the servers the DPs are on,
 * one per server (names compared without case), in no order.
 */
export function siteSystemsOf(dps: readonly DistributionPointDto[], siteServer: SiteServer | null = null): readonly SiteSystem[] {
  const byServer = new Map<string, { serverName: string; siteCode: string; dps: DistributionPointDto[]; siteServer: boolean }>();
  if (siteServer !== null) byServer.set(foldNoCase(siteServer.serverName), { ...siteServer, dps: [], siteServer: true });
  for (const dp of dps) {
    const key = foldNoCase(dp.serverName);
    const system = byServer.get(key);
    if (system) system.dps.push(dp);
    else byServer.set(key, { serverName: dp.serverName, siteCode: dp.siteCode, dps: [dp], siteServer: false });
  }
  return [...byServer.values()];
}

export function siteSystemNamed(dps: readonly DistributionPointDto[], serverName: string, siteServer: SiteServer | null = null): SiteSystem | undefined {
  const key = foldNoCase(serverName);
  return siteSystemsOf(dps, siteServer).find((s) => foldNoCase(s.serverName) === key);
}
