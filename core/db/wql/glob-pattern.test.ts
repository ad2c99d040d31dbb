import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLikePattern, type LikePart } from '../../domain/wql';
import { LikePatternError } from '../../domain/wql/like-pattern';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { referenceLikeMatch } from '../../../test/helpers/wql-like-reference';
import { likeToGlob } from './glob-pattern';

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
        const expected = referenceLikeMatch(parts, value);
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
