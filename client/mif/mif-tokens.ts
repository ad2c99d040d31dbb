import { MifError } from './status-mif';

export type MifToken = { readonly kind: 'word' | 'string' | '='; readonly text: string; readonly line: number };

/**
 * Splits MIF text into words, quoted strings and `=`. Whitespace of any kind separates tokens;
 * a quoted value may span lines (installers wrap long descriptions); `//` starts a comment.
 */
export function mifTokens(text: string): MifToken[] {
  const tokens: MifToken[] = [];
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '\n') {
      line += 1;
      at += 1;
    } else if (/\s/.test(char)) {
      at += 1;
    } else if (char === '/' && text[at + 1] === '/') {
      while (at < text.length && text[at] !== '\n') at += 1;
    } else if (char === '=') {
      tokens.push({ kind: '=', text: '=', line });
      at += 1;
    } else if (char === '"') {
      const startLine = line;
      let value = '';
      at += 1;
      for (;;) {
        if (at >= text.length) throw new MifError('a quoted value is not closed', startLine);
        const next = text[at]!;
        if (next === '"') break;
        if (next === '\\' && (text[at + 1] === '"' || text[at + 1] === '\\')) {
          value += text[at + 1];
          at += 2;
          continue;
        }
        if (next === '\n') line += 1;
        if (next !== '\r') value += next;
        at += 1;
      }
      at += 1;
      tokens.push({ kind: 'string', text: value, line: startLine });
    } else {
      const start = at;
      while (at < text.length && !/[\s="]/.test(text[at]!)) at += 1;
      tokens.push({ kind: 'word', text: text.slice(start, at), line });
    }
  }
  return tokens;
}
