import { open } from 'node:fs/promises';
import { CourierError } from '../api';

/**
 * Reads a whole file chosen by the administrator, refusing it before reading when it is larger
 * than `maxBytes` (so a 50 MB file of garbage costs one stat). `what` names the file in messages.
 */
export async function readBoundedFile(path: string, maxBytes: number, what: string, field: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw openError(error, path, field);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new CourierError('VALIDATION_FAILED', `${path} is a folder; choose ${what}.`, field);
    if (!info.isFile()) throw new CourierError('VALIDATION_FAILED', `${path} is not a regular file; choose ${what}.`, field);
    if (info.size > maxBytes) {
      throw new CourierError('VALIDATION_FAILED', `${path} is ${info.size} bytes; ${what} is at most ${maxBytes} bytes.`, field);
    }
    // Read one byte more than allowed: a file that grew after the stat is still refused.
    const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new CourierError('VALIDATION_FAILED', `${path} is larger than ${maxBytes} bytes; ${what} is not that large.`, field);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Why a file could not be opened, as the CLI and the console show it. */
export function openError(error: unknown, path: string, field: string): CourierError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new CourierError('NOT_FOUND', `There is no file ${path}.`, field);
  if (code === 'EACCES' || code === 'EPERM') return new CourierError('SOURCE_UNREADABLE', `Courier cannot read ${path}: check its permissions.`, field);
  return new CourierError('SOURCE_UNREADABLE', `Courier cannot open ${path} (${code ?? 'error'}).`, field);
}
