import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computerProgramDefaults, type AccessAccountDto, type PackageDto, type ProgramDto } from '../../core/api';
import { fakeCourier, type FakeCourier } from '../client/fake-courier';
import { renderConsole } from '../console/test-console';
import { initialShellState, useShellStore } from './shell-store';
import { listPageOf, testPackage, testSite } from './test-package';

// What the fake site server holds; each test starts from beforeEach's.
const site = {
  packages: [] as PackageDto[],
  programs: [] as ProgramDto[],
  accounts: [] as AccessAccountDto[],
  /** What else happens while the site server deletes a package. */
  onDelete: async (_packageId: string): Promise<void> => undefined,
};

let courier: FakeCourier;

function siteServer(): FakeCourier {
  return fakeCourier({
    'site:info': async () => ({ ok: true, value: testSite }),
    'collections:list': async () => ({ ok: true, value: [] }),
    'distribution-points:list': async () => ({ ok: true, value: [] }),
    'dp-groups:list': async () => ({ ok: true, value: [] }),
    'packages:list-page': async (request) => listPageOf(site.packages, request),
    'packages:delete': async ({ packageId }) => {
      site.packages = site.packages.filter((p) => p.packageId !== packageId);
      await site.onDelete(packageId);
      return { ok: true, value: { packageId, name: packageId } };
    },
    'programs:list': async () => ({ ok: true, value: site.programs }),
    'programs:delete': async ({ packageId, programName }) => ({ ok: true, value: { packageId, programName, deletedAdvertisements: [] } }),
    'access-accounts:list': async () => ({ ok: true, value: site.accounts }),
    'access-accounts:remove': async ({ accountName }) => {
      site.accounts = site.accounts.filter((a) => a.accountName !== accountName);
      return { ok: true, value: site.accounts };
    },
    'packages:create': async ({ name }) => {
      const pkg = testPackage('A0100009', name);
      site.packages = [...site.packages, pkg];
      return { ok: true, value: pkg };
    },
  });
}

function program(name: string): ProgramDto {
  return {
    ...computerProgramDefaults,
    kind: 'computer',
    name,
    commandLine: 'setup.exe /q',
    packageId: 'A0100001',
    programFlags: 0,
    diskSpaceReq: 'Unknown',
    dependentProgram: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastModified: '2026-01-01T00:00:00.000Z',
  };
}

function account(accountName: string): AccessAccountDto {
  return { packageId: 'A0100001', accountName, kind: 'generic', accountType: 'group', permission: 'read', userName: accountName, access: 0x65 };
}

const packagesId = 'site/computer-management/software-distribution/packages';
// A test that renders the whole console and walks a wizard takes its time on a shared 2-core machine.
const walkThroughWizard = 45_000;

