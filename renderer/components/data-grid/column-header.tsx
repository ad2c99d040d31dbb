import { mergeClasses } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { memo, useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { DataGridColumn, SortDirection } from './data-grid-types';
import { useDataGridStyles } from './data-grid-styles';

interface ColumnHeaderProps<Row> {
  readonly column: DataGridColumn<Row>;
  readonly index: number;
  readonly width: number;
  readonly sort: SortDirection | null;
  readonly onSort: (columnId: string) => void;
  readonly onResize: (columnId: string, width: number) => void;
  /** The width the header needs to show its whole label and the sort arrow. */
  readonly onFit: (columnId: string, width: number) => void;
}

const keyboardResizeStep = 16;

/**
 * A sortable, resizable column header. Click (or Enter/Space) sorts; dragging the right edge or
 * Ctrl+Shift+Left/Right with the header focused changes the width. The sort arrow has its own
 * slot whether shown or not, so sorting never shortens the label.
 */
function ColumnHeaderOf<Row>(props: ColumnHeaderProps<Row>): ReactNode {
  const { column, sort, width, onFit } = props;
  const styles = useDataGridStyles();
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const labelRef = useRef<HTMLSpanElement>(null);

  // What the header needs beside the label's own width (padding, the arrow's slot, the border),
  // measured from the rendered header so it holds for the fonts and zoom in use.
  useLayoutEffect(() => {
    const button = buttonRef.current;
    const label = labelRef.current;
    if (!button || !label) return;
    const measure = (): void => {
      const needed = button.getBoundingClientRect().width - label.getBoundingClientRect().width + label.scrollWidth;
      if (needed > 0) onFit(column.id, Math.ceil(needed) + 1);
    };
    measure();
    // Web fonts can arrive after the first layout and change every label's width.
    let live = true;
    void document.fonts?.ready.then(() => live && measure());
    return () => {
      live = false;
    };
  }, [column.id, column.label, onFit]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    if (!(event.ctrlKey && event.shiftKey)) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      event.stopPropagation();
      props.onResize(column.id, width + (event.key === 'ArrowRight' ? keyboardResizeStep : -keyboardResizeStep));
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
    props.onResize(column.id, drag.current.startWidth + event.clientX - drag.current.startX);
  }

  function endDrag(event: PointerEvent<HTMLDivElement>): void {
    if (!drag.current) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  }

  return (
    <div role="columnheader" aria-colindex={props.index + 1} aria-sort={sort ?? 'none'} className={styles.headerCell}>
      <button
        ref={buttonRef}
        type="button"
        className={mergeClasses(styles.headerButton, column.align === 'end' && styles.headerButtonEnd)}
        onClick={() => props.onSort(column.id)}
        onKeyDown={onKeyDown}
      >
        <span ref={labelRef} className={styles.headerLabel}>
          {column.label}
        </span>
        <span className={styles.sortSlot} aria-hidden>
          {sort === 'ascending' && <ChevronUpRegular className={styles.sortIcon} />}
          {sort === 'descending' && <ChevronDownRegular className={styles.sortIcon} />}
        </span>
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

// Scrolling re-renders the grid every frame; the headers do not change then.
export const ColumnHeader = memo(ColumnHeaderOf) as typeof ColumnHeaderOf;
