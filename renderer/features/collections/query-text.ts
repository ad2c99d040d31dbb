/**
 * The contract takes a query as one line of text (the text policy refuses line breaks and tabs in
 * every field), while WQL reads line breaks and tabs between words as spaces (docs/wql.md). The
 * query box is multi-line, so what is sent has each line break and tab as one space: every
 * character keeps its offset, and a refusal's column on the one line is a place in the box.
 */
export function queryToSend(typed: string): string {
  return typed.replace(/[\r\n\t]/g, ' ');
}

/** Line and column (from 1) of the 1-based `column` of the sent line, in the text as typed. */
export function placeInTyped(typed: string, column: number): { readonly line: number; readonly column: number } {
  const before = typed.slice(0, Math.max(0, column - 1));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** The core's "Line 1, column C: …" with the line and column of the query as typed. */
export function refusalInTyped(message: string, typed: string): string {
  return message.replace(/Line 1, column (\d+)/, (_, c: string) => {
    const place = placeInTyped(typed, Number(c));
    return `Line ${place.line}, column ${place.column}`;
  });
}
