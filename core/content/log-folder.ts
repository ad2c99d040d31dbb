import { constants } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { CourierError, logNameProblem, type LogRecordDto } from '../api';
import { LogParser, type LogRecord } from '../formats/logs';
import { decodeWindows1252 } from '../formats/package-definition/windows-1252';

/**
 * The site's logs folder (SMS\Logs) read for the log viewer: files by name only, each read from a
 * byte offset up to a bound, ending on a whole line so a line the writer is still writing is left
 * for the next read. A position names the file by its inode, so a log renamed to its .lo_ and
 * started again (docs/logs.md#log-viewer) is noticed, and the rest of the old file read from the .lo_.
 */

/** Where a read of one log stopped. `line` is the line number at `offset`; 0 when it is not known. */
export interface LogPosition {
  readonly file: string;
  readonly offset: number;
  readonly line: number;
}

export interface LogEntry {
  readonly record: LogRecordDto;
  /** The position just after this record: a cursor ending here reads on from the next one. */
  readonly end: LogPosition;
}

export interface LogChunkRead {
  readonly entries: readonly LogEntry[];
  /** Where the read started (after a rotation: the new file's start); the cursor when nothing is taken. */
  readonly start: LogPosition;
  /** Bytes are left past the last entry that this read did not reach (a bound stopped it). */
  readonly more: boolean;
  readonly rotated: boolean;
  readonly missing: boolean;
}

export interface LogFileFacts {
  readonly name: string;
  readonly size: number;
  readonly modified: Date;
}

type Encoding = 'utf8' | 'utf16le' | 'utf16be';

interface OpenLog {
  readonly handle: FileHandle;
  readonly file: string;
  readonly size: number;
  readonly encoding: Encoding;
  readonly bom: number;
}

// O_NONBLOCK: a FIFO put in a log's place cannot block the open; O_NOFOLLOW: the real path is opened, not a link swapped in.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** A site log line is short; a tail starts with this much and grows to find enough records. */
const firstTailBytes = 256 * 1024;
export const maxTailBytes = 4 * 1024 * 1024;
/** Lines are numbered from a log's start when a tail has at most this much before it to count. */
const maxCountedBytes = 32 * 1024 * 1024;

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

export function rotatedNameOf(name: string): string | null {
  return /\.log$/i.test(name) ? name.replace(/\.log$/i, '.lo_') : null;
}

function checkName(name: string): void {
  const problem = logNameProblem(name);
  if (problem !== null) throw new CourierError('VALIDATION_FAILED', problem, 'names');
}

/**
 * Opens a log of the folder by name, or null when there is none. Refused: a link whose target is
 * outside the folder, and anything that is not a regular file (a FIFO, a device, a folder).
 */
async function openLog(folder: string, name: string): Promise<OpenLog | null> {
  checkName(name);
  let real: string;
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
    real = await realpath(join(folder, name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new CourierError('SOURCE_UNREADABLE', `Courier cannot open the log ${name} (${code ?? 'error'}).`, 'names');
  }
  if (!isInside(realFolder, real)) throw new CourierError('FORBIDDEN', `${name} leads out of the site's logs folder; only its own logs are read.`, 'names');
  let handle: FileHandle;
  try {
    handle = await open(real, openFlags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new CourierError('SOURCE_UNREADABLE', `Courier cannot open the log ${name} (${code ?? 'error'}).`, 'names');
  }
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) throw new CourierError('VALIDATION_FAILED', `${name} is not a regular file, so it is no log to read.`, 'names');
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    const encoding: Encoding = bytesRead === 2 && head[0] === 0xff && head[1] === 0xfe ? 'utf16le' : bytesRead === 2 && head[0] === 0xfe && head[1] === 0xff ? 'utf16be' : 'utf8';
    return { handle, file: info.ino.toString(), size: Number(info.size), encoding, bom: encoding === 'utf8' ? 0 : 2 };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readBytes(handle: FileHandle, from: number, to: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.max(0, to - from));
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, from + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** Where each line starts in `bytes` (the first at 0), and the end of the last whole line. */
function lineStarts(bytes: Buffer, encoding: Encoding): { starts: number[]; whole: number } {
  const starts = [0];
  if (encoding === 'utf8') {
    for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) starts.push(at + 1);
  } else {
    const [high, low] = encoding === 'utf16le' ? [1, 0] : [0, 1];
    for (let at = 0; at + 1 < bytes.length; at += 2) if (bytes[at + low] === 0x0a && bytes[at + high] === 0) starts.push(at + 2);
  }
  return { starts, whole: starts[starts.length - 1]! };
}

function decode(bytes: Buffer, encoding: Encoding): string {
  if (encoding !== 'utf8') return new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the ANSI code page the suite's earlier site servers wrote their logs in.
    return decodeWindows1252(bytes);
  }
}

