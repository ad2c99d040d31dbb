import { writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { samplePackage, snapshotTree, useContentTemp } from '../../../test/helpers/content-tree';
import { buildManifest } from './build-manifest';
import { cleanupPackage } from './commit';
import { folderSource } from './content-source';
import { distributePackage } from './distribute';
import { packageFolderOf, type PackageTarget } from './package-target';

// Every folder the copy lists, recorded and then listed as usual: the real file system, watched.
const listed: string[] = [];
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof fsPromises>();
  const readdir = (path: Parameters<typeof fs.readdir>[0], ...rest: unknown[]) => {
    listed.push(resolve(String(path)));
    return (fs.readdir as (...args: unknown[]) => unknown)(path, ...rest);
  };
  return { ...fs, readdir, default: { ...fs, readdir } };
});

const dir = useContentTemp('courier-root-listing-');

describe('the package root of a distribution point (every package on the volume)', () => {
  it('is never listed by a copy, a resumed copy, a crashed commit rolled forward or a cleanup', async () => {
    samplePackage(dir.path('src'));
    const target: PackageTarget = { root: dir.path('dp', 'SMSPKGD$'), folder: 'CRS00001' };
    const copy = async (version: number, stopAfter?: 'staged' | 'aside') => {
      const manifest = await buildManifest(dir.path('src'));
      return distributePackage({ packageId: 'CRS00001', version, manifest, source: folderSource(dir.path('src')), targets: [target], ...(stopAfter ? { stopAfter } : {}) });
    };
    listed.length = 0;
    await copy(1);
    writeFileSync(dir.path('src', 'Setup.ini'), 'version 2');
    await copy(2, 'staged');
    const [resumed] = await copy(2, 'aside');
    writeFileSync(dir.path('src', 'Setup.ini'), 'version 3');
    const [third] = await copy(3);
    await cleanupPackage(target);
    expect(resumed).toMatchObject({ error: null, resumedFiles: 5 });
    expect(third).toMatchObject({ error: null, copiedFiles: 1, linkedFiles: 4 });
    expect(snapshotTree(packageFolderOf(target))).toEqual(snapshotTree(dir.path('src')));
    // The watch sees the listings there are (the resumed staging folder is checked), just not the root's.
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).not.toContain(resolve(target.root));
  });
});
