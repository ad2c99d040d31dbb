import { constants } from 'node:fs';
import { access as accessible, readdir } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import { CourierError, sourceDirectoryProblem, sourcePathFormOf, trimTrailingSeparators, type FolderEntryDto, type FolderListDto, type SourceCheckDto } from '../api';
import { checkUnderSourceRoots, inspectPath, isSourceRoot, localFileAccess, localPathOf, requireAbsolute, type FileAccess } from './file-access';

function through(path: string, localPath: string): string {
  return localPath === path ? '' : ` (read at ${localPath} through Path Mappings)`;
}

/**
 * Source directories are read by the site server (as the suite reads them with its computer
 * account), so they are checked here, on the server, not in the console. A UNC path on a server
 * that is not Windows is read through the site's Path Mappings.
 */
export async function checkSourceDirectory(path: string, access: FileAccess = localFileAccess(), field = 'sourceDirectory'): Promise<SourceCheckDto> {
  const problem = sourceDirectoryProblem(path);
  if (problem !== null) throw new CourierError('VALIDATION_FAILED', problem, field);
  const localPath = localPathOf(path, access, field);
  return access.gate.run(path, field, async (deadline) => {
    await checkUnderSourceRoots(path, localPath, access, field, deadline);
    await inspectPath(path, localPath, 'folder', 'the folder that holds the source files', field, access.platform, () => {
      return new CourierError('SOURCE_NOT_FOUND', `The source directory ${path} does not exist, as the site server sees it${through(path, localPath)}.`, field);
    });
    deadline.check();
    try {
      await accessible(localPath, constants.R_OK | constants.X_OK);
      deadline.check();
      const entries = await readdir(localPath);
      return { path, serverPath: localPath, entryCount: entries.length };
    } catch (error) {
      if (error instanceof CourierError) throw error;
      throw new CourierError('SOURCE_UNREADABLE', `The site server cannot read the source directory ${path}${through(path, localPath)}: check its permissions.`, field);
    }
  });
}

const maxListed = 5000;

async function windowsDrives(): Promise<string[]> {
  const letters = 'CDEFGHIJKLMNOPQRSTUVWXYZAB'.split('');
  const found = await Promise.all(
    letters.map(async (letter) => {
      try {
        await accessible(`${letter}:\\`);
        return `${letter}:\\`;
      } catch {
        return null;
      }
    }),
  );
  return found.filter((drive): drive is string => drive !== null);
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** A folder name a Windows share can hold: anything else in a mounted share's listing is not reachable by its UNC path. */
function isWindowsName(name: string): boolean {
  for (const c of name) if ('<>:"/\\|?*'.includes(c) || c < ' ') return false;
  return true;
}

/** The folder above a UNC path, or null at \\server\share. */
function uncParent(path: string): string | null {
  const parts = path.slice(2).split('\\');
  return parts.length > 2 ? `\\\\${parts.slice(0, -1).join('\\')}` : null;
}

/**
 * Folders for the Set Source Directory dialog's Browse, as the site server sees them: only
 * absolute paths (a relative one would resolve against the server's working directory), only
 * folders, under the source roots when the site limits browsing to them. A UNC folder is listed
 * through Path Mappings and its entries keep the UNC form the package will store.
 */
export async function listFolders(path: string, access: FileAccess = localFileAccess()): Promise<FolderListDto> {
  const field = 'path';
  const limited = access.sourceRoots !== null;
  if (path === '' && limited) {
    const roots = [...(access.sourceRoots ?? [])].sort(byName);
    return { path: '', parent: null, folders: roots.map((root) => ({ name: root, path: root })) };
  }
  if (path === '' && access.platform === 'win32') {
    const drives = await windowsDrives();
    return { path: '', parent: null, folders: drives.map((drive) => ({ name: drive, path: drive })) };
  }
  const target = path === '' ? '/' : path;
  requireAbsolute(target, field);
  const unc = sourcePathFormOf(target) === 'unc';
  const p = access.platform === 'win32' || sourcePathFormOf(target) === 'windowsLocal' ? win32 : posix;
  const shown = unc ? trimTrailingSeparators(target) : p.resolve(target);
  const localPath = localPathOf(shown, access, field);
  const names = await access.gate.run(shown, field, async (deadline) => {
    await checkUnderSourceRoots(shown, localPath, access, field, deadline);
    await inspectPath(shown, localPath, 'folder', 'a folder', field, access.platform, () => {
      return new CourierError('NOT_FOUND', `The folder ${shown} does not exist on the site server${through(shown, localPath)}.`, field);
    });
    deadline.check();
    try {
      const entries = await readdir(localPath, { withFileTypes: true });
      return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    } catch {
      throw new CourierError('SOURCE_UNREADABLE', `The site server cannot list ${shown}: check its permissions.`, field);
    }
  });
  const folders: FolderEntryDto[] = names
    .filter((name) => !unc || isWindowsName(name))
    .sort(byName)
    .slice(0, maxListed)
    .map((name) => ({ name, path: unc ? `${shown}\\${name}` : p.join(shown, name) }));
  let parent: string | null;
  if (limited && isSourceRoot(localPath, access)) parent = '';
  else if (unc) parent = uncParent(shown) ?? (limited || access.platform === 'win32' ? '' : null);
  else parent = shown === p.parse(shown).root ? (access.platform === 'win32' ? '' : null) : p.dirname(shown);
  return { path: shown, parent, folders };
}
