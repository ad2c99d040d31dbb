import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, statfs, truncate, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import type { ContentManifest, ManifestFile } from '../../core/formats/content-manifest';
import { syncFolder, writeFileAtomic } from '../files/atomic-write';
import { AttemptError, DownloadError } from './download-error';
import { contentUrl, fileUrl, get, reasonOf } from './http-get';

export interface DownloadProgress {
  readonly filesDone: number;
  readonly fileCount: number;
  /** Bytes of the content on disk so far (resumed ones included); goes back when a bad attempt is thrown away. */
  readonly bytesDone: number;
  readonly totalBytes: number;
}

export interface DownloadRetry {
  readonly file: string;
  readonly url: string;
  readonly reason: string;
  /** The URL the next try goes to, or null when the file has run out of tries. */
  readonly next: string | null;
  /** The source sent bytes that are not the manifest's (wrong hash, more than its size): a damaged copy, not a broken line. */
  readonly badContent: boolean;
}

export interface DownloadOptions {
  /** The distribution points' content URLs, best first (a DP's `httpUrl`). */
  readonly urls: readonly string[];
  readonly manifest: ContentManifest;
  /** The content folder to create (`<cache>/<PackageID>.<SourceVersion>`); written as `<destination>.partial` until every file matches. */
  readonly destination: string;
  /** Where the download keeps the ETags of its partial files; `<destination>.partial.json` by default. */
  readonly statePath?: string;
  /** The URL to start with (the one that gave the manifest). */
  readonly firstSource?: number;
  /** Files downloaded at once (4). */
  readonly concurrency?: number;
  /** Tries of each source for each file before the download fails (2). */
  readonly rounds?: number;
  readonly idleTimeoutMs?: number;
  /**
   * Once a file has failed for good, how long the files in flight may go on (5 s): what is already
   * in their sockets, and what comes soon, is written and kept to resume from instead of dropped.
   */
  readonly drainMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** At most this often (250 ms), and always at the end; 0 for every chunk. */
  readonly progressEveryMs?: number;
  readonly onRetry?: (retry: DownloadRetry) => void;
}

export interface DownloadResult {
  readonly path: string;
  /** Bytes received over HTTP that went into the content. */
  readonly downloadedBytes: number;
  /** Files already whole on disk from an earlier, stopped download. */
  readonly resumedFiles: number;
  /** Bytes on disk from an earlier try that a Range request continued (or whole resumed files). */
  readonly resumedBytes: number;
  readonly retries: number;
}

/** Files from this size on have their ETag kept on disk for a resume after a restart. */
const persistEtagFromBytes = 1024 * 1024;

interface State {
  etags: Record<string, string>;
}

/**
 * Downloads a package's content into the cache (docs/client-agent.md, "Download"): each file into
 * `<destination>.partial/`, resumed with `Range` and `If-Range` from what is on disk, verified
 * against the manifest's SHA-256 before it counts; the next source on any failure. When every file
 * matches, the partial folder is renamed to `destination`, so a content folder is always whole.
 */
