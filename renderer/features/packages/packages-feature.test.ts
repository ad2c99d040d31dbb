import { describe, expect, it } from 'vitest';
import { fakeCourier } from '../../client/fake-courier';
import { createConsoleStores } from '../../console/create-console-stores';
import { listPageOf, testPackage } from '../../shell/test-package';
import { packagesFeature } from './packages-feature';

describe('the Packages folder in the tree', () => {
  it('lists the packages by their full name as the lists order names, equal names by Package ID', async () => {
    const packages = [
      testPackage('A0100004', 'Viewer', { publisher: 'Contoso', version: '10' }),
      testPackage('A0100003', 'viewer', { publisher: 'contoso', version: '9' }),
      testPackage('A01000A0', 'Tools'),
      testPackage('A0100001', 'Tools'),
      testPackage('A0100002', 'Ärger'),
    ];
    const stores = createConsoleStores(fakeCourier({ 'packages:list-page': async (request) => listPageOf(packages, request) }).bridge);
    await stores.packages.getState().load();
    const children = packagesFeature.nodes.packages.children?.({ kind: 'packages' }, stores) ?? [];
    expect(children.map((node) => (node.kind === 'package' ? node.packageId : node.kind))).toEqual([
      'A0100002',
      'A0100003',
      'A0100004',
      'A0100001',
      'A01000A0',
    ]);
  });
});