function toDto(record: LogRecord, log: string, line: number): LogRecordDto {
  return { log, text: record.text, component: record.component, time: record.time, thread: record.thread, type: record.type, format: record.format, line };
}

/**
 * The whole lines of `bytes` (read from `at` in the file) as entries. A record the parser holds
 * open at the end (a CMTrace record whose close is not written yet) is left for the next read,
 * unless `final` (a file nobody writes any more) or it is all there is of a bounded read.
 */
function parseLines(bytes: Buffer, at: LogPosition, log: string, encoding: Encoding, final: boolean, bounded: boolean): { entries: LogEntry[]; consumed: number } {
  const { starts, whole } = lineStarts(bytes, encoding);
  // A bounded read with no line break at all (a line longer than the bound) is taken as it is: the parser cuts it.
  const midLine = !final && bounded && whole === 0;
  const usable = final || midLine ? bytes.length : whole;
  const parser = new LogParser();
  let records = parser.push(decode(bytes.subarray(0, usable), encoding));
  const open = parser.end();
  let consumed = usable;
  if (open.length > 0 && !final) {
    const openLine = open[0]!.line;
    if (openLine > 1 || !bounded) {
      records = records.filter((record) => record.line < openLine);
      consumed = starts[openLine - 1]!;
    } else {
      records = [...records, ...open];
    }
  } else {
    records = [...records, ...open];
  }
  const position = (line: number): LogPosition => ({ file: at.file, offset: at.offset + (starts[line - 1] ?? consumed), line: at.line > 0 ? at.line + line - 1 : 0 });
  const entries: LogEntry[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    // The record ends where the next line with a record of its own starts; records sharing a line end together.
    let next = index + 1;
    while (next < records.length && records[next]!.line === record.line) next++;
    // A position inside a line (a line longer than the bound) says so with line 0, which also spares it the line-end check.
    const end = next < records.length ? position(records[next]!.line) : { file: at.file, offset: at.offset + consumed, line: at.line > 0 && !midLine ? at.line + lineCount(starts, consumed) : 0 };
    entries.push({ record: toDto(record, log, at.line > 0 ? at.line + record.line - 1 : 0), end });
  }
  return { entries, consumed };
}

/** How many line starts lie before `offset`, past the first: the lines ended by then. */
function lineCount(starts: readonly number[], offset: number): number {
  let count = 0;
  for (let index = 1; index < starts.length && starts[index]! <= offset; index++) count++;
  return count;
}

/** Reads from `from.offset` up to `maxBytes` of whole lines. */
async function readFrom(log: OpenLog, name: string, from: LogPosition, maxBytes: number, final: boolean): Promise<{ entries: LogEntry[]; more: boolean }> {
  const offset = Math.max(from.offset, log.bom);
  const to = Math.min(log.size, offset + maxBytes);
  const bytes = await readBytes(log.handle, offset, to);
  const bounded = to < log.size;
  const { entries } = parseLines(bytes, { ...from, offset }, name, log.encoding, final && !bounded, bounded);
  return { entries, more: bounded };
}

/**
 * One log from a position (its start when null), at most `maxBytes` of it. When the file at the
 * name is no longer the one the position names, or is shorter than it, the log was rotated: the
 * rest of the old file is read from the .lo_ (when it is that file), then the new one from its start.
 */
export async function readLogChunk(folder: string, name: string, from: LogPosition | null, maxBytes: number): Promise<LogChunkRead> {
  const log = await openLog(folder, name);
  if (log === null) {
    // Rotated and not written to since: the rest of the old file is in the .lo_.
    const old = from === null ? null : await restOfRotated(folder, name, from, maxBytes);
    return { entries: old?.entries ?? [], start: from ?? { file: '0', offset: 0, line: 1 }, more: old?.more ?? false, rotated: false, missing: true };
  }
  try {
    const fresh: LogPosition = { file: log.file, offset: log.bom, line: 1 };
    if (from === null) return { ...(await readFrom(log, name, fresh, maxBytes, isRotatedName(name))), start: fresh, rotated: false, missing: false };
    if (from.file === log.file && from.offset <= log.size && (from.line === 0 || (await endsLineAt(log, from.offset)))) {
      return { ...(await readFrom(log, name, from, maxBytes, isRotatedName(name))), start: from, rotated: false, missing: false };
    }
    const old = await restOfRotated(folder, name, from, maxBytes);
    if (old !== null && old.more) return { entries: old.entries, start: from, more: true, rotated: false, missing: false };
    const current = await readFrom(log, name, fresh, maxBytes, false);
    // A cursor taken while the log did not exist yet names no file: the log is new, not rotated.
    return { entries: [...(old?.entries ?? []), ...current.entries], start: fresh, more: current.more, rotated: from.file !== '0', missing: false };
  } finally {
    await log.handle.close();
  }
}

