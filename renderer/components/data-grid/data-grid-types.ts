import type { ReactNode } from 'react';

/**
 * How a column's values sort and show:
 * - `text`: names and other words, in the user's locale, case ignored, numbers in them by value;
 * - `id`: the suite's object IDs (Package ID, Advertisement ID, Collection ID …), compared
 *   character by character with case ignored, as the site database's NOCASE collation compares
 *   them, so A0100001 comes before A01000A0;
 * - `number`: by value;
 * - `date`: by time, shown as `formatDateTime` shows it.
 */
export type ColumnKind = 'text' | 'id' | 'number' | 'date';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  readonly columnId: string;
  readonly direction: SortDirection;
}

interface ColumnBase<Row> {
  readonly id: string;
  readonly label: string;
  /** The cell's content when it differs from the value (an icon, a unit …). */
  readonly render?: (row: Row) => ReactNode;
  /** Starting width in CSS pixels; the grid widens it to fit the header, and the admin can drag it. */
  readonly width: number;
  readonly align?: 'start' | 'end';
  /**
   * A column the list can do without: while the columns are wider than the list, those with one
   * are left out, the highest first, so a narrow window shows the main columns without sideways
   * scrolling. They come back when there is room; sorting by one still works while it is out.
   */
  readonly hidePriority?: number;
}

/**
 * A column of the details list. `value` is what sorting compares and what the cell shows unless
 * `render` is given; an empty value ('' or null) sorts last in both directions.
 */
export type DataGridColumn<Row> =
  | (ColumnBase<Row> & { readonly kind: 'text' | 'id'; readonly value: (row: Row) => string })
  | (ColumnBase<Row> & { readonly kind: 'number'; readonly value: (row: Row) => number | null })
  | (ColumnBase<Row> & {
      readonly kind: 'date';
      /** An ISO 8601 string or epoch milliseconds. */
      readonly value: (row: Row) => string | number | null;
    });

/** Where a context menu was asked for, in viewport coordinates. */
export interface MenuPoint {
  readonly x: number;
  readonly y: number;
}
