import { describe, expect, it } from 'vitest';
import { sortByText, textOrder } from './text-order';

// A small generator with a fixed start, so a failure names strings that can be replayed.
function randomStrings(count: number, first: number): string[] {
  let state = first;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const alphabet = "aAbBcChHiIlLsSyYzZ  0000123456789-_.,'&()éÅ";
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 9);
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  });
}

const locales = ['en-US', 'de-DE', 'fr-FR', 'sv-SE', 'da-DK', 'cs-CZ', 'hu-HU', 'tr-TR', 'lt-LT', 'et-EE', 'cy', 'th-TH', 'ja-JP'];

describe('textOrder', () => {
  it.each(locales)('orders text exactly as Intl.Collator does in %s', (locale) => {
    const order = textOrder(locale);
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const strings = [...randomStrings(1500, 7), 'Package 9', 'Package 10', 'package 010', 'chata', 'hrad', 'aa', 'zz', 'Ich', 'ıi'];
    const sorted = sortByText(strings, (s) => s, order);
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!;
      const after = sorted[i]!;
      expect(collator.compare(before, after), `${JSON.stringify(before)} then ${JSON.stringify(after)}`).toBeLessThanOrEqual(0);
    }
  });

  it('keys plain ASCII in the locales that order it letter by letter, and not where pairs of letters sort as one', () => {
    expect(textOrder('en-US').key('Package 10')).not.toBeNull();
    expect(textOrder('de-DE').key('Package 10')).not.toBeNull();
    // Czech sorts "ch" after "h", Danish "aa" after "z": only the collator knows.
    expect(textOrder('cs-CZ').key('chata')).toBeNull();
    expect(textOrder('da-DK').key('aa')).toBeNull();
    expect(textOrder('en-US').key('Café')).toBeNull();
  });

  it('puts numbers in names by value and ignores case', () => {
    const order = textOrder('en-US');
    expect(sortByText(['package 10', 'Package 9', 'PACKAGE 1', 'Package 09b'], (s) => s, order)).toEqual([
      'PACKAGE 1',
      'Package 9',
      'Package 09b',
      'package 10',
    ]);
  });

  it('keeps the given order of names the admin cannot tell apart', () => {
    const order = textOrder('en-US');
    expect(sortByText(['b', 'Viewer', 'a', 'viewer', 'VIEWER'], (s) => s, order)).toEqual(['a', 'b', 'Viewer', 'viewer', 'VIEWER']);
  });
});
