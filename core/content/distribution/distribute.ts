import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, rmdir, stat, utimes } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { commitStaged, cleanupPackage, type CommitStep } from './commit';
import { abortedError, throwIfAborted } from './content-error';
import type { ContentSource } from './content-source';
import { FileWorkers, defaultFileThreads } from './file-workers';
import { manifestText, readManifest, syncFolder, writeFileAtomic, type ContentManifest, type ManifestFile } from './manifest';
import { manifestPathOf, packageFolderOf, stagingPrefix, workFolderOf, type PackageTarget } from './package-target';
import { canSyncVolumes, syncVolume } from './volume-sync';

export interface DistributionProgress {
  readonly files: number;
  readonly bytes: number;
  readonly totalFiles: number;
  readonly totalBytes: number;
}

export interface DistributeOptions {
  readonly packageId: string;
  /** The package's source version, part of the staging folder's name so leftovers say what they were. */
  readonly version: number;
  readonly manifest: ContentManifest;
  readonly source: ContentSource;
  /** One per distribution point (or per custom share); all are written from one read of the source. */
  readonly targets: readonly PackageTarget[];
  /** Worker threads copying files (default: defaultFileThreads()). */
  readonly threads?: number;
  /**
   * Worker threads the caller keeps between copies (the batches of one package), so each copy
   * does not start its own: not closed here. One that an abort or a lost thread made unusable is
   * passed over, and the copy starts threads of its own.
   */
  readonly workers?: FileWorkers;
  readonly signal?: AbortSignal;
  /** Files and bytes of the manifest done, at most every `progressEveryMs` (default 250) and once at the end. */
  readonly onProgress?: (progress: DistributionProgress) => void;
  readonly progressEveryMs?: number;
  /**
   * How the copy is made durable before it is put in place: 'volume' syncs each target's volume
   * once (Linux), 'file' fsyncs every file as it is closed. Default: 'volume' where it can be.
   */
  readonly durability?: 'volume' | 'file';
  /**
   * How one read of a file larger than 1 MiB reaches several targets: 'clone' (default) writes
   * the first from the hashed stream and copies the others from it in the kernel once it matches
   * the manifest; 'write' writes every chunk to every target (as smaller files always are).
   */
  readonly fanOut?: 'clone' | 'write';
  /** For tests that play a crash: stop the commit after this step, as kill -9 would. */
  readonly stopAfter?: CommitStep | 'staged';
  /**
   * Binary differential replication: a file that changed since a target's current copy may be
   * written into the staging folder by the caller, from that copy and a delta
   * (docs/binary-differential-replication.md). Answers what it wrote, or null to have the file
   * copied whole. A result whose SHA-256 is not the manifest's is thrown away and the file copied.
   */
  readonly patch?: (request: PatchRequest) => Promise<PatchResult | null>;
}

export interface PatchRequest {
  readonly file: ManifestFile;
  /** The file as the target's current copy has it, and where. */
  readonly previous: ManifestFile;
  readonly previousPath: string;
  /** Where the new file must be written (it does not exist yet). */
  readonly stagingPath: string;
  readonly target: PackageTarget;
}

export interface PatchResult {
  /** Of the file written, lower-case hex. */
  readonly sha256: string;
  /** What the patch wrote to the distribution point instead of the whole file (bytes that crossed to it). */
  readonly sentBytes: number;
}

export interface TargetResult {
  readonly target: PackageTarget;
  /** null when this target's copy is in place; otherwise why it is not (the others may be). */
  readonly error: Error | null;
  /** Files read from the source and written, and the bytes the writes put on the target. */
  readonly copiedFiles: number;
  readonly copiedBytes: number;
  /** Unchanged files hard-linked from the distribution point's current copy. */
  readonly linkedFiles: number;
  readonly linkedBytes: number;
  /** Files a stopped copy of the same version had already written and verified, kept. */
  readonly resumedFiles: number;
  /** Changed files patched from the current copy (`patch`), and the bytes sent for them. */
  readonly patchedFiles: number;
  readonly patchedBytes: number;
}

