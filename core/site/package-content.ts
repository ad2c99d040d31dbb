import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildManifest,
  buildPackageArchive,
  folderSource,
  openPackageArchive,
  readManifest,
  writeManifest,
  type ContentManifest,
  type ContentSource,
} from '../content/distribution';
import type { SiteRoot } from './site-root';

/** What a copy reads: the source version's manifest and where its bytes come from. */
export interface PackageContent {
  readonly manifest: ContentManifest;
  readonly source: ContentSource;
  /**
   * Whether this pass built the compressed package (2311): true once it is written, false when
   * there was nothing to build; rejects with why a build failed. `close` waits for it.
   */
  readonly archiveBuilt: Promise<boolean>;
  close(): Promise<void>;
}

/** `<site>/SMS/Manifests/<PackageID>/<version>.manifest`: computed once per source version. */
export function manifestPathFor(root: SiteRoot, packageId: string, version: number): string {
  return join(root.path, 'SMS', 'Manifests', packageId, `${version}.manifest`);
}

/** `<stored packages location>/SMSPKG/<PackageID>.pkg`; the site root when no location is set. */
export function archivePathFor(root: SiteRoot, storedPackagesLocation: string, packageId: string): string {
  return join(storedPackagesLocation === '' ? root.path : storedPackagesLocation, 'SMSPKG', `${packageId}.pkg`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * The manifest of a source version: read when it was taken before, otherwise the source folder
 * is hashed (in worker threads) and the result stored, so every DP and every retry compares with
 * the same list.
 */
export async function sourceManifest(root: SiteRoot, packageId: string, version: number, sourceFolder: string, signal: AbortSignal): Promise<ContentManifest> {
  const path = manifestPathFor(root, packageId, version);
  if (await exists(path)) return readManifest(path);
  const manifest = await buildManifest(sourceFolder, { signal });
  await mkdir(join(root.path, 'SMS', 'Manifests', packageId), { recursive: true });
  await writeManifest(path, manifest);
  return manifest;
}

export interface ContentRequest {
  readonly root: SiteRoot;
  readonly packageId: string;
  readonly version: number;
  readonly compressed: boolean;
  /** The source folder as the site server opens it; null when it cannot be resolved (a compressed copy may still serve). */
  readonly sourceFolder: string | null;
  readonly sourceProblem: string | null;
  readonly archivePath: string;
  readonly signal: AbortSignal;
}

/**
 * Where this version's files come from. "Always obtain files from the source directory": the
 * folder itself. "Use a compressed copy": the compressed package, built from the folder once per
 * version, so the DPs are served from it even after the source is gone. The pass that builds it
 * copies from the folder meanwhile, so the build (compression, on libuv's threads) and the copy
 * (the disks, on the file threads) run side by side instead of one after the other: both read the
 * same files and check them against the same manifest, so the DPs get the same bytes.
 */
export async function openPackageContent(request: ContentRequest): Promise<PackageContent> {
  const { root, packageId, version, signal } = request;
  const current = request.compressed ? await openPackageArchive(request.archivePath).catch(() => null) : null;
  if (current && current.packageId === packageId && current.version === version) {
    return { manifest: current.manifest, source: current.source, archiveBuilt: Promise.resolve(false), close: () => current.close() };
  }
  // An earlier version's compressed package lends the new one the blocks of its unchanged files.
  const previous = current?.packageId === packageId ? current : null;
  let manifest: ContentManifest;
  try {
    if (request.sourceFolder === null) throw new Error(request.sourceProblem ?? `The source directory of ${packageId} cannot be reached.`);
    manifest = await sourceManifest(root, packageId, version, request.sourceFolder, signal);
  } catch (error) {
    await current?.close();
    throw error;
  }
  const folder = folderSource(request.sourceFolder);
  if (!request.compressed) return { manifest, source: folder, archiveBuilt: Promise.resolve(false), close: async () => undefined };
  const building = (async () => {
    try {
      await mkdir(join(request.archivePath, '..'), { recursive: true });
      await buildPackageArchive({ path: request.archivePath, packageId, version, manifest, source: folder, signal, ...(previous ? { previous } : {}) });
      return true;
    } finally {
      await current?.close();
    }
  })();
  // Settled at once too, so a failed build is never an unhandled rejection; the caller hears of it.
  building.catch(() => undefined);
  return {
    manifest,
    source: folder,
    archiveBuilt: building,
    close: async () => {
      await building.catch(() => undefined);
    },
  };
}
