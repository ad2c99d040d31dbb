import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { temporaryPrefix } from './atomic-file';
import { hex, readU64, sameBytes, view } from './binary-fields';
import { chunkHash, chunkHashBytes } from './chunker';
import { copyOperation, copyOperationBytes, deltaHeaderBytes, literalOperation, type DeltaHeader } from './delta-format';
import { DeltaError } from './delta-error';
import { checkOperations, corrupt, deltaReadBufferBytes, readHeader } from './delta-reading';
import { openRegularFile, readAt, RegionReader } from './file-reads';

/**
 * Patching a file where it lies: the distribution point's previous copy is cloned into a temporary
 * file beside the output (copy_file_range, or a reflink where the file system shares extents; on a
 * mounted SMB share the kernel asks the server to copy, so the bytes never cross the network), and
 * only what the delta changes is written over it: its literal bytes, and old chunks that moved.
 * A copy of an old chunk to the offset it already had is the clone's own bytes and costs nothing.
 *
 * This pays when the changes overwrite (an installer rebuilt with a few regions changed); an
 * insertion moves every chunk after it, and a delta whose moved bytes would be most of the file is
 * answered with null (`maxWrittenShare`), for the caller to rebuild or copy the file instead.
 */
export interface InPlacePatch {
  readonly size: number;
  /** Of the file written, read back whole once patched: the clone is checked, not trusted. */
  readonly sha256: Buffer;
  /** Bytes written over the clone: literal bytes and moved chunks. What the site server sent. */
  readonly writtenBytes: number;
  /** Bytes the clone kept where they were. */
  readonly keptBytes: number;
  readonly literalBytes: number;
}

/** Above this share of the new file to write, a clone saves too little to be worth it. */
export const maxWrittenShare = 0.5;
const hashBufferBytes = 4 * 1024 * 1024;

interface Write {
  readonly newOffset: number;
  readonly length: number;
  /** Where the bytes are: in the delta (a literal) or the old file (a moved chunk, with its hash). */
  readonly from: 'delta' | 'old';
  readonly position: number;
  readonly hash?: Buffer;
}

/** The writes the delta needs over a clone of the old file, every operation checked against the header. */
async function planWrites(delta: FileHandle, header: DeltaHeader, deltaPath: string): Promise<{ writes: Write[]; writtenBytes: number }> {
  const end = deltaHeaderBytes + header.operationsLength;
  const reader = new RegionReader(delta, deltaHeaderBytes, end, Math.max(deltaReadBufferBytes, copyOperationBytes));
  const writes: Write[] = [];
  let newOffset = 0;
  let writtenBytes = 0;
  let literalBytes = 0;
  const take = async (n: number, what: string): Promise<Uint8Array> => {
    if (!(await reader.need(n))) throw corrupt(deltaPath, `it ends inside ${what}`);
    return reader.take(n);
  };
  for (let count = 0; count < header.operationCount; count++) {
    const at = reader.position;
    const tag = (await take(1, 'an operation'))[0];
    let length: number;
    let moved = true;
    if (tag === copyOperation) {
      const fields = await take(copyOperationBytes - 1, 'a copy');
      const v = view(fields);
      const oldOffset = readU64(v, 0);
      length = v.getUint32(8, true);
      if (oldOffset === null || oldOffset + length > header.oldSize) throw corrupt(deltaPath, `the copy at byte ${at} reaches past the old size (${header.oldSize})`);
      moved = oldOffset !== newOffset;
      if (moved) writes.push({ newOffset, length, from: 'old', position: oldOffset, hash: Buffer.from(fields.subarray(12, 12 + chunkHashBytes)) });
    } else if (tag === literalOperation) {
      length = view(await take(4, 'a literal')).getUint32(0, true);
      writes.push({ newOffset, length, from: 'delta', position: reader.position });
      for (let left = length; left > 0; ) {
        const piece = Math.min(left, deltaReadBufferBytes);
        await take(piece, 'a literal');
        left -= piece;
      }
      literalBytes += length;
    } else {
      throw corrupt(deltaPath, `byte ${at} holds ${tag === undefined ? 'nothing' : `0x${tag.toString(16)}`}, not an operation`);
    }
    if (length === 0 || length > header.longestOperation || newOffset + length > header.newSize) throw corrupt(deltaPath, `the operation at byte ${at} is ${length} bytes long`);
    if (moved) writtenBytes += length;
    newOffset += length;
  }
  if (reader.position !== end) throw corrupt(deltaPath, `${end - reader.position} bytes follow its last operation`);
  if (newOffset !== header.newSize || literalBytes !== header.literalBytes) throw corrupt(deltaPath, 'its operations do not add up to the sizes of its header');
  return { writes, writtenBytes };
}

