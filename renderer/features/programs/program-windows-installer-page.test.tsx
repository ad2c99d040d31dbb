import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComputerProgramSettings, CourierClient } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { newProgramDraft, programRules } from './program-draft';
import { ProgramWindowsInstallerPage } from './program-windows-installer-page';

const msiInfo = vi.fn<CourierClient['files:msi-info']>();

beforeEach(() => msiInfo.mockReset());

function Harness(): ReactNode {
  const [draft, setDraft] = useState<ComputerProgramSettings>(newProgramDraft());
  return (
    <ProgramWindowsInstallerPage
      draft={draft}
      issues={programRules.issues(draft)}
      packageId="A0100001"
      onChange={(changes) => setDraft(programRules.apply(draft, changes))}
    />
  );
}

const fileBox = () => screen.getByRole('textbox', { name: 'Windows Installer file on the site server' });

/** Opens Import…; the dialog is there once Fluent has mounted it in its portal and made it the active modal. */
async function openImport(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Import…' }));
  return screen.findByRole('dialog', { name: 'Import Windows Installer File' });
}

describe('Windows Installer page Import…', () => {
  it('reads the .msi on the site server and fills the file and product code', async () => {
    msiInfo.mockResolvedValue({
      ok: true,
      value: { productCode: '{6A1C2B3D-4E5F-4071-8293-A4B5C6D7E8F9}', productName: 'Reader', productVersion: '1.0', manufacturer: 'Contoso', upgradeCode: '', productLanguage: '1033' },
    });
    const user = userEvent.setup();
    renderWithCourier(<Harness />, fakeCourier({ 'files:msi-info': msiInfo }));
    await openImport(user);
    await user.type(fileBox(), '\\\\srv\\apps\\reader\\Reader.msi');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(msiInfo).toHaveBeenCalledWith({ path: '\\\\srv\\apps\\reader\\Reader.msi' });
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Windows Installer file' }) as HTMLInputElement).value).toBe('Reader.msi'));
    expect((screen.getByRole('textbox', { name: 'Windows Installer product code' }) as HTMLInputElement).value).toBe(
      '{6A1C2B3D-4E5F-4071-8293-A4B5C6D7E8F9}',
    );
  });

  it('shows the site server\'s refusal in the dialog and changes nothing', async () => {
    msiInfo.mockResolvedValue({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'This is not a Windows Installer file: it is not an OLE compound file.' } });
    const user = userEvent.setup();
    renderWithCourier(<Harness />, fakeCourier({ 'files:msi-info': msiInfo }));
    await openImport(user);
    await user.type(fileBox(), '/srv/readme.txt');
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('This is not a Windows Installer file: it is not an OLE compound file.')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Import Windows Installer File' })).toBeTruthy();
    // hidden: true — the open modal hides the page beneath it from the accessibility tree (asynchronously).
    expect((screen.getByRole('textbox', { name: 'Windows Installer file', hidden: true }) as HTMLInputElement).value).toBe('');
  });
});
