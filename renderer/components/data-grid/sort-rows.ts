import { foldNoCase } from '../../../core/api';
import type { ColumnKind, DataGridColumn, SortState } from './data-grid-types';
import { consoleTextOrder, type TextOrder } from './text-order';

/**
 * What a cell sorts by, worked out once per row and column: the text of a text column (with its
 * sort key when it has one), or a number. Empty cells sort last whatever the direction.
 */
interface SortValue {
  readonly empty: boolean;
  /** An ordinal key (text, ids) or a number (numbers, dates); null for text only the collator orders. */
  readonly key: string | number | null;
  readonly text: string;
}

const emptyValue: SortValue = { empty: true, key: null, text: '' };

function toNumber(value: string | number, kind: ColumnKind): number {
  if (typeof value === 'number') return value;
  const parsed = kind === 'date' ? Date.parse(value) : Number(value);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}

function sortValueOf(value: string | number | null, kind: ColumnKind, order: TextOrder): SortValue {
  if (value === null || value === '') return emptyValue;
  switch (kind) {
    case 'id': {
      // The site database compares IDs under NOCASE: code unit by code unit, A–Z folded to a–z.
      const text = String(value);
      return { empty: false, key: foldNoCase(text), text };
    }
    case 'text': {
      const text = String(value);
      return { empty: false, key: order.key(text), text };
    }
    case 'number':
    case 'date':
      return { empty: false, key: toNumber(value, kind), text: '' };
  }
}

// Rows are immutable values, so a row's sort value for a column never changes: a live update that
// replaces one package re-sorts 100,000 without working out the other 99,999 again.
const cachedValues = new WeakMap<DataGridColumn<never>, WeakMap<object, SortValue>>();

function sortValue<Row>(column: DataGridColumn<Row>, row: Row, order: TextOrder): SortValue {
  if (typeof row !== 'object' || row === null || order !== consoleTextOrder()) return sortValueOf(column.value(row), column.kind, order);
  let values = cachedValues.get(column as DataGridColumn<never>);
  if (!values) {
    values = new WeakMap();
    cachedValues.set(column as DataGridColumn<never>, values);
  }
  let value = values.get(row);
  if (!value) {
    value = sortValueOf(column.value(row), column.kind, order);
    values.set(row, value);
  }
  return value;
}

const ordinal = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders two non-empty values of one column. */
function compareSortValues(a: SortValue, b: SortValue, order: TextOrder): number {
  if (a.key !== null && b.key !== null) return ordinal(a.key, b.key);
  return order.compare(a.text, b.text);
}

/** Compares two cell values by the column's kind; empty values always go last, whatever the direction. */
export function compareValues(
  a: string | number | null,
  b: string | number | null,
  kind: ColumnKind,
  order: TextOrder = consoleTextOrder(),
): number {
  const x = sortValueOf(a, kind, order);
  const y = sortValueOf(b, kind, order);
  if (x.empty || y.empty) return x.empty === y.empty ? 0 : x.empty ? 1 : -1;
  return compareSortValues(x, y, order);
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
  order: TextOrder = consoleTextOrder(),
): readonly Row[] {
  const column = sort ? columns.find((c) => c.id === sort.columnId) : undefined;
  if (!sort || !column) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const first = columns[0] !== column ? columns[0] : undefined;
  const keyed = rows.map((row) => ({
    row,
    value: sortValue(column, row, order),
    tie: first ? sortValue(first, row, order) : emptyValue,
    key: getRowKey(row),
  }));
  keyed.sort((x, y) => {
    // Empty cells stay at the bottom in both directions, as in the suite's list views.
    if (x.value.empty !== y.value.empty) return x.value.empty ? 1 : -1;
    const byValue = x.value.empty ? 0 : compareSortValues(x.value, y.value, order) * sign;
    if (byValue !== 0) return byValue;
    if (x.tie.empty !== y.tie.empty) return x.tie.empty ? 1 : -1;
    const byFirst = x.tie.empty ? 0 : compareSortValues(x.tie, y.tie, order);
    return byFirst !== 0 ? byFirst : ordinal(x.key, y.key);
  });
  return keyed.map((k) => k.row);
}
