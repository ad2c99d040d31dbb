import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CourierError } from '../api';
import type { FileAccess } from './file-access';
import { checkSourceDirectory } from './source-directory';

export interface SourceSize {
  readonly files: number;
  readonly bytes: number;
}

/** Stats in flight at once per folder: enough to keep the thread pool busy, few enough to leave it room. */
const batch = 64;

/**
 * How many files and bytes a package's source directory holds now: what a distribution will
 * transfer to each distribution point. The folder is checked as every source directory is
 * (checkSourceDirectory), then walked with asynchronous calls, so the stats run on libuv's
 * threads and the thread that answers the console only adds them up. Symbolic links to files
 * count as the file they lead to; links to folders are not followed (a loop would never end).
 */
export async function measureSourceDirectory(path: string, access: FileAccess, field = 'packageId'): Promise<SourceSize> {
  const checked = await checkSourceDirectory(path, access, field);
  return access.gate.run(path, field, async (deadline) => {
    let files = 0;
    let bytes = 0;
    const folders = [checked.serverPath];
    while (folders.length > 0) {
      const folder = folders.pop() as string;
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new CourierError('SOURCE_UNREADABLE', `The site server cannot read ${folder} in the source directory of the package (${code}).`, field);
      }
      deadline.check();
      for (let i = 0; i < entries.length; i += batch) {
        const sizes = await Promise.all(
          entries.slice(i, i + batch).map(async (entry) => {
            const full = join(folder, entry.name);
            if (entry.isDirectory()) {
              folders.push(full);
              return -1;
            }
            const info = await (entry.isSymbolicLink() ? stat(full) : lstat(full)).catch(() => null);
            return info?.isFile() ? info.size : -1;
          }),
        );
        for (const size of sizes) {
          if (size < 0) continue;
          files += 1;
          bytes += size;
        }
        deadline.check();
      }
    }
    return { files, bytes };
  });
}
