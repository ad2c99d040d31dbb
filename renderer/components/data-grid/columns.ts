import type { DataGridColumn } from './data-grid-types';

/**
 * A column of the suite's object IDs (Package ID, Advertisement ID, Collection ID, Resource ID):
 * sorted character by character as the suite sorts them, never as numbers inside text, and wide
 * enough for an eight-character ID.
 */
export function objectIdColumn<Row>(id: string, label: string, value: (row: Row) => string): DataGridColumn<Row> {
  return { id, label, kind: 'id', width: 96, value };
}

/** A date column: sorted by time and shown by `formatDateTime`, as every date of the console is. */
export function dateTimeColumn<Row>(id: string, label: string, value: (row: Row) => string | number | null): DataGridColumn<Row> {
  return { id, label, kind: 'date', width: 136, value };
}
