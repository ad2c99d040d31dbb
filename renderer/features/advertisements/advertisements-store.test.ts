import { describe, expect, it } from 'vitest';
import type { AdvertisementDto } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { createAdvertisementsStore, followAdvertisementChanges } from './advertisements-store';

const ad = (advertisementId: string, advertisementName: string) => ({ advertisementId, advertisementName }) as AdvertisementDto;

function setup(answers: AdvertisementDto[][]) {
  let reads = 0;
  const courier = fakeCourier({
    'advertisements:list': async () => ({ ok: true, value: answers[Math.min(reads++, answers.length - 1)] ?? [] }),
  });
  const store = createAdvertisementsStore({ list: () => courier.client['advertisements:list']({}) });
  const off = followAdvertisementChanges(store, courier.bridge);
  return { store, courier, off, reads: () => reads };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the advertisements store', () => {
  it('reads nothing until the node is shown, so a change event before then costs no read', async () => {
    const { courier, reads, store } = setup([[ad('A0120000', 'Office')]]);
    courier.emit('advertisements:changed', { change: 'created', advertisementId: 'A0120000' });
    await settled();
    expect(reads()).toBe(0);
    expect(store.getState().list.status).toBe('loading');
  });

  it('keeps the list live: a change elsewhere reads it again, a deletion leaves at once', async () => {
    const { courier, reads, store } = setup([[ad('A0120000', 'Office')], [ad('A0120000', 'Office'), ad('A0120001', 'Visio')], [ad('A0120001', 'Visio')]]);
    await store.getState().load();
    expect(store.getState().list.items.map((a) => a.advertisementId)).toEqual(['A0120000']);
    courier.emit('advertisements:changed', { change: 'created', advertisementId: 'A0120001' });
    await settled();
    expect(store.getState().list.items.map((a) => a.advertisementId)).toEqual(['A0120000', 'A0120001']);
    courier.emit('advertisements:changed', { change: 'deleted', advertisementId: 'A0120000' });
    expect(store.getState().list.items.map((a) => a.advertisementId)).toEqual(['A0120001']);
    await settled();
    expect(reads()).toBe(3);
  });

  it('puts a wizard\'s answer in place and drops a deleted one', async () => {
    const { store } = setup([[ad('A0120000', 'Office')]]);
    await store.getState().load();
    store.getState().upsert(ad('A0120000', 'Office renamed'));
    store.getState().upsert(ad('A0120001', 'Visio'));
    expect(store.getState().list.items.map((a) => a.advertisementName)).toEqual(['Office renamed', 'Visio']);
    store.getState().remove('A0120000');
    expect(store.getState().list.items.map((a) => a.advertisementName)).toEqual(['Visio']);
  });
});
