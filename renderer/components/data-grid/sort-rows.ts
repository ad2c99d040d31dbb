import type { ColumnKind, DataGridColumn, SortState } from './data-grid-types';

// One collator for every grid: `numeric` puts "Package 9" before "Package 10" as Explorer does.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function toNumber(value: string | number, kind: ColumnKind): number {
  if (typeof value === 'number') return value;
  const parsed = kind === 'date' ? Date.parse(value) : Number(value);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}

/** Compares two cell values by the column's kind; empty values always go last, whatever the direction. */
export function compareValues(a: string | number | null, b: string | number | null, kind: ColumnKind): number {
  const aEmpty = a === null || a === '';
  const bEmpty = b === null || b === '';
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (kind === 'text') return collator.compare(String(a), String(b));
  return toNumber(a, kind) - toNumber(b, kind);
}

/**
 * A sorted copy of `rows`. Ties fall back to the first column (usually Name, so ten packages of
 * version 1.0 read alphabetically) and then to the row key, so the order never jumps between
 * renders: a live update must not shuffle rows that compare equal.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly DataGridColumn<Row>[],
  sort: SortState | null,
  getRowKey: (row: Row) => string,
): readonly Row[] {
  const column = sort ? columns.find((c) => c.id === sort.columnId) : undefined;
  if (!sort || !column) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const first = columns[0] !== column ? columns[0] : undefined;
  const keyed = rows.map((row) => ({
    row,
    value: column.value(row),
    tie: first ? first.value(row) : null,
    key: getRowKey(row),
  }));
  keyed.sort((x, y) => {
    const xEmpty = x.value === null || x.value === '';
    const yEmpty = y.value === null || y.value === '';
    // Empty cells stay at the bottom in both directions, as in the suite's list views.
    if (xEmpty !== yEmpty) return xEmpty ? 1 : -1;
    const byValue = compareValues(x.value, y.value, column.kind) * sign;
    if (byValue !== 0) return byValue;
    const byFirst = first ? compareValues(x.tie, y.tie, first.kind) : 0;
    return byFirst !== 0 ? byFirst : collator.compare(x.key, y.key);
  });
  return keyed.map((k) => k.row);
}
