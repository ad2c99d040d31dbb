import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CourierClient, PackageDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { DeletePackageDialog } from './delete-package-dialog';

const remove = vi.fn<CourierClient['packages:delete']>();

const pkg = { packageId: 'A0100001', name: 'Office 2007' } as PackageDto;

function renderDialog() {
  const onClose = vi.fn();
  const onDeleted = vi.fn();
  renderWithCourier(<DeletePackageDialog pkg={pkg} onClose={onClose} onDeleted={onDeleted} />, fakeCourier({ 'packages:delete': remove }));
  return { onClose, onDeleted };
}

describe('Delete Package', () => {
  it('says what goes with the package and deletes it', async () => {
    const { onClose, onDeleted } = renderDialog();
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Package' });
    expect(dialog.textContent).toContain(
      'and everything that belongs to it: programs, access accounts and its copies on distribution points',
    );
    remove.mockResolvedValue({ ok: true, value: { packageId: 'A0100001', name: 'Office 2007' } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(remove).toHaveBeenCalledWith({ packageId: 'A0100001' });
    expect(onDeleted).toHaveBeenCalledWith('A0100001');
  });

  it('shows the error inline and stays open', async () => {
    const { onClose } = renderDialog();
    remove.mockResolvedValue({ ok: false, error: { code: 'NOT_FOUND', message: 'Package A0100001 does not exist.' } });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Package A0100001 does not exist.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
