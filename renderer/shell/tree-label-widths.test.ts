import { describe, expect, it } from 'vitest';
import { widestRow, type TreeRowMetrics } from './tree-label-widths';

const metrics: TreeRowMetrics = { indentStart: 4, indentPerLevel: 16, beforeLabel: 40, afterLabel: 8 };
const tenPerCharacter = (text: string) => text.length * 10;

describe('the console tree’s content width', () => {
  it('is the widest row: its indent, the boxes before the label, the label and the end padding', () => {
    const rows = [
      { level: 1, label: 'Site Database' },
      { level: 5, label: 'Tailspin Toys' },
      { level: 2, label: 'Computer Management' },
    ];
    // Level 5: 4 + 4×16 + 40 + 130 + 8 = 246; level 2's longer label: 4 + 16 + 40 + 190 + 8 = 258.
    expect(widestRow(rows, metrics, tenPerCharacter)).toBe(258);
    expect(widestRow(rows.slice(0, 2), metrics, tenPerCharacter)).toBe(246);
  });

  it('rounds a fractional width up, so the last pixel of a label is never cut', () => {
    expect(widestRow([{ level: 1, label: 'a' }], metrics, () => 10.2)).toBe(63);
  });

  it('is nothing for an empty tree', () => {
    expect(widestRow([], metrics, tenPerCharacter)).toBe(0);
  });
});
