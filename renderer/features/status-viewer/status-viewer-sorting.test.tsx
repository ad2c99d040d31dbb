import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusMessageDto, StatusMessageHistogramDto, StatusMessageHistogramQueryInput, StatusMessageQueryInput, StatusSort } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { testStatusMessage } from '../package-distribution/test-distribution';
import { barRange } from './message-histogram';
import { StatusViewerPage } from './status-viewer-page';
import type { ViewerFilter } from './viewer-filter';

beforeAll(() => {
  // jsdom has no layout: give the scroller a height so the virtualizer shows rows.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 440 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 440 });
});

const t0 = Date.UTC(2026, 11, 1);
const components = ['SMS_DISTRIBUTION_MANAGER', 'Software Distribution', 'SMS_POLICY_PROVIDER'];

function message(recordId: number): StatusMessageDto {
  return testStatusMessage(recordId, {
    time: new Date(t0 + recordId * 60_000).toISOString(),
    component: components[recordId % 3]!,
    messageId: [2330, 2301, 10002][recordId % 3]!,
    description: `message ${recordId}`,
  });
}

const timeOf = (m: StatusMessageDto) => Date.parse(m.time);

/** Sorts as the site does: by the column (text in any case), then time, then record ID, all one way. */
function order(sort: StatusSort) {
  const value = (m: StatusMessageDto): number | string => (sort.column === 'component' ? m.component.toLowerCase() : sort.column === 'messageId' ? m.messageId : 0);
  return (a: StatusMessageDto, b: StatusMessageDto) => {
    const [x, y] = [value(a), value(b)];
    const by = (x < y ? -1 : x > y ? 1 : 0) || timeOf(a) - timeOf(b) || a.recordId - b.recordId;
    return sort.direction === 'asc' ? by : -by;
  };
}

/** A site answering status:messages in any sort, its cursor the position in that order (opaque to the viewer). */
function site(count: number) {
  const stored = Array.from({ length: count }, (_, i) => message(i + 1));
  const queries: StatusMessageQueryInput[] = [];
  const histograms: StatusMessageHistogramQueryInput[] = [];
  const courier = fakeCourier({
    'logs:list': async () => ({ ok: true, value: { logs: [] } }),
    'status:message-histogram': async (query): Promise<{ ok: true; value: StatusMessageHistogramDto }> => {
      histograms.push(query);
      const hour = 3_600_000;
      const buckets = [0, 1, 2].map((n) => ({ start: new Date(t0 + n * hour).toISOString(), info: 10, warning: 0, error: n }));
      return { ok: true, value: { bucket: 'hour', since: new Date(t0).toISOString(), until: new Date(t0 + 3 * hour - 1).toISOString(), buckets, clipped: false } };
    },
    'status:messages': async (query) => {
      queries.push(query);
      const sort = query.sort ?? { column: 'time', direction: query.order === 'oldest' ? 'asc' : 'desc' };
      const rows = stored.filter((m) => m.recordId > (query.afterRecordId ?? 0)).sort(order(sort));
      const from = query.cursor === undefined ? 0 : Number(query.cursor.replace(/^at-/, ''));
      const limit = query.limit ?? 100;
      const page = rows.slice(from, from + limit);
      return {
        ok: true,
        value: {
          messages: page,
          nextCursor: from + limit < rows.length ? `at-${from + limit}` : null,
          startCursor: page.length > 0 ? `at-${from}` : null,
          endCursor: page.length > 0 ? `at-${from + page.length}` : null,
        },
      };
    },
  });
  return { courier, stored, queries, histograms };
}

/** The page as its window holds it: the filter in state, as the URL keeps it. */
function Viewer({ start, seen }: { readonly start: ViewerFilter; readonly seen: ViewerFilter[] }) {
  const [filter, setFilter] = useState(start);
  return (
    <StatusViewerPage
      filter={filter}
      onFilterChange={(next) => {
        seen.push(next);
        setFilter(next);
      }}
    />
  );
}

