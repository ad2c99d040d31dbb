import { readdir, readFile, stat, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { objectIdPattern } from '../../core/api/ids';
import { writeFileAtomic } from '../files/atomic-write';

/** One content in the cache: a package's files at one source version, in `<PackageID>.<SourceVersion>`. */
export interface CacheEntryRecord {
  readonly packageId: string;
  readonly sourceVersion: number;
  /** The content's bytes (the manifest's total); while downloading, the room reserved for it. */
  readonly sizeBytes: number;
  /** The package's "persist content in the client cache" flag: never evicted. */
  readonly persist: boolean;
  readonly state: 'downloading' | 'complete';
  /** When the room was reserved (ms since the epoch). */
  readonly reservedAt: number;
  readonly downloadedAt: number | null;
  readonly lastRunAt: number | null;
  /** The advertisements that still need this content. */
  readonly pending: readonly string[];
}

export interface CacheIndex {
  readonly format: typeof cacheIndexFormat;
  readonly formatVersion: 1;
  readonly sizeMb: number;
  readonly entries: readonly CacheEntryRecord[];
}

export const cacheIndexFormat = 'courier-client-cache';
export const cacheIndexName = 'cache-index.json';

/** The folder name of a content, which is also its key: `A0100001.3`. */
export const entryKey = (packageId: string, sourceVersion: number): string => `${packageId}.${sourceVersion}`;

const keyPattern = /^([A-Z0-9]{3}[0-9A-F]{5})\.(0|[1-9][0-9]{0,9})$/u;

/** The package ID and source version a folder name stands for, or null when it is not a content folder. */
export function parseEntryKey(name: string): { packageId: string; sourceVersion: number } | null {
  const match = keyPattern.exec(name);
  if (match === null) return null;
  const sourceVersion = Number(match[2]);
  return Number.isSafeInteger(sourceVersion) ? { packageId: match[1]!, sourceVersion } : null;
}

const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function checkEntry(value: unknown): CacheEntryRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  if (typeof e.packageId !== 'string' || !objectIdPattern.test(e.packageId)) return null;
  if (!Number.isSafeInteger(e.sourceVersion) || (e.sourceVersion as number) < 0) return null;
  if (!Number.isSafeInteger(e.sizeBytes) || (e.sizeBytes as number) < 0) return null;
  if (typeof e.persist !== 'boolean' || (e.state !== 'downloading' && e.state !== 'complete')) return null;
  if (!isTime(e.reservedAt) || !(e.downloadedAt === null || isTime(e.downloadedAt)) || !(e.lastRunAt === null || isTime(e.lastRunAt))) return null;
  if (!Array.isArray(e.pending) || !e.pending.every((id) => typeof id === 'string' && objectIdPattern.test(id))) return null;
  return {
    packageId: e.packageId,
    sourceVersion: e.sourceVersion as number,
    sizeBytes: e.sizeBytes as number,
    persist: e.persist,
    state: e.state,
    reservedAt: e.reservedAt as number,
    downloadedAt: e.downloadedAt as number | null,
    lastRunAt: e.lastRunAt as number | null,
    pending: e.pending as string[],
  };
}

/**
 * Reads the index: the index, `missing` when there is none (a new cache), or why it cannot be
 * used (the caller rebuilds it from the folders; a damaged index must never stop the agent).
 */
export async function readCacheIndex(root: string): Promise<{ index: CacheIndex } | { missing: true } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(join(root, cacheIndexName), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    return { problem: `it cannot be read (${code ?? String(error)})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'it is not whole JSON' };
  }
  if (typeof value !== 'object' || value === null) return { problem: 'it is not an object' };
  const record = value as Record<string, unknown>;
  if (record.format !== cacheIndexFormat || record.formatVersion !== 1) return { problem: `it is not a ${cacheIndexFormat} index of version 1` };
  if (!Number.isSafeInteger(record.sizeMb) || (record.sizeMb as number) < 1) return { problem: 'its sizeMb is not a positive whole number' };
  if (!Array.isArray(record.entries)) return { problem: 'it has no entry list' };
  const entries: CacheEntryRecord[] = [];
  const keys = new Set<string>();
  for (const [i, raw] of (record.entries as unknown[]).entries()) {
    const entry = checkEntry(raw);
    if (entry === null) return { problem: `entry ${i + 1} is not a package ID, source version, size, state, times and pending advertisements` };
    const key = entryKey(entry.packageId, entry.sourceVersion);
    if (keys.has(key)) return { problem: `it lists ${key} twice` };
    keys.add(key);
    entries.push(entry);
  }
  return { index: { format: cacheIndexFormat, formatVersion: 1, sizeMb: record.sizeMb as number, entries } };
}

export async function writeCacheIndex(root: string, index: CacheIndex): Promise<void> {
  await writeFileAtomic(join(root, cacheIndexName), `${JSON.stringify(index, null, 1)}\n`);
}

/** The bytes of the files under `folder` (symbolic links are counted as themselves, never followed). */
export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else total += (await lstat(path)).size;
  }
  return total;
}

/** Whether `path` is a folder (false when it is missing or anything else). */
export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
