import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { DeltaError, type DeltaErrorReason } from './delta-error';

// O_NONBLOCK: a FIFO in a file's place cannot block the open; it is then refused as not a regular file.
const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Opens a regular file for reading; anything else (a folder, a FIFO, a device) is refused with `reason`. */
export async function openRegularFile(path: string, what: string, reason: DeltaErrorReason): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(path, readFlags);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new DeltaError(reason, `${what} ${path} is not a regular file.`);
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Reads `length` bytes at `position` into `target[at…]`, looping over short reads; answers how many were there (fewer only at the end of the file). */
export async function readAt(handle: FileHandle, target: Uint8Array, at: number, length: number, position: number): Promise<number> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(target, at + done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/**
 * Sequential reads of a region of a file through one buffer, for parsing a stream of records
 * whose longest record is known: `need(n)` makes n bytes available at `bytes[offset…]`.
 */
export class RegionReader {
  private readonly buffer: Uint8Array;
  private start = 0;
  private end = 0;
  /** The file position of buffer[end]. */
  private next: number;

  constructor(
    private readonly handle: FileHandle,
    from: number,
    private readonly until: number,
    bufferBytes: number,
  ) {
    this.buffer = new Uint8Array(bufferBytes);
    this.next = from;
  }

  /** The file position of the next unread byte. */
  get position(): number {
    return this.next - (this.end - this.start);
  }

  /** Makes `n` (at most the buffer's size) bytes available; false when the region ends first. */
  async need(n: number): Promise<boolean> {
    if (this.end - this.start >= n) return true;
    if (n > this.buffer.length) throw new RangeError(`a record of ${n} bytes is larger than the read buffer`);
    this.buffer.copyWithin(0, this.start, this.end);
    this.end -= this.start;
    this.start = 0;
    while (this.end < n && this.next < this.until) {
      const want = Math.min(this.buffer.length - this.end, this.until - this.next);
      const got = await readAt(this.handle, this.buffer, this.end, want, this.next);
      if (got === 0) break;
      this.end += got;
      this.next += got;
    }
    return this.end - this.start >= n;
  }

  /** The next `n` bytes, made available by need(n); a view valid until the next need(). */
  take(n: number): Uint8Array {
    const bytes = this.buffer.subarray(this.start, this.start + n);
    this.start += n;
    return bytes;
  }
}
