import { describe, expect, it } from 'vitest';
import type { CollectionDto, CollectionMemberDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { createCollectionsStore, followCollectionChanges } from './collections-store';
import { allSystems, testCollection, testMember } from './test-collections';

function site() {
  const state = { collections: [allSystems] as CollectionDto[], members: new Map<string, CollectionMemberDto[]>(), listReads: 0, memberReads: 0 };
  const store = createCollectionsStore({
    list: async () => {
      state.listReads++;
      return { ok: true, value: state.collections };
    },
    members: async (id) => {
      state.memberReads++;
      const members = state.members.get(id);
      return members ? { ok: true, value: members } : { ok: false, error: { code: 'NOT_FOUND', message: `No collection ${id}.` } };
    },
  });
  return { state, store };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the collections store', () => {
  it('reads the collections, and a collection\'s members only when asked', async () => {
    const { state, store } = site();
    state.members.set('SMS00001', [testMember(16777217, 'PC0001')]);
    await store.getState().load();
    expect(store.getState().list.items.map((c) => c.name)).toEqual(['All Systems']);
    expect(store.getState().members).toEqual({});
    await store.getState().loadMembers('SMS00001');
    expect(store.getState().members.SMS00001?.items.map((m) => m.name)).toEqual(['PC0001']);
  });

  it('reads the list again on collections:changed, and the members of the collection it names if held', async () => {
    const { state, store } = site();
    const courier = fakeCourier();
    const stop = followCollectionChanges(store, courier.bridge);
    state.members.set('SMS00001', [testMember(16777217, 'PC0001')]);
    await store.getState().load();
    await store.getState().loadMembers('SMS00001');

    state.collections = [allSystems, testCollection('A0100010', 'Pilot')];
    state.members.set('SMS00001', [testMember(16777217, 'PC0001'), testMember(16777218, 'PC0002')]);
    const memberReads = state.memberReads;
    courier.emit('collections:changed', { change: 'created', collectionId: 'A0100010' });
    await settled();
    expect(store.getState().list.items.map((c) => c.name)).toEqual(['All Systems', 'Pilot']);
    // Pilot's members were never shown: nothing is read for it, and All Systems is not read again.
    expect(state.memberReads).toBe(memberReads);

    courier.emit('collections:changed', { change: 'membership', collectionId: 'SMS00001' });
    await settled();
    expect(store.getState().members.SMS00001?.items.map((m) => m.name)).toEqual(['PC0001', 'PC0002']);
    stop();
    expect(courier.listenerCount('collections:changed')).toBe(0);
    expect(courier.listenerCount('resources:changed')).toBe(0);
  });

  it('drops a deleted collection\'s members, and reads every held list again when resources change', async () => {
    const { state, store } = site();
    const courier = fakeCourier();
    followCollectionChanges(store, courier.bridge);
    state.collections = [allSystems, testCollection('A0100010', 'Pilot')];
    state.members.set('SMS00001', []);
    state.members.set('A0100010', [testMember(16777217, 'PC0001')]);
    await store.getState().load();
    await store.getState().loadMembers('SMS00001');
    await store.getState().loadMembers('A0100010');

    state.members.set('SMS00001', [testMember(16777219, 'PC0003')]);
    courier.emit('resources:changed', { change: 'imported', resourceId: null, count: 1 });
    await settled();
    expect(store.getState().members.SMS00001?.items.map((m) => m.name)).toEqual(['PC0003']);

    state.collections = [allSystems];
    courier.emit('collections:changed', { change: 'deleted', collectionId: 'A0100010' });
    await settled();
    expect(store.getState().members.A0100010).toBeUndefined();
    expect(store.getState().list.items.map((c) => c.collectionId)).toEqual(['SMS00001']);
  });

  it('puts a collection the core answered with in place at once', async () => {
    const { store } = site();
    await store.getState().load();
    store.getState().upsert([{ ...allSystems, memberCount: 7 }, testCollection('A0100010', 'Pilot')]);
    expect(store.getState().list.items.map((c) => [c.name, c.memberCount])).toEqual([['All Systems', 7], ['Pilot', 0]]);
  });
});
