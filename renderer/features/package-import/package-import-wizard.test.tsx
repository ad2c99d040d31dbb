import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, CourierClient, DefinitionPreviewDto, PackageImportedDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { PackageImportWizard } from './package-import-wizard';

const api = {
  list: vi.fn<CourierClient['definitions:list']>(),
  inspect: vi.fn<CourierClient['definitions:inspect']>(),
  importPackage: vi.fn<CourierClient['packages:import']>(),
};

const msiPreview: DefinitionPreviewDto = {
  format: 'msi',
  package: { name: 'Contoso Reader', version: '4.2.1', publisher: 'Contoso', language: 'English', comment: '', containsNoFiles: false },
  programs: [
    { name: 'Per-system unattended', commandLine: 'msiexec /i "ContosoReader.msi" /q ALLUSERS=1' },
    { name: 'Per-system uninstall', commandLine: 'msiexec /x {6A1C2B3D-4E5F-4071-8293-A4B5C6D7E8F9} /q' },
  ],
  msi: {
    productCode: '{6A1C2B3D-4E5F-4071-8293-A4B5C6D7E8F9}',
    productName: 'Contoso Reader',
    productVersion: '4.2.1',
    manufacturer: 'Contoso',
    upgradeCode: '',
    productLanguage: '1033',
  },
  suggestedSourceDirectory: '/srv/apps/reader',
  notes: [],
  warnings: [],
};

beforeEach(() => {
  api.list.mockReset().mockResolvedValue({ ok: true, value: [] });
  api.inspect.mockReset();
  api.importPackage.mockReset();
});

function renderWizard() {
  const onCreated = vi.fn();
  renderWithCourier(
    <PackageImportWizard open onClose={() => undefined} onCreated={onCreated} />,
    fakeCourier({ 'definitions:list': api.list, 'definitions:inspect': api.inspect, 'packages:import': api.importPackage }),
  );
  return { onCreated, dialog: screen.getByRole('dialog', { name: 'Create Package From Definition Wizard' }) };
}

const button = (name: string) => screen.getByRole('button', { name });
const heading = () => screen.getByRole('heading', { level: 3 }).textContent;

async function openFile(path: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'File on the site server' }), path);
  await user.click(button('Open'));
  return user;
}

describe('Create Package From Definition Wizard', () => {
  it('reads an MSI, offers its folder, and creates the package with its programs', async () => {
    api.inspect.mockResolvedValue({ ok: true, value: msiPreview } satisfies ApiResult<DefinitionPreviewDto>);
    const { onCreated } = renderWizard();
    expect(heading()).toBe('Package Definition');
    expect((button('Next >') as HTMLButtonElement).disabled).toBe(true);

    const user = await openFile('/srv/apps/reader/ContosoReader.msi');
    const details = await screen.findByRole('group', { name: 'Package definition details' });
    expect(within(details).getByText('Contoso Reader')).toBeTruthy();
    expect(within(details).getByText('Per-system uninstall')).toBeTruthy();
    expect(api.inspect).toHaveBeenCalledWith({ source: { kind: 'file', path: '/srv/apps/reader/ContosoReader.msi' } });

    await user.click(button('Next >'));
    expect(heading()).toBe('Source Files');
    expect((screen.getByRole('radio', { name: 'Always obtain files from a source directory' }) as HTMLInputElement).checked).toBe(true);
    await user.click(button('Next >'));
    expect(heading()).toBe('Source Directory');
    expect((screen.getByRole('textbox', { name: 'Source directory' }) as HTMLInputElement).value).toBe('/srv/apps/reader');
    await user.click(button('Next >'));
    expect(heading()).toBe('Summary');
    expect(screen.getByText('Contoso Contoso Reader 4.2.1 English')).toBeTruthy();

    const result = {
      package: { packageId: 'A0100004', name: 'Contoso Reader', version: '4.2.1', publisher: 'Contoso', language: 'English' },
      programs: [{ name: 'Per-system unattended' }, { name: 'Per-system uninstall' }],
    } as unknown as PackageImportedDto;
    api.importPackage.mockResolvedValue({ ok: true, value: result });
    await user.click(button('Next >'));
    await waitFor(() => expect(heading()).toBe('Confirmation'));
    expect(api.importPackage).toHaveBeenCalledWith({
      source: { kind: 'file', path: '/srv/apps/reader/ContosoReader.msi' },
      sourceFiles: 'direct',
      sourceDirectory: '/srv/apps/reader',
    });
    expect(screen.getByText('The Create Package From Definition Wizard completed successfully')).toBeTruthy();
    expect(screen.getByText('A0100004')).toBeTruthy();
    expect(screen.getByText('Per-system unattended, Per-system uninstall')).toBeTruthy();
    expect(onCreated).toHaveBeenCalledWith(result);
  });

  it('skips Source Directory when the package has no source files', async () => {
    api.inspect.mockResolvedValue({ ok: true, value: { ...msiPreview, msi: null, format: '2.0', suggestedSourceDirectory: '', package: { ...msiPreview.package, containsNoFiles: true } } });
    renderWizard();
    const user = await openFile('/srv/defs/tools.sms');
    await screen.findByRole('group', { name: 'Package definition details' });
    await user.click(button('Next >'));
    expect((screen.getByRole('radio', { name: 'This package does not contain any source files' }) as HTMLInputElement).checked).toBe(true);
    const rail = screen.getByRole('navigation', { name: 'Wizard pages' });
    expect(within(rail).queryByText('Source Directory')).toBeNull();
    await user.click(button('Next >'));
    expect(heading()).toBe('Summary');
  });

  it('shows a definition the site server cannot read in plain words and keeps Next disabled', async () => {
    api.inspect.mockResolvedValue({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '[Package Definition] Name (line 5): required, but empty', field: '[Package Definition].Name' },
    });
    renderWizard();
    await openFile('/srv/defs/broken.sms');
    expect(await screen.findByText('Courier cannot use this package definition.')).toBeTruthy();
    expect(screen.getByText('Line 5, in the [Package Definition] section: Name is required, but empty.')).toBeTruthy();
    expect((button('Next >') as HTMLButtonElement).disabled).toBe(true);
  });
});
