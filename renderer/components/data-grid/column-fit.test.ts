import { describe, expect, it } from 'vitest';
import { columnsThatFit } from './column-fit';

const columns = [{ id: 'name' }, { id: 'id', hidePriority: 1 }, { id: 'type' }, { id: 'expires', hidePriority: 3 }, { id: 'mandatory', hidePriority: 2 }];
const widths = [100, 100, 50, 100, 100];

describe('columnsThatFit', () => {
  it('shows every column when they fit, or before the list is measured', () => {
    expect(columnsThatFit(columns, widths, 450)).toEqual([0, 1, 2, 3, 4]);
    expect(columnsThatFit(columns, widths, null)).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves out the highest hide priority first, one at a time, until the rest fit', () => {
    expect(columnsThatFit(columns, widths, 449)).toEqual([0, 1, 2, 4]);
    expect(columnsThatFit(columns, widths, 350)).toEqual([0, 1, 2, 4]);
    expect(columnsThatFit(columns, widths, 349)).toEqual([0, 1, 2]);
    expect(columnsThatFit(columns, widths, 249)).toEqual([0, 2]);
  });

  it('never leaves out a column without a priority, even when the rest are still too wide', () => {
    expect(columnsThatFit(columns, widths, 10)).toEqual([0, 2]);
    const plain: { id: string; hidePriority?: number }[] = [{ id: 'a' }, { id: 'b' }];
    expect(columnsThatFit(plain, [300, 300], 100)).toEqual([0, 1]);
  });
});
