import { constants, type Stats } from 'node:fs';
import { open, realpath, stat, statfs, type FileHandle } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import { CourierError, sourcePathFormOf, windowsPathForm } from '../api';
import { serverPathOf, type PathMapping } from '../domain/path-mappings';
import { siteFileGate, type Deadline, type FileGate } from './file-gate';
import { kernelFolderOf } from './kernel-folders';

/**
 * What the site server may read for the console, and how: its platform (which path forms it can
 * open), the site's Path Mappings (UNC prefixes to local mount points), the source roots when the
 * site limits browsing to them, and the gate every file operation passes.
 */
export interface FileAccess {
  readonly platform: string;
  readonly mappings: readonly PathMapping[];
  /** null: browsing is not limited (the default). */
  readonly sourceRoots: readonly string[] | null;
  readonly gate: FileGate;
}

/** For commands that read a file the shell user named (`courier msi info`): no site settings apply. */
export function localFileAccess(): FileAccess {
  return { platform: process.platform, mappings: [], sourceRoots: null, gate: siteFileGate };
}

function pathModule(platform: string) {
  return platform === 'win32' ? win32 : posix;
}

/** Absolute for the site server: a UNC, drive or POSIX path (relative ones would resolve against the server's working directory). */
export function isAbsoluteServerPath(path: string): boolean {
  return sourcePathFormOf(path) !== null;
}

export function requireAbsolute(path: string, field: string): void {
  if (windowsPathForm(path) === 'device') {
    throw new CourierError('VALIDATION_FAILED', `${path.slice(0, 60)} is a Windows device path (\\\\.\\… or \\\\?\\…), not a file or folder.`, field);
  }
  if (!isAbsoluteServerPath(path)) {
    throw new CourierError(
      'VALIDATION_FAILED',
      `"${path.length > 60 ? `${path.slice(0, 60)}…` : path}" is a relative path; give the full path as the site server sees it (/srv/sources/app, C:\\Sources\\App or \\\\server\\share\\folder).`,
      field,
    );
  }
}

/** Where the site server opens `path`: itself, or through a path mapping. Refuses what it cannot reach, saying how to fix it. */
export function localPathOf(path: string, access: FileAccess, field: string): string {
  requireAbsolute(path, field);
  const resolved = serverPathOf(path, access.platform, access.mappings);
  if (!resolved.ok) throw new CourierError('SOURCE_UNREADABLE', resolved.problem, field);
  return resolved.path.localPath;
}

function isInside(root: string, target: string, platform: string): boolean {
  const p = pathModule(platform);
  const [r, t] = platform === 'win32' ? [root.toLowerCase(), target.toLowerCase()] : [root, target];
  if (t === r) return true;
  return t.startsWith(r.endsWith(p.sep) ? r : `${r}${p.sep}`);
}

function outsideRoots(path: string, roots: readonly string[], how: string, field: string): CourierError {
  const listed = roots.length > 0 ? roots.join(', ') : 'none yet';
  return new CourierError(
    'FORBIDDEN',
    `This site limits browsing to its source roots (${listed}); ${path} ${how}. Add a source root under Site Settings › Site Properties, or with courier site add-source-root.`,
    field,
  );
}

/** The source roots' local paths (through Path Mappings), as written; roots the server cannot reach are left out. */
function localRoots(access: FileAccess): string[] {
  const p = pathModule(access.platform);
  return (access.sourceRoots ?? [])
    .map((root) => serverPathOf(root, access.platform, access.mappings))
    .flatMap((resolved) => (resolved.ok ? [p.resolve(resolved.path.localPath)] : []));
}

/** `localPath` is one of the source roots itself (the top of what a limited site may browse). */
export function isSourceRoot(localPath: string, access: FileAccess): boolean {
  const p = pathModule(access.platform);
  const target = p.resolve(localPath);
  return localRoots(access).some((root) => (access.platform === 'win32' ? root.toLowerCase() === target.toLowerCase() : root === target));
}

/** The source roots as the disk resolves them (symbolic links followed); null when browsing is not limited. */
export async function realSourceRoots(access: FileAccess, deadline: Deadline): Promise<string[] | null> {
  if (access.sourceRoots === null) return null;
  const realRoots: string[] = [];
  for (const root of localRoots(access)) {
    try {
      realRoots.push(await realpath(root));
    } catch {
      // a root that is not there (an unmounted share) holds nothing
    }
    deadline.check();
  }
  return realRoots;
}

/** `real` (a resolved local path) is one of the roots or inside one. */
export function isUnderRoots(real: string, roots: readonly string[], platform: string): boolean {
  return roots.some((root) => isInside(root, real, platform));
}

/**
 * With "browse only under these source roots" on, refuses a path outside them: first as written
 * (`..` resolved, nothing read), then as the disk resolves it (symbolic links followed), so a
 * link inside a root cannot lead out of it. Runs inside the caller's gate slot.
 */
