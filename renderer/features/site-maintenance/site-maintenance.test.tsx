import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CourierError, siteMaintenanceSetSchema, type CourierClient, type StatusRetentionDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole, renderWithCourier } from '../../console/test-console';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { emptySiteAnswers } from '../../shell/test-package';
import { DeleteAgedStatusMessagesDialog } from './delete-aged-status-messages-dialog';

let settings: StatusRetentionDto;
const set = vi.fn<CourierClient['site:maintenance:set']>();
const get: CourierClient['site:maintenance:get'] = async () => ({ ok: true, value: { deleteAgedStatusMessages: settings } });

beforeEach(() => {
  settings = { enabled: true, keepDays: 7, everyHours: 24, lastModified: '1970-01-01T00:00:00.000Z', lastRunAt: null, lastDeleted: null };
  set.mockReset().mockImplementation(async (input) => {
    // What the sheet sends must pass the contract, as the core would check it.
    const parsed = siteMaintenanceSetSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, error: new CourierError('VALIDATION_FAILED', issue.message, issue.path.join('.')).toDto() };
    }
    settings = { ...settings, ...parsed.data.deleteAgedStatusMessages };
    return { ok: true, value: { deleteAgedStatusMessages: settings } };
  });
});

const button = (within_: HTMLElement, name: string) => within(within_).getByRole('button', { name }) as HTMLButtonElement;

describe('Delete Aged Status Messages Properties', () => {
  it("shows the suite's defaults, holds a number out of range at its field, sets only what changed, and follows another console", async () => {
    const user = userEvent.setup();
    const onStatus = vi.fn();
    const courier = fakeCourier({ 'site:maintenance:get': get, 'site:maintenance:set': set });
    renderWithCourier(<DeleteAgedStatusMessagesDialog onClose={vi.fn()} onStatus={onStatus} />, courier);
    const sheet = await screen.findByRole('dialog', { name: 'Delete Aged Status Messages Properties' });
    const box = () => within(sheet).getByRole('checkbox', { name: 'Enable this task' }) as HTMLInputElement;
    const field = (name: string) => within(sheet).getByRole('textbox', { name }) as HTMLInputElement;

    expect((await within(sheet).findByRole('checkbox', { name: 'Enable this task' }) as HTMLInputElement).checked).toBe(true);
    expect([field('Delete data older than (days)').value, field('Run at most every (hours)').value]).toEqual(['7', '24']);
    expect(within(sheet).getByText(/has not run this task yet/)).toBeTruthy();

    await user.clear(field('Delete data older than (days)'));
    await user.type(field('Delete data older than (days)'), '366');
    expect(within(sheet).getAllByText('The days to keep status messages must be from 1 to 365.').length).toBeGreaterThan(0);
    expect(button(sheet, 'Apply').disabled).toBe(true);
    await user.clear(field('Delete data older than (days)'));
    await user.type(field('Delete data older than (days)'), '30');
    await user.click(button(sheet, 'Apply'));
    await waitFor(() => expect(set).toHaveBeenCalledWith({ deleteAgedStatusMessages: { keepDays: 30 } }));
    await waitFor(() => expect(onStatus).toHaveBeenCalledWith('Saved Delete Aged Status Messages: keeping 30 days, run at most every 24 hours.'));

    // Turned off here: the numbers are greyed, and only the switch is sent.
    await user.click(box());
    expect(field('Run at most every (hours)').disabled).toBe(true);
    await user.click(button(sheet, 'Apply'));
    await waitFor(() => expect(set).toHaveBeenLastCalledWith({ deleteAgedStatusMessages: { enabled: false } }));

    // Another console turns it on again and Inbox Manager runs it: the clean sheet shows both.
    await waitFor(() => expect(button(sheet, 'Apply').disabled).toBe(true));
    settings = { ...settings, enabled: true, lastRunAt: '2026-12-03T10:00:00.000Z', lastDeleted: 1234 };
    act(() => courier.emit('site:settings-changed', { setting: 'siteMaintenance' }));
    await waitFor(() => expect(box().checked).toBe(true));
    expect(within(sheet).getByText(/1234 status messages deleted/)).toBeTruthy();
  });

  it("shows the site's refusal at its field", async () => {
    const user = userEvent.setup();
    const courier = fakeCourier({
      'site:maintenance:get': get,
      'site:maintenance:set': async () => ({ ok: false, error: new CourierError('VALIDATION_FAILED', 'The hours between runs must be from 1 to 168.', 'deleteAgedStatusMessages.everyHours').toDto() }),
    });
    renderWithCourier(<DeleteAgedStatusMessagesDialog onClose={vi.fn()} onStatus={vi.fn()} />, courier);
    const sheet = await screen.findByRole('dialog', { name: 'Delete Aged Status Messages Properties' });
    const hours = (await within(sheet).findByRole('textbox', { name: 'Run at most every (hours)' })) as HTMLInputElement;
    await user.clear(hours);
    await user.type(hours, '12');
    await user.click(button(sheet, 'Apply'));
    await waitFor(() => expect(within(sheet).getAllByText('The hours between runs must be from 1 to 168.').length).toBeGreaterThan(0));
  });
});

describe('Site Maintenance in the console', () => {
  beforeAll(() => {
    // jsdom has no layout; the virtualized tree and list need a viewport.
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  });

  it("lists the suite's tasks under Site Settings, shows the one Courier runs live, and opens its Properties", async () => {
    useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/computer-management', 'site/computer-management/software-distribution'] });
    const courier = fakeCourier({
      ...emptySiteAnswers,
      'site:maintenance:get': get,
      'site:maintenance:set': set,
    });
    renderConsole(courier);
    await screen.findByRole('treeitem', { name: 'Packages' });
    act(() => useShellStore.getState().select('site/site-settings/site-maintenance', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Site Maintenance' });
    const row = () => within(grid).getByRole('row', { name: /Delete Aged Status Messages/ });
    await waitFor(() => expect(row().textContent).toContain('7 days'));
    expect(row().textContent).toContain('At most every 24 hours');
    expect(within(grid).getByRole('row', { name: /Rebuild Indexes/ }).textContent).toContain('Not available in Courier');

    settings = { ...settings, enabled: false, keepDays: 3 };
    act(() => courier.emit('site:settings-changed', { setting: 'siteMaintenance' }));
    await waitFor(() => expect(row().textContent).toContain('3 days'));
    expect(row().textContent).toContain('No');

    fireEvent.doubleClick(row());
    expect(await screen.findByRole('dialog', { name: 'Delete Aged Status Messages Properties' })).toBeTruthy();
  });
});
