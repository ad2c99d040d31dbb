/** How a record is marked: CMTrace's type 1, 2, 3, or what the SMS trace text says (docs/logs.md#types). */
export type LogType = 'info' | 'warning' | 'error';

/** The two log formats of the suite: the site server's SMS trace lines and the client's CMTrace records. */
export type LogFormat = 'sms' | 'cmtrace';

/** Which formats a parser recognises: one of them, or both, record by record. */
export type LogFormatChoice = LogFormat | 'auto';

export const logFormatChoices: readonly LogFormatChoice[] = ['auto', 'sms', 'cmtrace'];

/** One entry of a log, as a viewer shows it. */
export interface LogRecord {
  readonly text: string;
  /** null for a line that fits no format. */
  readonly component: string | null;
  /** UTC, ISO-8601 to the millisecond; null when the record has no time or it cannot be read. */
  readonly time: string | null;
  readonly thread: number | null;
  readonly type: LogType;
  /** The format the record was read in; null for a line that fits none (its text kept whole). */
  readonly format: LogFormat | null;
  /** The line of the log the record starts on, from 1. */
  readonly line: number;
}
