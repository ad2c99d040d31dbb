import { memo, type ReactNode } from 'react';
import { formatDateTime } from '../date-time';
import type { DataGridColumn } from './data-grid-types';

export interface GridRowProps<Row> {
  readonly row: Row;
  readonly index: number;
  readonly id: string;
  readonly start: number;
  readonly columns: readonly DataGridColumn<Row>[];
  /** The row's class, selection and focus included, worked out by the grid. */
  readonly className: string;
  /** One class per column, in order (alignment), shared by every row. */
  readonly cellClassNames: readonly string[];
  readonly selected: boolean;
}

function cellText<Row>(column: DataGridColumn<Row>, row: Row): string {
  if (column.kind === 'date') return formatDateTime(column.value(row));
  const value = column.value(row);
  return value === null ? '' : String(value);
}

function GridRowOf<Row>({ row, index, id, start, columns, className, cellClassNames, selected }: GridRowProps<Row>): ReactNode {
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-row-index={index}
      className={className}
      // Virtualization: each row is placed at its computed offset.
      style={{ transform: `translateY(${start}px)` }}
    >
      {columns.map((column, columnIndex) => {
        const text = cellText(column, row);
        return (
          <div
            key={column.id}
            role="gridcell"
            aria-colindex={columnIndex + 1}
            className={cellClassNames[columnIndex]}
            title={(column.kind === 'text' || column.kind === 'id') && text !== '' ? text : undefined}
          >
            {column.render ? column.render(row) : text}
          </div>
        );
      })}
    </div>
  );
}

/**
 * One row of the grid. Memoized: while the list scrolls, the rows still in view keep their
 * props and are not rendered again; only the rows scrolled in are.
 */
export const GridRow = memo(GridRowOf) as typeof GridRowOf;
