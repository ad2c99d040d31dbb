import { mergeClasses, useArrowNavigationGroup } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useStoredState } from '../use-stored-state';
import { columnsThatFit } from './column-fit';
import { ColumnHeader } from './column-header';
import type { DataGridColumn, MenuPoint, SortState } from './data-grid-types';
import { useDataGridStyles } from './data-grid-styles';
import { gestureFor, nextSelection } from './grid-selection';
import { GridRow } from './grid-row';
import { sortRows } from './sort-rows';
import { emptyTypeAhead, isTypeAheadKey, typeAheadMatch, typed as addTyped, type TypeAheadBuffer } from '../type-ahead';
import { typeAheadColumn } from './type-ahead';

export interface DataGridProps<Row> {
  readonly rows: readonly Row[];
  readonly columns: readonly DataGridColumn<Row>[];
  readonly getRowKey: (row: Row) => string;
  /** The grid's accessible name, e.g. "Packages". */
  readonly label: string;
  readonly selectionMode?: 'single' | 'multiple';
  /** Controlled: the shell needs the selection for its Actions pane and toolbar. */
  readonly selectedKeys: readonly string[];
  readonly onSelectionChange: (keys: readonly string[]) => void;
  readonly defaultSort?: SortState | null;
  /** Enter or double-click: the row's default action (Properties, or open a folder). */
  readonly onOpen?: (row: Row) => void;
  readonly onDelete?: (rows: readonly Row[]) => void;
  readonly onRefresh?: () => void;
  /** Right-click, Shift+F10 or the context-menu key; `rows` is empty on blank space. */
  readonly onContextMenu?: (rows: readonly Row[], at: MenuPoint) => void;
  /** The row keys in the order shown, whenever it changes (rows or sort). */
  readonly onOrderChange?: (keys: readonly string[]) => void;
  /** Shown in the body when there are no rows. */
  readonly emptyMessage?: ReactNode;
  /** Remembers column widths and sort order in localStorage under this key. */
  readonly storageKey?: string;
  /** 24 px by default: the dense rows of an MMC list. */
  readonly rowHeight?: number;
  readonly className?: string;
}

interface GridLayout {
  readonly widths: Readonly<Record<string, number>>;
  readonly sort: SortState | null;
}

const minColumnWidth = 40;


/**
 * How many row slots the window cycles through: a power of two no smaller than the rows shown, so
 * the consecutive rows of any window fall in distinct slots and the count seldom changes.
 */
function slotCount(shown: number): number {
  let slots = 64;
  while (slots < shown) slots *= 2;
  return slots;
}
const defaultRowHeight = 24;

function isGridLayout(value: unknown): value is GridLayout {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { widths?: unknown; sort?: unknown };
  const widthsOk =
    typeof v.widths === 'object' && v.widths !== null && Object.values(v.widths).every((w) => typeof w === 'number');
  const sort = v.sort as { columnId?: unknown; direction?: unknown } | null | undefined;
  const sortOk =
    sort === null ||
    (typeof sort === 'object' &&
      typeof sort.columnId === 'string' &&
      (sort.direction === 'ascending' || sort.direction === 'descending'));
  return widthsOk && sortOk;
}

/**
 * The details pane's list: a virtualized grid (only the rows in view are in the DOM, so
 * 10,000 packages scroll as smoothly as 10) that behaves like a Windows list view.
 */
