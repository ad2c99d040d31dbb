import { describe, expect, it, vi } from 'vitest';
import { computerProgramDefaults, deviceProgramDefaults, type AccessAccountDto, type ProgramDto } from '../../core/api';
import { fakeCourier } from '../client/fake-courier';
import { findCommand, type Action } from '../components/action-menu';
import { assembleRegistry } from '../shell/assemble-registry';
import { nodeActionList, rowActionList, type StandardCommands } from '../shell/command-lists';
import { buildConsoleTree } from '../shell/console-tree-model';
import type { FeatureEnv, ShellApi } from '../shell/registration';
import { nodeRegistration } from '../shell/registry-lookups';
import { testPackage } from '../shell/test-package';
import { consoleFeatures, consoleRegistry } from './console-registry';
import { createConsoleStores } from './create-console-stores';
import type { DetailsRow } from './row-kinds';

const packagesId = 'site/computer-management/software-distribution/packages';
const packageId = `${packagesId}/A0100001`;

const program: ProgramDto = {
  ...computerProgramDefaults,
  kind: 'computer',
  name: 'Unattended',
  commandLine: 'setup.exe /q',
  packageId: 'A0100001',
  programFlags: 0,
  diskSpaceReq: 'Unknown',
  dependentProgram: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  lastModified: '2026-01-01T00:00:00.000Z',
};

const account: AccessAccountDto = {
  packageId: 'A0100001',
  accountName: 'CONTOSO\\Sales',
  kind: 'windows',
  accountType: 'group',
  permission: 'read',
  userName: 'CONTOSO\\Sales',
  access: 0x65,
};

