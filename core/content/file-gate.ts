import { CourierError } from '../api';

/**
 * Every file operation the console asks of the site server (list a folder, check a source
 * directory, read a definition or an .msi) runs through a gate, for two reasons:
 *
 * - Node runs file system calls on libuv's small thread pool (4 threads unless
 *   UV_THREADPOOL_SIZE says otherwise). A call on a hung network mount never returns and holds
 *   its thread for good; four of them and every later file, DNS or zlib call of the process
 *   waits forever. The gate lets at most half the pool work for the console at once, so stuck
 *   calls can pin those threads but never the rest.
 * - Nothing can cancel a stuck call, but the request can stop waiting: every operation has a
 *   time limit and fails with a clear error when it passes. Its slot stays taken until the call
 *   really returns, so the limit above stays true.
 */
export interface FileGateOptions {
  /** How many operations may run at once. */
  readonly slots: number;
  /** How long one request may wait for a slot and its operation together. */
  readonly timeoutMs: number;
}

/** A job's time limit: long jobs call check() between steps so a late one stops at its next step. */
export class Deadline {
  private readonly expiresAt: number;
  constructor(
    readonly timeoutMs: number,
    private readonly onExpired: () => CourierError,
  ) {
    this.expiresAt = performance.now() + timeoutMs;
  }

  remainingMs(): number {
    return Math.max(0, this.expiresAt - performance.now());
  }

  check(): void {
    if (this.remainingMs() === 0) throw this.onExpired();
  }
}

function defaultSlots(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE);
  const size = Number.isInteger(pool) && pool > 0 ? pool : 4;
  return Math.max(1, Math.floor(size / 2));
}

const defaultTimeoutMs = 20_000;

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} seconds` : `${ms} ms`;
}

interface Waiter {
  readonly start: () => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class FileGate {
  readonly slots: number;
  readonly timeoutMs: number;
  private readonly running = new Map<number, string>();
  private readonly waiting: Waiter[] = [];
  private nextId = 0;

  constructor(options: Partial<FileGateOptions> = {}) {
    this.slots = options.slots ?? defaultSlots();
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  }

  /** Operations holding a slot now, late ones included. */
  get busy(): number {
    return this.running.size;
  }

  /**
   * Runs `job` on `path` (named in errors, which point at `field`) when a slot is free, within
   * the time limit. The job's promise is followed to its end even after the limit, to free its slot.
   */
  async run<T>(path: string, field: string, job: (deadline: Deadline) => Promise<T>): Promise<T> {
    const deadline = new Deadline(this.timeoutMs, () => this.timedOut(path, field));
    const id = await this.acquire(path, field, deadline);
    const work = job(deadline).finally(() => this.release(id));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(this.timedOut(path, field)), deadline.remainingMs());
    });
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
      work.catch(() => undefined); // a late failure has no one left to tell
    }
  }

  private take(path: string): number {
    const id = this.nextId++;
    this.running.set(id, path);
    return id;
  }

  private release(id: number): void {
    this.running.delete(id);
    // The freed slot goes straight to the first waiter, so no newcomer can overtake it.
    this.waiting.shift()?.start();
  }

  private acquire(path: string, field: string, deadline: Deadline): Promise<number> {
    if (this.running.size < this.slots && this.waiting.length === 0) return Promise.resolve(this.take(path));
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve(this.take(path));
        },
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at !== -1) this.waiting.splice(at, 1);
          reject(this.stillBusy(path, field));
        }, deadline.remainingMs()),
      };
      this.waiting.push(waiter);
    });
  }

  private timedOut(path: string, field: string): CourierError {
    return new CourierError(
      'SOURCE_UNREADABLE',
      `The site server gave up on ${path} after ${seconds(this.timeoutMs)}: it did not answer (a slow or hung network mount?). Check it on the site server and try again.`,
      field,
    );
  }

  private stillBusy(path: string, field: string): CourierError {
    const stuck = [...new Set(this.running.values())];
    return new CourierError(
      'SOURCE_UNREADABLE',
      `The site server could not start reading ${path} within ${seconds(this.timeoutMs)}: it is still waiting for ${this.running.size} earlier file operation(s) that have not answered` +
        ` (on ${stuck.slice(0, 3).join(', ')}). Check those paths on the site server, then try again.`,
      field,
    );
  }
}

/** The site server's gate: one per process, as the thread pool is. */
export const siteFileGate = new FileGate();
