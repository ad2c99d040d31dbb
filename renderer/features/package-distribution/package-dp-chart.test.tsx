import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PackageDpStatusDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { PackageStatusView } from './package-status-view';
import { testDistmgrSettings, testDp, testDpStatus } from './test-distribution';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
});

const events = { selectedKeys: [], onSelectionChange: vi.fn(), onOpen: vi.fn(), onDelete: vi.fn(), onRefresh: vi.fn(), onContextMenu: vi.fn() };

function siteWith(rows: () => readonly PackageDpStatusDto[]) {
  return fakeCourier({
    'packages:status': async ({ packageId }) => ({ ok: true, value: { packageId, sourceVersion: 2, distributionPoints: rows() } }),
    'distribution-points:list': async () => ({ ok: true, value: [testDp('DP01'), testDp('DP02'), testDp('DP03')] }),
    'status:messages': async () => ({ ok: true, value: { messages: [], nextCursor: null, startCursor: null, endCursor: null } }),
    'components:get': async () => ({ ok: true, value: testDistmgrSettings() }),
  });
}

/** The chart's table as "state=count", for the states with a count. */
async function chartCounts(): Promise<string[]> {
  const chart = await screen.findByRole('region', { name: 'Distribution points by state' });
  const table = within(chart).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => `${within(row).getByRole('rowheader').textContent}=${within(row).getByRole('cell').textContent}`)
    .filter((text) => !text.endsWith('=0'));
}

describe('Package Status › the chart of DP states', () => {
  it('counts the DPs of each state from the list beside it, and follows it live', async () => {
    let third: PackageDpStatusDto['state'] = 'installPending';
    const courier = siteWith(() => [
      testDpStatus('DP01', { state: 'installed', sourceVersion: 2, targetVersion: 2 }),
      testDpStatus('DP02', { state: 'installFailed', targetVersion: 2 }),
      testDpStatus('DP03', { state: third, targetVersion: 2 }),
    ]);
    renderWithCourier(<PackageStatusView node={{ kind: 'package-status', packageId: 'A0100001' }} label="Package Status" {...events} />, courier);
    await waitFor(async () => expect(await chartCounts()).toEqual(['Installed=1', 'Install Pending=1', 'Install Failed=1']));
    expect(screen.getByRole('table', { name: 'Distribution points by state: 3 in all' })).toBeTruthy();
    third = 'installed';
    act(() => courier.emit('package-dps:changed', { packageId: 'A0100001' }));
    await waitFor(async () => expect(await chartCounts()).toEqual(['Installed=2', 'Install Failed=1']));
  });

  it('draws no chart for a package on no distribution point: the list says why', async () => {
    renderWithCourier(<PackageStatusView node={{ kind: 'package-status', packageId: 'A0100001' }} label="Package Status" {...events} />, siteWith(() => []));
    expect(await screen.findByText(/This package is on no distribution point, so there is no status to show/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Distribution points by state' })).toBeNull();
  });
});
