import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
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

describe('the client against a hostile content server', () => {
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
