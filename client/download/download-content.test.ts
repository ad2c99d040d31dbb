import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotTree, writeTree } from '../../test/helpers/content-tree';
import { startContentServer, type ContentFault, type ContentRequest, type ContentServer } from '../../test/helpers/content-http-server';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { downloadContent, type DownloadProgress, type DownloadRetry } from './download-content';
import { DownloadError } from './download-error';
import { fetchManifest } from './fetch-manifest';

const id = 'A0100001';
const repoRoot = join(import.meta.dirname, '../..');
let temp: TempDir;
const servers: ContentServer[] = [];
const dp = () => join(temp.path, 'dp');
const source = () => join(dp(), id);
const destination = () => join(temp.path, 'cache', `${id}.1`);

beforeEach(() => {
  temp = makeTempDir('courier-download-');
  writeTree(source(), {
    'setup.exe': randomBytes(300_000),
    'Setup.ini': '[Setup]\r\n'.repeat(500),
    'empty.txt': '',
    'Data/Sub Folder/read me #1%.txt': 'read me',
    'Data/big.cab': randomBytes(2_500_000),
  });
  mkdirSync(join(source(), 'Empty Folder'));
  mkdirSync(join(temp.path, 'cache'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  temp.remove();
});

async function serve(fault?: (request: ContentRequest) => ContentFault | undefined): Promise<ContentServer> {
  const server = await startContentServer(dp(), [id], fault);
  servers.push(server);
  return server;
}

async function caught(promise: Promise<unknown>): Promise<DownloadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DownloadError) return error;
    throw error;
  }
  throw new Error('expected the download to fail');
}

