import { describe, expect, it } from 'vitest';
import type { ApiResult, PackageDto } from '../../../core/api';
import { packageDefaults } from '../../../core/api';
import { createPackagesStore, type PackagesSource } from './packages-store';

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

/** A source whose answers the test hands out one by one. */
function scriptedSource() {
  const lists: Deferred<ApiResult<readonly PackageDto[]>>[] = [];
  const gets: Deferred<ApiResult<PackageDto>>[] = [];
  const source: PackagesSource = {
    list: () => {
      const d = deferred<ApiResult<readonly PackageDto[]>>();
      lists.push(d);
      return d.promise;
    },
    get: () => {
      const d = deferred<ApiResult<PackageDto>>();
      gets.push(d);
      return d.promise;
    },
  };
  return { source, lists, gets };
}

const names = (list: readonly PackageDto[]): string[] => list.map((p) => p.name).sort();

describe('packages store', () => {
  it('loads the list', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    expect(store.getState().list.status).toBe('loading');
    const done = store.getState().load();
    lists[0]?.resolve({ ok: true, value: [pkg('A0100001', 'Office'), pkg('A0100002', 'Visio')] });
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
    lists[0]?.resolve({ ok: true, value: [pkg('A0100001', 'Office'), pkg('A0100002', 'Visio')] });
    await done;
    expect(names(store.getState().list.items)).toEqual(['Office', 'Project']);
  });

  it('applies created, updated and deleted events once loaded', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    const done = store.getState().load();
    lists[0]?.resolve({ ok: true, value: [pkg('A0100001', 'Office')] });
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
    lists[1]?.resolve({ ok: true, value: [] });
    await retry;
    expect(store.getState().list).toMatchObject({ status: 'ready', error: null });
  });

  it('keeps the rows on screen when a refresh fails', async () => {
    const { source, lists } = scriptedSource();
    const store = createPackagesStore(source);
    const first = store.getState().load();
    lists[0]?.resolve({ ok: true, value: [pkg('A0100001', 'Office')] });
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
    lists[1]?.resolve({ ok: true, value: [pkg('A0100002', 'New')] });
    await newer;
    lists[0]?.resolve({ ok: true, value: [pkg('A0100001', 'Old')] });
    await older;
    expect(names(store.getState().list.items)).toEqual(['New']);
  });

  it('refreshes one package and drops it when the site no longer has it', async () => {
    const { source, lists, gets } = scriptedSource();
    const store = createPackagesStore(source);
    const first = store.getState().load();
    lists[0]?.resolve({ ok: true, value: [pkg('A0100001', 'Office'), pkg('A0100002', 'Visio')] });
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
});
