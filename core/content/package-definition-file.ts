import type { FileHandle } from 'node:fs/promises';
import { CourierError } from '../api';
import { maxMsiBytes, readMsiInfo, type ByteSource, type MsiInfo } from '../formats/msi';
import { maxDefinitionBytes, parsePackageDefinition, type PackageDefinition } from '../formats/package-definition';
import { readBoundedFile } from './bounded-file';
import { checkUnderSourceRoots, localFileAccess, localPathOf, openRegularFile, type FileAccess } from './file-access';
import type { Deadline } from './file-gate';

/** Reads and parses a .sms / .pdf file; larger than 1 MiB is refused before it is read. */
export async function readPackageDefinitionFile(path: string, access: FileAccess = localFileAccess()): Promise<PackageDefinition> {
  const bytes = await readBoundedFile(path, maxDefinitionBytes, 'a package definition file', 'packageDefinition', access);
  return parsePackageDefinition(bytes);
}

const chunkBytes = 64 * 1024;
/** Chunks read after a missing one: table streams mostly lie in runs of sectors. */
const readAheadChunks = 3;
/** An .msi's tables are a few MB even in a large installer; more than this is not an installer's. */
const maxCachedBytes = 64 * 1024 * 1024;
const maxPasses = 32;

/**
 * The compound-file reader pulls bytes synchronously, and a synchronous read on the main thread
 * would freeze the server on a slow share. So it reads from chunks fetched asynchronously
 * beforehand: each pass records the chunks it missed (answering with zeros, its result then
 * discarded), they are fetched, and the reader runs again, until a pass misses nothing. Every
 * pass reaches further (the header, then the allocation tables, then the streams), so a few
 * passes read an .msi; only a pass that missed nothing gives the answer or the error.
 */
async function readMsiThroughChunks(handle: FileHandle, size: number, path: string, deadline: Deadline): Promise<MsiInfo> {
  const chunks = new Map<number, Uint8Array>();
  const missing = new Set<number>();
  const source: ByteSource = {
    size,
    read(offset, length) {
      const end = Math.min(size, offset + Math.max(0, length));
      if (end <= offset) return new Uint8Array(0);
      const out = new Uint8Array(end - offset);
      for (let index = Math.floor(offset / chunkBytes); index * chunkBytes < end; index++) {
        const chunk = chunks.get(index);
        if (chunk === undefined) {
          missing.add(index);
          continue;
        }
        const from = Math.max(offset, index * chunkBytes);
        const to = Math.min(end, index * chunkBytes + chunk.length);
        if (to > from) out.set(chunk.subarray(from - index * chunkBytes, to - index * chunkBytes), from - offset);
      }
      return out;
    },
  };
  let cached = 0;
  for (let pass = 1; ; pass++) {
    missing.clear();
    let result: MsiInfo | undefined;
    let failure: unknown;
    try {
      result = readMsiInfo(source, { file: path });
    } catch (error) {
      failure = error;
    }
    if (missing.size === 0) {
      if (result === undefined) throw failure;
      return result;
    }
    if (pass >= maxPasses) {
      throw new CourierError('VALIDATION_FAILED', `${path} is not a Windows Installer file Courier can read: its tables are scattered over more of the file than an installer's are.`, 'msiFile');
    }
    const wanted = new Set<number>();
    for (const index of missing) for (let i = index; i <= index + readAheadChunks && i * chunkBytes < size; i++) if (!chunks.has(i)) wanted.add(i);
    for (const index of [...wanted].sort((a, b) => a - b)) {
      deadline.check();
      const chunk = new Uint8Array(Math.min(chunkBytes, size - index * chunkBytes));
      let done = 0;
      while (done < chunk.length) {
        const { bytesRead } = await handle.read(chunk, done, chunk.length - done, index * chunkBytes + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      cached += chunk.length;
      if (cached > maxCachedBytes) {
        throw new CourierError('VALIDATION_FAILED', `${path} needs more than ${maxCachedBytes / 1024 / 1024} MB of tables read; a Windows Installer file's tables are far smaller.`, 'msiFile');
      }
      chunks.set(index, chunk.subarray(0, done));
    }
  }
}

/**
 * Reads the product properties of an .msi. Only the compound file's header, allocation table,
 * directory and the three table streams are read (a few hundred KB even for a 1 GB installer),
 * asynchronously, through the site's file gate and within its time limit.
 */
export async function readMsiFile(path: string, access: FileAccess = localFileAccess()): Promise<MsiInfo> {
  const field = 'msiFile';
  const what = 'a Windows Installer file';
  const localPath = localPathOf(path, access, field);
  return access.gate.run(path, field, async (deadline) => {
    await checkUnderSourceRoots(path, localPath, access, field, deadline);
    const { handle, size } = await openRegularFile(path, localPath, what, field, access.platform);
    try {
      if (size > maxMsiBytes) throw new CourierError('VALIDATION_FAILED', `${path} is ${size} bytes; ${what} is at most ${maxMsiBytes} bytes.`, field);
      return await readMsiThroughChunks(handle, size, path, deadline);
    } finally {
      await handle.close();
    }
  });
}