export async function downloadContent(options: DownloadOptions): Promise<DownloadResult> {
  const { manifest, destination } = options;
  if (options.urls.length === 0) throw new DownloadError('BAD_URL', 'urls is empty: there is no distribution point to download from.');
  const urls = options.urls.map((url, i) => contentUrl(url, `urls[${i}]`));
  const concurrency = options.concurrency ?? 4;
  const rounds = options.rounds ?? 2;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const drainMs = options.drainMs ?? 5000;
  for (const [field, value, max] of [['concurrency', concurrency, 64], ['rounds', rounds, 100], ['idleTimeoutMs', idleTimeoutMs, 3_600_000], ['drainMs', drainMs, 3_600_000]] as const) {
    if (!Number.isSafeInteger(value) || value < (field === 'drainMs' ? 0 : 1) || value > max) throw new DownloadError('BAD_OPTION', `${field} ${String(value)} is not a whole number from 1 to ${max}.`);
  }
  const partial = `${destination}.partial`;
  const statePath = options.statePath ?? `${partial}.json`;
  if (await exists(destination)) throw new DownloadError('EXISTS', `${destination} is already there; the content was downloaded before.`);

  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted === true) stop();
  const aborted = () => new DownloadError('ABORTED', 'The download was cancelled; what is on disk is kept to resume from.');

  try {
    if (controller.signal.aborted) throw aborted();
    await ensureRoom(manifest, partial, dirname(destination));
    await writeStep(() => mkdir(partial, { recursive: true }), partial);
    await prune(partial, manifest);
    for (const folder of manifest.folders) await writeStep(() => mkdir(join(partial, ...folder.split('/')), { recursive: true }), folder);
    const state = await readState(statePath);
    let stateWrite = Promise.resolve();
    // The ETags only spare bytes on a resume (every file is checked by its hash), so a note that
    // cannot be written never fails the download.
    const saveState = () => {
      stateWrite = stateWrite.then(() => writeFileAtomic(statePath, JSON.stringify(state))).catch(() => undefined);
      return stateWrite;
    };

    // Progress: the bytes each file has on disk, summed.
    const onDisk = new Map<string, number>();
    let bytesDone = 0;
    let filesDone = 0;
    let lastReport = -Infinity;
    const every = options.progressEveryMs ?? 250;
    const report = (force = false) => {
      if (options.onProgress === undefined) return;
      const at = Date.now();
      if (!force && at - lastReport < every) return;
      lastReport = at;
      options.onProgress({ filesDone, fileCount: manifest.fileCount, bytesDone, totalBytes: manifest.totalBytes });
    };
    const setOnDisk = (path: string, bytes: number) => {
      bytesDone += bytes - (onDisk.get(path) ?? 0);
      onDisk.set(path, bytes);
      report();
    };

    let downloadedBytes = 0;
    let resumedFiles = 0;
    let resumedBytes = 0;
    let retries = 0;
    let current = Math.min(Math.max(options.firstSource ?? 0, 0), urls.length - 1);
    // The first file to fail for good; the download fails with it once the files in flight are done.
    let failure: unknown = null;
    const stopped = new DownloadError('ABORTED', 'Another file of the content could not be downloaded; this one stopped with what it had.');

    const fetchOne = async (file: ManifestFile): Promise<void> => {
      const target = join(partial, ...file.path.split('/'));
      await writeStep(() => mkdir(dirname(target), { recursive: true }), file.path);
      const start = current;
      const reasons: string[] = [];
      const tries = urls.length * rounds;
      for (let attempt = 0; attempt < tries; attempt++) {
        if (controller.signal.aborted) throw aborted();
        // No new try once the download has failed: the content cannot be whole this time.
        if (failure !== null) throw stopped;
        const index = (start + attempt) % urls.length;
        const url = urls[index]!;
        try {
          const noteEtag = async (etag: string | undefined) => {
            if (etag === state.etags[file.path]) return;
            if (etag === undefined) delete state.etags[file.path];
            else state.etags[file.path] = etag;
            // A small file is simply fetched again after a restart; an fsync for each would cost more.
            if (file.size >= persistEtagFromBytes) await saveState();
          };
          const outcome = await fetchFile({ file, target, base: url, signal: controller.signal, idleTimeoutMs, etag: state.etags[file.path], setOnDisk, noteEtag });
          downloadedBytes += outcome.received;
          resumedBytes += outcome.resumedBytes;
          if (outcome.whole) resumedFiles++;
          filesDone++;
          report();
          return;
        } catch (error) {
          if (controller.signal.aborted) throw aborted();
          if (error instanceof DownloadError) throw error;
          const reason = reasonOf(error);
          reasons.push(`${url.href}: ${reason}`);
          if (error instanceof AttemptError && error.discard) {
            await writeStep(() => emptyFile(target), file.path);
            setOnDisk(file.path, 0);
          }
          // The next files start where this one goes next: a failing DP is left for all of them.
          if (current === index) current = (index + 1) % urls.length;
          retries++;
          const next = attempt + 1 < tries ? urls[(start + attempt + 1) % urls.length]!.href : null;
          options.onRetry?.({ file: file.path, url: url.href, reason, next, badContent: error instanceof AttemptError && error.discard });
        }
      }
      throw new DownloadError('NO_SOURCE', `${file.path} could not be downloaded whole from any distribution point: ${reasons.join('; ')}.`, file.path);
    };

    const queue = [...manifest.files];
    let drain: NodeJS.Timeout | undefined;
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined && failure === null; file = queue.shift()) {
        try {
          await fetchOne(file);
        } catch (error) {
          if (failure !== null) continue;
          failure = error;
          // Not stopped at once: a file in flight has bytes in its socket that a cut left readable,
          // and stopping it now would throw them away, so its resume would start from less.
          if (error instanceof DownloadError && error.kind === 'ABORTED') controller.abort();
          else drain = setTimeout(() => controller.abort(), drainMs);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(queue.length, 1)) }, worker));
    } finally {
      clearTimeout(drain);
    }
    await stateWrite.catch(() => undefined);
    if (failure !== null) throw options.signal?.aborted === true ? aborted() : failure;
    if (controller.signal.aborted) throw aborted();

    // Every file matched (each fsynced as it was closed); their folders' entries are made durable
    // too before the content is put in place in one rename.
    for (const folder of foldersOf(manifest).reverse()) await syncFolder(join(partial, ...folder.split('/')));
    await syncFolder(partial);
    await writeStep(() => rename(partial, destination), destination);
    await syncFolder(dirname(destination));
    await rm(statePath, { force: true });
    report(true);
    return { path: destination, downloadedBytes, resumedFiles, resumedBytes, retries };
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

