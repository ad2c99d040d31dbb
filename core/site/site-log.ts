import { appendFileSync, closeSync, existsSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { formatTraceLine } from '../formats/trace-log';
import type { SiteRoot } from './site-root';

/** smsprov.log for the provider (every request), one file per site component (distmgr.log …). */
export type LogFile = `${string}.log`;

export interface SiteLog {
  write(file: LogFile, component: string, text: string): void;
}

/** The suite's default log size (its tracing MaxFileSize): 2 MB. */
export const defaultLogMaxBytes = 2 * 1024 * 1024;

/** A lock left by a writer that died mid-rotation is taken over after this long. */
const staleRotationLockMs = 10_000;
/** How long a writer waits for another's rotation before it appends anyway (a log may then run a few lines long). */
const rotationWaitMs = 50;
const pause = new Int32Array(new SharedArrayBuffer(4));

export interface SiteLogOptions {
  /** A log reaching this size is renamed to `<name>.lo_` and a new one started. */
  readonly maxBytes?: number;
}

/** distmgr.log → distmgr.lo_: where the full log goes (one generation, as the suite keeps). */
export function rotatedLogName(file: string): string {
  return file.replace(/\.log$/i, '.lo_');
}

/**
 * Renames a full log to its `.lo_` (replacing the last one) so the next line starts a new file.
 * Several processes write the same logs (the CLI, the console, a component's worker thread), so
 * the rename is made under a lock file, and only if the log is still full once the lock is held:
 * a writer that found it full just before another rotated it leaves the new log alone, and no
 * rotation ever replaces the `.lo_` with a log that was not full.
 */
export function rotateIfFull(path: string, incomingBytes: number, maxBytes: number): void {
  if (isFull(path, incomingBytes, maxBytes)) rotateOnceLocked(path, incomingBytes, maxBytes);
}

function isFull(path: string, incomingBytes: number, maxBytes: number): boolean {
  try {
    const { size } = statSync(path);
    return size > 0 && size + incomingBytes > maxBytes;
  } catch {
    return false; // no log yet
  }
}

/**
 * The second half of `rotateIfFull`, for a writer that found the log full: under the lock, and
 * only if the log is full still (another writer may have rotated it since).
 */
export function rotateOnceLocked(path: string, incomingBytes: number, maxBytes: number): void {
  const lock = `${path}.rotating`;
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch {
    // Another writer is rotating: wait a moment for its rename, so this line starts the new log.
    try {
      // The computer's clock, not the site's (tests run sites on a clock of their own).
      if (Date.now() - statSync(lock).mtimeMs > staleRotationLockMs) unlinkSync(lock);
    } catch {
      // gone meanwhile
    }
    for (let waited = 0; waited < rotationWaitMs && existsSync(lock); waited++) Atomics.wait(pause, 0, 0, 1);
    return;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
    if (isFull(path, incomingBytes, maxBytes)) renameSync(path, rotatedLogName(path));
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lock);
    } catch {
      // taken for stale by another writer
    }
  }
}

export function createSiteLog(root: SiteRoot, now: () => Date, options: SiteLogOptions = {}): SiteLog {
  const maxBytes = options.maxBytes ?? defaultLogMaxBytes;
  return {
    write(file, component, text) {
      const path = join(root.logs, file);
      // The thread a line was written on, as its status messages' TID names it, so the viewer can find a message's lines.
      const line = `${formatTraceLine(text, component, now(), threadId)}\r\n`;
      try {
        rotateIfFull(path, Buffer.byteLength(line), maxBytes);
      } catch {
        // A log that cannot be rotated (a reader holding it on Windows) grows a little longer.
      }
      try {
        appendFileSync(path, line);
      } catch {
        // A full or read-only log folder must not fail the admin's request; the database is the record.
      }
    },
  };
}
