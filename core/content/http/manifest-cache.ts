import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseManifest, type ContentManifest, type ManifestFile } from '../distribution/manifest';

/** An installed manifest as read, with its files by lower-case path (a Windows share matches names whatever their case). */
export interface LoadedManifest {
  readonly manifest: ContentManifest;
  /** The manifest file's bytes, as served for the package folder. */
  readonly bytes: Buffer;
  readonly etag: string;
  readonly mtimeMs: number;
  readonly files: ReadonlyMap<string, ManifestFile>;
}

interface Entry {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly loaded: LoadedManifest;
}

/** A manifest is a few hundred bytes per file; one this large is not one Distribution Manager wrote. */
const maxManifestBytes = 256 * 1024 * 1024;
const maxEntries = 512;

/**
 * Manifests by path, read again when the file on disk is another one: a commit renames a new
 * manifest over the old, so the inode (or its times and size) changes. Each lookup costs one
 * fstat, so a new version is seen on the first request after it is in place.
 */
export class ManifestCache {
  private readonly entries = new Map<string, Entry>();

  /** The manifest at `path`, or null when there is none (the package is not, or no longer, there). */
  async get(path: string): Promise<LoadedManifest | null> {
    // One stat per request while the manifest is the one read; it is opened only when it changed.
    let seen;
    try {
      seen = statSync(path);
    } catch (error) {
      if (!isMissing(error)) throw error;
      this.entries.delete(path);
      return null;
    }
    if (!seen.isFile()) return null;
    const cached = this.entries.get(path);
    if (cached && same(cached, seen)) return cached.loaded;
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return null;
      if (opened.size > maxManifestBytes) throw new Error(`The manifest ${path} is ${opened.size} bytes, more than the ${maxManifestBytes} a content manifest can be.`);
      const bytes = await handle.readFile();
      const manifest = parseManifest(bytes.toString('utf8'), path);
      const files = new Map<string, ManifestFile>();
      for (const file of manifest.files) files.set(file.path.toLowerCase(), file);
      const loaded: LoadedManifest = { manifest, bytes, etag: `"${createHash('sha256').update(bytes).digest('hex')}"`, mtimeMs: opened.mtimeMs, files };
      this.entries.delete(path);
      this.entries.set(path, { ino: opened.ino, size: opened.size, mtimeMs: opened.mtimeMs, ctimeMs: opened.ctimeMs, loaded });
      if (this.entries.size > maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      return loaded;
    } finally {
      await handle.close();
    }
  }
}

function same(entry: Entry, seen: Stats): boolean {
  return entry.ino === seen.ino && entry.size === seen.size && entry.mtimeMs === seen.mtimeMs && entry.ctimeMs === seen.ctimeMs;
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
