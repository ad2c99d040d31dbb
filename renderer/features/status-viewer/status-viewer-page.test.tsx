import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusMessageDto, StatusMessageHistogramDto, StatusMessageHistogramQueryInput, StatusMessageQueryInput } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { testStatusMessage } from '../package-distribution/test-distribution';
import { StatusViewerPage } from './status-viewer-page';
import type { ViewerFilter } from './viewer-filter';

beforeAll(() => {
  // jsdom has no layout: give the scroller a height so the virtualizer shows rows.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 440 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 440 });
});

function message(recordId: number): StatusMessageDto {
  return testStatusMessage(recordId, {
    time: new Date(Date.UTC(2026, 11, 1) + recordId * 60_000).toISOString(),
    messageId: recordId % 7 === 0 ? 2328 : 2330,
    severity: recordId % 7 === 0 ? 'error' : 'info',
    description: `message ${recordId}`,
  });
}

const timeOf = (m: StatusMessageDto) => Date.parse(m.time);
const s20time = () => message(20).time;

/** status:message-histogram over these messages, as the site counts them: per UTC hour or day, by severity. */
function histogramOf(stored: readonly StatusMessageDto[], query: StatusMessageHistogramQueryInput): StatusMessageHistogramDto {
  const size = query.bucket === 'hour' ? 3_600_000 : 86_400_000;
  const starts = new Map<number, { info: number; warning: number; error: number }>();
  for (const m of stored) {
    if (query.severity !== undefined && m.severity !== query.severity) continue;
    const start = Math.floor(timeOf(m) / size) * size;
    const bucket = starts.get(start) ?? { info: 0, warning: 0, error: 0 };
    bucket[m.severity] += 1;
    starts.set(start, bucket);
  }
  const buckets = [...starts.entries()].sort(([a], [b]) => a - b).map(([start, counts]) => ({ start: new Date(start).toISOString(), ...counts }));
  return { bucket: query.bucket, since: buckets[0]?.start ?? new Date(0).toISOString(), until: new Date().toISOString(), buckets, clipped: false };
}

/**
 * A site holding `count` messages, answering status:messages with the repository's keyset rules
 * (newest first, `(time, record) < cursor`), so the viewer's paging is exercised as the site pages.
 */
function site(count: number) {
  const stored: StatusMessageDto[] = Array.from({ length: count }, (_, i) => message(i + 1));
  const queries: StatusMessageQueryInput[] = [];
  const histograms: StatusMessageHistogramQueryInput[] = [];
  const courier = fakeCourier({
    'logs:list': async () => ({ ok: true, value: { logs: [{ name: 'distmgr.log', size: 100, modified: '2026-12-01T10:00:00.000Z', component: 'SMS_DISTRIBUTION_MANAGER', rotated: null }] } }),
    'status:message-histogram': async (query) => {
      histograms.push(query);
      return { ok: true, value: histogramOf(stored, query) };
    },
    'status:messages': async (query) => {
      queries.push(query);
      const oldest = query.order === 'oldest';
      let rows = stored
        .filter((m) => (query.severity === undefined || m.severity === query.severity) && m.recordId > (query.afterRecordId ?? 0))
        .sort((a, b) => (oldest ? -1 : 1) * (timeOf(b) - timeOf(a) || b.recordId - a.recordId));
      if (query.cursor !== undefined) {
        const [t, id] = query.cursor.split('.').map(Number) as [number, number];
        rows = rows.filter((m) => (oldest ? timeOf(m) > t || (timeOf(m) === t && m.recordId > id) : timeOf(m) < t || (timeOf(m) === t && m.recordId < id)));
      }
      const limit = query.limit ?? 100;
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const first = page[0];
      return {
        ok: true,
        value: {
          messages: page,
          nextCursor: rows.length > limit && last ? `${timeOf(last)}.${last.recordId}` : null,
          startCursor: first ? `${timeOf(first)}.${oldest ? first.recordId - 1 : first.recordId + 1}` : null,
          endCursor: last ? `${timeOf(last)}.${last.recordId}` : null,
        },
      };
    },
  });
  return { courier, stored, queries, histograms };
}

function render(count: number, filter: ViewerFilter = { packageId: 'A0100001' }) {
  const s = site(count);
  const rendered = renderWithCourier(<StatusViewerPage filter={filter} onFilterChange={() => undefined} />, s.courier);
  return { ...s, rendered };
}

const rowNamed = (grid: HTMLElement, name: RegExp) => within(grid).queryByRole('row', { name });

