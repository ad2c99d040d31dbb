import { constants, type Dirent } from 'node:fs';
import { access as accessible, readdir, realpath, stat } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import {
  CourierError,
  maxListedEntries,
  sameWindowsPath,
  sourcePathFormOf,
  trimTrailingSeparators,
  type FileEntryDto,
  type FileListDto,
  type FolderEntryDto,
  type FolderListDto,
} from '../api';
import { checkUnderSourceRoots, inspectPath, isSourceRoot, isUnderRoots, localFileAccess, localPathOf, realSourceRoots, requireAbsolute, type FileAccess } from './file-access';
import type { Deadline } from './file-gate';
import { isInKernelFolder, kernelFolders } from './kernel-folders';

async function windowsDrives(): Promise<string[]> {
  const letters = 'CDEFGHIJKLMNOPQRSTUVWXYZAB'.split('');
  const found = await Promise.all(
    letters.map(async (letter) => {
      try {
        await accessible(`${letter}:\\`, constants.F_OK);
        return `${letter}:\\`;
      } catch {
        return null;
      }
    }),
  );
  return found.filter((drive): drive is string => drive !== null);
}

/** As Windows Explorer orders names: case-insensitive, digits by value. */
function byName(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** A name a Windows share can hold: anything else in a mounted share's listing is not reachable by its UNC path. */
function isWindowsName(name: string): boolean {
  for (const c of name) if ('<>:"/\\|?*'.includes(c) || c < ' ') return false;
  return true;
}

/** The folder above a UNC path, or null at \\server\share. */
function uncParent(path: string): string | null {
  const parts = path.slice(2).split('\\');
  return parts.length > 2 ? `\\\\${parts.slice(0, -1).join('\\')}` : null;
}

function through(path: string, localPath: string): string {
  return localPath === path ? '' : ` (read at ${localPath} through Path Mappings)`;
}

/**
 * Where browsing starts: the source roots when the site limits browsing to them, else the UNC
 * prefixes of Path Mappings (where the admins' sources are) and the server's own roots.
 */
async function rootsOf(access: FileAccess): Promise<FolderEntryDto[]> {
  const entry = (path: string): FolderEntryDto => ({ name: path, path });
  if (access.sourceRoots !== null) return [...access.sourceRoots].sort(byName).map(entry);
  const mapped = access.mappings.map((mapping) => mapping.uncPrefix).sort(byName).map(entry);
  const own = access.platform === 'win32' ? await windowsDrives() : ['/'];
  return [...mapped, ...own.map(entry)];
}

interface Wanted {
  /** The file types to list (lower case, with the dot); null lists folders only, [] every file. */
  readonly extensions: readonly string[] | null;
}

interface Entries {
  readonly folders: string[];
  readonly files: { name: string; size: number; modified: string }[];
  readonly truncated: boolean;
}

function matches(name: string, extensions: readonly string[]): boolean {
  if (extensions.length === 0) return true;
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.endsWith(extension));
}

/**
 * What a folder holds, of what was asked. Only folders and regular files are listed (named
 * pipes, sockets and devices never), symbolic links as what they lead to, and never the kernel's
 * folders: leaving /proc, /sys and /dev out beats listing them and refusing them after.
 */
