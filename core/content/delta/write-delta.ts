import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { view, writeU64 } from './binary-fields';
import { writeAtomically } from './atomic-file';
import { chunkHash, chunkHashBytes, scanChunks } from './chunker';
import { copyOperation, copyOperationBytes, deltaHeaderBytes, encodeDeltaHeader, literalOperation, literalOperationHeadBytes } from './delta-format';
import { SignatureBuilder, type FileSignature } from './signature-format';
import { writeSignatureFile } from './signature-file';
import { openRegularFile } from './file-reads';

export interface DeltaSummary {
  readonly newSize: number;
  readonly newSha256: Buffer;
  /** New bytes carried in the delta: what a distribution point receives beyond the delta's operations. */
  readonly literalBytes: number;
  /** Bytes the distribution point takes from its old copy. */
  readonly copiedBytes: number;
  /** The delta file's size: what is sent instead of `newSize` bytes. */
  readonly deltaBytes: number;
  readonly operationCount: number;
  /** The new file's signature, for the next update (written too when `newSignaturePath` was given). */
  readonly newSignature: FileSignature;
}

/**
 * Old chunks by hash and length, to their offset in the old file (the first, when a chunk
 * repeats), and the other way: the key of the old chunk that starts at each offset.
 */
function indexOf(signature: FileSignature): { byKey: Map<string, number>; byOffset: Map<number, string> } {
  const byKey = new Map<string, number>();
  const byOffset = new Map<number, string>();
  let offset = 0;
  for (let i = 0; i < signature.lengths.length; i++) {
    const length = signature.lengths[i]!;
    const key = keyOf(signature.hashes.subarray(i * chunkHashBytes, (i + 1) * chunkHashBytes), length);
    if (!byKey.has(key)) byKey.set(key, offset);
    byOffset.set(offset, key);
    offset += length;
  }
  return { byKey, byOffset };
}

function keyOf(hash: Uint8Array, length: number): string {
  return `${Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('latin1')}${length}`;
}

const outputBufferBytes = 1024 * 1024;

/** Operations go out through one buffer, hashed on the way; long literals are written straight from the read buffer. */
class OperationWriter {
  private readonly buffer = new Uint8Array(outputBufferBytes);
  private fill = 0;
  private position = deltaHeaderBytes;
  readonly hash = createHash('sha256');

  constructor(private readonly handle: FileHandle) {}

  get length(): number {
    return this.position + this.fill - deltaHeaderBytes;
  }

  async copy(oldOffset: number, length: number, hash: Uint8Array): Promise<void> {
    if (this.fill + copyOperationBytes > this.buffer.length) await this.flush();
    const v = view(this.buffer);
    this.buffer[this.fill] = copyOperation;
    writeU64(v, this.fill + 1, oldOffset);
    v.setUint32(this.fill + 9, length, true);
    this.buffer.set(hash.subarray(0, chunkHashBytes), this.fill + 13);
    this.fill += copyOperationBytes;
  }

  async literal(bytes: Uint8Array): Promise<void> {
    if (this.fill + literalOperationHeadBytes + bytes.length > this.buffer.length) await this.flush();
    this.buffer[this.fill] = literalOperation;
    view(this.buffer).setUint32(this.fill + 1, bytes.length, true);
    this.fill += literalOperationHeadBytes;
    if (this.fill + bytes.length <= this.buffer.length) {
      this.buffer.set(bytes, this.fill);
      this.fill += bytes.length;
      return;
    }
    await this.flush();
    await this.write(bytes);
  }

  async flush(): Promise<void> {
    await this.write(this.buffer.subarray(0, this.fill));
    this.fill = 0;
  }

  private async write(bytes: Uint8Array): Promise<void> {
    this.hash.update(bytes);
    for (let done = 0; done < bytes.length; ) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, this.position);
      done += bytesWritten;
      this.position += bytesWritten;
    }
  }
}

/**
 * Plans and writes the delta from the old version (known by its signature) to the file at
 * `newFilePath`, in one read of the new file: chunks found in the old version become copies, the
 * others literals. The delta is written atomically; with `newSignaturePath` the new file's
 * signature is written too, from the same read.
 */
export async function writeDelta(oldSignature: FileSignature, newFilePath: string, deltaPath: string, options: { newSignaturePath?: string } = {}): Promise<DeltaSummary> {
  const index = indexOf(oldSignature);
  const builder = new SignatureBuilder(oldSignature.chunking);
  const { handle: source } = await openRegularFile(newFilePath, 'The new version', 'unsupported');
  let summary: DeltaSummary;
  try {
    summary = await writeAtomically(
      deltaPath,
      async (handle) => {
        const operations = new OperationWriter(handle);
        let literalBytes = 0;
        let operationCount = 0;
        let newOffset = 0;
        const scanned = await scanChunks(source, oldSignature.chunking, async (chunk) => {
          const hash = chunkHash(chunk);
          builder.add(chunk.length, hash);
          const key = keyOf(hash, chunk.length);
          // A chunk that repeats (text, padding) is copied from where it already is when it is
          // there in the old file too: patched in place, such a copy writes nothing.
          const oldOffset = index.byOffset.get(newOffset) === key ? newOffset : index.byKey.get(key);
          newOffset += chunk.length;
          operationCount++;
          if (oldOffset === undefined) {
            literalBytes += chunk.length;
            await operations.literal(chunk);
          } else {
            await operations.copy(oldOffset, chunk.length, hash);
          }
        });
        await operations.flush();
        const header = encodeDeltaHeader({
          longestOperation: oldSignature.chunking.max,
          oldSize: oldSignature.size,
          newSize: scanned.size,
          operationsLength: operations.length,
          operationCount,
          literalBytes,
          copiedBytes: scanned.size - literalBytes,
          oldSha256: oldSignature.sha256,
          newSha256: scanned.sha256,
          operationsSha256: operations.hash.digest(),
        });
        for (let done = 0; done < header.length; ) done += (await handle.write(header, done, header.length - done, done)).bytesWritten;
        return {
          newSize: scanned.size,
          newSha256: scanned.sha256,
          literalBytes,
          copiedBytes: scanned.size - literalBytes,
          deltaBytes: deltaHeaderBytes + operations.length,
          operationCount,
          newSignature: builder.finish(scanned.size, scanned.sha256),
        };
      },
      true,
    );
  } finally {
    await source.close();
  }
  if (options.newSignaturePath !== undefined) await writeSignatureFile(options.newSignaturePath, summary.newSignature);
  return summary;
}