export function DataGrid<Row>(props: DataGridProps<Row>): ReactNode {
  const {
    rows,
    columns: allColumns,
    getRowKey,
    selectedKeys,
    onSelectionChange,
    onOpen,
    onDelete,
    onRefresh,
    onContextMenu,
    onOrderChange,
    selectionMode = 'single',
    rowHeight = defaultRowHeight,
  } = props;
  const styles = useDataGridStyles();
  const gridId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);

  const [layout, setLayout] = useStoredState<GridLayout>(
    props.storageKey,
    { widths: {}, sort: props.defaultSort ?? null },
    isGridLayout,
  );
  // What each header needs to show its whole label with the sort arrow; a column starts no narrower.
  const [fits, setFits] = useState<Readonly<Record<string, number>>>({});
  const onFit = useCallback((columnId: string, width: number) => {
    setFits((previous) => (previous[columnId] === width ? previous : { ...previous, [columnId]: width }));
  }, []);
  const typed = useRef<TypeAheadBuffer>(emptyTypeAhead);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [anchorKey, setAnchorKey] = useState<string | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  // The focus outline shows only while the admin uses the keyboard, as Windows does.
  const [keyboardMode, setKeyboardMode] = useState(false);
  // The headers are one Tab stop; Left/Right move between them (a toolbar-like roving focus).
  const headerNavigation = useArrowNavigationGroup({ axis: 'horizontal', memorizeCurrent: true });

  const sorted = useMemo(() => sortRows(rows, allColumns, layout.sort, getRowKey), [rows, allColumns, layout.sort, getRowKey]);
  const keys = useMemo(() => sorted.map(getRowKey), [sorted, getRowKey]);
  const indexByKey = useMemo(() => new Map(keys.map((k, i) => [k, i])), [keys]);
  const selected = useMemo(() => new Set(selectedKeys), [selectedKeys]);
  const activeIndex = activeKey === null ? -1 : (indexByKey.get(activeKey) ?? -1);

  // The body's width without its scroll bar, for columns that make way on a narrow list.
  const [available, setAvailable] = useState<number | null>(null);
  const canHide = allColumns.some((c) => c.hidePriority !== undefined);
  useEffect(() => {
    const body = bodyRef.current;
    // jsdom has no layout: a list there shows every column.
    if (!canHide || body === null || typeof ResizeObserver === 'undefined') return;
    const measure = () => setAvailable(body.clientWidth > 0 ? body.clientWidth : null);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    return () => observer.disconnect();
  }, [canHide]);

  const allWidths = allColumns.map((c) => Math.max(minColumnWidth, layout.widths[c.id] ?? Math.max(c.width, fits[c.id] ?? 0)));
  const shownIndexes = columnsThatFit(allColumns, allWidths, available);
  const shownKey = shownIndexes.join(',');
  // Rows sort by every column (the sorted one may be out); only the shown ones are laid out.
  const columns = useMemo(
    () => shownKey.split(',').flatMap((i) => (i === '' ? [] : allColumns.slice(Number(i), Number(i) + 1))),
    [allColumns, shownKey],
  );
  const widths = shownIndexes.map((i) => allWidths[i] ?? 0);
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => rowHeight,
    // Rows beyond the pane's edge, so a slow scroll or an arrow key finds the next row already
    // there; each one more is one more row to render on every frame of a fast scroll.
    overscan: 3,
  });

  const rowId = (index: number): string => `${gridId}-row-${index}`;

  useEffect(() => onOrderChange?.(keys), [keys, onOrderChange]);

  const rowsFor = useCallback(
    (keyList: Iterable<string>): Row[] => {
      const out: Row[] = [];
      for (const key of keyList) {
        const index = indexByKey.get(key);
        const row = index === undefined ? undefined : sorted[index];
        if (row !== undefined) out.push(row);
      }
      return out;
    },
    [indexByKey, sorted],
  );

  const selectedRows = (): Row[] => rowsFor(keys.filter((k) => selected.has(k)));

  function moveTo(index: number, event: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): void {
    if (sorted.length === 0) return;
    const clamped = Math.max(0, Math.min(sorted.length - 1, index));
    const key = keys[clamped];
    if (key === undefined) return;
    setActiveKey(key);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    const multiple = selectionMode === 'multiple';
    // Ctrl+arrow moves the focus only, as in Explorer, so Ctrl+Space can add rows one by one.
    if (multiple && (event.ctrlKey || event.metaKey) && !event.shiftKey) return;
    const gesture = gestureFor({ ctrlKey: false, metaKey: false, shiftKey: event.shiftKey }, multiple);
    const anchor = anchorKey ?? activeKey ?? key;
    onSelectionChange(nextSelection(selected, keys, anchor, key, gesture));
    if (gesture === 'replace') setAnchorKey(key);
  }

  /** Type-ahead: the first row whose sorted (or name) column starts with what the admin typed. */
  function typeAhead(character: string): void {
    const searched = typeAheadColumn(allColumns, layout.sort);
    if (!searched) return;
    typed.current = addTyped(typed.current, character, Date.now());
    const label = (index: number): string => {
      const row = sorted[index];
      const value = row === undefined ? null : searched.value(row);
      return value === null ? '' : String(value);
    };
    const index = typeAheadMatch(sorted.length, label, activeIndex, typed.current.text);
    const key = keys[index];
    if (key === undefined) return;
    setActiveKey(key);
    setAnchorKey(key);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    onSelectionChange([key]);
  }

  function pointForActiveRow(): MenuPoint {
    const element = activeIndex >= 0 ? document.getElementById(rowId(activeIndex)) : null;
    const rect = (element ?? rootRef.current)?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return { x: rect.left + Math.min(rect.width / 4, 48), y: rect.top + rect.height / 2 };
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'F5') {
      if (!onRefresh) return;
      event.preventDefault();
      event.stopPropagation();
      onRefresh();
      return;
    }
    // Keys below act on rows; a focused column header handles its own keys.
    if (event.target !== rootRef.current) return;
    setKeyboardMode(true);
    // Letters (and Space inside a name being typed) search the sorted or name column, as in Explorer.
    if (isTypeAheadKey(event, typed.current, Date.now())) {
      event.preventDefault();
      event.stopPropagation();
      typeAhead(event.key);
      return;
    }
    const body = bodyRef.current;
    const page = Math.max(1, Math.floor((body?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const from = activeIndex;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(from < 0 ? 0 : from + 1, event);
        break;
      case 'ArrowUp':
        moveTo(from < 0 ? 0 : from - 1, event);
        break;
      case 'Home':
        moveTo(0, event);
        break;
      case 'End':
        moveTo(sorted.length - 1, event);
        break;
      case 'PageDown':
        moveTo(from < 0 ? 0 : from + page, event);
        break;
      case 'PageUp':
        moveTo(from < 0 ? 0 : from - page, event);
        break;
      case ' ':
        if (activeKey !== null) {
          const gesture = (event.ctrlKey || event.metaKey) && selectionMode === 'multiple' ? 'toggle' : 'replace';
          onSelectionChange(nextSelection(selected, keys, anchorKey, activeKey, gesture));
          setAnchorKey(activeKey);
        } else handled = false;
        break;
      case 'a':
      case 'A':
        if ((event.ctrlKey || event.metaKey) && selectionMode === 'multiple') onSelectionChange(keys);
        else handled = false;
        break;
      case 'Enter': {
        const row = activeIndex >= 0 && activeKey !== null && selected.has(activeKey) ? sorted[activeIndex] : undefined;
        if (row !== undefined && onOpen) onOpen(row);
        else handled = false;
        break;
      }
      case 'Delete': {
        const chosen = selectedRows();
        if (chosen.length > 0 && onDelete) onDelete(chosen);
        else handled = false;
        break;
      }
      case 'ContextMenu':
        onContextMenu?.(selectedRows(), pointForActiveRow());
        break;
      case 'F10':
        if (event.shiftKey) onContextMenu?.(selectedRows(), pointForActiveRow());
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function rowAt(event: MouseEvent): { index: number; key: string; row: Row } | null {
    const element = (event.target as Element).closest<HTMLElement>('[data-row-index]');
    if (!element) return null;
    const index = Number(element.dataset.rowIndex);
    const key = keys[index];
    const row = sorted[index];
    return key === undefined || row === undefined ? null : { index, key, row };
  }

  function onBodyClick(event: MouseEvent<HTMLDivElement>): void {
    const hit = rowAt(event);
    if (!hit) {
      // A click on blank space clears the selection, as in a Windows list view.
      if (!event.ctrlKey && !event.metaKey) onSelectionChange([]);
      return;
    }
    const gesture = gestureFor(event, selectionMode === 'multiple');
    onSelectionChange(nextSelection(selected, keys, anchorKey ?? hit.key, hit.key, gesture));
    setActiveKey(hit.key);
    if (gesture === 'replace' || gesture === 'toggle') setAnchorKey(hit.key);
  }

  function onBodyDoubleClick(event: MouseEvent<HTMLDivElement>): void {
    const hit = rowAt(event);
    if (hit && onOpen) onOpen(hit.row);
  }

  function onBodyContextMenu(event: MouseEvent<HTMLDivElement>): void {
    if (!onContextMenu) return;
    event.preventDefault();
    rootRef.current?.focus();
    const hit = rowAt(event);
    const at = { x: event.clientX, y: event.clientY };
    if (!hit) {
      onSelectionChange([]);
      onContextMenu([], at);
      return;
    }
    setActiveKey(hit.key);
    // Right-clicking an unselected row selects it alone; inside a selection it keeps the selection.
    if (selected.has(hit.key)) {
      onContextMenu(selectedRows(), at);
    } else {
      setAnchorKey(hit.key);
      onSelectionChange([hit.key]);
      onContextMenu([hit.row], at);
    }
  }

  const toggleSort = useCallback(
    (columnId: string): void => {
      setLayout((previous) => ({
        ...previous,
        sort:
          previous.sort?.columnId === columnId
            ? { columnId, direction: previous.sort.direction === 'ascending' ? 'descending' : 'ascending' }
            : { columnId, direction: 'ascending' },
      }));
    },
    [setLayout],
  );

  const resizeColumn = useCallback(
    (columnId: string, width: number): void => {
      setLayout((previous) => ({
        ...previous,
        widths: { ...previous.widths, [columnId]: Math.max(minColumnWidth, Math.round(width)) },
      }));
    },
    [setLayout],
  );

  // Class names are worked out once, not per cell: a frame of fast scrolling renders 40 rows anew.
  const cellClassNames = useMemo(
    () => columns.map((column) => mergeClasses(styles.cell, column.align === 'end' && styles.cellEnd)),
    [columns, styles.cell, styles.cellEnd],
  );
  const rowClassNames = useMemo(
    () => ({
      plain: styles.row,
      selected: mergeClasses(styles.row, hasFocus ? styles.rowSelectedFocused : styles.rowSelected),
      selectedActive: mergeClasses(styles.row, hasFocus ? styles.rowSelectedFocused : styles.rowSelected, hasFocus && keyboardMode && styles.rowActive),
      active: mergeClasses(styles.row, hasFocus && keyboardMode && styles.rowActive),
    }),
    [styles.row, styles.rowSelected, styles.rowSelectedFocused, styles.rowActive, hasFocus, keyboardMode],
  );

  const virtualItems = virtualizer.getVirtualItems();
  const slots = slotCount(virtualItems.length);

  // Column widths change at run time, so they travel as CSS variables that the static classes read.
  const template = `${widths.map((w) => `${w}px`).join(' ')}`;
  const layoutVariables = {
    '--data-grid-template': template,
    '--data-grid-width': `${totalWidth}px`,
    '--data-grid-row-height': `${rowHeight}px`,
  } as CSSProperties;

  return (
    <div
      ref={rootRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={sorted.length + 1}
      aria-colcount={columns.length}
      aria-multiselectable={selectionMode === 'multiple' ? true : undefined}
      aria-activedescendant={activeIndex >= 0 ? rowId(activeIndex) : undefined}
      tabIndex={0}
      className={mergeClasses(styles.root, props.className)}
      style={layoutVariables}
      onKeyDown={onKeyDown}
      onPointerDown={() => setKeyboardMode(false)}
      onFocus={(event) => {
        if (event.target !== rootRef.current) return;
        setHasFocus(true);
        // Focus given to the list (after a wizard selected its new row, or a delete the next one)
        // lands on the selected row, as in a Windows list view.
        if (activeKey !== null && selected.has(activeKey)) return;
        const first = keys.findIndex((k) => selected.has(k));
        const key = keys[first];
        if (key === undefined) return;
        setActiveKey(key);
        setAnchorKey(key);
        virtualizer.scrollToIndex(first, { align: 'auto' });
      }}
      onBlur={(event) => {
        if (event.target === rootRef.current) setHasFocus(false);
      }}
    >
      <div role="rowgroup" className={styles.header} ref={headerRef}>
        <div role="row" aria-rowindex={1} className={styles.headerRow} {...headerNavigation}>
          {columns.map((column, index) => (
            <ColumnHeader
              key={column.id}
              column={column}
              index={index}
              width={widths[index] ?? column.width}
              sort={layout.sort?.columnId === column.id ? layout.sort.direction : null}
              onSort={toggleSort}
              onResize={resizeColumn}
              onFit={onFit}
            />
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        ref={bodyRef}
        tabIndex={-1}
        className={styles.body}
        onScroll={(event) => {
          // The header lives outside the scroller so it stays put vertically; keep it aligned sideways.
          if (headerRef.current) headerRef.current.scrollLeft = event.currentTarget.scrollLeft;
        }}
        onMouseDown={(event) => {
          // The body is a scroller (tabIndex -1 keeps it out of the Tab order, but a click would
          // still focus it); rows are driven from the grid element, so focus goes there instead.
          if (event.target !== event.currentTarget) {
            event.preventDefault();
            rootRef.current?.focus();
          }
        }}
        onClick={onBodyClick}
        onDoubleClick={onBodyDoubleClick}
        onContextMenu={onBodyContextMenu}
      >
        {sorted.length === 0 && props.emptyMessage !== undefined ? (
          <div className={styles.empty}>{props.emptyMessage}</div>
        ) : (
          <div role="presentation" className={styles.sizer} style={{ height: virtualizer.getTotalSize() }}>
            {virtualItems.map((item) => {
              const row = sorted[item.index];
              const key = keys[item.index];
              if (row === undefined || key === undefined) return null;
              const isSelected = selected.has(key);
              const isActive = item.index === activeIndex;
              return (
                <GridRow
                  // Keyed by slot, not by row: a row scrolled out lends its elements to the row
                  // scrolled in, so a fast scroll updates text instead of building 40 rows anew.
                  key={item.index % slots}
                  row={row}
                  index={item.index}
                  id={rowId(item.index)}
                  start={item.start}
                  columns={columns}
                  selected={isSelected}
                  className={
                    isSelected
                      ? isActive
                        ? rowClassNames.selectedActive
                        : rowClassNames.selected
                      : isActive
                        ? rowClassNames.active
                        : rowClassNames.plain
                  }
                  cellClassNames={cellClassNames}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
