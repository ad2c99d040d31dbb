import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { boundaryMasks, gearTable, type ChunkingParameters } from './chunking-parameters';
import { readAt } from './file-reads';
import { cutChunks } from './gear-wasm';

/** Bytes of SHA-256 kept per chunk: 128 bits, so an accidental match is not a practical risk; each patched file is checked whole anyway. */
export const chunkHashBytes = 16;

export function chunkHash(chunk: Uint8Array): Buffer {
  return createHash('sha256').update(chunk).digest().subarray(0, chunkHashBytes);
}

/**
 * The length of the chunk that starts at `start` (the reference loop; gear-wasm.ts runs the same
 * one faster). `end` must be the end of the data or at least
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

/** Every chunk's length of data held in memory, through the JavaScript loop: the reference the WebAssembly one is tested against. */
export function chunkLengthsInJavaScript(data: Uint8Array, p: ChunkingParameters): number[] {
  const masks = boundaryMasks(p.avg);
  const lengths: number[] = [];
  for (let start = 0; start < data.length; ) {
    const n = nextChunkLength(data, start, data.length, p, masks);
    lengths.push(n);
    start += n;
  }
  return lengths;
}

/** Every chunk's length of data held in memory (tests and small inputs; files go through scanChunks). */
export function chunkLengths(data: Uint8Array, p: ChunkingParameters): number[] {
  return cutChunks(data, 0, data.length, true, p).lengths;
}

export interface ScannedFile {
  readonly size: number;
  readonly sha256: Buffer;
}

/** Each read asks for this much: few system calls, and two such buffers are all the memory a scan holds. */
const readBytes = 4 * 1024 * 1024;

/**
 * Reads an open file once from its start, calling `onChunk` with each content-defined chunk in
 * order and hashing the whole file on the way. The chunk is a view into a read buffer, valid only
 * until `onChunk` returns (or its promise settles). Memory stays at two buffers whatever the file
 * size: the next read runs while the current buffer is cut and hashed, and the unfinished tail of
 * one buffer (less than a chunk) is copied in front of the data of the next.
 */
export async function scanChunks(
  handle: FileHandle,
  p: ChunkingParameters,
  onChunk: (chunk: Uint8Array, offset: number) => void | Promise<void>,
): Promise<ScannedFile> {
  const masks = boundaryMasks(p.avg);
  // Each buffer holds up to `p.max` bytes of carried tail, then one read.
  const buffers = [new Uint8Array(p.max + readBytes), new Uint8Array(p.max + readBytes)] as const;
  const whole: Hash = createHash('sha256');
  let fileOffset = 0;
  let current = 0;
  // Whole reads (readAt loops over short ones, which a network share may give): only the read that meets the end of the file comes back short.
  let pending = readAt(handle, buffers[0], p.max, readBytes, 0);
  /** Where the carried tail starts in the current buffer. */
  let start = p.max;
  try {
    for (;;) {
      const buffer = buffers[current]!;
      const bytesRead = await pending;
      const atEnd = bytesRead === 0;
      const end = p.max + bytesRead;
      whole.update(buffer.subarray(p.max, end));
      /** The file offset of buffer[p.max]. */
      const base = fileOffset;
      fileOffset += bytesRead;
      const next = buffers[1 - current]!;
      if (!atEnd) pending = readAt(handle, next, p.max, readBytes, fileOffset);
      // Cut while a whole chunk's worth is in hand (so the tail left is shorter than p.max); at the end of the file, cut everything.
      const { lengths } = cutChunks(buffer, start, end, atEnd, p, masks);
      let position = start;
      for (const n of lengths) {
        await onChunk(buffer.subarray(position, position + n), base + position - p.max);
        position += n;
      }
      if (atEnd) break;
      start = p.max - (end - position);
      next.set(buffer.subarray(position, end), start);
      current = 1 - current;
    }
  } finally {
    // A read may still be filling the other buffer when onChunk fails: let it finish before the caller closes the file.
    await pending.catch(() => undefined);
  }
  return { size: fileOffset, sha256: whole.digest() };
}
