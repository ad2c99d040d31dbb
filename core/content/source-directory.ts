import { constants } from 'node:fs';
import { access as accessible, readdir } from 'node:fs/promises';
import { CourierError, sourceDirectoryProblem, type SourceCheckDto } from '../api';
import { checkUnderSourceRoots, inspectPath, localFileAccess, localPathOf, type FileAccess } from './file-access';

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
