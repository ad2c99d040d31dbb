import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { hex, readU64, sameBytes, view } from './binary-fields';
import { writeAtomically } from './atomic-file';
import { chunkHash, chunkHashBytes } from './chunker';
import { copyOperation, copyOperationBytes, deltaHeaderBytes, literalOperation, type DeltaHeader } from './delta-format';
import { DeltaError } from './delta-error';
import { checkOperations, corrupt, deltaReadBufferBytes, readHeader } from './delta-reading';
import { openRegularFile, readAt, RegionReader } from './file-reads';

export interface AppliedDelta {
  readonly size: number;
  /** The SHA-256 of the file written: the copy engine compares it with the manifest without reading the file again. */
  readonly sha256: Buffer;
  readonly literalBytes: number;
  readonly copiedBytes: number;
}

const outputBufferBytes = 4 * 1024 * 1024;

/**
 * Applies the delta at `deltaPath` to `oldFilePath`, writing the new version to `outPath`
 * atomically (the copy engine's staging path): `outPath` appears only once the whole file is
 * written and its size and SHA-256 are the ones the delta promises. Every chunk taken from the
 * old file is checked against its hash first, so a wrong or changed old file is refused, never
 * patched into a wrong new file. With `durable`, the new file is flushed to disk before the rename.
 */
export async function applyDelta(oldFilePath: string, deltaPath: string, outPath: string, options: { durable?: boolean } = {}): Promise<AppliedDelta> {
  const { handle: delta, size: deltaSize } = await openRegularFile(deltaPath, 'The delta', 'corrupt-delta');
  try {
    const header = await readHeader(delta, deltaSize, deltaPath);
    await checkOperations(delta, header, deltaPath);
    const { handle: old, size: oldSize } = await openRegularFile(oldFilePath, 'The old version', 'old-file-mismatch');
    try {
      if (oldSize !== header.oldSize) {
        throw new DeltaError(
          'old-file-mismatch',
          `${oldFilePath} is ${oldSize} bytes long; the delta ${deltaPath} was made from a version of ${header.oldSize} bytes (SHA-256 ${hex(header.oldSha256)}).`,
        );
      }
      return await writeAtomically(outPath, (out) => patch(old, delta, out, header, { oldFilePath, deltaPath }), options.durable ?? false);
    } finally {
      await old.close();
    }
  } finally {
    await delta.close();
  }
}

