import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePackage, snapshotTree, useContentTemp, writeTree } from '../../../test/helpers/content-tree';
import { buildManifest } from './build-manifest';
import { cleanupPackage, type CommitStep } from './commit';
import { ContentError } from './content-error';
import { folderSource } from './content-source';
import { distributePackage, type DistributeOptions } from './distribute';
import { readManifest } from './manifest';
import { journalPathOf, manifestPathOf, packageFolderOf, workFolderOf, type PackageTarget } from './package-target';
import { validateCopy } from './validate';

const dir = useContentTemp('courier-distribute-');

function targets(count: number): PackageTarget[] {
  return Array.from({ length: count }, (_, i) => ({ root: dir.path(`dp${i}`, 'SMSPKGD$'), folder: 'CRS00001' }));
}

async function distribute(root: string, to: PackageTarget[], version: number, extra: Partial<DistributeOptions> = {}) {
  const manifest = await buildManifest(root);
  return distributePackage({ packageId: 'CRS00001', version, manifest, source: folderSource(root), targets: to, ...extra });
}

/** What is left in a share folder besides the package folder and its manifest. */
function leftovers(target: PackageTarget): string[] {
  return readdirSync(target.root).filter((name) => name !== target.folder && name !== `${target.folder}.manifest`);
}

/** What a copy has under way in the package's work folder. */
function pending(target: PackageTarget): string[] {
  return existsSync(workFolderOf(target)) ? readdirSync(workFolderOf(target)).sort() : [];
}

