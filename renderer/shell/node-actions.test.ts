import { describe, expect, it, vi } from 'vitest';
import { findCommand, type Action } from '../components/action-menu';
import { buildConsoleTree, packageNodeId, packagesNodeId } from './console-tree-model';
import { testPackage } from './test-package';
import { detailsRowActions, nodeActions, rowActions, type ActionContext, type ShellCommands } from './node-actions';
import { detailsRowsFor } from './details-row';
import { computerProgramDefaults, type AccessAccountDto, type ProgramDto } from '../../core/api';

function setup() {
  const pkg = testPackage('A0100001', 'Reader');
  const model = buildConsoleTree({ siteLabel: 'Site', packages: [pkg] });
  const commands: ShellCommands = {
    newPackage: vi.fn(),
    newPackageFromDefinition: vi.fn(),
    packageProperties: vi.fn(),
    deletePackage: vi.fn(),
    newProgram: vi.fn(),
    newDeviceProgram: vi.fn(),
    programProperties: vi.fn(),
    deleteProgram: vi.fn(),
    newAccessAccount: vi.fn(),
    accessAccountProperties: vi.fn(),
    deleteAccessAccount: vi.fn(),
    refresh: vi.fn(),
    help: vi.fn(),
    open: vi.fn(),
  };
  const ctx: ActionContext = { commands, findPackage: (id) => (id === pkg.packageId ? pkg : undefined) };
  const item = (id: string) => {
    const found = model.items.get(id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  return { pkg, model, commands, ctx, item };
}

const shape = (actions: readonly Action[]): unknown[] =>
  actions.map((a) => (a.kind === 'submenu' ? { [a.label]: shape(a.children) } : a.kind === 'separator' ? '-' : a.label));

describe('nodeActions', () => {
  it('offers New › Package and Package From Definition on Packages', () => {
    const { ctx, item, commands } = setup();
    const actions = nodeActions(item(packagesNodeId), ctx);
    expect(shape(actions)).toEqual([{ New: ['Package', 'Package From Definition'] }, '-', 'Refresh', '-', 'Help']);
    const fromDefinition = findCommand(actions, 'new-package-from-definition');
    expect(fromDefinition?.disabled).toBeFalsy();
    findCommand(actions, 'new-package')?.run();
    expect(commands.newPackage).toHaveBeenCalled();
    fromDefinition?.run();
    expect(commands.newPackageFromDefinition).toHaveBeenCalled();
  });

  it('gives a package Properties, Delete, Refresh and Help, wired to that package', () => {
    const { ctx, item, commands, pkg } = setup();
    const actions = nodeActions(item(packageNodeId(pkg.packageId)), ctx);
    expect(shape(actions)).toEqual(['Properties', 'Delete', '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'properties')?.run();
    findCommand(actions, 'delete')?.run();
    expect(commands.packageProperties).toHaveBeenCalledWith('A0100001');
    expect(commands.deletePackage).toHaveBeenCalledWith(pkg);
  });

  it('offers no Refresh where nothing is read from the site yet', () => {
    const { ctx, item } = setup();
    expect(shape(nodeActions(item(`${packageNodeId('A0100001')}/package-distribution-points`), ctx))).toEqual(['Help']);
    expect(shape(nodeActions(item('site/computer-management/collections'), ctx))).toEqual(['Help']);
  });
});

describe('rowActions', () => {
  it('gives a package row exactly its tree node actions', () => {
    const { ctx, item } = setup();
    const node = item(packageNodeId('A0100001'));
    expect(shape(rowActions(node, ctx))).toEqual(shape(nodeActions(node, ctx)));
  });

  it('adds Open to a folder row', () => {
    const { ctx, item, commands } = setup();
    const actions = rowActions(item('site/computer-management'), ctx);
    expect(shape(actions)).toEqual(['Open', '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'open')?.run();
    expect(commands.open).toHaveBeenCalledWith('site/computer-management');
  });
});

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

describe('programs and access accounts', () => {
  it('offers New › Program and Program For Device on a package\'s Programs node', () => {
    const { ctx, item, commands } = setup();
    const actions = nodeActions(item(`${packageNodeId('A0100001')}/package-programs`), ctx);
    expect(shape(actions)).toEqual([{ New: ['Program', 'Program For Device'] }, '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'new-program')?.run();
    findCommand(actions, 'new-device-program')?.run();
    findCommand(actions, 'refresh')?.run();
    expect(commands.newProgram).toHaveBeenCalledWith('A0100001');
    expect(commands.newDeviceProgram).toHaveBeenCalledWith('A0100001');
    expect(commands.refresh).toHaveBeenCalledWith({ kind: 'package-programs', packageId: 'A0100001' });
  });

  it('offers the two kinds of access account on Access Accounts', () => {
    const { ctx, item, commands } = setup();
    const actions = nodeActions(item(`${packageNodeId('A0100001')}/package-access-accounts`), ctx);
    expect(shape(actions)).toEqual([{ New: ['Windows User Access Account', 'Generic Access Account'] }, '-', 'Refresh', '-', 'Help']);
    findCommand(actions, 'new-windows-account')?.run();
    findCommand(actions, 'new-generic-account')?.run();
    expect(commands.newAccessAccount).toHaveBeenNthCalledWith(1, 'A0100001', 'windows');
    expect(commands.newAccessAccount).toHaveBeenNthCalledWith(2, 'A0100001', 'generic');
  });

  it('gives a program row Properties, Delete and Refresh, and an account row Properties and Delete', () => {
    const { ctx, commands } = setup();
    const programActs = detailsRowActions({ kind: 'program', program }, ctx);
    expect(shape(programActs)).toEqual(['Properties', 'Delete', '-', 'Refresh']);
    findCommand(programActs, 'properties')?.run();
    findCommand(programActs, 'delete')?.run();
    expect(commands.programProperties).toHaveBeenCalledWith(program);
    expect(commands.deleteProgram).toHaveBeenCalledWith(program);
    const accountActs = detailsRowActions({ kind: 'access-account', account }, ctx);
    expect(shape(accountActs)).toEqual(['Properties', 'Delete']);
    findCommand(accountActs, 'delete')?.run();
    expect(commands.deleteAccessAccount).toHaveBeenCalledWith(account);
  });

  it('finds the rows behind selected keys in each kind of list', () => {
    const { model, item } = setup();
    const source = { model, programsOf: () => [program], accountsOf: () => [account] };
    expect(detailsRowsFor(item(`${packageNodeId('A0100001')}/package-programs`), ['Unattended', 'Gone'], source)).toEqual([
      { kind: 'program', program },
    ]);
    expect(detailsRowsFor(item(`${packageNodeId('A0100001')}/package-access-accounts`), [account.accountName], source)).toEqual([
      { kind: 'access-account', account },
    ]);
    const rows = detailsRowsFor(item(packagesNodeId), ['A0100001'], source);
    expect(rows.map((r) => r.kind)).toEqual(['node']);
  });
});
