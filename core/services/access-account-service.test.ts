import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessAccountsChangedEvent } from '../api';
import { createCore, type Core } from '../core';

let dataDir: string;
let core: Core;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'courier-access-'));
  core = createCore({ dataDir: join(dataDir, 'site'), now: () => new Date('2026-11-26T09:00:00Z') });
  await core.client['packages:create']({ name: 'Office' });
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function accountNames(): Promise<string[]> {
  const result = await core.client['access-accounts:list']({ packageId: 'A0100001' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((a) => `${a.accountName}=${a.permission}`);
}

const pkn = (packageId: string) => join(core.site.siteRoot, 'SMS', 'Inboxes', 'Distmgr.box', `${packageId}.PKN`);

describe('access accounts', () => {
  it('adds a Windows group and a generic account, in the suite forms', async () => {
    expect(await core.client['access-accounts:add']({ packageId: 'a0100001', account: { kind: 'windows', name: ' CONTOSO\\Sales ', accountType: 'group' }, permission: 'change' })).toEqual({
      ok: true,
      value: { packageId: 'A0100001', accountName: 'CONTOSO\\Sales', kind: 'windows', accountType: 'group', permission: 'change', userName: 'CONTOSO\\Sales', access: 0x7f },
    });
    expect(await core.client['access-accounts:add']({ packageId: 'A0100001', account: { kind: 'generic', name: 'Guests' }, permission: 'read' })).toMatchObject({
      ok: true,
      value: { accountName: 'Guests', kind: 'generic', accountType: 'group', userName: '["Display=Guests"]GENERIC:GROUP=Guests', access: 0x65 },
    });
    expect(await core.client['access-accounts:add']({ packageId: 'A0100001', account: { kind: 'windows', name: 'CONTOSO\\jdoe', accountType: 'user' }, permission: 'noAccess' })).toMatchObject({
      ok: true,
      value: { accountType: 'user', access: 0 },
    });
    expect(await accountNames()).toEqual(['Users=read', 'Administrators=fullControl', 'CONTOSO\\Sales=change', 'Guests=read', 'CONTOSO\\jdoe=noAccess']);
  });

  it('refuses an account the package already has, whatever its case, and changes nothing', async () => {
    await core.client['access-accounts:add']({ packageId: 'A0100001', account: { kind: 'windows', name: 'CONTOSO\\Sales', accountType: 'group' }, permission: 'read' });
    expect(await core.client['access-accounts:add']({ packageId: 'A0100001', account: { kind: 'windows', name: 'contoso\\sales', accountType: 'group' }, permission: 'fullControl' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'account.name', message: expect.stringMatching(/already has the access account CONTOSO\\Sales \(Read\)/) },
    });
    expect(await core.client['access-accounts:add']({ packageId: 'A0100001', account: { kind: 'generic', name: 'Users' }, permission: 'change' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await accountNames()).toEqual(['Users=read', 'Administrators=fullControl', 'CONTOSO\\Sales=read']);
  });

  it('refuses bad input and a missing package, and changes nothing', async () => {
    const bad = [
      { packageId: 'A0100001', account: { kind: 'windows', name: 'Sales', accountType: 'group' }, permission: 'read' },
      { packageId: 'A0100001', account: { kind: 'generic', name: 'Everyone' }, permission: 'read' },
      { packageId: 'A0100001', account: { kind: 'generic', name: 'Users' }, permission: 'write' },
      { packageId: 'A0100001', account: { kind: 'windows', name: 'CONTOSO\\Sales' }, permission: 'read' },
    ];
    for (const request of bad) expect(await core.invoke('access-accounts:add', request), JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await core.client['access-accounts:add']({ packageId: 'A01FFFFF', account: { kind: 'generic', name: 'Guests' }, permission: 'read' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'packageId' },
    });
    expect(await accountNames()).toEqual(['Users=read', 'Administrators=fullControl']);
  });

  it('changes a permission and removes an account, by name in any case', async () => {
    expect(await core.client['access-accounts:update']({ packageId: 'A0100001', accountName: 'users', permission: 'noAccess' })).toMatchObject({
      ok: true,
      value: { accountName: 'Users', permission: 'noAccess', access: 0 },
    });
    expect(await core.client['access-accounts:remove']({ packageId: 'A0100001', accountName: 'ADMINISTRATORS' })).toMatchObject({
      ok: true,
      value: [{ accountName: 'Users', permission: 'noAccess' }],
    });
    expect(await core.client['access-accounts:remove']({ packageId: 'A0100001', accountName: 'Administrators' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'accountName', message: 'Package A0100001 has no access account Administrators.' },
    });
    expect(await core.client['access-accounts:update']({ packageId: 'A0100001', accountName: 'CONTOSO\\Nobody', permission: 'read' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await accountNames()).toEqual(['Users=noAccess']);
  });

  it('wakes Distribution Manager (share permissions change) and tells listeners; an unchanged permission does neither', async () => {
    unlinkSync(pkn('A0100001'));
    const seen: AccessAccountsChangedEvent[] = [];
    core.on('access-accounts:changed', (event) => seen.push(event));
    await core.client['access-accounts:update']({ packageId: 'A0100001', accountName: 'Users', permission: 'read' });
    expect(existsSync(pkn('A0100001'))).toBe(false);
    await core.client['access-accounts:update']({ packageId: 'A0100001', accountName: 'Users', permission: 'change' });
    expect(existsSync(pkn('A0100001'))).toBe(true);
    await core.client['access-accounts:add']({ packageId: 'A0100001', account: { kind: 'generic', name: 'Guests' }, permission: 'read' });
    await core.client['access-accounts:remove']({ packageId: 'A0100001', accountName: 'Guests' });
    expect(seen).toEqual([{ packageId: 'A0100001' }, { packageId: 'A0100001' }, { packageId: 'A0100001' }]);
  });

  it('go with their package when it is deleted', async () => {
    await core.client['packages:delete']({ packageId: 'A0100001' });
    expect(await core.client['access-accounts:list']({ packageId: 'A0100001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