async function patch(old: FileHandle, delta: FileHandle, out: FileHandle, header: DeltaHeader, paths: { oldFilePath: string; deltaPath: string }): Promise<AppliedDelta> {
  const { deltaPath, oldFilePath } = paths;
  const end = deltaHeaderBytes + header.operationsLength;
  const reader = new RegionReader(delta, deltaHeaderBytes, end, Math.max(deltaReadBufferBytes, copyOperationBytes));
  // Two output buffers: one is written to the new file while the other fills.
  const outputs = [new Uint8Array(Math.max(outputBufferBytes, header.longestOperation)), new Uint8Array(Math.max(outputBufferBytes, header.longestOperation))] as const;
  let output: Uint8Array = outputs[0];
  let writing: Promise<void> = Promise.resolve();
  const newHash = createHash('sha256');
  const operationsHash = createHash('sha256');
  let fill = 0;
  let written = 0;
  let literalBytes = 0;
  let copiedBytes = 0;
  // Copies of consecutive old chunks into consecutive output are read with one read, then each chunk is checked.
  const run: { start: number; oldOffset: number; length: number; chunks: { length: number; hash: Buffer; oldOffset: number }[] } = { start: 0, oldOffset: 0, length: 0, chunks: [] };
  const settle = async (): Promise<void> => {
    if (run.length === 0) return;
    const got = await readAt(old, output, run.start, run.length, run.oldOffset);
    let at = run.start;
    for (const chunk of run.chunks) {
      if (at + chunk.length > run.start + got || !sameBytes(chunkHash(output.subarray(at, at + chunk.length)), chunk.hash)) {
        throw new DeltaError(
          'old-file-mismatch',
          `${oldFilePath} is not the version the delta ${deltaPath} was made from (SHA-256 ${hex(header.oldSha256)}): its ${chunk.length} bytes at offset ${chunk.oldOffset} differ.`,
        );
      }
      at += chunk.length;
    }
    run.length = 0;
    run.chunks = [];
  };
  const writeAll = async (bytes: Uint8Array, position: number): Promise<void> => {
    for (let done = 0; done < bytes.length; ) {
      const { bytesWritten } = await out.write(bytes, done, bytes.length - done, position + done);
      done += bytesWritten;
    }
  };
  const flush = async (): Promise<void> => {
    await settle();
    newHash.update(output.subarray(0, fill));
    await writing;
    writing = writeAll(output.subarray(0, fill), written);
    // Settled at once as well, so a failed write is never an unhandled rejection; it is awaited before the buffer is reused.
    writing.catch(() => undefined);
    written += fill;
    output = output === outputs[0] ? outputs[1] : outputs[0];
    fill = 0;
  };
  const take = async (n: number, what: string): Promise<Uint8Array> => {
    if (!(await reader.need(n))) throw corrupt(deltaPath, `it ends inside ${what}`);
    const bytes = reader.take(n);
    operationsHash.update(bytes);
    return bytes;
  };
  const room = async (length: number, at: number): Promise<void> => {
    if (length === 0 || length > header.longestOperation) throw corrupt(deltaPath, `the operation at byte ${at} is ${length} bytes long`);
    if (written + fill + length > header.newSize) throw corrupt(deltaPath, `the operation at byte ${at} goes past the new size (${header.newSize})`);
    if (fill + length > output.length) await flush();
  };

  try {
    for (let count = 0; count < header.operationCount; count++) {
      const at = reader.position;
      const tag = (await take(1, 'an operation'))[0];
      if (tag === copyOperation) {
        const fields = await take(copyOperationBytes - 1, 'a copy');
        const v = view(fields);
        const oldOffset = readU64(v, 0);
        const length = v.getUint32(8, true);
        const expected = Buffer.from(fields.subarray(12, 12 + chunkHashBytes));
        if (oldOffset === null || oldOffset + length > header.oldSize) throw corrupt(deltaPath, `the copy at byte ${at} reaches past the old size (${header.oldSize})`);
        await room(length, at);
        if (run.length === 0 || run.oldOffset + run.length !== oldOffset || run.start + run.length !== fill) {
          await settle();
          run.start = fill;
          run.oldOffset = oldOffset;
        }
        run.chunks.push({ length, hash: expected, oldOffset });
        run.length += length;
        fill += length;
        copiedBytes += length;
      } else if (tag === literalOperation) {
        const length = view(await take(4, 'a literal')).getUint32(0, true);
        await room(length, at);
        // A literal is at most longestOperation long, which the read buffer may be smaller than: take it in pieces.
        for (let left = length; left > 0; ) {
          const piece = Math.min(left, deltaReadBufferBytes);
          output.set(await take(piece, 'a literal'), fill);
          fill += piece;
          left -= piece;
        }
        literalBytes += length;
      } else {
        throw corrupt(deltaPath, `byte ${at} holds ${tag === undefined ? 'nothing' : `0x${tag.toString(16)}`}, not an operation`);
      }
    }
    await flush();
    await writing;
    if (reader.position !== end) throw corrupt(deltaPath, `${end - reader.position} bytes follow its last operation`);
    if (!sameBytes(operationsHash.digest().subarray(0, 16), header.operationsSha256)) throw corrupt(deltaPath, 'its operations changed while it was applied');
    if (literalBytes !== header.literalBytes || copiedBytes !== header.copiedBytes) throw corrupt(deltaPath, 'its operations do not add up to the literal and copied bytes of its header');
    const sha256 = newHash.digest();
    if (written !== header.newSize || !sameBytes(sha256, header.newSha256)) {
      throw new DeltaError('new-file-mismatch', `Applying ${deltaPath} to ${oldFilePath} made ${written} bytes with SHA-256 ${hex(sha256)}; the delta promises ${header.newSize} bytes with SHA-256 ${hex(header.newSha256)}.`);
    }
    return { size: written, sha256, literalBytes, copiedBytes };
  } finally {
    // A write may still be in flight when an operation is refused: let it finish before the file is closed and removed.
    await writing.catch(() => undefined);
  }
}
