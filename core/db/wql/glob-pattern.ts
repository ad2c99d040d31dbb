import type { LikePart } from '../../domain/wql';
import { mergeRanges } from '../../domain/wql/like-pattern';

/**
 * WQL LIKE as a SQLite GLOB pattern. SQLite's LIKE has no [ ] sets and GLOB has them, but GLOB
 * is case-sensitive: so every ASCII letter becomes the set of its two cases ([wW]), and every
 * set gets the other case of each ASCII letter it holds, which is exactly the folding of the
 * NOCASE collation the other comparisons use. GLOB's own * ? [ in the text are matched as
 * themselves through one-member sets ([*]). SQLite matches GLOB without exponential
 * backtracking, and the pattern is a bound parameter, never SQL text.
 */
export function likeToGlob(parts: readonly LikePart[]): string {
  let glob = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'any':
        glob += '*';
        break;
      case 'one':
        glob += '?';
        break;
      case 'char':
        glob += charToGlob(part.char);
        break;
      case 'set':
        glob += setToGlob(part.negated, withBothCases(part.ranges));
        break;
    }
  }
  return glob;
}

const upperA = 0x41;
const upperZ = 0x5a;
const lowerA = 0x61;
const lowerZ = 0x7a;
const caseShift = lowerA - upperA;

function charToGlob(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= upperA && code <= upperZ) return `[${char}${String.fromCharCode(code + caseShift)}]`;
  if (code >= lowerA && code <= lowerZ) return `[${String.fromCharCode(code - caseShift)}${char}]`;
  if (char === '*' || char === '?' || char === '[') return `[${char}]`;
  return char;
}

function withBothCases(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = ranges.map(([from, to]) => [from, to]);
  for (const [from, to] of ranges) {
    const upperFrom = Math.max(from, upperA);
    const upperTo = Math.min(to, upperZ);
    if (upperFrom <= upperTo) out.push([upperFrom + caseShift, upperTo + caseShift]);
    const lowerFrom = Math.max(from, lowerA);
    const lowerTo = Math.min(to, lowerZ);
    if (lowerFrom <= lowerTo) out.push([lowerFrom - caseShift, lowerTo - caseShift]);
  }
  return mergeRanges(out);
}

const bracket = 0x5d; // ]
const dash = 0x2d; // -
const caret = 0x5e; // ^

/**
 * GLOB's set syntax gives ] - ^ meaning by position, so they are taken out of the ranges and put
 * where they are members: ] first, ^ anywhere but first, - last.
 */
function setToGlob(negated: boolean, ranges: readonly (readonly [number, number])[]): string {
  let hasBracket = false;
  let hasDash = false;
  let hasCaret = false;
  let body = '';
  for (const [from, to] of ranges) {
    let start = from;
    for (const special of [dash, bracket, caret]) {
      if (special < start || special > to) continue;
      if (special === bracket) hasBracket = true;
      else if (special === dash) hasDash = true;
      else hasCaret = true;
      body += rangeText(start, special - 1);
      start = special + 1;
    }
    body += rangeText(start, to);
  }
  if (!negated && !hasBracket && body === '' && hasCaret) {
    // [^] would be a negation: ^ alone is itself, and with - it goes second.
    return hasDash ? '[-^]' : '^';
  }
  return `[${negated ? '^' : ''}${hasBracket ? ']' : ''}${body}${hasCaret ? '^' : ''}${hasDash ? '-' : ''}]`;
}

function rangeText(from: number, to: number): string {
  if (from > to) return '';
  const a = String.fromCodePoint(from);
  if (from === to) return a;
  const b = String.fromCodePoint(to);
  return to === from + 1 ? a + b : `${a}-${b}`;
}
