import { createHash, randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, rmdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentError, throwIfAborted } from './content-error';
import type { ContentSource } from './content-source';
import { FileWorkers, defaultFileThreads } from './file-workers';
import { readManifest, syncFolder, type ContentManifest, type ManifestFile } from './manifest';
import { manifestPathOf, packageFolderOf, workFolderOf, type PackageTarget } from './package-target';

export interface ValidationReport {
  readonly ok: boolean;
  /** In the manifest, not in the package folder (or not a regular file there). */
  readonly missing: readonly string[];
  /** A different size or SHA-256 from the manifest's. */
  readonly changed: readonly string[];
  /** In the package folder, not in the manifest: files, then folders (with a trailing slash). */
  readonly extra: readonly string[];
  readonly missingFolders: readonly string[];
  readonly checkedFiles: number;
  readonly checkedBytes: number;
}

export interface ValidateOptions {
  readonly threads?: number;
  readonly signal?: AbortSignal;
}

interface Found {
  readonly files: Map<string, { path: string; size: number; mtimeMs: number; regular: boolean }>;
  readonly folders: Set<string>;
}

async function listCopy(root: string): Promise<Found> {
  const files: Found['files'] = new Map();
  const folders = new Set<string>();
  const walk = async (folder: string, prefix: string) => {
    const entries: Dirent[] = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        folders.add(name);
        await walk(path, name);
      } else {
        const stats = await lstat(path).catch(() => null);
        if (stats !== null) files.set(name, { path, size: stats.size, mtimeMs: stats.mtimeMs, regular: stats.isFile() });
      }
    }
  };
  await walk(root, '');
  return { files, folders };
}

/**
 * Re-hashes a distribution point's copy of a package against the manifest written beside it
 * (or the one given), so a file deleted, changed or added on the share since the copy is found.
 */
export async function validateCopy(target: PackageTarget, options: ValidateOptions & { manifest?: ContentManifest } = {}): Promise<ValidationReport> {
  const manifest = options.manifest ?? (await readManifest(manifestPathOf(target)));
  const found = await listCopy(packageFolderOf(target));
  const missing: string[] = [];
  const changed: string[] = [];
  const toHash: { file: ManifestFile; path: string; size: number; mtimeMs: number }[] = [];
  for (const file of manifest.files) {
    const seen = found.files.get(file.path);
    if (seen === undefined || !seen.regular) missing.push(file.path);
    else if (seen.size !== file.size) changed.push(file.path);
    else toHash.push({ file, path: seen.path, size: seen.size, mtimeMs: seen.mtimeMs });
  }
  const listed = new Set(manifest.files.map((file) => file.path));
  const folders = new Set(manifest.folders);
  const extra = [...[...found.files.keys()].filter((name) => !listed.has(name)).sort(), ...[...found.folders].filter((name) => !folders.has(name)).sort().map((name) => `${name}/`)];
  const missingFolders = manifest.folders.filter((folder) => !found.folders.has(folder));
  const pool = new FileWorkers(Math.max(1, Math.min(options.threads ?? defaultFileThreads(), toHash.length || 1)));
  const onAbort = () => pool.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const hashes = await Promise.all(
      toHash.map((entry) =>
        pool.hash({ path: entry.path, name: entry.file.path, size: entry.size, mtimeMs: entry.mtimeMs }).catch((error: unknown) => {
          // A file that vanishes or changes while it is checked is not the manifest's file.
          if (error instanceof ContentError && (error.kind === 'SOURCE_CHANGED' || error.kind === 'SOURCE_VANISHED')) return null;
          throw error;
        }),
      ),
    );
    toHash.forEach((entry, index) => {
      if (hashes[index] !== entry.file.sha256) changed.push(entry.file.path);
    });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  throwIfAborted(options.signal);
  changed.sort();
  return {
    ok: missing.length === 0 && changed.length === 0 && extra.length === 0 && missingFolders.length === 0,
    missing,
    changed,
    extra,
    missingFolders,
    checkedFiles: manifest.fileCount,
    checkedBytes: manifest.totalBytes,
  };
}

export interface RepairReport {
  readonly before: ValidationReport;
  /** Files written again from the source (missing or changed). */
  readonly rewritten: readonly string[];
  /** Extra files and folders removed. */
  readonly removed: readonly string[];
  readonly createdFolders: readonly string[];
}

/**
 * Writes `file` from the source into a temp file in the package's work folder (the same volume as
 * the package folder, and where the next copy's clean-up finds what a killed repair left),
 * verifying its SHA-256 and syncing it, then renames it over the damaged or missing file, so a
 * client reading the share sees the old file or the whole new one.
 */
async function rewriteFile(target: PackageTarget, file: ManifestFile, source: ContentSource, signal: AbortSignal | undefined): Promise<void> {
  const work = workFolderOf(target);
  await mkdir(work, { recursive: true });
  const temp = join(work, `repair-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of source.read(file, signal)) {
      throwIfAborted(signal);
      hash.update(chunk);
      size += chunk.length;
      let offset = 0;
      while (offset < chunk.length) offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
    }
    if (size !== file.size || hash.digest('hex') !== file.sha256) {
      throw new ContentError('HASH_MISMATCH', `${file.path} in ${source.description} does not match the manifest; the copy was not repaired from it.`, file.path);
    }
    await handle.sync();
    await handle.close();
    const when = file.mtimeMs / 1000;
    await utimes(temp, when, when);
    const destination = join(packageFolderOf(target), ...file.path.split('/'));
    // A folder where the file belongs (an extra on the share) goes first.
    const there = await lstat(destination).catch(() => null);
    if (there?.isDirectory() === true) await rm(destination, { recursive: true, force: true });
    await rename(temp, destination);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

/** Validates, then puts right only what is wrong: missing and changed files from the source, extras removed. */
export async function repairCopy(target: PackageTarget, source: ContentSource, options: ValidateOptions = {}): Promise<RepairReport> {
  const manifest = await readManifest(manifestPathOf(target));
  const before = await validateCopy(target, { ...options, manifest });
  const live = packageFolderOf(target);
  const removed: string[] = [];
  // Deepest first, so a folder's extras go before the folder.
  for (const name of [...before.extra].sort((a, b) => b.split('/').length - a.split('/').length)) {
    throwIfAborted(options.signal);
    await rm(join(live, ...name.replace(/\/$/u, '').split('/')), { recursive: true, force: true });
    removed.push(name);
  }
  for (const folder of before.missingFolders) await mkdir(join(live, ...folder.split('/')), { recursive: true });
  const byPath = new Map(manifest.files.map((file) => [file.path, file]));
  const rewritten: string[] = [];
  try {
    for (const name of [...before.missing, ...before.changed]) {
      throwIfAborted(options.signal);
      const file = byPath.get(name)!;
      await mkdir(join(live, ...name.split('/').slice(0, -1)), { recursive: true });
      await rewriteFile(target, file, source, options.signal);
      rewritten.push(name);
    }
  } finally {
    // Empty unless a copy is under way beside this repair; then it is that copy's to remove.
    await rmdir(workFolderOf(target)).catch(() => undefined);
  }
  await syncFolder(live);
  return { before, rewritten, removed, createdFolders: before.missingFolders };
}
