import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotTree, writeTree } from '../../test/helpers/content-tree';
import { startContentServer, type ContentServer } from '../../test/helpers/content-http-server';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { ContentCache } from '../cache/content-cache';
import { LogWriter } from '../logs/log-writer';
import { DownloadError } from './download-error';
import { downloadToCache } from './download-to-cache';

let temp: TempDir;
let server: ContentServer;
let dropBigFile = false;
const dp = () => join(temp.path, 'dp');
beforeEach(async () => {
  temp = makeTempDir('courier-cache-download-');
  writeTree(join(dp(), 'A0100001'), { 'setup.exe': randomBytes(600_000), 'Data/a.txt': 'a' });
  writeTree(join(dp(), 'A0100002'), { 'big.bin': randomBytes(1_100_000) });
  dropBigFile = false;
  server = await startContentServer(dp(), ['A0100001', 'A0100002'], (r) => (dropBigFile && r.file === 'setup.exe' ? { kind: 'drop', afterBytes: 100_000 } : undefined));
});
afterEach(async () => {
  await server.close();
  temp.remove();
});

const casLog = () => readFileSync(join(temp.path, 'logs', 'cas.log'), 'utf8');

describe('downloadToCache', () => {
  it('downloads into the cache entry once, then answers it from the cache, and writes cas.log', async () => {
    const { cache } = await ContentCache.open(join(temp.path, 'cache'));
    const logs = new LogWriter({ folder: join(temp.path, 'logs') });
    const first = await downloadToCache(cache, { packageId: 'A0100001', sourceVersion: 2, advertisementId: 'A0120000', urls: [server.url('A0100001')] }, logs);
    expect(first.outcome).toBe('downloaded');
    if (first.outcome !== 'downloaded') return;
    expect(first.entry).toMatchObject({ key: 'A0100001.2', state: 'complete', sizeBytes: 600_001, locked: true });
    expect(snapshotTree(first.entry.path)).toEqual(snapshotTree(join(dp(), 'A0100001')));
    const requests = server.requests.length;
    const second = await downloadToCache(cache, { packageId: 'A0100001', sourceVersion: 2, advertisementId: 'A0120001', urls: [server.url('A0100001')] }, logs);
    expect(second.outcome).toBe('cached');
    expect(server.requests.length).toBe(requests);
    expect(cache.find('A0100001', 2)?.pending).toEqual(['A0120000', 'A0120001']);
    expect(casLog()).toMatch(/Downloading A0100001.2 \(2 files, 600001 bytes\)[^\r]*component="ContentAccess"/);
    expect(casLog()).toContain('Content A0100001.2 is in the cache');
  });

  it('answers 10050 without downloading a package larger than the cache, and defers one locked content keeps out', async () => {
    const { cache } = await ContentCache.open(join(temp.path, 'cache'), { sizeMb: 1 });
    const logs = new LogWriter({ folder: join(temp.path, 'logs') });
    const tooLarge = await downloadToCache(cache, { packageId: 'A0100002', sourceVersion: 1, advertisementId: 'A0120000', urls: [server.url('A0100002')] }, logs);
    expect(tooLarge).toMatchObject({ outcome: 'too-large', messageId: 10050, sizeBytes: 1_100_000 });
    expect(server.requests.map((r) => r.file)).toEqual(['']);
    expect(casLog()).toMatch(/larger than the whole cache .*\(10050\)[^\r]*type="3"/);

    await downloadToCache(cache, { packageId: 'A0100001', sourceVersion: 1, advertisementId: 'A0120000', urls: [server.url('A0100001')] }, logs);
    writeTree(join(dp(), 'A0100003'), { 'x.bin': randomBytes(500_000) });
    const other = await startContentServer(dp(), ['A0100003']);
    try {
      const deferred = await downloadToCache(cache, { packageId: 'A0100003', sourceVersion: 1, advertisementId: 'A0120001', urls: [other.url('A0100003')] }, logs);
      expect(deferred).toMatchObject({ outcome: 'deferred', neededBytes: 500_000, reclaimableBytes: 0 });
      expect(other.requests.map((r) => r.file)).toEqual(['']);
    } finally {
      await other.close();
    }
  });

  it('keeps a failed download reserved and resumes it on the next call', async () => {
    const { cache } = await ContentCache.open(join(temp.path, 'cache'));
    dropBigFile = true;
    // One file at a time: Data/a.txt is whole before setup.exe breaks off.
    const request = { packageId: 'A0100001', sourceVersion: 1, advertisementId: 'A0120000', urls: [server.url('A0100001')], concurrency: 1 };
    const error = await downloadToCache(cache, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(cache.find('A0100001', 1)).toMatchObject({ state: 'downloading', locked: true });
    dropBigFile = false;
    const kept = statSync(join(cache.find('A0100001', 1)!.partialPath, 'setup.exe')).size;
    expect(kept).toBeGreaterThan(0);
    const reopened = (await ContentCache.open(join(temp.path, 'cache'))).cache;
    const result = await downloadToCache(reopened, request);
    // Data/a.txt was whole (one byte, checked by its hash); setup.exe went on from what was kept.
    expect(result.outcome === 'downloaded' && [result.download.resumedFiles, result.download.resumedBytes]).toEqual([1, kept + 1]);
    expect(reopened.find('A0100001', 1)?.state).toBe('complete');
  });
});
