import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, rm, stat, utimes, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { commitStaged, cleanupPackage, type CommitStep } from './commit';
import { ContentError, abortedError, throwIfAborted } from './content-error';
import type { ContentSource } from './content-source';
import { readManifest, syncFolder, writeManifest, type ContentManifest, type ManifestFile } from './manifest';
import { manifestPathOf, packageFolderOf, stagingPrefix, type PackageTarget } from './package-target';

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
  /** Files in flight at once (default 4). */
  readonly threads?: number;
  readonly signal?: AbortSignal;
  /** Files and bytes of the manifest done, at most every `progressEveryMs` (default 250) and once at the end. */
  readonly onProgress?: (progress: DistributionProgress) => void;
  readonly progressEveryMs?: number;
  /** For tests that play a crash: stop the commit after this step, as kill -9 would. */
  readonly stopAfter?: CommitStep | 'staged';
}

export interface TargetResult {
  readonly target: PackageTarget;
  /** null when this target's copy is in place; otherwise why it is not (the others may be). */
  readonly error: Error | null;
  /** Files read from the source and written. */
  readonly copiedFiles: number;
  readonly copiedBytes: number;
  /** Unchanged files hard-linked from the distribution point's current copy. */
  readonly linkedFiles: number;
  readonly linkedBytes: number;
}

