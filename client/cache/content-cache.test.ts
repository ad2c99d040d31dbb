import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { cacheIndexName } from './cache-index';
import { ContentCache, defaultCacheSizeMb, type CacheEntry } from './content-cache';

const MB = 1024 * 1024;
const hour = 60 * 60 * 1000;
let temp: TempDir;
let clock: number;
const now = () => new Date(clock);
beforeEach(() => {
  temp = makeTempDir('courier-cache-');
  clock = Date.parse('2026-03-01T08:00:00Z');
});
afterEach(() => temp.remove());

const root = () => join(temp.path, 'cache');

/** Reserves, writes `bytes` into the folder as a download would, and completes it. */
async function download(cache: ContentCache, packageId: string, bytes: number, options: { version?: number; persist?: boolean; advert?: string } = {}): Promise<CacheEntry> {
  const result = await cache.reserve({ packageId, sourceVersion: options.version ?? 1, sizeBytes: bytes, persist: options.persist, advertisementId: options.advert ?? 'A0120000' });
  if (result.outcome !== 'reserved') throw new Error(`expected room for ${packageId}, got ${result.outcome}`);
  mkdirSync(result.entry.path);
  writeFileSync(join(result.entry.path, 'setup.bin'), Buffer.alloc(bytes, 1));
  return cache.complete(packageId, options.version ?? 1);
}