describe('downloadContent', () => {
  it('downloads every file and folder, verified, into the content folder, with progress to the end', async () => {
    const server = await serve();
    const { manifest, source: first } = await fetchManifest([server.url(id)]);
    const seen: DownloadProgress[] = [];
    const result = await downloadContent({ urls: [server.url(id)], manifest, destination: destination(), firstSource: first, progressEveryMs: 0, onProgress: (p) => seen.push(p) });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    expect(readdirSync(join(temp.path, 'cache'))).toEqual([`${id}.1`]);
    expect(result).toMatchObject({ downloadedBytes: manifest.totalBytes, resumedFiles: 0, resumedBytes: 0, retries: 0 });
    expect(seen.at(-1)).toEqual({ filesDone: 5, fileCount: 5, bytesDone: manifest.totalBytes, totalBytes: manifest.totalBytes });
    expect(Math.abs(statSync(join(destination(), 'Data/big.cab')).mtimeMs - statSync(join(source(), 'Data/big.cab')).mtimeMs)).toBeLessThan(1);
    // The file with a space, # and % in its name was asked for percent-encoded.
    expect(server.requests.map((r) => r.url)).toContain(`/SMS_DP_SMSPKGD$/${id}/Data/Sub%20Folder/read%20me%20%231%25.txt`);
  });

  it('has at most `concurrency` requests out at once', async () => {
    writeTree(source(), Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`many/file${i}.txt`, randomBytes(20_000)])));
    const server = await serve();
    const { manifest } = await fetchManifest([server.url(id)]);
    await downloadContent({ urls: [server.url(id)], manifest, destination: destination(), concurrency: 2 });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    // The manifest, then every file but the empty one, which needs no request.
    expect(server.requests).toHaveLength(1 + 34);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('resumes a dropped file with Range and If-Range from the byte it reached', async () => {
    const server = await serve((r) => (r.file === 'Data/big.cab' && r.before === 0 ? { kind: 'drop', afterBytes: 1_000_000 } : undefined));
    const { manifest } = await fetchManifest([server.url(id)]);
    const retries: DownloadRetry[] = [];
    const result = await downloadContent({ urls: [server.url(id)], manifest, destination: destination(), onRetry: (r) => retries.push(r) });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    const second = server.requests.filter((r) => r.file === 'Data/big.cab')[1]!;
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(second.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(1_000_000);
    expect(second.ifRange).toBe(`"${manifest.files.find((f) => f.path === 'Data/big.cab')!.sha256}"`);
    expect(result.resumedBytes).toBe(resumedAt);
    expect(retries).toEqual([{ file: 'Data/big.cab', url: server.url(id), reason: expect.stringMatching(/connection/), next: server.url(id), badContent: false }]);
  });

  it('throws away wrong bytes and takes the file from the next distribution point', async () => {
    const bad = await serve((r) => (r.file.startsWith('Data/Sub') ? { kind: 'wrong-bytes' } : undefined));
    const good = await serve();
    const { manifest } = await fetchManifest([bad.url(id), good.url(id)]);
    const retries: DownloadRetry[] = [];
    await downloadContent({ urls: [bad.url(id), good.url(id)], manifest, destination: destination(), concurrency: 1, onRetry: (r) => retries.push(r) });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    expect(retries).toEqual([{ file: 'Data/Sub Folder/read me #1%.txt', url: bad.url(id), reason: expect.stringMatching(/do not hash to the manifest's SHA-256/), next: good.url(id), badContent: true }]);
    // The wrong bytes were not resumed from, and once the first DP failed the files after went to the second one.
    expect(good.requests.find((r) => r.file.startsWith('Data/Sub'))?.range).toBeUndefined();
    expect(bad.requests.map((r) => r.file)).toEqual(['', 'Data/Sub Folder/read me #1%.txt']);
  });

  it('goes to the next distribution point on a 503 and on a stalled connection', async () => {
    const busy = await serve((r) => (r.file !== '' ? { kind: 'status', status: 503 } : undefined));
    const stalled = await serve((r) => (r.file !== '' ? { kind: 'stall', afterBytes: 10 } : undefined));
    const good = await serve();
    const urls = [busy.url(id), stalled.url(id), good.url(id)];
    const { manifest } = await fetchManifest(urls);
    const retries: DownloadRetry[] = [];
    await downloadContent({ urls, manifest, destination: destination(), concurrency: 1, idleTimeoutMs: 1500, onRetry: (r) => retries.push(r) });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    expect(retries.map((r) => [r.url, r.reason])).toEqual([
      [busy.url(id), 'HTTP 503'],
      [stalled.url(id), 'the connection broke after 10 of 2500000 bytes: nothing came for 1500 ms (ETIMEDOUT)'],
    ]);
  });

  it('refuses a server that sends more bytes than the manifest says, and fails once every source has', async () => {
    const server = await serve((r) => (r.file === 'Setup.ini' ? { kind: 'extra-bytes', bytes: 5000 } : undefined));
    const { manifest } = await fetchManifest([server.url(id)]);
    const error = await caught(downloadContent({ urls: [server.url(id)], manifest, destination: destination() }));
    expect(error.kind).toBe('NO_SOURCE');
    expect(error.file).toBe('Setup.ini');
    expect(error.message).toMatch(/Setup.ini could not be downloaded whole from any distribution point: .*sent more than the 4500 bytes the manifest says the file has/);
    expect(server.requests.filter((r) => r.file === 'Setup.ini')).toHaveLength(2);
    expect(existsSync(destination())).toBe(false);
    expect(statSync(join(`${destination()}.partial`, 'Setup.ini')).size).toBe(0);
  });

  it('lets the files in flight finish what they receive when another file fails for good, so a resume starts from more', async () => {
    const flaky = await serve((r) => (r.file === 'Setup.ini' ? { kind: 'status', status: 500 } : r.file === 'Data/big.cab' ? { kind: 'pause', afterBytes: 600_000, ms: 400 } : undefined));
    const { manifest } = await fetchManifest([flaky.url(id)]);
    const error = await caught(downloadContent({ urls: [flaky.url(id)], manifest, destination: destination() }));
    expect(error.kind).toBe('NO_SOURCE');
    expect(error.file).toBe('Setup.ini');
    // Setup.ini ran out of tries long before big.cab's pause ended; big.cab was still let finish.
    expect(statSync(join(`${destination()}.partial`, 'Data/big.cab')).size).toBe(2_500_000);
    const good = await serve();
    const result = await downloadContent({ urls: [good.url(id)], manifest, destination: destination() });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    expect(good.requests.map((r) => r.file)).not.toContain('Data/big.cab');
    expect(result.resumedFiles).toBeGreaterThanOrEqual(1);
  });

  it('stops the files in flight after drainMs once another file has failed for good, keeping what they wrote', async () => {
    const flaky = await serve((r) => (r.file === 'Setup.ini' ? { kind: 'status', status: 500 } : r.file === 'Data/big.cab' ? { kind: 'pause', afterBytes: 600_000, ms: 30_000 } : undefined));
    const { manifest } = await fetchManifest([flaky.url(id)]);
    const error = await caught(downloadContent({ urls: [flaky.url(id)], manifest, destination: destination(), drainMs: 300 }));
    expect(error.kind).toBe('NO_SOURCE');
    expect(error.file).toBe('Setup.ini');
    expect(statSync(join(`${destination()}.partial`, 'Data/big.cab')).size).toBe(600_000);
    expect(flaky.requests.filter((r) => r.file === 'Data/big.cab')).toHaveLength(1);
  });

  it('goes to the next distribution point when one declares a length the manifest does not', async () => {
    const lying = await serve((r) => (r.file === 'setup.exe' ? { kind: 'short-length' } : undefined));
    const good = await serve();
    const { manifest } = await fetchManifest([lying.url(id)]);
    const retries: DownloadRetry[] = [];
    await downloadContent({ urls: [lying.url(id), good.url(id)], manifest, destination: destination(), onRetry: (r) => retries.push(r) });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    expect(retries.map((r) => [r.file, r.reason])).toEqual([['setup.exe', 'the server sends 299999 bytes where the manifest leaves 300000 to come']]);
  });

  it('takes a whole 200 answer to a Range request, starting the file over', async () => {
    const server = await serve((r) => (r.file === 'Data/big.cab' ? (r.before === 0 ? { kind: 'drop', afterBytes: 700_000 } : { kind: 'ignore-range' }) : undefined));
    const { manifest } = await fetchManifest([server.url(id)]);
    const result = await downloadContent({ urls: [server.url(id)], manifest, destination: destination() });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    expect(result.resumedBytes).toBe(0);
  });

  it('stops on cancel, keeps what it has, and a second run resumes from it and drops what the manifest does not list', async () => {
    const server = await serve();
    const { manifest } = await fetchManifest([server.url(id)]);
    const controller = new AbortController();
    const error = await caught(
      downloadContent({ urls: [server.url(id)], manifest, destination: destination(), concurrency: 1, signal: controller.signal, progressEveryMs: 0, onProgress: (p) => p.bytesDone > 1_500_000 && controller.abort() }),
    );
    expect(error.kind).toBe('ABORTED');
    expect(existsSync(destination())).toBe(false);
    writeFileSync(join(`${destination()}.partial`, 'left-over.tmp'), 'not in the manifest');
    const result = await downloadContent({ urls: [server.url(id)], manifest, destination: destination() });
    expect(result.resumedFiles + (result.resumedBytes > 0 ? 1 : 0)).toBeGreaterThan(0);
    expect(result.downloadedBytes).toBeLessThan(manifest.totalBytes);
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
  });

  it('resumes after the downloading process is killed with SIGKILL', async () => {
    const server = await serve();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/download-then-die.ts', server.url(id), destination(), '1200000'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    const { manifest } = await fetchManifest([server.url(id)]);
    const before = server.requests.length;
    const result = await downloadContent({ urls: [server.url(id)], manifest, destination: destination(), concurrency: 1 });
    expect(snapshotTree(destination())).toEqual(snapshotTree(source()));
    expect(result.resumedBytes).toBeGreaterThan(0);
    expect(result.downloadedBytes).toBeLessThan(manifest.totalBytes);
    // The ETag seen before the kill was kept on disk, so the resume asked If-Range with it.
    const resumed = server.requests.slice(before).find((r) => r.range !== undefined);
    expect(resumed?.ifRange).toBe(`"${manifest.files.find((f) => f.path === resumed?.file)?.sha256}"`);
  });

  it('refuses content already in place, and options out of range by name', async () => {
    const server = await serve();
    const { manifest } = await fetchManifest([server.url(id)]);
    const options = { urls: [server.url(id)], manifest, destination: destination() };
    expect((await caught(downloadContent({ ...options, concurrency: 0 }))).message).toBe('concurrency 0 is not a whole number from 1 to 64.');
    expect((await caught(downloadContent({ ...options, idleTimeoutMs: 1.5 }))).kind).toBe('BAD_OPTION');
    expect((await caught(downloadContent({ ...options, urls: ['http://user:secret@127.0.0.1/'] }))).message).toMatch(/carries credentials/);
    mkdirSync(destination());
    expect((await caught(downloadContent({ urls: [server.url(id)], manifest, destination: destination() }))).kind).toBe('EXISTS');
  });
});

describe('fetchManifest', () => {
  it('refuses hostile manifests by reason, naming each distribution point', async () => {
    const server = await serve();
    const good = (await fetchManifest([server.url(id)])).manifest;
    const cases: [unknown, RegExp][] = [
      [{ ...good, files: [{ ...good.files[0]!, path: '../../evil.exe' }, ...good.files.slice(1)] }, /file entry 1 is not a path/],
      [{ ...good, totalBytes: good.totalBytes - 1 }, /its totals do not add up/],
      [{ ...good, folders: ['C:\\Windows'] }, /folder list is not a list of relative paths/],
      [{ ...good, format: 'other' }, /its format is not courier-content-manifest/],
      [{ ...good, files: [...good.files, { ...good.files[0]!, path: `${good.files[0]!.path}/inside` }], fileCount: good.fileCount + 1, totalBytes: good.totalBytes + good.files[0]!.size }, /is under .*, which is a file/],
      [{ ...good, files: [{ ...good.files[0]!, path: 'Data/setup.exe:hidden' }, ...good.files.slice(1)] }, /"Data\/setup.exe:hidden" holds ":", which Windows does not allow/],
      [{ ...good, folders: [...good.folders, 'Data/CON'] }, /"Data\/CON" is a reserved Windows device name \(CON\)/],
    ];
    for (const [manifest, problem] of cases) {
      server.manifests.set(id, manifest);
      const error = await caught(fetchManifest([server.url(id)]));
      expect(error.kind).toBe('BAD_MANIFEST');
      expect(error.message).toMatch(problem);
      expect(error.message).toContain(server.url(id));
    }
    server.manifests.set(id, { padding: 'x'.repeat(2000) });
    expect((await caught(fetchManifest([server.url(id)], { maxBytes: 1000 }))).message).toMatch(/it is 2014 bytes, more than the 1000 a manifest may be/);
  });

  it('takes the manifest from the next distribution point when one fails, and refuses URLs that are not http', async () => {
    const busy = await serve(() => ({ kind: 'status', status: 503 }));
    const good = await serve();
    expect((await fetchManifest([busy.url(id), good.url(id)])).source).toBe(1);
    expect((await caught(fetchManifest(['file:///etc/passwd']))).message).toMatch(/urls\[0\] "file:\/\/\/etc\/passwd" is not an http or https URL/);
    expect((await caught(fetchManifest([]))).kind).toBe('BAD_URL');
  });
});
