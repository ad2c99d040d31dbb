/**
 * A WQL LIKE pattern, read once into parts so that each database can match it its own way:
 * `%` any run of characters, `_` any one character, `[abc]`, `[a-f]` and `[^a-f]` one character
 * in (or not in) a set, anything else itself. A `]` right after `[` or `[^` is a member, so `[]]`
 * matches "]"; `-` first or last in a set is a member; `[%]`, `[_]` and `[[]` match those
 * characters, which is how WQL escapes them (there is no ESCAPE clause).
 */
export type LikePart =
  | { readonly kind: 'any' }
  | { readonly kind: 'one' }
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'set'; readonly negated: boolean; readonly ranges: readonly (readonly [number, number])[] };

export class LikePatternError extends Error {}

export function parseLikePattern(pattern: string): LikePart[] {
  const parts: LikePart[] = [];
  const chars = [...pattern];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '%') {
      // %% is %: one part keeps the matcher's work linear in the pattern.
      if (parts[parts.length - 1]?.kind !== 'any') parts.push({ kind: 'any' });
      i++;
    } else if (c === '_') {
      parts.push({ kind: 'one' });
      i++;
    } else if (c === '[') {
      const { part, next } = readSet(chars, i);
      parts.push(part);
      i = next;
    } else {
      parts.push({ kind: 'char', char: c });
      i++;
    }
  }
  return parts;
}

function readSet(chars: readonly string[], open: number): { part: LikePart; next: number } {
  let i = open + 1;
  const negated = chars[i] === '^';
  if (negated) i++;
  const members: number[] = [];
  const ranges: [number, number][] = [];
  const first = i;
  while (i < chars.length && (chars[i] !== ']' || i === first)) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const last = chars[i + 2];
    if (next === '-' && last !== undefined && last !== ']') {
      const from = c.codePointAt(0)!;
      const to = last.codePointAt(0)!;
      if (from > to) throw new LikePatternError(`the range ${c}-${last} in the pattern runs backwards; write ${last}-${c}.`);
      ranges.push([from, to]);
      i += 3;
    } else {
      members.push(c.codePointAt(0)!);
      i++;
    }
  }
  if (i >= chars.length) throw new LikePatternError(`the [ at character ${open + 1} of the pattern opens a set that is never closed; write [[] to match a [.`);
  for (const m of members) ranges.push([m, m]);
  return { part: { kind: 'set', negated, ranges: mergeRanges(ranges) }, next: i + 1 };
}

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