/**
 * Whether a line ends just before `offset`, as it does at every position a read gives: a log cut
 * in place and written again past the old offset is then noticed as surely as one cut shorter.
 */
async function endsLineAt(log: OpenLog, offset: number): Promise<boolean> {
  if (offset <= log.bom) return true;
  const unit = log.encoding === 'utf8' ? 1 : 2;
  const bytes = await readBytes(log.handle, offset - unit, offset);
  if (log.encoding === 'utf8') return bytes[0] === 0x0a;
  return log.encoding === 'utf16le' ? bytes[0] === 0x0a && bytes[1] === 0 : bytes[0] === 0 && bytes[1] === 0x0a;
}

function isRotatedName(name: string): boolean {
  return /\.lo_$/i.test(name);
}

/** What the .lo_ holds past `from`, when the .lo_ is the file `from` was in. */
async function restOfRotated(folder: string, name: string, from: LogPosition, maxBytes: number): Promise<{ entries: LogEntry[]; more: boolean } | null> {
  const rotatedName = rotatedNameOf(name);
  if (rotatedName === null) return null;
  const rotated = await openLog(folder, rotatedName);
  if (rotated === null) return null;
  try {
    if (rotated.file !== from.file || from.offset > rotated.size) return null;
    return await readFrom(rotated, name, from, maxBytes, true);
  } finally {
    await rotated.handle.close();
  }
}

/**
 * The last `count` records of a log (fewer when it has fewer), read from a window at its end that
 * grows until it holds them or reaches `maxTailBytes`, and the position at its end.
 */
export async function readLogTail(folder: string, name: string, count: number): Promise<{ entries: readonly LogEntry[]; end: LogPosition; missing: boolean }> {
  const log = await openLog(folder, name);
  if (log === null) return { entries: [], end: { file: '0', offset: 0, line: 1 }, missing: true };
  try {
    for (let window = firstTailBytes; ; window *= 4) {
      let start = Math.max(log.bom, log.size - window);
      if (log.encoding !== 'utf8' && (start - log.bom) % 2 !== 0) start++;
      const reachedStart = start <= log.bom;
      // A window that starts mid-line begins at the next line.
      const unit = log.encoding === 'utf8' ? 1 : 2;
      let bytes = await readBytes(log.handle, reachedStart ? start : start - unit, log.size);
      if (!reachedStart) {
        const { starts } = lineStarts(bytes, log.encoding);
        const first = starts[1] ?? bytes.length;
        bytes = bytes.subarray(first);
        start = start - unit + first;
      }
      const line = reachedStart ? 1 : start <= maxCountedBytes ? 1 + (await countLines(log, start)) : 0;
      const { entries, consumed } = parseLines(bytes, { file: log.file, offset: start, line }, name, log.encoding, isRotatedName(name), false);
      if (entries.length >= count || reachedStart || window >= maxTailBytes) {
        return { entries: entries.slice(-count), end: entries.at(-1)?.end ?? { file: log.file, offset: start + consumed, line }, missing: false };
      }
    }
  } finally {
    await log.handle.close();
  }
}

async function countLines(log: OpenLog, before: number): Promise<number> {
  let lines = 0;
  const piece = 1024 * 1024;
  for (let at = log.bom; at < before; at += piece) {
    const bytes = await readBytes(log.handle, at, Math.min(before, at + piece));
    lines += lineStarts(bytes, log.encoding).starts.length - 1;
  }
  return lines;
}

/** The regular files of the folder whose names are log names (distmgr.log, distmgr.lo_), by name. */
export async function listLogFiles(folder: string): Promise<LogFileFacts[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CourierError('SOURCE_UNREADABLE', `Courier cannot list the site's logs folder (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const realFolder = await realpath(folder);
  const facts: LogFileFacts[] = [];
  for (const name of names.sort()) {
    if (logNameProblem(name) !== null) continue;
    try {
      const real = await realpath(join(folder, name));
      if (!isInside(realFolder, real)) continue;
      const info = await stat(real);
      if (info.isFile()) facts.push({ name, size: info.size, modified: info.mtime });
    } catch {
      // Gone since the listing, or a dangling link: not a log to show.
    }
  }
  return facts;
}
