import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { samplePackage, snapshotTree, useContentTemp } from '../../../test/helpers/content-tree';
import { buildManifest } from './build-manifest';
import { cleanupPackage } from './commit';
import { folderSource, type ContentSource } from './content-source';
import { distributePackage } from './distribute';
import { packageFolderOf, workFolderOf, type PackageTarget } from './package-target';
import { repairCopy, validateCopy } from './validate';

const dir = useContentTemp('courier-validate-');
let target: PackageTarget;
let live: string;

beforeEach(async () => {
  samplePackage(dir.path('src'));
  target = { root: dir.path('dp', 'SMSPKGE$'), folder: 'CRS00002' };
  live = packageFolderOf(target);
  const manifest = await buildManifest(dir.path('src'));
  await distributePackage({ packageId: 'CRS00002', version: 1, manifest, source: folderSource(dir.path('src')), targets: [target] });
});

describe('validating a distribution point copy', () => {
  it('finds nothing wrong with a fresh copy', async () => {
    expect(await validateCopy(target)).toEqual({ ok: true, missing: [], changed: [], extra: [], missingFolders: [], checkedFiles: 5, checkedBytes: expect.any(Number) });
  });

  it('finds a file deleted, one changed in place with its size kept, one cut short, extras and a missing folder', async () => {
    rmSync(join(live, 'Data', 'Sub Folder', 'readme.txt'));
    writeFileSync(join(live, 'empty.txt'), '');
    writeFileSync(join(live, 'Setup.ini'), Buffer.alloc(54_000, 'x'));
    writeFileSync(join(live, 'setup.exe'), 'MZ');
    writeFileSync(join(live, 'virus.exe'), 'not ours');
    mkdirSync(join(live, 'Junk', 'Deeper'), { recursive: true });
    rmSync(join(live, 'Empty Folder'), { recursive: true });
    const report = await validateCopy(target);
    expect(report).toMatchObject({
      ok: false,
      missing: ['Data/Sub Folder/readme.txt'],
      changed: ['Setup.ini', 'setup.exe'],
      extra: ['virus.exe', 'Junk/', 'Junk/Deeper/'],
      missingFolders: ['Empty Folder'],
    });
  });

  it('repairs only what is wrong, from the source, and says what it did', async () => {
    rmSync(join(live, 'Data', 'Sub Folder', 'readme.txt'));
    writeFileSync(join(live, 'setup.exe'), 'MZ');
    writeFileSync(join(live, 'Junk.txt'), 'extra');
    mkdirSync(join(live, 'Junk', 'Deeper'), { recursive: true });
    // A folder where a file of the package belongs.
    rmSync(join(live, 'Setup.ini'));
    mkdirSync(join(live, 'Setup.ini'));
    const report = await repairCopy(target, folderSource(dir.path('src')));
    expect(report.rewritten).toEqual(['Data/Sub Folder/readme.txt', 'Setup.ini', 'setup.exe']);
    expect([...report.removed].sort()).toEqual(['Junk.txt', 'Junk/', 'Junk/Deeper/', 'Setup.ini/'].sort());
    expect(snapshotTree(live)).toEqual(snapshotTree(dir.path('src')));
    expect((await validateCopy(target)).ok).toBe(true);
    expect((await repairCopy(target, folderSource(dir.path('src')))).rewritten).toEqual([]);
  });

  it('refuses to repair from a source that no longer matches the manifest, and leaves no temp file', async () => {
    rmSync(join(live, 'empty.txt'));
    writeFileSync(dir.path('src', 'empty.txt'), 'now with bytes');
    await expect(repairCopy(target, folderSource(dir.path('src')))).rejects.toMatchObject({ kind: 'HASH_MISMATCH', file: 'empty.txt' });
    expect((await validateCopy(target)).missing).toEqual(['empty.txt']);
    expect(Object.keys(snapshotTree(target.root)).filter((name) => name.includes('repair-'))).toEqual([]);
    expect(existsSync(workFolderOf(target))).toBe(false);
  });

  it('writes its temp files in the package work folder, which the next copy clears after a kill', async () => {
    rmSync(join(live, 'empty.txt'));
    const seen: string[] = [];
    const source = folderSource(dir.path('src'));
    const watching: ContentSource = {
      ...source,
      async *read(file, signal) {
        seen.push(...readdirSync(workFolderOf(target)));
        yield* source.read(file, signal);
      },
    };
    await repairCopy(target, watching);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^repair-[0-9a-f]{8}\.tmp$/u);
    // What a repair killed mid-file leaves, the next clean-up of the package removes.
    mkdirSync(workFolderOf(target));
    writeFileSync(join(workFolderOf(target), 'repair-deadbeef.tmp'), 'half');
    expect((await cleanupPackage(target)).removed).toEqual(['repair-deadbeef.tmp']);
    expect(existsSync(workFolderOf(target))).toBe(false);
  });
});
