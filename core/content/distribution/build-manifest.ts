import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ContentError, abortedError, throwIfAborted } from './content-error';
import { FileWorkers, defaultFileThreads } from './file-workers';
import { manifestOf, type ContentManifest, type ManifestFile } from './manifest';
import { windowsNameProblem } from './windows-names';

export interface BuildManifestOptions {
  /** Worker threads hashing at once (default: defaultFileThreads()). */
  readonly threads?: number;
  readonly signal?: AbortSignal;
  /** Called once the tree is listed and checked, before any file is read. */
  readonly onListed?: (listed: { files: number; bytes: number }) => void;
  /** Called after each file is hashed. */
  readonly onProgress?: (done: { files: number; bytes: number; totalFiles: number; totalBytes: number }) => void;
}

interface Listed {
  readonly path: string;
  readonly name: string;
  readonly stats: Stats;
}

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

function kindOf(stats: Stats): string | null {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return null;
}

/**
 * Lists `root` and checks every entry before a byte is hashed, so a source no distribution point
 * could hold is refused at once and by name: names Windows cannot hold, two names that differ only
 * in case (one folder on Windows), FIFOs, devices and sockets, links that leave the tree. A link to
 * a file inside the tree is read as that file; a link to a folder is refused, since it can loop.
 */
async function listTree(root: string, signal: AbortSignal | undefined): Promise<{ folders: string[]; files: Listed[] }> {
  const realRoot = await realpath(root).catch((error: NodeJS.ErrnoException) => {
    throw new ContentError(error.code === 'ENOENT' ? 'SOURCE_VANISHED' : 'UNSUPPORTED_ENTRY', `The source folder ${root} cannot be read (${error.code ?? String(error)}).`);
  });
  const rootStats = await stat(realRoot);
  if (!rootStats.isDirectory()) throw new ContentError('UNSUPPORTED_ENTRY', `The source ${root} is not a folder.`);
  const folders: string[] = [];
  const files: Listed[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    throwIfAborted(signal);
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ContentError('SOURCE_VANISHED', `The folder ${prefix === '' ? root : prefix} cannot be listed (${code ?? String(error)}).`, prefix || undefined);
    }
    const seen = new Map<string, string>();
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const problem = windowsNameProblem(entry.name);
      if (problem !== null) throw new ContentError('INVALID_NAME', `${JSON.stringify(name)} ${problem}; rename it in the source so Windows clients can read it.`, name);
      const folded = entry.name.toLowerCase();
      const twin = seen.get(folded);
      if (twin !== undefined) {
        throw new ContentError('INVALID_NAME', `${JSON.stringify(name)} and ${JSON.stringify(twin)} differ only in case, and a Windows folder can hold only one of them.`, name);
      }
      seen.set(folded, name);
      const path = join(folder, entry.name);
      let stats = await lstat(path).catch(() => null);
      if (stats === null) throw new ContentError('SOURCE_VANISHED', `${name} went away while the source was listed.`, name);
      if (stats.isSymbolicLink()) {
        const target = await realpath(path).catch(() => null);
        if (target === null) throw new ContentError('UNSUPPORTED_ENTRY', `${name} is a symbolic link to nothing.`, name);
        if (!isInside(realRoot, target)) throw new ContentError('UNSUPPORTED_ENTRY', `${name} is a symbolic link out of the source folder (to ${target}); copy the file into the source instead.`, name);
        stats = await stat(path);
        if (stats.isDirectory()) throw new ContentError('UNSUPPORTED_ENTRY', `${name} is a symbolic link to a folder (${relative(realRoot, target) || '.'}), which could loop; copy the folder instead.`, name);
      }
      const odd = kindOf(stats);
      if (odd !== null) throw new ContentError('UNSUPPORTED_ENTRY', `${name} is ${odd}, not a file: a distribution point can hold only files and folders.`, name);
      if (stats.isDirectory()) {
        folders.push(name);
        await walk(path, name);
      } else {
        files.push({ path, name, stats });
      }
    }
  };
  await walk(realRoot, '');
  return { folders, files };
}

/**
 * The manifest of a source folder: listed and checked first, then every file hashed in worker
 * threads. Computed once per source version by the caller (the Distribution Manager keeps it with
 * the package's source version) and never for each distribution point.
 */
export async function buildManifest(root: string, options: BuildManifestOptions = {}): Promise<ContentManifest> {
  const { signal } = options;
  const { folders, files } = await listTree(root, signal);
  const totalBytes = files.reduce((sum, file) => sum + file.stats.size, 0);
  options.onListed?.({ files: files.length, bytes: totalBytes });
  const pool = new FileWorkers(Math.max(1, Math.min(options.threads ?? defaultFileThreads(), files.length || 1)));
  const onAbort = () => pool.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let doneFiles = 0;
    let doneBytes = 0;
    // Biggest first, so one large file last does not leave the other workers idle at the end.
    const order = [...files].sort((a, b) => b.stats.size - a.stats.size);
    const hashed = await Promise.all(
      order.map(async (file): Promise<ManifestFile> => {
        const sha256 = await pool.hash({ path: file.path, name: file.name, size: file.stats.size, mtimeMs: file.stats.mtimeMs });
        doneFiles += 1;
        doneBytes += file.stats.size;
        options.onProgress?.({ files: doneFiles, bytes: doneBytes, totalFiles: files.length, totalBytes });
        return { path: file.name, size: file.stats.size, mtimeMs: file.stats.mtimeMs, sha256 };
      }),
    );
    if (signal?.aborted === true) throw abortedError();
    return manifestOf(folders, hashed);
  } catch (error) {
    if (signal?.aborted === true) throw abortedError();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
}
