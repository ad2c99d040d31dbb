import { z } from 'zod';
import { boundedWholeNumber } from './bounded-number';

/**
 * The log viewer's channels (docs/logs.md#log-viewer): the site's logs in SMS\Logs by name, read
 * a page at a time with a cursor that notices a rotation, and a client log's text parsed as given.
 */

/** How a record is marked (docs/logs.md#types). */
export type LogRecordType = 'info' | 'warning' | 'error';

/** One entry of a log, as the viewer shows it; `log` names the file when several are merged. */
export interface LogRecordDto {
  readonly log: string;
  readonly text: string;
  /** null for a line that fits no format. */
  readonly component: string | null;
  /** UTC, ISO-8601 to the millisecond; null when the entry has none. */
  readonly time: string | null;
  readonly thread: number | null;
  readonly type: LogRecordType;
  readonly format: 'sms' | 'cmtrace' | null;
  /** The line of its file (from 1) the entry starts on; 0 when not known (a tail of a log too large to count). */
  readonly line: number;
}

export interface LogFileInfoDto {
  readonly name: string;
  readonly size: number;
  /** ISO-8601 UTC. */
  readonly modified: string;
}

export interface LogFileDto extends LogFileInfoDto {
  /** The component its newest entry names (SMS_DISTRIBUTION_MANAGER); null when it has none. */
  readonly component: string | null;
  /** Its previous generation (distmgr.lo_), the part written before the last rotation. */
  readonly rotated: LogFileInfoDto | null;
}

export interface LogListDto {
  readonly logs: readonly LogFileDto[];
}

export interface LogPageDto {
  /** In time order across the logs asked for (each log keeps its own order). */
  readonly records: readonly LogRecordDto[];
  /** Where this page ended: pass it back unchanged to read what follows. */
  readonly cursor: string;
  /** True when more could be read now (a bound stopped this page); false when every log was read to its end. */
  readonly more: boolean;
  /**
   * Logs replaced (rotated to their .lo_) or cut shorter since the cursor was given: reading
   * went on from the new file's start, after what the .lo_ still held past the cursor.
   */
  readonly rotated: readonly string[];
  /** Logs asked for that do not exist (yet): a component writes its log at its first entry. */
  readonly missing: readonly string[];
}

export interface ParsedLogTextDto {
  readonly records: readonly LogRecordDto[];
  /** The format of its first entry; null when no entry fits one. */
  readonly format: 'sms' | 'cmtrace' | null;
  /** True when the log held more records than one answer carries (the first ones are given). */
  readonly truncated: boolean;
}

/** Most logs one read merges (distmgr.log with smsprov.log and a few more). */
export const maxMergedLogs = 8;
export const maxLogPageRecords = 5000;
export const defaultLogPageRecords = 1000;
/** A client log is 250 KB, its .lo_ as much again; the HTTP API takes 1 MiB bodies. */
export const maxLogTextChars = 512 * 1024;
export const maxParsedTextRecords = 20_000;

/**
 * A log's file name in the site's logs folder, nothing more: letters, digits, `_`, `-` and dots,
 * ending .log or .lo_. No separators, no `..`, no NUL, so no name reaches outside the folder.
 */
export const logNamePattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,75}\.(?:log|lo_)$/i;

export function logNameProblem(name: string): string | null {
  if (name === '') return 'The log name is empty.';
  if (name.length > 80) return 'The log name is longer than 80 characters.';
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'The log name holds a control character.';
  if (/[/\\:]/.test(name)) return `"${name}" is not a log name: give the file's name in the logs folder, without a folder.`;
  if (name.includes('..')) return `"${name}" is not a log name: it holds "..".`;
  if (!logNamePattern.test(name)) return `"${name}" is not a log name: a name of letters, digits, "_", "-" and dots ending .log or .lo_ (distmgr.log).`;
  return null;
}

const logNameSchema = z.string({ error: 'A log name is text (distmgr.log).' }).superRefine((name, ctx) => {
  const problem = logNameProblem(name);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

const namesSchema = z
  .array(logNameSchema, { error: 'names is a list of log names (["distmgr.log"]).' })
  .min(1, 'names: name at least one log (distmgr.log).')
  .max(maxMergedLogs, `names: at most ${maxMergedLogs} logs are merged at once.`)
  .superRefine((names, ctx) => {
    const seen = new Set<string>();
    for (const name of names) {
      const key = name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `names: ${name} is named twice.` });
      seen.add(key);
    }
  });

const limitSchema = boundedWholeNumber('limit', { min: 1, max: maxLogPageRecords }).default(defaultLogPageRecords);

/** Where one log stopped: its file's identity (the inode as decimal text) and the byte after its last whole line. */
export interface LogCursorPart {
  readonly name: string;
  readonly file: string;
  readonly offset: number;
  /** The line number at `offset`, for numbering the records read from there; 0 when not known. */
  readonly line: number;
}

const cursorPartPattern = /^([A-Za-z0-9_.-]{1,80})\*(\d{1,40})\*(\d{1,15})\*(\d{1,15})$/;

export function formatLogCursor(parts: readonly LogCursorPart[]): string {
  return parts.map((part) => `${part.name}*${part.file}*${part.offset}*${part.line}`).join('/');
}

const badCursor = 'The cursor is not one this site gave for these logs: pass back the cursor of the previous page unchanged.';

export function parseLogCursor(text: string): LogCursorPart[] | null {
  if (text.length > 2048) return null;
  const parts: LogCursorPart[] = [];
  for (const piece of text.split('/')) {
    const match = cursorPartPattern.exec(piece);
    if (!match || logNameProblem(match[1]!) !== null) return null;
    const offset = Number(match[3]);
    const line = Number(match[4]);
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(line)) return null;
    parts.push({ name: match[1]!, file: match[2]!, offset, line });
  }
  return parts;
}

export const logListSchema = z.strictObject({});

export const logReadSchema = z
  .strictObject({
    names: namesSchema,
    /** Absent: from each log's start. */
    cursor: z.string({ error: badCursor }).max(2048, badCursor).optional(),
    limit: limitSchema,
  })
  .transform((request, ctx) => {
    if (request.cursor === undefined) return { names: request.names, limit: request.limit, cursor: null };
    const parts = parseLogCursor(request.cursor);
    const named = new Set(request.names.map((name) => name.toLowerCase()));
    if (parts === null || parts.length !== named.size || parts.some((part) => !named.has(part.name.toLowerCase()))) {
      ctx.addIssue({ code: 'custom', message: badCursor, path: ['cursor'] });
      return z.NEVER;
    }
    return { names: request.names, limit: request.limit, cursor: parts };
  });

export const logTailSchema = z.strictObject({
  names: namesSchema,
  limit: limitSchema,
});

export const logParseTextSchema = z.strictObject({
  /** The file's name as the admin picked it (execmgr.log), shown beside its records. */
  name: z.string({ error: 'name is the file name as text.' }).max(260, 'name: a file name of at most 260 characters.').default(''),
  text: z
    .string({ error: 'text is the log as text.' })
    .max(maxLogTextChars, `text: a log of at most ${maxLogTextChars / 1024} K characters can be opened this way (a client log is 250 KB).`),
});