interface TargetState {
  readonly target: PackageTarget;
  readonly staging: string;
  /** The staging folder is one a stopped copy left: files already there are checked, not rewritten. */
  readonly resume: boolean;
  resumedFiles: number;
  readonly current: Map<string, ManifestFile>;
  error: Error | null;
  copiedFiles: number;
  copiedBytes: number;
  linkedFiles: number;
  linkedBytes: number;
  patchedFiles: number;
  patchedBytes: number;
}

function localPath(root: string, relativePath: string): string {
  return join(root, ...relativePath.split('/'));
}

async function currentManifest(target: PackageTarget): Promise<Map<string, ManifestFile>> {
  try {
    const manifest = await readManifest(manifestPathOf(target));
    return new Map(manifest.files.map((file) => [file.path, file]));
  } catch {
    // No manifest (a first copy) or one we cannot trust: copy every file from the source.
    return new Map();
  }
}

function failure(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * Removes from a reused staging folder whatever the manifest does not list (a stopped copy of the
 * same version lists the same files, but the folder is checked, not trusted).
 */
async function pruneStaging(staging: string, manifest: ContentManifest): Promise<void> {
  const files = new Set(manifest.files.map((file) => file.path));
  const folders = new Set(manifest.folders);
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && folders.has(name)) await walk(path, name);
      else if (!(entry.isFile() && files.has(name))) await rm(path, { recursive: true, force: true });
    }
  };
  await walk(staging, '');
}

async function prepareTarget(target: PackageTarget, options: DistributeOptions, durability: 'volume' | 'file'): Promise<TargetState> {
  await mkdir(target.root, { recursive: true });
  // A staging folder of this version that a stopped copy left is gone on with: its verified files are kept.
  const sameVersion = stagingPrefix(options.version);
  // Finish a commit a crash stopped and drop an interrupted copy's other leftovers before reading the current manifest.
  const { kept: left } = await cleanupPackage(target, sameVersion);
  const work = workFolderOf(target);
  const reused = left !== undefined;
  const staging = join(work, left ?? `${sameVersion}${randomBytes(4).toString('hex')}`);
  if (reused) {
    await rm(`${staging}.manifest`, { force: true });
    await pruneStaging(staging, options.manifest);
  } else {
    await mkdir(work, { recursive: true });
    // A volume flush makes the work folder's entry durable with the rest; without one, its own fsync.
    if (durability === 'file') await syncFolder(target.root);
    await mkdir(staging);
  }
  for (const folder of options.manifest.folders) await mkdir(localPath(staging, folder), { recursive: true });
  return { target, staging, resume: reused, current: await currentManifest(target), error: null, copiedFiles: 0, copiedBytes: 0, linkedFiles: 0, linkedBytes: 0, resumedFiles: 0, patchedFiles: 0, patchedBytes: 0 };
}

async function syncTree(root: string, folders: readonly string[]): Promise<void> {
  for (const folder of [...folders].reverse()) await syncFolder(localPath(root, folder));
  await syncFolder(root);
}

/**
 * Copies a package version to its distribution points: into a staging folder beside each
 * package folder, every file verified against the manifest and made durable, then put in place by
 * rename (commit.ts tells what a crash at each step leaves). Unchanged files are hard-linked from
 * the point's current copy; the rest are read from the source once for all targets, in worker
 * threads. A source that does not match the manifest fails the whole copy; a target that cannot be
 * written fails alone, and its result says why.
 */
