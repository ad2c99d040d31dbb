import { Button, Checkbox, Input, makeStyles, MessageBar, MessageBarBody, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, CopyRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';
import { maxLogTextChars, type CourierClient, type LogRecordDto, type LogRecordType } from '../../../core/api';
import { settle } from '../../client/settle';
import { formatDateTime } from '../../components/date-time';
import { componentsOf, findMatches, highlightParts, matchesFilter, nearestRecord, noFilter, stepMatch, type LogFilter } from './log-filter';
import type { LogViewerQuery } from './log-viewer-query';
import { useLogFeed, type LogRow } from './use-log-feed';

const rowHeight = 24;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  grow: { flexGrow: 1 },
  // Sized so the whole toolbar fits one line of a 1024-pixel window.
  narrow: { width: '80px' },
  typeSelect: { width: '120px' },
  medium: { width: '170px' },
  text: { width: '150px' },
  hiddenInput: { display: 'none' },
  grid: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: '120px', outline: 'none' },
  header: {
    display: 'flex',
    flex: 'none',
    height: `${rowHeight}px`,
    alignItems: 'center',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  body: { flexGrow: 1, overflow: 'auto', position: 'relative', minHeight: 0 },
  row: {
    display: 'flex',
    alignItems: 'center',
    position: 'absolute',
    left: 0,
    width: '100%',
    height: `${rowHeight}px`,
    cursor: 'default',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    boxSizing: 'border-box',
  },
  // CMTrace's colours, as Fluent tokens so the dark theme keeps them readable.
  error: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  thread: { backgroundColor: tokens.colorBrandBackground2, boxShadow: `inset 4px 0 0 ${tokens.colorBrandStroke1}` },
  selected: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  // A selected error or warning keeps its colour, so the selection never hides what the line is.
  selectedMarked: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', padding: `0 ${tokens.spacingHorizontalS}`, boxSizing: 'border-box' },
  textCell: { flexGrow: 1, flexBasis: 0, minWidth: '200px' },
  component: { width: '260px', flex: 'none' },
  time: { width: '190px', flex: 'none' },
  threadCell: { width: '80px', flex: 'none', textAlign: 'right' },
  log: { width: '120px', flex: 'none' },
  hit: { backgroundColor: tokens.colorPaletteMarigoldBackground3, color: tokens.colorNeutralForeground1, borderRadius: tokens.borderRadiusSmall },
  detail: {
    flex: 'none',
    height: '150px',
    display: 'flex',
    flexDirection: 'column',
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingHorizontalS,
    gap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  detailHead: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
  detailText: {
    flexGrow: 1,
    overflow: 'auto',
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  status: { color: tokens.colorNeutralForeground3 },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

const typeChoices: readonly { readonly value: LogRecordType | ''; readonly label: string }[] = [
  { value: '', label: 'All types' },
  { value: 'error', label: 'Errors' },
  { value: 'warning', label: 'Warnings' },
  { value: 'info', label: 'Information' },
];

interface OpenedFile {
  readonly name: string;
  readonly rows: readonly LogRow[];
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : `${text.slice(0, end)} …`;
}

function Highlighted({ text, find, hitClass }: { readonly text: string; readonly find: string; readonly hitClass: string }): ReactNode {
  return highlightParts(text, find).map((part, index) =>
    part.hit ? (
      <mark key={index} className={hitClass}>
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

/**
 * The log viewer (docs/logs.md#log-viewer): site logs read and followed through logs:read, or a
 * client log the admin opens from disk, as CMTrace shows them: one row a record, errors red and
 * warnings yellow, a filter, Find with F3, and the whole text of the selected record below.
 */
export function LogViewer({ courier, query, pollMs }: { readonly courier: CourierClient; readonly query: LogViewerQuery; readonly pollMs?: number }): ReactNode {
  const styles = useStyles();
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const feed = useLogFeed(courier, opened === null && query.logs.length > 0 ? query.logs : null, pollMs, query.around !== null);
  const rows = opened?.rows ?? feed.rows;
  const merged = opened === null && query.logs.length > 1;

  const [filter, setFilter] = useState<LogFilter>(noFilter);
  const [threadText, setThreadText] = useState('');
  const [find, setFind] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [follow, setFollow] = useState(query.around === null);
  const [copied, setCopied] = useState(false);
  const findRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const lastScrollTop = useRef(0);
  const placedAround = useRef(false);

  const shown = useMemo(() => rows.filter((row) => matchesFilter(row.record, filter)), [rows, filter]);
  const components = useMemo(() => componentsOf(rows.map((row) => row.record)), [rows]);
  const matches = useMemo(() => findMatches(shown.map((row) => row.record), find), [shown, find]);
  const selectedIndex = selected === null ? -1 : shown.findIndex((row) => row.seq === selected);
  const selectedRecord: LogRecordDto | null = selectedIndex >= 0 ? shown[selectedIndex]!.record : null;

  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => bodyRef.current, estimateSize: () => rowHeight, overscan: 8 });

  const scrollTo = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(index, { align: 'center' });
    },
    [virtualizer],
  );

  // Following: each new batch scrolls to the last row, until the admin scrolls up.
  useEffect(() => {
    if (follow && shown.length > 0) virtualizer.scrollToIndex(shown.length - 1, { align: 'end' });
  }, [follow, shown.length, virtualizer]);

  // Opened `around` a time: once the records are there, the nearest one is selected and centred.
  useEffect(() => {
    if (placedAround.current || query.around === null || opened !== null || shown.length === 0) return;
    placedAround.current = true;
    const index = nearestRecord(
      shown.map((row) => row.record),
      query.around,
    );
    if (index === null) return;
    setSelected(shown[index]!.seq);
    scrollTo(index);
  }, [query.around, opened, shown, scrollTo]);

  function onScroll(): void {
    const body = bodyRef.current;
    if (!body) return;
    const atEnd = body.scrollTop + body.clientHeight >= body.scrollHeight - rowHeight;
    // Scrolling down to the end follows again; scrolling up pauses, as CMTrace's tail does.
    if (atEnd && body.scrollTop > lastScrollTop.current) setFollow(true);
    else if (!atEnd && body.scrollTop < lastScrollTop.current) setFollow(false);
    lastScrollTop.current = body.scrollTop;
  }

  function select(index: number): void {
    const row = shown[index];
    if (!row) return;
    setSelected(row.seq);
    setCopied(false);
  }

  function goToMatch(direction: 1 | -1): void {
    const next = stepMatch(matches, selectedIndex >= 0 ? selectedIndex : null, direction);
    if (next === null) return;
    setFollow(false);
    select(next);
    scrollTo(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      findRef.current?.focus();
      findRef.current?.select();
    } else if (event.key === 'F3') {
      event.preventDefault();
      goToMatch(event.shiftKey ? -1 : 1);
    }
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 20, PageUp: -20 };
    let target: number | null = null;
    if (event.key in moves) target = Math.min(shown.length - 1, Math.max(0, (selectedIndex < 0 ? 0 : selectedIndex) + moves[event.key]!));
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = shown.length - 1;
    if (target === null || shown.length === 0) return;
    event.preventDefault();
    setFollow(event.key === 'End');
    select(target);
    virtualizer.scrollToIndex(target);
  }

  async function openFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setOpenError(null);
    if (file.size > maxLogTextChars * 4) {
      setOpenError(`${file.name} is ${Math.round(file.size / 1024)} KB; a log opened from disk may be at most ${maxLogTextChars / 1024} K characters (a client log is 250 KB).`);
      return;
    }
    const text = await file.text();
    if (text.length > maxLogTextChars) {
      setOpenError(`${file.name} holds ${Math.round(text.length / 1024)} K characters; a log opened from disk may be at most ${maxLogTextChars / 1024} K (a client log is 250 KB).`);
      return;
    }
    const result = await settle(() => courier['logs:parse-text']({ name: file.name, text }));
    if (!result.ok) {
      setOpenError(result.error.message);
      return;
    }
    setOpened({ name: file.name, rows: result.value.records.map((record, seq) => ({ seq, record })) });
    if (result.value.truncated) setOpenError(`${file.name} holds more records than the viewer shows at once: the first ${result.value.records.length} are shown.`);
    setSelected(null);
    setFollow(false);
    setFilter(noFilter);
    setThreadText('');
  }

  async function copy(): Promise<void> {
    if (!selectedRecord) return;
    await navigator.clipboard.writeText(selectedRecord.text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  const title = opened?.name ?? (query.logs.length > 0 ? query.logs.join(', ') : 'No log');
  useEffect(() => {
    document.title = `${title} - Log Viewer`;
  }, [title]);

  const rowClass = (record: LogRecordDto, isSelected: boolean): string =>
    mergeClasses(
      styles.row,
      query.thread !== null && record.thread === query.thread && styles.thread,
      record.type === 'error' && styles.error,
      record.type === 'warning' && styles.warning,
      isSelected && (record.type === 'info' ? styles.selected : styles.selectedMarked),
    );

  return (
    <div className={styles.root} onKeyDown={onKeyDown}>
      <div role="toolbar" aria-label="Log viewer" className={styles.toolbar}>
        <Button icon={<FolderOpenRegular />} onClick={() => fileRef.current?.click()}>
          Open…
        </Button>
        <input ref={fileRef} type="file" aria-label="Open a log file" className={styles.hiddenInput} accept=".log,.lo_,.txt,text/plain" onChange={(event) => void openFile(event)} />
        <Input
          aria-label="Filter text"
          className={styles.text}
          placeholder="Filter: text"
          value={filter.text}
          onChange={(_, data) => setFilter((f) => ({ ...f, text: data.value }))}
        />
        <Select aria-label="Component" className={styles.medium} value={filter.component ?? ''} onChange={(_, data) => setFilter((f) => ({ ...f, component: data.value === '' ? null : data.value }))}>
          <option value="">All components</option>
          {components.map((component) => (
            <option key={component} value={component}>
              {component}
            </option>
          ))}
        </Select>
        <Select aria-label="Type" className={styles.typeSelect} value={filter.type ?? ''} onChange={(_, data) => setFilter((f) => ({ ...f, type: data.value === '' ? null : (data.value as LogRecordType) }))}>
          {typeChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </Select>
        <Input
          aria-label="Thread"
          placeholder="Thread"
          className={styles.narrow}
          value={threadText}
          onChange={(_, data) => {
            setThreadText(data.value);
            const thread = /^\d{1,10}$/.test(data.value.trim()) ? Number(data.value.trim()) : null;
            setFilter((f) => ({ ...f, thread }));
          }}
        />
        <Input
          ref={findRef}
          aria-label="Find"
          className={styles.text}
          placeholder="Find (Ctrl+F, F3)"
          value={find}
          onChange={(_, data) => setFind(data.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              goToMatch(event.shiftKey ? -1 : 1);
            }
          }}
        />
        <Button aria-label="Find previous (Shift+F3)" icon={<ArrowUpRegular />} disabled={matches.length === 0} onClick={() => goToMatch(-1)} />
        <Button aria-label="Find next (F3)" icon={<ArrowDownRegular />} disabled={matches.length === 0} onClick={() => goToMatch(1)} />
        {opened === null && (
          <Checkbox
            label="Follow"
            checked={follow}
            onChange={(_, data) => {
              setFollow(data.checked === true);
            }}
          />
        )}
        <span className={styles.grow} />
        <Text className={styles.status} role="status">
          {find !== '' ? `${matches.length} found · ` : ''}
          {shown.length === rows.length ? `${rows.length} records` : `${shown.length} of ${rows.length} records`}
        </Text>
      </div>
      {query.problems.map((problem) => (
        <MessageBar key={problem} intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ))}
      {openError !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{openError}</MessageBarBody>
        </MessageBar>
      )}
      {opened === null && feed.error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{feed.error}</MessageBarBody>
        </MessageBar>
      )}
      {opened === null &&
        feed.notices.slice(-3).map((notice, index) => (
          <MessageBar key={`${index}-${notice}`} intent="info">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ))}
      {opened === null && feed.missing.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{`${feed.missing.join(', ')}: no such log yet; it appears here once its component writes to it.`}</MessageBarBody>
        </MessageBar>
      )}
      <div role="grid" aria-label={title} aria-rowcount={shown.length + 1} className={styles.grid}>
        <div role="row" className={styles.header} aria-rowindex={1}>
          <div role="columnheader" className={mergeClasses(styles.cell, styles.textCell)}>
            Log Text
          </div>
          <div role="columnheader" className={mergeClasses(styles.cell, styles.component)}>
            Component
          </div>
          <div role="columnheader" className={mergeClasses(styles.cell, styles.time)}>
            Date/Time
          </div>
          <div role="columnheader" className={mergeClasses(styles.cell, styles.threadCell)}>
            Thread
          </div>
          {merged && (
            <div role="columnheader" className={mergeClasses(styles.cell, styles.log)}>
              Log
            </div>
          )}
        </div>
        <div ref={bodyRef} className={styles.body} tabIndex={0} onScroll={onScroll} onKeyDown={onGridKeyDown} aria-label="Records">
          {shown.length === 0 && <div className={styles.empty}>{feed.loading ? 'Reading the log…' : rows.length > 0 ? 'No record matches the filter.' : query.logs.length === 0 && opened === null ? 'Open a log file, or open a site log from the console (System Status › Log Viewer).' : 'The log holds no records yet.'}</div>}
          <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = shown[item.index]!;
              const record = row.record;
              const isSelected = row.seq === selected;
              return (
                <div
                  key={row.seq}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  data-type={record.type}
                  data-thread-highlight={query.thread !== null && record.thread === query.thread ? 'true' : undefined}
                  className={rowClass(record, isSelected)}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => select(item.index)}
                >
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.textCell)} title={record.text.length > 200 ? `${record.text.slice(0, 200)} …` : record.text}>
                    <Highlighted text={firstLine(record.text)} find={find} hitClass={styles.hit} />
                  </div>
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.component)}>
                    {record.component ?? ''}
                  </div>
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.time)} title={record.time ?? 'No time'}>
                    {formatDateTime(record.time, { seconds: true })}
                  </div>
                  <div role="gridcell" className={mergeClasses(styles.cell, styles.threadCell)}>
                    {record.thread ?? ''}
                  </div>
                  {merged && (
                    <div role="gridcell" className={mergeClasses(styles.cell, styles.log)}>
                      {record.log}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <section className={styles.detail} aria-label="Selected record">
        {selectedRecord ? (
          <>
            <div className={styles.detailHead}>
              <Text>{`${selectedRecord.component ?? 'No component'} · ${selectedRecord.time === null ? 'no time' : `${formatDateTime(selectedRecord.time, { seconds: true })} (${selectedRecord.time} UTC)`} · thread ${selectedRecord.thread ?? '-'} · ${selectedRecord.log || title}${selectedRecord.line > 0 ? ` line ${selectedRecord.line}` : ''}`}</Text>
              <Button size="small" icon={<CopyRegular />} onClick={() => void copy()}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </div>
            <pre className={styles.detailText} aria-label="Record text">
              {selectedRecord.text}
            </pre>
          </>
        ) : (
          <Text className={styles.status}>Select a record to see its whole text.</Text>
        )}
      </section>
    </div>
  );
}