/** The registered features over stores holding one package, its program and its account, with a recording shell. */
function setup() {
  const pkg = testPackage('A0100001', 'Reader');
  const stores = createConsoleStores(fakeCourier().bridge);
  stores.packages.setState({ list: { status: 'ready', refreshing: false, items: [pkg], error: null } });
  stores.programs.setState({ lists: { A0100001: { status: 'ready', refreshing: false, items: [program], error: null } } });
  stores.accessAccounts.setState({ lists: { A0100001: { status: 'ready', refreshing: false, items: [account], error: null } } });
  const model = buildConsoleTree(consoleRegistry, stores);
  const standard: StandardCommands = { refresh: vi.fn(), help: vi.fn() };
  const shell: ShellApi = {
    openPopup: vi.fn(),
    setStatus: vi.fn(),
    isShown: () => false,
    selectRows: vi.fn(),
    rowsDeleted: vi.fn(),
    renameRow: vi.fn(),
    open: vi.fn(),
    nodeActions: (item) => nodeActionList(consoleRegistry, item, env, standard),
  };
  const env: FeatureEnv = { stores, shell };
  const item = (id: string) => {
    const found = model.items.get(id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  const nodeActions = (id: string) => shell.nodeActions(item(id));
  const rowActions = (row: DetailsRow, listedBy: string) => rowActionList(consoleRegistry, row, item(listedBy), env, standard);
  const rowsOf = (id: string, keys: readonly string[]) => {
    const listed = item(id);
    const details = nodeRegistration(consoleRegistry, listed.node).details;
    if (details.kind !== 'list') throw new Error(`${id} shows no list`);
    return details.rows(listed.node, keys, { stores, childItem: (segment) => model.items.get(`${id}/${segment}`) });
  };
  return { pkg, stores, shell, standard, item, nodeActions, rowActions, rowsOf };
}

const shape = (actions: readonly Action[]): unknown[] =>
  actions.map((a) => (a.kind === 'submenu' ? { [a.label]: shape(a.children) } : a.kind === 'separator' ? '-' : a.label));

describe('the console registry', () => {
  it('has one registration for every node, row and popup kind', () => {
    const counts = (part: 'nodes' | 'rows' | 'popups') => consoleFeatures.reduce((n, feature) => n + Object.keys(feature[part]).length, 0);
    expect(Object.keys(consoleRegistry.nodes)).toHaveLength(counts('nodes'));
    expect(Object.keys(consoleRegistry.rows)).toHaveLength(counts('rows'));
    expect(Object.keys(consoleRegistry.popups)).toHaveLength(counts('popups'));
  });

  it('refuses two features that register one kind', () => {
    expect(() => assembleRegistry(consoleRegistry.root, [...consoleFeatures, consoleFeatures[2]] as never)).toThrow(
      "Two features register the node kind 'packages'.",
    );
  });
});

describe('node actions', () => {
  it('offers New › Package and Package From Definition on Packages', () => {
    const { nodeActions, shell } = setup();
    const actions = nodeActions(packagesId);
    expect(shape(actions)).toEqual([{ New: ['Package', 'Package From Definition'] }, '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'new-package')?.run();
    findCommand(actions, 'new-package-from-definition')?.run();
    expect(shell.openPopup).toHaveBeenNthCalledWith(1, { kind: 'new-package' });
    expect(shell.openPopup).toHaveBeenNthCalledWith(2, { kind: 'new-package-from-definition' });
  });

  it('gives a package Properties, Delete, Refresh and Help, wired to that package', () => {
    const { nodeActions, shell, standard, pkg, item } = setup();
    const actions = nodeActions(packageId);
    expect(shape(actions)).toEqual([
      'Properties',
      'Delete',
      '-',
      { Distribute: ['Software'] },
      'Update Distribution Points',
      'Validate Distribution Points',
      '-',
      { 'Show Messages': ['All', 'Info', 'Warning', 'Error'] },
      '-',
      'Refresh',
      '-',
      'Help',
    ]);
    findCommand(actions, 'properties')?.run();
    findCommand(actions, 'delete')?.run();
    findCommand(actions, 'refresh')?.run();
    expect(shell.openPopup).toHaveBeenNthCalledWith(1, { kind: 'package-properties', packageId: 'A0100001' });
    expect(shell.openPopup).toHaveBeenNthCalledWith(2, { kind: 'delete-package', pkg });
    expect(standard.refresh).toHaveBeenCalledWith(item(packageId));
  });

  it("asks a package's Show Messages › Error for the viewing period of its error messages", () => {
    const { nodeActions, shell } = setup();
    findCommand(nodeActions(packageId), 'show-messages-error')?.run();
    expect(shell.openPopup).toHaveBeenCalledWith({ kind: 'set-viewing-period', target: { packageId: 'A0100001', about: 'package Reader (A0100001)' }, severity: 'error' });
    findCommand(nodeActions(packageId), 'show-messages-all')?.run();
    expect(shell.openPopup).toHaveBeenLastCalledWith({ kind: 'set-viewing-period', target: { packageId: 'A0100001', about: 'package Reader (A0100001)' }, severity: null });
  });

  it('offers Update and Validate Distribution Points only on a package with source files', () => {
    const { nodeActions, shell, stores } = setup();
    expect(findCommand(nodeActions(packageId), 'update-distribution-points')?.disabled).toBe(true);
    expect(findCommand(nodeActions(packageId), 'validate-distribution-points')?.disabled).toBe(true);
    stores.packages.setState({ list: { status: 'ready', refreshing: false, items: [testPackage('A0100001', 'Reader', { containsSourceFiles: true, sourceDirectory: '/srv/src/reader' })], error: null } });
    const update = findCommand(nodeActions(packageId), 'update-distribution-points');
    expect(update?.disabled).not.toBe(true);
    update?.run();
    expect(shell.openPopup).toHaveBeenCalledWith({ kind: 'update-distribution-points', packageId: 'A0100001' });
    findCommand(nodeActions(packageId), 'validate-distribution-points')?.run();
    expect(shell.openPopup).toHaveBeenCalledWith({ kind: 'validate-package', packageId: 'A0100001' });
  });

  it('offers New Distribution Points on a package\'s Distribution Points node, and Refresh', () => {
    const { nodeActions, shell } = setup();
    const actions = nodeActions(`${packageId}/package-distribution-points`);
    expect(shape(actions)).toEqual(['New Distribution Points', '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'new-distribution-points')?.run();
    expect(shell.openPopup).toHaveBeenCalledWith({ kind: 'new-distribution-points', packageId: 'A0100001' });
  });

  it("offers Show Messages › All / Info / Warning / Error on a package's Package Status node, which sets the filter", () => {
    const { nodeActions, stores } = setup();
    const actions = nodeActions(`${packageId}/package-status`);
    expect(shape(actions)).toEqual([{ 'Show Messages': ['All', 'Info', 'Warning', 'Error'] }, '-', 'Refresh', '-', 'Help']);
    expect(findCommand(actions, 'show-messages-all')?.disabled).toBe(true);
    findCommand(actions, 'show-messages-error')?.run();
    expect(stores.packageDps.getState().messageFilters).toEqual({ A0100001: 'error' });
    expect(findCommand(nodeActions(`${packageId}/package-status`), 'show-messages-error')?.disabled).toBe(true);
  });

  it('offers New Query… and Refresh on Status Message Queries', () => {
    const { nodeActions, shell } = setup();
    const actions = nodeActions('site/system-status/status-message-queries');
    expect(shape(actions)).toEqual(['New Query…', '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'new-status-query')?.run();
    expect(shell.openPopup).toHaveBeenCalledWith({ kind: 'status-query-properties', query: null });
  });

  it('offers New › Program and Program For Device on a package\'s Programs node', () => {
    const { nodeActions, shell } = setup();
    const actions = nodeActions(`${packageId}/package-programs`);
    expect(shape(actions)).toEqual([{ New: ['Program', 'Program For Device'] }, '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'new-program')?.run();
    findCommand(actions, 'new-device-program')?.run();
    expect(shell.openPopup).toHaveBeenNthCalledWith(1, { kind: 'new-program', packageId: 'A0100001' });
    expect(shell.openPopup).toHaveBeenNthCalledWith(2, { kind: 'new-device-program', packageId: 'A0100001' });
  });

  it('offers New › Advertisement and Advertisement For Device on Advertisements, and the device wizard on a program for devices', () => {
    const { nodeActions, rowActions, shell } = setup();
    const actions = nodeActions('site/computer-management/software-distribution/advertisements');
    expect(shape(actions)).toEqual([{ New: ['Advertisement', 'Advertisement For Device'] }, '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'new-advertisement')?.run();
    findCommand(actions, 'new-device-advertisement')?.run();
    expect(shell.openPopup).toHaveBeenNthCalledWith(1, { kind: 'new-advertisement', start: {} });
    expect(shell.openPopup).toHaveBeenNthCalledWith(2, { kind: 'new-device-advertisement', start: {} });
    const handheld: ProgramDto = { ...deviceProgramDefaults, kind: 'device', name: 'Install CAB', commandLine: 'setup.cab', packageId: 'A0100001', programFlags: 0x100, deviceFlags: 0, diskSpaceReq: 'Unknown', dependentProgram: '', createdAt: program.createdAt, lastModified: program.lastModified };
    const deviceActions = rowActions({ kind: 'program', value: handheld }, `${packageId}/package-programs`);
    const advertise = findCommand(deviceActions, 'new-advertisement');
    expect(advertise).toMatchObject({ label: 'New Advertisement For Device' });
    expect(advertise?.kind === 'command' && advertise.disabled).toBeFalsy();
    advertise?.run();
    expect(shell.openPopup).toHaveBeenNthCalledWith(3, { kind: 'new-device-advertisement', start: { packageId: 'A0100001', programName: 'Install CAB' } });
  });

  it('offers the two kinds of access account on Access Accounts', () => {
    const { nodeActions, shell } = setup();
    const actions = nodeActions(`${packageId}/package-access-accounts`);
    expect(shape(actions)).toEqual([{ New: ['Windows User Access Account', 'Generic Access Account'] }, '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'new-windows-account')?.run();
    findCommand(actions, 'new-generic-account')?.run();
    expect(shell.openPopup).toHaveBeenNthCalledWith(1, { kind: 'new-access-account', packageId: 'A0100001', accountKind: 'windows' });
    expect(shell.openPopup).toHaveBeenNthCalledWith(2, { kind: 'new-access-account', packageId: 'A0100001', accountKind: 'generic' });
  });
});

describe('row actions', () => {
  it('gives a package row exactly its tree node actions', () => {
    const { rowActions, nodeActions, rowsOf } = setup();
    const [row] = rowsOf(packagesId, ['A0100001']);
    expect(row?.kind).toBe('node');
    expect(shape(rowActions(row!, packagesId))).toEqual(shape(nodeActions(packageId)));
  });

  it('adds Open to a folder row', () => {
    const { rowActions, item, shell } = setup();
    const actions = rowActions({ kind: 'child-node', value: item('site/computer-management') }, 'site');
    expect(shape(actions)).toEqual(['Open', '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'open')?.run();
    expect(shell.open).toHaveBeenCalledWith(item('site/computer-management'));
  });

  it('gives program and account rows Properties and Delete, then their list\'s Refresh and Help', () => {
    const { rowActions, shell, standard, item } = setup();
    const programActs = rowActions({ kind: 'program', value: program }, `${packageId}/package-programs`);
    expect(shape(programActs)).toEqual(['Properties', 'Delete', '-', 'New Advertisement', { Distribute: ['Software'] }, '-', 'Refresh', '-', 'Help']);
    findCommand(programActs, 'properties')?.run();
    findCommand(programActs, 'delete')?.run();
    findCommand(programActs, 'help')?.run();
    expect(shell.openPopup).toHaveBeenNthCalledWith(1, { kind: 'program-properties', program });
    expect(shell.openPopup).toHaveBeenNthCalledWith(2, { kind: 'delete-program', program });
    expect(standard.help).toHaveBeenCalledWith(item(`${packageId}/package-programs`));
    const accountActs = rowActions({ kind: 'access-account', value: account }, `${packageId}/package-access-accounts`);
    expect(shape(accountActs)).toEqual(['Properties', 'Delete', '-', 'Refresh', '-', 'Help']);
    findCommand(accountActs, 'delete')?.run();
    expect(shell.openPopup).toHaveBeenNthCalledWith(3, { kind: 'delete-access-account', account });
  });

  it('finds the rows behind selected keys in each kind of list', () => {
    const { rowsOf } = setup();
    expect(rowsOf(`${packageId}/package-programs`, ['Unattended', 'Gone'])).toEqual([{ kind: 'program', value: program }]);
    expect(rowsOf(`${packageId}/package-access-accounts`, [account.accountName])).toEqual([{ kind: 'access-account', value: account }]);
    expect(rowsOf(packagesId, ['A0100001', 'A01000FF']).map((r) => r.kind)).toEqual(['node']);
  });
});
