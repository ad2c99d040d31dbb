import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdvertisementDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { findCommand } from '../../components/action-menu';
import { consoleRegistry } from '../../console/console-registry';
import { createConsoleStores } from '../../console/create-console-stores';
import type { FeatureEnv, ShellApi } from '../../shell/registration';
import { testDpStatus } from '../package-distribution/test-distribution';

function env() {
  const shell: ShellApi = {
    openPopup: vi.fn(),
    setStatus: vi.fn(),
    isShown: () => false,
    selectRows: vi.fn(),
    rowsDeleted: vi.fn(),
    renameRow: vi.fn(),
    open: vi.fn(),
    nodeActions: () => [],
  };
  const value: FeatureEnv = { stores: createConsoleStores(fakeCourier().bridge), shell };
  return { shell, env: value };
}

const dpRow = { ...testDpStatus('DP02'), packageId: 'A0100001', siteCode: 'A01' };

afterEach(() => vi.restoreAllMocks());

describe('Show Messages', () => {
  it("on a package's DP row asks for the viewing period of that DP's messages", () => {
    const { shell, env: e } = env();
    findCommand(consoleRegistry.rows['package-dp'].actions(dpRow, e), 'show-messages-warning')?.run();
    expect(shell.openPopup).toHaveBeenCalledWith({
      kind: 'set-viewing-period',
      target: { packageId: 'A0100001', distributionPoint: dpRow.nalPath, dpName: 'DP02', about: 'package A0100001 on DP02' },
      severity: 'warning',
    });
  });

  it('on an advertisement row asks for the viewing period of its messages', () => {
    const { shell, env: e } = env();
    const advertisement = { advertisementId: 'A0120000', advertisementName: 'Reader to all' } as AdvertisementDto;
    findCommand(consoleRegistry.rows.advertisement.actions(advertisement, e), 'show-messages-all')?.run();
    expect(shell.openPopup).toHaveBeenCalledWith({ kind: 'set-viewing-period', target: { advertisementId: 'A0120000', about: 'advertisement Reader to all (A0120000)' }, severity: null });
  });

  it("on an advertisement's site row asks for that advertisement's messages at that site, and opens the viewer on both", () => {
    const { shell, env: e } = env();
    const siteRow = { advertisementId: 'A0120000', advertisementName: 'Reader to all', siteCode: 'B02', received: 1, failures: 0, programsStarted: 0, programsSucceeded: 0, programsFailed: 0, lastUpdate: '2026-12-03T09:05:00.000Z' };
    findCommand(consoleRegistry.rows['advertisement-status-site'].actions(siteRow, e), 'show-messages-error')?.run();
    const target = { advertisementId: 'A0120000', siteCode: 'B02', about: 'advertisement Reader to all (A0120000) at site B02' };
    expect(shell.openPopup).toHaveBeenCalledWith({ kind: 'set-viewing-period', target, severity: 'error' });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    render(<FluentProvider theme={webLightTheme}>{consoleRegistry.popups['set-viewing-period'].render({ kind: 'set-viewing-period', target, severity: 'error' }, { ...e, close: vi.fn() })}</FluentProvider>);
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Set Viewing Period' })).getByRole('button', { name: 'OK' }));
    const url = new URL(String(open.mock.calls[0]?.[0]), 'http://127.0.0.1/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ advertisementId: 'A0120000', siteCode: 'B02', severity: 'error', lastHours: '24' });
  });

  it('opens the viewer with the scope, the severity and the period once Set Viewing Period is answered', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { shell, env: e } = env();
    const close = vi.fn();
    const popup = { kind: 'set-viewing-period', target: { packageId: 'A0100001', distributionPoint: dpRow.nalPath, dpName: 'DP02', about: 'package A0100001 on DP02' }, severity: 'error' } as const;
    render(<FluentProvider theme={webLightTheme}>{consoleRegistry.popups['set-viewing-period'].render(popup, { ...e, close })}</FluentProvider>);
    const dialog = screen.getByRole('dialog', { name: 'Set Viewing Period' });
    expect(dialog.textContent).toContain('Show the status messages of package A0100001 on DP02 reported:');
    const amount = within(dialog).getByRole('textbox', { name: 'Number' });
    fireEvent.change(amount, { target: { value: '0' } });
    expect(within(dialog).getAllByText(/Enter a whole number of days from 1 to 3660./).length).toBeGreaterThan(0);
    expect(within(dialog).getByRole('button', { name: 'OK' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(amount, { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(close).toHaveBeenCalled();
    const url = new URL(String(open.mock.calls[0]?.[0]), 'http://127.0.0.1/');
    expect(url.pathname).toBe('/status-viewer.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ packageId: 'A0100001', distributionPoint: dpRow.nalPath, dpName: 'DP02', severity: 'error', lastHours: '72' });
    // window.open gave nothing back: a blocked popup is said, not silently lost.
    expect(shell.setStatus).toHaveBeenCalledWith('The browser blocked the Status Message Viewer window: allow pop-ups for this page.');
  });
});
