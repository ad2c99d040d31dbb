import { screen, waitFor, within } from '@testing-library/react';
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
  const courier = fakeCourier({
    'packages:status': async ({ packageId }) => ({ ok: true, value: { packageId, sourceVersion: 1, distributionPoints: [testDpStatus('DP01', { state: 'installed', sourceVersion: 1 }), testDpStatus('DP02')] } }),
    'distribution-points:list': async () => ({ ok: true, value: [testDp('DP01'), testDp('DP02')] }),
    'components:get': async () => ({ ok: true, value: testDistmgrSettings() }),
    'status:messages': async (query) => {
      queries.push(query);
      const all = [failed, copied].filter((m) => query.severity === undefined || m.severity === query.severity);
      return { ok: true, value: { messages: all, nextCursor: null } };
    },
  });
  return { courier, queries };
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

  it("reads again on this package's DP changes and finished copies, not on another package's or on progress", async () => {
    const { courier, queries } = site();
    renderWithCourier(<PackageStatusView node={node} label="Package Status" selectedKeys={[]} {...events} />, courier);
    await screen.findByRole('grid', { name: 'Status messages' });
    const progress = { packageId: 'A0100001', dpName: 'DP01', filesDone: 1, filesTotal: 2, bytesDone: 1, bytesTotal: 2, bytesPerSecond: 1, etaSeconds: 1, finished: false };
    act(() => {
      courier.emit('package-dps:changed', { packageId: 'A0100002' });
      courier.emit('distribution:progress', progress);
    });
    act(() => {
      courier.emit('distribution:progress', { ...progress, finished: true });
      courier.emit('package-dps:changed', { packageId: 'A0100001' });
    });
    // Both of this package's events come within the throttle's gap: they make one read between them.
    await waitFor(() => expect(queries.length).toBe(2));
  });
});
