import { describe, expect, it } from 'vitest';
import { collectionIndex, deletionPlan } from './collections-tree';
import { allSystems, allUserGroups, allUsers, testCollection } from './test-collections';

// Pilot has its own Sales (which has its own East) and Laptops linked under it; Laptops lives at the top.
const east = testCollection('A0100013', 'East', { parentCollectionId: 'A0100012' });
const sales = testCollection('A0100012', 'Sales', { parentCollectionId: 'A0100010', subcollections: [{ collectionId: 'A0100013', name: 'East', linked: false }] });
const laptops = testCollection('A0100011', 'Laptops', { linkedUnder: ['A0100010'] });
const pilot = testCollection('A0100010', 'Pilot', {
  subcollections: [
    { collectionId: 'A0100012', name: 'Sales', linked: false },
    { collectionId: 'A0100011', name: 'Laptops', linked: true },
  ],
});
const site = [pilot, east, allUserGroups, laptops, sales, allUsers, allSystems];

describe('the collection tree', () => {
  it('puts the built-ins first in the suite\'s order, then the top-level collections by name', () => {
    expect(collectionIndex(site).top.map((n) => (n.kind === 'collection' ? n.collectionId : n.kind))).toEqual(['SMS00001', 'SMS00002', 'SMS00003', 'A0100011', 'A0100010']);
  });

  it('lists a collection\'s subcollections and linked collections by name, the linked ones marked', () => {
    expect(collectionIndex(site).children.get('A0100010')).toEqual([
      { kind: 'collection', collectionId: 'A0100011', linked: true },
      { kind: 'collection', collectionId: 'A0100012', linked: false },
    ]);
    expect(collectionIndex(site).children.get('A0100012')).toEqual([{ kind: 'collection', collectionId: 'A0100013', linked: false }]);
  });
});

describe('what deleting a collection takes with it', () => {
  it('deletes its own subcollections all the way down and only unlinks a linked one', () => {
    expect(deletionPlan(site, 'A0100010')).toEqual({
      deleted: [
        { collectionId: 'A0100010', name: 'Pilot' },
        { collectionId: 'A0100012', name: 'Sales' },
        { collectionId: 'A0100013', name: 'East' },
      ],
      unlinked: [{ parentName: 'Pilot', collectionId: 'A0100011', name: 'Laptops' }],
    });
  });

  it('deletes a leaf alone, and nothing for a collection the console does not hold', () => {
    expect(deletionPlan(site, 'A0100013')).toEqual({ deleted: [{ collectionId: 'A0100013', name: 'East' }], unlinked: [] });
    expect(deletionPlan(site, 'A01000FF')).toEqual({ deleted: [], unlinked: [] });
  });
});