export async function distributePackage(options: DistributeOptions): Promise<TargetResult[]> {
  const { manifest, signal } = options;
  throwIfAborted(signal);
  const folders = options.targets.map((target) => resolve(packageFolderOf(target)));
  const twice = folders.find((folder, i) => folders.indexOf(folder) !== i);
  if (twice !== undefined) throw new Error(`${twice} is given twice as a target of one copy; each distribution point folder can be written once.`);
  const durability = options.durability ?? (canSyncVolumes() ? 'volume' : 'file');
  const states: TargetState[] = [];
  const progressEvery = options.progressEveryMs ?? 250;
  let files = 0;
  let bytes = 0;
  let lastReport = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (options.onProgress === undefined || (!force && now - lastReport < progressEvery)) return;
    lastReport = now;
    options.onProgress({ files, bytes, totalFiles: manifest.fileCount, totalBytes: manifest.totalBytes });
  };
  const given = options.workers !== undefined && options.workers.usable ? options.workers : null;
  const threads = given ? given.size : Math.max(1, Math.min(options.threads ?? defaultFileThreads(), manifest.files.length || 1));
  const workers = given ?? new FileWorkers(threads);
  const onAbort = () => workers.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (const target of options.targets) {
      try {
        states.push(await prepareTarget(target, options, durability));
      } catch (error) {
        states.push({ target, staging: '', resume: false, current: new Map(), error: error as Error, copiedFiles: 0, copiedBytes: 0, linkedFiles: 0, linkedBytes: 0, resumedFiles: 0, patchedFiles: 0, patchedBytes: 0 });
      }
    }
    // Largest first, so the last files are small ones and the threads finish together.
    const queue = [...manifest.files].sort((a, b) => b.size - a.size);
    let stop: unknown = null;
    const lane = async () => {
      for (let file = queue.shift(); file !== undefined && stop === null; file = queue.shift()) {
        const patched = options.patch ? await patchTargets(options, states, file, durability) : new Set<TargetState>();
        const live = states.filter((state) => state.error === null && !patched.has(state));
        if (live.length > 0) {
          const to = live.map((state) => {
            const known = state.current.get(file.path);
            const same = known !== undefined && known.size === file.size && known.sha256 === file.sha256;
            return {
              path: localPath(state.staging, file.path),
              ...(state.resume ? { resume: true } : {}),
              ...(same ? { linkFrom: localPath(packageFolderOf(state.target), file.path), linkMtimeMs: known.mtimeMs } : {}),
            };
          });
          let reported = 0;
          const onBytes = (n: number) => {
            reported += n;
            bytes += n;
            report(false);
          };
          try {
            const outcome = await workers.copy({ from: options.source.locate(file), name: file.path, size: file.size, sha256: file.sha256, mtimeMs: file.mtimeMs, to, fsync: durability === 'file', fanOut: options.fanOut ?? 'clone' }, onBytes);
            bytes -= reported;
            const failed = new Map(outcome.failed.map((f) => [f.index, f]));
            const linked = new Set(outcome.linked);
            const resumed = new Set(outcome.resumed);
            live.forEach((state, index) => {
              const why = failed.get(index);
              if (why !== undefined) state.error = failure(why.code, `${file.path} could not be written to ${state.target.root}: ${why.message}`);
              else if (resumed.has(index)) state.resumedFiles += 1;
              else if (linked.has(index)) {
                state.linkedFiles += 1;
                state.linkedBytes += file.size;
              } else {
                state.copiedFiles += 1;
                state.copiedBytes += outcome.written[index] ?? 0;
              }
            });
          } catch (error) {
            // The first failure is the one to report; the others are the abort it caused.
            if (stop === null) stop = error;
            workers.abort();
            return;
          }
        }
        files += 1;
        bytes += file.size;
        report(false);
      }
    };
    // Two files queued per worker, so none waits for the next.
    await Promise.all(Array.from({ length: threads * 2 }, lane));
    if (signal?.aborted === true) throw abortedError();
    if (stop !== null) throw stop;
    report(true);
    // syncfs covers the folders' entries too; without it each folder is fsynced (fsync(2) on a
    // new file does not make its name in the folder durable). One syncfs per file system, not per
    // target: DPs whose volumes share a file system (folders of one disk) are flushed together.
    // With a volume flush, each staging folder's manifest is written before it, unsynced, so the
    // one flush makes it durable too; the journal that makes it count comes after the flush.
    const text = manifestText(manifest);
    if (durability === 'volume') {
      await Promise.all(
        states.map(async (state) => {
          if (state.error === null) await writeFileAtomic(`${state.staging}.manifest`, text, { fsync: false }).catch((error: unknown) => (state.error = error as Error));
        }),
      );
    }
    const synced = durability === 'volume' ? await syncEachFileSystem(states.filter((state) => state.error === null)) : null;
    // The targets commit side by side: each one's steps stay in order, and their fsyncs, waiting
    // together, share the volume's journal commits instead of queueing one after another.
    await Promise.all(
      states.map(async (state) => {
        if (state.error !== null) return;
        try {
          const syncError = synced?.get(state);
          if (syncError) throw syncError;
          if (durability === 'file') {
            await syncTree(state.staging, manifest.folders);
            await writeFileAtomic(`${state.staging}.manifest`, text);
          }
          if (options.stopAfter === 'staged') return;
          await commitStaged(state.target, basename(state.staging), `${basename(state.staging)}.manifest`, options.stopAfter);
        } catch (error) {
          state.error = error as Error;
        }
      }),
    );
  } catch (error) {
    await removeStaging(states);
    throw signal?.aborted === true ? abortedError() : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (workers !== given) await workers.close();
  }
  await removeStaging(states.filter((state) => state.error !== null));
  return states.map(({ target, error, copiedFiles, copiedBytes, linkedFiles, linkedBytes, resumedFiles, patchedFiles, patchedBytes }) => ({
    target,
    error,
    copiedFiles,
    copiedBytes,
    linkedFiles,
    linkedBytes,
    resumedFiles,
    patchedFiles,
    patchedBytes,
  }));
}