async function writeAll(out: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) done += (await out.write(bytes, done, bytes.length - done, position + done)).bytesWritten;
}

async function hashOf(handle: FileHandle): Promise<{ size: number; sha256: Buffer }> {
  const hash = createHash('sha256');
  const buffer = new Uint8Array(hashBufferBytes);
  let size = 0;
  for (;;) {
    const got = await readAt(handle, buffer, 0, buffer.length, size);
    if (got === 0) return { size, sha256: hash.digest() };
    hash.update(buffer.subarray(0, got));
    size += got;
  }
}

/**
 * Applies the delta at `deltaPath` to a clone of `oldFilePath`, writing the new version to
 * `outPath` atomically, as `applyDelta` does; null (nothing written) when the delta moves too
 * much of the file for a clone to pay. A moved chunk is checked against its hash as it is read;
 * the whole result is read back and must have the size and SHA-256 the delta promises, so an old
 * file edited behind the copy's back is refused, never patched into a wrong new file.
 */
export async function applyDeltaInPlace(oldFilePath: string, deltaPath: string, outPath: string, options: { durable?: boolean } = {}): Promise<InPlacePatch | null> {
  const { handle: delta, size: deltaSize } = await openRegularFile(deltaPath, 'The delta', 'corrupt-delta');
  try {
    const header = await readHeader(delta, deltaSize, deltaPath);
    await checkOperations(delta, header, deltaPath);
    const { writes, writtenBytes } = await planWrites(delta, header, deltaPath);
    if (writtenBytes > header.newSize * maxWrittenShare) return null;
    const { handle: old, size: oldSize } = await openRegularFile(oldFilePath, 'The old version', 'old-file-mismatch');
    try {
      if (oldSize !== header.oldSize) {
        throw new DeltaError('old-file-mismatch', `${oldFilePath} is ${oldSize} bytes long; the delta ${deltaPath} was made from a version of ${header.oldSize} bytes (SHA-256 ${hex(header.oldSha256)}).`);
      }
      const temporary = join(dirname(outPath), `${temporaryPrefix}${basename(outPath)}-${randomBytes(6).toString('hex')}`);
      await copyFile(oldFilePath, temporary, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
      let out: FileHandle | null = null;
      try {
        out = await open(temporary, 'r+');
        const buffer = new Uint8Array(Math.max(header.longestOperation, 1));
        for (const write of writes) {
          const bytes = buffer.subarray(0, write.length);
          const got = await readAt(write.from === 'delta' ? delta : old, bytes, 0, write.length, write.position);
          if (got !== write.length) throw corrupt(deltaPath, `its operation for byte ${write.newOffset} of the new file could not be read whole`);
          if (write.hash !== undefined && !sameBytes(chunkHash(bytes), write.hash)) {
            throw new DeltaError('old-file-mismatch', `${oldFilePath} is not the version the delta ${deltaPath} was made from: its ${write.length} bytes at offset ${write.position} differ.`);
          }
          await writeAll(out, bytes, write.newOffset);
        }
        await out.truncate(header.newSize);
        const result = await hashOf(out);
        if (result.size !== header.newSize || !sameBytes(result.sha256, header.newSha256)) {
          throw new DeltaError(
            'new-file-mismatch',
            `Patching a copy of ${oldFilePath} with ${deltaPath} made ${result.size} bytes with SHA-256 ${hex(result.sha256)}; the delta promises ${header.newSize} bytes with SHA-256 ${hex(header.newSha256)} (the old file is not the version it was made from).`,
          );
        }
        if (options.durable === true) await out.sync();
        await out.close();
        out = null;
        await rename(temporary, outPath);
        return { size: result.size, sha256: result.sha256, writtenBytes, keptBytes: header.newSize - writtenBytes, literalBytes: header.literalBytes };
      } catch (error) {
        await out?.close().catch(() => undefined);
        await rm(temporary, { force: true });
        throw error;
      }
    } finally {
      await old.close();
    }
  } finally {
    await delta.close();
  }
}
