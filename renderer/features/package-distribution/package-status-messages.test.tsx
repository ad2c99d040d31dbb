import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatusMessageQueryInput } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { formatDateTime } from '../../components/date-time';
import { renderWithCourier } from '../../console/test-console';
import { PackageStatusView } from './package-status-view';
import { testDistmgrSettings, testDp, testDpStatus, testStatusMessage } from './test-distribution';

beforeAll(() => {
  // jsdom has no layout: give the scroller a height so the virtualizer shows rows.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
});
beforeEach(() => localStorage.clear());

const node = { kind: 'package-status', packageId: 'A0100001' } as const;
const events = { onSelectionChange: vi.fn(), onOpen: vi.fn(), onDelete: vi.fn(), onRefresh: vi.fn(), onContextMenu: vi.fn() };

const copied = testStatusMessage(1, { time: '2026-03-04T05:01:00.000Z' });
const failed = testStatusMessage(2, {
  messageId: 2302,
  severity: 'error',
  time: '2026-03-04T05:02:00.000Z',
  machine: 'DP02',
  description: 'Distribution Manager failed to process package "Reader" (package ID = A0100001).',
});

function site() {
  const queries: StatusMessageQueryInput[] = [];
  /** What the site holds, newest first: a test adds to it as a process would report. */
  const stored = [failed, copied];
  const courier = fakeCourier({
    'packages:status': async ({ packageId }) => ({ ok: true, value: { packageId, sourceVersion: 1, distributionPoints: [testDpStatus('DP01', { state: 'installed', sourceVersion: 1 }), testDpStatus('DP02')] } }),
    'distribution-points:list': async () => ({ ok: true, value: [testDp('DP01'), testDp('DP02')] }),
    'components:get': async () => ({ ok: true, value: testDistmgrSettings() }),
    'status:messages': async (query) => {
      queries.push(query);
      const all = stored.filter((m) => (query.severity === undefined || m.severity === query.severity) && m.recordId > (query.afterRecordId ?? 0));
      return { ok: true, value: { messages: all, nextCursor: null, startCursor: null, endCursor: null } };
    },
  });
  return { courier, queries, stored };
}

const cellOf = (grid: HTMLElement, rowName: RegExp, column: string) => {
  const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
  const row = within(grid).getByRole('row', { name: rowName });
  return within(row).getAllByRole('gridcell')[headers.indexOf(column)]?.textContent;
};

