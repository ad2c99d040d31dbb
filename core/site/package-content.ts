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
  /** The compressed package was (re)built for this version: 2311. */
  readonly archiveBuilt: boolean;
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
 * version, so the DPs are served from it even after the source is gone.
 */
export async function openPackageContent(request: ContentRequest): Promise<PackageContent> {
  const { root, packageId, version, signal } = request;
  const current = request.compressed ? await openPackageArchive(request.archivePath).catch(() => null) : null;
  if (current && current.packageId === packageId && current.version === version) {
    return { manifest: current.manifest, source: current.source, archiveBuilt: false, close: () => current.close() };
  }
  // An earlier version's compressed package lends the new one the blocks of its unchanged files.
  const previous = current?.packageId === packageId ? current : null;
  try {
    if (request.sourceFolder === null) throw new Error(request.sourceProblem ?? `The source directory of ${packageId} cannot be reached.`);
    const manifest = await sourceManifest(root, packageId, version, request.sourceFolder, signal);
    const folder = folderSource(request.sourceFolder);
    if (!request.compressed) return { manifest, source: folder, archiveBuilt: false, close: async () => undefined };
    await mkdir(join(request.archivePath, '..'), { recursive: true });
    await buildPackageArchive({ path: request.archivePath, packageId, version, manifest, source: folder, signal, ...(previous ? { previous } : {}) });
  } finally {
    await current?.close();
  }
  const archive = await openPackageArchive(request.archivePath);
  return { manifest: archive.manifest, source: archive.source, archiveBuilt: true, close: () => archive.close() };
}
