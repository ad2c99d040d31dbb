import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { objectIdPattern } from '../../core/api/ids';
import { cacheIndexFormat, cacheIndexName, entryKey, folderBytes, isFolder, parseEntryKey, readCacheIndex, writeCacheIndex, type CacheEntryRecord, type CacheIndex } from './cache-index';

export const defaultCacheSizeMb = 5120;
/** A cache this large is a typing mistake, not a setting (16 TiB). */
export const maxCacheSizeMb = 16 * 1024 * 1024;
const mb = 1024 * 1024;
const hour = 60 * 60 * 1000;
/** Content stays locked this long after its program ran… */
export const lockAfterRunMs = 24 * hour;
/** …or this long after it was downloaded when its program has not run. */
export const lockWithoutRunMs = 30 * 24 * hour;

export type LockReason = 'downloading' | 'pending';

export interface CacheEntry extends CacheEntryRecord {
  readonly key: string;
  /** The content's folder: `<cache>/<PackageID>.<SourceVersion>`. */
  readonly path: string;
  /** Where a download writes until every file matches: `<path>.partial`. */
  readonly partialPath: string;
  /** The download's own notes about the partial files (ETags), beside the partial folder. */
  readonly partialStatePath: string;
  readonly locked: boolean;
  readonly lockReason: LockReason | null;
  /** When a pending lock ends by itself (24 hours after the run, or 30 days after the download). */
  readonly unlocksAt: Date | null;
}

export type ReserveResult =
  /** Already downloaded: the advertisement is added to those that need it. */
  | { readonly outcome: 'cached'; readonly entry: CacheEntry }
  /** Room is reserved (unlocked content evicted for it if need be): download into `entry.partialPath`. */
  | { readonly outcome: 'reserved'; readonly entry: CacheEntry; readonly evicted: readonly CacheEntry[] }
  /** It fits the cache but not now: locked or persisted content holds the room; try again when some frees. */
  | { readonly outcome: 'deferred'; readonly neededBytes: number; readonly freeBytes: number; readonly reclaimableBytes: number }
  /** Larger than the whole cache: the program cannot run from the cache (status message 10050). */
  | { readonly outcome: 'too-large'; readonly messageId: 10050; readonly sizeBytes: number; readonly cacheBytes: number };

export interface OpenedCache {
  readonly cache: ContentCache;
  /** Set when the index was missing entries, damaged or unreadable and was rebuilt from the folders: why, for cas.log. */
  readonly rebuilt: string | null;
}

export class CacheError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CacheError';
  }
}

function checkPackageId(packageId: string): void {
  if (!objectIdPattern.test(packageId)) throw new CacheError('packageId', `packageId ${JSON.stringify(packageId)} is not a package ID (site code and five hex digits, for example A0100001).`);
}
function checkSourceVersion(sourceVersion: number): void {
  if (!Number.isSafeInteger(sourceVersion) || sourceVersion < 0 || sourceVersion > 9_999_999_999) throw new CacheError('sourceVersion', `sourceVersion ${String(sourceVersion)} is not a whole number from 0.`);
}
function checkAdvertisementId(advertisementId: string): void {
  if (!objectIdPattern.test(advertisementId)) throw new CacheError('advertisementId', `advertisementId ${JSON.stringify(advertisementId)} is not an advertisement ID (site code and five hex digits).`);
}
export function checkCacheSizeMb(sizeMb: number): void {
  if (!Number.isSafeInteger(sizeMb) || sizeMb < 1 || sizeMb > maxCacheSizeMb) throw new CacheError('sizeMb', `sizeMb ${String(sizeMb)} is not a whole number of MB from 1 to ${maxCacheSizeMb}.`);
}

/**
 * The client's download cache: a folder with one sub-folder per content and an index
 * (docs/client-agent.md, "Cache"). Every change is one atomic write of the index, made one at a
 * time; `now` is the clock every rule reads, so tests can move it.
 */
