import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PackageDpValidationDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import type { PackageDpRow } from './package-dps-store';
import { CancelRetriesDialog, RetryNowDialog } from './retry-dialogs';
import { canCancelRetries, canRetryNow } from './retry-text';
import { testDpStatus } from './test-distribution';
import { ValidateDialog } from './validate-dialog';

const retrying: PackageDpRow = {
  ...testDpStatus('DP02', { state: 'installRetrying', attempts: 3, lastError: 'The network path was not found.', nextAttemptAt: '2026-03-04T06:00:00.000Z' }),
  packageId: 'A0100001',
  siteCode: 'A01',
};

function validation(name: string, extra: Partial<PackageDpValidationDto> = {}): PackageDpValidationDto {
  return {
    name,
    path: `\\\\${name}\\SMSPKGD$\\A0100001`,
    sourceVersion: 2,
    ok: true,
    missing: [],
    changed: [],
    extra: [],
    missingFolders: [],
    checkedFiles: 3,
    checkedBytes: 3072,
    repaired: null,
    error: null,
    ...extra,
  };
}

describe('Retry Now and Cancel on a DP row', () => {
  it('offers each only where it applies', () => {
    expect(canRetryNow(retrying)).toBe(true);
    expect(canCancelRetries(retrying)).toBe(true);
    expect(canRetryNow({ state: 'installFailed', nextAttemptAt: null })).toBe(true);
    expect(canCancelRetries({ state: 'installFailed', attempts: 100 })).toBe(false);
    expect(canRetryNow({ state: 'installPending', nextAttemptAt: null })).toBe(false);
    expect(canRetryNow({ state: 'installed', nextAttemptAt: null })).toBe(false);
    expect(canCancelRetries({ state: 'removalPending', attempts: 0 })).toBe(false);
    expect(canCancelRetries({ state: 'removalPending', attempts: 2 })).toBe(true);
  });

  it('Retry Now states the attempts and the last error, then asks for packages:retry-dp', async () => {
    const retry = vi.fn(async () => ({ ok: true as const, value: { ...retrying, nextAttemptAt: null } }));
    const onDone = vi.fn();
    const onClose = vi.fn();
    renderWithCourier(<RetryNowDialog row={retrying} onDone={onDone} onClose={onClose} />, fakeCourier({ 'packages:retry-dp': retry }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Retry Now' });
    expect(dialog.textContent).toContain('The last attempt failed: The network path was not found.');
    expect(dialog.textContent).toContain('3 attempts have failed so far');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retry Now' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(retry).toHaveBeenCalledWith({ packageId: 'A0100001', distributionPoint: 'DP02' });
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ nextAttemptAt: null }));
  });

  it('Cancel says the row goes to Install Failed, and a refusal stays in the dialog', async () => {
    const onClose = vi.fn();
    const courier = fakeCourier({
      'packages:cancel-dp': async () => ({ ok: false, error: { code: 'CONFLICT', message: 'Package A0100001 on DP02 is installed, not retrying: there are no retries to cancel.' } }),
    });
    renderWithCourier(<CancelRetriesDialog row={retrying} onDone={vi.fn()} onClose={onClose} />, courier);
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel Retries' });
    expect(dialog.textContent).toContain('The row goes to Install Failed');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop Retrying' }));
    expect(await within(dialog).findByText(/there are no retries to cancel/)).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('Validate and Repair', () => {
  it('says per DP what is missing, changed or extra, and repairs only the DPs that are not OK', async () => {
    const validate = vi.fn(async (request: { packageId: string; distributionPoint?: string; repair?: boolean }) =>
      request.repair
        ? { ok: true as const, value: { packageId: 'A0100001', distributionPoints: [validation('DP02', { missing: ['setup.exe'], changed: ['data.cab'], repaired: { rewritten: ['data.cab', 'setup.exe'], removed: [], createdFolders: [] } })] } }
        : {
            ok: true as const,
            value: { packageId: 'A0100001', distributionPoints: [validation('DP01'), validation('DP02', { ok: false, missing: ['setup.exe'], changed: ['data.cab'], extra: ['junk.tmp'] })] },
          },
    );
    const onDone = vi.fn();
    renderWithCourier(<ValidateDialog packageId="A0100001" onDone={onDone} onClose={vi.fn()} />, fakeCourier({ 'packages:validate': validate }));
    const dialog = await screen.findByRole('dialog', { name: 'Validate Distribution Points' });
    const ok = await within(dialog).findByRole('listitem', { name: /^DP01: OK/ });
    expect(ok.textContent).toContain('3 files, 3 KB checked');
    const bad = within(dialog).getByRole('listitem', { name: /^DP02: differs/ });
    expect(bad.textContent).toContain('Missing (1): setup.exe');
    expect(bad.textContent).toContain('Changed (1): data.cab');
    expect(bad.textContent).toContain('Extra (1): junk.tmp');
    expect(dialog.textContent).toContain('on DP02 only');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Repair' }));
    const repaired = await within(dialog).findByRole('listitem', { name: /^DP02: repaired/ });
    expect(repaired.textContent).toContain('Copied again from the source (2): data.cab, setup.exe');
    expect(validate).toHaveBeenCalledWith({ packageId: 'A0100001' });
    expect(validate).toHaveBeenCalledWith({ packageId: 'A0100001', distributionPoint: 'DP02', repair: true });
    expect(validate).toHaveBeenCalledTimes(2);
    expect(onDone).toHaveBeenCalledWith('Package A0100001 repaired on DP02: it matches its manifest there again.');
    expect((within(dialog).getByRole('button', { name: 'Repair' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('on one DP row validates that DP only, and holds Repair back when it matches', async () => {
    const validate = vi.fn(async () => ({ ok: true as const, value: { packageId: 'A0100001', distributionPoints: [validation('DP01')] } }));
    renderWithCourier(<ValidateDialog packageId="A0100001" distributionPoint="DP01" onDone={vi.fn()} onClose={vi.fn()} />, fakeCourier({ 'packages:validate': validate }));
    const dialog = await screen.findByRole('dialog', { name: 'Validate DP01' });
    await within(dialog).findByText('Every copy checked matches its manifest: nothing to repair.');
    expect(validate).toHaveBeenCalledWith({ packageId: 'A0100001', distributionPoint: 'DP01' });
    expect((within(dialog).getByRole('button', { name: 'Repair' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
