import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CourierError,
  componentSetSchema,
  distmgrLimits,
  dpCreateSchema,
  type ApiResult,
  type CourierClient,
  type DistributionManagerSettingsDto,
  type DistributionPointDto,
  type DpGroupDto,
} from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderWithCourier } from '../../console/test-console';
import { DistmgrPropertiesDialog } from './distmgr-properties-dialog';
import { DpPropertiesDialog } from './dp-properties-dialog';
import { NewSiteSystemWizard } from './new-site-system-wizard';

const stamp = '2026-12-01T20:00:00.000Z';
const refused = (message: string, field?: string): ApiResult<never> => ({ ok: false, error: new CourierError('CONFLICT', message, field).toDto() });

function dpOf(name: string, changes: Partial<DistributionPointDto> = {}): DistributionPointDto {
  return {
    name,
    serverName: name,
    netbiosName: name.split('.')[0]!.toUpperCase(),
    siteCode: 'A01',
    mode: 'server',
    kind: 'standard',
    serverShare: null,
    shareReserveMb: null,
    nalPath: `["Display=\\\\${name}\\"]MSWNET:["SMS_SITE=A01"]\\\\${name}\\`,
    bitsEnabled: false,
    protected: false,
    boundaries: [],
    shareProvider: 'local',
    sambaConf: null,
    volumes: [{ letter: 'D', path: '/srv/dp01/d', reserveMb: 0, shareName: 'SMSPKGD$' }],
    groups: [],
    packageCount: 0,
    deleting: false,
    createdAt: stamp,
    lastModified: stamp,
    ...changes,
  };
}

const button = (within_: HTMLElement, name: string | RegExp) => within(within_).getByRole('button', { name });

