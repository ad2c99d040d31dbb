import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplePackage, snapshotTree, useContentTemp, writeTree } from '../../../test/helpers/content-tree';
import { buildManifest } from './build-manifest';
import { folderSource } from './content-source';
import { distributePackage } from './distribute';
import { buildPackageArchive, openPackageArchive } from './package-archive';
import { packageFolderOf } from './package-target';
import { repairCopy } from './validate';

const dir = useContentTemp('courier-archive-');

async function pack(root: string, path = dir.path('CRS00003.pkg')) {
  const manifest = await buildManifest(root);
  const summary = await buildPackageArchive({ path, packageId: 'CRS00003', version: 4, manifest, source: folderSource(root) });
  return { manifest, summary };
}

async function collect(iterable: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of iterable) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('the compressed package', () => {
  it('round-trips a package with empty files and folders, compressing text and storing random bytes', async () => {
    samplePackage(dir.path('src'));
    const { manifest, summary } = await pack(dir.path('src'));
    expect(summary.compressedBlocks).toBeGreaterThan(0);
    expect(summary.storedBlocks).toBeGreaterThan(0);
    expect(statSync(summary.path).size).toBe(summary.bytes);
    const archive = await openPackageArchive(summary.path);
    try {
      expect(archive).toMatchObject({ packageId: 'CRS00003', version: 4 });
      expect(archive.manifest).toEqual(manifest);
      for (const file of manifest.files) {
        expect((await collect(archive.source.read(file))).equals(readFileSync(dir.path('src', ...file.path.split('/'))))).toBe(true);
      }
      const target = { root: dir.path('dp', 'SMSPKGD$'), folder: 'CRS00003' };
      const [result] = await distributePackage({ packageId: 'CRS00003', version: 4, manifest: archive.manifest, source: archive.source, targets: [target] });
      expect(result!.error).toBeNull();
      expect(snapshotTree(packageFolderOf(target))).toEqual(snapshotTree(dir.path('src')));
      // Repairs read single files out of it too.
      writeFileSync(`${packageFolderOf(target)}/Setup.ini`, 'damaged');
      expect((await repairCopy(target, archive.source)).rewritten).toEqual(['Setup.ini']);
    } finally {
      await archive.close();
    }
    // The text compressed well; the random bytes were stored, not grown.
    expect(summary.bytes).toBeLessThan(manifest.totalBytes);
  });

  it('holds a package of no files', async () => {
    mkdirSync(dir.path('empty'));
    const { summary } = await pack(dir.path('empty'));
    const archive = await openPackageArchive(summary.path);
    expect(archive.manifest).toMatchObject({ fileCount: 0, totalBytes: 0 });
    await archive.close();
  });

  it('reads a file of many blocks, in blocks, without the files before it', async () => {
    const text = Buffer.from('0123456789abcdef'.repeat(300_000));
    writeTree(dir.path('src'), { 'a.bin': randomBytes(1_500_000), 'b.txt': text });
    const { manifest, summary } = await pack(dir.path('src'));
    const archive = await openPackageArchive(summary.path);
    const sizes: number[] = [];
    for await (const chunk of archive.source.read(manifest.files[1]!)) sizes.push(chunk.length);
    await archive.close();
    expect(sizes.length).toBe(Math.ceil(text.length / (1 << 20)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1 << 20);
  });

  it('refuses a package cut short or not ours, naming the file', async () => {
    samplePackage(dir.path('src'));
    const { summary } = await pack(dir.path('src'));
    writeFileSync(dir.path('foreign.pkg'), 'PK\u0003\u0004 not a courier package at all');
    await expect(openPackageArchive(dir.path('foreign.pkg'))).rejects.toMatchObject({ kind: 'BAD_PACKAGE', message: expect.stringMatching(/foreign\.pkg is not a compressed package Courier can read: its first or last bytes/) });
    truncateSync(summary.path, summary.bytes - 100);
    await expect(openPackageArchive(summary.path)).rejects.toMatchObject({ kind: 'BAD_PACKAGE' });
    await expect(openPackageArchive(dir.path('missing.pkg'))).rejects.toThrow(/cannot be opened \(ENOENT\)/);
  });

  it('a damaged block is caught before a byte of it reaches a distribution point', async () => {
    writeTree(dir.path('src'), { 'Setup.ini': '[Setup]\r\n'.repeat(50_000) });
    const { summary } = await pack(dir.path('src'));
    const bytes = readFileSync(summary.path);
    bytes[20] = bytes[20]! ^ 0xff;
    writeFileSync(summary.path, bytes);
    const archive = await openPackageArchive(summary.path);
    const target = { root: dir.path('dp', 'SMSPKGD$'), folder: 'CRS00003' };
    await expect(distributePackage({ packageId: 'CRS00003', version: 4, manifest: archive.manifest, source: archive.source, targets: [target] })).rejects.toMatchObject({
      kind: expect.stringMatching(/^(BAD_PACKAGE|HASH_MISMATCH)$/),
    });
    await archive.close();
  });

  it('refuses to pack a source that changed since its manifest, and leaves no temp file', async () => {
    writeTree(dir.path('src'), { 'a.txt': 'one' });
    const manifest = await buildManifest(dir.path('src'));
    writeFileSync(dir.path('src', 'a.txt'), 'two');
    mkdirSync(dir.path('out'));
    await expect(buildPackageArchive({ path: dir.path('out', 'X.pkg'), packageId: 'X', version: 1, manifest, source: folderSource(dir.path('src')) })).rejects.toMatchObject({ kind: 'HASH_MISMATCH' });
    expect(snapshotTree(dir.path('out'))).toEqual({});
  });

  it('packs an update from the blocks of the previous version`s unchanged files, reading from the source only what changed', async () => {
    samplePackage(dir.path('src'));
    const { summary: first } = await pack(dir.path('src'), dir.path('v1.pkg'));
    writeFileSync(dir.path('src', 'Setup.ini'), '[Setup]\r\nProduct=Viewer 2\r\n'.repeat(3000));
    writeFileSync(dir.path('src', 'added.txt'), 'new in version 5');
    const manifest = await buildManifest(dir.path('src'));
    const unchanged = manifest.files.filter((file) => !['Setup.ini', 'added.txt'].includes(file.path));
    const previous = await openPackageArchive(first.path);
    let summary;
    try {
      // The files the build reads from the source, recorded.
      const read: string[] = [];
      const reading = folderSource(dir.path('src'));
      const watched = { ...reading, read: (file: Parameters<typeof reading.read>[0], signal?: AbortSignal) => (read.push(file.path), reading.read(file, signal)) };
      summary = await buildPackageArchive({ path: dir.path('v2.pkg'), packageId: 'CRS00003', version: 5, manifest, source: watched, previous });
      expect(read.sort()).toEqual(['Setup.ini', 'added.txt']);
    } finally {
      await previous.close();
    }
    expect(summary).toMatchObject({ reusedFiles: unchanged.length, reusedBytes: unchanged.reduce((sum, file) => sum + file.size, 0) });
    const archive = await openPackageArchive(summary.path);
    try {
      expect(archive.version).toBe(5);
      for (const file of manifest.files) {
        expect((await collect(archive.source.read(file))).equals(readFileSync(dir.path('src', ...file.path.split('/')))), file.path).toBe(true);
      }
    } finally {
      await archive.close();
    }
  });

  it('packs a file from the source again when the previous package`s blocks of it are damaged', async () => {
    writeTree(dir.path('src'), { 'Setup.ini': '[Setup]\r\n'.repeat(50_000), 'b.txt': 'b' });
    const { summary: first } = await pack(dir.path('src'), dir.path('v1.pkg'));
    const bytes = readFileSync(first.path);
    bytes[20] = bytes[20]! ^ 0xff;
    writeFileSync(first.path, bytes);
    writeFileSync(dir.path('src', 'b.txt'), 'b, version 2');
    const manifest = await buildManifest(dir.path('src'));
    const previous = await openPackageArchive(first.path);
    const summary = await buildPackageArchive({ path: dir.path('v2.pkg'), packageId: 'CRS00003', version: 5, manifest, source: folderSource(dir.path('src')), previous }).finally(() => previous.close());
    expect(summary.reusedFiles).toBe(0);
    const archive = await openPackageArchive(summary.path);
    expect((await collect(archive.source.read(manifest.files.find((file) => file.path === 'Setup.ini')!))).equals(readFileSync(dir.path('src', 'Setup.ini')))).toBe(true);
    await archive.close();
  });
});