describe('ContentCache', () => {
  it('starts at 5120 MB with an index, and keeps a content per package and source version', async () => {
    const { cache, rebuilt } = await ContentCache.open(root(), { now });
    expect(rebuilt).toBeNull();
    expect(cache.sizeMb).toBe(defaultCacheSizeMb);
    const entry = await download(cache, 'A0100001', 1000, { version: 3 });
    expect(entry.path).toBe(join(root(), 'A0100001.3'));
    expect(entry).toMatchObject({ state: 'complete', sizeBytes: 1000, locked: true, lockReason: 'pending' });
    const again = await ContentCache.open(root(), { now });
    expect(again.cache.entries().map((e) => [e.key, e.sizeBytes, e.pending])).toEqual([['A0100001.3', 1000, ['A0120000']]]);
    expect(readdirSync(root()).sort()).toEqual(['A0100001.3', cacheIndexName]);
  });

  it('answers 10050 for a package larger than the whole cache, and cached for one already there', async () => {
    const { cache } = await ContentCache.open(root(), { now, sizeMb: 1 });
    expect(await cache.reserve({ packageId: 'A0100001', sourceVersion: 1, sizeBytes: MB + 1, advertisementId: 'A0120000' })).toEqual({ outcome: 'too-large', messageId: 10050, sizeBytes: MB + 1, cacheBytes: MB });
    await download(cache, 'A0100002', 10);
    const second = await cache.reserve({ packageId: 'A0100002', sourceVersion: 1, sizeBytes: 10, advertisementId: 'A0120001' });
    expect(second.outcome).toBe('cached');
    expect(cache.find('A0100002', 1)?.pending).toEqual(['A0120000', 'A0120001']);
  });

  it('keeps content locked until 24 hours after its run or 30 days without one, then evicts the oldest unlocked first', async () => {
    const { cache } = await ContentCache.open(root(), { now, sizeMb: 1 });
    await download(cache, 'A0100001', 400_000);
    clock += hour;
    await download(cache, 'A0100002', 400_000);
    // Both locked: a third one fits the cache but not now, and nothing is evicted for it.
    const waiting = await cache.reserve({ packageId: 'A0100003', sourceVersion: 1, sizeBytes: 400_000, advertisementId: 'A0120002' });
    expect(waiting).toEqual({ outcome: 'deferred', neededBytes: 400_000, freeBytes: MB - 800_000, reclaimableBytes: 0 });
    expect(cache.entries()).toHaveLength(2);

    await cache.recordRun('A0100002', 1, 'A0120000', new Date(clock));
    clock += 24 * hour - 1;
    expect(cache.find('A0100002', 1)?.locked).toBe(true);
    clock += 1;
    expect(cache.find('A0100002', 1)).toMatchObject({ locked: false, lockReason: null });
    expect(cache.find('A0100001', 1)?.locked).toBe(true);
    const third = await cache.reserve({ packageId: 'A0100003', sourceVersion: 1, sizeBytes: 400_000, advertisementId: 'A0120002' });
    expect(third.outcome).toBe('reserved');
    if (third.outcome !== 'reserved') return;
    expect(third.evicted.map((e) => e.key)).toEqual(['A0100002.1']);
    expect(existsSync(join(root(), 'A0100002.1'))).toBe(false);

    // Never run: unlocked 30 days after the download, not a moment before.
    clock = Date.parse('2026-03-01T08:00:00Z') + 30 * 24 * hour - 1;
    expect(cache.find('A0100001', 1)).toMatchObject({ locked: true, lockReason: 'pending' });
    clock += 1;
    expect(cache.find('A0100001', 1)?.locked).toBe(false);
  });

  it('evicts the unlocked content used longest ago first, whatever its name, a run counting as a use', async () => {
    const { cache } = await ContentCache.open(root(), { now, sizeMb: 1 });
    const start = clock;
    // Downloaded in this order, an hour apart: A0100002 is the oldest though it is not first by name.
    for (const id of ['A0100002', 'A0100001', 'A0100003']) {
      await download(cache, id, 300_000);
      clock += hour;
    }
    for (const id of ['A0100001', 'A0100002', 'A0100003']) await cache.release(id, 1, 'A0120000');
    const fourth = await cache.reserve({ packageId: 'A0100004', sourceVersion: 1, sizeBytes: 300_000, advertisementId: 'A0120001' });
    expect(fourth.outcome === 'reserved' && fourth.evicted.map((e) => e.key)).toEqual(['A0100002.1']);

    // A0100001 runs (locked for 24 hours); once unlocked its run is newer than A0100003's download.
    await cache.recordRun('A0100001', 1, 'A0120002', new Date(start + 3 * hour));
    clock = start + 27 * hour;
    expect(cache.find('A0100001', 1)?.locked).toBe(false);
    const fifth = await cache.reserve({ packageId: 'A0100005', sourceVersion: 1, sizeBytes: 300_000, advertisementId: 'A0120001' });
    expect(fifth.outcome === 'reserved' && fifth.evicted.map((e) => e.key)).toEqual(['A0100003.1']);
    expect(cache.entries().map((e) => e.key).sort()).toEqual(['A0100001.1', 'A0100004.1', 'A0100005.1']);
  });

  it('never evicts persisted content, and unlocks content no advertisement needs any more', async () => {
    const { cache } = await ContentCache.open(root(), { now, sizeMb: 1 });
    await download(cache, 'A0100001', 600_000, { persist: true });
    await cache.release('A0100001', 1, 'A0120000');
    expect(cache.find('A0100001', 1)?.locked).toBe(false);
    expect((await cache.reserve({ packageId: 'A0100002', sourceVersion: 1, sizeBytes: 600_000, advertisementId: 'A0120001' })).outcome).toBe('deferred');
    await download(cache, 'A0100003', 300_000);
    await cache.release('A0100003', 1, 'A0120000');
    const fourth = await cache.reserve({ packageId: 'A0100004', sourceVersion: 1, sizeBytes: 400_000, advertisementId: 'A0120001' });
    expect(fourth.outcome === 'reserved' && fourth.evicted.map((e) => e.key)).toEqual(['A0100003.1']);
    expect(cache.find('A0100001', 1)?.persist).toBe(true);
  });

  it('lets go of the content of advertisements no longer in policy, keeping the hold of those that are', async () => {
    const { cache } = await ContentCache.open(root(), { now, sizeMb: 10 });
    await download(cache, 'A0100001', 1000, { advert: 'A0120000' });
    await cache.reserve({ packageId: 'A0100001', sourceVersion: 1, sizeBytes: 1000, advertisementId: 'A0120001' });
    await download(cache, 'A0100002', 1000, { advert: 'A0120002' });
    const changed = await cache.releaseAllExcept(new Set(['A0120001']));
    expect(changed.map((e) => [e.key, e.pending, e.locked])).toEqual([
      ['A0100001.1', ['A0120001'], true],
      ['A0100002.1', [], false],
    ]);
    // Nothing left to let go: nothing changes, nothing is written.
    expect(await cache.releaseAllExcept(new Set(['A0120001']))).toEqual([]);
    const { cache: reopened } = await ContentCache.open(root(), { now, sizeMb: 10 });
    expect(reopened.find('A0100002', 1)?.locked).toBe(false);
    expect(reopened.find('A0100001', 1)?.pending).toEqual(['A0120001']);
  });

  it('shrinks by evicting what it may, never locked content, and says how far over it stays', async () => {
    const { cache } = await ContentCache.open(root(), { now, sizeMb: 4 });
    await download(cache, 'A0100001', MB);
    clock += hour;
    await download(cache, 'A0100002', MB);
    clock += hour;
    await download(cache, 'A0100003', 2 * MB);
    await cache.release('A0100001', 1, 'A0120000');
    await cache.release('A0100002', 1, 'A0120000');
    const result = await cache.setSize(1);
    expect(result.evicted.map((e) => e.key)).toEqual(['A0100001.1', 'A0100002.1']);
    // A0100003 is locked: it stays, a megabyte over the new size.
    expect(result.overBytes).toBe(MB);
    expect(cache.entries().map((e) => e.key)).toEqual(['A0100003.1']);
    expect((await ContentCache.open(root(), { now })).cache.sizeMb).toBe(1);
    expect((await cache.reserve({ packageId: 'A0100004', sourceVersion: 1, sizeBytes: 1, advertisementId: 'A0120000' })).outcome).toBe('deferred');
    await expect(cache.setSize(0)).rejects.toThrow(/sizeMb 0 is not a whole number of MB from 1/);
  });

  it('keeps persisted content when shrinking, even unlocked and older than what it evicts', async () => {
    const { cache } = await ContentCache.open(root(), { now, sizeMb: 4 });
    await download(cache, 'A0100001', MB, { persist: true });
    clock += hour;
    await download(cache, 'A0100002', MB);
    for (const id of ['A0100001', 'A0100002']) await cache.release(id, 1, 'A0120000');
    const result = await cache.setSize(1);
    expect([result.evicted.map((e) => e.key), result.overBytes]).toEqual([['A0100002.1'], 0]);
    expect(cache.entries().map((e) => [e.key, e.persist, e.locked])).toEqual([['A0100001.1', true, false]]);
  });

  it('moves its contents and index to a new location, and refuses one inside it or not empty', async () => {
    const { cache } = await ContentCache.open(root(), { now });
    await download(cache, 'A0100001', 5, { persist: true });
    await expect(cache.moveTo(join(root(), 'inner'))).rejects.toThrow(/inside it or around it/);
    mkdirSync(join(temp.path, 'busy'));
    writeFileSync(join(temp.path, 'busy', 'x'), '');
    await expect(cache.moveTo(join(temp.path, 'busy'))).rejects.toThrow(/is not empty/);
    const target = join(temp.path, 'moved');
    await cache.moveTo(target);
    expect(cache.root).toBe(target);
    expect(readFileSync(join(target, 'A0100001.1', 'setup.bin')).length).toBe(5);
    expect(existsSync(join(root(), 'A0100001.1'))).toBe(false);
    expect(existsSync(join(root(), cacheIndexName))).toBe(false);
    const reopened = (await ContentCache.open(target, { now })).cache;
    expect(reopened.find('A0100001', 1)).toMatchObject({ persist: true, path: join(target, 'A0100001.1') });
  });

  it('deletes an entry, but not one being downloaded', async () => {
    const { cache } = await ContentCache.open(root(), { now });
    await download(cache, 'A0100001', 5);
    await cache.delete('A0100001', 1);
    expect(cache.entries()).toEqual([]);
    expect(existsSync(join(root(), 'A0100001.1'))).toBe(false);
    await cache.reserve({ packageId: 'A0100002', sourceVersion: 1, sizeBytes: 5, advertisementId: 'A0120000' });
    await expect(cache.delete('A0100002', 1)).rejects.toThrow(/being downloaded/);
    await expect(cache.delete('A0100009', 1)).rejects.toThrow(/A0100009.1 is not in the cache/);
  });

  it('names the field of bad input', async () => {
    const { cache } = await ContentCache.open(root(), { now });
    await expect(cache.reserve({ packageId: '../etc', sourceVersion: 1, sizeBytes: 1, advertisementId: 'A0120000' })).rejects.toThrow(/packageId "..\/etc" is not a package ID/);
    await expect(cache.reserve({ packageId: 'A0100001', sourceVersion: -1, sizeBytes: 1, advertisementId: 'A0120000' })).rejects.toThrow(/sourceVersion -1/);
    await expect(cache.reserve({ packageId: 'A0100001', sourceVersion: 1, sizeBytes: 2 ** 60, advertisementId: 'A0120000' })).rejects.toThrow(/sizeBytes/);
    await expect(cache.reserve({ packageId: 'A0100001', sourceVersion: 1, sizeBytes: 1, advertisementId: 'x\n' })).rejects.toThrow(/advertisementId/);
    await expect(ContentCache.open('relative/cache')).rejects.toThrow(/not an absolute path/);
    writeFileSync(join(temp.path, 'a-file'), '');
    await expect(ContentCache.open(join(temp.path, 'a-file'))).rejects.toThrow(/The cache location .*a-file cannot be made a folder \(EEXIST\)|is not a folder/);
    await expect(ContentCache.open(root(), { sizeMb: 2 ** 40 })).rejects.toThrow(/sizeMb/);
  });
});

