import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, CourierClient, ProgramDeletedDto, ProgramDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { DeleteProgramWizard } from './delete-program-wizard';
import { NewDeviceProgramWizard, NewProgramWizard } from './new-program-wizard';

const fake = {
  create: vi.fn<CourierClient['programs:create']>(),
  createDevice: vi.fn<CourierClient['programs:create-device']>(),
  remove: vi.fn<CourierClient['programs:delete']>(),
};

const created = { packageId: 'A0100001', name: 'Unattended', kind: 'computer' } as ProgramDto;

beforeEach(() => {
  fake.create.mockReset();
  fake.createDevice.mockReset();
  fake.remove.mockReset();
});

function wrap(node: React.ReactNode) {
  return renderWithCourier(
    node,
    fakeCourier({ 'programs:create': fake.create, 'programs:create-device': fake.createDevice, 'programs:delete': fake.remove }),
  );
}

describe('NewProgramWizard', () => {
  it('creates the program from the General page and the defaults, and says so', async () => {
    fake.create.mockResolvedValue({ ok: true, value: created } satisfies ApiResult<ProgramDto>);
    const onCreated = vi.fn();
    wrap(<NewProgramWizard open packageId="A0100001" onClose={() => undefined} onCreated={onCreated} />);
    const dialog = screen.getByRole('dialog', { name: 'New Program Wizard' });
    const user = userEvent.setup();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Unattended');
    await user.type(within(dialog).getByRole('textbox', { name: 'Command line' }), 'setup.exe /q');
    await user.click(within(dialog).getByRole('button', { name: 'Summary' }));
    expect(within(dialog).getByRole('heading', { name: 'Summary' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Next >' }));
    await within(dialog).findByText('The New Program Wizard completed successfully');
    expect(fake.create).toHaveBeenCalledWith({
      packageId: 'A0100001',
      program: expect.objectContaining({ name: 'Unattended', commandLine: 'setup.exe /q', run: 'normal', runFirst: null }),
    });
    expect(onCreated).toHaveBeenCalledWith(created);
  });

  it('takes a refusal back to the field it is about', async () => {
    fake.create.mockResolvedValue({
      ok: false,
      error: { code: 'CONFLICT', message: 'Package A0100001 already has a program named "Setup".', field: 'program.name' },
    } satisfies ApiResult<ProgramDto>);
    wrap(<NewProgramWizard open packageId="A0100001" onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'New Program Wizard' });
    const user = userEvent.setup();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Setup');
    await user.type(within(dialog).getByRole('textbox', { name: 'Command line' }), 'setup.exe');
    await user.click(within(dialog).getByRole('button', { name: 'Summary' }));
    await user.click(within(dialog).getByRole('button', { name: 'Next >' }));
    expect(await within(dialog).findByText('The problem is with “Name” on the General page.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Go to the General page' }));
    expect(within(dialog).getByText('Package A0100001 already has a program named "Setup".')).toBeTruthy();
  });
});

describe('NewDeviceProgramWizard', () => {
  it('holds Next until the folder to run from is given', async () => {
    fake.createDevice.mockResolvedValue({ ok: true, value: { ...created, kind: 'device', name: 'Viewer' } as ProgramDto });
    wrap(<NewDeviceProgramWizard open packageId="A0100001" onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'New Program For Device Wizard' });
    const user = userEvent.setup();
    expect((within(dialog).getByRole('textbox', { name: 'Download folder' }) as HTMLInputElement).value).toBe('\\Temp\\');
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Viewer');
    await user.type(within(dialog).getByRole('textbox', { name: 'Command line' }), 'viewer.cab');
    await user.click(within(dialog).getByRole('radio', { name: 'Run command line from this folder' }));
    expect((within(dialog).getByRole('button', { name: 'Next >' }) as HTMLButtonElement).disabled).toBe(true);
    // The footer names the field it is about, with a link to it.
    expect(within(dialog).getByRole('status').textContent).toBe('Run command line from this folder: Give the folder the program runs from.');
    await user.type(within(dialog).getByRole('textbox', { name: 'Run command line from this folder' }), '\\Apps\\');
    await user.click(within(dialog).getByRole('button', { name: 'Next >' }));
    expect(within(dialog).getByRole('combobox', { name: 'Download program' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Next >' }));
    await user.click(within(dialog).getByRole('button', { name: 'Next >' }));
    await within(dialog).findByText('The New Program For Device Wizard completed successfully');
    expect(fake.createDevice).toHaveBeenCalledWith({
      packageId: 'A0100001',
      program: expect.objectContaining({ runFrom: 'folder', runFolder: '\\Apps\\', downloadFolder: '\\Temp\\' }),
    });
  });
});

describe('DeleteProgramWizard', () => {
  const program = { packageId: 'A0100001', name: 'Setup', kind: 'computer' } as ProgramDto;

  it('shows a refusal in plain words on the page', async () => {
    fake.remove.mockResolvedValue({
      ok: false,
      error: { code: 'CONFLICT', message: 'Program A0100001:Setup cannot be deleted: A0100002:Office runs it first.', field: 'programName' },
    });
    wrap(<DeleteProgramWizard program={program} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete Program Wizard' });
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Next >' }));
    expect(await within(dialog).findByText('The program was not deleted.')).toBeTruthy();
    expect(within(dialog).getByText(/A0100002:Office runs it first/)).toBeTruthy();
  });

  it('asks once more when advertisements would go with it, then deletes them too', async () => {
    fake.remove
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'CONFLICT', message: 'Program A0100001:Setup is advertised (A0120001).', field: 'deleteAdvertisements' },
      })
      .mockResolvedValueOnce({
        ok: true,
        value: { packageId: 'A0100001', programName: 'Setup', deletedAdvertisements: ['A0120001'] } satisfies ProgramDeletedDto,
      });
    const onDeleted = vi.fn();
    wrap(<DeleteProgramWizard program={program} onClose={() => undefined} onDeleted={onDeleted} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete Program Wizard' });
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Next >' }));
    expect(await within(dialog).findByRole('heading', { name: 'Affected Advertisements' })).toBeTruthy();
    expect(within(dialog).getByText(/A0120001/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Next >' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Delete the program and all of these advertisements' }));
    await user.click(within(dialog).getByRole('button', { name: 'Next >' }));
    await within(dialog).findByText('The Delete Program Wizard completed successfully');
    expect(fake.remove).toHaveBeenLastCalledWith({ packageId: 'A0100001', programName: 'Setup', deleteAdvertisements: true });
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
  });
});
