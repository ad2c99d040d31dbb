import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, FileListDto, FolderListDto, SourceCheckDto } from '../../core/api';
import { createCore, type Core } from '../../core/core';
import { startHost, type RunningHost } from '../../core/host/start-host';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

/** What a holder of the console token can make the site server read, tried over real HTTP. */
let data: TempDir;
let web: TempDir;
let core: Core;
let host: RunningHost;
const token = 'test-token-0123456789abcdef';

beforeEach(async () => {
  data = makeTempDir();
  web = makeTempDir('courier-web-');
  writeFileSync(join(web.path, 'index.html'), '<!doctype html><title>Courier</title>');
  core = createCore({ dataDir: join(data.path, 'site') });
  host = await startHost({ core, port: 0, staticDir: web.path, token });
});

afterEach(async () => {
  await host.close();
  core.close();
  data.remove();
  web.remove();
});

async function api<T>(channel: string, body: unknown): Promise<{ status: number; result: ApiResult<T>; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${host.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as ApiResult<T>;
  return { status: response.status, result, ms: performance.now() - started };
}

describe('files over HTTP', () => {
  it('answers a 44-character UNC path of backslashes at once (it took minutes and froze the server)', async () => {
    const attack = `\\\\srv\\share${'\\'.repeat(32)}"`;
    expect(attack).toHaveLength(44);
    const [check, info] = await Promise.all([api<SourceCheckDto>('files:check-source', { path: attack }), api('site:info', {})]);
    expect(check.status).toBe(400);
    expect(check.result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'path' } });
    expect(check.ms).toBeLessThan(1000);
    expect(info.result.ok).toBe(true);
  });

  it('resolves only absolute paths: a relative one is refused, not read against the server working directory', async () => {
    for (const path of ['.', 'core', '../..']) {
      const listed = await api<FolderListDto>('files:list-folders', { path });
      expect(listed.result, path).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'path', message: expect.stringMatching(/relative path/) } });
      const files = await api<FileListDto>('files:list', { path, extensions: ['.json'] });
      expect(files.result, path).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'path', message: expect.stringMatching(/relative path/) } });
      const msi = await api('files:msi-info', { path: `${path}/package.json` });
      expect(msi.result, path).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/relative path/) } });
    }
  });

  it('refuses to list or read the kernel pseudo file systems, and leaves them out of listings', async () => {
    for (const channel of ['files:list-folders', 'files:list']) {
      const listed = await api(channel, { path: '/proc/self' });
      expect(listed.result, channel).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/kernel's proc file system/) } });
      const devices = await api(channel, { path: '/dev' });
      expect(devices.result, channel).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/kernel's \/dev folder/) } });
      const root = await api<FolderListDto>(channel, { path: '/' });
      if (!root.result.ok) throw new Error(root.result.error.message);
      const names = root.result.value.folders.map((folder) => folder.name);
      expect(names, channel).toContain('etc');
      expect(names.filter((name) => ['proc', 'sys', 'dev'].includes(name)), channel).toEqual([]);
    }
    const environ = await api('definitions:inspect', { source: { kind: 'file', path: '/proc/self/environ' } });
    expect(environ.result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/proc file system/) } });
  });

  it('refuses named pipes before opening them: four at once leave the server answering', async () => {
    const fifos = [0, 1, 2, 3].map((i) => join(data.path, `pipe${i}.msi`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    const answers = await Promise.all([
      ...fifos.map((path) => api('files:msi-info', { path })),
      api('definitions:inspect', { source: { kind: 'file', path: fifos[0] } }),
    ]);
    for (const answer of answers) {
      expect(answer.result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/is a named pipe \(FIFO\), not a regular file/) } });
      expect(answer.ms).toBeLessThan(2000);
    }
    expect((await api('site:info', {})).result.ok).toBe(true);
  });

  it('limits browsing to the source roots when the site says so, after resolving .. and symbolic links', async () => {
    const sources = join(data.path, 'sources');
    mkdirSync(join(sources, 'office'), { recursive: true });
    symlinkSync('/etc', join(sources, 'escape'));
    expect((await api('files:list-folders', { path: '/' })).result.ok).toBe(true); // off by default
    const set = await api('site:source-roots:set', { limitBrowsing: true, roots: [sources] });
    expect(set.result).toEqual({ ok: true, value: { limitBrowsing: true, roots: [sources] } });

    expect((await api<FolderListDto>('files:list-folders', { path: '' })).result).toEqual({ ok: true, value: { path: '', parent: null, folders: [{ name: sources, path: sources }], truncated: false } });
    // The escaping link is left out of the listing, not listed and then refused.
    expect((await api<FolderListDto>('files:list-folders', { path: sources })).result).toEqual({
      ok: true,
      value: { path: sources, parent: '', folders: [{ name: 'office', path: join(sources, 'office') }], truncated: false },
    });
    for (const path of ['/', '/etc', `${sources}/../..`, join(sources, 'escape')]) {
      for (const channel of ['files:list-folders', 'files:list']) {
        const refused = await api(channel, { path });
        expect(refused.status, `${channel} ${path}`).toBe(403);
        expect(refused.result, path).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/limits browsing to its source roots/) } });
      }
    }
    expect((await api('files:check-source', { path: join(sources, 'escape') })).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/leads outside them \(to \/etc\)/) } });
    expect((await api('files:msi-info', { path: '/etc/passwd' })).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await api('definitions:inspect', { source: { kind: 'file', path: '/etc/passwd' } })).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await api('files:check-source', { path: join(sources, 'office') })).result).toMatchObject({ ok: true, value: { entryCount: 0 } });
  });

  it('checks a UNC source directory through a path mapping and says where it read it', async () => {
    const mount = join(data.path, 'mnt', 'fs01', 'sources');
    mkdirSync(join(mount, 'Office'), { recursive: true });
    writeFileSync(join(mount, 'Office', 'setup.exe'), 'MZ');
    const unmapped = await api('files:check-source', { path: '\\\\fs01\\sources\\Office' });
    expect(unmapped.result).toMatchObject({ ok: false, error: { code: 'SOURCE_UNREADABLE', message: expect.stringContaining("courier site map-path '\\\\fs01\\sources' /mnt/fs01/sources") } });
    await api('site:path-mappings:set', { uncPrefix: '\\\\FS01\\Sources', localPath: mount });
    const mapped = await api<SourceCheckDto>('files:check-source', { path: '\\\\fs01\\sources\\Office' });
    expect(mapped.result).toEqual({ ok: true, value: { path: '\\\\fs01\\sources\\Office', serverPath: join(mount, 'Office'), entryCount: 1 } });
  });

  it('lists the files of a folder by type, with size and date, for the Open dialog', async () => {
    const folder = join(data.path, 'definitions');
    mkdirSync(join(folder, 'old'), { recursive: true });
    writeFileSync(join(folder, 'Viewer.SMS'), '[PDF]\n');
    writeFileSync(join(folder, 'agent.pdf'), '[PDF]\n');
    writeFileSync(join(folder, 'setup.msi'), 'not read');
    const listed = await api<FileListDto>('files:list', { path: folder, extensions: ['.sms', '.pdf'] });
    if (!listed.result.ok) throw new Error(listed.result.error.message);
    expect(listed.result.value.folders).toEqual([{ name: 'old', path: join(folder, 'old') }]);
    expect(listed.result.value.files.map((file) => [file.name, file.size])).toEqual([
      ['agent.pdf', 6],
      ['Viewer.SMS', 6],
    ]);
    expect(Date.parse(listed.result.value.files[0]?.modified ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const all = await api<FileListDto>('files:list', { path: folder });
    expect(all.result.ok && all.result.value.files.map((file) => file.name)).toEqual(['agent.pdf', 'setup.msi', 'Viewer.SMS']);
    const bad = await api('files:list', { path: folder, extensions: ['msi; rm -rf /'] });
    expect(bad.status).toBe(400);
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/A file type is a dot/) } });
  });

  it('starts browsing at the mapped UNC roots and the server root', async () => {
    const mount = join(data.path, 'mnt', 'fs01', 'sources');
    mkdirSync(mount, { recursive: true });
    await api('site:path-mappings:set', { uncPrefix: '\\\\fs01\\sources', localPath: mount });
    const roots = await api<FileListDto>('files:list', { path: '', extensions: ['.msi'] });
    expect(roots.result).toEqual({
      ok: true,
      value: { path: '', parent: null, folders: [{ name: '\\\\fs01\\sources', path: '\\\\fs01\\sources' }, { name: '/', path: '/' }], files: [], truncated: false },
    });
  });
});
