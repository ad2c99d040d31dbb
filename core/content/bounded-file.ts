import { CourierError } from '../api';
import { checkUnderSourceRoots, localFileAccess, localPathOf, openRegularFile, type FileAccess } from './file-access';

/** How much one read asks for: small enough that a slow source reports its time limit promptly. */
const readChunkBytes = 256 * 1024;

/**
 * Reads a whole file chosen by the administrator, refusing it before reading when it is not a
 * regular file or is larger than `maxBytes` (so a 50 MB file of garbage costs one stat). `what`
 * names the file in messages. Runs through the site's file gate, within its time limit.
 */
export async function readBoundedFile(path: string, maxBytes: number, what: string, field: string, access: FileAccess = localFileAccess()): Promise<Uint8Array> {
  const localPath = localPathOf(path, access, field);
  return access.gate.run(path, field, async (deadline) => {
    await checkUnderSourceRoots(path, localPath, access, field, deadline);
    const { handle, size } = await openRegularFile(path, localPath, what, field, access.platform);
    try {
      if (size > maxBytes) throw new CourierError('VALIDATION_FAILED', `${path} is ${size} bytes; ${what} is at most ${maxBytes} bytes.`, field);
      // Read one byte more than allowed: a file that grew after the stat is still refused.
      const buffer = new Uint8Array(Math.min(size, maxBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        deadline.check();
        const { bytesRead } = await handle.read(buffer, length, Math.min(readChunkBytes, buffer.length - length), null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > maxBytes) throw new CourierError('VALIDATION_FAILED', `${path} is larger than ${maxBytes} bytes; ${what} is not that large.`, field);
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  });
}

/** The first `count` bytes of a regular file (fewer when it is shorter), through the gate. */
export async function readFileHead(path: string, count: number, what: string, field: string, access: FileAccess = localFileAccess()): Promise<Uint8Array> {
  const localPath = localPathOf(path, access, field);
  return access.gate.run(path, field, async (deadline) => {
    await checkUnderSourceRoots(path, localPath, access, field, deadline);
    const { handle } = await openRegularFile(path, localPath, what, field, access.platform);
    try {
      const head = new Uint8Array(count);
      const { bytesRead } = await handle.read(head, 0, count, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  });
}
