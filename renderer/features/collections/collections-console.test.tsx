import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdvertisementDto, CollectionDeletedDto, CollectionDto, CollectionMemberDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { renderConsole } from '../../console/test-console';
import { initialShellState, useShellStore } from '../../shell/shell-store';
import { listPageOf, testSite } from '../../shell/test-package';
import { allSystems, allUserGroups, allUsers, testCollection, testMember } from './test-collections';

const collectionsId = 'site/computer-management/collections';

let collections: CollectionDto[];
let members: Map<string, CollectionMemberDto[]>;
let deletes: { collectionId: string; deleteAdvertisements?: boolean }[];
let updates: { collectionId: string; includeSubcollections?: boolean }[];

beforeAll(() => {
  // jsdom has no layout; the virtualized tree and list need a viewport.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

beforeEach(() => {
  useShellStore.setState({ ...initialShellState, selectedId: 'site', expanded: ['site', 'site/computer-management'] });
  const pilot = testCollection('A0100010', 'Pilot', {
    memberCount: 3,
    lastMembershipUpdate: '2026-12-01T09:30:00.000Z',
    subcollections: [
      { collectionId: 'A0100012', name: 'Sales', linked: false },
      { collectionId: 'A0100011', name: 'Laptops', linked: true },
    ],
  });
  collections = [
    pilot,
    testCollection('A0100011', 'Laptops', { linkedUnder: ['A0100010'] }),
    testCollection('A0100012', 'Sales', { parentCollectionId: 'A0100010' }),
    allUsers,
    allSystems,
    allUserGroups,
  ];
  members = new Map([['A0100010', [testMember(16777217, 'PC0001'), testMember(16777218, 'PC0002', { client: false }), testMember(16777219, 'LAPTOP01', { domain: null })]]]);
  deletes = [];
  updates = [];
});

function renderShell() {
  const courier = fakeCourier({
    'site:info': async () => ({ ok: true, value: testSite }),
    'packages:list-page': async (request) => listPageOf([], request),
    'distribution-points:list': async () => ({ ok: true, value: [] }),
    'dp-groups:list': async () => ({ ok: true, value: [] }),
    'collections:list': async () => ({ ok: true, value: collections }),
    'collections:members': async ({ collectionId }) => ({ ok: true, value: members.get(collectionId) ?? [] }),
    'collections:get': async ({ collectionId }) => {
      const found = collections.find((c) => c.collectionId === collectionId);
      return found ? { ok: true, value: found } : { ok: false, error: { code: 'NOT_FOUND', message: `No collection ${collectionId}.` } };
    },
    'collections:update-membership': async (request) => {
      updates.push(request);
      const at = '2026-12-02T10:00:00.000Z';
      return {
        ok: true,
        value: [
          { collectionId: 'A0100010', name: 'Pilot', memberCount: 4, added: 2, removed: 1, evaluatedAt: at },
          { collectionId: 'A0100012', name: 'Sales', memberCount: 1, added: 1, removed: 0, evaluatedAt: at },
        ],
      };
    },
    // The list's Advertisements page only reads these fields.
    'advertisements:list': async ({ collectionId }) => ({
      ok: true,
      value: collectionId === 'A0100012' ? [{ advertisementId: 'A0120000', advertisementName: 'Office to sales', packageId: 'A0100001', programName: 'Typical', collectionId } as AdvertisementDto] : [],
    }),
    'collections:delete': async (request) => {
      deletes.push(request);
      const answer: CollectionDeletedDto = {
        deleted: [{ collectionId: 'A0100010', name: 'Pilot' }, { collectionId: 'A0100012', name: 'Sales' }],
        unlinked: [{ parentCollectionId: 'A0100010', collectionId: 'A0100011', name: 'Laptops' }],
        deletedAdvertisements: request.deleteAdvertisements === true ? [{ advertisementId: 'A0120000', name: 'Office to sales', collectionId: 'A0100012' }] : [],
      };
      collections = collections.filter((c) => c.collectionId !== 'A0100010' && c.collectionId !== 'A0100012').map((c) => (c.collectionId === 'A0100011' ? { ...c, linkedUnder: [] } : c));
      return { ok: true, value: answer };
    },
  });
  return { courier, ...renderConsole(courier) };
}

const treeNames = () => screen.getAllByRole('treeitem').map((item) => item.getAttribute('aria-label') ?? item.textContent);

describe('Collections in the console', () => {
  it('shows the built-ins first, then the others, and a collection\'s subcollections with the linked one marked', async () => {
    renderShell();
    act(() => useShellStore.getState().select(`${collectionsId}/A0100010/A0100012`, { reveal: true }));
    await screen.findByRole('treeitem', { name: 'Sales' });
    const names = treeNames();
    const at = (name: string) => names.findIndex((n) => n?.includes(name));
    expect(at('All Systems')).toBeLessThan(at('All Users'));
    expect(at('All Users')).toBeLessThan(at('All User Groups'));
    expect(at('All User Groups')).toBeLessThan(at('Laptops'));
    expect(screen.getByRole('treeitem', { name: 'Laptops (linked)' })).toBeTruthy();
  });

  it('lists the top collections with their IDs and member counts, their subcollections under them, and opens one\'s Properties', async () => {
    renderShell();
    act(() => useShellStore.getState().select(collectionsId, { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Collections' });
    const pilot = await within(grid).findByRole('row', { name: /Pilot/ });
    expect(pilot.textContent).toContain('A0100010');
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(expect.arrayContaining(['Collection ID', 'Members', 'Last Membership Update']));
    // A subcollection is listed under its parent, not here.
    expect(within(grid).queryByRole('row', { name: /Sales/ })).toBeNull();
    // As in every list of the console, a double-click opens the row's Properties.
    fireEvent.doubleClick(pilot);
    expect(await screen.findByRole('dialog', { name: /Pilot Properties/ })).toBeTruthy();
  });

  it('lists a collection\'s members with the count and last update, and finds them by name', async () => {
    renderShell();
    act(() => useShellStore.getState().select(`${collectionsId}/A0100010`, { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Pilot' });
    const row = await within(grid).findByRole('row', { name: /PC0002/ });
    expect(row.textContent).toContain('16777218');
    expect(row.textContent).toContain('System');
    expect(row.textContent).toContain('CONTOSO');
    expect(row.textContent).toContain('No');
    expect(screen.getByText(/^3 members, last membership update /)).toBeTruthy();
    expect(screen.getByText('3 items')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Find members by name' }), { target: { value: 'laptop' } });
    await waitFor(() => expect(within(grid).queryByRole('row', { name: /PC0001/ })).toBeNull());
    expect(within(grid).getByRole('row', { name: /LAPTOP01/ })).toBeTruthy();
  });

  it('keeps the members live: a membership change elsewhere is read again without F5', async () => {
    const { courier } = renderShell();
    act(() => useShellStore.getState().select(`${collectionsId}/A0100010`, { reveal: true }));
    const grid = await screen.findByRole('grid', { name: 'Pilot' });
    await within(grid).findByRole('row', { name: /PC0001/ });
    members.set('A0100010', [testMember(16777220, 'PC0004')]);
    act(() => courier.emit('collections:changed', { change: 'membership', collectionId: 'A0100010' }));
    expect(await within(grid).findByRole('row', { name: /PC0004/ })).toBeTruthy();
    expect(within(grid).queryByRole('row', { name: /PC0001/ })).toBeNull();
  });

  it('walks the Delete Collection wizard: the subcollections that go, the linked one that stays, the advertisements that go once confirmed', async () => {
    renderShell();
    act(() => useShellStore.getState().select(`${collectionsId}/A0100010`, { reveal: true }));
    const pilot = await screen.findByRole('treeitem', { name: 'Pilot' });
    fireEvent.keyDown(pilot, { key: 'Delete' });
    const wizard = await screen.findByRole('dialog', { name: 'Delete Collection Wizard' });
    const next = () => within(wizard).getByRole('button', { name: 'Next >' }) as HTMLButtonElement;
    expect(wizard.textContent).toContain('You have chosen to delete the collection Pilot (A0100010)');
    fireEvent.click(next());
    expect(within(within(wizard).getByRole('list', { name: 'Deleted with it' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Sales (A0100012)']);
    expect(within(within(wizard).getByRole('list', { name: 'Only unlinked' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Laptops (A0100011), linked under Pilot',
    ]);
    fireEvent.click(next());
    const table = await within(wizard).findByRole('table', { name: 'Advertisements deleted with it' });
    expect(within(table).getByRole('row', { name: /A0120000/ }).textContent).toContain('Office to sales');
    // Nothing goes with the advertisements until that is confirmed.
    expect(next().disabled).toBe(true);
    fireEvent.click(within(wizard).getByRole('checkbox', { name: 'Delete these advertisements with the collection' }));
    await waitFor(() => expect(next().disabled).toBe(false));
    fireEvent.click(next());
    expect(within(wizard).getByRole('region', { name: 'Deleted' }).textContent).toContain('A0120000 (Office to sales)');
    fireEvent.click(next());
    expect(await within(wizard).findByText('The Delete Collection Wizard completed successfully')).toBeTruthy();
    expect(deletes).toEqual([{ collectionId: 'A0100010', deleteAdvertisements: true }]);
    expect(within(wizard).getByText('Deleted advertisements').nextSibling?.textContent).toBe('A0120000 (Office to sales)');
    expect(await screen.findByText('Deleted collection Pilot (A0100010) and 1 subcollection; unlinked Laptops; deleted 1 advertisement.')).toBeTruthy();
    fireEvent.click(within(wizard).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('treeitem', { name: 'Pilot' })).toBeNull());
  });

  it('offers no Delete on a built-in collection, and says why', async () => {
    renderShell();
    act(() => useShellStore.getState().select(`${collectionsId}/SMS00001`, { reveal: true }));
    const item = await screen.findByRole('treeitem', { name: 'All Systems' });
    fireEvent.contextMenu(item);
    const del = await screen.findByRole('menuitem', { name: /Delete/ });
    expect(del.getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(item, { key: 'Delete' });
    expect(screen.queryByRole('dialog', { name: 'Delete Collection Wizard' })).toBeNull();
  });

  it('asks before updating membership, can take the subcollections along, and counts what changed', async () => {
    renderShell();
    act(() => useShellStore.getState().select(`${collectionsId}/A0100010`, { reveal: true }));
    fireEvent.contextMenu(await screen.findByRole('treeitem', { name: 'Pilot' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Update Collection Membership' }));
    const dialog = await screen.findByRole('dialog', { name: 'Update Collection Membership' });
    expect(dialog.textContent).toContain('Update the membership of Pilot?');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Update membership of its subcollections too' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(updates).toEqual([{ collectionId: 'A0100010', includeSubcollections: true }]);
    expect(await screen.findByText('Updated membership of Pilot: 3 added, 1 removed across 2 collections; 4 members.')).toBeTruthy();
  });
});
