/** CMTrace records: `<![LOG[TEXT]LOG]!><time="…" date="…" component="…" context="" type="1" thread="N" file="…">`. */
export const cmtraceOpen = '<![LOG[';
export const cmtraceClose = ']LOG]!>';

// One `name="value"` pair; a value stops at its quote or at a line break, so a missing quote costs one line.
const attribute = /[ \t]*([A-Za-z_][\w-]{0,31})[ \t]*=[ \t]*"([^"\r\n]*)"/uy;

export interface CmtraceAttributes {
  readonly values: ReadonlyMap<string, string>;
  /** Where the attributes end (after their `>`, or where they stopped being attributes). */
  readonly end: number;
}

/**
 * The attributes after `]LOG]!>`, in any order, from `from` in `text`. Tolerant: a missing
 * `<` or `>`, or something that is not an attribute, ends them where it stands.
 */
export function parseCmtraceAttributes(text: string, from: number): CmtraceAttributes {
  const values = new Map<string, string>();
  let at = from;
  while (text[at] === ' ' || text[at] === '\t') at++;
  if (text[at] !== '<') return { values, end: from };
  at++;
  for (;;) {
    attribute.lastIndex = at;
    const match = attribute.exec(text);
    if (!match) break;
    const name = match[1]!.toLowerCase();
    if (!values.has(name)) values.set(name, match[2]!);
    at = attribute.lastIndex;
  }
  let end = at;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (text[end] === '/') end++;
  if (text[end] === '>') return { values, end: end + 1 };
  return { values, end: at };
}

const controlEscape = /\\x([01][0-9a-fA-F]|7[fF])/gu;

/**
 * A record's text as it was logged: Courier's client writer (client/logs/cmtrace-line.ts)
 * writes control characters as `\xNN` and breaks up `]LOG]!>` inside a text as `]LOG] !>`, so
 * both are read back; a line break written as such is kept as one `\n`.
 */
export function cmtraceText(raw: string): string {
  return raw.replace(/\r\n/gu, '\n').replace(controlEscape, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16))).replaceAll(']LOG] !>', cmtraceClose);
}
