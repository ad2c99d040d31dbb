import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLikePattern, type LikePart } from '../../domain/wql';
import { LikePatternError } from '../../domain/wql/like-pattern';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { likeToGlob } from './glob-pattern';

/**
 * An independent reading of WQL LIKE (parts matched by dynamic programming, ASCII letters folded
 * as NOCASE folds them), against which SQLite's GLOB of the translated pattern is checked.
 */
function referenceMatch(parts: readonly LikePart[], value: string): boolean {
  const chars = [...value];
  const fold = (c: string) => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c);
  const inSet = (ranges: readonly (readonly [number, number])[], c: string) => {
    const codes = new Set([c.codePointAt(0)!, fold(c).codePointAt(0)!, (c >= 'a' && c <= 'z' ? c.toUpperCase() : c).codePointAt(0)!]);
    return ranges.some(([from, to]) => [...codes].some((code) => code >= from && code <= to));
  };
  // reach[j]: the first j characters can be matched by the parts so far.
  let reach = chars.map((_, j) => j === 0).concat(chars.length === 0);
  for (const part of parts) {
    const next = new Array<boolean>(chars.length + 1).fill(false);
    for (let j = 0; j <= chars.length; j++) {
      if (part.kind === 'any') next[j] = reach[j]! || (j > 0 && next[j - 1]!);
      else if (j > 0 && reach[j - 1]) {
        const c = chars[j - 1]!;
        if (part.kind === 'one') next[j] = true;
        else if (part.kind === 'char') next[j] = fold(c) === fold(part.char);
        else next[j] = inSet(part.ranges, c) !== part.negated;
      }
    }
    reach = next;
  }
  return reach[chars.length]!;
}

const db = new Database(':memory:');
afterAll(() => db.close());
const glob = db.prepare('SELECT ? GLOB ? AS matched').pluck();

describe('WQL LIKE as SQLite GLOB', () => {
  it('matches what an independent reading of the pattern matches, for random patterns and values', () => {
    const random = seededRandom(20_261_202);
    const patternAlphabet = ['a', 'A', 'b', 'Z', 'z', '-', ']', '^', '[', '*', '?', '%', '_', 'é', 'É', '0', '9', '\\', '`', '{'];
    const valueAlphabet = ['a', 'A', 'b', 'B', 'z', 'Z', '-', ']', '^', '[', '*', '?', '%', '_', 'é', 'É', '0', '5', '\\', '`', '{', '@'];
    const pick = (alphabet: readonly string[], length: number) => Array.from({ length }, () => alphabet[random.int(alphabet.length)]!).join('');
    let compared = 0;
    for (let p = 0; p < 3_000; p++) {
      const pattern = pick(patternAlphabet, 1 + random.int(7));
      let parts: LikePart[];
      try {
        parts = parseLikePattern(pattern);
      } catch (error) {
        expect(error).toBeInstanceOf(LikePatternError);
        continue;
      }
      const translated = likeToGlob(parts);
      for (let v = 0; v < 25; v++) {
        const value = pick(valueAlphabet, random.int(6));
        const expected = referenceMatch(parts, value);
        expect(glob.get(value, translated) === 1, `${JSON.stringify(value)} LIKE ${JSON.stringify(pattern)} (GLOB ${JSON.stringify(translated)})`).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  });

  it('sets made only of the characters GLOB gives meaning to', () => {
    const cases: [string, string, boolean][] = [
      ['[]^]', '^', true],
      ['[]^]', ']', true],
      ['[]^]', 'a', false],
      ['[^^]', 'a', true],
      ['[-^]', '-', true],
      ['[-^]', '^', true],
      ['[]]', ']', true],
      ['[^]]', ']', false],
      ['[^]]', 'x', true],
      ['[^^]', '^', false],
      ['[^-]', '-', false],
      ['[]-]', '-', true],
      ['[a-]', '-', true],
      ['[*]', 'x', false],
      ['[?]', '?', true],
    ];
    for (const [pattern, value, expected] of cases) {
      expect(glob.get(value, likeToGlob(parseLikePattern(pattern))) === 1, `${value} LIKE ${pattern}`).toBe(expected);
    }
  });

  it('a set whose range crosses the letters gets both cases of just those letters', () => {
    const translated = likeToGlob(parseLikePattern('[X-b]'));
    expect(translated).toBe('[]ABX-\\_-bx-z^]');
    for (const [value, expected] of [['x', true], ['B', true], ['_', true], [']', true], ['^', true], ['\\', true], ['[', true], ['c', false], ['C', false], ['W', false]] as const) {
      expect(glob.get(value, translated) === 1, value).toBe(expected);
    }
  });
});
