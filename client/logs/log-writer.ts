import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { formatCmtraceLine, type CmtraceType } from './cmtrace-line';

/** The client's logs this writer keeps, as the suite names them. */
export const clientLogs = {
  execmgr: { file: 'execmgr.log', component: 'execmgr' },
  cas: { file: 'cas.log', component: 'ContentAccess' },
  policyagent: { file: 'policyagent.log', component: 'PolicyAgent' },
} as const;
export type ClientLogName = keyof typeof clientLogs;

/** The suite's default bound for a client log. */
export const defaultMaxLogBytes = 250 * 1024;
const minLogBytes = 4096;
const truncated = ' … (cut to fit the log size)';

export interface LogWriterOptions {
  /** The client's log folder; made at the first line. */
  readonly folder: string;
  /** A log past this many bytes is renamed to `.lo_` (replacing the previous one) and started again. */
  readonly maxBytes?: number;
  readonly now?: () => Date;
  readonly thread?: number;
  /** A line that could not be written (full disk, no permission): a log must never stop the agent. */
  readonly onError?: (error: unknown, log: ClientLogName) => void;
}

/**
 * Appends CMTrace lines to the client's logs, each bounded in size with one previous file
 * (`execmgr.log` → `execmgr.lo_`). Every write is synchronous (one stat, at most one rename, one
 * append of a whole line), so any number of writers in one thread of a process, on the same
 * files, never interleave half lines or rotate twice; other threads hand their lines to one.
 */
export class LogWriter {
  readonly #folder: string;
  readonly #maxBytes: number;
  readonly #now: () => Date;
  readonly #thread: number;
  readonly #onError: (error: unknown, log: ClientLogName) => void;
  #madeFolder = false;

  constructor(options: LogWriterOptions) {
    const maxBytes = options.maxBytes ?? defaultMaxLogBytes;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < minLogBytes) throw new Error(`maxBytes ${String(maxBytes)} is not a whole number of bytes from ${minLogBytes}.`);
    this.#folder = options.folder;
    this.#maxBytes = maxBytes;
    this.#now = options.now ?? (() => new Date());
    this.#thread = options.thread ?? threadId;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** The path of a log, for the agent's "where are the logs" answers and for tests. */
  pathOf(log: ClientLogName): string {
    return join(this.#folder, clientLogs[log].file);
  }

  /** Writes one line; answers whether it was written. */
  write(log: ClientLogName, text: string, type: CmtraceType = 1, component: string = clientLogs[log].component): boolean {
    if (!Object.hasOwn(clientLogs, log)) throw new Error(`log ${JSON.stringify(log)} is not one of ${Object.keys(clientLogs).join(', ')}.`);
    try {
      const line = this.#fit(text, component, type);
      const path = this.pathOf(log);
      if (!this.#madeFolder) {
        mkdirSync(this.#folder, { recursive: true });
        this.#madeFolder = true;
      }
      const size = sizeOf(path);
      if (size > 0 && size + line.length > this.#maxBytes) renameSync(path, path.replace(/\.log$/u, '.lo_'));
      appendFileSync(path, line);
      return true;
    } catch (error) {
      this.#onError(error, log);
      return false;
    }
  }

  info(log: ClientLogName, text: string): boolean {
    return this.write(log, text, 1);
  }
  warning(log: ClientLogName, text: string): boolean {
    return this.write(log, text, 2);
  }
  error(log: ClientLogName, text: string): boolean {
    return this.write(log, text, 3);
  }

  /** The line's bytes, its text cut so that one line alone never exceeds the bound. */
  #fit(text: string, component: string, type: CmtraceType): Buffer {
    const at = this.#now();
    const build = (body: string) => Buffer.from(`${formatCmtraceLine(body, component, at, this.#thread, type)}\r\n`);
    const whole = build(text);
    if (whole.length <= this.#maxBytes) return whole;
    // The longest start of the text that fits with the mark (escapes and UTF-8 make bytes and characters differ).
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (build(text.slice(0, middle) + truncated).length <= this.#maxBytes) low = middle;
      else high = middle - 1;
    }
    const line = build(text.slice(0, low) + truncated);
    return line;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