interface TargetState {
  readonly target: PackageTarget;
  readonly staging: string;
  readonly current: Map<string, ManifestFile>;
  error: Error | null;
  copiedFiles: number;
  copiedBytes: number;
  linkedFiles: number;
  linkedBytes: number;
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

/** Hard-links the distribution point's current copy of an unchanged file into staging; false when it cannot. */
async function linkUnchanged(state: TargetState, file: ManifestFile): Promise<boolean> {
  const known = state.current.get(file.path);
  if (known === undefined || known.size !== file.size || known.sha256 !== file.sha256) return false;
  const from = localPath(packageFolderOf(state.target), file.path);
  const seen = await stat(from).catch(() => null);
  if (seen === null || !seen.isFile() || seen.size !== file.size) return false;
  try {
    await link(from, localPath(state.staging, file.path));
    return true;
  } catch {
    return false;
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Reads `file` from the source once and writes it into every target's staging folder that needs
 * it, hashing the bytes as they go; a file whose bytes do not match the manifest fails the whole
 * copy (the source is not the version the manifest describes), a write that fails fails only its
 * target. Each written file is synced before it is closed.
 */
async function copyFromSource(file: ManifestFile, states: TargetState[], source: ContentSource, signal: AbortSignal | undefined, onBytes: (n: number) => void): Promise<void> {
  const handles: { state: TargetState; handle: FileHandle }[] = [];
  for (const state of states) {
    try {
      handles.push({ state, handle: await open(localPath(state.staging, file.path), 'wx') });
    } catch (error) {
      state.error = error as Error;
    }
  }
  const hash = createHash('sha256');
  let read = 0;
  try {
    for await (const chunk of source.read(file, signal)) {
      throwIfAborted(signal);
      read += chunk.length;
      if (read > file.size) break;
      hash.update(chunk);
      await Promise.all(
        handles.map(async (entry) => {
          if (entry.state.error !== null) return;
          try {
            await writeAll(entry.handle, chunk);
          } catch (error) {
            entry.state.error = error as Error;
          }
        }),
      );
      onBytes(chunk.length);
    }
    if (read !== file.size || hash.digest('hex') !== file.sha256) {
      throw new ContentError(
        'HASH_MISMATCH',
        read !== file.size
          ? `${file.path} in ${source.description} is ${read > file.size ? 'longer' : 'shorter'} than the manifest says (${file.size} bytes): the source changed since its manifest was made.`
          : `${file.path} in ${source.description} does not match its SHA-256 in the manifest: the source changed since its manifest was made, or the bytes were damaged on the way.`,
        file.path,
      );
    }
    await Promise.all(
      handles.map(async (entry) => {
        if (entry.state.error !== null) return;
        try {
          await entry.handle.sync();
        } catch (error) {
          entry.state.error = error as Error;
        }
      }),
    );
  } catch (error) {
    if (signal?.aborted === true) throw abortedError();
    throw error;
  } finally {
    await Promise.all(handles.map((entry) => entry.handle.close().catch(() => undefined)));
  }
  const when = file.mtimeMs / 1000;
  for (const { state } of handles) {
    if (state.error !== null) continue;
    await utimes(localPath(state.staging, file.path), when, when).catch((error: Error) => {
      state.error = error;
    });
    state.copiedFiles += 1;
    state.copiedBytes += file.size;
  }
}

async function prepareTarget(target: PackageTarget, options: DistributeOptions): Promise<TargetState> {
  await mkdir(target.root, { recursive: true });
  // Finish a commit a crash stopped and drop an interrupted copy's leftovers before reading the current manifest.
  await cleanupPackage(target, options.packageId);
  const staging = join(target.root, `${stagingPrefix(options.packageId)}${options.version}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  for (const folder of options.manifest.folders) await mkdir(localPath(staging, folder), { recursive: true });
  return { target, staging, current: await currentManifest(target), error: null, copiedFiles: 0, copiedBytes: 0, linkedFiles: 0, linkedBytes: 0 };
}

async function syncTree(root: string, folders: readonly string[]): Promise<void> {
  for (const folder of [...folders].reverse()) await syncFolder(localPath(root, folder));
  await syncFolder(root);
}

/**
 * Copies a package version to its distribution points: into a staging folder beside each
 * package folder, every file verified against the manifest and synced, then put in place by
 * rename (see commit.ts for what a crash at each step leaves). Unchanged files are hard-linked
 * from the point's current copy; the rest are read from the source once for all targets.
 */
export async function distributePackage(options: DistributeOptions): Promise<TargetResult[]> {
  const { manifest, signal } = options;
  throwIfAborted(signal);
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
  try {
    for (const target of options.targets) {
      try {
        states.push(await prepareTarget(target, options));
      } catch (error) {
        states.push({ target, staging: '', current: new Map(), error: error as Error, copiedFiles: 0, copiedBytes: 0, linkedFiles: 0, linkedBytes: 0 });
      }
    }
    // Largest first, so the last file is a small one and the threads finish together.
    const queue = [...manifest.files].sort((a, b) => b.size - a.size);
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        throwIfAborted(signal);
        const needSource: TargetState[] = [];
        for (const state of states) {
          if (state.error !== null) continue;
          if (await linkUnchanged(state, file)) {
            state.linkedFiles += 1;
            state.linkedBytes += file.size;
          } else {
            needSource.push(state);
          }
        }
        if (needSource.length > 0) {
          await copyFromSource(file, needSource, options.source, signal, (n) => {
            bytes += n;
            report(false);
          });
        } else {
          bytes += file.size;
        }
        files += 1;
        report(false);
      }
    };
    const threads = Math.max(1, Math.min(options.threads ?? 4, manifest.files.length || 1));
    await Promise.all(Array.from({ length: threads }, worker));
    throwIfAborted(signal);
    report(true);
    for (const state of states) {
      if (state.error !== null) continue;
      try {
        await syncTree(state.staging, manifest.folders);
        await writeManifest(`${state.staging}.manifest`, manifest);
        if (options.stopAfter === 'staged') continue;
        const name = basename(state.staging);
        await commitStaged(state.target, name, `${name}.manifest`, options.stopAfter);
      } catch (error) {
        state.error = error as Error;
      }
    }
  } catch (error) {
    await removeStaging(states);
    throw error;
  }
  await removeStaging(states.filter((state) => state.error !== null));
  return states.map(({ target, error, copiedFiles, copiedBytes, linkedFiles, linkedBytes }) => ({ target, error, copiedFiles, copiedBytes, linkedFiles, linkedBytes }));
}

async function removeStaging(states: readonly TargetState[]): Promise<void> {
  for (const state of states) {
    if (state.staging === '') continue;
    await rm(state.staging, { recursive: true, force: true }).catch(() => undefined);
    await rm(`${state.staging}.manifest`, { force: true }).catch(() => undefined);
  }
}
