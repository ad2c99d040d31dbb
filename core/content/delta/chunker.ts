import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { boundaryMasks, gearTable, type ChunkingParameters } from './chunking-parameters';

/** Bytes of SHA-256 kept per chunk: 128 bits, so an accidental match is not a practical risk; each patched file is checked whole anyway. */
export const chunkHashBytes = 16;

export function chunkHash(chunk: Uint8Array): Buffer {
  return createHash('sha256').update(chunk).digest().subarray(0, chunkHashBytes);
}

/**
 * The length of the chunk that starts at `start`. `end` must be the end of the data or at least
 * `max` bytes past `start`: a boundary depends only on the bytes of its own chunk, which is what
 * keeps boundaries in place when bytes are inserted or deleted earlier in the file. The gear hash
 * needs no window of its own: after 32 shifts a byte has left the 32-bit hash.
 */
export function nextChunkLength(data: Uint8Array, start: number, end: number, p: ChunkingParameters, masks = boundaryMasks(p.avg)): number {
  let n = end - start;
  if (n <= p.min) return n;
  if (n > p.max) n = p.max;
  const normal = start + (p.avg < n ? p.avg : n);
  const last = start + n;
  const gear = gearTable;
  const { strict, loose } = masks;
  let hash = 0;
  let i = start + p.min;
  for (; i < normal; i++) {
    hash = ((hash << 1) + gear[data[i]!]!) | 0;
    if ((hash & strict) === 0) return i - start + 1;
  }
  for (; i < last; i++) {
    hash = ((hash << 1) + gear[data[i]!]!) | 0;
    if ((hash & loose) === 0) return i - start + 1;
  }
  return n;
}

/** Every chunk's length of data held in memory (tests and small inputs; files go through scanChunks). */
export function chunkLengths(data: Uint8Array, p: ChunkingParameters): number[] {
  const masks = boundaryMasks(p.avg);
  const lengths: number[] = [];
  for (let start = 0; start < data.length; ) {
    const n = nextChunkLength(data, start, data.length, p, masks);
    lengths.push(n);
    start += n;
  }
  return lengths;
}

export interface ScannedFile {
  readonly size: number;
  readonly sha256: Buffer;
}

/** Reads are this large (or twice the largest chunk): few system calls, and the buffer is the only memory a scan holds. */
const readBufferBytes = 4 * 1024 * 1024;

/**
 * Reads an open file once from its start, calling `onChunk` with each content-defined chunk in
 * order and hashing the whole file on the way. The chunk is a view into the read buffer, valid
 * only until `onChunk` returns (or its promise settles). Memory stays at one buffer whatever the
 * file size.
 */
export async function scanChunks(
  handle: FileHandle,
  p: ChunkingParameters,
  onChunk: (chunk: Uint8Array, offset: number) => void | Promise<void>,
): Promise<ScannedFile> {
  const masks = boundaryMasks(p.avg);
  const buffer = new Uint8Array(Math.max(readBufferBytes, 2 * p.max));
  const whole: Hash = createHash('sha256');
  let filled = 0;
  let position = 0;
  /** The file offset of buffer[0]. */
  let base = 0;
  let fileOffset = 0;
  let atEnd = false;
  for (;;) {
    if (!atEnd && filled - position < p.max) {
      if (position > 0) {
        buffer.copyWithin(0, position, filled);
        base += position;
        filled -= position;
        position = 0;
      }
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, fileOffset);
        if (bytesRead === 0) {
          atEnd = true;
          break;
        }
        whole.update(buffer.subarray(filled, filled + bytesRead));
        filled += bytesRead;
        fileOffset += bytesRead;
      }
    }
    if (position === filled) break;
    const n = nextChunkLength(buffer, position, filled, p, masks);
    await onChunk(buffer.subarray(position, position + n), base + position);
    position += n;
  }
  return { size: fileOffset, sha256: whole.digest() };
}
