import { describe, expect, it } from 'vitest';
import { gestureFor, nextSelection } from './grid-selection';

const keys = ['a', 'b', 'c', 'd', 'e'];

describe('nextSelection', () => {
  it('replaces the selection on a plain click', () => {
    expect(nextSelection(new Set(['a', 'b']), keys, 'a', 'd', 'replace')).toEqual(['d']);
  });

  it('toggles one row with Ctrl', () => {
    expect(nextSelection(new Set(['a']), keys, 'a', 'c', 'toggle')).toEqual(['a', 'c']);
    expect(nextSelection(new Set(['a', 'c']), keys, 'a', 'a', 'toggle')).toEqual(['c']);
  });

  it('selects the range from the anchor with Shift, in either direction', () => {
    expect(nextSelection(new Set(['b']), keys, 'b', 'd', 'range')).toEqual(['b', 'c', 'd']);
    expect(nextSelection(new Set(['d']), keys, 'd', 'b', 'range')).toEqual(['b', 'c', 'd']);
  });

  it('adds the range to the selection with Ctrl+Shift', () => {
    expect(nextSelection(new Set(['a']), keys, 'c', 'e', 'range-add')).toEqual(['a', 'c', 'd', 'e']);
  });
});

describe('gestureFor', () => {
  it('always replaces in single-selection grids', () => {
    expect(gestureFor({ ctrlKey: true, metaKey: false, shiftKey: true }, false)).toBe('replace');
  });

  it('reads Ctrl and Shift in multi-selection grids', () => {
    expect(gestureFor({ ctrlKey: true, metaKey: false, shiftKey: false }, true)).toBe('toggle');
    expect(gestureFor({ ctrlKey: false, metaKey: false, shiftKey: true }, true)).toBe('range');
  });
});
