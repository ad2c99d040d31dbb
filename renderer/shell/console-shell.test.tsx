import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  computerProgramDefaults,
  type AccessAccountDto,
  type PackageChangedEvent,
  type PackageDto,
  type ProgramChangedEvent,
  type ProgramDto,
} from '../../core/api';
import { fakeCourier, type FakeCourier } from '../client/fake-courier';
import { renderConsole } from '../console/test-console';
import { initialShellState, useShellStore } from './shell-store';
import { NotBuiltView } from './not-built-view';
import { listPageOf, testPackage, testSite } from './test-package';

// A stand-in for the core behind the bridge: answers are set per test.
const fake = {
  packages: [] as PackageDto[],
  listFailure: null as string | null,
  listCalls: 0,
  programs: [] as ProgramDto[],
  accounts: [] as AccessAccountDto[],
};

let courier: FakeCourier;

function testPackageOf(packageId: string, name: string): PackageDto {
  return testPackage(packageId, name, { version: '0.1', publisher: 'Courier Project', language: 'ALL' });
}

function siteServer(): FakeCourier {
  return fakeCourier({
    'site:info': async () => ({ ok: true, value: testSite }),
    'collections:list': async () => ({ ok: true, value: [] }),
    'distribution-points:list': async () => ({ ok: true, value: [] }),
    'dp-groups:list': async () => ({ ok: true, value: [] }),
    // The arrow keys pass Component Status, which reads its summaries when shown.
    'status:summary-components': async () => ({ ok: true, value: { thresholds: { error: { warning: 1, critical: 5 }, warning: { warning: 10, critical: 50 }, info: { warning: 2000, critical: 5000 }, lastModified: null }, components: [] } }),
    'packages:list-page': async (request) => {
      fake.listCalls++;
      return fake.listFailure === null
        ? listPageOf(fake.packages, request)
        : { ok: false, error: { code: 'INTERNAL', message: fake.listFailure } };
    },
    'programs:list': async () => ({ ok: true, value: fake.programs }),
    'definitions:list': async () => ({
      ok: true,
      value: [
        { id: 'agent.sms', fileName: 'agent.sms', format: '2.0', name: 'Courier Client Agent', version: '0.1', publisher: 'Courier Project', language: 'ALL', programCount: 1 },
      ],
    }),
    'definitions:inspect': async () => ({
      ok: true,
      value: {
        format: '2.0',
        package: { name: 'Courier Client Agent', version: '0.1', publisher: 'Courier Project', language: 'ALL', comment: '', containsNoFiles: true },
        programs: [{ name: 'Uninstall', commandLine: 'msiexec /x agent.msi /qn' }],
        msi: null,
        suggestedSourceDirectory: '',
        notes: [],
        warnings: [],
      },
    }),
    'packages:import': async () => {
      const pkg = testPackageOf('A0100002', 'Courier Client Agent');
      fake.packages = [...fake.packages, pkg];
      return { ok: true, value: { package: pkg, programs: [], warnings: [] } };
    },
    'access-accounts:list': async () => ({ ok: true, value: fake.accounts }),
    'packages:get': async ({ packageId }) => {
      const found = fake.packages.find((p) => p.packageId === packageId);
      return found ? { ok: true, value: found } : { ok: false, error: { code: 'NOT_FOUND', message: 'Gone.' } };
    },
  });
}

function emit(event: PackageChangedEvent): void {
  act(() => courier.emit('packages:changed', event));
}

function emitProgram(event: ProgramChangedEvent): void {
  act(() => courier.emit('programs:changed', event));
}

function testProgram(name: string): ProgramDto {
  return {
    ...computerProgramDefaults,
    kind: 'computer',
    name,
    commandLine: 'setup.exe /q',
    packageId: 'A0100001',
    programFlags: 0,
    diskSpaceReq: '38 MB',
    dependentProgram: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastModified: '2026-01-01T00:00:00.000Z',
  };
}

function renderShell() {
  return renderConsole(courier);
}

