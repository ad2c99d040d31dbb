import { foldNoCase } from '../../core/api';
import type { LikePart } from '../../core/domain/wql';

const fold = foldNoCase;
const other = (c: string): string => (c >= 'a' && c <= 'z' ? c.toUpperCase() : fold(c));

/**
 * WQL LIKE read independently of the GLOB translation, for tests to compare with: the parts are
 * matched by dynamic programming, and ASCII letters compare without case, as NOCASE compares them.
 */
export function referenceLikeMatch(parts: readonly LikePart[], value: string): boolean {
  const chars = [...value];
  const inSet = (ranges: readonly (readonly [number, number])[], c: string) =>
    [c, other(c)].some((x) => ranges.some(([from, to]) => x.codePointAt(0)! >= from && x.codePointAt(0)! <= to));
  // reach[j]: the first j characters are matched by the parts so far.
  let reach = chars.map((_, j) => j === 0).concat(chars.length === 0);
  for (const part of parts) {
    const next = new Array<boolean>(chars.length + 1).fill(false);
    for (let j = 0; j <= chars.length; j++) {
      if (part.kind === 'any') next[j] = reach[j]! || (j > 0 && next[j - 1]!);
      else if (j > 0 && reach[j - 1]) {
        const c = chars[j - 1]!;
        next[j] = part.kind === 'one' ? true : part.kind === 'char' ? fold(c) === fold(part.char) : inSet(part.ranges, c) !== part.negated;
      }
    }
    reach = next;
  }
  return reach[chars.length]!;
}
