/**
 * Where a piece of query text is: `offset` and `length` in UTF-16 units (what a text box's
 * selection uses), `line` and `column` counted from 1 for the message an admin reads.
 */
export interface WqlSpan {
  readonly offset: number;
  readonly length: number;
}

/** A query rule Courier cannot take, and where: the message starts with "Line L, column C:". */
export class WqlError extends Error {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number | undefined;
  /** The message without its position, for a form that marks the place itself. */
  readonly reason: string;

  constructor(reason: string, line: number, column: number, offset: number, length?: number) {
    super(`Line ${line}, column ${column}: ${reason}`);
    this.name = 'WqlError';
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.offset = offset;
    this.length = length;
  }
}

/** Line and column of `offset` in `text`; \r\n, \n and \r each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The error for `span` of `text`. */
export function wqlError(text: string, span: WqlSpan, reason: string): WqlError {
  const { line, column } = lineAndColumn(text, span.offset);
  return new WqlError(reason, line, column, span.offset, span.length > 0 ? span.length : undefined);
}