beforeAll(() => {
  // jsdom has no layout; the virtualized tree and list need a viewport height.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

beforeEach(() => {
  fake.packages = [testPackage('A0100001', 'Reader', { publisher: 'Adobe', version: '9.3' })];
  fake.listFailure = null;
  fake.listCalls = 0;
  fake.programs = [testProgram('Unattended')];
  fake.accounts = [
    { packageId: 'A0100001', accountName: 'Users', kind: 'generic', accountType: 'group', permission: 'read', userName: 'Users', access: 0x65 },
  ];
  useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/computer-management', 'site/computer-management/software-distribution'] });
  courier = siteServer();
});

const tree = () => screen.getByRole('tree', { name: 'Console tree' });
const treeItem = (name: string | RegExp) => within(tree()).getByRole('treeitem', { name });

async function openPackages(): Promise<HTMLElement> {
  renderShell();
  fireEvent.click(await screen.findByRole('treeitem', { name: 'Packages' }));
  return screen.findByRole('grid', { name: 'Packages' });
}

describe('ConsoleShell', () => {
  it('titles the tree root with the site code and name', async () => {
    renderShell();
    expect(await screen.findByRole('treeitem', { name: 'Site Database (A01 - Central Site)' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: /Site Database \(A01 - Central Site\)/ })).toBeTruthy();
    expect(screen.getByText('Site A01 (Central Site) on SCCM01')).toBeTruthy();
  });

  it('lists the packages and keeps the list live', async () => {
    const grid = await openPackages();
    expect(await within(grid).findByRole('row', { name: /Reader/ })).toBeTruthy();
    expect(screen.getByText('1 item')).toBeTruthy();
    emit({ change: 'created', packageId: 'A0100002', package: testPackage('A0100002', 'Visio') });
    expect(within(grid).getByRole('row', { name: /Visio/ })).toBeTruthy();
    expect(screen.getByText('2 items')).toBeTruthy();
    // The tree follows too: the new package is a node under Packages.
    fireEvent.keyDown(tree(), { key: 'ArrowRight' });
    expect(treeItem('Visio')).toBeTruthy();
    emit({ change: 'deleted', packageId: 'A0100001', package: null });
    expect(within(grid).queryByRole('row', { name: /Reader/ })).toBeNull();
  });

  it('shows a package row menu with Properties, Delete and Refresh, and Delete asks first', async () => {
    const grid = await openPackages();
    const row = await within(grid).findByRole('row', { name: /Reader/ });
    fireEvent.contextMenu(within(row).getAllByRole('gridcell')[0] as HTMLElement, { clientX: 10, clientY: 10 });
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem').map((i) => i.textContent);
    expect(items).toEqual(['Properties', 'DeleteDel', 'Distribute', 'Update Distribution Points', 'Validate Distribution Points', 'Show Messages', 'RefreshF5', 'HelpF1']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: /Delete/ }));
    // The action runs once the menu has handed focus back.
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Package' });
    expect(dialog.textContent).toContain('Reader');
  });

  it('keeps what the site server said beside a saved change in a bar until it is dismissed', async () => {
    const later = 'Courier will retry the wake-up file for A0100001 (disk full); the Distribution Manager has not been told yet.';
    courier = fakeCourier({
      ...courier.client,
      'packages:delete': async () => {
        fake.packages = [];
        return { ok: true, value: { packageId: 'A0100001', name: 'Reader' }, notices: [later] };
      },
    });
    const grid = await openPackages();
    expect(screen.queryByRole('region', { name: 'Site server notices' })).toBeNull();
    fireEvent.click(await within(grid).findByRole('row', { name: /Reader/ }));
    fireEvent.keyDown(grid, { key: 'Delete' });
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Package' });
    fireEvent.click(within(dialog).getByRole('button', { name: /^(Yes|Delete|OK)$/ }));
    const bar = await screen.findByRole('region', { name: 'Site server notices' });
    expect(bar.textContent).toContain(later);
    // The dialog has closed; the notice stays until the admin dismisses it.
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    fireEvent.click(within(bar).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Site server notices' })).toBeNull();
  });

  it('mirrors the selection in the Actions pane', async () => {
    const grid = await openPackages();
    const row = await within(grid).findByRole('row', { name: /Reader/ });
    fireEvent.click(within(row).getAllByRole('gridcell')[0] as HTMLElement);
    const pane = screen.getByRole('complementary', { name: 'Actions' });
    expect(within(pane).getByRole('heading', { name: 'Packages' })).toBeTruthy();
    const itemSection = within(pane).getByRole('group', { name: 'Adobe Reader 9.3' });
    expect(within(itemSection).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Properties',
      'Delete',
      'Distribute',
      'Update Distribution Points',
      'Validate Distribution Points',
      'Show Messages',
      'Refresh',
      'Help',
    ]);
  });

  it('opens the Packages menu from the keyboard with New › Package', async () => {
    renderShell();
    await screen.findByRole('treeitem', { name: 'Packages' });
    tree().focus();
    // Site Database › Computer Management › Software Distribution › Packages
    for (let i = 0; i < 3; i++) fireEvent.keyDown(tree(), { key: 'ArrowDown' });
    expect(treeItem('Packages').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tree(), { key: 'F10', shiftKey: true });
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'New' })).toBeTruthy();
  });

  it('creates a package from a definition through Packages › New › Package From Definition and selects it', async () => {
    const grid = await openPackages();
    fireEvent.contextMenu(treeItem('Packages'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'New' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Package From Definition' }));
    const wizard = await screen.findByRole('dialog', { name: 'Create Package From Definition Wizard' });
    const list = within(wizard).getByRole('grid', { name: 'Package definition' });
    fireEvent.click(await within(list).findByRole('row', { name: /Courier Client Agent/ }));
    await within(wizard).findByRole('group', { name: 'Package definition details' });
    fireEvent.click(within(wizard).getByRole('button', { name: 'Next >' }));
    expect((within(wizard).getByRole('radio', { name: 'This package does not contain any source files' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(wizard).getByRole('button', { name: 'Next >' }));
    expect(within(wizard).getByRole('heading', { level: 3 }).textContent).toBe('Summary');
    fireEvent.click(within(wizard).getByRole('button', { name: 'Next >' }));
    await within(wizard).findByText('The Create Package From Definition Wizard completed successfully');
    await waitFor(() => expect(useShellStore.getState().selectedItems).toEqual(['A0100002']));
    expect(useShellStore.getState().statusText).toBe('Created package Courier Client Agent (A0100002) with 0 programs.');
    // The console under the open wizard is hidden from assistive technology, as a modal dialog hides it.
    fireEvent.click(within(wizard).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(grid).getByRole('row', { name: /A0100002/ })).toBeTruthy();
  });

  it('moves, expands and collapses in the tree with the arrow keys', async () => {
    renderShell();
    await screen.findByRole('treeitem', { name: 'Packages' });
    tree().focus();
    fireEvent.keyDown(tree(), { key: 'End' });
    expect(treeItem('System Status').getAttribute('aria-selected')).toBe('true');
    expect(treeItem('System Status').getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(tree(), { key: 'ArrowRight' });
    expect(treeItem('System Status').getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(tree(), { key: 'ArrowRight' });
    expect(treeItem('Component Status').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tree(), { key: 'ArrowLeft' });
    expect(treeItem('System Status').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tree(), { key: 'ArrowLeft' });
    expect(treeItem('System Status').getAttribute('aria-expanded')).toBe('false');
  });

  it('moves to Packages when the selected package is deleted elsewhere', async () => {
    renderShell();
    await screen.findByRole('treeitem', { name: 'Packages' });
    act(() => useShellStore.getState().select('site/computer-management/software-distribution/packages/A0100001', { reveal: true }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Adobe Reader 9.3' })).toBeTruthy();
    emit({ change: 'deleted', packageId: 'A0100001', package: null });
    expect(treeItem('Packages').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { level: 1, name: 'Packages' })).toBeTruthy();
  });

  it('says plainly that a feature is not built yet', () => {
    // Every node of the tree is built now; a placeholder's details are this view (details-pane.tsx).
    render(<NotBuiltView message="Status message queries arrive with the status feature; nothing to show yet." />);
    expect(screen.getByRole('status').textContent).toBe('Status message queries arrive with the status feature; nothing to show yet.');
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('shows a failed list in plain words with a Retry that works', async () => {
    fake.listFailure = 'The site database is locked by another program.';
    renderShell();
    fireEvent.click(await screen.findByRole('treeitem', { name: 'Packages' }));
    expect(await screen.findByText('The site database is locked by another program.')).toBeTruthy();
    expect(screen.getByText('Courier could not read the packages.')).toBeTruthy();
    fake.listFailure = null;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    const grid = await screen.findByRole('grid', { name: 'Packages' });
    expect(await within(grid).findByRole('row', { name: /Reader/ })).toBeTruthy();
  });

  it('refreshes the Packages list with F5', async () => {
    const grid = await openPackages();
    await within(grid).findByRole('row', { name: /Reader/ });
    const before = fake.listCalls;
    fireEvent.keyDown(tree(), { key: 'F5' });
    await waitFor(() => expect(fake.listCalls).toBe(before + 1));
    fireEvent.keyDown(window, { key: 'F5' });
    await waitFor(() => expect(fake.listCalls).toBe(before + 2));
  });

  it('reads the shown node again when its event stream missed events the server no longer has', async () => {
    const grid = await openPackages();
    await within(grid).findByRole('row', { name: /Reader/ });
    const before = fake.listCalls;
    fake.packages = [...fake.packages, testPackageOf('A0100009', 'Made While Away')];
    act(() => courier.resync());
    expect(await within(grid).findByRole('row', { name: /Made While Away/ })).toBeTruthy();
    expect(fake.listCalls).toBeGreaterThan(before);
    await waitFor(() => expect(screen.getByText(/Reconnected to the site server at .*; read again what this window shows\./)).toBeTruthy());
  });

  it('goes back and forward through the nodes visited', async () => {
    renderShell();
    fireEvent.click(await screen.findByRole('treeitem', { name: 'Packages' }));
    fireEvent.click(screen.getByRole('treeitem', { name: 'Collections' }));
    fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true });
    expect(treeItem('Packages').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true });
    expect(treeItem('Collections').getAttribute('aria-selected')).toBe('true');
  });

  it('lists a package\'s programs live, with their row menu', async () => {
    renderShell();
    await screen.findByRole('treeitem', { name: 'Packages' });
    act(() => useShellStore.getState().select(`${'site/computer-management/software-distribution/packages/A0100001'}/package-programs`, { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Programs' });
    const row = await within(grid).findByRole('row', { name: /Unattended/ });
    expect(row.textContent).toContain('38 MB');
    emitProgram({ change: 'created', packageId: 'A0100001', programName: 'Typical', program: testProgram('Typical') });
    expect(within(grid).getByRole('row', { name: /Typical/ })).toBeTruthy();
    emitProgram({ change: 'updated', packageId: 'A0100001', programName: 'Silent', previousName: 'Unattended', program: testProgram('Silent') });
    expect(within(grid).queryByRole('row', { name: /Unattended/ })).toBeNull();
    fireEvent.contextMenu(within(within(grid).getByRole('row', { name: /Silent/ })).getAllByRole('gridcell')[0] as HTMLElement, { clientX: 10, clientY: 10 });
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Properties', 'DeleteDel', 'New Advertisement', 'Distribute', 'RefreshF5', 'HelpF1']);
  });

  it('lists a package\'s access accounts', async () => {
    renderShell();
    await screen.findByRole('treeitem', { name: 'Packages' });
    act(() => useShellStore.getState().select('site/computer-management/software-distribution/packages/A0100001/package-access-accounts', { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Access Accounts' });
    const row = await within(grid).findByRole('row', { name: /Users/ });
    expect(row.textContent).toContain('Generic');
    expect(row.textContent).toContain('Read');
  });
});
