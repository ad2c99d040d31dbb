export { dateTimeColumn, objectIdColumn } from './columns';
export { DataGrid, type DataGridProps } from './data-grid';
export type { ColumnKind, DataGridColumn, MenuPoint, SortDirection, SortState } from './data-grid-types';
export { NameCell } from './name-cell';
export { compareValues, sortRows } from './sort-rows';
export { compareText, sortByText } from './text-order';
