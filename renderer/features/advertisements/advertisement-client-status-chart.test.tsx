import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { advertisementClientStates, type AdvertisementClientState, type AdvertisementClientStatesDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { AdvertisementClientStatusDialog } from './advertisement-client-status-dialog';

function statesWith(counts: Partial<Record<AdvertisementClientState, number>>): AdvertisementClientStatesDto {
  const all = Object.fromEntries(advertisementClientStates.map((state) => [state, counts[state] ?? 0])) as Record<AdvertisementClientState, number>;
  return { advertisementId: 'A0120000', counts: all, clients: [], nextAfter: null };
}

/** The chart's table as "state=count", every state. */
function chartCounts(): string[] {
  const chart = screen.getByRole('region', { name: 'Chart of clients by state' });
  return within(within(chart).getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => `${within(row).getByRole('rowheader').textContent}=${within(row).getByRole('cell').textContent}`);
}

describe('Client Status › the chart of client states', () => {
  it('has a bar for each of the nine states with its count, and follows advertisement-clients:changed', async () => {
    let counts: Partial<Record<AdvertisementClientState, number>> = { succeeded: 3, running: 1, failed: 2 };
    const courier = fakeCourier({ 'advertisements:client-states': async () => ({ ok: true, value: statesWith(counts) }) });
    renderWithCourier(<AdvertisementClientStatusDialog advertisementId="A0120000" name="Viewer" onClose={() => undefined} />, courier);
    await screen.findByRole('table', { name: 'Chart of clients by state: 6 in all' });
    expect(chartCounts()).toEqual([
      'Accepted=0', 'Rejected=0', 'Waiting=0', 'Downloading=0', 'Running=1', 'Succeeded=3', 'Failed=2', 'Retrying=0', 'Restart pending=0',
    ]);
    counts = { succeeded: 4, failed: 2, restartPending: 1 };
    act(() => courier.emit('advertisement-clients:changed', { advertisementId: 'A0120000' }));
    await screen.findByRole('table', { name: 'Chart of clients by state: 7 in all' });
    expect(chartCounts()).toContain('Restart pending=1');
    expect(chartCounts()).toContain('Running=0');
  });

  it('says no client has reported instead of drawing empty bars', async () => {
    const courier = fakeCourier({ 'advertisements:client-states': async () => ({ ok: true, value: statesWith({}) }) });
    renderWithCourier(<AdvertisementClientStatusDialog advertisementId="A0120000" name="Viewer" onClose={() => undefined} />, courier);
    const chart = await screen.findByRole('region', { name: 'Chart of clients by state' });
    await waitFor(() => expect(within(chart).getByText('No client has reported a state yet, so there is nothing to chart.')).toBeTruthy());
    expect(within(chart).queryByRole('table')).toBeNull();
  });
});
