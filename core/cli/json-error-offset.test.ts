import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset';

describe('jsonErrorOffset', () => {
  it('finds nothing wrong in JSON, of every kind of value', () => {
    for (const text of ['{}', '[]', ' 0 ', '-1.5e+3', '"a\\u00e9\\n"', 'true', 'null', '{"a": [1, {"b": false}, "c"], "d": {}}', '[[[]]]']) {
      expect(jsonErrorOffset(text), text).toBeNull();
      expect(() => JSON.parse(text) as unknown).not.toThrow();
    }
  });

  it('points at the first character that cannot continue the JSON', () => {
    const cases: [string, number][] = [
      ['{"a": 1,}', 8],
      ['[1,,2]', 3],
      ["{'a': 1}", 1],
      ['{"a" 1}', 5],
      ['[1 2]', 3],
      ['[01]', 2],
      ['[1.]', 3],
      ['"tab\there"', 4],
      ['"\\x"', 2],
      ['[tru]', 4],
      ['{"a": 1} x', 9],
      ['{"a": [1, 2', 11],
      ['', 0],
    ];
    for (const [text, offset] of cases) {
      expect(jsonErrorOffset(text), text).toBe(offset);
      expect(() => JSON.parse(text) as unknown, text).toThrow();
    }
  });

  it('takes a megabyte of open brackets without running out of stack', () => {
    const text = '['.repeat(1_000_000);
    expect(jsonErrorOffset(text)).toBe(text.length);
  });
});
