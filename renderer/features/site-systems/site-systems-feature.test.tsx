import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContentServiceDto, DistributionPointDto, DpGroupDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole } from '../../console/test-console';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { listPageOf, testSite } from '../../shell/test-package';
import { siteSystemsOf } from './site-systems-store';

const stamp = '2026-12-01T20:00:00.000Z';
function dp(name: string, serverName: string, extra: Partial<DistributionPointDto> = {}): DistributionPointDto {
  return {
    name,
    serverName,
    netbiosName: serverName.split('.')[0]!.toUpperCase(),
    siteCode: 'A01',
    mode: 'server',
    kind: 'standard',
    serverShare: null,
    shareReserveMb: null,
    nalPath: '',
    bitsEnabled: false,
    protected: false,
    boundaries: [],
    shareProvider: 'local',
    sambaConf: null,
    volumes: [{ letter: 'D', path: '/srv/d', reserveMb: 0, shareName: 'SMSPKGD$' }],
    groups: [],
    packageCount: 0,
    deleting: false,
    createdAt: stamp,
    lastModified: stamp,
    ...extra,
  };
}

let dps: DistributionPointDto[];
let groups: DpGroupDto[];
let reads: number;
let contentService: ContentServiceDto;
let contentReads: number;

beforeAll(() => {
  // jsdom has no layout; the virtualized tree and list need a viewport.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

beforeEach(() => {
  useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/computer-management', 'site/computer-management/software-distribution'] });
  dps = [dp('DP01', 'DP01', { packageCount: 2 })];
  groups = [];
  reads = 0;
  contentReads = 0;
  contentService = {
    component: 'SMS_DP_CONTENT_SERVICE',
    address: '127.0.0.1',
    port: 0,
    certificate: null,
    key: null,
    clientUrl: null,
    listeningUrl: null,
    listeningSince: null,
    lastModified: null,
  };
});

function renderShell() {
  const courier = fakeCourier({
    'site:info': async () => ({ ok: true, value: testSite }),
    'packages:list-page': async (request) => listPageOf([], request),
    'collections:list': async () => ({ ok: true, value: [] }),
    'distribution-points:list': async () => {
      reads++;
      return { ok: true, value: dps };
    },
    'dp-groups:list': async () => ({ ok: true, value: groups }),
    'content-service:get': async () => {
      contentReads++;
      return { ok: true, value: contentService };
    },
    'content-service:set': async ({ changes }) => {
      contentService = { ...contentService, ...changes, lastModified: stamp };
      return { ok: true, value: contentService };
    },
  });
  return { courier, ...renderConsole(courier) };
}

describe('siteSystemsOf', () => {
  it('puts the DPs of one server on one site system, whatever the case of its name', () => {
    const systems = siteSystemsOf([dp('files', 'files'), dp('DP01', 'DP01'), dp('FILES-share', 'FILES', { mode: 'serverShare', serverShare: '\\\\FILES\\dist', volumes: [] })]);
    expect(systems.map((s) => [s.serverName, s.dps.map((d) => d.name)])).toEqual([
      ['files', ['files', 'FILES-share']],
      ['DP01', ['DP01']],
    ]);
  });
});

describe('Site Systems in the console', () => {
  it('lists the site systems, their role, and follows changes from elsewhere without F5', async () => {
    const { courier } = renderShell();
    await screen.findByRole('treeitem', { name: 'Packages' });
    act(() => useShellStore.getState().select('site/site-settings/site-systems', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Site Systems' });
    expect(await within(grid).findByRole('row', { name: /DP01/ })).toBeTruthy();
    expect(within(grid).getByRole('row', { name: /DP01/ }).textContent).toContain('ConfigMgr Distribution Point');

    // The CLI adds a DP and puts DP01 in a group: both lists are read again.
    dps = [...dps, dp('dp02.contoso.com', 'dp02.contoso.com')];
    groups = [{ name: 'Europe', description: '', members: ['DP01'], createdAt: stamp, lastModified: stamp }];
    const before = reads;
    act(() => courier.emit('distribution-points:changed', { change: 'created', name: 'dp02.contoso.com' }));
    expect(await within(grid).findByRole('row', { name: /dp02\.contoso\.com/ })).toBeTruthy();
    expect(reads).toBe(before + 1);
    act(() => useShellStore.getState().select('site/site-settings/site-systems/dp02.contoso.com', { reveal: true }));
    expect(await screen.findByRole('treeitem', { name: 'dp02.contoso.com' })).toBeTruthy();

    act(() => useShellStore.getState().select('site/site-settings/site-systems/DP01', { reveal: true }));
    const roles = await screen.findByRole('grid', { name: 'DP01' });
    const role = await within(roles).findByRole('row', { name: /ConfigMgr Distribution Point/ });
    fireEvent.click(role);
    await waitFor(() => expect(within(screen.getByRole('complementary', { name: 'Actions' })).getByText('ConfigMgr Distribution Point')).toBeTruthy());

    // Delete on the role says the two packages on it are removed first.
    fireEvent.keyDown(roles, { key: 'Delete' });
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete Distribution Point' });
    expect(confirm.textContent).toContain('2 packages are on it');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
  });

  it("shows a BITS DP's content service role, follows the service starting to listen, and saves its client URL from Properties", async () => {
    dps = [dp('DP01', 'DP01'), dp('dp02.contoso.com', 'dp02.contoso.com', { bitsEnabled: true })];
    const { courier } = renderShell();
    await screen.findByRole('treeitem', { name: 'Packages' });
    act(() => useShellStore.getState().select('site/site-settings/site-systems', { reveal: true }));
    const systems = await screen.findByRole('grid', { name: 'Site Systems' });
    expect((await within(systems).findByRole('row', { name: /dp02\.contoso\.com/ })).textContent).toContain('ConfigMgr Distribution Point, Content Service (BITS)');
    expect(within(systems).getByRole('row', { name: /DP01/ }).textContent).not.toContain('Content Service');
    // A DP without BITS has no such role, and nothing of the service is read for it.
    act(() => useShellStore.getState().select('site/site-settings/site-systems/DP01', { reveal: true }));
    const plain = await screen.findByRole('grid', { name: 'DP01' });
    await within(plain).findByRole('row', { name: /ConfigMgr Distribution Point/ });
    expect(within(plain).queryByRole('row', { name: /Content Service/ })).toBeNull();
    expect(contentReads).toBe(0);

    act(() => useShellStore.getState().select('site/site-settings/site-systems/dp02.contoso.com', { reveal: true }));
    const roles = await screen.findByRole('grid', { name: 'dp02.contoso.com' });
    const row = await within(roles).findByRole('row', { name: /Content Service \(BITS\)/ });
    await waitFor(() => expect(row.textContent).toContain('Stopped'));
    // The service starts listening on a port of its choosing: the row shows it, without F5.
    contentService = { ...contentService, listeningUrl: 'http://127.0.0.1:41234', listeningSince: stamp };
    act(() => courier.emit('components:settings-changed', { component: 'dpcontent' }));
    await waitFor(() => expect(row.textContent).toContain('http://dp02.contoso.com:41234'));
    expect(row.textContent).toContain('Running');
    // Another component's settings are not this service's.
    const before = contentReads;
    act(() => courier.emit('components:settings-changed', { component: 'distmgr' }));
    expect(contentReads).toBe(before);

    fireEvent.click(row);
    fireEvent.keyDown(roles, { key: 'Enter' });
    const sheet = await screen.findByRole('dialog', { name: 'Content Service (BITS) Properties' });
    const url = await within(sheet).findByRole('textbox', { name: 'Client URL' });
    fireEvent.change(url, { target: { value: 'ftp://dp02' } });
    expect(await within(sheet).findAllByText(/must start with http:\/\/ or https:\/\//)).not.toHaveLength(0);
    expect((within(sheet).getByRole('button', { name: 'OK' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(url, { target: { value: 'https://dp02.contoso.com:8443' } });
    fireEvent.click(within(sheet).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Content Service (BITS) Properties' })).toBeNull());
    expect(contentService.clientUrl).toBe('https://dp02.contoso.com:8443');
    await waitFor(() => expect(row.textContent).toContain('https://dp02.contoso.com:8443'));
  });

  it('lists the DP groups and Software Distribution under Component Configuration', async () => {
    groups = [{ name: 'Europe', description: 'Offices', members: ['DP01'], createdAt: stamp, lastModified: stamp }];
    const { courier } = renderShell();
    await screen.findByRole('treeitem', { name: 'Packages' });
    act(() => useShellStore.getState().select('site/site-settings/dp-groups', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Distribution Point Groups' });
    expect((await within(grid).findByRole('row', { name: /Europe/ })).textContent).toContain('DP01');
    groups = [];
    act(() => courier.emit('dp-groups:changed', { change: 'deleted', name: 'Europe' }));
    await waitFor(() => expect(within(grid).queryByRole('row', { name: /Europe/ })).toBeNull());

    act(() => useShellStore.getState().select('site/site-settings/component-configuration', { reveal: true }));
    const components = await screen.findByRole('grid', { name: 'Component Configuration' });
    expect(within(components).getByRole('row', { name: /Software Distribution/ }).textContent).toContain('SMS_DISTRIBUTION_MANAGER');
  });
});
