import { describe, expect, it, vi } from 'vitest';
import type { AccessAccountDto, ApiResult } from '../../../core/api';
import { fakeCourier } from '../../client/fake-courier';
import { createAccessAccountsStore, followAccessAccountChanges } from './access-accounts-store';


const account = (accountName: string, permission: AccessAccountDto['permission'] = 'read'): AccessAccountDto => ({
  packageId: 'A0100001',
  accountName,
  kind: 'generic',
  accountType: 'group',
  permission,
  userName: accountName,
  access: 0,
});

describe('access accounts store', () => {
  it('reads a package\'s accounts again when the core says they changed', async () => {
    let answer: readonly AccessAccountDto[] = [account('Users')];
    const list = vi.fn(async (): Promise<ApiResult<readonly AccessAccountDto[]>> => ({ ok: true, value: answer }));
    const store = createAccessAccountsStore({ list });
    const courier = fakeCourier();
    const stop = followAccessAccountChanges(store, courier.bridge);
    // A package the console has not shown is not read.
    courier.emit('access-accounts:changed', { packageId: 'A0100009' });
    expect(list).not.toHaveBeenCalled();
    await store.getState().load('A0100001');
    answer = [account('Users'), account('Guests', 'noAccess')];
    courier.emit('access-accounts:changed', { packageId: 'A0100001' });
    await vi.waitFor(() => expect(store.getState().lists.A0100001?.items).toHaveLength(2));
    stop();
  });

  it('lets the answer of a change win over an older read still in flight', async () => {
    let resolve: (value: ApiResult<readonly AccessAccountDto[]>) => void = () => undefined;
    const store = createAccessAccountsStore({ list: () => new Promise((r) => (resolve = r)) });
    const first = store.getState().load('A0100001');
    resolve({ ok: true, value: [account('Users')] });
    await first;
    const stale = store.getState().load('A0100001');
    store.getState().replace('A0100001', []);
    resolve({ ok: true, value: [account('Users')] });
    await stale;
    expect(store.getState().lists.A0100001?.items).toEqual([]);
    store.getState().upsert(account('Administrators', 'fullControl'));
    store.getState().upsert(account('Administrators', 'change'));
    expect(store.getState().lists.A0100001?.items.map((a) => a.permission)).toEqual(['change']);
  });

  it('an account changed in another case is the same account; one with another accent is not (SQLite NOCASE)', async () => {
    const store = createAccessAccountsStore({ list: async () => ({ ok: true, value: [account('CONTOSO\\Sales'), account('CONTOSO\\Équipe')] }) });
    await store.getState().load('A0100001');
    store.getState().upsert(account('contoso\\sales', 'change'));
    store.getState().upsert(account('CONTOSO\\équipe', 'fullControl'));
    expect(store.getState().lists.A0100001?.items.map((a) => `${a.accountName}=${a.permission}`)).toEqual([
      'contoso\\sales=change',
      'CONTOSO\\Équipe=read',
      'CONTOSO\\équipe=fullControl',
    ]);
  });
});
