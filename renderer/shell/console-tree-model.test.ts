import { describe, expect, it } from 'vitest';
import type { PackageDto } from '../../core/api';
import { fakeCourier } from '../client/fake-courier';
import { consoleRegistry } from '../console/console-registry';
import { createConsoleStores } from '../console/create-console-stores';
import { ancestorIds, buildConsoleTree, nearestExisting, startExpanded, visibleItems } from './console-tree-model';
import { testPackage, testSite } from './test-package';

const packagesNodeId = 'site/computer-management/software-distribution/packages';
const packageNodeId = (packageId: string): string => `${packagesNodeId}/${packageId}`;

/** The tree as the registered features build it from stores holding `packages`. */
function treeOf(packages: readonly PackageDto[], connected = true) {
  const stores = createConsoleStores(fakeCourier().bridge);
  stores.packages.setState({ list: { status: 'ready', refreshing: false, items: packages, error: null } });
  if (connected) stores.site.setState({ status: 'ready', info: testSite, error: null });
  return buildConsoleTree(consoleRegistry, stores);
}

const packages = [
  testPackage('A0100002', 'Visio', { publisher: 'Microsoft', version: '2007', language: 'German' }),
  testPackage('A0100001', 'Reader', { publisher: 'Adobe', version: '9.3' }),
];

const labels = (model: ReturnType<typeof buildConsoleTree>, id: string): string[] =>
  (model.items.get(id)?.childIds ?? []).map((c) => model.items.get(c)?.label ?? '?');

describe('buildConsoleTree', () => {
  const model = treeOf(packages);

  it('lays out the suite console tree', () => {
    expect(model.items.get(model.rootId)?.label).toBe('Site Database (A01 - Central Site)');
    expect(labels(model, 'site')).toEqual(['Computer Management', 'Site Settings', 'System Status']);
    expect(labels(model, 'site/computer-management')).toEqual(['Software Distribution', 'Collections']);
    expect(labels(model, 'site/computer-management/software-distribution')).toEqual(['Packages', 'Advertisements']);
    expect(labels(model, 'site/site-settings')).toEqual(['Site Systems', 'Distribution Point Groups', 'Component Configuration', 'Client Agents', 'Pending Approval', 'Site Maintenance']);
    expect(labels(model, 'site/system-status')).toEqual([
      'Component Status',
      'Package Status',
      'Advertisement Status',
      'Status Message Queries',
    ]);
  });

  it('lists each package under Packages by its suite display name, sorted', () => {
    expect(labels(model, packagesNodeId)).toEqual(['Adobe Reader 9.3', 'Microsoft Visio 2007 German']);
    expect(labels(model, packageNodeId('A0100001'))).toEqual([
      'Access Accounts',
      'Distribution Points',
      'Programs',
      'Package Status',
    ]);
  });

  it('numbers levels and sibling positions for assistive technology', () => {
    const programs = model.items.get(`${packageNodeId('A0100002')}/package-programs`);
    expect(programs).toMatchObject({ level: 6, posInSet: 3, setSize: 4 });
  });
});

describe('startExpanded', () => {
  it('opens the way to Packages the first time the console starts', () => {
    expect(startExpanded(consoleRegistry, treeOf(packages))).toEqual([
      'site',
      'site/computer-management',
      'site/computer-management/software-distribution',
    ]);
  });
});

describe('a large site', () => {
  it('places a package’s folders only when something asks for them', () => {
    let asked = 0;
    const packageNode = consoleRegistry.nodes.package;
    const counting = {
      ...consoleRegistry,
      nodes: { ...consoleRegistry.nodes, package: { ...packageNode, children: (...args: Parameters<NonNullable<typeof packageNode.children>>) => (asked++, packageNode.children?.(...args) ?? []) } },
    };
    const many = Array.from({ length: 5000 }, (_, i) => testPackage(`A01${(i + 1).toString(16).toUpperCase().padStart(5, '0')}`, `App ${i}`));
    const stores = createConsoleStores(fakeCourier().bridge);
    stores.packages.setState({ list: { status: "ready", refreshing: false, items: many, error: null } });
    stores.site.setState({ status: 'ready', info: testSite, error: null });
    const model = buildConsoleTree(counting, stores);

    // The console as it opens: the way to Packages expanded, Packages itself in view.
    const expanded = new Set([...startExpanded(counting, model), packagesNodeId]);
    const rows = visibleItems(model, expanded);
    expect(rows.filter((row) => row.node.kind === 'package')).toHaveLength(5000);
    expect(asked).toBe(0);

    // A package deep in the list, looked up by id (a selection remembered from the last session).
    const programs = model.items.get(`${packageNodeId('A0101000')}/package-programs`);
    expect(programs).toMatchObject({ label: 'Programs', level: 6 });
    expect(asked).toBe(1);
    expect(model.items.has(`${packageNodeId('A0101000')}/no-such-folder`)).toBe(false);
    expect(model.items.has(`${packageNodeId('AXXXXXXX')}/package-programs`)).toBe(false);
  });
});

describe('visibleItems', () => {
  it('shows children of expanded nodes only', () => {
    const model = treeOf(packages, false);
    const rows = visibleItems(model, new Set(['site', 'site/system-status']));
    expect(rows.map((r) => r.label)).toEqual([
      'Site Database (connecting…)',
      'Computer Management',
      'Site Settings',
      'System Status',
      'Component Status',
      'Package Status',
      'Advertisement Status',
      'Status Message Queries',
    ]);
  });
});

describe('nearestExisting and ancestorIds', () => {
  it('falls back to the nearest node that still exists', () => {
    const model = treeOf(packages);
    expect(nearestExisting(model, `${packageNodeId('A01000FF')}/package-programs`)).toBe(packagesNodeId);
    expect(nearestExisting(model, 'elsewhere/entirely')).toBe('site');
  });

  it('lists ancestors from the root down', () => {
    expect(ancestorIds('site/a/b')).toEqual(['site', 'site/a']);
  });
});