beforeAll(() => {
  // jsdom has no layout; the virtualized tree and list need a viewport height.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

beforeEach(() => {
  site.packages = [testPackage('A0100001', 'Reader'), testPackage('A0100002', 'Visio'), testPackage('A0100003', 'Word')];
  site.programs = [program('Install'), program('Repair'), program('Uninstall')];
  site.accounts = [account('Administrators'), account('Guests'), account('Users')];
  site.onDelete = async () => undefined;
  courier = siteServer();
  useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/computer-management', 'site/computer-management/software-distribution'] });
});

function renderShell() {
  return renderConsole(courier);
}

async function showNode(id: string, grid: string): Promise<HTMLElement> {
  renderShell();
  await screen.findByRole('treeitem', { name: 'Packages' });
  act(() => useShellStore.getState().select(id, { reveal: true }));
  const found = await screen.findByRole('grid', { name: grid });
  await within(found).findAllByRole('row', { name: /./ });
  return found;
}

const toolbar = () => screen.getByRole('toolbar', { name: 'Standard' });
const isEnabled = (button: HTMLElement) => button.getAttribute('aria-disabled') !== 'true' && !(button as HTMLButtonElement).disabled;
function toolbarState(): Record<string, boolean> {
  const state: Record<string, boolean> = {};
  for (const name of ['Refresh (F5)', 'Properties', 'Delete (Del)', 'Help (F1)']) state[name] = isEnabled(within(toolbar()).getByRole('button', { name }));
  return state;
}

function dataRow(grid: HTMLElement, name: RegExp): HTMLElement {
  return within(grid).getByRole('row', { name });
}

/** A click as a mouse makes it: the press focuses the list, the click selects the row. */
function clickRow(grid: HTMLElement, name: RegExp): void {
  const cell = within(dataRow(grid, name)).getAllByRole('gridcell')[0] as HTMLElement;
  fireEvent.mouseDown(cell);
  fireEvent.click(cell);
}

function rightClickRow(grid: HTMLElement, name: RegExp): void {
  fireEvent.contextMenu(within(dataRow(grid, name)).getAllByRole('gridcell')[0] as HTMLElement, { clientX: 10, clientY: 10 });
}

/** The row the grid shows as focused (its active descendant), and whether the grid has the focus. */
function focusedRow(grid: HTMLElement): string | null {
  if (document.activeElement !== grid) return null;
  const id = grid.getAttribute('aria-activedescendant');
  const row = id ? document.getElementById(id) : null;
  return row?.getAttribute('aria-selected') === 'true' ? (within(row).getAllByRole('gridcell')[0]?.textContent ?? null) : null;
}

const selectedNames = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-selected') === 'true')
    .map((r) => within(r).getAllByRole('gridcell')[0]?.textContent);

describe('one source for what is enabled', () => {
  it('enables the toolbar\'s Properties and Delete for the row a wizard selected', async () => {
    const grid = await showNode(packagesId, 'Packages');
    fireEvent.contextMenu(screen.getByRole('treeitem', { name: 'Packages' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'New' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Package' }));
    const wizard = await screen.findByRole('dialog', { name: 'New Package Wizard' });
    fireEvent.change(within(wizard).getByRole('textbox', { name: 'Name' }), { target: { value: 'Visio Viewer' } });
    fireEvent.click(within(wizard).getByRole('button', { name: 'Summary' }));
    fireEvent.click(within(wizard).getByRole('button', { name: 'Next >' }));
    await within(wizard).findByText('The New Package Wizard completed successfully');
    fireEvent.click(within(wizard).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(selectedNames(grid)).toEqual(['Visio Viewer']));
    const pane = screen.getByRole('complementary', { name: 'Actions' });
    expect(within(within(pane).getByRole('group', { name: 'Visio Viewer' })).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Properties',
      'Delete',
      'Distribute',
      'Update Distribution Points',
      'Validate Distribution Points',
      'Show Messages',
      'Refresh',
      'Help',
    ]);
    // The toolbar offers what the Actions pane offers, and the new row has the focus, as in MMC.
    await waitFor(() => expect(toolbarState()).toEqual({ 'Refresh (F5)': true, Properties: true, 'Delete (Del)': true, 'Help (F1)': true }));
    expect(focusedRow(grid)).toBe('Visio Viewer');
  }, walkThroughWizard);

  it('keeps Refresh and Help enabled with a program row selected, and the row menu has Help', async () => {
    const grid = await showNode(`${packagesId}/A0100001/package-programs`, 'Programs');
    clickRow(grid, /Repair/);
    expect(toolbarState()).toEqual({ 'Refresh (F5)': true, Properties: true, 'Delete (Del)': true, 'Help (F1)': true });
    rightClickRow(grid, /Repair/);
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Properties', 'DeleteDel', 'New Advertisement', 'Distribute', 'RefreshF5', 'HelpF1']);
  });

  it('keeps Refresh and Help enabled with an access account row selected', async () => {
    const grid = await showNode(`${packagesId}/A0100001/package-access-accounts`, 'Access Accounts');
    clickRow(grid, /Guests/);
    expect(toolbarState()).toEqual({ 'Refresh (F5)': true, Properties: true, 'Delete (Del)': true, 'Help (F1)': true });
    rightClickRow(grid, /Guests/);
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Properties', 'DeleteDel', 'RefreshF5', 'HelpF1']);
  });

  it('keeps the New submenu open when New is clicked after hovering opened it', async () => {
    renderShell();
    const packages = await screen.findByRole('treeitem', { name: 'Packages' });
    fireEvent.contextMenu(packages);
    const item = await screen.findByRole('menuitem', { name: 'New' });
    fireEvent.mouseMove(item);
    fireEvent.mouseOver(item);
    expect(await screen.findByRole('menuitem', { name: 'Package From Definition' })).toBeTruthy();
    fireEvent.click(item);
    // Give a closing submenu every chance to go.
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(screen.getByRole('menuitem', { name: 'Package From Definition' })).toBeTruthy();
    expect(item.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('selection after a delete', () => {
  it('selects and focuses the next package, or the previous one after the last', async () => {
    const grid = await showNode(packagesId, 'Packages');
    clickRow(grid, /Reader/);
    fireEvent.keyDown(grid, { key: 'Delete' });
    fireEvent.click(within(await screen.findByRole('alertdialog', { name: 'Delete Package' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(focusedRow(grid)).toBe('Visio'));
    expect(selectedNames(grid)).toEqual(['Visio']);

    clickRow(grid, /Word/);
    fireEvent.keyDown(grid, { key: 'Delete' });
    fireEvent.click(within(await screen.findByRole('alertdialog', { name: 'Delete Package' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(focusedRow(grid)).toBe('Visio'));
    expect(selectedNames(grid)).toEqual(['Visio']);
  });

  it('selects the next package when the core\'s event about the delete arrives before its answer', async () => {
    const grid = await showNode(packagesId, 'Packages');
    clickRow(grid, /Visio/);
    // The event is pushed (and the list re-rendered without Visio) before the request answers.
    site.onDelete = async (packageId) => {
      act(() => courier.emit('packages:changed', { change: 'deleted', packageId, package: null }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    fireEvent.keyDown(grid, { key: 'Delete' });
    fireEvent.click(within(await screen.findByRole('alertdialog', { name: 'Delete Package' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(focusedRow(grid)).toBe('Word'));
    expect(selectedNames(grid)).toEqual(['Word']);
  });

  it('selects and focuses the next program after the Delete Program Wizard', async () => {
    const grid = await showNode(`${packagesId}/A0100001/package-programs`, 'Programs');
    clickRow(grid, /Repair/);
    fireEvent.keyDown(grid, { key: 'Delete' });
    const wizard = await screen.findByRole('dialog', { name: 'Delete Program Wizard' });
    fireEvent.click(within(wizard).getByRole('button', { name: 'Next >' }));
    await within(wizard).findByText('The Delete Program Wizard completed successfully');
    fireEvent.click(within(wizard).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(focusedRow(grid)).toBe('Uninstall'));
    expect(selectedNames(grid)).toEqual(['Uninstall']);
  }, walkThroughWizard);

  it('selects and focuses the previous access account after deleting the last one', async () => {
    const grid = await showNode(`${packagesId}/A0100001/package-access-accounts`, 'Access Accounts');
    clickRow(grid, /Users/);
    fireEvent.keyDown(grid, { key: 'Delete' });
    fireEvent.click(within(await screen.findByRole('alertdialog', { name: 'Delete Access Account' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(focusedRow(grid)).toBe('Guests'));
    expect(selectedNames(grid)).toEqual(['Guests']);
  });
});
