import { describe, expect, it, vi } from 'vitest';
import type { ApiResult, PackageDto, PackageListCursor, PackageListItem, PackageListPageDto, PackageListRow } from '../../../core/api';
import { packageDefaults, packageListRowOf } from '../../../core/api';
import { createPackagesStore, firstScreenPackages, type PackagesSource } from './packages-store';

function pkg(packageId: string, name: string): PackageDto {
  return {
    ...packageDefaults,
    name,
    packageId,
    updateSchedule: null,
    sourceVersion: 1,
    sourceDate: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastModified: '2026-01-01T00:00:00.000Z',
    pkgFlags: 0,
    pkgSourceFlag: 1,
    shareType: 1,
    shareName: '',
    priority: 2,
    refreshSchedule: '',
  };
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

type PageAnswer = ApiResult<PackageListPageDto>;

const row = (p: PackageDto): PackageListRow => packageListRowOf(p);

/** A page answer of these packages; `next` says more follow. */
function page(packages: readonly PackageDto[], next: PackageListCursor | null = null): PageAnswer {
  return { ok: true, value: { rows: packages.map(row), next } };
}

/** A source whose answers the test hands out one by one, and which keeps what it was asked. */
function scriptedSource() {
  const lists: Deferred<PageAnswer>[] = [];
  const requests: Parameters<PackagesSource['listPage']>[0][] = [];
  const gets: Deferred<ApiResult<PackageDto>>[] = [];
  const source: PackagesSource = {
    listPage: (request) => {
      requests.push(request);
      const d = deferred<PageAnswer>();
      lists.push(d);
      return d.promise;
    },
    get: () => {
      const d = deferred<ApiResult<PackageDto>>();
      gets.push(d);
      return d.promise;
    },
  };
  return { source, lists, requests, gets };
}

const names = (list: readonly PackageListItem[]): string[] => list.map((p) => p.name).sort();

describe('packages store', () => {
  it('loads the list', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    expect(store.getState().list.status).toBe('loading');
    const done = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Office'), pkg('A0100002', 'Visio')]));
    await done;
    expect(store.getState().list.status).toBe('ready');
    expect(names(store.getState().list.items)).toEqual(['Office', 'Visio']);
  });

  it('replays changes that arrive while the list is in flight', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    const done = store.getState().load();
    store.getState().applyChange({ change: 'created', packageId: 'A0100003', package: pkg('A0100003', 'Project') });
    store.getState().applyChange({ change: 'deleted', packageId: 'A0100002', package: null });
    // The list was read before both changes.
    lists[0]?.resolve(page([pkg('A0100001', 'Office'), pkg('A0100002', 'Visio')]));
    await done;
    expect(names(store.getState().list.items)).toEqual(['Office', 'Project']);
  });

  it('applies created, updated and deleted events once loaded', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    const done = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Office')]));
    await done;
    const { applyChange } = store.getState();
    applyChange({ change: 'created', packageId: 'A0100002', package: pkg('A0100002', 'Visio') });
    applyChange({ change: 'updated', packageId: 'A0100001', package: pkg('A0100001', 'Office 2007') });
    expect(names(store.getState().list.items)).toEqual(['Office 2007', 'Visio']);
    applyChange({ change: 'deleted', packageId: 'A0100002', package: null });
    expect(names(store.getState().list.items)).toEqual(['Office 2007']);
  });

  it('reports a failed first load in plain words and recovers on retry', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    const first = store.getState().load();
    lists[0]?.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The site database is locked.' } });
    await first;
    expect(store.getState().list).toMatchObject({ status: 'error', error: 'The site database is locked.' });
    const retry = store.getState().load();
    expect(store.getState().list.status).toBe('loading');
    lists[1]?.resolve(page([]));
    await retry;
    expect(store.getState().list).toMatchObject({ status: 'ready', error: null });
  });

  it('keeps the rows on screen when a refresh fails', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    const first = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Office')]));
    await first;
    const refresh = store.getState().load();
    expect(store.getState().list.refreshing).toBe(true);
    lists[1]?.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The site server cannot be reached.' } });
    await refresh;
    expect(store.getState().list).toMatchObject({ status: 'ready', refreshing: false, error: 'The site server cannot be reached.' });
    expect(names(store.getState().list.items)).toEqual(['Office']);
  });

  it('ignores an older answer that arrives after a newer one', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    const older = store.getState().load();
    const newer = store.getState().load();
    lists[1]?.resolve(page([pkg('A0100002', 'New')]));
    await newer;
    lists[0]?.resolve(page([pkg('A0100001', 'Old')]));
    await older;
    expect(names(store.getState().list.items)).toEqual(['New']);
  });

  it('refreshes one package and drops it when the site no longer has it', async () => {
    const { source, lists, gets } = scriptedSource();
    const store = createPackagesStore(source);
    const first = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Office'), pkg('A0100002', 'Visio')]));
    await first;
    const one = store.getState().refreshOne('A0100001');
    gets[0]?.resolve({ ok: true, value: pkg('A0100001', 'Office 2010') });
    await one;
    const gone = store.getState().refreshOne('A0100002');
    gets[1]?.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no package A0100002.' } });
    await gone;
    expect(names(store.getState().list.items)).toEqual(['Office 2010']);
    expect(store.getState().list.error).toBeNull();
  });
  it('shows the first screen, then the rest read after its last row', async () => {
    const { source, lists, requests } = scriptedSource();
    const store = createPackagesStore(source);
    const done = store.getState().load();
    expect(requests[0]).toEqual({ limit: firstScreenPackages });
    lists[0]?.resolve(page([pkg('A0100001', 'Access'), pkg('A0100002', 'Excel')], { value: 'Excel', packageId: 'A0100002' }));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    // The first screen is up, and the console says it is still reading.
    expect(store.getState().list).toMatchObject({ status: 'ready', refreshing: true, error: null });
    expect(names(store.getState().list.items)).toEqual(['Access', 'Excel']);
    expect(requests[1]).toEqual({ after: { value: 'Excel', packageId: 'A0100002' } });
    lists[1]?.resolve(page([pkg('A0100003', 'Visio')]));
    expect(await done).toEqual({ ok: true });
    expect(store.getState().list).toMatchObject({ status: 'ready', refreshing: false, error: null });
    expect(names(store.getState().list.items)).toEqual(['Access', 'Excel', 'Visio']);
  });

  it('reads once when the first screen is the whole list', async () => {
    const { source, lists, requests } = scriptedSource();
    const store = createPackagesStore(source);
    const done = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Access')]));
    await done;
    expect(requests).toHaveLength(1);
    expect(store.getState().list).toMatchObject({ status: 'ready', refreshing: false });
  });

  it('applies changes made while the rest is read, and keeps one of a package renamed between the reads', async () => {
    const { source, lists, requests } = scriptedSource();
    const store = createPackagesStore(source);
    const done = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Access'), pkg('A0100002', 'Excel')], { value: 'Excel', packageId: 'A0100002' }));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    const { applyChange } = store.getState();
    // Renamed after the first read: it sorts into the rest, which the site reads next.
    applyChange({ change: 'updated', packageId: 'A0100001', package: pkg('A0100001', 'Word') });
    applyChange({ change: 'deleted', packageId: 'A0100002', package: null });
    applyChange({ change: 'created', packageId: 'A0100004', package: pkg('A0100004', 'Project') });
    expect(names(store.getState().list.items)).toEqual(['Project', 'Word']);
    // The rest was read before the delete and the create, after the rename.
    lists[1]?.resolve(page([pkg('A0100003', 'Visio'), pkg('A0100001', 'Word')]));
    await done;
    const items = store.getState().list.items;
    expect(names(items)).toEqual(['Project', 'Visio', 'Word']);
    expect(items.filter((p) => p.packageId === 'A0100001')).toHaveLength(1);
  });

  it('keeps the first screen and says so when the rest cannot be read', async () => {
    const { source, lists, requests } = scriptedSource();
    const store = createPackagesStore(source);
    const done = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Access')], { value: 'Access', packageId: 'A0100001' }));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    lists[1]?.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The site server cannot be reached.' } });
    expect(await done).toEqual({ ok: false, error: 'The site server cannot be reached.' });
    expect(store.getState().list).toMatchObject({ status: 'ready', refreshing: false, error: 'The site server cannot be reached.' });
    expect(names(store.getState().list.items)).toEqual(['Access']);
  });

  it('drops the rest of an older read once a newer read has begun', async () => {
    const { source, lists, requests } = scriptedSource();
    const store = createPackagesStore(source);
    const older = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Access')], { value: 'Access', packageId: 'A0100001' }));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    const newer = store.getState().load();
    lists[2]?.resolve(page([pkg('A0100005', 'Teams')]));
    await newer;
    lists[1]?.resolve(page([pkg('A0100002', 'Stale')]));
    await older;
    expect(names(store.getState().list.items)).toEqual(['Teams']);
  });

  it('holds what the list shows, not the whole package', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    const done = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Office')]));
    await done;
    store.getState().upsert(pkg('A0100002', 'Visio'));
    for (const item of store.getState().list.items) {
      expect(Object.keys(item).sort()).toEqual(['comment', 'containsSourceFiles', 'language', 'lastModified', 'name', 'packageId', 'publisher', 'sourceDate', 'sourceVersion', 'version']);
    }
  });
  it('keeps the whole list on screen through a refresh until the rest has come', async () => {
    const { source, lists, requests } = scriptedSource();
    const store = createPackagesStore(source);
    const first = store.getState().load();
    lists[0]?.resolve(page([pkg('A0100001', 'Access'), pkg('A0100002', 'Excel'), pkg('A0100003', 'Visio')]));
    await first;
    const refresh = store.getState().load();
    lists[1]?.resolve(page([pkg('A0100001', 'Access')], { value: 'Access', packageId: 'A0100001' }));
    await vi.waitFor(() => expect(requests).toHaveLength(3));
    expect(store.getState().list).toMatchObject({ status: 'ready', refreshing: true });
    expect(names(store.getState().list.items)).toEqual(['Access', 'Excel', 'Visio']);
    lists[2]?.resolve(page([pkg('A0100003', 'Visio 2010')]));
    await refresh;
    expect(store.getState().list).toMatchObject({ status: 'ready', refreshing: false });
    expect(names(store.getState().list.items)).toEqual(['Access', 'Visio 2010']);
  });
});
