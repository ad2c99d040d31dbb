import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTree } from '../../test/helpers/content-tree';
import { startContentServer, type ContentServer } from '../../test/helpers/content-http-server';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { downloadContent } from './download-content';
import { DownloadError } from './download-error';
import { fetchManifest } from './fetch-manifest';

// courier-client against content servers that send manifests no site writes: each is refused
// by reason, before a byte of content is requested or written.

const id = 'A0100001';
let temp: TempDir;
let server: ContentServer;
const dp = () => join(temp.path, 'dp');
const destination = () => join(temp.path, 'cache', `${id}.1`);

beforeEach(async () => {
  temp = makeTempDir('courier-hostile-dp-');
  writeTree(join(dp(), id), { 'setup.exe': randomBytes(10_000), 'Data/readme.txt': 'read me' });
  mkdirSync(join(temp.path, 'cache'));
  server = await startContentServer(dp(), [id]);
});
afterEach(async () => {
  await server.close();
  temp.remove();
});

async function caught(promise: Promise<unknown>): Promise<DownloadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DownloadError) return error;
    throw error;
  }
  throw new Error('expected it to fail');
}

/** A server that answers 200 to everything and then sends a space every 20 ms, for ever. */
async function trickling(): Promise<{ url: string; server: Server }> {
  const slow = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const timer = setInterval(() => res.write(' '), 20);
    res.once('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/SMS_DP_SMSPKGD$/${id}/`, server: slow };
}

async function closeServer(slow: Server): Promise<void> {
  slow.closeAllConnections();
  await new Promise<void>((resolve) => slow.close(() => resolve()));
}

describe('the client against a hostile content server', { timeout: 30_000 }, () => {
  it('gives up on a manifest or a file that comes a byte at a time, never idle but never done, and takes the next source', async () => {
    const slow = await trickling();
    try {
      const manifest = await caught(fetchManifest([slow.url], { idleTimeoutMs: 400 }));
      expect(manifest.kind).toBe('BAD_MANIFEST');
      expect(manifest.message).toMatch(/only \d+ bytes came in 400 ms, twice running, slower than any distribution point sends/);
      const good = (await fetchManifest([server.url(id)])).manifest;
      // The 10,000-byte file alone: a trickle would overflow a smaller one before its first window ends.
      const setupOnly = good.files.filter((f) => f.path === 'setup.exe');
      const retries: string[] = [];
      const done = await downloadContent({ urls: [slow.url, server.url(id)], manifest: { ...good, folders: [], files: setupOnly, fileCount: 1, totalBytes: 10_000 }, destination: destination(), concurrency: 1, idleTimeoutMs: 400, onRetry: (r) => retries.push(r.reason) });
      expect(existsSync(done.path)).toBe(true);
      expect(retries[0]).toMatch(/only \d+ bytes came in 400 ms/);
    } finally {
      await closeServer(slow.server);
    }
  });

  it('refuses manifests with absolute, parent, duplicate, negative or oversized entries, naming why', async () => {
    const good = (await fetchManifest([server.url(id)])).manifest;
    const first = good.files[0]!;
    const rest = good.files.slice(1);
    const withFile = (file: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ ...good, files: [file, ...rest], ...extra });
    const cases: [unknown, RegExp][] = [
      [withFile({ ...first, path: '/etc/passwd' }), /file entry 1 is not a path/],
      [withFile({ ...first, path: 'C:/Windows/win.ini' }), /file entry 1 is not a path|holds ":"/],
      [withFile({ ...first, path: '\\\\server\\share\\x' }), /file entry 1 is not a path/],
      [withFile({ ...first, path: 'Data/../../x' }), /file entry 1 is not a path/],
      [withFile({ ...first, path: 'a\u0000b' }), /file entry 1 is not a path|holds/],
      [withFile({ ...first, size: -1 }, { totalBytes: good.totalBytes - first.size - 1 }), /file entry 1 is not a path, size/],
      [withFile({ ...first, size: 1.5 }), /file entry 1 is not a path, size/],
      [withFile({ ...first, size: 2 ** 53 }), /file entry 1 is not a path, size/],
      [{ ...good, files: [...good.files, { ...first, path: first.path.toUpperCase() }], fileCount: good.fileCount + 1, totalBytes: good.totalBytes + first.size }, /it names a file twice/],
      [{ ...good, files: [...good.files, { ...first, path: 'DATA/README.TXT' }], fileCount: good.fileCount + 1, totalBytes: good.totalBytes + first.size }, /it names a file twice/],
      [{ ...good, fileCount: 10 ** 15 }, /its totals do not add up/],
      [{ ...good, files: Array.from({ length: 3 }, () => 'x') }, /file entry 1 is not a path/],
    ];
    for (const [manifest, problem] of cases) {
      server.manifests.set(id, manifest);
      const error = await caught(fetchManifest([server.url(id)]));
      expect([JSON.stringify(manifest).slice(0, 80), error.kind]).toEqual([JSON.stringify(manifest).slice(0, 80), 'BAD_MANIFEST']);
      expect(error.message).toMatch(problem);
    }
  });

  it('refuses content of 10^15 bytes up front, writing nothing and asking for no file, when the disk cannot hold it', async () => {
    const good = (await fetchManifest([server.url(id)])).manifest;
    const huge = 10 ** 15;
    const manifest = { ...good, files: good.files.map((f, i) => (i === 0 ? { ...f, size: huge } : f)), totalBytes: good.totalBytes - good.files[0]!.size + huge };
    server.manifests.set(id, manifest);
    const served = (await fetchManifest([server.url(id)])).manifest;
    expect(served.totalBytes).toBe(manifest.totalBytes);
    const asked = server.requests.length;
    const error = await caught(downloadContent({ urls: [server.url(id)], manifest: served, destination: destination() }));
    expect(error.kind).toBe('NO_SPACE');
    expect(error.message).toMatch(/^The content needs \d{16} more bytes, and the disk holding .+ has \d+ free\.$/);
    expect(server.requests.length).toBe(asked);
    expect(readdirSync(join(temp.path, 'cache'))).toEqual([]);
    expect(existsSync(`${destination()}.partial`)).toBe(false);
  });
});