/** Flushes the file system of every staging folder once, in parallel; a target maps to the error of its file system's flush, if any. */
async function syncEachFileSystem(states: readonly TargetState[]): Promise<Map<TargetState, Error | null>> {
  const byDevice = new Map<string, TargetState[]>();
  const outcome = new Map<TargetState, Error | null>();
  for (const state of states) {
    let device: string;
    try {
      device = String((await stat(state.staging)).dev);
    } catch (error) {
      outcome.set(state, error as Error);
      continue;
    }
    byDevice.set(device, [...(byDevice.get(device) ?? []), state]);
  }
  await Promise.all(
    [...byDevice].map(async ([device, group]) => {
      let error: Error | null = null;
      try {
        await syncVolume(group[0]!.staging, device);
      } catch (caught) {
        error = caught as Error;
      }
      for (const state of group) outcome.set(state, error);
    }),
  );
  return outcome;
}

/**
 * The targets whose copy of `file` the caller's `patch` wrote into staging, checked against the
 * manifest. A patch that fails or does not match leaves nothing behind: the file is copied whole.
 */
async function patchTargets(options: DistributeOptions, states: readonly TargetState[], file: ManifestFile, durability: 'volume' | 'file'): Promise<Set<TargetState>> {
  const done = new Set<TargetState>();
  for (const state of states) {
    if (state.error !== null) continue;
    const previous = state.current.get(file.path);
    if (previous === undefined || (previous.size === file.size && previous.sha256 === file.sha256)) continue;
    const stagingPath = localPath(state.staging, file.path);
    const result = await options.patch!({ file, previous, previousPath: localPath(packageFolderOf(state.target), file.path), stagingPath, target: state.target }).catch(() => null);
    if (result === null || result.sha256 !== file.sha256) {
      await rm(stagingPath, { force: true });
      continue;
    }
    await utimes(stagingPath, new Date(), new Date(file.mtimeMs));
    if (durability === 'file') await syncFile(stagingPath);
    state.patchedFiles += 1;
    state.patchedBytes += result.sentBytes;
    done.add(state);
  }
  return done;
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeStaging(states: readonly TargetState[]): Promise<void> {
  for (const state of states) {
    if (state.staging === '') continue;
    await rm(state.staging, { recursive: true, force: true }).catch(() => undefined);
    await rm(`${state.staging}.manifest`, { force: true }).catch(() => undefined);
    await rmdir(workFolderOf(state.target)).catch(() => undefined);
  }
}
