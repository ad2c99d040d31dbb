import { mergeClasses } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { DataGridColumn, SortDirection } from './data-grid-types';
import { useDataGridStyles } from './data-grid-styles';

interface ColumnHeaderProps<Row> {
  readonly column: DataGridColumn<Row>;
  readonly index: number;
  readonly width: number;
  readonly sort: SortDirection | null;
  readonly onSort: () => void;
  readonly onResize: (width: number) => void;
}

const keyboardResizeStep = 16;

/**
 * A sortable, resizable column header. Click (or Enter/Space) sorts; dragging the right edge or
 * Ctrl+Shift+Left/Right with the header focused changes the width.
 */
export function ColumnHeader<Row>(props: ColumnHeaderProps<Row>): ReactNode {
  const { column, sort, width } = props;
  const styles = useDataGridStyles();
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    if (!(event.ctrlKey && event.shiftKey)) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      event.stopPropagation();
      props.onResize(width + (event.key === 'ArrowRight' ? keyboardResizeStep : -keyboardResizeStep));
    }
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    if (!drag.current) return;
    props.onResize(drag.current.startWidth + event.clientX - drag.current.startX);
  }

  function endDrag(event: PointerEvent<HTMLDivElement>): void {
    if (!drag.current) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  }

  return (
    <div
      role="columnheader"
      aria-colindex={props.index + 1}
      aria-sort={sort ?? 'none'}
      className={styles.headerCell}
    >
      <button
        type="button"
        className={mergeClasses(styles.headerButton, column.align === 'end' && styles.headerButtonEnd)}
        onClick={props.onSort}
        onKeyDown={onKeyDown}
      >
        <span className={styles.headerLabel}>{column.label}</span>
        {sort === 'ascending' && <ChevronUpRegular className={styles.sortIcon} aria-hidden />}
        {sort === 'descending' && <ChevronDownRegular className={styles.sortIcon} aria-hidden />}
      </button>
      {/* Pointer-only grip; keyboard users resize with Ctrl+Shift+arrows on the header itself. */}
      <div
        aria-hidden
        className={styles.resizer}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onClick={(event) => event.stopPropagation()}
      />
    </div>
  );
}
