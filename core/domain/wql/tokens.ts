import { wqlError, type WqlSpan } from './errors';
import { wqlLimits } from './limits';

export type TokenKind = 'identifier' | 'number' | 'string' | 'symbol' | 'end';

export interface Token extends WqlSpan {
  readonly kind: TokenKind;
  /** Identifiers as written, symbols, numbers' digits, strings' decoded value. */
  readonly text: string;
}

const symbols = ['<>', '!=', '<=', '>=', '=', '<', '>', '(', ')', ',', '.', '*'] as const;

/** Quotes a word processor or web page puts in place of ' and ". */
const typographicQuotes = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u201e', '\u201f', '\u2032', '\u2033', '\u00b4', '\u00ab', '\u00bb']);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentifierStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentifierPart = (c: string): boolean => isIdentifierStart(c) || isDigit(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\f' || c === '\v';
const isLineBreak = (c: string): boolean => c === '\n' || c === '\r';

function describeCharacter(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code < 0x20 || (code >= 0x7f && code < 0xa0) ? hex : `"${c}" (${hex})`;
}

/** Splits a query into tokens; the last is always `end`. */
export function tokenize(text: string): Token[] {
  if (text.length > wqlLimits.maxQueryLength) {
    throw wqlError(text, { offset: wqlLimits.maxQueryLength, length: 0 }, `the query is ${text.length.toLocaleString('en-US')} characters long; a query rule can be at most ${wqlLimits.maxQueryLength.toLocaleString('en-US')}.`);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isIdentifierStart(c)) {
      while (i < text.length && isIdentifierPart(text[i]!)) i++;
      tokens.push({ kind: 'identifier', text: text.slice(start, i), offset: start, length: i - start });
      continue;
    }
    if (isDigit(c) || (c === '-' && isDigit(text[i + 1] ?? ''))) {
      i++;
      while (i < text.length && isDigit(text[i]!)) i++;
      if (text[i] === '.' && isDigit(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && isDigit(text[i]!)) i++;
      }
      if (i < text.length && isIdentifierPart(text[i]!)) {
        while (i < text.length && isIdentifierPart(text[i]!)) i++;
        throw wqlError(text, { offset: start, length: i - start }, `"${text.slice(start, i)}" is not a number; quote it if it is a string ('${text.slice(start, i)}').`);
      }
      tokens.push({ kind: 'number', text: text.slice(start, i), offset: start, length: i - start });
      continue;
    }
    if (c === "'" || c === '"') {
      const { value, end } = readString(text, start);
      tokens.push({ kind: 'string', text: value, offset: start, length: end - start });
      i = end;
      continue;
    }
    const symbol = symbols.find((s) => text.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol, offset: start, length: symbol.length });
      i += symbol.length;
      continue;
    }
    throw unexpectedCharacter(text, start);
  }
  tokens.push({ kind: 'end', text: '', offset: text.length, length: 0 });
  return tokens;
}

function unexpectedCharacter(text: string, offset: number): Error {
  const c = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  const span = { offset, length: c.length };
  if (typographicQuotes.has(c)) return wqlError(text, span, `${c} is a typographic quote (pasted from a web page?); use ' or ".`);
  if (c === '`') return wqlError(text, span, '` is not a quote in WQL; use \' or ".');
  if (c === ';') return wqlError(text, span, 'a query rule is one query: leave out the ";".');
  if (c === '[' || c === ']') return wqlError(text, span, `${c} is only allowed inside a LIKE pattern string.`);
  return wqlError(text, span, `unexpected character ${describeCharacter(c)}.`);
}

/**
 * A string in ' or ". The quote is written twice to stand for itself (SQL's way) or after a
 * backslash (WQL's way, `\\` being one backslash); a backslash before any other character is
 * kept, so `'CONTOSO\jdoe'` is what the admin meant.
 */
function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  let escapedQuoteAt = -1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\\' || next === "'" || next === '"') {
        if (next === quote) escapedQuoteAt = i;
        value += next;
        i += 2;
        continue;
      }
    }
    if (isLineBreak(c)) break;
    value += c;
    i++;
  }
  const where = text.slice(start + 1, i);
  const typographic = [...where].find((ch) => typographicQuotes.has(ch));
  const hint =
    escapedQuoteAt >= 0
      ? ` (\\${quote} stands for a ${quote} inside the string; write \\\\ for a backslash before the closing quote)`
      : typographic
        ? ` (it contains ${typographic}, a typographic quote: close it with ${quote})`
        : '';
  return fail(text, start, `this string has no closing ${quote}${hint}; a string ends on the line it starts.`);
}

function fail(text: string, offset: number, reason: string): never {
  throw wqlError(text, { offset, length: 1 }, reason);
}
