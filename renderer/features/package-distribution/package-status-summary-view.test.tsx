import { screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackageStatusCountsDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { testPackage } from '../../shell/test-package';
import { PackageStatusSummaryView } from './package-status-summary-view';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
});
beforeEach(() => localStorage.clear());

const events = { selectedKeys: [], onSelectionChange: vi.fn(), onOpen: vi.fn(), onDelete: vi.fn(), onRefresh: vi.fn(), onContextMenu: vi.fn() };

const cellOf = (grid: HTMLElement, rowName: RegExp, column: string) => {
  const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
  const row = within(grid).getByRole('row', { name: rowName });
  return within(row).getAllByRole('gridcell')[headers.indexOf(column)]?.textContent;
};

describe('System Status › Package Status', () => {
  it('lists every package with its DP counts, zeros for a package on none, and reads them again on package-dps:changed', async () => {
    let counts: PackageStatusCountsDto[] = [{ packageId: 'A0100001', targeted: 3, installed: 1, retrying: 1, failed: 0, removing: 1 }];
    let reads = 0;
    const courier = fakeCourier({
      'packages:status-summary': async () => {
        reads += 1;
        return { ok: true, value: counts };
      },
    });
    const rendered = renderWithCourier(<PackageStatusSummaryView node={{ kind: 'package-status-summary' }} label="Package Status" {...events} />, courier);
    act(() =>
      rendered.stores.packages.setState({
        list: { status: 'ready', refreshing: false, error: null, items: [testPackage('A0100001', 'Reader', { sourceVersion: 3 }), testPackage('A0100002', 'Visio')] },
      }),
    );
    const grid = await screen.findByRole('grid', { name: 'Package Status' });
    await within(grid).findByRole('row', { name: /Visio/ });
    expect(cellOf(grid, /Reader/, 'Targeted')).toBe('3');
    expect(cellOf(grid, /Reader/, 'Installed')).toBe('1');
    expect(cellOf(grid, /Reader/, 'Retrying')).toBe('1');
    expect(cellOf(grid, /Reader/, 'Source Version')).toBe('3');
    expect(cellOf(grid, /Visio/, 'Targeted')).toBe('0');
    counts = [{ packageId: 'A0100001', targeted: 3, installed: 3, retrying: 0, failed: 0, removing: 0 }];
    act(() => courier.emit('package-dps:changed', { packageId: 'A0100001' }));
    await waitFor(() => expect(cellOf(grid, /Reader/, 'Installed')).toBe('3'));
    expect(reads).toBe(2);
  });
});
