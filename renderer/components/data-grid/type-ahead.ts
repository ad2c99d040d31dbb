import type { DataGridColumn, SortState } from './data-grid-types';

/**
 * The column a list's type-ahead (components/type-ahead) searches: the sorted one when it holds
 * words or IDs, else the first (the name). A date or a number is not what an admin types to find
 * a row.
 */
export function typeAheadColumn<Row>(columns: readonly DataGridColumn<Row>[], sort: SortState | null): DataGridColumn<Row> | undefined {
  const sorted = sort ? columns.find((c) => c.id === sort.columnId) : undefined;
  return sorted && (sorted.kind === 'text' || sorted.kind === 'id') ? sorted : columns[0];
}