export class ContentCache {
  #root: string;
  #index: CacheIndex;
  readonly #now: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(root: string, index: CacheIndex, now: () => Date) {
    this.#root = root;
    this.#index = index;
    this.#now = now;
  }

  /**
   * Opens (or creates) the cache at `root`. An index that is damaged, or that does not agree with
   * the folders after a kill -9, is rebuilt from what is on disk rather than refused.
   */
  static async open(root: string, options: { readonly now?: () => Date; readonly sizeMb?: number } = {}): Promise<OpenedCache> {
    if (!isAbsolute(root)) throw new CacheError('root', `The cache location ${JSON.stringify(root)} is not an absolute path.`);
    if (options.sizeMb !== undefined) checkCacheSizeMb(options.sizeMb);
    const now = options.now ?? (() => new Date());
    try {
      await mkdir(root, { recursive: true });
    } catch (error) {
      throw new CacheError('root', `The cache location ${root} cannot be made a folder (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    if (!(await isFolder(root))) throw new CacheError('root', `The cache location ${root} is not a folder.`);
    const read = await readCacheIndex(root);
    const recorded = 'index' in read ? read.index : null;
    // The size given is for a new cache (the installer's SMSCACHESIZE); a cache keeps the size it was set to.
    const sizeMb = recorded?.sizeMb ?? options.sizeMb ?? defaultCacheSizeMb;
    const { entries, changes } = await reconcile(root, recorded?.entries ?? [], now().getTime());
    const index: CacheIndex = { format: cacheIndexFormat, formatVersion: 1, sizeMb, entries };
    const rebuilt = 'problem' in read ? `the index ${join(root, cacheIndexName)} was rebuilt from the folders: ${read.problem}` : changes.length > 0 ? `the index was brought up to date with the folders: ${changes.join('; ')}` : null;
    if (recorded === null || rebuilt !== null) await writeCacheIndex(root, index);
    return { cache: new ContentCache(root, index, now), rebuilt };
  }

  get root(): string {
    return this.#root;
  }
  get sizeMb(): number {
    return this.#index.sizeMb;
  }
  get sizeBytes(): number {
    return this.#index.sizeMb * mb;
  }
  /** The bytes taken by every entry, downloads under way included (their reservations). */
  get usedBytes(): number {
    return this.#index.entries.reduce((sum, e) => sum + e.sizeBytes, 0);
  }

  entries(): CacheEntry[] {
    const now = this.#now().getTime();
    return this.#index.entries.map((record) => this.#view(record, now));
  }

  find(packageId: string, sourceVersion: number): CacheEntry | null {
    const record = this.#record(entryKey(packageId, sourceVersion));
    return record === undefined ? null : this.#view(record, this.#now().getTime());
  }

  /**
   * Makes room for a content an advertisement needs, or says why not. Nothing is evicted unless
   * that makes the content fit: when locked content holds the room the download waits.
   */
  async reserve(request: { readonly packageId: string; readonly sourceVersion: number; readonly sizeBytes: number; readonly persist?: boolean; readonly advertisementId: string }): Promise<ReserveResult> {
    checkPackageId(request.packageId);
    checkSourceVersion(request.sourceVersion);
    checkAdvertisementId(request.advertisementId);
    if (!Number.isSafeInteger(request.sizeBytes) || request.sizeBytes < 0) throw new CacheError('sizeBytes', `sizeBytes ${String(request.sizeBytes)} is not a whole number of bytes from 0.`);
    return this.#serial(async () => {
      const now = this.#now().getTime();
      const key = entryKey(request.packageId, request.sourceVersion);
      const existing = this.#record(key);
      const withAdvert = (record: CacheEntryRecord): CacheEntryRecord => (record.pending.includes(request.advertisementId) ? record : { ...record, pending: [...record.pending, request.advertisementId] });
      if (existing?.state === 'complete') {
        const updated = { ...withAdvert(existing), persist: existing.persist || request.persist === true };
        await this.#replace(key, updated);
        return { outcome: 'cached', entry: this.#view(updated, now) };
      }
      if (request.sizeBytes > this.sizeBytes) return { outcome: 'too-large', messageId: 10050, sizeBytes: request.sizeBytes, cacheBytes: this.sizeBytes };
      const freeBytes = this.sizeBytes - (this.usedBytes - (existing?.sizeBytes ?? 0));
      const candidates = this.#evictable(now).filter((record) => entryKey(record.packageId, record.sourceVersion) !== key);
      const reclaimableBytes = candidates.reduce((sum, e) => sum + e.sizeBytes, 0);
      if (request.sizeBytes > freeBytes + reclaimableBytes) return { outcome: 'deferred', neededBytes: request.sizeBytes, freeBytes: Math.max(0, freeBytes), reclaimableBytes };
      const evict: CacheEntryRecord[] = [];
      let room = freeBytes;
      for (const record of candidates) {
        if (room >= request.sizeBytes) break;
        evict.push(record);
        room += record.sizeBytes;
      }
      const record: CacheEntryRecord = existing
        ? { ...withAdvert(existing), sizeBytes: request.sizeBytes, persist: existing.persist || request.persist === true }
        : { packageId: request.packageId, sourceVersion: request.sourceVersion, sizeBytes: request.sizeBytes, persist: request.persist === true, state: 'downloading', reservedAt: now, downloadedAt: null, lastRunAt: null, pending: [request.advertisementId] };
      const evicted = await this.#remove(evict, [record]);
      return { outcome: 'reserved', entry: this.#view(record, now), evicted: evicted.map((e) => this.#view(e, now)) };
    });
  }

  /** The download put every file in `entry.path`: the content counts from now, with its real size. */
  complete(packageId: string, sourceVersion: number): Promise<CacheEntry> {
    return this.#serial(async () => {
      const key = entryKey(packageId, sourceVersion);
      const record = this.#mustFind(key);
      if (record.state !== 'downloading') throw new CacheError('state', `${key} is already complete in the cache.`);
      const path = join(this.#root, key);
      if (!(await isFolder(path))) throw new CacheError('path', `${path} is not there: the download has not put the content in place.`);
      const updated: CacheEntryRecord = { ...record, state: 'complete', sizeBytes: await folderBytes(path), downloadedAt: this.#now().getTime() };
      await this.#replace(key, updated);
      return this.#view(updated, this.#now().getTime());
    });
  }

  /** A download that will not go on (cancelled, or the content is no longer needed): its reservation and partial files go. */
  abandon(packageId: string, sourceVersion: number): Promise<void> {
    return this.#serial(async () => {
      const key = entryKey(packageId, sourceVersion);
      const record = this.#mustFind(key);
      if (record.state !== 'downloading') throw new CacheError('state', `${key} is complete; delete it instead.`);
      await this.#replace(key, null);
      await rm(join(this.#root, `${key}.partial`), { recursive: true, force: true });
      await rm(join(this.#root, `${key}.partial.json`), { force: true });
    });
  }

  /** The program of `advertisementId` ran from this content at `at`: it stays locked 24 hours more. */
  async recordRun(packageId: string, sourceVersion: number, advertisementId: string, at: Date = this.#now()): Promise<CacheEntry> {
    checkAdvertisementId(advertisementId);
    return this.#serial(async () => {
      const key = entryKey(packageId, sourceVersion);
      const record = this.#mustFind(key);
      const updated: CacheEntryRecord = { ...record, lastRunAt: at.getTime(), pending: record.pending.includes(advertisementId) ? record.pending : [...record.pending, advertisementId] };
      await this.#replace(key, updated);
      return this.#view(updated, this.#now().getTime());
    });
  }

  /** `advertisementId` no longer needs this content (expired, deleted, will not run again). */
  release(packageId: string, sourceVersion: number, advertisementId: string): Promise<CacheEntry> {
    return this.#serial(async () => {
      const key = entryKey(packageId, sourceVersion);
      const record = this.#mustFind(key);
      const updated: CacheEntryRecord = { ...record, pending: record.pending.filter((id) => id !== advertisementId) };
      await this.#replace(key, updated);
      return this.#view(updated, this.#now().getTime());
    });
  }

  /**
   * Every advertisement not in `keep` no longer needs any content (it left policy, or expired):
   * content it alone held is unlocked now rather than when its 24-hour or 30-day lock runs out.
   * Returns the entries whose advertisements changed.
   */
  releaseAllExcept(keep: ReadonlySet<string>): Promise<CacheEntry[]> {
    return this.#serial(async () => {
      const changed: CacheEntry[] = [];
      for (const record of this.#index.entries) {
        const pending = record.pending.filter((id) => keep.has(id));
        if (pending.length === record.pending.length) continue;
        const updated: CacheEntryRecord = { ...record, pending };
        await this.#replace(entryKey(record.packageId, record.sourceVersion), updated);
        changed.push(this.#view(updated, this.#now().getTime()));
      }
      return changed;
    });
  }

  /** Deletes one content (the Control Panel's Delete Files does it for all), locked or not; never one being downloaded. */
  delete(packageId: string, sourceVersion: number): Promise<void> {
    return this.#serial(async () => {
      const key = entryKey(packageId, sourceVersion);
      const record = this.#mustFind(key);
      if (record.state === 'downloading') throw new CacheError('state', `${key} is being downloaded; cancel the download (abandon) instead.`);
      await this.#remove([record], []);
    });
  }

  /**
   * A new size. Shrinking evicts unlocked content, oldest first, until the rest fits; locked and
   * persisted content stays, so the cache may stay over its size until that frees.
   */
  async setSize(sizeMb: number): Promise<{ readonly evicted: readonly CacheEntry[]; readonly overBytes: number }> {
    checkCacheSizeMb(sizeMb);
    return this.#serial(async () => {
      const now = this.#now().getTime();
      const limit = sizeMb * mb;
      let used = this.usedBytes;
      const evict: CacheEntryRecord[] = [];
      for (const record of this.#evictable(now)) {
        if (used <= limit) break;
        evict.push(record);
        used -= record.sizeBytes;
      }
      this.#index = { ...this.#index, sizeMb };
      const evicted = await this.#remove(evict, []);
      return { evicted: evicted.map((e) => this.#view(e, now)), overBytes: Math.max(0, used - limit) };
    });
  }

  /**
   * Moves every content to `newRoot` (missing or empty), then the index; the old index is
   * removed last. Refused while a download writes into the cache.
   */
  moveTo(newRoot: string): Promise<void> {
    return this.#serial(async () => {
      if (!isAbsolute(newRoot)) throw new CacheError('location', `The new cache location ${JSON.stringify(newRoot)} is not an absolute path.`);
      const target = resolve(newRoot);
      const from = resolve(this.#root);
      const inside = (a: string, b: string) => {
        const rel = relative(a, b);
        return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
      };
      if (inside(from, target) || inside(target, from)) throw new CacheError('location', `The new cache location ${target} is the cache folder ${from}, inside it or around it.`);
      const downloading = this.#index.entries.find((e) => e.state === 'downloading');
      if (downloading) throw new CacheError('location', `${entryKey(downloading.packageId, downloading.sourceVersion)} is being downloaded; the cache moves when no download is under way.`);
      await mkdir(target, { recursive: true });
      if ((await readdir(target)).length > 0) throw new CacheError('location', `The new cache location ${target} is not empty.`);
      for (const record of this.#index.entries) {
        const key = entryKey(record.packageId, record.sourceVersion);
        await moveFolder(join(from, key), join(target, key));
      }
      await writeCacheIndex(target, this.#index);
      await rm(join(from, cacheIndexName), { force: true });
      this.#root = target;
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #record(key: string): CacheEntryRecord | undefined {
    return this.#index.entries.find((e) => entryKey(e.packageId, e.sourceVersion) === key);
  }

  #mustFind(key: string): CacheEntryRecord {
    const record = this.#record(key);
    if (record === undefined) throw new CacheError('packageId', `${key} is not in the cache.`);
    return record;
  }

  /** Unlocked, not persisted, complete: least recently used (run or downloaded) first. */
  #evictable(now: number): CacheEntryRecord[] {
    const lastUse = (e: CacheEntryRecord) => Math.max(e.lastRunAt ?? 0, e.downloadedAt ?? e.reservedAt);
    return this.#index.entries.filter((e) => e.state === 'complete' && !e.persist && lockOf(e, now).reason === null).sort((a, b) => lastUse(a) - lastUse(b));
  }

  async #replace(key: string, record: CacheEntryRecord | null): Promise<void> {
    const entries = this.#index.entries.filter((e) => entryKey(e.packageId, e.sourceVersion) !== key);
    const index = { ...this.#index, entries: record === null ? entries : [...entries, record].sort(byKey) };
    await writeCacheIndex(this.#root, index);
    this.#index = index;
  }

  /**
   * Removes entries and adds others in one index write. A removed folder is first renamed aside,
   * so a kill -9 during the deletion never leaves half a content under its real name.
   */
  async #remove(remove: readonly CacheEntryRecord[], add: readonly CacheEntryRecord[]): Promise<CacheEntryRecord[]> {
    const aside: string[] = [];
    for (const record of remove) {
      const folder = join(this.#root, entryKey(record.packageId, record.sourceVersion));
      const trash = `${folder}.deleting-${randomBytes(4).toString('hex')}`;
      try {
        await rename(folder, trash);
        aside.push(trash);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    const removed = new Set(remove.map((e) => entryKey(e.packageId, e.sourceVersion)));
    const replaced = new Set(add.map((e) => entryKey(e.packageId, e.sourceVersion)));
    const entries = [...this.#index.entries.filter((e) => !removed.has(entryKey(e.packageId, e.sourceVersion)) && !replaced.has(entryKey(e.packageId, e.sourceVersion))), ...add].sort(byKey);
    const index = { ...this.#index, entries };
    await writeCacheIndex(this.#root, index);
    this.#index = index;
    for (const trash of aside) await rm(trash, { recursive: true, force: true });
    return [...remove];
  }

  #view(record: CacheEntryRecord, now: number): CacheEntry {
    const key = entryKey(record.packageId, record.sourceVersion);
    const path = join(this.#root, key);
    const lock = lockOf(record, now);
    return { ...record, key, path, partialPath: `${path}.partial`, partialStatePath: `${path}.partial.json`, locked: lock.reason !== null, lockReason: lock.reason, unlocksAt: lock.unlocksAt === null ? null : new Date(lock.unlocksAt) };
  }
}

const byKey = (a: CacheEntryRecord, b: CacheEntryRecord) => (a.packageId < b.packageId ? -1 : a.packageId > b.packageId ? 1 : a.sourceVersion - b.sourceVersion);

/**
 * Content is locked while an advertisement that needs it is pending, until 24 hours after its
 * program ran or 30 days after it was downloaded without a run; once those have passed it stays
 * unlocked (a new advertisement does not lock it again) until it is downloaded anew.
 */
export function lockOf(record: CacheEntryRecord, now: number): { readonly reason: LockReason | null; readonly unlocksAt: number | null } {
  if (record.state === 'downloading') return { reason: 'downloading', unlocksAt: null };
  const unlocksAt = record.lastRunAt !== null ? record.lastRunAt + lockAfterRunMs : (record.downloadedAt ?? record.reservedAt) + lockWithoutRunMs;
  if (record.pending.length > 0 && now < unlocksAt) return { reason: 'pending', unlocksAt };
  return { reason: null, unlocksAt: null };
}

async function moveFolder(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code !== 'EXDEV') throw error;
    // Another volume: copy, then remove the original only once the copy is whole.
    await cp(from, to, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * Makes the index agree with the folders: a complete entry whose folder is gone is dropped; a
 * download whose folder is in place (killed between the rename and the index write) is complete;
 * a content folder the index does not list is taken in, unlocked; partial folders of no download,
 * folders left aside by a deletion and temp files of an index write are removed. Nothing else in
 * the folder is touched.
 */
async function reconcile(root: string, recorded: readonly CacheEntryRecord[], now: number): Promise<{ entries: CacheEntryRecord[]; changes: string[] }> {
  const names = new Set(await readdir(root));
  const changes: string[] = [];
  const entries: CacheEntryRecord[] = [];
  for (const record of recorded) {
    const key = entryKey(record.packageId, record.sourceVersion);
    const hasFolder = names.has(key) && (await isFolder(join(root, key)));
    if (record.state === 'complete' && !hasFolder) {
      changes.push(`${key} is listed but its folder is gone`);
      continue;
    }
    if (record.state === 'downloading' && hasFolder) {
      changes.push(`${key} was downloaded and is now complete`);
      entries.push({ ...record, state: 'complete', sizeBytes: await folderBytes(join(root, key)), downloadedAt: (await stat(join(root, key))).mtimeMs });
      continue;
    }
    entries.push(record);
  }
  const known = new Set(entries.map((e) => entryKey(e.packageId, e.sourceVersion)));
  const downloading = new Set(entries.filter((e) => e.state === 'downloading').map((e) => entryKey(e.packageId, e.sourceVersion)));
  for (const name of [...names].sort()) {
    const path = join(root, name);
    const parsed = parseEntryKey(name);
    if (parsed !== null && !known.has(name) && (await isFolder(path))) {
      changes.push(`${name} was not listed and is taken in`);
      const info = await stat(path);
      entries.push({ ...parsed, sizeBytes: await folderBytes(path), persist: false, state: 'complete', reservedAt: Math.min(info.mtimeMs, now), downloadedAt: Math.min(info.mtimeMs, now), lastRunAt: null, pending: [] });
      continue;
    }
    const partial = /^(.+)\.partial(\.json)?$/u.exec(name);
    if (partial !== null && parseEntryKey(partial[1]!) !== null && !downloading.has(partial[1]!)) {
      changes.push(`${name} belongs to no download and is removed`);
      await rm(path, { recursive: true, force: true });
      continue;
    }
    const aside = /^(.+)\.deleting-[0-9a-f]{8}$/u.exec(name);
    if (aside !== null && parseEntryKey(aside[1]!) !== null) await rm(path, { recursive: true, force: true });
    // An index write killed before its rename leaves its temp file.
    if (/^\.cache-index\.json\.[0-9a-f]{12}\.tmp$/u.test(name)) await rm(path, { force: true });
    // Likewise a download's note of its ETags.
    const note = /^\.(.+)\.partial\.json\.[0-9a-f]{12}\.tmp$/u.exec(name);
    if (note !== null && parseEntryKey(note[1]!) !== null) await rm(path, { force: true });
  }
  return { entries: entries.sort(byKey), changes };
}