async function sortEntries(localPath: string, entries: Dirent[], wanted: Wanted, access: FileAccess, deadline: Deadline): Promise<Entries> {
  const platform = access.platform;
  const kernel = await kernelFolders(platform);
  // With browsing limited, a link that leads out of the source roots is left out too.
  const roots = await realSourceRoots(access, deadline);
  const p = platform === 'win32' ? win32 : posix;
  const listsFile = (name: string): boolean => wanted.extensions !== null && matches(name, wanted.extensions);
  entries.sort((a, b) => byName(a.name, b.name));
  const folders: string[] = [];
  const files: Entries['files'] = [];
  let truncated = false;
  let looked = 0;
  for (const entry of entries) {
    if (++looked % 100 === 0) deadline.check();
    const full = p.join(localPath, entry.name);
    let isFolder = entry.isDirectory();
    let isFile = entry.isFile() && listsFile(entry.name);
    if (entry.isSymbolicLink()) {
      // Followed only when it could be listed: each is one more call that may wait on a slow mount.
      const info = await stat(full).catch(() => null);
      isFolder = info?.isDirectory() ?? false;
      isFile = (info?.isFile() ?? false) && listsFile(entry.name);
      if ((isFolder || isFile) && (kernel.size > 0 || roots !== null)) {
        const real = await realpath(full).catch(() => null);
        if (real === null || isInKernelFolder(real, kernel)) continue;
        if (roots !== null && !isUnderRoots(real, roots, platform)) continue;
      }
    }
    if (isFolder && kernel.has(full)) continue;
    if (!isFolder && !isFile) continue;
    if (folders.length + files.length >= maxListedEntries) {
      truncated = true;
      break;
    }
    if (isFolder) {
      folders.push(entry.name);
      continue;
    }
    const info = await stat(full).catch(() => null);
    if (info?.isFile()) files.push({ name: entry.name, size: info.size, modified: info.mtime.toISOString() });
  }
  return { folders, files, truncated };
}

async function list(path: string, access: FileAccess, wanted: Wanted): Promise<FileListDto> {
  const field = 'path';
  if (path === '') return { path: '', parent: null, folders: await rootsOf(access), files: [], truncated: false };
  requireAbsolute(path, field);
  const unc = sourcePathFormOf(path) === 'unc';
  const p = access.platform === 'win32' || sourcePathFormOf(path) === 'windowsLocal' ? win32 : posix;
  const shown = unc ? trimTrailingSeparators(path) : p.resolve(path);
  const localPath = localPathOf(shown, access, field);
  const found = await access.gate.run(shown, field, async (deadline) => {
    await checkUnderSourceRoots(shown, localPath, access, field, deadline);
    await inspectPath(shown, localPath, 'folder', 'a folder', field, access.platform, () => {
      return new CourierError('NOT_FOUND', `The folder ${shown} does not exist on the site server${through(shown, localPath)}.`, field);
    });
    deadline.check();
    let entries: Dirent[];
    try {
      entries = await readdir(localPath, { withFileTypes: true });
    } catch {
      throw new CourierError('SOURCE_UNREADABLE', `The site server cannot list ${shown}: check its permissions.`, field);
    }
    deadline.check();
    return sortEntries(localPath, entries, wanted, access, deadline);
  });
  const join = (name: string): string => (unc ? `${shown}\\${name}` : p.join(shown, name));
  const reachable = (name: string): boolean => !unc || isWindowsName(name);
  const folders: FolderEntryDto[] = found.folders.filter(reachable).map((name) => ({ name, path: join(name) }));
  const files: FileEntryDto[] = found.files.filter((file) => reachable(file.name)).map((file) => ({ ...file, path: join(file.name) }));
  let parent: string;
  if (access.sourceRoots !== null && isSourceRoot(localPath, access)) parent = '';
  else if (unc) parent = access.mappings.some((mapping) => sameWindowsPath(mapping.uncPrefix, shown)) ? '' : (uncParent(shown) ?? '');
  else parent = shown === p.parse(shown).root ? '' : p.dirname(shown);
  return { path: shown, parent, folders, files, truncated: found.truncated };
}

/**
 * Folders for Browse for Folder, as the site server sees them: only absolute paths (a relative
 * one would resolve against the server's working directory), only folders, under the source
 * roots when the site limits browsing to them. A UNC folder is listed through Path Mappings and
 * its entries keep the UNC form the package will store.
 */
export async function listFolders(path: string, access: FileAccess = localFileAccess()): Promise<FolderListDto> {
  const { files: _files, ...listing } = await list(path, access, { extensions: null });
  return listing;
}

/**
 * The Open dialog's listing: a folder's folders and its files of the given types (".msi"; none
 * for every file), with their size and date, under the same rules as listFolders.
 */
export async function listFiles(path: string, extensions: readonly string[], access: FileAccess = localFileAccess()): Promise<FileListDto> {
  return list(path, access, { extensions: extensions.map((extension) => extension.toLowerCase()) });
}
