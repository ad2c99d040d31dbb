import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplePackage, useContentTemp, writeTree } from '../../../test/helpers/content-tree';
import { buildManifest } from './build-manifest';
import { ContentError } from './content-error';
import { parseManifest, readManifest, writeManifest } from './manifest';

const dir = useContentTemp('courier-manifest-');

async function refusal(promise: Promise<unknown>): Promise<ContentError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe('the manifest of a source folder', () => {
  it('lists every file with size, mtime and SHA-256, every folder, and the totals', async () => {
    const root = dir.path('src');
    samplePackage(root);
    const manifest = await buildManifest(root, { threads: 2 });
    expect(manifest.files.map((f) => f.path)).toEqual(['Data/Sub Folder/readme.txt', 'Data/big.cab', 'Setup.ini', 'empty.txt', 'setup.exe']);
    expect(manifest.folders).toEqual(['Data', 'Data/Sub Folder', 'Empty Folder']);
    for (const file of manifest.files) {
      const bytes = readFileSync(dir.path('src', ...file.path.split('/')));
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.size).toBe(bytes.length);
      expect(file.mtimeMs).toBe(statSync(dir.path('src', ...file.path.split('/'))).mtimeMs);
    }
    expect(manifest.fileCount).toBe(5);
    expect(manifest.totalBytes).toBe(manifest.files.reduce((sum, f) => sum + f.size, 0));
  });

  it('agrees with sha256sum', async () => {
    const root = dir.path('src');
    samplePackage(root);
    const manifest = await buildManifest(root);
    const cab = manifest.files.find((f) => f.path === 'Data/big.cab')!;
    expect(execFileSync('sha256sum', ['Data/big.cab'], { cwd: root, encoding: 'utf8' }).split(' ')[0]).toBe(cab.sha256);
  });

  it('is written atomically and read back the same; a truncated or foreign file is refused', async () => {
    const root = dir.path('src');
    samplePackage(root);
    const manifest = await buildManifest(root);
    const path = dir.path('pkg.manifest');
    await writeManifest(path, manifest);
    expect(await readManifest(path)).toEqual(manifest);
    const text = readFileSync(path, 'utf8');
    expect(() => parseManifest(text.slice(0, text.length / 2), 'half')).toThrow(/not whole JSON/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, formatVersion: 9 }), 'future')).toThrow(/format version is 9/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, files: [{ ...manifest.files[0], path: '../escape' }] }), 'escape')).toThrow(/file entry 1/);
    expect(() => parseManifest(JSON.stringify({ ...manifest, totalBytes: 1 }), 'totals')).toThrow(/totals do not add up/);
  });

  it('lists an empty folder as a package of no files', async () => {
    mkdirSync(dir.path('empty'));
    expect(await buildManifest(dir.path('empty'))).toMatchObject({ files: [], folders: [], fileCount: 0, totalBytes: 0 });
  });

  it.each([
    ['CON', /"sub\/CON" is a reserved Windows device name/],
    ['nul.txt', /reserved Windows device name \(NUL\)/],
    ['trailing.', /"sub\/trailing\." ends in a dot or a space/],
    ['trailing ', /ends in a dot or a space/],
    ['a:b', /"sub\/a:b" holds ":"/],
    ['pipe|name', /holds "\|"/],
  ])('refuses a file named %j, naming it', async (name, message) => {
    writeTree(dir.path('src'), { 'ok.txt': 'x', [`sub/${name}`]: 'y' });
    const error = await refusal(buildManifest(dir.path('src')));
    expect(error.kind).toBe('INVALID_NAME');
    expect(error.file).toBe(`sub/${name}`);
    expect(error.message).toMatch(message);
  });

  it('refuses two names that differ only in case, which one Windows folder cannot hold', async () => {
    writeTree(dir.path('src'), { 'Setup.exe': 'a', 'setup.exe': 'b' });
    const error = await refusal(buildManifest(dir.path('src')));
    expect(error).toMatchObject({ kind: 'INVALID_NAME' });
    expect(error.message).toMatch(/differ only in case/);
  });

  it('refuses a FIFO, naming it, without waiting on it', async () => {
    writeTree(dir.path('src'), { 'a.txt': 'a' });
    mkdirSync(dir.path('src', 'pipes'));
    execFileSync('mkfifo', [dir.path('src', 'pipes', 'queue')]);
    const error = await refusal(buildManifest(dir.path('src')));
    expect(error).toMatchObject({ kind: 'UNSUPPORTED_ENTRY', file: 'pipes/queue' });
    expect(error.message).toBe('pipes/queue is a named pipe (FIFO), not a file: a distribution point can hold only files and folders.');
  });

  // mknod needs root (CI and these machines run as root); a symbolic link to a device leaves the tree and is refused as such.
  it.runIf(process.getuid?.() === 0)('refuses a character device, naming it', async () => {
    mkdirSync(dir.path('src'));
    execFileSync('mknod', [dir.path('src', 'null'), 'c', '1', '3']);
    const error = await refusal(buildManifest(dir.path('src')));
    expect(error).toMatchObject({ kind: 'UNSUPPORTED_ENTRY', file: 'null' });
    expect(error.message).toMatch(/^null is a character device, not a file/);
  });

  it('refuses a symbolic link out of the tree and one to a folder, and reads one to a file inside', async () => {
    writeTree(dir.path('outside'), { 'secret.txt': 'secret' });
    writeTree(dir.path('src'), { 'real.txt': 'real' });
    symlinkSync(dir.path('outside', 'secret.txt'), dir.path('src', 'leak.txt'));
    expect(await refusal(buildManifest(dir.path('src')))).toMatchObject({ kind: 'UNSUPPORTED_ENTRY', file: 'leak.txt' });
    rmSync(dir.path('src', 'leak.txt'));
    symlinkSync('../src', dir.path('src', 'loop'));
    expect((await refusal(buildManifest(dir.path('src')))).message).toMatch(/^loop is a symbolic link to a folder/);
    rmSync(dir.path('src', 'loop'));
    symlinkSync('real.txt', dir.path('src', 'alias.txt'));
    const manifest = await buildManifest(dir.path('src'));
    expect(manifest.files.map((f) => [f.path, f.size])).toEqual([
      ['alias.txt', 4],
      ['real.txt', 4],
    ]);
  });

  it('fails with SOURCE_CHANGED when a file changes after it was listed, and SOURCE_VANISHED when it goes', async () => {
    writeTree(dir.path('src'), { 'big.bin': Buffer.alloc(1 << 20, 1), 'small.txt': 'small' });
    const grown = await refusal(buildManifest(dir.path('src'), { onListed: () => appendFileSync(dir.path('src', 'small.txt'), ' and more') }));
    expect(grown).toMatchObject({ kind: 'SOURCE_CHANGED', file: 'small.txt' });
    expect(grown.message).toBe('small.txt changed after it was listed (size or modification time); read the source again when nothing is writing to it.');

    writeFileSync(dir.path('src', 'small.txt'), 'small');
    const touched = await refusal(buildManifest(dir.path('src'), { onListed: () => utimesSync(dir.path('src', 'small.txt'), new Date(2001, 1, 1), new Date(2001, 1, 1)) }));
    expect(touched).toMatchObject({ kind: 'SOURCE_CHANGED', file: 'small.txt' });

    const gone = await refusal(buildManifest(dir.path('src'), { onListed: () => rmSync(dir.path('src', 'small.txt')) }));
    expect(gone).toMatchObject({ kind: 'SOURCE_VANISHED', file: 'small.txt' });
    expect(gone.message).toBe('small.txt went away before it could be read.');
  });

  it('fails with SOURCE_CHANGED when another process keeps writing to a file while it is hashed', async () => {
    writeTree(dir.path('src'), { 'log.txt': Buffer.alloc(32 << 20, 'x') });
    const writer = spawn('bash', ['-c', 'while :; do printf y >> log.txt; done'], { cwd: dir.path('src'), stdio: 'ignore' });
    try {
      // The writer is under way before the manifest starts, so it is writing while the file is read.
      while (statSync(dir.path('src', 'log.txt')).size < (32 << 20) + 100) await new Promise((resolve) => setTimeout(resolve, 5));
      // Whether the file grows between listing and opening or during the read, the result is the same.
      const error = await refusal(buildManifest(dir.path('src'), { threads: 1 }));
      expect(error).toMatchObject({ kind: 'SOURCE_CHANGED', file: 'log.txt' });
      expect(error.message).toMatch(/^log\.txt changed (after it was listed|while it was read \(\d+ bytes listed, \d+ read\))/);
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('says so when the source folder is not there', async () => {
    expect((await refusal(buildManifest(dir.path('nowhere')))).message).toMatch(/cannot be read \(ENOENT\)/);
  });

  it('stops when aborted', async () => {
    writeTree(dir.path('src'), { 'a.bin': Buffer.alloc(4 << 20), 'b.bin': Buffer.alloc(1 << 20) });
    const controller = new AbortController();
    const error = await refusal(buildManifest(dir.path('src'), { threads: 1, signal: controller.signal, onProgress: () => controller.abort() }));
    expect(error.kind).toBe('ABORTED');
  });
});
