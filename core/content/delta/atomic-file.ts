import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The prefix of the temporary files written beside a target; retention treats leftovers of a killed writer as garbage. */
export const temporaryPrefix = '.courier-tmp-';

/**
 * Writes `path` through a temporary file in the same folder, renamed over `path` only once
 * `write` has finished (and, when `durable`, the data is on disk): a reader sees the old file or
 * the whole new one, and a kill leaves at most a temporary file. On error the temporary is removed.
 */
export async function writeAtomically<T>(path: string, write: (handle: FileHandle) => Promise<T>, durable: boolean): Promise<T> {
  const temporary = join(dirname(path), `${temporaryPrefix}${basename(path)}-${randomBytes(6).toString('hex')}`);
  const handle = await open(temporary, 'wx');
  let result: T;
  try {
    result = await write(handle);
    if (durable) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return result;
}