function render(count: number, start: ViewerFilter = {}) {
  const s = site(count);
  const seen: ViewerFilter[] = [];
  renderWithCourier(<Viewer start={start} seen={seen} />, s.courier);
  return { ...s, seen };
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
/** The record IDs of the first rows shown, read from their Description cells. */
const firstRows = (grid: HTMLElement, n: number) =>
  [...grid.querySelectorAll('[role="row"][data-row-index]')]
    .slice(0, n)
    .map((row) => [...row.querySelectorAll('[role="gridcell"]')].map((cell) => /^message (\d+)$/.exec(cell.textContent ?? '')?.[1]).find((id) => id !== undefined));

describe('sorting the Status Message Viewer by a column', () => {
  it('sorts by a header clicked, asks the site for that order, and reverses on a second click', async () => {
    const { queries, stored, seen, histograms } = render(30);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findByRole('row', { name: /message 30\b/ });
    expect(header('Date / Time').getAttribute('aria-sort')).toBe('descending');
    expect(header('Component').getAttribute('aria-sort')).toBe('none');

    fireEvent.click(within(header('Component')).getByRole('button'));
    await waitFor(() => expect(queries.at(-1)?.sort).toEqual({ column: 'component', direction: 'asc' }));
    expect(queries.at(-1)?.cursor).toBeUndefined();
    expect(seen.at(-1)).toEqual({ sort: { column: 'component', direction: 'asc' } });
    const ascending = [...stored].sort(order({ column: 'component', direction: 'asc' })).map((m) => String(m.recordId));
    await waitFor(() => expect(firstRows(grid, 5)).toEqual(ascending.slice(0, 5)));
    expect(header('Component').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Date / Time').getAttribute('aria-sort')).toBe('none');
    // The chart counts the same messages in any order: it is not asked again for a sort.
    expect(histograms.some((query) => 'sort' in query)).toBe(false);

    fireEvent.click(within(header('Component')).getByRole('button'));
    await waitFor(() => expect(queries.at(-1)?.sort).toEqual({ column: 'component', direction: 'desc' }));
    await waitFor(() => expect(header('Component').getAttribute('aria-sort')).toBe('descending'));
    const descending = [...stored].sort(order({ column: 'component', direction: 'desc' })).map((m) => String(m.recordId));
    await waitFor(() => expect(firstRows(grid, 5)).toEqual(descending.slice(0, 5)));

    // Date / Time goes back to newest first, the list's own order, with no sort in the query.
    fireEvent.click(within(header('Date / Time')).getByRole('button'));
    await waitFor(() => expect(header('Date / Time').getAttribute('aria-sort')).toBe('descending'));
    expect(queries.at(-1)?.sort).toBeUndefined();
    expect(queries.at(-1)?.order).toBe('newest');
  });

  it('sorts from the keyboard: Enter or Space on a header, and the description by message ID as its tooltip says', async () => {
    const user = userEvent.setup();
    const { queries } = render(30);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findByRole('row', { name: /message 30\b/ });
    within(header('Message ID')).getByRole('button').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(queries.at(-1)?.sort).toEqual({ column: 'messageId', direction: 'asc' }));
    await waitFor(() => expect(header('Message ID').getAttribute('aria-sort')).toBe('ascending'));
    const description = within(header('Description')).getByRole('button');
    expect(description.title).toMatch(/by message ID, then time: the site cannot sort the text itself/);
    description.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(queries.at(-1)?.sort).toEqual({ column: 'description', direction: 'asc' }));
  });

  it('pages a sorted list on with the cursor the site gave', async () => {
    const { queries } = render(650, { sort: { column: 'messageId', direction: 'desc' } });
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(5));
    expect(queries[0]).toMatchObject({ sort: { column: 'messageId', direction: 'desc' }, limit: 200 });
    act(() => grid.scrollTo({ top: 200 * 22 }));
    await waitFor(() => expect(queries.some((q) => q.cursor === 'at-200')).toBe(true));
  });
});

describe('narrowing the viewing period from the chart', () => {
  it('takes a bar\'s hour or day, from since when the period starts inside the first bar', () => {
    const hour = 3_600_000;
    const value: StatusMessageHistogramDto = { bucket: 'hour', since: new Date(t0 + 20 * 60_000).toISOString(), until: new Date(t0 + 3 * hour).toISOString(), buckets: [], clipped: false };
    expect(barRange(value, new Date(t0).toISOString())).toEqual({ since: t0 + 20 * 60_000, before: t0 + hour });
    expect(barRange(value, new Date(t0 + 2 * hour).toISOString())).toEqual({ since: t0 + 2 * hour, before: t0 + 3 * hour });
    expect(barRange({ ...value, bucket: 'day' }, new Date(t0).toISOString())).toEqual({ since: t0 + 20 * 60_000, before: t0 + 24 * hour });
  });

  it('narrows the list and the chart to a bar clicked, and Back returns to the period before', async () => {
    const { queries, histograms, seen } = render(30, { lastHours: 24 });
    const chart = await screen.findByRole('region', { name: 'Messages per hour' });
    // The drawn chart (loaded with the first chart shown): a bar's part, one severity of one hour.
    const bar = await waitFor(() => {
      const drawn = chart.querySelector('svg rect');
      expect(drawn).not.toBeNull();
      return drawn as Element;
    });
    fireEvent.click(bar);
    await waitFor(() => expect(seen.at(-1)?.before).toBeDefined());
    const narrowed = seen.at(-1)!;
    expect(narrowed.lastHours).toBeUndefined();
    expect(Date.parse(narrowed.before!) - Date.parse(narrowed.since!)).toBe(3_600_000);
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ since: narrowed.since, before: narrowed.before }));
    await waitFor(() => expect(histograms.at(-1)).toMatchObject({ since: narrowed.since, before: narrowed.before, bucket: 'hour' }));
    fireEvent.click(screen.getByRole('button', { name: /^Back to last day/ }));
    await waitFor(() => expect(seen.at(-1)).toEqual({ lastHours: 24 }));
    expect(screen.queryByRole('button', { name: /^Back to/ })).toBeNull();
  });
});
