import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ContentError, abortedError, type ContentErrorKind } from './content-error';

/**
 * Hashes files in worker threads so the thread that answers the console never spends its time in
 * SHA-256. Each worker streams its file through a 1 MiB buffer (memory stays flat whatever the
 * size) and checks, before and after, that the file is the regular file the caller saw: same
 * size, same modification time, still there. The worker's code is a plain CommonJS string run with
 * `eval`, so it works unchanged from the sources, under vitest and inside an esbuild bundle,
 * none of which agree on where a worker file would be.
 */
const workerSource = String.raw`
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(1 << 20);
function fail(id, kind, message) { parentPort.postMessage({ id, kind, message }); }
parentPort.on('message', async (task) => {
  const { id, path, size, mtimeMs, name } = task;
  let handle;
  try {
    // O_NONBLOCK: a FIFO put in the file's place after it was listed must not hang the worker.
    handle = await fs.promises.open(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    if (error.code === 'ENOENT') return fail(id, 'SOURCE_VANISHED', name + ' went away before it could be read.');
    return fail(id, 'SOURCE_VANISHED', name + ' cannot be read (' + error.code + ').');
  }
  try {
    const before = await handle.stat();
    if (!before.isFile()) return fail(id, 'UNSUPPORTED_ENTRY', name + ' is no longer a regular file.');
    if (before.size !== size || before.mtimeMs !== mtimeMs) return fail(id, 'SOURCE_CHANGED', name + ' changed after it was listed (size or modification time); read the source again when nothing is writing to it.');
    const hash = createHash('sha256');
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, read);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      read += bytesRead;
      if (read > size) break;
    }
    const after = await handle.stat();
    let still;
    try { still = await fs.promises.stat(path); } catch { still = null; }
    if (still === null) return fail(id, 'SOURCE_VANISHED', name + ' was deleted while it was read.');
    if (read !== size || after.size !== size || after.mtimeMs !== mtimeMs || still.ino !== after.ino) {
      return fail(id, 'SOURCE_CHANGED', name + ' changed while it was read (' + size + ' bytes listed, ' + read + ' read); read the source again when nothing is writing to it.');
    }
    parentPort.postMessage({ id, sha256: hash.digest('hex') });
  } catch (error) {
    fail(id, 'SOURCE_VANISHED', name + ' could not be read to the end (' + (error.code || error.message) + ').');
  } finally {
    await handle.close().catch(() => {});
  }
});
`;

export interface HashTask {
  /** The file on disk. */
  readonly path: string;
  /** How errors name it (the path relative to the package root). */
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
}

interface Pending {
  readonly task: HashTask;
  readonly resolve: (sha256: string) => void;
  readonly reject: (error: Error) => void;
}

interface Reply {
  readonly id: number;
  readonly sha256?: string;
  readonly kind?: ContentErrorKind;
  readonly message?: string;
}

/** Two workers on most machines: hashing is bound by the disk as much as by the CPU, and the console shares the cores. */
export function defaultHashThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1, 2));
}

export class HashPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<number, { worker: Worker; pending: Pending }>();
  private readonly queue: Pending[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private closed = false;

  constructor(threads = defaultHashThreads()) {
    for (let i = 0; i < threads; i += 1) {
      const worker = new Worker(workerSource, { eval: true });
      worker.on('message', (reply: Reply) => this.settle(worker, reply));
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  hash(task: HashTask, signal?: AbortSignal): Promise<string> {
    if (this.closed) return Promise.reject(new Error('The hash pool is closed.'));
    if (signal?.aborted === true) return Promise.reject(abortedError());
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(abortedError());
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      this.busy.set(id, { worker, pending });
      worker.postMessage({ id, ...pending.task });
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const entry = this.busy.get(reply.id);
    if (entry === undefined) return;
    this.busy.delete(reply.id);
    this.idle.push(worker);
    if (reply.sha256 !== undefined) entry.pending.resolve(reply.sha256);
    else entry.pending.reject(new ContentError(reply.kind ?? 'SOURCE_VANISHED', reply.message ?? 'The file could not be hashed.', entry.pending.task.name));
    this.pump();
  }

  private failAll(error: Error): void {
    for (const pending of this.queue.splice(0)) pending.reject(error);
    for (const [id, entry] of this.busy) {
      this.busy.delete(id);
      entry.pending.reject(error);
    }
  }
}
