import type { ReactNode } from 'react';

/** How a column's values compare when the admin sorts by it. */
export type ColumnKind = 'text' | 'number' | 'date';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  readonly columnId: string;
  readonly direction: SortDirection;
}

export interface DataGridColumn<Row> {
  readonly id: string;
  readonly label: string;
  readonly kind: ColumnKind;
  /**
   * The raw value: what sorting compares, and what the cell shows unless `render` is given.
   * Dates are ISO 8601 strings or epoch milliseconds; null sorts last.
   */
  readonly value: (row: Row) => string | number | null;
  /** The cell's content when it differs from the raw value (a localized date, an icon …). */
  readonly render?: (row: Row) => ReactNode;
  /** Starting width in CSS pixels; the admin can drag it wider or narrower. */
  readonly width: number;
  readonly align?: 'start' | 'end';
}

/** Where a context menu was asked for, in viewport coordinates. */
export interface MenuPoint {
  readonly x: number;
  readonly y: number;
}
