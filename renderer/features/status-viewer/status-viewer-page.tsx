import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, ArrowUndoRegular, ArrowUpRegular, CalendarClockRegular, CopyRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { statusSortValue, type LogFileDto, type StatusMessageDto, type StatusSort } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { formatDateTime } from '../../components/date-time';
import { download, exportMessages, maxExportedMessages } from './export-messages';
import type { TextFormat } from './export-text';
import { MessageDetails } from './message-details';
import { logOfMessage } from './message-log';
import { copyText } from './message-fields';
import { MessageGrid } from './message-grid';
import { MessageHistogram } from './message-histogram';
import { rowAt, rowCount } from './page-window';
import { SetViewingPeriodDialog } from './set-viewing-period-dialog';
import { useMessageHistogram } from './use-message-histogram';
import { useMessageWindow } from './use-message-window';
import { sortedBy, sortOfFilter, titleOf, type ViewerFilter } from './viewer-filter';
import { ViewerFilterBar } from './viewer-filter-bar';
import { periodText, type Period } from './viewing-period';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
  },
  top: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    minWidth: 0,
    flexShrink: 1,
  },
  period: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  toolbar: { marginLeft: 'auto', flexShrink: 0, padding: 0 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  problem: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorStatusDangerForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
  },
  details: {
    flex: 'none',
    height: '232px',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    minHeight: 0,
  },
  status: {
    flex: 'none',
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    padding: `2px ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
});

function periodOfFilter(filter: ViewerFilter): Period {
  return {
    ...(filter.since !== undefined ? { since: filter.since } : {}),
    ...(filter.lastHours !== undefined ? { lastHours: filter.lastHours } : {}),
    ...(filter.before !== undefined ? { before: filter.before } : {}),
  };
}

function withPeriod(filter: ViewerFilter, period: Period): ViewerFilter {
  const { since: _since, lastHours: _hours, before: _before, ...rest } = filter;
  return { ...rest, ...period };
}

/** The list's order for messages held (a copy of the selected ones), as the site sorts: the column, then time, then record ID. */
function shownOrder(sort: StatusSort) {
  const valueOf = (m: StatusMessageDto): number | string => statusSortValue(m, sort.column) ?? 0;
  return (a: StatusMessageDto, b: StatusMessageDto): number => {
    const [x, y] = [valueOf(a), valueOf(b)];
    const order = (x < y ? -1 : x > y ? 1 : 0) || Date.parse(a.time) - Date.parse(b.time) || a.recordId - b.recordId;
    return sort.direction === 'asc' ? order : -order;
  };
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an http:// page on another host): the old way still works on a key press.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

export interface StatusViewerPageProps {
  readonly filter: ViewerFilter;
  /** The admin changed the filter (the page keeps it in its URL). */
  readonly onFilterChange: (filter: ViewerFilter) => void;
}

/**
 * The Status Message Viewer: the messages a filter selects, paged from the site server as the
 * admin scrolls, live, with the selected message's details below (docs/status-messages.md).
 */
export function StatusViewerPage({ filter, onFilterChange }: StatusViewerPageProps): ReactNode {
  const styles = useStyles();
  const courier = useCourier();
  const { window, error, pageError, showRows, setAtNewest, showPending, reload: reloadList } = useMessageWindow(filter);
  const [chartGeneration, setChartGeneration] = useState(0);
  const histogram = useMessageHistogram(filter, chartGeneration);
  const reload = useCallback(() => {
    reloadList();
    setChartGeneration((g) => g + 1);
  }, [reloadList]);
  const sort = sortOfFilter(filter);
  const sorted = sort.column !== 'time';
  const oldestFirst = !sorted && filter.oldestFirst === true;
  // The periods a click on the chart narrowed from, newest last: Back returns to them.
  const [narrowedFrom, setNarrowedFrom] = useState<readonly Period[]>([]);
  const [selected, setSelected] = useState<ReadonlyMap<number, StatusMessageDto>>(new Map());
  const [active, setActive] = useState(-1);
  const anchor = useRef(-1);
  const [status, setStatus] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [periodOpen, setPeriodOpen] = useState(false);
  const [toTop, setToTop] = useState(0);
  // The site's logs and whose they are, read once: "Show log lines" opens a message's component's.
  const [siteLogs, setSiteLogs] = useState<readonly LogFileDto[] | null>(null);
  useEffect(() => {
    let live = true;
    void settle(() => courier['logs:list']({})).then((result) => {
      if (live && result.ok) setSiteLogs(result.value.logs);
    });
    return () => {
      live = false;
    };
  }, [courier]);
  const title = titleOf(filter);

  useEffect(() => {
    document.title = `${title} - Status Message Viewer`;
  }, [title]);
  useEffect(() => {
    setSelected(new Map());
    setActive(-1);
    anchor.current = -1;
  }, [filter]);

  const onChoose = useCallback(
    (index: number, gesture: { readonly shift: boolean; readonly ctrl: boolean }) => {
      setActive(index);
      const row = rowAt(window, index);
      if (gesture.shift && anchor.current >= 0) {
        const next = new Map(gesture.ctrl ? selected : []);
        const [low, high] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        for (let i = low; i <= high; i++) {
          const inRange = rowAt(window, i);
          if (inRange?.kind === 'message') next.set(inRange.message.recordId, inRange.message);
        }
        setSelected(next);
        return;
      }
      anchor.current = index;
      if (row?.kind !== 'message') return;
      if (gesture.ctrl) {
        const next = new Map(selected);
        if (next.has(row.message.recordId)) next.delete(row.message.recordId);
        else next.set(row.message.recordId, row.message);
        setSelected(next);
      } else setSelected(new Map([[row.message.recordId, row.message]]));
    },
    [window, selected],
  );

  const onSelectAll = useCallback(() => {
    // Every message held: those of pages far away are not, and a copy of them would need reading them.
    const next = new Map<number, StatusMessageDto>();
    const count = rowCount(window);
    for (let i = 0; i < count; i++) {
      const row = rowAt(window, i);
      if (row?.kind === 'message') next.set(row.message.recordId, row.message);
    }
    setSelected(next);
  }, [window]);

  const onCopy = useCallback(() => {
    const messages = [...selected.values()].sort(shownOrder(sort));
    if (messages.length === 0) return;
    void writeClipboard(copyText(messages)).then((copied) =>
      setStatus(copied ? `Copied ${messages.length === 1 ? '1 message' : `${messages.length} messages`} as tab-separated text.` : 'The browser refused to copy to the clipboard.'),
    );
  }, [selected, sort]);

  const onExport = useCallback(
    (format: TextFormat) => {
      setExporting(true);
      setStatus('Exporting…');
      const now = Date.now();
      void exportMessages(courier, filter, format, now, (count) => setStatus(`Exporting… ${count.toLocaleString()} messages`)).then((outcome) => {
        setExporting(false);
        if (!outcome.ok) {
          setStatus(`The export failed: ${outcome.message}`);
          return;
        }
        const stamp = new Date(now).toISOString().slice(0, 19).replaceAll(':', '-');
        download(outcome.value.text, `status-messages-${stamp}.${format}`, format);
        setStatus(
          outcome.value.cut
            ? `Exported the first ${maxExportedMessages.toLocaleString()} messages; narrow the filter for the rest.`
            : `Exported ${outcome.value.count === 1 ? '1 message' : `${outcome.value.count.toLocaleString()} messages`}.`,
        );
      });
    },
    [courier, filter],
  );

  const onAtTop = useCallback(
    (atTop: boolean) => {
      const atNewest = !oldestFirst && !sorted && atTop;
      setAtNewest(atNewest);
    },
    [oldestFirst, sorted, setAtNewest],
  );
  useEffect(() => setAtNewest(!oldestFirst && !sorted), [oldestFirst, sorted, setAtNewest]);

  const detail = useMemo(() => {
    const row = rowAt(window, active);
    if (row?.kind === 'message' && selected.has(row.message.recordId)) return row.message;
    return selected.values().next().value ?? null;
  }, [window, active, selected]);

  const held = rowCount(window) - (window.nextCursor !== null && window.started ? 1 : 0);
  const pending = window.pending.length;
  const period = periodOfFilter(filter);

  return (
    <div
      className={styles.root}
      onKeyDown={(event) => {
        // F5 reads the list again, as in the console, rather than reloading the page.
        if (event.key !== 'F5') return;
        event.preventDefault();
        reload();
      }}
    >
      <div className={styles.top}>
        <h1 className={styles.title} title={title}>
          {title}
        </h1>
        <span className={styles.period}>{periodText(period, (ms) => formatDateTime(ms))}</span>
        {narrowedFrom.length > 0 && (
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowUndoRegular />}
            title="Back to the viewing period before the chart narrowed it"
            onClick={() => {
              const previous = narrowedFrom.at(-1) ?? {};
              setNarrowedFrom(narrowedFrom.slice(0, -1));
              onFilterChange(withPeriod(filter, previous));
            }}
          >
            Back to {periodText(narrowedFrom.at(-1) ?? {}, (ms) => formatDateTime(ms)).replace(/^[A-Z]/, (c) => c.toLowerCase())}
          </Button>
        )}
        <Toolbar size="small" className={styles.toolbar} aria-label="Status Message Viewer">
          <Button size="small" appearance="subtle" icon={<CalendarClockRegular />} onClick={() => setPeriodOpen(true)}>
            Set Viewing Period…
          </Button>
          <Button size="small" appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={reload} title="Read the messages again (F5)">
            Refresh
          </Button>
          <Button size="small" appearance="subtle" icon={<CopyRegular />} disabled={selected.size === 0} onClick={onCopy} title="Copy the selected messages (Ctrl+C)">
            Copy
          </Button>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" appearance="subtle" icon={<ArrowDownloadRegular />} disabled={exporting}>
                Export
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={() => onExport('csv')}>Comma-separated (CSV)…</MenuItem>
                <MenuItem onClick={() => onExport('tsv')}>Tab-separated (TSV)…</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </Toolbar>
      </div>
      <ViewerFilterBar filter={filter} onApply={onFilterChange} />
      {error === null && (
        <MessageHistogram
          state={histogram}
          onNarrow={(range) => {
            setNarrowedFrom([...narrowedFrom, period]);
            onFilterChange(withPeriod(filter, { since: new Date(range.since).toISOString(), before: new Date(range.before).toISOString() }));
          }}
        />
      )}
      {error !== null && (
        <div role="alert" className={styles.problem}>
          The site server refused the query: {error}
        </div>
      )}
      {(pending > 0 || window.pendingOverflow) && (
        <div className={styles.bar} role="status">
          <span>
            {window.pendingOverflow ? `More than ${pending.toLocaleString()} new messages` : pending === 1 ? '1 new message' : `${pending.toLocaleString()} new messages`}
            {sorted ? ` since the list was read; sorted by ${sort.column === 'description' ? 'message ID' : sort.column}, they go where they belong when it is read again.` : ' since you scrolled away from the newest.'}
          </span>
          <Button
            size="small"
            icon={<ArrowUpRegular />}
            onClick={() => {
              showPending();
              setToTop((n) => n + 1);
            }}
          >
            {sorted ? 'Read again' : 'Show newest'}
          </Button>
        </div>
      )}
      <MessageGrid
        window={window}
        label="Status messages"
        sort={sort}
        onSort={(column) => onFilterChange(sortedBy(filter, column))}
        selected={selected}
        activeIndex={active}
        onChoose={onChoose}
        onSelectAll={onSelectAll}
        onCopy={onCopy}
        onShowRows={showRows}
        onAtTop={onAtTop}
        scrollToTopSignal={toTop}
        pageError={pageError}
        emptyMessage={!window.started ? (error === null ? 'Reading status messages…' : null) : 'No status message matches the filter in this viewing period.'}
      />
      <div className={styles.details}>
        <MessageDetails message={detail} selectedCount={selected.size} log={detail === null ? null : logOfMessage(siteLogs, detail)} />
      </div>
      <div className={styles.status}>
        <span>
          {window.started ? `${held.toLocaleString()} message${held === 1 ? '' : 's'}${window.nextCursor !== null ? ' so far (more as you scroll)' : ''}` : 'Reading…'}
        </span>
        {selected.size > 0 && <span>{selected.size.toLocaleString()} selected</span>}
        {status !== null && <span>{status}</span>}
      </div>
      {periodOpen && (
        <SetViewingPeriodDialog
          period={period}
          about={title.replace(/^[A-Z][a-z]* messages for /, '')}
          onCancel={() => setPeriodOpen(false)}
          onOk={(next) => {
            setPeriodOpen(false);
            setNarrowedFrom([]);
            onFilterChange(withPeriod(filter, next));
          }}
        />
      )}
    </div>
  );
}