interface FileJob {
  readonly file: ManifestFile;
  readonly target: string;
  readonly base: URL;
  readonly signal: AbortSignal;
  readonly idleTimeoutMs: number;
  readonly etag: string | undefined;
  readonly setOnDisk: (path: string, bytes: number) => void;
  /** Kept before any byte is written, so a resume after kill -9 can send If-Range. */
  readonly noteEtag: (etag: string | undefined) => Promise<void>;
}

interface FileOutcome {
  readonly received: number;
  readonly resumedBytes: number;
  /** The file was already whole on disk. */
  readonly whole: boolean;
}

/** One try of one file from one source. */
async function fetchFile(job: FileJob): Promise<FileOutcome> {
  const { file, target } = job;
  if (file.size === 0) {
    // Nothing to ask a server for.
    await (await open(target, 'w')).close();
    if (createHash('sha256').digest('hex') !== file.sha256) throw new DownloadError('NO_SOURCE', `${file.path} is empty in the manifest but its SHA-256 is not that of an empty file.`, file.path);
    await setTime(target, file.mtimeMs);
    return { received: 0, resumedBytes: 0, whole: false };
  }
  let have = await sizeOnDisk(target);
  if (have > file.size) {
    await truncate(target, 0);
    have = 0;
  }
  if (have === file.size) {
    // What a stopped download left whole counts only once it hashes to the manifest.
    if ((await hashFile(target, file.size)).digest('hex') === file.sha256) {
      job.setOnDisk(file.path, file.size);
      await setTime(target, file.mtimeMs);
      return { received: 0, resumedBytes: file.size, whole: true };
    }
    await truncate(target, 0);
    have = 0;
  }
  job.setOnDisk(file.path, have);
  const headers: Record<string, string> = {};
  if (have > 0) {
    headers.Range = `bytes=${have}-`;
    if (job.etag !== undefined) headers['If-Range'] = job.etag;
  }
  const response = await get(fileUrl(job.base, file.path), headers, job.signal, job.idleTimeoutMs);
  try {
    const etagHeader = response.headers.etag;
    const etag = typeof etagHeader === 'string' && !etagHeader.startsWith('W/') ? etagHeader : undefined;
    let offset: number;
    if (response.statusCode === 206 && have > 0) {
      const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/u.exec(response.headers['content-range'] ?? '');
      if (range === null || Number(range[1]) !== have || Number(range[2]) !== file.size - 1 || (range[3] !== '*' && Number(range[3]) !== file.size)) {
        throw new AttemptError(`the server answered bytes ${response.headers['content-range'] ?? '(no Content-Range)'} to a request for bytes ${have}-${file.size - 1} of ${file.size}`, false);
      }
      offset = have;
    } else if (response.statusCode === 200) {
      // A whole file (the server's copy changed, or it does not do ranges): start over.
      offset = 0;
    } else if (response.statusCode === 416) {
      throw new AttemptError(`the server says bytes ${have}- are beyond the file (HTTP 416), which the manifest makes ${file.size} bytes`, true);
    } else {
      throw new AttemptError(`HTTP ${response.statusCode ?? '?'}`, false);
    }
    const declared = response.headers['content-length'];
    if (declared !== undefined && Number(declared) !== file.size - offset) {
      throw new AttemptError(`the server sends ${declared} bytes where the manifest leaves ${file.size - offset} to come`, offset === 0);
    }
    await job.noteEtag(etag);
    const hash = offset > 0 ? await hashFile(target, offset) : createHash('sha256');
    const received = await receive(response, target, offset, file, hash, job.setOnDisk);
    if (hash.digest('hex') !== file.sha256) {
      if (offset > 0) {
        // The prefix on disk may be another source's: one cut off as it trickled or stalled sent
        // bytes nobody checked. This source is asked for the whole file once before it is blamed,
        // or a bad source would spoil every good one after it.
        await truncate(target, 0);
        job.setOnDisk(file.path, 0);
        const again = await fetchFile({ ...job, etag: undefined });
        return { received: received + again.received, resumedBytes: 0, whole: false };
      }
      throw new AttemptError(`the bytes received do not hash to the manifest's SHA-256 ${file.sha256}`, true);
    }
    await setTime(target, file.mtimeMs);
    return { received, resumedBytes: offset, whole: false };
  } finally {
    if (!response.complete) response.destroy();
  }
}

