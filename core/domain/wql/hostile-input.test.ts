import { describe, expect, it } from 'vitest';
import { families, timeFamilies } from '../../../test/helpers/adversarial-strings';
import { WqlError, readQueryRule, wqlLimits } from '.';

const prefix = 'select * from SMS_R_System where ';

function errorOf(text: string): WqlError {
  try {
    readQueryRule(text);
  } catch (error) {
    if (error instanceof WqlError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('hostile query rules', () => {
  it('a 100,000-character string is refused for its length, at the limit, before it is read', () => {
    const text = `${prefix}Name = '${'x'.repeat(100_000)}'`;
    const error = errorOf(text);
    expect(error.message).toBe('Line 1, column 65537: the query is 100,042 characters long; a query rule can be at most 65,536.');
    expect(error.offset).toBe(65_536);
  });

  it('a query of exactly the longest length is read', () => {
    const head = `${prefix}Name = '`;
    const text = `${head}${'y'.repeat(wqlLimits.maxQueryLength - head.length - 1)}'`;
    expect(text.length).toBe(wqlLimits.maxQueryLength);
    expect(readQueryRule(text).where).toMatchObject({ kind: 'compare', value: 'y'.repeat(wqlLimits.maxQueryLength - head.length - 1) });
  });

  it('nesting 10,000 deep (9,000 for UPPER, to stay under the length limit) is a clear error, not a stack overflow', () => {
    const deep = 10_000;
    const cases = [
      `${prefix}${'('.repeat(deep)}Name = 'a'${')'.repeat(deep)}`,
      `${prefix}${'not '.repeat(deep)}Name = 'a'`,
      `${prefix}${'upper('.repeat(9_000)}Name${')'.repeat(9_000)} = 'A'`,
      `${prefix}${'(not '.repeat(deep / 2)}Name = 'a'${')'.repeat(deep / 2)}`,
    ];
    for (const text of cases) {
      const error = errorOf(text);
      expect(error.reason).toBe('the query nests parentheses, NOT, UPPER and LOWER more than 64 levels deep.');
      expect(error.line).toBe(1);
    }
  });

  it('64 levels are read, 65 are not', () => {
    const nested = (levels: number) => `${prefix}${'('.repeat(levels)}Name = 'a'${')'.repeat(levels)}`;
    expect(readQueryRule(nested(64)).where).toMatchObject({ kind: 'compare' });
    expect(errorOf(nested(65)).column).toBe(prefix.length + 65);
  });

  it('an IN list of 1,000 values is read, of 1,001 is not', () => {
    const list = (n: number) => `${prefix}ResourceId in (${Array.from({ length: n }, (_, i) => i).join(', ')})`;
    expect(readQueryRule(list(1_000)).where).toMatchObject({ kind: 'in' });
    expect(errorOf(list(1_001)).reason).toBe('an IN list can hold at most 1,000 values.');
  });

  it('a flat chain of 4,500 ANDs is read without recursion', () => {
    const text = prefix + Array.from({ length: 4_500 }, () => 'Client=1').join(' and ');
    expect(text.length).toBeLessThan(wqlLimits.maxQueryLength);
    const where = readQueryRule(text).where;
    expect(where?.kind === 'and' && where.operands.length).toBe(4_500);
  });

  it('no input makes the reader slow: runs of quotes, backslashes, brackets and parentheses up to the longest query', async () => {
    const slow = await timeFamilies(
      'readQueryRule',
      wqlLimits.maxQueryLength,
      (input) => {
        try {
          readQueryRule(input);
        } catch (error) {
          if (!(error instanceof WqlError)) throw error;
        }
      },
      {
        boundMs: 250,
        families: families({
          prefixes: [prefix, `${prefix}Name like '`],
          fills: ["'", "''", '\\', '(', 'not ', '[%', 'a or ', '\u2019'],
          suffixes: ['', "'"],
        }),
      },
    );
    expect(slow).toEqual([]);
  });
});
