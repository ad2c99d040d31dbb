import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CourierClient, MsiInfoDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { testServerFolders } from '../../components/server-browser/test-server-folders';
import { renderWithCourier } from '../../console/test-console';
import { MsiImportDialog } from './msi-import-dialog';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 300 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 300 });
});

const info: MsiInfoDto = { productCode: '{6A1C2B3D-4E5F-4071-8293-A4B5C6D7E8F9}', productName: 'Reader', productVersion: '1.0', manufacturer: 'Contoso', upgradeCode: '', productLanguage: '1033' };

describe('Import Windows Installer File', () => {
  it('Browse… lists the .msi files of the site server, and picking one reads it (it could only pick a folder)', async () => {
    const modified = '2026-01-01T00:00:00.000Z';
    const server = testServerFolders(
      { '\\\\fs01\\apps\\reader': { files: [{ name: 'Reader.msi', size: 4096, modified }, { name: 'setup.exe', size: 10, modified }] } },
      { roots: ['\\\\fs01\\apps'] },
    );
    const msiInfo = vi.fn<CourierClient['files:msi-info']>().mockResolvedValue({ ok: true, value: info });
    const onImported = vi.fn();
    renderWithCourier(<MsiImportDialog open onCancel={() => undefined} onImported={onImported} />, fakeCourier({ ...server.answers, 'files:msi-info': msiInfo }));
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Windows Installer file on the site server' }), '\\\\fs01\\apps\\reader\\');
    await user.click(screen.getByRole('button', { name: 'Browse…' }));
    const open = await screen.findByRole('dialog', { name: 'Open Windows Installer File' });
    // Opened in the folder typed, with the .msi files only.
    const row = await within(open).findByRole('row', { name: /^Reader\.msi/ });
    expect(within(open).queryByRole('row', { name: /^setup\.exe/ })).toBeNull();
    expect(server.asked[0]).toEqual({ channel: 'files:list', path: '\\\\fs01\\apps\\reader\\', extensions: ['.msi'] });
    await user.click(row);
    await user.click(within(open).getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith('\\\\fs01\\apps\\reader\\Reader.msi', info));
    expect(msiInfo).toHaveBeenCalledWith({ path: '\\\\fs01\\apps\\reader\\Reader.msi' });
  });
});
