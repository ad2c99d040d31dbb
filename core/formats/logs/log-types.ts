import type { LogType } from './log-record';

// A STATMSG line carries its own severity (docs/formats.md#statmsg-lines).
const statmsgSeverity = /^STATMSG: ID=\d{1,5} SEV=([IWE]) /u;
const errorWord = /\b(?:error|fail)/iu;
const warningWord = /\bwarn/iu;

/**
 * SMS trace lines have no type field; the suite's log viewers mark a line by its words, as
 * Courier does: a STATMSG line by its SEV, otherwise a word starting with "error" or "fail"
 * (errors, failed, failure) makes it an error, one starting with "warn" a warning.
 */
export function typeOfText(text: string): LogType {
  const statmsg = statmsgSeverity.exec(text);
  if (statmsg) return statmsg[1] === 'E' ? 'error' : statmsg[1] === 'W' ? 'warning' : 'info';
  if (errorWord.test(text)) return 'error';
  if (warningWord.test(text)) return 'warning';
  return 'info';
}

/** CMTrace's type attribute: 2 a warning, 3 an error, anything else (1, missing) information. */
export function typeOfCmtrace(value: string | undefined): LogType {
  const type = value?.trim();
  return type === '3' ? 'error' : type === '2' ? 'warning' : 'info';
}
