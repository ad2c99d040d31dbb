import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { advertisedProgramsDefaults, clientAgentSetSchema, CourierError, type AdvertisedProgramsAgentDto, type CourierClient } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole, renderWithCourier } from '../../console/test-console';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { emptySiteAnswers } from '../../shell/test-package';
import { AdvertisedProgramsDialog } from './advertised-programs-dialog';

let settings: AdvertisedProgramsAgentDto;
const set = vi.fn<CourierClient['client-agents:set']>();
const get: CourierClient['client-agents:get'] = async () => ({ ok: true, value: settings });

beforeEach(() => {
  settings = { agent: 'advertised-programs', name: 'Advertised Programs Client Agent', ...advertisedProgramsDefaults, lastModified: null };
  set.mockReset().mockImplementation(async (input) => {
    // What the sheet sends must pass the contract, as the core would check it.
    const parsed = clientAgentSetSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: new CourierError('VALIDATION_FAILED', parsed.error.issues[0]!.message, `changes.${String(parsed.error.issues[0]!.path.at(-1))}`).toDto() };
    settings = { ...settings, ...parsed.data.changes };
    return { ok: true, value: settings };
  });
});

const button = (within_: HTMLElement, name: string) => within(within_).getByRole('button', { name }) as HTMLButtonElement;

describe('Advertised Programs Client Agent Properties', () => {
  it('shows the defaults on both tabs, holds a countdown out of bounds at its field, and sets only what changed', async () => {
    const user = userEvent.setup();
    const onStatus = vi.fn();
    const courier = fakeCourier({ 'client-agents:get': get, 'client-agents:set': set });
    renderWithCourier(<AdvertisedProgramsDialog onClose={vi.fn()} onStatus={onStatus} />, courier);
    const sheet = await screen.findByRole('dialog', { name: 'Advertised Programs Client Agent Properties' });
    const box = (name: string) => within(sheet).getByRole('checkbox', { name }) as HTMLInputElement;
    const field = (name: string) => within(sheet).getByRole('textbox', { name }) as HTMLInputElement;

    expect((await within(sheet).findByRole('checkbox', { name: 'Enable software distribution to clients' }) as HTMLInputElement).checked).toBe(true);
    expect(box('Allow user targeted advertisement requests').checked).toBe(false);
    expect(box('New program notification icon opens Add or Remove Programs').checked).toBe(false);
    expect(field('Policy polling interval (minutes)').value).toBe('60');

    await user.click(within(sheet).getByRole('tab', { name: 'Notification' }));
    expect(box('Display a notification message').checked).toBe(true);
    expect(box('Provide a countdown for mandatory programs').checked).toBe(true);
    expect([field('Countdown length (minutes)').value, field('More than 24 hours away (hours)').value, field('24 hours or less away (hours)').value, field('An hour or less away (minutes)').value]).toEqual(['5', '48', '4', '15']);

    await user.clear(field('Countdown length (minutes)'));
    await user.type(field('Countdown length (minutes)'), '1441');
    expect(within(sheet).getAllByText('Countdown length (minutes) is a whole number from 1 to 1440.').length).toBeGreaterThan(0);
    expect(button(sheet, 'Apply').disabled).toBe(true);
    await user.clear(field('Countdown length (minutes)'));
    await user.type(field('Countdown length (minutes)'), '20');
    await user.click(within(sheet).getByRole('combobox', { name: 'Play a sound' }));
    await user.click(await screen.findByRole('option', { name: 'For mandatory programs only' }));
    await user.click(within(sheet).getByRole('tab', { name: 'General' }));
    await user.click(box('New program notification icon opens Add or Remove Programs'));
    await user.click(button(sheet, 'Apply'));
    await waitFor(() => expect(set).toHaveBeenCalledWith({ agent: 'advertised-programs', changes: { newProgramNotificationUi: 'ARP', playSound: 'mandatory', countdownMinutes: 20 } }));
    await waitFor(() => expect(onStatus).toHaveBeenCalledWith('Saved the Advertised Programs Client Agent: software distribution enabled, countdown 20 minutes, policy polling every 60 minutes.'));
    expect(set).toHaveBeenCalledTimes(1);

    // Another console turns the agent off: the sheet, with nothing pending, shows it.
    await waitFor(() => expect(button(sheet, 'Apply').disabled).toBe(true));
    settings = { ...settings, enabled: false };
    act(() => courier.emit('client-agents:settings-changed', { agent: 'advertised-programs' }));
    await waitFor(() => expect(box('Enable software distribution to clients').checked).toBe(false));
  });

  it('turns the countdown length off with its check box, and shows a refusal from the site at its field on its tab', async () => {
    const user = userEvent.setup();
    const courier = fakeCourier({
      'client-agents:get': get,
      'client-agents:set': async () => ({ ok: false, error: new CourierError('VALIDATION_FAILED', 'Policy polling interval (minutes) must be from 5 to 1440.', 'changes.policyPollingMinutes').toDto() }),
    });
    renderWithCourier(<AdvertisedProgramsDialog onClose={vi.fn()} onStatus={vi.fn()} />, courier);
    const sheet = await screen.findByRole('dialog', { name: 'Advertised Programs Client Agent Properties' });
    await user.click(await within(sheet).findByRole('tab', { name: 'Notification' }));
    await user.click(within(sheet).getByRole('checkbox', { name: 'Provide a countdown for mandatory programs' }));
    expect((within(sheet).getByRole('textbox', { name: 'Countdown length (minutes)' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(button(sheet, 'Apply'));
    await waitFor(() => expect(within(sheet).getByRole('tab', { name: 'General', selected: true })).toBeTruthy());
    expect(within(sheet).getAllByText('Policy polling interval (minutes) must be from 5 to 1440.').length).toBeGreaterThan(0);
  });
});

describe('Client Agents in the console', () => {
  beforeAll(() => {
    // jsdom has no layout; the virtualized tree and list need a viewport.
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  });

  it('lists the suite client agents, says which Courier does not configure, and opens the Advertised Programs one', async () => {
    useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/computer-management', 'site/computer-management/software-distribution'] });
    const courier = fakeCourier({
      ...emptySiteAnswers,
      'client-agents:get': get,
      'client-agents:set': set,
    });
    renderConsole(courier);
    await screen.findByRole('treeitem', { name: 'Packages' });
    act(() => useShellStore.getState().select('site/site-settings/client-agents', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Client Agents' });
    await waitFor(() => expect(within(grid).getByRole('row', { name: /Advertised Programs Client Agent/ }).textContent).toContain('Enabled'));
    expect(within(grid).getByRole('row', { name: /Hardware Inventory Client Agent/ }).textContent).toContain('Not available in Courier');
    expect(within(grid).getAllByRole('row')).toHaveLength(11);

    settings = { ...settings, enabled: false };
    act(() => courier.emit('client-agents:settings-changed', { agent: 'advertised-programs' }));
    await waitFor(() => expect(within(grid).getByRole('row', { name: /Advertised Programs Client Agent/ }).textContent).toContain('Disabled'));

    fireEvent.doubleClick(within(grid).getByRole('row', { name: /Advertised Programs Client Agent/ }));
    expect(await screen.findByRole('dialog', { name: 'Advertised Programs Client Agent Properties' })).toBeTruthy();
  });
});
