import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { dirname, join, parse } from 'node:path';
import { CourierError, sourceDirectoryProblem, sourcePathFormOf, type FolderListDto, type SourceCheckDto } from '../api';

/**
 * Source directories are read by the site server (as the suite reads them with its computer
 * account), so they are checked here, on the server, not in the console.
 */
export async function checkSourceDirectory(path: string, field = 'sourceDirectory', platform = process.platform): Promise<SourceCheckDto> {
  const problem = sourceDirectoryProblem(path);
  if (problem !== null) throw new CourierError('VALIDATION_FAILED', problem, field);
  const form = sourcePathFormOf(path);
  if (platform !== 'win32' && (form === 'unc' || form === 'windowsLocal')) {
    throw new CourierError(
      'SOURCE_UNREADABLE',
      `This site server runs on ${platform} and cannot open the Windows path ${path}. Mount the share on the site server and use its local path.`,
      field,
    );
  }
  let kind;
  try {
    kind = await stat(path);
  } catch {
    throw new CourierError('SOURCE_NOT_FOUND', `The source directory ${path} does not exist, as the site server sees it.`, field);
  }
  if (!kind.isDirectory()) {
    throw new CourierError('SOURCE_NOT_FOUND', `${path} is a file, not a folder. Choose the folder that holds the source files.`, field);
  }
  try {
    await access(path, constants.R_OK | constants.X_OK);
    const entries = await readdir(path);
    return { path, serverPath: path, entryCount: entries.length };
  } catch {
    throw new CourierError('SOURCE_UNREADABLE', `The site server cannot read the source directory ${path}: check its permissions.`, field);
  }
}

const maxListed = 5000;

async function windowsDrives(): Promise<string[]> {
  const letters = 'CDEFGHIJKLMNOPQRSTUVWXYZAB'.split('');
  const found = await Promise.all(
    letters.map(async (letter) => {
      try {
        await access(`${letter}:\\`);
        return `${letter}:\\`;
      } catch {
        return null;
      }
    }),
  );
  return found.filter((drive): drive is string => drive !== null);
}

/** Folders for the Set Source Directory dialog's Browse, as the site server sees them. */
export async function listFolders(path: string, platform = process.platform): Promise<FolderListDto> {
  if (path === '' && platform === 'win32') {
    const drives = await windowsDrives();
    return { path: '', parent: null, folders: drives.map((drive) => ({ name: drive, path: drive })) };
  }
  const target = path === '' ? '/' : path;
  let entries;
  try {
    entries = await readdir(target, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CourierError('NOT_FOUND', `The folder ${target} does not exist on the site server.`, 'path');
    throw new CourierError('SOURCE_UNREADABLE', `The site server cannot list ${target}: check its permissions.`, 'path');
  }
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }))
    .slice(0, maxListed)
    .map((name) => ({ name, path: join(target, name) }));
  const root = parse(target).root;
  const parent = target === root ? (platform === 'win32' ? '' : null) : dirname(target);
  return { path: target, parent, folders };
}
