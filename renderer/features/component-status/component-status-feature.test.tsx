import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ComponentResetRequest, ComponentSummariesDto, ComponentSummaryDto, ComponentThresholdsUpdate } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole } from '../../console/test-console';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { emptySiteAnswers } from '../../shell/test-package';

beforeAll(() => {
  // jsdom has no layout; the virtualized tree and list need a viewport.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1400 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

const thresholds = { error: { warning: 1, critical: 5 }, warning: { warning: 10, critical: 50 }, info: { warning: 2000, critical: 5000 }, lastModified: null };

function component(name: string, extra: Partial<ComponentSummaryDto> = {}): ComponentSummaryDto {
  return { siteCode: 'A01', machine: 'SITE01', component: name, status: 'ok', errors: 0, warnings: 0, infos: 3, countsSince: '1970-01-01T00:00:00.000Z', lastMessage: '2026-12-03T09:00:00.000Z', ...extra };
}

let summaries: ComponentSummariesDto;
let reads: number;
let resets: ComponentResetRequest[];
let updates: ComponentThresholdsUpdate[];

beforeEach(() => {
  useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/system-status'] });
  summaries = { thresholds, components: [component('SMS_DISTRIBUTION_MANAGER', { status: 'warning', errors: 2 }), component('SMS_OFFER_MANAGER')] };
  reads = 0;
  resets = [];
  updates = [];
});

function renderShell() {
  const courier = fakeCourier({
    ...emptySiteAnswers,
    'status:summary-components': async () => {
      reads++;
      return { ok: true, value: summaries };
    },
    'status:component-reset': async (request) => {
      resets.push(request);
      summaries = { thresholds, components: summaries.components.map((c) => (request.component === undefined || c.component === request.component ? { ...c, status: 'ok', errors: 0, warnings: 0, infos: 0, countsSince: '2026-12-03T10:00:00.000Z' } : c)) };
      return { ok: true, value: summaries };
    },
    'status:component-thresholds:get': async () => ({ ok: true, value: thresholds }),
    'status:component-thresholds:update': async (request) => {
      updates.push(request);
      if (request.error?.critical === 3) return { ok: false, error: { code: 'VALIDATION_FAILED', message: 'error.critical: refused by the site server.', field: 'error.critical' } };
      const merged = (severity: 'error' | 'warning' | 'info') => ({ ...thresholds[severity], ...request[severity] });
      return { ok: true, value: { error: merged('error'), warning: merged('warning'), info: merged('info'), lastModified: '2026-12-03T10:00:00.000Z' } };
    },
  });
  return { courier, ...renderConsole(courier) };
}

const cellOf = (grid: HTMLElement, rowName: RegExp, column: string) => {
  const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
  const row = within(grid).getByRole('row', { name: rowName });
  return within(row).getAllByRole('gridcell')[headers.indexOf(column)]?.textContent;
};

describe('System Status › Component Status', () => {
  it('lists each component with its status and counts, and reads them again on new messages and on a reset elsewhere, one read at a time', async () => {
    const { courier } = renderShell();
    act(() => useShellStore.getState().select('site/system-status/component-status', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Component Status' });
    await within(grid).findByRole('row', { name: /SMS_DISTRIBUTION_MANAGER/ });
    expect(cellOf(grid, /SMS_DISTRIBUTION_MANAGER/, 'Status')).toBe('Warning');
    expect(cellOf(grid, /SMS_DISTRIBUTION_MANAGER/, 'Errors')).toBe('2');
    expect(cellOf(grid, /SMS_OFFER_MANAGER/, 'Status')).toBe('OK');
    expect(cellOf(grid, /SMS_OFFER_MANAGER/, 'Counts Since')).toBe('Never reset');
    expect(reads).toBe(1);

    summaries = { thresholds, components: [component('SMS_DISTRIBUTION_MANAGER', { status: 'critical', errors: 5 }), component('SMS_OFFER_MANAGER')] };
    // A burst of messages: one read runs, and one more after it, not one per event.
    act(() => {
      for (let i = 0; i < 5; i++) courier.emit('status-messages:added', { newestRecordId: 10 + i, packageIds: [], components: ['SMS_DISTRIBUTION_MANAGER'] });
    });
    await waitFor(() => expect(cellOf(grid, /SMS_DISTRIBUTION_MANAGER/, 'Status')).toBe('Critical'));
    await waitFor(() => expect(reads).toBe(3));
    // A client's messages name no site component: nothing to read.
    act(() => courier.emit('status-messages:added', { newestRecordId: 20, packageIds: [], components: [] }));
    expect(reads).toBe(3);

    summaries = { thresholds, components: [component('SMS_DISTRIBUTION_MANAGER'), component('SMS_OFFER_MANAGER')] };
    act(() => courier.emit('status-summaries:changed', { summary: 'component', change: 'reset', component: null }));
    await waitFor(() => expect(cellOf(grid, /SMS_DISTRIBUTION_MANAGER/, 'Status')).toBe('OK'));
  });

  it('Reset Counts on a row asks first, then resets only that component', async () => {
    renderShell();
    act(() => useShellStore.getState().select('site/system-status/component-status', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Component Status' });
    const row = await within(grid).findByRole('row', { name: /SMS_DISTRIBUTION_MANAGER/ });
    fireEvent.contextMenu(row);
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Reset Counts' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Reset Counts' });
    expect(confirm.textContent).toContain('SMS_DISTRIBUTION_MANAGER');
    // Cancel resets nothing.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(resets).toEqual([]);

    fireEvent.contextMenu(within(grid).getByRole('row', { name: /SMS_DISTRIBUTION_MANAGER/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Reset Counts' }));
    fireEvent.click(within(await screen.findByRole('alertdialog', { name: 'Reset Counts' })).getByRole('button', { name: 'Reset Counts' }));
    await waitFor(() => expect(cellOf(grid, /SMS_DISTRIBUTION_MANAGER/, 'Status')).toBe('OK'));
    expect(resets).toEqual([{ component: 'SMS_DISTRIBUTION_MANAGER' }]);
    expect(cellOf(grid, /SMS_DISTRIBUTION_MANAGER/, 'Errors')).toBe('0');
    expect(screen.getByText('Reset the counts of SMS_DISTRIBUTION_MANAGER.')).toBeTruthy();
  });

  it('Thresholds from the node: refuses a bad level at its field, shows the site server refusal, and saves the six levels', async () => {
    renderShell();
    act(() => useShellStore.getState().select('site/system-status/component-status', { reveal: true }));
    await screen.findByRole('grid', { name: 'Component Status' });
    fireEvent.click(within(screen.getByRole('complementary', { name: 'Actions' })).getByText('Thresholds…'));
    const sheet = await screen.findByRole('dialog', { name: 'Component Status Thresholds' });
    const errors = within(sheet).getByRole('group', { name: 'Errors' });
    const critical = await within(errors).findByRole('textbox', { name: 'Critical at' });
    expect((critical as HTMLInputElement).value).toBe('5');
    const ok = within(sheet).getByRole('button', { name: 'OK' }) as HTMLButtonElement;
    fireEvent.change(within(errors).getByRole('textbox', { name: 'Warning at' }), { target: { value: '9' } });
    expect(ok.disabled).toBe(true);
    expect(within(sheet).getAllByText('The critical threshold (5) is below the warning threshold (9).').length).toBeGreaterThan(0);
    fireEvent.change(within(errors).getByRole('textbox', { name: 'Warning at' }), { target: { value: '2' } });
    fireEvent.change(critical, { target: { value: '3' } });
    fireEvent.click(ok);
    expect(await within(sheet).findByText('error.critical: refused by the site server.')).toBeTruthy();
    fireEvent.change(critical, { target: { value: '4' } });
    fireEvent.click(ok);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Component Status Thresholds' })).toBeNull());
    expect(updates.at(-1)).toEqual({ error: { warning: 2, critical: 4 }, warning: { warning: 10, critical: 50 }, info: { warning: 2000, critical: 5000 } });
  });
});
