import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeCourier } from '../../client/fake-courier';
import type { ConsoleStores } from '../../console/console-stores';
import { renderWithCourier } from '../../console/test-console';
import { testPackage } from '../../shell/test-package';
import { RefreshDpDialog, RemoveDpDialog, UpdateDpsDialog } from './package-dp-dialogs';
import type { PackageDpRow } from './package-dps-store';
import { testDp, testDpStatus, testPlan } from './test-distribution';

const reader = testPackage('A0100001', 'Reader', { containsSourceFiles: true, sourceDirectory: '/srv/src/reader', sourceVersion: 4 });
const installed: PackageDpRow = {
  ...testDpStatus('DP01', { state: 'installed', sourceVersion: 4, targetVersion: 4, files: 12, bytes: 3565158, path: '\\\\DP01\\SMSPKGD$\\A0100001' }),
  packageId: 'A0100001',
  siteCode: 'A01',
};

function withPackages(rendered: { readonly stores: ConsoleStores }): void {
  act(() => rendered.stores.packages.setState({ list: { status: 'ready', refreshing: false, error: null, items: [reader] } }));
}

describe('Update Distribution Points', () => {
  it('names the DPs and the version going up, then sends it and hands back what the site server counted', async () => {
    const update = vi.fn(async () => ({ ok: true as const, value: testPlan({ action: 'update', sourceVersion: 5, summary: 'Package Reader (A0100001) is now at source version 5.' }) }));
    const courier = fakeCourier({
      'packages:status': async () => ({
        ok: true,
        value: { packageId: 'A0100001', sourceVersion: 4, distributionPoints: [installed, testDpStatus('DP02', { targetVersion: 4 }), testDpStatus('DP03', { state: 'removalPending' })] },
      }),
      'distribution-points:list': async () => ({ ok: true, value: [testDp('DP01'), testDp('DP02'), testDp('DP03')] }),
      'packages:update-dps': update,
      'packages:source-size': async () => ({ ok: true, value: { packageId: 'A0100001', sourceDirectory: '/srv/src/reader', files: 12, bytes: 3565158 } }),
    });
    const onDone = vi.fn();
    const onClose = vi.fn();
    withPackages(renderWithCourier(<UpdateDpsDialog packageId="A0100001" onDone={onDone} onClose={onClose} />, courier));
    const dialog = await screen.findByRole('alertdialog', { name: 'Update Distribution Points' });
    await within(dialog).findByText(/Send a new source version of package/);
    await within(dialog).findByText(/as it is now/);
    const text = dialog.textContent ?? '';
    expect(text).toContain('to its 2 distribution points?');
    expect(text).toContain('The source version goes up from 4 to 5.');
    expect(text).toContain('copies the source directory /srv/src/reader as it is now, 12 files (3.4 MB), to each of DP01 and DP02: at most 6.8 MB in all, less where files did not change.');
    expect(text).toContain('DP03 is having the package removed, so it is not updated.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Update' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(update).toHaveBeenCalledWith({ packageId: 'A0100001' });
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ sourceVersion: 5 }));
  });

  it('holds Update back for a package on no DP, and says so', async () => {
    const courier = fakeCourier({
      'packages:source-size': async () => ({ ok: true, value: { packageId: 'A0100001', sourceDirectory: '/srv/src/reader', files: 1, bytes: 1 } }),
      'packages:status': async () => ({ ok: true, value: { packageId: 'A0100001', sourceVersion: 4, distributionPoints: [] } }),
      'distribution-points:list': async () => ({ ok: true, value: [] }),
    });
    withPackages(renderWithCourier(<UpdateDpsDialog packageId="A0100001" onDone={vi.fn()} onClose={vi.fn()} />, courier));
    const dialog = await screen.findByRole('alertdialog', { name: 'Update Distribution Points' });
    await within(dialog).findByText(/is on no distribution point, so there is none to update/);
    expect((within(dialog).getByRole('button', { name: 'Update' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Refresh and Delete on a DP row', () => {
  it('Refresh says the current version is copied again to that DP only, and keeps a refusal in the dialog', async () => {
    const courier = fakeCourier({
      'packages:refresh-dp': async () => ({ ok: false, error: { code: 'CONFLICT', message: 'Package A0100001 is being removed from DP01.' } }),
      'packages:source-size': async () => ({ ok: true, value: { packageId: 'A0100001', sourceDirectory: '/srv/src/reader', files: 12, bytes: 3565158 } }),
    });
    const onClose = vi.fn();
    withPackages(renderWithCourier(<RefreshDpDialog row={installed} onDone={vi.fn()} onClose={onClose} />, courier));
    const dialog = screen.getByRole('alertdialog', { name: 'Refresh Distribution Point' });
    await within(dialog).findByText(/12 files \(3.4 MB\)/);
    expect(dialog.textContent).toContain('Distribution Manager copies source version 4, 12 files (3.4 MB), to DP01 again, replacing what is in the package');
    expect(dialog.textContent).toContain('The source version stays 4, and no other distribution point is touched.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refresh' }));
    expect(await within(dialog).findByText('Package A0100001 is being removed from DP01.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("Delete says the package's folder on that DP is deleted, with its path, and that the DP itself stays", async () => {
    const remove = vi.fn(async () => ({ ok: true as const, value: testPlan({ action: 'remove', files: 0, bytes: 0 }) }));
    const courier = fakeCourier({ 'packages:remove-dp': remove });
    const onClose = vi.fn();
    withPackages(renderWithCourier(<RemoveDpDialog row={installed} onDone={vi.fn()} onClose={onClose} />, courier));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Package from Distribution Point' });
    expect(dialog.textContent).toContain("Distribution Manager deletes the package's folder on DP01, \\\\DP01\\SMSPKGD$\\A0100001, with every file in it.");
    expect(dialog.textContent).toContain('The distribution point itself stays');
    // Enter keeps things before a deletion: Cancel is the default.
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(remove).toHaveBeenCalledWith({ packageId: 'A0100001', distributionPoint: 'DP01' });
  });
});
