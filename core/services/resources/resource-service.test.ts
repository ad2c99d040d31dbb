import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResourcesChangedEvent } from '../../api';
import { createCore, type Core } from '../../core';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';

let data: TempDir;
let core: Core;

beforeEach(() => {
  data = makeTempDir('courier-resources-');
  core = createCore({ dataDir: join(data.path, 'site') });
});
afterEach(() => {
  core.close();
  data.remove();
});

function csv(name: string, text: string): string {
  const path = join(data.path, name);
  writeFileSync(path, text);
  return path;
}

const guid = (n: number) => `GUID:${n.toString(16).padStart(8, '0').toUpperCase()}-1111-2222-3333-444455556666`;

describe('resources by hand', () => {
  it('adds systems, users and user groups with IDs from 16777217, lists, searches and shows them', async () => {
    const pc = value(
      await core.client['resources:create']({
        resourceType: 'system',
        name: 'PC0001',
        smsUniqueIdentifier: guid(1),
        domain: 'CONTOSO',
        operatingSystem: 'Microsoft Windows NT Workstation 6.1',
        platform: 'x64',
        ipAddresses: ['10.1.2.3', 'fe80::1'],
        ipSubnets: ['10.1.0.0'],
        adSiteName: 'Redmond',
        systemOuNames: ['CONTOSO.COM/WORKSTATIONS'],
        lastLogonUserName: 'alice',
        client: true,
        clientVersion: '4.00.6487.2000',
        assignedSites: ['A01'],
      }),
    );
    const user = value(await core.client['resources:create']({ resourceType: 'user', name: 'CONTOSO\\alice', fullName: 'Alice Smith', userGroups: ['CONTOSO\\Sales'] }));
    const group = value(await core.client['resources:create']({ resourceType: 'userGroup', name: 'CONTOSO\\Sales' }));
    expect([pc.resourceId, user.resourceId, group.resourceId]).toEqual([16777217, 16777218, 16777219]);
    expect(pc).toMatchObject({ resourceClass: 'SMS_R_System', ipAddresses: ['10.1.2.3', 'fe80::1'], client: true, platform: 'x64', accountName: null });
    expect(user).toMatchObject({ resourceClass: 'SMS_R_User', domain: 'CONTOSO', accountName: 'alice', userGroups: ['CONTOSO\\Sales'] });
    expect(value(await core.client['resources:get']({ resourceId: pc.resourceId }))).toEqual(pc);

    expect(value(await core.client['resources:list']({})).map((r) => r.name)).toEqual(['CONTOSO\\alice', 'CONTOSO\\Sales', 'PC0001']);
    expect(value(await core.client['resources:list']({ search: 'sal' })).map((r) => r.resourceId)).toEqual([group.resourceId]);
    expect(value(await core.client['resources:list']({ resourceType: 'system' })).map((r) => r.resourceId)).toEqual([pc.resourceId]);
    // A search for % is a search for the character, not a wildcard.
    expect(value(await core.client['resources:list']({ search: '%' }))).toEqual([]);

    // Each joins its built-in collection at once.
    for (const [collectionId, id] of [['SMS00001', pc.resourceId], ['SMS00002', user.resourceId], ['SMS00003', group.resourceId]] as const) {
      expect(value(await core.client['collections:members']({ collectionId })).map((m) => m.resourceId)).toEqual([id]);
    }
  });

  it('refuses a second resource with the same name (any case) or SMS unique identifier, and bad values with the field named', async () => {
    value(await core.client['resources:create']({ resourceType: 'system', name: 'PC0001', smsUniqueIdentifier: guid(1) }));
    const again = await core.client['resources:create']({ resourceType: 'system', name: 'pc0001' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    const sameGuid = await core.client['resources:create']({ resourceType: 'system', name: 'PC0002', smsUniqueIdentifier: guid(1).toLowerCase() });
    expect(sameGuid).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const badIp = await core.client['resources:create']({ resourceType: 'system', name: 'PC0003', ipAddresses: ['10.1.2.300'] });
    expect(badIp).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'ipAddresses.0' } });
    const badUser = await core.client['resources:create']({ resourceType: 'user', name: 'alice' });
    expect(badUser).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'name' } });
    const foreign = await core.client['resources:create']({ resourceType: 'userGroup', name: 'CONTOSO\\Sales', ipAddresses: [] } as never);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'ipAddresses' } });
  });

  it('updates the fields given, refuses fields of another type, and deletes with its memberships and direct rules', async () => {
    const pc = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC0001', ipAddresses: ['10.1.2.3'] }));
    const updated = value(await core.client['resources:update']({ resourceId: pc.resourceId, changes: { client: false, ipAddresses: [] } }));
    expect(updated).toMatchObject({ name: 'PC0001', client: false, ipAddresses: [] });
    const wrong = await core.client['resources:update']({ resourceId: pc.resourceId, changes: { fullName: 'x' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'fullName' } });

    const collection = value(await core.client['collections:create']({ name: 'Pilot', rules: [{ kind: 'direct', resourceId: pc.resourceId }] }));
    expect(collection.memberCount).toBe(1);
    const deleted = value(await core.client['resources:delete']({ resourceId: pc.resourceId }));
    expect(deleted).toEqual({ resourceId: pc.resourceId, name: 'PC0001', directRulesRemovedFrom: [collection.collectionId] });
    const after = value(await core.client['collections:get']({ collectionId: collection.collectionId }));
    expect(after).toMatchObject({ rules: [], memberCount: 0 });
    expect(value(await core.client['collections:get']({ collectionId: 'SMS00001' })).memberCount).toBe(0);
    expect(await core.client['resources:get']({ resourceId: pc.resourceId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('importing resources from CSV', () => {
  const header = 'Name,SMSUniqueIdentifier,ResourceDomainORWorkgroup,OperatingSystemNameandVersion,ADSiteName,SystemOUName,IPAddresses,IPSubnets,Client,ClientVersion,LastLogonUserName';

  it('imports a good file: multi-valued cells split at ;, empty cells NULL, the header in any case, and All Systems updated', async () => {
    const path = csv(
      'good.csv',
      [
        header.toLowerCase(),
        `PC0001,${guid(1)},CONTOSO,Microsoft Windows NT Workstation 5.1,Redmond,CONTOSO.COM/WS;CONTOSO.COM/WS/SALES,10.1.2.3;10.1.2.4,10.1.0.0,1,4.00.6487.2000,alice`,
        'PC0002,,,,,,,,,,',
      ].join('\n'),
    );
    const imported = value(await core.client['resources:import']({ path }));
    expect(imported).toEqual({ resourceType: 'system', created: 2, updated: 0, refused: [] });
    const [pc1, pc2] = value(await core.client['resources:list']({}));
    expect(pc1).toMatchObject({ name: 'PC0001', systemOuNames: ['CONTOSO.COM/WS', 'CONTOSO.COM/WS/SALES'], ipAddresses: ['10.1.2.3', '10.1.2.4'], client: true, lastLogonUserName: 'alice' });
    expect(pc2).toMatchObject({ name: 'PC0002', smsUniqueIdentifier: null, domain: null, ipAddresses: [], client: null });
    expect(value(await core.client['collections:get']({ collectionId: 'SMS00001' }))).toMatchObject({ memberCount: 2, membershipPending: false });

    // Importing again updates, by SMS unique identifier or else by name.
    const again = csv('again.csv', `Name,SMSUniqueIdentifier,Client\nPC0001-RENAMED,${guid(1)},0\nPC0002,,1\nPC0003,,1\n`);
    expect(value(await core.client['resources:import']({ path: again }))).toMatchObject({ created: 1, updated: 2 });
    const names = value(await core.client['resources:list']({})).map((r) => [r.name, r.client, r.resourceId]);
    expect(names).toEqual([
      ['PC0001-RENAMED', false, pc1?.resourceId],
      ['PC0002', true, pc2?.resourceId],
      ['PC0003', true, 16777219],
    ]);
  });

  it('refuses the whole file with a per-row report, imports nothing, and with skipRefused imports the others', async () => {
    const path = csv(
      'bad.csv',
      [
        'Name,IPAddresses,Client,SMSUniqueIdentifier',
        'PC0001,10.1.2.3,1,',
        'PC0002,10.1.2.999,1,',
        'PC0003,,maybe,',
        ',10.1.2.5,1,',
        'PC0004,10.1.2.6,1',
        'pc0001,,0,',
        `PC0005,,1,${guid(5)}`,
        `PC0006,,1,${guid(5)}`,
      ].join('\r\n'),
    );
    const refused = await core.client['resources:import']({ path });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('VALIDATION_FAILED');
    expect(refused.error.message).toMatch(/^Nothing was imported: 6 of 8 rows are refused/);
    expect(refused.error.issues?.map((i) => i.field)).toEqual(['line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 9']);
    expect(refused.error.issues?.[0]?.message).toMatch(/IP address must look like/);
    expect(refused.error.issues?.[1]?.message).toMatch(/Client is 1 or 0/);
    expect(refused.error.issues?.[3]?.message).toMatch(/The row has 3 cells; the header has 4\./);
    expect(refused.error.issues?.[4]?.message).toMatch(/same resource as line 2/);
    expect(value(await core.client['resources:list']({}))).toEqual([]);

    const partial = value(await core.client['resources:import']({ path, skipRefused: true }));
    expect(partial).toMatchObject({ created: 2, updated: 0 });
    expect(partial.refused.map((r) => [r.line, r.name])).toEqual([
      [3, 'PC0002'],
      [4, 'PC0003'],
      [5, null],
      [6, 'PC0004'],
      [7, 'pc0001'],
      [9, 'PC0006'],
    ]);
    expect(value(await core.client['resources:list']({})).map((r) => r.name)).toEqual(['PC0001', 'PC0005']);
  });

  it('reads hostile files: a BOM, CRLF, quoted cells with commas, quotes and newlines; refuses control characters, huge cells and bad headers', async () => {
    const quoted = csv('quoted.csv', '\uFEFFName,SystemOUName\r\n"PC,0001","A ""quoted"" OU;CONTOSO.COM/WS"\r\n"PC0002","CONTOSO.COM/WS"\r\n"PC0009","CONTOSO.COM/\r\nWS"\r\n');
    const read = value(await core.client['resources:import']({ path: quoted, skipRefused: true }));
    expect(read).toMatchObject({ created: 2 });
    // A line break inside a quoted cell is CSV, but no OU name has one: the row (lines 4 and 5) is refused.
    expect(read.refused.map((r) => [r.line, r.name])).toEqual([[4, 'PC0009']]);
    expect(read.refused[0]?.reasons.join(' ')).toMatch(/line break/);
    const rows = value(await core.client['resources:list']({}));
    expect(rows.map((r) => [r.name, r.systemOuNames])).toEqual([
      ['PC,0001', ['A "quoted" OU', 'CONTOSO.COM/WS']],
      ['PC0002', ['CONTOSO.COM/WS']],
    ]);

    const control = csv('control.csv', 'Name,ADSiteName\nPC0003,Red\u0007mond\nPC\u0000X,Redmond\n');
    const controlled = value(await core.client['resources:import']({ path: control, skipRefused: true }));
    expect(controlled.refused.map((r) => r.line)).toEqual([2, 3]);
    expect(controlled.refused[0]?.reasons.join(' ')).toMatch(/U\+0007/);

    const huge = csv('huge.csv', `Name,ADSiteName\nPC0004,${'x'.repeat(300_000)}\n`);
    const hugeResult = value(await core.client['resources:import']({ path: huge, skipRefused: true }));
    expect(hugeResult.refused[0]?.reasons.join(' ')).toMatch(/at most 256 characters/);
    const tooBig = csv('too-big.csv', `Name\n"${'x'.repeat(2 * 1024 * 1024)}"\n`);
    expect(await core.client['resources:import']({ path: tooBig })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'path' } });

    const unknown = csv('unknown.csv', 'Name,Colour\nPC0005,blue\n');
    const unknownResult = await core.client['resources:import']({ path: unknown });
    expect(unknownResult).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'path' } });
    expect(unknownResult.ok ? '' : unknownResult.error.message).toMatch(/"Colour", which is not a property of SMS_R_System/);
    const resourceId = csv('resource-id.csv', 'ResourceId,Name\n1,PC0005\n');
    expect(await core.client['resources:import']({ path: resourceId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/the site gives or derives it/) } });
    const noName = csv('no-name.csv', 'IPAddresses\n10.1.2.3\n');
    expect(await core.client['resources:import']({ path: noName })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no Name column/) } });
    const broken = csv('broken.csv', 'Name\n"PC0006\n');
    expect(await core.client['resources:import']({ path: broken })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not CSV Courier can read/) } });
    expect(await core.client['resources:import']({ path: join(data.path, 'missing.csv') })).toMatchObject({ ok: false, error: { field: 'path' } });
    expect(value(await core.client['resources:list']({})).map((r) => r.name)).toEqual(['PC,0001', 'PC0002']);
  });

  it('imports users and user groups by their DOMAIN\\name', async () => {
    const users = csv('users.csv', 'UniqueUserName,FullUserName,UserGroupName,UserOUName\nCONTOSO\\alice,Alice Smith,CONTOSO\\Sales;CONTOSO\\Domain Users,CONTOSO.COM/USERS\nbob,Bob,,\n');
    const result = value(await core.client['resources:import']({ path: users, resourceType: 'user', skipRefused: true }));
    expect(result).toMatchObject({ resourceType: 'user', created: 1 });
    expect(result.refused[0]?.reasons.join(' ')).toMatch(/DOMAIN\\name/);
    const groups = csv('groups.csv', 'Name\nCONTOSO\\Sales\n');
    expect(value(await core.client['resources:import']({ path: groups, resourceType: 'userGroup' }))).toMatchObject({ created: 1 });
    const [alice] = value(await core.client['resources:list']({ resourceType: 'user' }));
    expect(alice).toMatchObject({ name: 'CONTOSO\\alice', domain: 'CONTOSO', accountName: 'alice', userGroups: ['CONTOSO\\Sales', 'CONTOSO\\Domain Users'] });
    expect(value(await core.client['collections:get']({ collectionId: 'SMS00002' })).memberCount).toBe(1);
    expect(value(await core.client['collections:get']({ collectionId: 'SMS00003' })).memberCount).toBe(1);
  });

  it('tells the consoles once per import', async () => {
    const events: ResourcesChangedEvent[] = [];
    core.on('resources:changed', (event) => events.push(event));
    const path = csv('two.csv', 'Name\nPC0001\nPC0002\n');
    value(await core.client['resources:import']({ path }));
    expect(events).toEqual([{ change: 'imported', resourceId: null, count: 2 }]);
  });
});
