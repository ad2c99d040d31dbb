import { describe, expect, it } from 'vitest';
import type { DataGridColumn } from './data-grid-types';
import { compareValues, sortRows } from './sort-rows';

interface Item {
  readonly id: string;
  readonly name: string;
  readonly size: number | null;
  readonly modified: string;
}

const columns: readonly DataGridColumn<Item>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 100, value: (r) => r.name },
  { id: 'size', label: 'Size', kind: 'number', width: 100, value: (r) => r.size },
  { id: 'modified', label: 'Modified', kind: 'date', width: 100, value: (r) => r.modified },
];

const items: readonly Item[] = [
  { id: 'a', name: 'Package 10', size: 9, modified: '2026-01-02T00:00:00Z' },
  { id: 'b', name: 'package 9', size: 100, modified: '2025-12-31T23:59:00Z' },
  { id: 'c', name: 'Ärger', size: null, modified: '2026-03-01T00:00:00Z' },
  { id: 'd', name: '', size: 20, modified: '2024-06-01T00:00:00Z' },
];

const ids = (rows: readonly Item[]): string => rows.map((r) => r.id).join('');

describe('sortRows', () => {
  it('sorts text with numeric awareness and ignores case', () => {
    expect(ids(sortRows(items, columns, { columnId: 'name', direction: 'ascending' }, (r) => r.id))).toBe('cbad');
  });

  it('sorts numbers as numbers, not as text', () => {
    expect(ids(sortRows(items, columns, { columnId: 'size', direction: 'ascending' }, (r) => r.id))).toBe('adbc');
    expect(ids(sortRows(items, columns, { columnId: 'size', direction: 'descending' }, (r) => r.id))).toBe('bdac');
  });

  it('sorts dates chronologically', () => {
    expect(ids(sortRows(items, columns, { columnId: 'modified', direction: 'ascending' }, (r) => r.id))).toBe('dbac');
  });

  it('keeps empty values last in both directions', () => {
    expect(ids(sortRows(items, columns, { columnId: 'name', direction: 'descending' }, (r) => r.id))).toBe('abcd');
  });

  it('breaks ties by the first column, then by key, so the order is stable', () => {
    const sameSize = [
      { id: 'x', name: 'Zeta', size: 1, modified: '' },
      { id: 'y', name: 'Alpha', size: 1, modified: '' },
    ];
    expect(ids(sortRows(sameSize, columns, { columnId: 'size', direction: 'descending' }, (r) => r.id))).toBe('yx');
    const same = [
      { id: 'z', name: 'x', size: 1, modified: '' },
      { id: 'm', name: 'x', size: 1, modified: '' },
    ];
    expect(ids(sortRows(same, columns, { columnId: 'name', direction: 'ascending' }, (r) => r.id))).toBe('mz');
  });

  it('returns the rows unchanged without a sort', () => {
    expect(sortRows(items, columns, null, (r) => r.id)).toBe(items);
  });
});

describe('compareValues', () => {
  it('puts empty values after real ones', () => {
    expect(compareValues(null, 'a', 'text')).toBeGreaterThan(0);
    expect(compareValues('', '', 'text')).toBe(0);
  });
});