async function refusal(promise: Promise<unknown>): Promise<ContentError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe('copying a package to distribution points', () => {
  it.each(['clone', 'write'] as const)('puts the same tree in every target, with its manifest beside it and nothing else (fan-out: %s)', async (fanOut) => {
    samplePackage(dir.path('src'));
    const to = targets(3);
    const progress: number[] = [];
    const results = await distribute(dir.path('src'), to, 1, { fanOut, onProgress: (p) => progress.push(p.files), progressEveryMs: 0 });
    const expected = snapshotTree(dir.path('src'));
    for (const [i, target] of to.entries()) {
      expect(results[i]).toMatchObject({ error: null, copiedFiles: 5, linkedFiles: 0 });
      expect(snapshotTree(packageFolderOf(target))).toEqual(expected);
      expect((await readManifest(manifestPathOf(target))).fileCount).toBe(5);
      expect(leftovers(target)).toEqual([]);
      expect((await validateCopy(target)).ok).toBe(true);
    }
    expect(progress.at(-1)).toBe(5);
    // Modification times are kept, so the copy looks like its source to a client that compares them.
    expect(Math.abs(statSync(join(packageFolderOf(to[0]!), 'setup.exe')).mtimeMs - statSync(dir.path('src', 'setup.exe')).mtimeMs)).toBeLessThan(1);
  });

  it('reports progress a few times a second, not for every chunk', async () => {
    writeTree(dir.path('src'), Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.bin`, Buffer.alloc(200_000, i)])));
    const reports: number[] = [];
    await distribute(dir.path('src'), targets(1), 1, { onProgress: (p) => reports.push(p.bytes) });
    // The final report always comes; in-between ones are at most one per 250 ms.
    expect(reports.at(-1)).toBe(50 * 200_000);
    expect(reports.length).toBeLessThan(10);
  });

  it('reports the progress of a large file as it is copied, every 8 MiB', async () => {
    writeTree(dir.path('src'), { 'disc.iso': Buffer.alloc(20 << 20, 7) });
    const reports: number[] = [];
    await distribute(dir.path('src'), targets(2), 1, { onProgress: (p) => reports.push(p.bytes), progressEveryMs: 0 });
    expect(reports).toEqual([8 << 20, 16 << 20, 20 << 20, 20 << 20]);
  });

  it('makes every file durable with an fsync of its own where the volume is not synced whole', async () => {
    samplePackage(dir.path('src'));
    const to = targets(2);
    const results = await distribute(dir.path('src'), to, 1, { durability: 'file' });
    expect(results.map((r) => r.error)).toEqual([null, null]);
    for (const target of to) expect(snapshotTree(packageFolderOf(target))).toEqual(snapshotTree(dir.path('src')));
  });

  it('on an update, hard-links unchanged files from the current copy and reads only changed ones from the source', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    await distribute(dir.path('src'), [target], 1);
    const before = statSync(join(packageFolderOf(target), 'Data', 'big.cab')).ino;
    writeFileSync(dir.path('src', 'Setup.ini'), '[Setup]\r\nProduct=Viewer 2\r\n');
    writeFileSync(dir.path('src', 'new.txt'), 'new');
    const [result] = await distribute(dir.path('src'), [target], 2);
    expect(result).toMatchObject({ error: null, copiedFiles: 2, linkedFiles: 4 });
    expect(statSync(join(packageFolderOf(target), 'Data', 'big.cab')).ino).toBe(before);
    expect(snapshotTree(packageFolderOf(target))).toEqual(snapshotTree(dir.path('src')));
    expect(leftovers(target)).toEqual([]);
  });

  it.each(['clone', 'write'] as const)('counts the bytes it wrote to each target: every file on a first copy, only the changed ones on an update (fan-out: %s)', async (fanOut) => {
    // 3 MiB goes through more than one buffer, so with 'clone' the second target gets it by a kernel copy.
    writeTree(dir.path('src'), { 'media.bin': Buffer.alloc(3 * 1024 * 1024 + 5, 7), 'Setup.ini': '[Setup]\r\n', 'Data/small.txt': 'small' });
    const sizes = () => ['media.bin', 'Setup.ini', 'Data/small.txt'].map((name) => statSync(dir.path('src', ...name.split('/'))).size);
    const to = targets(2);
    const first = await distribute(dir.path('src'), to, 1, { fanOut });
    const whole = sizes().reduce((sum, size) => sum + size, 0);
    expect(first.map((result) => result.copiedBytes)).toEqual([whole, whole]);
    const unchanged = whole - sizes()[1]!;
    writeFileSync(dir.path('src', 'Setup.ini'), '[Setup]\r\nProduct=Viewer 2\r\n');
    const second = await distribute(dir.path('src'), to, 2, { fanOut });
    expect(second.map((result) => [result.copiedBytes, result.linkedBytes])).toEqual([
      [sizes()[1], unchanged],
      [sizes()[1], unchanged],
    ]);
  });

  it('does not link a current file edited in place on the share, and copies it from the source instead', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    await distribute(dir.path('src'), [target], 1);
    const ini = join(packageFolderOf(target), 'Setup.ini');
    writeFileSync(ini, Buffer.alloc(statSync(ini).size, 'x'));
    const [result] = await distribute(dir.path('src'), [target], 2);
    expect(result).toMatchObject({ error: null, copiedFiles: 1, linkedFiles: 4 });
    expect(snapshotTree(packageFolderOf(target))).toEqual(snapshotTree(dir.path('src')));
  });

  it('refuses the same folder given twice as a target', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    await expect(distribute(dir.path('src'), [target, { ...target, root: `${target.root}/` }], 1)).rejects.toThrow(/is given twice as a target/);
  });

  it('refuses a source that no longer matches its manifest, and leaves the current copy as it was', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    await distribute(dir.path('src'), [target], 1);
    const v1 = snapshotTree(packageFolderOf(target));
    writeFileSync(dir.path('src', 'Setup.ini'), 'version 2');
    const manifest = await buildManifest(dir.path('src'));
    // Same size, other bytes: only the hash can tell.
    writeFileSync(dir.path('src', 'Setup.ini'), 'version 3');
    const error = await refusal(distributePackage({ packageId: 'CRS00001', version: 2, manifest, source: folderSource(dir.path('src')), targets: [target] }));
    expect(error).toMatchObject({ kind: 'HASH_MISMATCH', file: 'Setup.ini' });
    expect(error.message).toMatch(/^Setup\.ini in .* does not match its SHA-256 in the manifest/);
    expect(snapshotTree(packageFolderOf(target))).toEqual(v1);
    expect(leftovers(target)).toEqual([]);
  });

  it('fails only the target it cannot write, and puts the package on the others', async () => {
    samplePackage(dir.path('src'));
    const [good, bad] = targets(2) as [PackageTarget, PackageTarget];
    writeTree(dir.path('dp1'), { 'SMSPKGD$': 'a file where the share folder should be' });
    const results = await distribute(dir.path('src'), [good, bad], 1);
    expect(results[0]!.error).toBeNull();
    expect((results[1]!.error as NodeJS.ErrnoException).code).toBe('EEXIST');
    expect(snapshotTree(packageFolderOf(good))).toEqual(snapshotTree(dir.path('src')));
  });

  it('stops when aborted, leaving the current copy and no staging folder', async () => {
    writeTree(dir.path('src'), Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.bin`, Buffer.alloc(100_000, i)])));
    const [target] = targets(1) as [PackageTarget];
    const controller = new AbortController();
    const error = await refusal(distribute(dir.path('src'), [target], 1, { threads: 1, signal: controller.signal, progressEveryMs: 0, onProgress: () => controller.abort() }));
    expect(error.kind).toBe('ABORTED');
    expect(readdirSync(target.root)).toEqual([]);
  });

  it('after a crash before the commit, cleanup removes the staging folder and the old version stays', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    await distribute(dir.path('src'), [target], 1);
    const v1 = snapshotTree(packageFolderOf(target));
    writeFileSync(dir.path('src', 'new.txt'), 'new');
    await distribute(dir.path('src'), [target], 2, { stopAfter: 'staged' });
    expect(leftovers(target)).toEqual(['.courier-CRS00001']);
    expect(pending(target).some((name) => name.startsWith('staging-2-'))).toBe(true);
    expect(snapshotTree(packageFolderOf(target))).toEqual(v1);
    const report = await cleanupPackage(target);
    expect(report.rolledForward).toBe(false);
    expect(report.removed).toHaveLength(2);
    expect(leftovers(target)).toEqual([]);
    expect(snapshotTree(packageFolderOf(target))).toEqual(v1);
    expect((await validateCopy(target)).ok).toBe(true);
  });

  it('goes on with the staging folder a stopped copy of the same version left, keeping only files that still verify', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    const manifest = await buildManifest(dir.path('src'));
    await distribute(dir.path('src'), [target], 1, { stopAfter: 'staged' });
    const staging = join(workFolderOf(target), pending(target).find((name) => !name.endsWith('.manifest'))!);
    // Damage one kept file behind the copy's back (same size, the manifest's mtime), and add a stray one.
    const cab = join(staging, 'Data', 'big.cab');
    const entry = manifest.files.find((f) => f.path === 'Data/big.cab')!;
    writeFileSync(cab, Buffer.alloc(entry.size, 1));
    utimesSync(cab, entry.mtimeMs / 1000, entry.mtimeMs / 1000);
    writeFileSync(join(staging, 'stray.tmp'), 'left over');
    const [result] = await distribute(dir.path('src'), [target], 1);
    expect(result).toMatchObject({ error: null, resumedFiles: 4, copiedFiles: 1 });
    expect(snapshotTree(packageFolderOf(target))).toEqual(snapshotTree(dir.path('src')));
    expect(leftovers(target)).toEqual([]);
  });

  it('cleanup keeps the staging folder of the version being resumed and names it, and removes one of another version', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    await distribute(dir.path('src'), [target], 2, { stopAfter: 'staged' });
    const staging = pending(target).find((name) => name.startsWith('staging-2-') && !name.endsWith('.manifest'))!;
    const kept = await cleanupPackage(target, 'staging-2-');
    expect(kept).toMatchObject({ rolledForward: false, kept: staging, removed: [`${staging}.manifest`] });
    expect(pending(target)).toEqual([staging]);
    const other = await cleanupPackage(target, 'staging-3-');
    expect(other.kept).toBeUndefined();
    expect(other.removed).toEqual([staging]);
    expect(leftovers(target)).toEqual([]);
  });

  it.each<CommitStep>(['journal', 'aside', 'staging-in', 'manifest', 'removed'])(
    'after a crash at commit step "%s", cleanup finishes the commit: the new version, its manifest, nothing left over',
    async (step) => {
      samplePackage(dir.path('src'));
      const [target] = targets(1) as [PackageTarget];
      await distribute(dir.path('src'), [target], 1);
      writeFileSync(dir.path('src', 'Setup.ini'), 'version 2');
      await distribute(dir.path('src'), [target], 2, { stopAfter: step });
      expect(pending(target)).toContain('commit.json');
      const report = await cleanupPackage(target);
      expect(report.rolledForward).toBe(true);
      expect(leftovers(target)).toEqual([]);
      expect(snapshotTree(packageFolderOf(target))).toEqual(snapshotTree(dir.path('src')));
      expect(await validateCopy(target)).toMatchObject({ ok: true });
      // And the next copy starts from there as from any other version.
      const [again] = await distribute(dir.path('src'), [target], 3);
      expect(again).toMatchObject({ error: null, copiedFiles: 0, linkedFiles: 5 });
    },
  );

  it('cleanup removes the temporary file of a staging manifest a kill left half-written, and no other package`s', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    const other = { root: target.root, folder: 'CRS00002' };
    await distribute(dir.path('src'), [target], 1);
    for (const work of [workFolderOf(target), workFolderOf(other)]) {
      mkdirSync(work);
      writeFileSync(join(work, '.staging-2-0a1b2c3d.manifest.00ff00ff00ff.tmp'), '{"format":');
    }
    const report = await cleanupPackage(target);
    expect(report.removed).toEqual(['.staging-2-0a1b2c3d.manifest.00ff00ff00ff.tmp']);
    expect(leftovers(target)).toEqual(['.courier-CRS00002']);
    expect(pending(other)).toEqual(['.staging-2-0a1b2c3d.manifest.00ff00ff00ff.tmp']);
  });

  it('a first copy interrupted between putting the old folder aside and the new one in has no folder to put aside', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    await distribute(dir.path('src'), [target], 1, { stopAfter: 'aside' });
    expect(readdirSync(target.root).includes('CRS00001')).toBe(false);
    await cleanupPackage(target);
    expect(snapshotTree(packageFolderOf(target))).toEqual(snapshotTree(dir.path('src')));
  });

  it('a journal that is not ours is dropped without touching the package folder', async () => {
    samplePackage(dir.path('src'));
    const [target] = targets(1) as [PackageTarget];
    await distribute(dir.path('src'), [target], 1);
    mkdirSync(workFolderOf(target));
    writeFileSync(journalPathOf(target), JSON.stringify({ format: 'courier-content-commit', staging: '../../etc', stagingManifest: 'staging-2-x.manifest', aside: 'old-y' }));
    expect(await cleanupPackage(target)).toEqual({ rolledForward: false, removed: [] });
    expect(readFileSync(join(packageFolderOf(target), 'empty.txt'), 'utf8')).toBe('');
    expect(leftovers(target)).toEqual([]);
  });
});
