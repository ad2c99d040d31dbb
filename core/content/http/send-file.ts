import { readSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Answer = ServerResponse<IncomingMessage>;

/** One read and one socket write per MiB: smaller writes wait on the peer's ACKs once per chunk, which cost a 1 MiB range (a BITS request) most of its time here. */
const readChunkBytes = 1024 * 1024;

/** Until the socket takes more (drain) or the client is gone; false when gone. */
function drained(res: Answer, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (more: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onGone);
      signal.removeEventListener('abort', onGone);
      resolve(more);
    };
    const onDrain = () => done(true);
    const onGone = () => done(false);
    res.on('drain', onDrain);
    res.on('close', onGone);
    signal.addEventListener('abort', onGone);
  });
}

/**
 * Sends bytes start..end of the open file, a chunk at a time, reading the next only when the
 * socket has taken the last (backpressure): memory per client is one chunk whatever the file's
 * size, and a client that stops reading costs nothing but its connection. A file that ends early
 * (truncated under the service) ends the connection without completing the body, so the client
 * sees a short answer, never other bytes under this ETag.
 */
export async function pump(fd: number, start: number, end: number, res: Answer, signal: AbortSignal): Promise<void> {
  let position = start;
  while (position <= end) {
    if (signal.aborted || res.destroyed) return;
    const size = Math.min(readChunkBytes, end - position + 1);
    const chunk = takeChunk();
    const read = readSync(fd, chunk, 0, size, position);
    if (read === 0) {
      res.destroy();
      return;
    }
    position += read;
    const bytes = read === chunk.length ? chunk : chunk.subarray(0, read);
    // The chunk goes back to the pool once the socket has it: written, it is the kernel's copy that is sent.
    const back = (error?: Error | null) => {
      if (!error) giveChunk(chunk);
    };
    if (position > end) {
      res.end(bytes, back);
      return;
    }
    if (!res.write(bytes, back) && !(await drained(res, signal))) return;
  }
  res.end();
}

/** Read buffers, reused: a fresh MiB for every chunk costs page faults and garbage collection at every download. */
const chunkPool: Buffer[] = [];
const maxPooledChunks = 64;

function takeChunk(): Buffer {
  return chunkPool.pop() ?? Buffer.allocUnsafeSlow(readChunkBytes);
}

function giveChunk(chunk: Buffer): void {
  if (chunkPool.length < maxPooledChunks) chunkPool.push(chunk);
}