describe('the Status Message Viewer', () => {
  it('reads the first page with the filter, and the next one with its cursor when the end of what was read comes into view', async () => {
    const { queries } = render(450);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findByRole('row', { name: /message 450\b/ });
    expect(queries[0]).toMatchObject({ packageId: 'A0100001', order: 'newest', limit: 200 });
    expect(queries[0]?.cursor).toBeUndefined();
    expect(screen.getByText('200 messages so far (more as you scroll)')).toBeTruthy();
    // The 201st row is "Reading more messages…" until the next page comes.
    act(() => grid.scrollTo({ top: 200 * 22 }));
    await waitFor(() => expect(queries[1]?.cursor).toBe(`${timeOf(message(251))}.251`));
    await within(grid).findByRole('row', { name: /message 250\b/ });
    act(() => grid.scrollTo({ top: 400 * 22 }));
    await waitFor(() => expect(screen.getByText('450 messages')).toBeTruthy());
    // F5 reads the first page again.
    const before = queries.length;
    fireEvent.keyDown(grid, { key: 'F5' });
    await waitFor(() => expect(queries.length).toBe(before + 1));
    expect(queries.at(-1)?.cursor).toBeUndefined();
  });

  it('drops the pages far from the screen and reads them again with the same cursor when scrolled back', async () => {
    const { queries } = render(1400);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findByRole('row', { name: /message 1400\b/ });
    for (let page = 1; page <= 6; page++) {
      act(() => grid.scrollTo({ top: page * 200 * 22 }));
      await waitFor(() => expect(queries.length).toBe(page + 1));
      await within(grid).findByRole('row', { name: new RegExp(`message ${1400 - page * 200}\\b`) });
    }
    const firstCursor = `${timeOf(message(1400))}.1401`;
    act(() => grid.scrollTo({ top: 0 }));
    await waitFor(() => expect(queries.at(-1)?.cursor).toBe(firstCursor));
    await within(grid).findByRole('row', { name: /message 1399\b/ });
  });

  it('puts new messages on top while the newest is in view, and holds them behind a bar while scrolled away', async () => {
    const { courier, stored, queries } = render(300);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findByRole('row', { name: /message 300\b/ });
    stored.push(message(301));
    act(() => courier.emit('status-messages:added', { newestRecordId: 301, packageIds: ['A0100001'], components: ['SMS_DISTRIBUTION_MANAGER'] }));
    await within(grid).findByRole('row', { name: /message 301\b/ });
    expect(queries.at(-1)).toMatchObject({ afterRecordId: 300, packageId: 'A0100001' });

    // Another package's messages are not read for.
    const reads = queries.length;
    act(() => courier.emit('status-messages:added', { newestRecordId: 302, packageIds: ['A0100002'], components: ['SMS_DISTRIBUTION_MANAGER'] }));

    // Scrolled away: the new ones wait, and the bar says how many.
    act(() => grid.scrollTo({ top: 100 * 22 }));
    stored.push(message(303), message(304));
    act(() => courier.emit('status-messages:added', { newestRecordId: 304, packageIds: ['A0100001'], components: ['SMS_DISTRIBUTION_MANAGER'] }));
    await screen.findByText(/2 new messages since you scrolled away/);
    expect(queries.length).toBe(reads + 1);
    expect(rowNamed(grid, /message 304\b/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show newest' }));
    await within(grid).findByRole('row', { name: /message 304\b/ });
    expect(screen.queryByText(/new messages since/)).toBeNull();
  });

  it('oldest first, reads on past the last message when new ones are reported', async () => {
    const { courier, stored, queries } = render(5, { packageId: 'A0100001', oldestFirst: true });
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findByRole('row', { name: /message 5\b/ });
    expect(queries[0]).toMatchObject({ order: 'oldest' });
    expect(within(grid).getAllByText(/^message \d+$/).map((cell) => cell.textContent)).toEqual(['message 1', 'message 2', 'message 3', 'message 4', 'message 5']);
    stored.push(message(6));
    act(() => courier.emit('status-messages:added', { newestRecordId: 6, packageIds: ['A0100001'], components: ['SMS_DISTRIBUTION_MANAGER'] }));
    await within(grid).findByRole('row', { name: /message 6\b/ });
    expect(queries.at(-1)?.cursor).toBe(`${timeOf(message(5))}.5`);
    expect(screen.getByRole('columnheader', { name: 'Date / Time' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('selects with click, Shift+click and Ctrl+click, shows the details of the row, and copies the rows as TSV', async () => {
    const user = userEvent.setup();
    render(20);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await user.click(await within(grid).findByRole('row', { name: /message 20\b/ }));
    const details = screen.getByRole('region', { name: 'Message details' });
    expect(within(details).getByText('message 20')).toBeTruthy();
    expect(within(within(details).getByRole('region', { name: 'Attributes' })).getByText('Package ID (400)')).toBeTruthy();
    // Its component's site log, opened in the log viewer at its time with its thread marked.
    const opened: string[] = [];
    const open = window.open;
    window.open = ((url: string) => {
      opened.push(url);
      return null;
    }) as typeof window.open;
    try {
      await user.click(await within(details).findByRole('button', { name: 'Show log lines' }));
    } finally {
      window.open = open;
    }
    expect(opened).toEqual([`log-viewer.html?log=distmgr.log&around=${encodeURIComponent(s20time())}&thread=7`]);
    await user.keyboard('{Shift>}');
    await user.click(within(grid).getByRole('row', { name: /message 18\b/ }));
    await user.keyboard('{/Shift}');
    expect(within(grid).getAllByRole('row', { selected: true })).toHaveLength(3);
    await user.keyboard('{Control>}');
    await user.click(within(grid).getByRole('row', { name: /message 19\b/ }));
    await user.keyboard('{/Control}');
    expect(within(grid).getAllByRole('row', { selected: true })).toHaveLength(2);
    fireEvent.keyDown(grid, { key: 'c', ctrlKey: true });
    await screen.findByText('Copied 2 messages as tab-separated text.');
    const text = await navigator.clipboard.readText();
    expect(text.split('\r\n').slice(1, 3).map((line) => line.split('\t')[7])).toEqual(['message 20', 'message 18']);
  });

  it('says so in the rows of a page that could not be read', async () => {
    const s = site(300);
    let fail = false;
    const courier = fakeCourier({
      'logs:list': s.courier.client['logs:list'],
      'status:message-histogram': s.courier.client['status:message-histogram'],
      'status:messages': async (query) => (fail ? { ok: false, error: { code: 'INTERNAL', message: 'The site server cannot be reached.' } } : s.courier.client['status:messages'](query)),
    });
    renderWithCourier(<StatusViewerPage filter={{}} onFilterChange={() => undefined} />, courier);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findByRole('row', { name: /message 300\b/ });
    fail = true;
    act(() => grid.scrollTo({ top: 200 * 22 }));
    await within(grid).findByText('These messages could not be read: The site server cannot be reached. F5 reads the list again.');
    fail = false;
    fireEvent.keyDown(grid, { key: 'F5' });
    act(() => grid.scrollTo({ top: 0 }));
    await within(grid).findByRole('row', { name: /message 300\b/ });
    expect(within(grid).queryByText(/could not be read/)).toBeNull();
  });

  it("names the site server's refusal of a filter", async () => {
    const refusal = { ok: false, error: { code: 'VALIDATION_FAILED', message: 'The severity is error, warning or info.', field: 'severity' } } as const;
    const courier = fakeCourier({ 'status:messages': async () => refusal, 'status:message-histogram': async () => refusal, 'logs:list': async () => ({ ok: true, value: { logs: [] } }) });
    renderWithCourier(<StatusViewerPage filter={{}} onFilterChange={() => undefined} />, courier);
    expect((await screen.findByRole('alert')).textContent).toBe('The site server refused the query: The severity is error, warning or info.');
  });

  it('charts the messages per day above the grid for the same filter, with the counts in its table', async () => {
    const { histograms, stored } = render(30, { packageId: 'A0100001', severity: 'error' });
    const chart = await screen.findByRole('region', { name: 'Messages per day' });
    expect(histograms[0]).toMatchObject({ packageId: 'A0100001', severity: 'error', bucket: 'day' });
    expect(histograms[0]).not.toHaveProperty('limit');
    const errors = stored.filter((m) => m.severity === 'error').length;
    const table = await within(chart).findByRole('table', { name: `Messages per day: ${errors} messages` });
    const rows = within(table).getAllByRole('row').slice(1);
    const counted = rows.reduce((sum, row) => sum + Number(within(row).getAllByRole('cell')[0]?.textContent), 0);
    expect(counted).toBe(errors);
  });

  it('says there is nothing to chart in a period with no message, and asks for hours over a short period', async () => {
    const { histograms } = render(0, { lastHours: 24 });
    const chart = await screen.findByRole('region', { name: /Messages per hour/ });
    expect(await within(chart).findByText('No message in this period to chart.')).toBeTruthy();
    expect(histograms[0]).toMatchObject({ bucket: 'hour' });
    expect(typeof histograms[0]?.since).toBe('string');
  });
});
