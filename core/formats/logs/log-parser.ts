import { cmtraceClose, cmtraceOpen, cmtraceText, parseCmtraceAttributes } from './cmtrace';
import { parseCmtraceTime, type UnzonedTimes } from './log-times';
import type { LogFormat, LogFormatChoice, LogRecord } from './log-record';
import { typeOfCmtrace, typeOfText } from './log-types';
import { parseTraceLine } from './sms-trace';

export interface LogParserOptions {
  /** `auto` (the default) reads both formats, record by record; `sms` or `cmtrace` only that one. */
  readonly format?: LogFormatChoice;
  /** A record's text is kept to this many characters, the rest counted and cut (docs/logs.md#bounds). */
  readonly maxRecordChars?: number;
  /** How a time stamp that names no zone is read. */
  readonly unzoned?: UnzonedTimes;
}

/** A client log is 250 KB at most and a site log line far shorter, so a real record fits whole. */
export const defaultMaxRecordChars = 256 * 1024;
/** The attributes of a CMTrace record are read once this much follows its text, even without a line break. */
const maxAttributeChars = 4096;
/** Indentation before `<![LOG[` that is still read as the start of a record. */
const maxIndent = 64;

const cutNote = (count: number) => ` … (${count} more characters cut)`;

/**
 * Where a string next occurs in a growing buffer, remembered so that asking again from a later
 * position, or after more text arrived, never scans the same characters twice: without this a
 * 1 MB line with no line break would be scanned once per record on it.
 */
class Finder {
  #from = 0;
  #found = -1;
  #scannedTo = 0;
  constructor(readonly pattern: string) {}