/** Writes the body at `offset`, hashing it; more bytes than the manifest's size are refused before they are written. */
async function receive(response: IncomingMessage, target: string, offset: number, file: ManifestFile, hash: Hash, setOnDisk: (path: string, bytes: number) => void): Promise<number> {
  let handle: FileHandle;
  try {
    handle = await open(target, offset === 0 ? 'w' : 'r+');
  } catch (error) {
    throw new DownloadError('WRITE_FAILED', `${file.path} cannot be written in the cache: ${reasonOf(error)}.`, file.path);
  }
  let position = offset;
  try {
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        if (position + chunk.length > file.size) throw new AttemptError(`the server sent more than the ${file.size} bytes the manifest says the file has`, true);
        await handle.write(chunk, 0, chunk.length, position);
        hash.update(chunk);
        position += chunk.length;
        setOnDisk(file.path, position);
      }
    } catch (error) {
      if (error instanceof AttemptError || error instanceof DownloadError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC' || (error as NodeJS.ErrnoException).code === 'EACCES') throw new DownloadError('WRITE_FAILED', `${file.path} cannot be written in the cache: ${reasonOf(error)}.`, file.path);
      throw new AttemptError(`the connection broke after ${position} of ${file.size} bytes: ${reasonOf(error)}`, false);
    }
    if (position < file.size) throw new AttemptError(`the connection ended after ${position} of ${file.size} bytes`, false);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return position - offset;
}

/** Nothing of the file is kept; a file not yet made is already that. */
async function emptyFile(path: string): Promise<void> {
  try {
    await truncate(path, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

async function hashFile(path: string, bytes: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (bytes === 0) return hash;
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash;
}

async function sizeOnDisk(path: string): Promise<number> {
  try {
    const info = await lstat(path);
    if (info.isFile()) return info.size;
    await rm(path, { recursive: true, force: true });
    return 0;
  } catch {
    return 0;
  }
}

/**
 * Refuses, before anything is written, content the disk cannot hold: the cache counts only its
 * own bytes, so without this a manifest of a petabyte (or a disk filled by something else) would
 * be downloaded until the disk is full and leave that much partial content to resume from.
 */
async function ensureRoom(manifest: ContentManifest, partial: string, folder: string): Promise<void> {
  let free: number;
  try {
    const disk = await statfs(folder);
    free = disk.bavail * disk.bsize;
  } catch {
    // No statfs here (or the folder cannot be read yet): writing will tell.
    return;
  }
  if (manifest.totalBytes <= free) return;
  let have = 0;
  if (await exists(partial)) {
    for (const file of manifest.files) {
      const info = await lstat(join(partial, ...file.path.split('/'))).catch(() => null);
      if (info?.isFile() === true) have += Math.min(info.size, file.size);
    }
  }
  const needed = manifest.totalBytes - have;
  if (needed > free) throw new DownloadError('NO_SPACE', `The content needs ${needed} more bytes, and the disk holding ${folder} has ${free} free.`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The source's modification time, as the site's copy keeps it; a time no file system holds is left alone. */
async function setTime(path: string, mtimeMs: number): Promise<void> {
  if (Number.isNaN(new Date(mtimeMs).getTime())) return;
  const handle = await open(path, 'r+');
  try {
    // In seconds as a number, which keeps the sub-millisecond part a Date would drop.
    await handle.utimes(mtimeMs / 1000, mtimeMs / 1000);
  } catch {
    // The time is for show; the bytes were verified.
  } finally {
    await handle.close();
  }
}

async function writeStep<T>(step: () => Promise<T>, what: string): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new DownloadError('WRITE_FAILED', `${what} cannot be written in the cache: ${reasonOf(error)}.`, what);
  }
}

async function readState(path: string): Promise<State> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as unknown;
    const etags = (value as { etags?: unknown } | null)?.etags;
    if (typeof etags === 'object' && etags !== null && Object.values(etags).every((v) => typeof v === 'string')) return { etags: { ...(etags as Record<string, string>) } };
  } catch {
    // None yet, or damaged: the files on disk are still checked by their hashes.
  }
  return { etags: {} };
}

/** Every folder of the content: those the manifest lists and the parents of its files, parents first. */
function foldersOf(manifest: ContentManifest): string[] {
  const folders = new Set(manifest.folders);
  for (const f of manifest.files) {
    const segments = f.path.split('/');
    for (let depth = 1; depth < segments.length; depth++) folders.add(segments.slice(0, depth).join('/'));
  }
  return [...folders].sort((a, b) => a.split('/').length - b.split('/').length);
}

/** Removes from the partial folder what the manifest does not list (left by a download of another manifest). */
async function prune(partial: string, manifest: ContentManifest): Promise<void> {
  const files = new Set(manifest.files.map((f) => f.path));
  const folders = new Set(foldersOf(manifest));
  const walk = async (folder: string, prefix: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && folders.has(rel)) await walk(path, rel);
      else if (!(entry.isFile() && files.has(rel))) await rm(path, { recursive: true, force: true });
    }
  };
  await walk(partial, '');
}
