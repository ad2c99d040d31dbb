import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ContentError, abortedError, type ContentErrorKind } from './content-error';

/**
 * The worker threads that read, hash and write package files, so the thread that answers the
 * console never spends its time in SHA-256 or in file I/O. Each worker streams a file through one
 * 1 MiB buffer with synchronous calls (memory flat whatever the size; no promise per chunk) and
 * runs one file at a time; two are queued per worker so none waits on the main thread.
 *
 * The worker's code is a plain CommonJS string run with `eval`, so it works unchanged from the
 * sources, under vitest and inside an esbuild bundle, which do not agree on where a worker file is.
 *
 *  hash: checks the file is the regular file the caller listed (size, modification time) before
 *        and after reading it, so a file that changes or goes while it is read is reported.
 *  copy: reads the file once (from the source folder, or its blocks in a compressed package) and
 *        writes it to every destination, hashing as it goes; a destination with a current copy of
 *        the same bytes is hard-linked instead. A write that fails fails only its destination.
 */
const workerSource = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const { brotliDecompressSync } = require('node:zlib');
const abortFlag = new Int32Array(workerData.abort);
const buffer = Buffer.allocUnsafe(1 << 20);
class Refusal extends Error { constructor(kind, message) { super(message); this.kind = kind; } }
const aborted = () => Atomics.load(abortFlag, 0) !== 0;
function closeQuietly(fd) { try { fs.closeSync(fd); } catch {} }
function openSource(path, name) {
  try {
    // O_NONBLOCK: a FIFO put in the file's place after it was listed must not hang the worker.
    return fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    if (error.code === 'ENOENT') throw new Refusal('SOURCE_VANISHED', name + ' went away before it could be read.');
    throw new Refusal('SOURCE_VANISHED', name + ' cannot be read (' + error.code + ').');
  }
}
function* fileChunks(fd, size) {
  let read = 0;
  for (;;) {
    const n = fs.readSync(fd, buffer, 0, buffer.length, read);
    if (n === 0) return;
    read += n;
    yield buffer.subarray(0, n);
    if (read > size) return;
  }
}
function* packageChunks(fd, from, name) {
  let at = from.offset;
  for (const [codec, stored, raw] of from.blocks) {
    const data = stored <= buffer.length ? buffer.subarray(0, stored) : Buffer.allocUnsafe(stored);
    const n = fs.readSync(fd, data, 0, stored, at);
    if (n !== stored) throw new Refusal('BAD_PACKAGE', 'The compressed package ' + from.path + ' ends inside ' + name + '.');
    at += stored;
    let out = data;
    if (codec === 1) {
      try { out = brotliDecompressSync(data, { maxOutputLength: raw }); } catch { out = null; }
    }
    if (out === null || out.length !== raw) throw new Refusal('BAD_PACKAGE', 'A block of ' + name + ' in the compressed package ' + from.path + ' does not decompress to its length.');
    yield out;
  }
}
function hash(task) {
  const { path, size, mtimeMs, name } = task;
  const fd = openSource(path, name);
  try {
    const before = fs.fstatSync(fd);
    if (!before.isFile()) throw new Refusal('UNSUPPORTED_ENTRY', name + ' is no longer a regular file.');
    if (before.size !== size || before.mtimeMs !== mtimeMs) throw new Refusal('SOURCE_CHANGED', name + ' changed after it was listed (size or modification time); read the source again when nothing is writing to it.');
    const h = createHash('sha256');
    let read = 0;
    for (const chunk of fileChunks(fd, size)) {
      if (aborted()) throw new Refusal('ABORTED', 'aborted');
      h.update(chunk);
      read += chunk.length;
    }
    const after = fs.fstatSync(fd);
    let still = null;
    try { still = fs.statSync(path); } catch {}
    if (still === null) throw new Refusal('SOURCE_VANISHED', name + ' was deleted while it was read.');
    if (read !== size || after.size !== size || after.mtimeMs !== mtimeMs || still.ino !== after.ino) {
      throw new Refusal('SOURCE_CHANGED', name + ' changed while it was read (' + size + ' bytes listed, ' + read + ' read); read the source again when nothing is writing to it.');
    }
    return { sha256: h.digest('hex') };
  } finally {
    closeQuietly(fd);
  }
}
function hashOf(path) {
  const fd = fs.openSync(path, 'r');
  try {
    const h = createHash('sha256');
    let at = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, at);
      if (n === 0) return h.digest('hex');
      h.update(buffer.subarray(0, n));
      at += n;
    }
  } finally {
    closeQuietly(fd);
  }
}
function writeAll(fd, chunk) {
  let offset = 0;
  while (offset < chunk.length) offset += fs.writeSync(fd, chunk, offset, chunk.length - offset);
}
function copy(task) {
  const { from, name, size, sha256, mtimeMs, to, fsync } = task;
  const failed = [];
  const linked = [];
  const fds = [];
  const fail = (index, error) => { failed.push({ index, code: error.code || 'EIO', message: error.message }); };
  const resumed = [];
  to.forEach((dest, index) => {
    if (dest.resume) {
      // A staging folder left by a copy that was stopped: a file there with the manifest's size
      // and modification time (set only once it was verified) is kept when its bytes still match.
      let seen = null;
      try { seen = fs.lstatSync(dest.path); } catch {}
      if (seen !== null) {
        if (seen.isFile() && seen.size === size && Math.abs(seen.mtimeMs - mtimeMs) < 1 && hashOf(dest.path) === sha256) { resumed.push(index); return; }
        fs.rmSync(dest.path, { recursive: true, force: true });
      }
    }
    if (dest.linkFrom) {
      try {
        // Same size and the modification time the copy was given: not edited in place since.
        const seen = fs.statSync(dest.linkFrom);
        if (seen.isFile() && seen.size === size && Math.abs(seen.mtimeMs - dest.linkMtimeMs) < 1) { fs.linkSync(dest.linkFrom, dest.path); linked.push(index); return; }
      } catch {}
    }
    try { fds.push({ index, fd: fs.openSync(dest.path, 'wx') }); } catch (error) { fail(index, error); }
  });
  task.openFds = fds;
  // Bytes each destination was given, as the writes answered (a kernel copy: the size it left in
  // the new file), so what a copy reports sending is counted, not taken from the manifest.
  const written = to.map(() => 0);
  if (fds.length === 0) return { failed, linked, resumed, written };
  // 'clone': the source is read and hashed into one destination, and the others are copied from
  // it in the kernel (copy_file_range through copyFileSync) once it matches the manifest. A file
  // of one chunk is written to every destination all the same: its bytes are already in memory,
  // and a kernel copy would cost more calls than it saves. 'write': every chunk to every destination.
  const clone = task.fanOut === 'clone' && size > buffer.length;
  const when = mtimeMs / 1000;
  for (;;) {
    const live = fds.filter((entry) => entry.fd !== null);
    if (live.length === 0) return { failed, linked, resumed, written };
    const primary = live[0];
    const streamed = clone ? [primary] : live;
    streamInto(task, streamed, fail, written);
    if (primary.fd === null && clone) continue; // the primary could not be written: the next one streams
    for (const entry of live) {
      if (entry.fd === null) continue;
      try {
        if (clone && entry !== primary) { fs.copyFileSync(to[primary.index].path, to[entry.index].path); written[entry.index] = fs.fstatSync(entry.fd).size; }
        fs.futimesSync(entry.fd, when, when);
        if (fsync) fs.fsyncSync(entry.fd);
      } catch (error) { fail(entry.index, error); closeQuietly(entry.fd); entry.fd = null; }
    }
    for (const entry of fds) if (entry.fd !== null) closeQuietly(entry.fd);
    return { failed, linked, resumed, written };
  }
}
function streamInto(task, entries, fail, written) {
  const { from, name, size, sha256 } = task;
  let source = null;
  try {
    source = openSource(from.path, name);
    const h = createHash('sha256');
    let read = 0;
    const chunks = from.kind === 'file' ? fileChunks(source, size) : packageChunks(source, from, name);
    let unreported = 0;
    for (const chunk of chunks) {
      if (aborted()) throw new Refusal('ABORTED', 'aborted');
      read += chunk.length;
      // A large file reports its progress as it goes, every 8 MiB.
      unreported += chunk.length;
      if (unreported >= 8 << 20) { parentPort.postMessage({ id: task.id, progress: unreported }); unreported = 0; }
      if (read > size) break;
      h.update(chunk);
      for (const entry of entries) {
        if (entry.fd === null) continue;
        try { writeAll(entry.fd, chunk); written[entry.index] += chunk.length; } catch (error) { fail(entry.index, error); closeQuietly(entry.fd); entry.fd = null; }
      }
    }
    if (read !== size) throw new Refusal('HASH_MISMATCH', name + ' in ' + from.description + ' is ' + (read > size ? 'longer' : 'shorter') + ' than the manifest says (' + size + ' bytes): the source changed since its manifest was made.');
    if (h.digest('hex') !== sha256) throw new Refusal('HASH_MISMATCH', name + ' in ' + from.description + ' does not match its SHA-256 in the manifest: the source changed since its manifest was made, or the bytes were damaged on the way.');
  } catch (error) {
    for (const entry of task.openFds) if (entry.fd !== null) { closeQuietly(entry.fd); entry.fd = null; }
    throw error;
  } finally {
    if (source !== null) closeQuietly(source);
  }
}
parentPort.on('message', (task) => {
  try {
    if (aborted()) throw new Refusal('ABORTED', 'aborted');
    parentPort.postMessage({ id: task.id, value: task.op === 'hash' ? hash(task) : copy(task) });
  } catch (error) {
    parentPort.postMessage({ id: task.id, kind: error.kind || 'SOURCE_VANISHED', message: error.kind ? error.message : task.name + ' could not be read to the end (' + (error.code || error.message) + ').' });
  }
});
`;

/** Where a copy reads one file: a file on disk, or its blocks in a compressed package. */
export type SourceLocation =
  | { readonly kind: 'file'; readonly path: string; readonly description: string }
  | { readonly kind: 'package'; readonly path: string; readonly description: string; readonly offset: number; readonly blocks: readonly (readonly [0 | 1, number, number])[] };

export interface HashTask {
  /** The file on disk. */
  readonly path: string;
  /** How errors name it (the path relative to the package root). */
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface CopyTask {
  readonly from: SourceLocation;
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  readonly mtimeMs: number;
  /** Each destination, with the current copy to hard-link when it holds the same bytes. */
  readonly to: readonly { readonly path: string; readonly linkFrom?: string; readonly linkMtimeMs?: number; readonly resume?: boolean }[];
  /** fsync each file written (when the volume is not synced as a whole afterwards). */
  readonly fsync: boolean;
  /** 'clone': read into one destination, then copy_file_range to the others; 'write': write every chunk to every one. */
  readonly fanOut: 'clone' | 'write';
}

export interface CopyOutcome {
  /** Destinations (indexes into `to`) that could not be written, with why. */
  readonly failed: readonly { readonly index: number; readonly code: string; readonly message: string }[];
  /** Destinations hard-linked from their current copy. */
  readonly linked: readonly number[];
  /** Destinations whose file a stopped copy had already written and verified. */
  readonly resumed: readonly number[];
  /** Bytes written to each destination (0 for one linked, resumed or failed). */
  readonly written: readonly number[];
}

interface Pending {
  readonly task: { op: 'hash' | 'copy'; name: string } & object;
  readonly onBytes: ((bytes: number) => void) | undefined;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Reply {
  readonly id: number;
  /** Bytes of a large file copied since the last report; the task goes on. */
  readonly progress?: number;
  readonly value?: unknown;
  readonly kind?: ContentErrorKind;
  readonly message?: string;
}

/**
 * One fewer than the cores, at most two: one on a 2-core machine, where a core is left to the
 * thread that answers the console and runs the component. Measured there (256 MB to 4 targets,
 * 40 small packages to 20, a manifest, one and two threads alternately under a load of 8 to 9),
 * a second thread made no difference beyond the spread between runs; with more cores, two.
 */
export function defaultFileThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

const queuedPerWorker = 2;

export class FileWorkers {
  private readonly load = new Map<Worker, number>();
  private readonly inFlight = new Map<number, { worker: Worker; pending: Pending }>();
  private readonly queue: Pending[] = [];
  private readonly abortFlag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private closed = false;

  constructor(threads = defaultFileThreads()) {
    for (let i = 0; i < Math.max(1, threads); i += 1) {
      const worker = new Worker(workerSource, { eval: true, workerData: { abort: this.abortFlag.buffer } });
      worker.on('message', (reply: Reply) => this.settle(worker, reply));
      worker.on('error', (error) => this.lost(worker, error));
      worker.on('exit', () => this.lost(worker, new Error('A file worker thread stopped.')));
      this.load.set(worker, 0);
    }
  }

  /** How many threads are alive to take work. */
  get size(): number {
    return this.load.size;
  }

  /** Whether more work can be given: not closed, not aborted, a thread left. */
  get usable(): boolean {
    return !this.closed && Atomics.load(this.abortFlag, 0) === 0 && this.load.size > 0;
  }

  hash(task: HashTask): Promise<string> {
    return this.run<{ sha256: string }>({ op: 'hash', ...task }).then((value) => value.sha256);
  }

  /** `onBytes` hears, every 8 MiB, how many more bytes of a large file were copied. */
  copy(task: CopyTask, onBytes?: (bytes: number) => void): Promise<CopyOutcome> {
    return this.run<CopyOutcome>({ op: 'copy', ...task }, onBytes);
  }

  /** Stops every worker at its next chunk; what was queued and what was running rejects with ABORTED. */
  abort(): void {
    Atomics.store(this.abortFlag, 0, 1);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(abortedError());
    const workers = [...this.load.keys()];
    this.load.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private run<T>(task: Pending['task'], onBytes?: (bytes: number) => void): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The file workers are closed.'));
    if (Atomics.load(this.abortFlag, 0) !== 0) return Promise.reject(abortedError());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, onBytes, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (;;) {
      if (this.queue.length === 0) return;
      let best: Worker | null = null;
      for (const [worker, n] of this.load) if (n < queuedPerWorker && (best === null || n < this.load.get(best)!)) best = worker;
      if (best === null) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      this.inFlight.set(id, { worker: best, pending });
      this.load.set(best, this.load.get(best)! + 1);
      best.postMessage({ id, ...pending.task });
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const entry = this.inFlight.get(reply.id);
    if (entry === undefined) return;
    if (reply.progress !== undefined) {
      entry.pending.onBytes?.(reply.progress);
      return;
    }
    this.inFlight.delete(reply.id);
    this.load.set(worker, Math.max(0, this.load.get(worker)! - 1));
    if (reply.kind === undefined) entry.pending.resolve(reply.value);
    else if (reply.kind === 'ABORTED') entry.pending.reject(abortedError());
    else entry.pending.reject(new ContentError(reply.kind, reply.message ?? 'The file could not be read.', entry.pending.task.name));
    this.pump();
  }

  /** A worker that died takes its tasks with it; the others go on, and with none left everything fails. */
  private lost(worker: Worker, error: Error): void {
    if (!this.load.delete(worker)) return;
    for (const [id, entry] of this.inFlight) {
      if (entry.worker !== worker) continue;
      this.inFlight.delete(id);
      entry.pending.reject(error);
    }
    if (this.load.size === 0) this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const pending of this.queue.splice(0)) pending.reject(error);
    for (const [id, entry] of this.inFlight) {
      this.inFlight.delete(id);
      entry.pending.reject(error);
    }
  }
}