  find(buffer: string, from: number): number {
    if (from >= this.#from && this.#found >= from) return this.#found;
    const start = from >= this.#from && this.#found < 0 ? Math.max(from, this.#scannedTo - this.pattern.length + 1) : from;
    this.#from = from;
    this.#found = buffer.indexOf(this.pattern, start);
    this.#scannedTo = buffer.length;
    return this.#found;
  }

  /** The buffer lost its first `count` characters. */
  shift(count: number): void {
    this.#from = Math.max(0, this.#from - count);
    this.#scannedTo = Math.max(0, this.#scannedTo - count);
    if (this.#found < 0) return;
    this.#found -= count;
    // An occurrence before the cut is gone: nothing is known of what follows it.
    if (this.#found < this.#from) {
      this.#found = -1;
      this.#scannedTo = this.#from;
    }
  }
}

interface Cut {
  readonly text: string;
  readonly line: number;
  count: number;
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Reads SMS trace and CMTrace logs from text given in chunks of any size (a file read piece by
 * piece), returning each record once it is complete. It never throws on what it reads and never
 * holds more than one record's bound of a log: a line that fits no format is a record of its own,
 * with no component, time or thread (docs/logs.md).
 */
export class LogParser {
  readonly #format: LogFormatChoice;
  readonly #max: number;
  readonly #unzoned: UnzonedTimes;
  #buffer = '';
  #pos = 0;
  #line = 1;
  /** An over-long line or record: its first characters, while the rest of its line is counted. */
  #cut: Cut | null = null;
  readonly #newline = new Finder('\n');
  readonly #close = new Finder(cmtraceClose);
  readonly #nextRecordLine = new Finder(`\n${cmtraceOpen}`);
  #detected: LogFormat | null = null;
  #ended = false;

  constructor(options: LogParserOptions = {}) {
    const max = options.maxRecordChars ?? defaultMaxRecordChars;
    if (!Number.isSafeInteger(max) || max < 64) throw new RangeError(`maxRecordChars ${String(max)} is not a whole number from 64.`);
    this.#format = options.format ?? 'auto';
    this.#max = max;
    this.#unzoned = options.unzoned ?? 'system';
  }

  /** The format of the first record read in one: the file's format, as far as one is known. */
  get detected(): LogFormat | null {
    return this.#detected;
  }

  /** The records the text completes. */
  push(chunk: string): LogRecord[] {
    if (this.#ended) throw new Error('This log has ended; read another log with a new LogParser.');
    this.#buffer += chunk;
    const records: LogRecord[] = [];
    this.#drain(records, false);
    this.#compact();
    return records;
  }

  /** The records the log ends with. */
  end(): LogRecord[] {
    if (this.#ended) return [];
    this.#ended = true;
    const records: LogRecord[] = [];
    this.#drain(records, true);
    if (this.#cut) this.#emitCut(records);
    this.#buffer = '';
    this.#pos = 0;
    return records;
  }

  #compact(): void {
    if (this.#pos === 0) return;
    this.#buffer = this.#buffer.slice(this.#pos);
    for (const finder of [this.#newline, this.#close, this.#nextRecordLine]) finder.shift(this.#pos);
    this.#pos = 0;
  }

  #drain(records: LogRecord[], final: boolean): void {
    const buffer = this.#buffer;
    while (this.#pos < buffer.length) {
      if (this.#cut) {
        const newline = this.#newline.find(buffer, this.#pos);
        if (newline < 0) {
          this.#cut.count += buffer.length - this.#pos;
          this.#pos = buffer.length;
          return;
        }
        this.#cut.count += newline - this.#pos;
        this.#pos = newline + 1;
        this.#emitCut(records);
        this.#line++;
        continue;
      }
      if (this.#format !== 'sms') {
        const start = this.#recordStart();
        if (start >= 0) {
          const read = this.#readCmtrace(records, start, final);
          if (read === 'wait' || (read === 'broken' && !this.#readLine(records, final, true))) return;
          continue;
        }
      }
      if (!this.#readLine(records, final)) return;
    }
  }

  /** Where a CMTrace record starts at the current position, after a little indentation; -1 if none does. */
  #recordStart(): number {
    const buffer = this.#buffer;
    let at = this.#pos;
    const limit = Math.min(buffer.length, at + maxIndent);
    while (at < limit && (buffer[at] === ' ' || buffer[at] === '\t')) at++;
    return buffer.startsWith(cmtraceOpen, at) ? at : -1;
  }

  /** One line from the current position (a broken CMTrace record's first line: `asText`); false when it is not complete yet. */
  #readLine(records: LogRecord[], final: boolean, asText = false): boolean {
    const buffer = this.#buffer;
    const newline = this.#newline.find(buffer, this.#pos);
    const end = newline < 0 ? buffer.length : newline;
    if (newline < 0 && !final && end - this.#pos <= this.#max) return false;
    if (end - this.#pos > this.#max) {
      const head = buffer.slice(this.#pos, this.#pos + this.#max);
      const open = this.#format === 'sms' || asText ? -1 : head.indexOf(cmtraceOpen);
      if (open > 0) {
        this.#emitText(records, head.slice(0, open));
        this.#pos += open;
        return true;
      }
      this.#cut = { text: head, line: this.#line, count: 0 };
      this.#pos += this.#max;
      return true;
    }
    const line = buffer.slice(this.#pos, end > this.#pos && buffer[end - 1] === '\r' ? end - 1 : end);
    if (line.trim() !== '') {
      const trace = this.#format === 'cmtrace' ? null : parseTraceLine(line, this.#unzoned);
      if (trace) {
        this.#emit(records, { ...trace, type: typeOfText(trace.text), format: 'sms', line: this.#line });
      } else {
        const open = this.#format === 'sms' || asText ? -1 : line.indexOf(cmtraceOpen);
        if (open > 0) {
          // Text before a record on its line is a record of its own; the record is read next.
          this.#emitText(records, line.slice(0, open));
          this.#pos += open;
          return true;
        }
        this.#emitText(records, line);
      }
    }
    this.#pos = newline < 0 ? buffer.length : newline + 1;
    this.#line++;
    return true;
  }

  /**
   * The CMTrace record at `start`: read, not complete yet (wait for more text), or broken. A record
   * is broken when it does not close before a line that starts the next one (a writer killed
   * mid-record, a rotation), before the end of the log, or within the bound of a record; its
   * first line is then read as a line, and the lines after it as lines of their own, however the
   * log was cut into chunks.
   */
  #readCmtrace(records: LogRecord[], start: number, final: boolean): 'read' | 'wait' | 'broken' {
    const buffer = this.#buffer;
    const textStart = start + cmtraceOpen.length;
    const close = this.#close.find(buffer, textStart);
    const next = this.#nextRecordLine.find(buffer, textStart);
    if (next >= 0 && (close < 0 || next < close)) return 'broken';
    // Not closed, though a close within the bound would be in the buffer by now, marker and all.
    if (close < 0 ? final || buffer.length >= textStart + this.#max + cmtraceClose.length : close - textStart > this.#max) return 'broken';
    if (close < 0) return 'wait';
    const attributesStart = close + cmtraceClose.length;
    if (!final && this.#newline.find(buffer, attributesStart) < 0 && buffer.length - attributesStart < maxAttributeChars) return 'wait';
    // Read within a window of their own, so they read alike however the log was chunked.
    const window = buffer.slice(attributesStart, attributesStart + maxAttributeChars);
    const attributes = parseCmtraceAttributes(window, 0);
    const { values } = attributes;
    const end = attributesStart + attributes.end;
    const raw = buffer.slice(textStart, close);
    const text = cmtraceText(raw);
    const component = values.get('component')?.trim() ?? '';
    const thread = /^\d{1,10}/u.exec(values.get('thread')?.trim() ?? '');
    this.#emit(records, {
      text,
      component: component === '' ? null : component,
      time: parseCmtraceTime(values.get('time'), values.get('date'), this.#unzoned),
      thread: thread ? Number(thread[0]) : null,
      type: typeOfCmtrace(values.get('type')),
      format: 'cmtrace',
      line: this.#line,
    });
    this.#line += countLines(raw);
    this.#pos = end;
    return 'read';
  }

  #emit(records: LogRecord[], record: LogRecord): void {
    if (record.format !== null) this.#detected ??= record.format;
    records.push(record);
  }

  /** A line that fits no format. */
  #emitText(records: LogRecord[], text: string): void {
    if (text.trim() === '') return;
    this.#emit(records, { text, component: null, time: null, thread: null, type: typeOfText(text), format: null, line: this.#line });
  }

  #emitCut(records: LogRecord[]): void {
    const cut = this.#cut!;
    this.#cut = null;
    const line = this.#line;
    this.#line = cut.line;
    this.#emitText(records, `${cut.text.replace(/\r\n/gu, '\n')}${cutNote(cut.count)}`);
    this.#line = line;
  }
}

/** Every record of a whole log. */
export function parseLog(text: string, options: LogParserOptions = {}): LogRecord[] {
  const parser = new LogParser(options);
  return [...parser.push(text), ...parser.end()];
}