describe("the status messages in a package's Package Status node", () => {
  it("lists the package's messages newest first with severity, date and time, message ID, component, system and description", async () => {
    const { courier, queries } = site();
    renderWithCourier(<PackageStatusView node={node} label="Package Status" selectedKeys={[]} {...events} />, courier);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    const rows = await within(grid).findAllByRole('row', { name: /Distribution Manager/ });
    expect(rows.map((row) => within(row).getAllByRole('gridcell')[2]?.textContent)).toEqual(['2302', '2330']);
    expect(cellOf(grid, /2330/, 'Severity')).toBe('Information');
    expect(cellOf(grid, /2302/, 'Severity')).toBe('Error');
    expect(cellOf(grid, /2330/, 'Date / Time')).toBe(formatDateTime(copied.time));
    expect(cellOf(grid, /2330/, 'Component')).toBe('SMS_DISTRIBUTION_MANAGER');
    expect(cellOf(grid, /2302/, 'System')).toBe('DP02');
    expect(cellOf(grid, /2330/, 'Description')).toBe(copied.description);
    expect(queries).toEqual([{ packageId: 'A0100001', order: 'newest', limit: 200 }]);
  });

  it("narrows to one DP's messages by its NAL path when its row is selected, and to one severity by Show Messages", async () => {
    const { courier, queries } = site();
    const rendered = renderWithCourier(<PackageStatusView node={node} label="Package Status" selectedKeys={[]} {...events} />, courier);
    await screen.findByRole('grid', { name: 'Status messages' });
    rendered.rerender(<PackageStatusView node={node} label="Package Status" selectedKeys={['DP02']} {...events} />);
    await screen.findByRole('grid', { name: 'Status messages for DP02' });
    expect(queries.at(-1)).toEqual({ packageId: 'A0100001', order: 'newest', limit: 200, distributionPoint: testDpStatus('DP02').nalPath });
    act(() => rendered.stores.packageDps.getState().setMessageFilter('A0100001', 'error'));
    const errors = await screen.findByRole('grid', { name: 'Status messages for DP02: Error only' });
    await waitFor(() => expect(within(errors).queryByRole('row', { name: /2330/ })).toBeNull());
    expect(queries.at(-1)).toMatchObject({ severity: 'error', distributionPoint: testDpStatus('DP02').nalPath });
    act(() => rendered.stores.packageDps.getState().setMessageFilter('A0100001', 'warning'));
    expect(await screen.findByText('No warning message has been reported for this.')).toBeTruthy();
  });

  it('puts new messages of this package on top as they are reported, reading only those, and keeps the selection', async () => {
    const user = userEvent.setup();
    const { courier, queries, stored } = site();
    renderWithCourier(<PackageStatusView node={node} label="Package Status" selectedKeys={[]} {...events} />, courier);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findAllByRole('row', { name: /Distribution Manager/ });
    await user.click(within(grid).getByRole('row', { name: /2302/ }));
    expect(within(grid).getByRole('row', { name: /2302/ }).getAttribute('aria-selected')).toBe('true');

    // Another package's messages, or ones this view already holds, read nothing.
    act(() => {
      courier.emit('status-messages:added', { newestRecordId: 3, packageIds: ['A0100002'], components: ['SMS_DISTRIBUTION_MANAGER'] });
      courier.emit('status-messages:added', { newestRecordId: 2, packageIds: ['A0100001'], components: ['SMS_DISTRIBUTION_MANAGER'] });
    });
    stored.unshift(testStatusMessage(4, { messageId: 2301, time: '2026-03-04T05:04:00.000Z', description: 'Distribution Manager successfully processed package "Reader".' }));
    act(() => courier.emit('status-messages:added', { newestRecordId: 4, packageIds: ['a0100001'], components: ['SMS_DISTRIBUTION_MANAGER'] }));
    await within(grid).findByRole('row', { name: /successfully processed/ });
    expect(queries).toEqual([
      { packageId: 'A0100001', order: 'newest', limit: 200 },
      { packageId: 'A0100001', order: 'newest', limit: 200, afterRecordId: 2 },
    ]);
    const rows = within(grid).getAllByRole('row', { name: /Distribution Manager/ });
    expect(rows.map((row) => within(row).getAllByRole('gridcell')[2]?.textContent)).toEqual(['2301', '2302', '2330']);
    // The same grid, not a new one: what was selected still is.
    expect(screen.getByRole('grid', { name: 'Status messages' })).toBe(grid);
    expect(within(grid).getByRole('row', { name: /2302/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('reads new messages at most once per gap while they keep coming', async () => {
    const { courier, queries, stored } = site();
    renderWithCourier(<PackageStatusView node={node} label="Package Status" selectedKeys={[]} {...events} />, courier);
    const grid = await screen.findByRole('grid', { name: 'Status messages' });
    await within(grid).findAllByRole('row', { name: /Distribution Manager/ });
    for (let recordId = 3; recordId <= 8; recordId++) {
      stored.unshift(testStatusMessage(recordId, { time: `2026-03-04T05:0${recordId}:00.000Z` }));
      act(() => courier.emit('status-messages:added', { newestRecordId: recordId, packageIds: ['A0100001'], components: ['SMS_DISTRIBUTION_MANAGER'] }));
    }
    await waitFor(() => expect(within(grid).getAllByRole('row', { name: /Distribution Manager/ })).toHaveLength(8), { timeout: 3_000 });
    // Six events within the gap after the first read make one more read, of all six messages.
    expect(queries.map((q) => q.afterRecordId)).toEqual([undefined, 2]);
  });
});
