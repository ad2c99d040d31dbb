import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CourierClient, PackageDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { newPackageDraft } from './package-draft';
import { PackagePropertiesDialog } from './package-properties-dialog';

const get = vi.fn<CourierClient['packages:get']>();
const update = vi.fn<CourierClient['packages:update']>();

const saved: PackageDto = {
  ...newPackageDraft(),
  name: 'Office 2007',
  version: '12.0',
  packageId: 'A0100001',
  sourceVersion: 3,
  sourceDate: '2026-11-26T22:00:00Z',
  createdAt: '2026-11-26T22:00:00Z',
  lastModified: '2026-11-27T08:30:00Z',
  pkgFlags: 0,
  pkgSourceFlag: 1,
  shareType: 1,
  shareName: '',
  priority: 2,
  refreshSchedule: '',
};

beforeEach(() => {
  get.mockReset().mockResolvedValue({ ok: true, value: saved });
  update.mockReset();
});

async function renderSheet() {
  const onClose = vi.fn();
  renderWithCourier(<PackagePropertiesDialog packageId="A0100001" onClose={onClose} />, fakeCourier({ 'packages:get': get, 'packages:update': update }));
  await screen.findByRole('dialog', { name: 'Office 2007 Properties' });
  return { onClose };
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('Package Properties', () => {
  it('shows the package and saves only the changed fields; Apply only when dirty', async () => {
    const user = userEvent.setup();
    const { onClose } = await renderSheet();
    expect(get).toHaveBeenCalledWith({ packageId: 'A0100001' });
    expect((screen.getByRole('textbox', { name: 'Package ID' }) as HTMLInputElement).value).toBe('A0100001');
    expect((screen.getByRole('textbox', { name: 'Source version' }) as HTMLInputElement).value).toBe('3');
    expect(button('Apply').disabled).toBe(true);

    await user.type(screen.getByRole('textbox', { name: 'Publisher' }), 'Microsoft');
    expect(button('Apply').disabled).toBe(false);
    update.mockResolvedValue({ ok: true, value: { ...saved, publisher: 'Microsoft' } });
    await user.click(button('OK'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(update).toHaveBeenCalledWith({ packageId: 'A0100001', changes: { publisher: 'Microsoft' } });
  });

  it('blocks OK and Apply while a field is invalid and says why', async () => {
    const user = userEvent.setup();
    await renderSheet();
    await user.click(screen.getByRole('tab', { name: 'Data Source' }));
    await user.click(screen.getByRole('checkbox', { name: 'This package contains source files' }));
    expect(button('Apply').disabled).toBe(true);
    expect(button('OK').disabled).toBe(true);
    expect(screen.getAllByText('Set the source directory: this package contains source files.').length).toBeGreaterThan(0);
  });

  it('shows an error from the core at its field, on its tab, and keeps the sheet open', async () => {
    const user = userEvent.setup();
    const { onClose } = await renderSheet();
    await user.click(screen.getByRole('tab', { name: 'Data Access' }));
    await user.click(screen.getByRole('radio', { name: 'Share the distribution folder' }));
    await user.type(screen.getByRole('textbox', { name: /Share name/ }), '\\\\dp1\\apps');
    await user.click(screen.getByRole('tab', { name: 'General' }));
    update.mockResolvedValue({
      ok: false,
      error: { code: 'CONFLICT', message: 'Another package already uses the share \\\\dp1\\apps.', field: 'changes.shareFolder' },
    });
    await user.click(button('Apply'));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Data Access' }).getAttribute('aria-selected')).toBe('true'));
    expect(screen.getAllByText('Another package already uses the share \\\\dp1\\apps.')).toHaveLength(2);
    expect(update).toHaveBeenCalledWith({
      packageId: 'A0100001',
      changes: { dataAccess: 'shareFolder', shareFolder: '\\\\dp1\\apps' },
    });
    expect(onClose).not.toHaveBeenCalled();
  });
});
