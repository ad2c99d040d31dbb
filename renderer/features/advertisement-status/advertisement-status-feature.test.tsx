import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdvertisementClientStatesDto, AdvertisementSummaryDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole } from '../../console/test-console';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { emptySiteAnswers } from '../../shell/test-package';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1400 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

const noStates = { accepted: 0, rejected: 0, waiting: 0, downloading: 0, running: 0, succeeded: 0, failed: 0, retrying: 0, restartPending: 0 };

function summary(received: number, failed: number): AdvertisementSummaryDto {
  return {
    advertisementId: 'A0120000',
    advertisementName: 'Reader to everyone',
    packageId: 'A0100001',
    programName: 'Install',
    collectionId: 'SMS00001',
    received,
    failures: 0,
    programsStarted: 1,
    programsSucceeded: 1,
    programsFailed: failed,
    sites: [{ siteCode: 'A01', received, failures: 0, programsStarted: 1, programsSucceeded: 1, programsFailed: failed, lastUpdate: '2026-12-03T09:05:00.000Z' }],
    clientStates: { ...noStates, succeeded: 1, accepted: 1 },
  };
}

let summaries: AdvertisementSummaryDto[];
let reads: number;

beforeEach(() => {
  useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/system-status'] });
  summaries = [summary(2, 0)];
  reads = 0;
});

const clientStates: AdvertisementClientStatesDto = {
  advertisementId: 'A0120000',
  counts: { ...noStates, succeeded: 1, accepted: 1 },
  clients: [],
  nextAfter: null,
};

function renderShell() {
  const courier = fakeCourier({
    ...emptySiteAnswers,
    'status:summary-advertisements': async () => {
      reads++;
      return { ok: true, value: summaries };
    },
    'advertisements:client-states': async () => ({ ok: true, value: clientStates }),
  });
  return { courier, ...renderConsole(courier) };
}

const cellOf = (grid: HTMLElement, rowName: RegExp, column: string) => {
  const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
  const row = within(grid).getByRole('row', { name: rowName });
  return within(row).getAllByRole('gridcell')[headers.indexOf(column)]?.textContent;
};

describe('System Status › Advertisement Status', () => {
  it('lists each advertisement with its counts, follows the clients without F5, and opens an advertisement to its sites and their clients', async () => {
    const { courier } = renderShell();
    act(() => useShellStore.getState().select('site/system-status/advertisement-status', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Advertisement Status' });
    await within(grid).findByRole('row', { name: /Reader to everyone/ });
    expect(cellOf(grid, /Reader to everyone/, 'Received')).toBe('2');
    expect(cellOf(grid, /Reader to everyone/, 'Programs Failed')).toBe('0');
    expect(cellOf(grid, /Reader to everyone/, 'Package')).toBe('A0100001');
    expect(reads).toBe(1);
    // The advertisement is a node of the tree too, as in the suite: the folder can be expanded.
    await waitFor(() => expect(screen.getByRole('treeitem', { name: 'Advertisement Status' }).getAttribute('aria-expanded')).toBe('false'));

    summaries = [summary(2, 1)];
    act(() => courier.emit('advertisement-clients:changed', { advertisementId: 'A0120000' }));
    await waitFor(() => expect(cellOf(grid, /Reader to everyone/, 'Programs Failed')).toBe('1'));
    expect(reads).toBe(2);

    // Show Messages on the advertisement row offers the viewer's four choices.
    fireEvent.contextMenu(within(grid).getByRole('row', { name: /Reader to everyone/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Show Messages' }));
    expect((await screen.findAllByRole('menuitem', { name: /^(All|Info|Warning|Error)$/ })).map((m) => m.textContent)).toEqual(['All', 'Info', 'Warning', 'Error']);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });

    // Enter opens the advertisement: its sites.
    fireEvent.click(within(grid).getByRole('row', { name: /Reader to everyone/ }));
    fireEvent.keyDown(grid, { key: 'Enter' });
    const sites = await screen.findByRole('grid', { name: 'Reader to everyone' });
    expect(screen.getByRole('treeitem', { name: 'Reader to everyone' }).getAttribute('aria-selected')).toBe('true');
    await within(sites).findByRole('row', { name: /A01/ });
    expect(cellOf(sites, /A01/, 'Programs Failed')).toBe('1');
    expect(cellOf(sites, /A01/, 'Received')).toBe('2');

    // Enter on the site: the clients' states, in the advertisements feature's dialog.
    fireEvent.click(within(sites).getByRole('row', { name: /A01/ }));
    fireEvent.keyDown(sites, { key: 'Enter' });
    const dialog = await screen.findByRole('dialog', { name: 'Client Status: Reader to everyone' });
    await waitFor(() => expect(within(dialog).getByRole('list', { name: 'Clients by state' }).textContent).toContain('Clients: 2'));
  });
});
