import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ContentError } from './content-error';

/**
 * What one version of a package's content is: every file with its size, modification time and
 * SHA-256, and every folder (so empty ones are copied too). The format is described in
 * docs/content-engine.md; `formatVersion` changes when a reader of the old one would misread it.
 */
export interface ManifestFile {
  /** Relative to the package root, forward slashes, the name's case as the source has it. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** Lower-case hex. */
  readonly sha256: string;
}

export interface ContentManifest {
  readonly format: typeof manifestFormat;
  readonly formatVersion: typeof manifestFormatVersion;
  /** Folders under the root, parents before children, forward slashes. */
  readonly folders: readonly string[];
  /** Sorted by path (code unit order), so two manifests of the same tree are the same bytes. */
  readonly files: readonly ManifestFile[];
  readonly fileCount: number;
  readonly totalBytes: number;
}

export const manifestFormat = 'courier-content-manifest';
export const manifestFormatVersion = 1;

export function manifestOf(folders: readonly string[], files: readonly ManifestFile[]): ContentManifest {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    format: manifestFormat,
    formatVersion: manifestFormatVersion,
    folders: [...folders].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    files: sorted,
    fileCount: sorted.length,
    totalBytes: sorted.reduce((sum, file) => sum + file.size, 0),
  };
}

/**
 * Writes `path` whole or not at all: a temp file beside it, fsync, rename, fsync of the folder.
 * `fsync: false` leaves out both fsyncs, for a caller that flushes the whole volume afterwards
 * (syncfs) before anything depends on the file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | AsyncIterable<string>, options: { readonly fsync?: boolean } = {}): Promise<void> {
  const fsync = options.fsync ?? true;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  if (!fsync && typeof data === 'string') {
    // Nothing to flush: one call instead of open, write and close, which is most of the time of
    // thousands of small files (Offer Manager's) made durable later by one flush of the volume.
    writeFileSync(temp, data, { flag: 'wx' });
    try {
      renameSync(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return;
  }
  const handle = await open(temp, 'wx');
  try {
    // Chunks let a file larger than what should be held at once (a lookup file) be written as it is read.
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else for await (const chunk of data) await handle.write(chunk);
    if (fsync) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (fsync) await syncFolder(dirname(path));
}

/** So a rename or a new entry survives a power cut (fsync(2) on the directory). */
export async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function manifestText(manifest: ContentManifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

export async function writeManifest(path: string, manifest: ContentManifest): Promise<void> {
  await writeFileAtomic(path, manifestText(manifest));
}

const sha256Pattern = /^[0-9a-f]{64}$/u;

/** Reads a manifest and checks every field, so a truncated or foreign file is refused by name. */
export async function readManifest(path: string): Promise<ContentManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentError('BAD_MANIFEST', code === 'ENOENT' ? `There is no manifest at ${path}.` : `The manifest ${path} cannot be read (${code ?? String(error)}).`);
  }
  return parseManifest(text, path);
}

export function parseManifest(text: string, where: string): ContentManifest {
  const bad = (why: string) => new ContentError('BAD_MANIFEST', `${where} is not a content manifest Courier can read: ${why}.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('it is not whole JSON');
  }
  if (typeof value !== 'object' || value === null) throw bad('it is not an object');
  const record = value as Record<string, unknown>;
  if (record.format !== manifestFormat) throw bad(`its format is not ${manifestFormat}`);
  if (record.formatVersion !== manifestFormatVersion) throw bad(`its format version is ${String(record.formatVersion)}, and this Courier reads ${manifestFormatVersion}`);
  if (!Array.isArray(record.folders) || !record.folders.every((f) => typeof f === 'string' && safeRelativePath(f))) throw bad('its folder list is not a list of relative paths');
  if (!Array.isArray(record.files)) throw bad('it has no file list');
  const files: ManifestFile[] = [];
  for (const entry of record.files as unknown[]) {
    const file = entry as Record<string, unknown> | null;
    if (
      file === null ||
      typeof file !== 'object' ||
      typeof file.path !== 'string' ||
      !safeRelativePath(file.path) ||
      !Number.isSafeInteger(file.size) ||
      (file.size as number) < 0 ||
      typeof file.mtimeMs !== 'number' ||
      typeof file.sha256 !== 'string' ||
      !sha256Pattern.test(file.sha256)
    ) {
      throw bad(`file entry ${files.length + 1} is not a path, size, mtimeMs and sha256`);
    }
    files.push({ path: file.path, size: file.size as number, mtimeMs: file.mtimeMs, sha256: file.sha256 });
  }
  const manifest = manifestOf(record.folders as string[], files);
  if (record.fileCount !== manifest.fileCount || record.totalBytes !== manifest.totalBytes) throw bad('its totals do not add up');
  if (new Set(files.map((f) => f.path.toLowerCase())).size !== files.length) throw bad('it names a file twice');
  return manifest;
}

/** A relative path that stays inside the root: no empty, `.` or `..` segment, no backslash, not absolute. */
export function safeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
