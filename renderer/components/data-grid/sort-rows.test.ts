import { describe, expect, it } from 'vitest';
import type { DataGridColumn } from './data-grid-types';
import { compareValues, sortRows } from './sort-rows';
import { textOrder } from './text-order';

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
  { id: 'packageId', label: 'Package ID', kind: 'id', width: 100, value: (r) => r.id },
];

const items: readonly Item[] = [
  { id: 'a', name: 'Package 10', size: 9, modified: '2026-01-02T00:00:00Z' },
  { id: 'b', name: 'package 9', size: 100, modified: '2025-12-31T23:59:00Z' },
  { id: 'c', name: 'Ärger', size: null, modified: '2026-03-01T00:00:00Z' },
  { id: 'd', name: '', size: 20, modified: '2024-06-01T00:00:00Z' },
];

const ids = (rows: readonly Item[]): string => rows.map((r) => r.id).join('');
const en = textOrder('en-US');
const sorted = (rows: readonly Item[], columnId: string, direction: 'ascending' | 'descending' = 'ascending') =>
  sortRows(rows, columns, { columnId, direction }, (r) => r.id, en);

describe('sortRows', () => {
  it('sorts text with numeric awareness and ignores case', () => {
    expect(ids(sorted(items, 'name'))).toBe('cbad');
  });

  it('sorts numbers as numbers, not as text', () => {
    expect(ids(sorted(items, 'size'))).toBe('adbc');
    expect(ids(sorted(items, 'size', 'descending'))).toBe('bdac');
  });

  it('sorts dates chronologically', () => {
    expect(ids(sorted(items, 'modified'))).toBe('dbac');
  });

  it('keeps empty values last in both directions', () => {
    expect(ids(sorted(items, 'name', 'descending'))).toBe('abcd');
  });

  it('sorts the suite\'s IDs character by character with case ignored, not as numbers inside text', () => {
    // Hex IDs as a site hands them out: 1, 9, A, 10, A0 (hex) …; a lower-case one sorts among them,
    // as under the site database's NOCASE collation, and '_' before the letters as there.
    const packageIds = ['A0100001', 'A0100009', 'A010000A', 'A0100010', 'A01000A0', 'A0101000', 'A01A0000', 'a0100002', 'A01_0000'];
    const rows = packageIds.map((id) => ({ id, name: `Package ${id}`, size: 1, modified: '' }));
    expect(sorted(rows, 'packageId').map((r) => r.id)).toEqual([
      'A0100001',
      'a0100002',
      'A0100009',
      'A010000A',
      'A0100010',
      'A01000A0',
      'A0101000',
      'A01_0000',
      'A01A0000',
    ]);
  });

  it('puts the first of 2,032 sequential package IDs first', () => {
    const rows = Array.from({ length: 2032 }, (_, i) => {
      const id = `A01${(i + 1).toString(16).toUpperCase().padStart(5, '0')}`;
      return { id, name: id, size: 1, modified: '' };
    });
    const ascending = sorted([...rows].reverse(), 'packageId');
    expect(ascending[0]?.id).toBe('A0100001');
    expect(ascending.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('breaks ties by the first column, then by key, so the order is stable', () => {
    const sameSize = [
      { id: 'x', name: 'Zeta', size: 1, modified: '' },
      { id: 'y', name: 'Alpha', size: 1, modified: '' },
    ];
    expect(ids(sorted(sameSize, 'size', 'descending'))).toBe('yx');
    const same = [
      { id: 'z', name: 'x', size: 1, modified: '' },
      { id: 'm', name: 'x', size: 1, modified: '' },
    ];
    expect(ids(sorted(same, 'name'))).toBe('mz');
  });

  it('gives the same order through the collator as through sort keys', () => {
    const names = ['Tailspin Bulk App 0003', 'Tailspin Toys', 'tailspin 2', 'Tailspin 10', 'Ärger', 'Zeta', 'Café', 'cafe 2'];
    const rows = names.map((name, i) => ({ id: String(i), name, size: 1, modified: '' }));
    const slow = { compare: en.compare, key: () => null };
    expect(sortRows(rows, columns, { columnId: 'name', direction: 'ascending' }, (r) => r.id, slow)).toEqual(sorted(rows, 'name'));
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

  it('compares IDs by character code, case ignored', () => {
    expect(compareValues('A0100001', 'A01000A0', 'id')).toBeLessThan(0);
    expect(compareValues('A01000A0', 'A0100099', 'id')).toBeGreaterThan(0);
    expect(compareValues('a01000a0', 'A01000A0', 'id')).toBe(0);
    expect(compareValues('a0100003', 'A0100002', 'id')).toBeGreaterThan(0);
  });
});
