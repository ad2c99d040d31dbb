import { describe, expect, it } from 'vitest';
import { isTyping, typeAheadMatch, typeCharacter, type TypedText } from './type-ahead';

const names = ['Contoso Viewer', 'Tailspin Bulk App 0003', 'Tailspin Toys', 'tailspin tools', 'Woodgrove'];
const label = (i: number): string => names[i] ?? '';
const match = (text: string, active: number): string | undefined => names[typeAheadMatch(text, names.length, label, active)];

function typeAll(keys: string, start: number, gap = 100): TypedText | null {
  let typed: TypedText | null = null;
  let now = start;
  for (const key of keys) {
    typed = typeCharacter(typed, key, now);
    now += gap;
  }
  return typed;
}

describe('type-ahead', () => {
  it('finds the first row that starts with the typed text, case ignored', () => {
    expect(match('tailspin t', -1)).toBe('Tailspin Toys');
    expect(match('TAILSPIN TOO', -1)).toBe('tailspin tools');
    expect(match('w', 0)).toBe('Woodgrove');
  });

  it('keeps the focused row while it still matches the longer prefix', () => {
    expect(match('tai', 2)).toBe('Tailspin Toys');
  });

  it('moves through the rows of one letter when the letter is typed again', () => {
    expect(match('t', 0)).toBe('Tailspin Bulk App 0003');
    expect(match('tt', 1)).toBe('Tailspin Toys');
    expect(match('ttt', 2)).toBe('tailspin tools');
    expect(match('tttt', 3)).toBe('Tailspin Bulk App 0003');
  });

  it('finds nothing when no row starts with the text', () => {
    expect(typeAheadMatch('x', names.length, label, 0)).toBe(-1);
    expect(typeAheadMatch('a', 0, label, -1)).toBe(-1);
  });

  it('adds keys typed within about a second, and starts again after a pause', () => {
    expect(typeAll('Tailspin', 0)?.text).toBe('Tailspin');
    const typed = typeAll('Ta', 0);
    expect(isTyping(typed, 1050)).toBe(true);
    expect(typeCharacter(typed, 'x', 2200).text).toBe('x');
  });
});
