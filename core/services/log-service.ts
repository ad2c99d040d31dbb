import { formatLogCursor, maxParsedTextRecords, type LogCursorPart, type LogFileDto, type LogListDto, type LogPageDto, type LogRecordDto, type ParsedLogTextDto } from '../api';
import { listLogFiles, readLogChunk, readLogTail, rotatedNameOf, type LogEntry, type LogFileFacts, type LogPosition } from '../content/log-folder';
import { LogParser, mergeByTime } from '../formats/logs';

/** Most bytes one page reads, shared by the logs it merges: a page stays a few MB of JSON at most. */
const maxPageBytes = 4 * 1024 * 1024;

interface LogServiceDeps {
  /** The site's logs folder (SMS\Logs). */
  readonly folder: string;
}

interface Tagged {
  readonly time: string | null;
  readonly entry: LogEntry;
  readonly log: number;
}

/**
 * The log viewer's reads (docs/logs.md#log-viewer): the site's logs by name, merged by time
 * here rather than in the console (the renderer may not import core/formats, docs/layers.md).
 */
export class LogService {
  readonly #folder: string;

  constructor(deps: LogServiceDeps) {
    this.#folder = deps.folder;
  }

  async list(): Promise<LogListDto> {
    const files = await listLogFiles(this.#folder);
    const byName = new Map(files.map((file) => [file.name.toLowerCase(), file]));
    const logs: LogFileDto[] = [];
    for (const file of files) {
      const rotatedName = rotatedNameOf(file.name);
      if (rotatedName === null && byName.has(file.name.replace(/\.lo_$/i, '.log').toLowerCase())) continue; // listed with its .log
      const rotated = rotatedName === null ? undefined : byName.get(rotatedName.toLowerCase());
      logs.push({ ...info(file), component: await this.#componentOf(file.name), rotated: rotated ? info(rotated) : null });
    }
    return { logs };
  }

  /** The component the log's newest entry names: each site component writes its own log. */
  async #componentOf(name: string): Promise<string | null> {
    try {
      const { entries } = await readLogTail(this.#folder, name, 20);
      return entries.findLast((entry) => entry.record.component !== null)?.record.component ?? null;
    } catch {
      return null;
    }
  }

  async read(names: readonly string[], cursor: readonly LogCursorPart[] | null, limit: number): Promise<LogPageDto> {
    const budget = Math.floor(maxPageBytes / names.length);
    const reads = await Promise.all(
      names.map((name) => {
        const part = cursor?.find((p) => p.name.toLowerCase() === name.toLowerCase());
        return readLogChunk(this.#folder, name, part ? { file: part.file, offset: part.offset, line: part.line } : null, budget);
      }),
    );
    const merged = mergeByTime(...reads.map((read, log) => read.entries.map((entry): Tagged => ({ time: entry.record.time, entry, log }))));
    const taken = takeWholeLines(merged, limit, names.length);
    const ends = reads.map((read) => read.start);
    for (const item of taken) ends[item.log] = item.entry.end;
    return {
      records: taken.map((item) => item.entry.record),
      cursor: cursorOf(names, ends),
      more: taken.length < merged.length || reads.some((read) => read.more),
      rotated: names.filter((_, index) => reads[index]!.rotated),
      missing: names.filter((_, index) => reads[index]!.missing),
    };
  }

  async tail(names: readonly string[], limit: number): Promise<LogPageDto> {
    const tails = await Promise.all(names.map((name) => readLogTail(this.#folder, name, limit)));
    const merged = mergeByTime(...tails.map((tail) => tail.entries.map((entry) => ({ time: entry.record.time, record: entry.record }))));
    return {
      records: merged.slice(-limit).map((item) => item.record),
      cursor: cursorOf(names, tails.map((tail) => tail.end)),
      more: false,
      rotated: [],
      missing: names.filter((_, index) => tails[index]!.missing),
    };
  }

  parseText(name: string, text: string): ParsedLogTextDto {
    const parser = new LogParser();
    const records = [...parser.push(text), ...parser.end()];
    const log = name.trim();
    return {
      records: records.slice(0, maxParsedTextRecords).map((record): LogRecordDto => ({ log, ...record })),
      format: parser.detected,
      truncated: records.length > maxParsedTextRecords,
    };
  }
}

function info(file: LogFileFacts) {
  return { name: file.name, size: file.size, modified: file.modified.toISOString() };
}

function cursorOf(names: readonly string[], ends: readonly LogPosition[]): string {
  return formatLogCursor(names.map((name, index) => ({ name, file: ends[index]!.file, offset: ends[index]!.offset, line: ends[index]!.line })));
}

/**
 * The first `limit` records, and then any more of a log whose last one taken shares its line with
 * the next (CMTrace records written on one line): a position can only stand between lines.
 */
function takeWholeLines(merged: readonly Tagged[], limit: number, logs: number): Tagged[] {
  const taken = merged.slice(0, limit);
  const lastLine = new Array<number | null>(logs).fill(null);
  for (const item of taken) lastLine[item.log] = item.entry.record.line;
  for (const item of merged.slice(limit)) {
    if (lastLine[item.log] !== null && item.entry.record.line === lastLine[item.log] && item.entry.record.line > 0) taken.push(item);
    else lastLine[item.log] = null;
  }
  return taken;
}
