import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular, ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { StatusMessageDto, StatusSeverity, StatusSort, StatusSortColumn } from '../../../core/api';
import { useDataGridStyles } from '../../components/data-grid/data-grid-styles';
import { formatDateTime } from '../../components/date-time';
import { severityLabels, typeLabels } from './message-fields';
import { rowAt, rowCount, type PageWindow, type WindowRow } from './page-window';

const rowHeight = 22;
const headerHeight = 24;

const useStyles = makeStyles({
  scroller: {
    flex: 1,
    minHeight: 0,
    minWidth: 0,
    overflow: 'auto',
    position: 'relative',
    outlineStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  stickyHeader: { position: 'sticky', top: 0, zIndex: 2, width: 'var(--data-grid-width)', minWidth: '100%' },
  severity: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  icon: { flexShrink: 0, fontSize: '14px' },
  info: { color: tokens.colorBrandForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  error: { color: tokens.colorStatusDangerForeground1 },
  placeholder: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  mono: { fontVariantNumeric: 'tabular-nums' },
});

interface Column {
  readonly id: StatusSortColumn;
  /** Left out while the list is narrower than this (the details pane still shows it). */
  readonly hideBelow?: number;
  readonly label: string;
  readonly width: number;
  readonly align?: 'end';
  readonly text: (message: StatusMessageDto) => string;
  /** The tooltip when it is not the text itself. */
  readonly tip?: (message: StatusMessageDto) => string;
}

function utcText(iso: string): string {
  return `${iso.replace('T', ' ').replace(/\.\d+Z$/, '').replace(/Z$/, '')} UTC`;
}

/** Severity (icon), Type, Site code, Date / Time, System, Component, Message ID, Description, Process ID, Thread ID, as the suite's viewer has them. */
export const allViewerColumns: readonly Column[] = [
  { id: 'severity', label: 'Severity', width: 112, text: (m) => severityLabels[m.severity] },
  { id: 'type', label: 'Type', width: 76, hideBelow: 1200, text: (m) => typeLabels[m.type] },
  { id: 'siteCode', label: 'Site code', width: 80, hideBelow: 1200, text: (m) => m.siteCode },
  { id: 'time', label: 'Date / Time', width: 150, text: (m) => formatDateTime(m.time, { seconds: true }), tip: (m) => utcText(m.time) },
  { id: 'machine', label: 'System', width: 110, text: (m) => m.machine },
  { id: 'component', label: 'Component', width: 210, text: (m) => m.component },
  { id: 'messageId', label: 'Message ID', width: 94, align: 'end', text: (m) => String(m.messageId) },
  { id: 'description', label: 'Description', width: 320, text: (m) => m.description },
  { id: 'processId', label: 'Process ID', width: 88, hideBelow: 1200, align: 'end', text: (m) => String(m.processId) },
  { id: 'threadId', label: 'Thread ID', width: 84, hideBelow: 1200, align: 'end', text: (m) => String(m.threadId) },
];

/**
 * The columns for a list this wide: below 1200 pixels Type, Site code, Process ID and Thread ID
 * make way (the details pane shows them), so at 1024 the description has room without sideways
 * scrolling; null (no layout known) keeps them all.
 */
export function columnsFor(width: number | null): readonly Column[] {
  return width === null ? allViewerColumns : allViewerColumns.filter((column) => column.hideBelow === undefined || width >= column.hideBelow);
}

/** A header's tooltip: how the list is sorted and what a click does. */
function sortTip(column: Column, sorted: boolean, ascending: boolean): string {
  const how =
    column.id === 'time'
      ? sorted
        ? ascending
          ? 'Oldest first: click for newest first'
          : 'Newest first: click for oldest first'
        : 'Click to sort by Date / Time, newest first'
      : sorted
        ? `Sorted by ${column.label}, ${ascending ? 'ascending' : 'descending'}: click to reverse`
        : `Click to sort by ${column.label}`;
  // The description is the catalogue's text with each message's strings: no index holds it, so the site sorts by what it is written from.
  return column.id === 'description' ? `${how} (by message ID, then time: the site cannot sort the text itself without reading every message)` : how;
}

const severityIcons: Readonly<Record<StatusSeverity, typeof InfoRegular>> = { info: InfoRegular, warning: WarningRegular, error: ErrorCircleRegular };

interface RowProps {
  readonly row: WindowRow;
  readonly index: number;
  readonly id: string;
  readonly start: number;
  readonly className: string;
  readonly cellClassNames: readonly string[];
  readonly selected: boolean;
  readonly columns: readonly Column[];
  /** Why rows not held could not be read, instead of "Reading…". */
  readonly failure: string | null;
}

function MessageRowOf({ row, index, id, start, className, cellClassNames, selected, columns: viewerColumns, failure }: RowProps): ReactNode {
  const styles = useStyles();
  const common = { id, role: 'row', 'aria-rowindex': index + 2, 'data-row-index': index, className, style: { transform: `translateY(${start}px)` } } as const;
  if (row.kind !== 'message') {
    return (
      <div {...common} aria-selected={false}>
        <div role="gridcell" aria-colspan={viewerColumns.length} className={mergeClasses(cellClassNames[0], styles.placeholder)} style={{ gridColumn: '1 / -1' }}>
          {failure !== null ? `These messages could not be read: ${failure} F5 reads the list again.` : row.kind === 'more' ? 'Reading more messages…' : 'Reading…'}
        </div>
      </div>
    );
  }
  const message = row.message;
  return (
    <div {...common} aria-selected={selected}>
      {viewerColumns.map((column, columnIndex) => {
        const text = column.text(message);
        if (column.id === 'severity') {
          const Icon = severityIcons[message.severity];
          return (
            <div key={column.id} role="gridcell" aria-colindex={columnIndex + 1} className={cellClassNames[columnIndex]} title={text}>
              <span className={styles.severity}>
                <Icon className={mergeClasses(styles.icon, styles[message.severity])} aria-hidden />
                {text}
              </span>
            </div>
          );
        }
        return (
          <div key={column.id} role="gridcell" aria-colindex={columnIndex + 1} className={cellClassNames[columnIndex]} title={column.tip ? column.tip(message) : text}>
            {text}
          </div>
        );
      })}
    </div>
  );
}

const MessageRow = memo(MessageRowOf);

export interface MessageGridProps {
  readonly window: PageWindow;
  readonly label: string;
  /** The list's order, as the site reads it. */
  readonly sort: StatusSort;
  /** A header was clicked (or Enter or Space pressed on it): sort by its column, or the other way. */
  readonly onSort: (column: StatusSortColumn) => void;
  readonly selected: ReadonlyMap<number, StatusMessageDto>;
  readonly activeIndex: number;
  /** A click or key chose rows: `index` the row, with the gesture's keys. */
  readonly onChoose: (index: number, gesture: { readonly shift: boolean; readonly ctrl: boolean }) => void;
  readonly onSelectAll: () => void;
  readonly onCopy: () => void;
  /** Rows first … last are on screen (overscan included). */
  readonly onShowRows: (first: number, last: number) => void;
  /** Whether the first row is in view. */
  readonly onAtTop: (atTop: boolean) => void;
  /** Asked to go to the first row (the new-messages bar). */
  readonly scrollToTopSignal: number;
  readonly emptyMessage: string | null;
  readonly pageError: string | null;
}

/**
 * The viewer's list: virtualized (only the rows in view are in the DOM) over the page window, so
 * a million messages scroll as a few hundred do; rows of pages not held show "Reading…" until
 * their page is read again. A header sorts by its column, both ways: the site reads every page
 * in that order from an index, so the order is the whole list's, not the rows held.
 */
export function MessageGrid(props: MessageGridProps): ReactNode {
  const { window, selected, activeIndex, onChoose, onShowRows, onAtTop } = props;
  const grid = useDataGridStyles();
  const styles = useStyles();
  const gridId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState(false);
  const count = rowCount(window);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = scroller.current;
    // jsdom has no layout: a list there shows every column.
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(element.clientWidth > 0 ? element.clientWidth : null);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const viewerColumns = columnsFor(width);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // The header sits in the scroller above the rows; a row scrolled to is not left under it.
    scrollPaddingStart: headerHeight,
    paddingStart: 0,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= 0) onShowRows(first, last);
  }, [first, last, count, onShowRows]);

  useEffect(() => {
    if (props.scrollToTopSignal > 0) scroller.current?.scrollTo({ top: 0 });
  }, [props.scrollToTopSignal]);

  const widths = viewerColumns.map((column) => column.width);
  const total = widths.reduce((a, b) => a + b, 0);
  const variables = {
    // The description takes what the window has beyond the others' widths.
    '--data-grid-template': viewerColumns.map((column) => (column.id === 'description' ? `minmax(${column.width}px, 1fr)` : `${column.width}px`)).join(' '),
    '--data-grid-width': `${total}px`,
    '--data-grid-row-height': `${rowHeight}px`,
  } as CSSProperties;
  const cellClassNames = viewerColumns.map((column) => mergeClasses(grid.cell, column.align === 'end' && grid.cellEnd));

  function rowClass(index: number, isSelected: boolean): string {
    return mergeClasses(
      grid.row,
      isSelected && (focused ? grid.rowSelectedFocused : grid.rowSelected),
      focused && index === activeIndex && grid.rowActive,
    );
  }

  function move(to: number, event: KeyboardEvent): void {
    if (count === 0) return;
    const index = Math.max(0, Math.min(count - 1, to));
    virtualizer.scrollToIndex(index, { align: 'auto' });
    onChoose(index, { shift: event.shiftKey, ctrl: false });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 2);
    const from = activeIndex < 0 ? -1 : activeIndex;
    const ctrl = event.ctrlKey || event.metaKey;
    let handled = true;
    if (ctrl && (event.key === 'c' || event.key === 'C')) props.onCopy();
    else if (ctrl && (event.key === 'a' || event.key === 'A')) props.onSelectAll();
    else if (event.key === 'ArrowDown') move(from + 1, event);
    else if (event.key === 'ArrowUp') move(from < 0 ? 0 : from - 1, event);
    else if (event.key === 'PageDown') move(from + page, event);
    else if (event.key === 'PageUp') move(from - page, event);
    else if (event.key === 'Home') move(0, event);
    else if (event.key === 'End') move(count - 1, event);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function onClick(event: MouseEvent<HTMLDivElement>): void {
    const element = (event.target as Element).closest<HTMLElement>('[data-row-index]');
    if (!element) return;
    onChoose(Number(element.dataset.rowIndex), { shift: event.shiftKey, ctrl: event.ctrlKey || event.metaKey });
  }

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label={props.label}
      aria-rowcount={count + 1}
      aria-colcount={viewerColumns.length}
      aria-multiselectable
      aria-activedescendant={activeIndex >= 0 && activeIndex >= first && activeIndex <= last ? `${gridId}-row-${activeIndex}` : undefined}
      tabIndex={0}
      className={styles.scroller}
      style={variables}
      onKeyDown={onKeyDown}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onScroll={(event) => onAtTop(event.currentTarget.scrollTop < rowHeight)}
      onClick={onClick}
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
    >
      <div role="rowgroup" className={mergeClasses(grid.header, styles.stickyHeader)}>
        <div role="row" aria-rowindex={1} className={grid.headerRow}>
          {viewerColumns.map((column, index) => {
            const sorted = props.sort.column === column.id;
            const ascending = props.sort.direction === 'asc';
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-colindex={index + 1}
                aria-sort={sorted ? (ascending ? 'ascending' : 'descending') : 'none'}
                className={grid.headerCell}
              >
                <button
                  type="button"
                  className={mergeClasses(grid.headerButton, column.align === 'end' && grid.headerButtonEnd)}
                  title={sortTip(column, sorted, ascending)}
                  // Enter and Space press the button; the grid's own keys (arrows, Home, End) stay the rows'.
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
                  }}
                  onClick={(event) => {
                    event.stopPropagation();
                    props.onSort(column.id);
                  }}
                >
                  <span className={grid.headerLabel}>{column.label}</span>
                  <span className={grid.sortSlot} aria-hidden>
                    {sorted && (ascending ? <ChevronUpRegular className={grid.sortIcon} /> : <ChevronDownRegular className={grid.sortIcon} />)}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className={grid.sizer} style={{ height: virtualizer.getTotalSize() }}>
        {count === 0 && props.emptyMessage !== null && <div className={grid.empty}>{props.emptyMessage}</div>}
        {items.map((item) => {
          const row = rowAt(window, item.index);
          if (row === null) return null;
          const isSelected = row.kind === 'message' && selected.has(row.message.recordId);
          return (
            <MessageRow
              key={item.index}
              row={row}
              index={item.index}
              id={`${gridId}-row-${item.index}`}
              start={item.start}
              className={rowClass(item.index, isSelected)}
              cellClassNames={cellClassNames}
              selected={isSelected}
              columns={viewerColumns}
              failure={props.pageError}
            />
          );
        })}
      </div>
    </div>
  );
}
