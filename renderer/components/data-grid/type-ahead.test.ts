import { describe, expect, it } from 'vitest';
import type { DataGridColumn } from './data-grid-types';
import { typeAheadColumn } from './type-ahead';

interface Row {
  readonly name: string;
  readonly id: string;
  readonly size: number;
}

const columns: DataGridColumn<Row>[] = [
  { id: 'name', label: 'Name', width: 200, kind: 'text', value: (row) => row.name },
  { id: 'packageId', label: 'Package ID', width: 90, kind: 'id', value: (row) => row.id },
  { id: 'size', label: 'Size', width: 60, kind: 'number', value: (row) => row.size },
];

describe('the column type-ahead searches', () => {
  it('is the sorted column when it holds words or IDs', () => {
    expect(typeAheadColumn(columns, { columnId: 'packageId', direction: 'ascending' })?.id).toBe('packageId');
  });

  it('is the name column when nothing is sorted, or the sorted column holds numbers or dates', () => {
    expect(typeAheadColumn(columns, null)?.id).toBe('name');
    expect(typeAheadColumn(columns, { columnId: 'size', direction: 'descending' })?.id).toBe('name');
  });
});