describe('New Site System Server Wizard', () => {
  const create = vi.fn<CourierClient['distribution-points:create']>();
  beforeEach(() => {
    create.mockReset();
  });

  it('adds a server with the DP role and two volumes, and a refusal lands at the volume it names', async () => {
    const user = userEvent.setup();
    create.mockResolvedValueOnce(refused('/srv/dp01/e is already volume D of distribution point DP02.', 'volumes.1.path'));
    create.mockImplementation(async (input) => {
      expect(dpCreateSchema.safeParse(input).error?.issues ?? []).toEqual([]);
      return { ok: true, value: dpOf(input.name) };
    });
    const onCreated = vi.fn();
    renderWithCourier(<NewSiteSystemWizard open mode="server" siteCode="A01" onClose={vi.fn()} onCreated={onCreated} />, fakeCourier({ 'distribution-points:create': create }));
    const wizard = screen.getByRole('dialog', { name: 'New Site System Server Wizard' });

    expect(within(wizard).getByRole('status').textContent).toMatch(/Type the server/);
    await user.type(within(wizard).getByRole('textbox', { name: 'Name' }), 'dp01.contoso.com');
    await user.click(button(wizard, 'Next >'));
    expect((button(wizard, 'Next >') as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(wizard).getByRole('checkbox', { name: 'Distribution point' }));
    await user.click(button(wizard, 'Next >'));

    await user.click(button(wizard, 'Add Volume'));
    await user.type(within(wizard).getByRole('textbox', { name: 'Volume 1 path' }), '/srv/dp01/d');
    await user.click(button(wizard, 'Add Volume'));
    expect((within(wizard).getByRole('textbox', { name: 'Volume 2 drive letter' }) as HTMLInputElement).value).toBe('E');
    await user.type(within(wizard).getByRole('textbox', { name: 'Volume 2 path' }), 'srv');
    expect(within(wizard).getByRole('alert').textContent).toMatch(/not a full path/);
    await user.clear(within(wizard).getByRole('textbox', { name: 'Volume 2 path' }));
    await user.type(within(wizard).getByRole('textbox', { name: 'Volume 2 path' }), '/srv/dp01/e');
    const reserve = within(wizard).getByRole('textbox', { name: 'Volume 2 reserve (MB)' });
    await user.clear(reserve);
    await user.type(reserve, '500');
    await user.click(button(wizard, 'Next >'));
    await user.click(within(wizard).getByRole('checkbox', { name: 'Enable as a protected distribution point' }));
    await user.click(button(wizard, 'Add Boundary'));
    await user.type(within(wizard).getByRole('textbox', { name: 'Boundary 1' }), '10.1.0.0/16');
    await user.click(button(wizard, 'Next >'));
    expect(within(wizard).getByText(/D: \/srv\/dp01\/d \(reserve 0 MB\)\sE: \/srv\/dp01\/e \(reserve 500 MB\)/)).toBeTruthy();

    await user.click(button(wizard, 'Next >'));
    await within(wizard).findByText(/already volume D of distribution point DP02/);
    await user.click(button(wizard, 'Go to the Distribution Point page'));
    expect(within(wizard).getByRole('alert').textContent).toMatch(/already volume D/);
    const path2 = within(wizard).getByRole('textbox', { name: 'Volume 2 path' });
    await user.clear(path2);
    await user.type(path2, '/srv/dp01/f');
    await user.click(button(wizard, 'Summary'));
    await user.click(button(wizard, 'Next >'));
    await within(wizard).findByText('The wizard completed successfully');
    expect(create).toHaveBeenLastCalledWith({
      name: 'dp01.contoso.com',
      serverShare: '',
      volumes: [
        { letter: 'D', path: '/srv/dp01/d', reserveMb: 0 },
        { letter: 'E', path: '/srv/dp01/f', reserveMb: 500 },
      ],
      shareProvider: 'local',
      sambaConf: '',
      bitsEnabled: false,
      protected: true,
      boundaries: [{ kind: 'ipSubnet', value: '10.1.0.0/16' }],
      shareReserveMb: 0,
    });
    expect(onCreated).toHaveBeenCalledTimes(1);
  });
});

describe('ConfigMgr Distribution Point Properties', () => {
  let dp: DistributionPointDto;
  let groups: DpGroupDto[];
  const update = vi.fn<CourierClient['distribution-points:update']>();
  const addMember = vi.fn<CourierClient['dp-groups:add-member']>();
  const createGroup = vi.fn<CourierClient['dp-groups:create']>();
  const group = (name: string, members: string[] = []): DpGroupDto => ({ name, description: '', members, createdAt: stamp, lastModified: stamp });

  beforeEach(() => {
    dp = dpOf('DP01');
    groups = [group('Europe'), group('Labs', ['DP02'])];
    update.mockReset().mockImplementation(async ({ changes }) => {
      if (changes.volumes?.some((v) => v.path === '/srv/taken')) return refused('/srv/taken is already volume D of distribution point DP02.', 'changes.volumes.1.path');
      dp = { ...dp, bitsEnabled: changes.bitsEnabled ?? dp.bitsEnabled, volumes: (changes.volumes ?? dp.volumes).map((v) => ({ letter: v.letter.toUpperCase(), path: v.path, reserveMb: v.reserveMb ?? 0, shareName: `SMSPKG${v.letter.toUpperCase()}$` })) };
      return { ok: true, value: dp };
    });
    addMember.mockReset().mockImplementation(async ({ name, distributionPoint }) => {
      groups = groups.map((g) => (g.name === name ? { ...g, members: [...g.members, distributionPoint] } : g));
      return { ok: true, value: groups.find((g) => g.name === name)! };
    });
    createGroup.mockReset().mockImplementation(async (input) => {
      const made = group(input.name, input.members ?? []);
      groups = [...groups, made];
      return { ok: true, value: made };
    });
  });

  async function renderSheet() {
    const courier = fakeCourier({
      'distribution-points:get': async () => ({ ok: true, value: dp }),
      'distribution-points:update': update,
      'distribution-points:list': async () => ({ ok: true, value: [dp] }),
      'dp-groups:list': async () => ({ ok: true, value: groups }),
      'dp-groups:add-member': addMember,
      'dp-groups:create': createGroup,
    });
    const onStatus = vi.fn();
    const rendered = renderWithCourier(<div />, courier);
    await rendered.stores.siteSystems.getState().load();
    rendered.rerender(<DpPropertiesDialog name="DP01" mode="server" store={rendered.stores.siteSystems} onClose={vi.fn()} onStatus={onStatus} />);
    const sheet = await screen.findByRole('dialog', { name: 'ConfigMgr Distribution Point Properties' });
    await within(sheet).findByRole('textbox', { name: 'Volume 1 path' });
    return { sheet, courier, onStatus, stores: rendered.stores };
  }

  it('applies only what changed, and a refusal stays at the volume it names until that list is edited', async () => {
    const user = userEvent.setup();
    const { sheet } = await renderSheet();
    expect((button(sheet, 'Apply') as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(sheet).getByRole('checkbox', { name: /Enable for BITS/ }));
    await user.click(button(sheet, 'Add Volume'));
    await user.type(within(sheet).getByRole('textbox', { name: 'Volume 2 path' }), '/srv/taken');
    await user.click(button(sheet, 'Apply'));
    await within(sheet).findByText(/already volume D of distribution point DP02/);
    expect(update).toHaveBeenLastCalledWith({
      name: 'DP01',
      changes: { bitsEnabled: true, volumes: [{ letter: 'D', path: '/srv/dp01/d', reserveMb: 0 }, { letter: 'E', path: '/srv/taken', reserveMb: 0 }] },
    });
    await user.click(button(sheet, 'Remove volume 2'));
    expect(within(sheet).queryByText(/already volume D/)).toBeNull();
    await user.click(button(sheet, 'Apply'));
    await waitFor(() => expect((button(sheet, 'Apply') as HTMLButtonElement).disabled).toBe(true));
    expect(update).toHaveBeenLastCalledWith({ name: 'DP01', changes: { bitsEnabled: true } });
  });

  it("a volume row shows the problem the footer names as blocking OK", async () => {
    const user = userEvent.setup();
    const { sheet } = await renderSheet();
    await user.click(button(sheet, 'Add Volume'));
    await user.type(within(sheet).getByRole('textbox', { name: 'Volume 2 path' }), 'srv');
    const reserve = within(sheet).getByRole('textbox', { name: 'Volume 2 reserve (MB)' });
    await user.clear(reserve);
    await user.type(reserve, 'lots');
    const row = within(sheet).getByRole('alert').textContent ?? '';
    const footer = within(sheet).getByTitle(/Volume 2/).getAttribute('title') ?? '';
    expect(row).not.toBe('');
    expect(footer).toContain(row);
    expect((button(sheet, 'OK') as HTMLButtonElement).disabled).toBe(true);
  });

  it('follows a change made elsewhere while nothing is pending', async () => {
    const { sheet, courier } = await renderSheet();
    dp = { ...dp, volumes: [...dp.volumes, { letter: 'F', path: '/srv/dp01/f', reserveMb: 10, shareName: 'SMSPKGF$' }] };
    courier.emit('distribution-points:changed', { change: 'updated', name: 'dp01' });
    expect(((await within(sheet).findByRole('textbox', { name: 'Volume 2 path' })) as HTMLInputElement).value).toBe('/srv/dp01/f');
  });

  it('Group Membership: a check box adds the DP to a group, and New makes a group with it', async () => {
    const user = userEvent.setup();
    const { sheet, stores } = await renderSheet();
    await user.click(within(sheet).getByRole('tab', { name: 'Group Membership' }));
    const europe = within(sheet).getByRole('checkbox', { name: 'Member of Europe' });
    expect((within(sheet).getByRole('checkbox', { name: 'Member of Labs' }) as HTMLInputElement).checked).toBe(false);
    await user.click(europe);
    await waitFor(() => expect((europe as HTMLInputElement).checked).toBe(true));
    expect(addMember).toHaveBeenCalledWith({ name: 'Europe', distributionPoint: 'DP01' });

    await user.click(button(sheet, 'New…'));
    const dialog = screen.getByRole('dialog', { name: 'New Distribution Point Group' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Branch offices');
    await user.type(within(dialog).getByRole('textbox', { name: 'Comment' }), 'Every branch');
    expect((within(dialog).getByRole('checkbox', { name: 'Include this site system in this distribution point group' }) as HTMLInputElement).checked).toBe(true);
    await user.click(button(dialog, 'OK'));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New Distribution Point Group' })).toBeNull());
    expect(createGroup).toHaveBeenCalledWith({ name: 'Branch offices', description: 'Every branch', members: ['DP01'] });
    expect((within(sheet).getByRole('checkbox', { name: 'Member of Branch offices' }) as HTMLInputElement).checked).toBe(true);
    expect(stores.siteSystems.getState().groups.items.map((g) => g.name)).toContain('Branch offices');
  });
});

describe('Software Distribution Component Properties', () => {
  let settings: DistributionManagerSettingsDto;
  const set = vi.fn<CourierClient['components:set']>();
  beforeEach(() => {
    settings = { component: 'SMS_DISTRIBUTION_MANAGER', maxPackages: 3, threadsPerPackage: 5, retries: 100, retryDelayMinutes: 30, storedPackagesLocation: '', properties: {}, lastModified: null };
    set.mockReset().mockImplementation(async (input) => {
      expect(componentSetSchema.safeParse(input).success).toBe(true);
      settings = { ...settings, ...input.changes };
      return { ok: true, value: settings };
    });
  });

  it('shows the defaults, holds a value out of bounds at its field, and sets only what changed', async () => {
    const user = userEvent.setup();
    const courier = fakeCourier({ 'components:get': async () => ({ ok: true, value: settings }), 'components:set': set });
    renderWithCourier(<DistmgrPropertiesDialog onClose={vi.fn()} onStatus={vi.fn()} />, courier);
    const sheet = await screen.findByRole('dialog', { name: 'Software Distribution Component Properties' });
    await user.click(await within(sheet).findByRole('tab', { name: 'Distribution Point' }));
    const field = (name: string) => within(sheet).getByRole('textbox', { name }) as HTMLInputElement;
    expect([field('Maximum number of packages').value, field('Maximum threads per package').value, field('Number of retries').value, field('Delay before retrying (minutes)').value]).toEqual(['3', '5', '100', '30']);

    await user.clear(field('Maximum number of packages'));
    await user.type(field('Maximum number of packages'), '51');
    expect(within(sheet).getAllByText(`Maximum number of packages is a whole number from 1 to ${distmgrLimits.maxPackages.max}.`).length).toBeGreaterThan(0);
    expect((button(sheet, 'Apply') as HTMLButtonElement).disabled).toBe(true);
    await user.clear(field('Maximum number of packages'));
    await user.type(field('Maximum number of packages'), '8');
    await user.clear(field('Delay before retrying (minutes)'));
    await user.type(field('Delay before retrying (minutes)'), '45');
    await user.click(button(sheet, 'Apply'));
    await waitFor(() => expect(set).toHaveBeenCalledWith({ component: 'distmgr', changes: { maxPackages: 8, retryDelayMinutes: 45 } }));

    // Another console changes the retries: the sheet, with nothing pending, shows it.
    await waitFor(() => expect((button(sheet, 'Apply') as HTMLButtonElement).disabled).toBe(true));
    settings = { ...settings, retries: 7 };
    courier.emit('components:settings-changed', { component: 'distmgr' });
    await waitFor(() => expect(field('Number of retries').value).toBe('7'));
  });
});
