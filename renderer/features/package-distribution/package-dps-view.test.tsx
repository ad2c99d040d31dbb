import { screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackageDpStatusDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { formatDateTime } from '../../components/date-time';
import { renderWithCourier } from '../../console/test-console';
import { testPackage } from '../../shell/test-package';
import { PackageDpsView } from './package-dps-view';
import { PackageStatusView } from './package-status-view';
import { testDistmgrSettings, testDp, testDpStatus } from './test-distribution';

beforeAll(() => {
  // jsdom has no layout: give the scroller a height so the virtualizer shows rows.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
});
beforeEach(() => localStorage.clear());

const events = { selectedKeys: [], onSelectionChange: vi.fn(), onOpen: vi.fn(), onDelete: vi.fn(), onRefresh: vi.fn(), onContextMenu: vi.fn() };

function siteWith(rows: () => readonly PackageDpStatusDto[]) {
  const statusCalls: string[] = [];
  const courier = fakeCourier({
    'packages:status': async ({ packageId }) => {
      statusCalls.push(packageId);
      return { ok: true, value: { packageId, sourceVersion: 2, distributionPoints: rows() } };
    },
    'distribution-points:list': async () => ({ ok: true, value: [testDp('DP01'), testDp('DP02', { siteCode: 'B02' })] }),
    'status:messages': async () => ({ ok: true, value: { messages: [], nextCursor: null, startCursor: null, endCursor: null } }),
    'components:get': async () => ({ ok: true, value: testDistmgrSettings() }),
  });
  return { courier, statusCalls };
}

const cellOf = (grid: HTMLElement, rowName: RegExp, column: string) => {
  const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
  const row = within(grid).getByRole('row', { name: rowName });
  return within(row).getAllByRole('gridcell')[headers.indexOf(column)]?.textContent;
};

describe("a package's Distribution Points node", () => {
  it('lists its DPs with their site, state, versions and dates', async () => {
    const copied = '2026-03-04T05:06:00.000Z';
    const { courier } = siteWith(() => [
      testDpStatus('DP01', { state: 'installed', sourceVersion: 2, targetVersion: 2, lastCopied: copied, lastRefreshed: copied }),
      testDpStatus('DP02', { state: 'installPending', sourceVersion: 1, targetVersion: 2 }),
    ]);
    renderWithCourier(<PackageDpsView node={{ kind: 'package-distribution-points', packageId: 'A0100001' }} label="Distribution Points" {...events} />, courier);
    const grid = await screen.findByRole('grid', { name: 'Distribution Points' });
    await within(grid).findByRole('row', { name: /DP02/ });
    expect(cellOf(grid, /DP01/, 'Site')).toBe('A01');
    expect(cellOf(grid, /DP02/, 'Site')).toBe('B02');
    expect(cellOf(grid, /DP01/, 'State')).toBe('Installed');
    expect(cellOf(grid, /DP02/, 'State')).toBe('Install Pending');
    expect(cellOf(grid, /DP01/, 'Source Version')).toBe('2');
    expect(cellOf(grid, /DP02/, 'Source Version')).toBe('1 (2 pending)');
    expect(cellOf(grid, /DP01/, 'Last Copied')).toBe(formatDateTime(copied));
  });

  it('draws a progress bar with files, bytes, rate and time left from distribution:progress, and drops it when the copy ends', async () => {
    const { courier } = siteWith(() => [testDpStatus('DP01'), testDpStatus('DP02')]);
    renderWithCourier(<PackageDpsView node={{ kind: 'package-distribution-points', packageId: 'A0100001' }} label="Distribution Points" {...events} />, courier);
    const grid = await screen.findByRole('grid', { name: 'Distribution Points' });
    await within(grid).findByRole('row', { name: /DP01/ });
    const progress = { packageId: 'A0100001', dpName: 'dp01', filesDone: 3, filesTotal: 10, bytesDone: 1258291, bytesTotal: 5242880, bytesPerSecond: 2202009, etaSeconds: 130, finished: false };
    act(() => courier.emit('distribution:progress', progress));
    const row = within(grid).getByRole('row', { name: /DP01/ });
    expect(within(row).getByRole('progressbar', { name: 'Copied 24%' })).toBeTruthy();
    expect(cellOf(grid, /DP01/, 'Progress')).toBe('3 of 10 files, 1.2 MB of 5 MB, 2.1 MB/s, 2 min left');
    // Another package's copy to the same DP is not this package's.
    act(() => courier.emit('distribution:progress', { ...progress, packageId: 'A0100002', dpName: 'DP02' }));
    expect(cellOf(grid, /DP02/, 'Progress')).toBe('');
    act(() => courier.emit('distribution:progress', { ...progress, filesDone: 10, bytesDone: 5242880, etaSeconds: 0 }));
    expect(within(row).getByRole('progressbar', { name: 'Copied 100%' })).toBeTruthy();
    act(() => courier.emit('distribution:progress', { ...progress, filesDone: 10, bytesDone: 5242880, etaSeconds: 0, finished: true }));
    expect(within(grid).queryByRole('progressbar')).toBeNull();
  });

  it('shows no bar on a row whose copy has ended, even when its last progress event was lost', async () => {
    const { courier } = siteWith(() => [testDpStatus('DP01', { state: 'installFailed', attempts: 100 })]);
    renderWithCourier(<PackageDpsView node={{ kind: 'package-distribution-points', packageId: 'A0100001' }} label="Distribution Points" {...events} />, courier);
    const grid = await screen.findByRole('grid', { name: 'Distribution Points' });
    await within(grid).findByRole('row', { name: /DP01/ });
    act(() => courier.emit('distribution:progress', { packageId: 'A0100001', dpName: 'DP01', filesDone: 1, filesTotal: 2, bytesDone: 1, bytesTotal: 2, bytesPerSecond: 0, etaSeconds: null, finished: false }));
    expect(within(grid).queryByRole('progressbar')).toBeNull();
  });

  it('reads the rows again on package-dps:changed for this package only, with no F5', async () => {
    let state: PackageDpStatusDto['state'] = 'installPending';
    const { courier, statusCalls } = siteWith(() => [testDpStatus('DP01', { state, sourceVersion: state === 'installed' ? 1 : null })]);
    renderWithCourier(<PackageDpsView node={{ kind: 'package-distribution-points', packageId: 'A0100001' }} label="Distribution Points" {...events} />, courier);
    const grid = await screen.findByRole('grid', { name: 'Distribution Points' });
    await within(grid).findByRole('row', { name: /DP01/ });
    expect(cellOf(grid, /DP01/, 'State')).toBe('Install Pending');
    act(() => courier.emit('package-dps:changed', { packageId: 'A0100002' }));
    expect(statusCalls).toEqual(['A0100001']);
    state = 'installed';
    act(() => courier.emit('package-dps:changed', { packageId: 'A0100001' }));
    await waitFor(() => expect(cellOf(grid, /DP01/, 'State')).toBe('Installed'));
    expect(statusCalls).toEqual(['A0100001', 'A0100001']);
  });

  it('says how to add one when the package is on none', async () => {
    const { courier } = siteWith(() => []);
    renderWithCourier(<PackageDpsView node={{ kind: 'package-distribution-points', packageId: 'A0100001' }} label="Distribution Points" {...events} />, courier);
    expect(await screen.findByText(/right-click Distribution Points and choose New Distribution Points/)).toBeTruthy();
  });
});

describe("a package's Package Status node", () => {
  it('sums each site, then lists each DP with "attempt N of M" while retrying, its error and next attempt', async () => {
    const next = '2026-03-04T06:00:00.000Z';
    const { courier } = siteWith(() => [
      testDpStatus('DP01', { state: 'installed', sourceVersion: 2, targetVersion: 2 }),
      testDpStatus('DP02', { state: 'installRetrying', attempts: 3, lastError: 'The network path was not found.', nextAttemptAt: next, targetVersion: 2 }),
    ]);
    const rendered = renderWithCourier(<PackageStatusView node={{ kind: 'package-status', packageId: 'A0100001' }} label="Package Status" {...events} />, courier);
    act(() => rendered.stores.packages.setState({ list: { status: 'ready', refreshing: false, error: null, items: [testPackage('A0100001', 'Reader', { sourceVersion: 2 })] } }));
    const dps = await screen.findByRole('grid', { name: 'Package Status' });
    await within(dps).findByRole('row', { name: /DP02/ });
    expect(cellOf(dps, /DP02/, 'State')).toBe('Install Retrying');
    expect(cellOf(dps, /DP02/, 'Attempts')).toBe('attempt 3 of 100');
    expect(cellOf(dps, /DP01/, 'Attempts')).toBe('');
    expect(cellOf(dps, /DP02/, 'Last Error')).toBe('The network path was not found.');
    expect(cellOf(dps, /DP02/, 'Next Attempt')).toBe(formatDateTime(next));
    const sites = screen.getByRole('grid', { name: 'Package Status by site' });
    expect(cellOf(sites, /^A01/, 'Targeted')).toBe('1');
    expect(cellOf(sites, /^B02/, 'Targeted')).toBe('1');
    expect(cellOf(sites, /^B02/, 'Retrying')).toBe('1');
    expect(cellOf(sites, /^A01/, 'Installed')).toBe('1');
    expect(cellOf(sites, /^A01/, 'Source Version')).toBe('2');
  });
});
