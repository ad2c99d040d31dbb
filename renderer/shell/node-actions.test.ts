import { describe, expect, it, vi } from 'vitest';
import { findCommand, type Action } from '../components/action-menu';
import { buildConsoleTree, packageNodeId, packagesNodeId } from './console-tree-model';
import { testPackage } from './test-package';
import { nodeActions, rowActions, type ActionContext, type ShellCommands } from './node-actions';

function setup() {
  const pkg = testPackage('A0100001', 'Reader');
  const model = buildConsoleTree({ siteLabel: 'Site', packages: [pkg] });
  const commands: ShellCommands = {
    newPackage: vi.fn(),
    packageProperties: vi.fn(),
    deletePackage: vi.fn(),
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
  it('offers New › Package and a disabled Package From Definition on Packages', () => {
    const { ctx, item, commands } = setup();
    const actions = nodeActions(item(packagesNodeId), ctx);
    expect(shape(actions)).toEqual([{ New: ['Package', 'Package From Definition'] }, '-', 'Refresh', '-', 'Help']);
    const fromDefinition = findCommand(actions, 'new-package-from-definition');
    expect(fromDefinition).toMatchObject({ disabled: true, disabledReason: expect.stringContaining('issue #3') });
    findCommand(actions, 'new-package')?.run();
    expect(commands.newPackage).toHaveBeenCalled();
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
    expect(shape(nodeActions(item(`${packageNodeId('A0100001')}/package-programs`), ctx))).toEqual(['Help']);
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