describe('ContentCache after a crash or damage', () => {
  it('rebuilds a damaged index from the folders, and removes partial folders of no download and temp files of an index write', async () => {
    const { cache } = await ContentCache.open(root(), { now });
    await download(cache, 'A0100001', 7, { version: 2 });
    mkdirSync(join(root(), 'A0100005.1.partial'));
    mkdirSync(join(root(), 'not-ours'));
    writeFileSync(join(root(), '.cache-index.json.0123456789ab.tmp'), '{"half');
    writeFileSync(join(root(), '.A0100005.1.partial.json.0123456789ab.tmp'), '{"half');
    writeFileSync(join(root(), cacheIndexName), '{"format":"courier-client-cache","formatVersion":1,"sizeMb":10,"entr');
    const reopened = await ContentCache.open(root(), { now });
    expect(reopened.rebuilt).toMatch(/rebuilt from the folders: it is not whole JSON/);
    expect(reopened.cache.entries().map((e) => [e.key, e.sizeBytes, e.state, e.locked])).toEqual([['A0100001.2', 7, 'complete', false]]);
    expect(readdirSync(root()).sort()).toEqual(['A0100001.2', cacheIndexName, 'not-ours']);
    expect((await ContentCache.open(root(), { now })).rebuilt).toBeNull();
  });

  it('completes a download killed between its rename and the index write, and drops content whose folder is gone', async () => {
    const first = (await ContentCache.open(root(), { now })).cache;
    await download(first, 'A0100001', 3);
    const reserved = await first.reserve({ packageId: 'A0100002', sourceVersion: 4, sizeBytes: 9, advertisementId: 'A0120000' });
    if (reserved.outcome !== 'reserved') throw new Error('no room');
    mkdirSync(reserved.entry.path);
    writeFileSync(join(reserved.entry.path, 'a'), 'nine byte');
    // The folder of A0100001.1 disappears behind the agent's back.
    rmSync(join(root(), 'A0100001.1'), { recursive: true });
    const { cache, rebuilt } = await ContentCache.open(root(), { now });
    expect(rebuilt).toMatch(/A0100001.1 is listed but its folder is gone; A0100002.4 was downloaded/);
    expect(cache.entries().map((e) => [e.key, e.state, e.sizeBytes, e.pending])).toEqual([['A0100002.4', 'complete', 9, ['A0120000']]]);
  });

  it('keeps a reservation across a restart so the download resumes into its partial folder', async () => {
    const first = (await ContentCache.open(root(), { now })).cache;
    const reserved = await first.reserve({ packageId: 'A0100002', sourceVersion: 1, sizeBytes: 9, advertisementId: 'A0120000' });
    if (reserved.outcome !== 'reserved') throw new Error('no room');
    mkdirSync(reserved.entry.partialPath);
    writeFileSync(join(reserved.entry.partialPath, 'a'), 'half');
    const { cache, rebuilt } = await ContentCache.open(root(), { now });
    expect(rebuilt).toBeNull();
    expect(cache.find('A0100002', 1)).toMatchObject({ state: 'downloading', lockReason: 'downloading' });
    expect(readFileSync(join(reserved.entry.partialPath, 'a'), 'utf8')).toBe('half');
    await cache.abandon('A0100002', 1);
    expect(existsSync(reserved.entry.partialPath)).toBe(false);
    expect(cache.entries()).toEqual([]);
  });
});
