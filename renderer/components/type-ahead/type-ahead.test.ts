import { describe, expect, it } from 'vitest';
import { emptyTypeAhead, isTypeAheadKey, typeAheadMatch, typed, typeAheadResetMs, type TypeAheadBuffer } from './type-ahead';

const names = ['Packages', 'Tailspin Bulk App 0001', 'Tailspin Bulk App 0003', 'Tailspin Toys', 'tailspin tools', 'Advertisements'];

function typeAll(keys: string, gapMs = 100): TypeAheadBuffer {
  let buffer = emptyTypeAhead;
  let now = 10_000;
  for (const key of keys) buffer = typed(buffer, key, (now += gapMs));
  return buffer;
}

const typeAheadMatchIn = (list: readonly string[], current: number, text: string): number => typeAheadMatch(list.length, (i) => list[i] ?? '', current, text);

describe('type-ahead', () => {
  it('matches the whole typed prefix, spaces included, without regard to case ("Tailspin T" landed on "Tailspin Bulk App 0003")', () => {
    expect(typeAheadMatchIn(names, 0, typeAll('Tailspin T').text)).toBe(3);
    expect(typeAheadMatchIn(names, 0, typeAll('TAILSPIN TOO').text)).toBe(4);
    expect(typeAheadMatchIn(names, 0, typeAll('tailspin b').text)).toBe(1);
  });

  it('keeps the current label while it still matches the longer prefix', () => {
    expect(typeAheadMatchIn(names, 3, 'tailspin t')).toBe(3);
    expect(typeAheadMatchIn(names, 3, 'tailspin to')).toBe(3);
  });

  it('cycles through the labels that start with a letter typed again and again, wrapping round', () => {
    expect(typeAheadMatchIn(names, 0, 't')).toBe(1);
    expect(typeAheadMatchIn(names, 1, 'tt')).toBe(2);
    expect(typeAheadMatchIn(names, 4, 'ttt')).toBe(1);
    expect(typeAheadMatchIn(names, -1, 'a')).toBe(5);
  });

  it('leaves the selection where it is when nothing matches', () => {
    expect(typeAheadMatchIn(names, 2, 'tailspin x')).toBe(-1);
    expect(typeAheadMatchIn([], 0, 'a')).toBe(-1);
  });

  it('starts a new search after about a second without a key', () => {
    const buffer = typed(typed(emptyTypeAhead, 'T', 0), 'a', 500);
    expect(buffer.text).toBe('Ta');
    expect(typed(buffer, 'P', 500 + typeAheadResetMs + 1).text).toBe('P');
  });

  it('takes a space only inside a search, and no key with Ctrl, Alt or Meta', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });
    expect(isTypeAheadKey(key(' '), emptyTypeAhead, 0)).toBe(false);
    expect(isTypeAheadKey(key(' '), { text: 'tailspin', at: 0 }, 500)).toBe(true);
    expect(isTypeAheadKey(key(' '), { text: 'tailspin', at: 0 }, 5000)).toBe(false);
    expect(isTypeAheadKey(key('a', { ctrlKey: true }), emptyTypeAhead, 0)).toBe(false);
    expect(isTypeAheadKey(key('Enter'), emptyTypeAhead, 0)).toBe(false);
  });
});