export async function checkUnderSourceRoots(path: string, localPath: string, access: FileAccess, field: string, deadline: Deadline): Promise<void> {
  if (access.sourceRoots === null) return;
  const p = pathModule(access.platform);
  const roots = localRoots(access);
  const written = p.resolve(localPath);
  if (!isUnderRoots(written, roots, access.platform)) throw outsideRoots(path, access.sourceRoots, 'is outside them', field);
  let real: string;
  try {
    real = await realpath(written);
  } catch {
    return; // what does not exist is reported by the caller in its own words
  }
  deadline.check();
  const realRoots = (await realSourceRoots(access, deadline)) ?? [];
  if (!isUnderRoots(real, realRoots, access.platform)) {
    throw outsideRoots(path, access.sourceRoots, `leads outside them (to ${real})`, field);
  }
}

/** Kernel file systems whose "files" are live process and kernel state, not content (statfs f_type). */
const pseudoFileSystems = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0xcafe4a11, 'bpf'],
  [0x1cd1, 'devpts'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0xde5e81e4, 'efivarfs'],
  [0x65735543, 'fusectl'],
  [0xf97cff8c, 'selinuxfs'],
  [0x42494e4d, 'binfmt_misc'],
  [0x6e736673, 'nsfs'],
]);

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isDirectory()) return 'a folder';
  if (info.isFile()) return 'a file';
  return 'a special file';
}

export type Wanted = 'file' | 'folder';

/**
 * What is at `localPath`, refused unless it is a regular file or a folder (as `wanted`) on a
 * real file system: a FIFO or a device would block or never end, /proc and /sys hold live
 * process state. Nothing is opened. `path` (as the admin gave it) names it in messages.
 */
export async function inspectPath(
  path: string,
  localPath: string,
  wanted: Wanted,
  what: string,
  field: string,
  platform: string,
  notFound?: () => CourierError,
): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(localPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (notFound && (code === 'ENOENT' || code === 'ENOTDIR')) throw notFound();
    throw openError(error, path, field, wanted);
  }
  if (platform === 'linux') {
    const fs = await statfs(localPath).catch(() => null);
    const pseudo = fs ? pseudoFileSystems.get(Number(fs.type)) : undefined;
    if (pseudo !== undefined) {
      throw new CourierError('VALIDATION_FAILED', `${path} is on the kernel's ${pseudo} file system, which holds live system state, not files; choose ${what}.`, field);
    }
  }
  if (wanted === 'folder' && info.isDirectory()) {
    // /dev may be a plain tmpfs (in a container), so its file system type does not give it away.
    const kernel = await kernelFolderOf(localPath, platform);
    if (kernel !== null) {
      throw new CourierError('VALIDATION_FAILED', `${path} is in the kernel's ${kernel} folder, which holds devices and live system state, not files; choose ${what}.`, field);
    }
  }
  if (wanted === 'file' && !info.isFile()) {
    const message = info.isDirectory() ? `${path} is a folder; choose ${what}.` : `${path} is ${kindOf(info)}, not a regular file; choose ${what}.`;
    throw new CourierError('VALIDATION_FAILED', message, field);
  }
  if (wanted === 'folder' && !info.isDirectory()) {
    throw new CourierError('SOURCE_NOT_FOUND', `${path} is ${kindOf(info)}, not a folder. Choose ${what}.`, field);
  }
  return info;
}

// O_NONBLOCK: a FIFO put in the file's place between the stat and the open cannot block the open.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Opens a regular file for reading after inspectPath, and checks the opened file is still the
 * regular file inspected (same device and inode), so nothing swapped in meanwhile is read.
 */
export async function openRegularFile(path: string, localPath: string, what: string, field: string, platform: string): Promise<{ handle: FileHandle; size: number }> {
  const before = await inspectPath(path, localPath, 'file', what, field, platform);
  let handle: FileHandle;
  try {
    handle = await open(localPath, openFlags);
  } catch (error) {
    throw openError(error, path, field, 'file');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.ino !== before.ino || info.dev !== before.dev) {
      throw new CourierError('VALIDATION_FAILED', `${path} changed while Courier opened it (it is now ${kindOf(info)}); choose ${what}.`, field);
    }
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Why a path could not be opened, as the CLI and the console show it. */
export function openError(error: unknown, path: string, field: string, wanted: Wanted = 'file'): CourierError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return wanted === 'file'
      ? new CourierError('NOT_FOUND', `There is no file ${path}.`, field)
      : new CourierError('SOURCE_NOT_FOUND', `The folder ${path} does not exist, as the site server sees it.`, field);
  }
  if (code === 'EACCES' || code === 'EPERM') return new CourierError('SOURCE_UNREADABLE', `Courier cannot read ${path}: check its permissions.`, field);
  if (code === 'ELOOP') return new CourierError('SOURCE_UNREADABLE', `${path} is a loop of symbolic links.`, field);
  if (code === 'ENAMETOOLONG') return new CourierError('VALIDATION_FAILED', `${path} is longer than the site server's file system allows.`, field);
  return new CourierError('SOURCE_UNREADABLE', `Courier cannot open ${path} (${code ?? 'error'}).`, field);
}
