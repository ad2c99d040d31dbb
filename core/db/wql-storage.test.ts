import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { value } from '../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { wqlStorage, type PropertyStorage } from './wql-storage';

let data: TempDir;
let core: Core;
let db: Database.Database;

beforeAll(async () => {
  data = makeTempDir('courier-wql-storage-');
  core = createCore({ dataDir: join(data.path, 'site') });
  value(
    await core.client['resources:create']({
      resourceType: 'system',
      name: 'PC0001',
      smsUniqueIdentifier: 'GUID:00000001-1111-2222-3333-444455556666',
      domain: 'CONTOSO',
      operatingSystem: 'Microsoft Windows NT Workstation 5.1',
      platform: 'I386',
      ipAddresses: ['10.1.2.3'],
      ipSubnets: ['10.1.0.0'],
      adSiteName: 'Redmond',
      systemOuNames: ['CONTOSO.COM/WS'],
      lastLogonUserName: 'alice',
      client: true,
      clientVersion: '4.00.6487.2000',
      assignedSites: ['A01'],
    }),
  );
  value(await core.client['resources:create']({ resourceType: 'user', name: 'CONTOSO\\alice', fullName: 'Alice Smith', userGroups: ['CONTOSO\\Sales'], userOuNames: ['CONTOSO.COM/USERS'] }));
  value(await core.client['resources:create']({ resourceType: 'userGroup', name: 'CONTOSO\\Sales' }));
  db = new Database(join(data.path, 'site', 'courier.db'), { readonly: true });
});
afterAll(() => {
  db.close();
  core.close();
  data.remove();
});

/** The resource IDs whose property equals `text`, as a compiler would write the condition from the map. */
function idsWhere(className: keyof typeof wqlStorage, property: string, text: string | number): number[] {
  const storage = wqlStorage[className];
  const where = (s: PropertyStorage) =>
    'column' in s ? `r.${s.column} = ?` : `EXISTS (SELECT 1 FROM ${s.multi.table} v WHERE v.${s.multi.ownerColumn} = r.${storage.idColumn} AND v.${s.multi.valueColumn} = ?)`;
  const target = storage.columns[property];
  if (!target) throw new Error(`${className} has no ${property}`);
  const sql = `SELECT r.${storage.idColumn} FROM ${storage.table} r WHERE (${storage.filter ?? '1'}) AND ${where(target)} ORDER BY 1`;
  return db.prepare(sql).pluck().all(text) as number[];
}

describe('the storage map a WQL compiler reads', () => {
  it('maps every property of each class to a real column or child table, and finds the resource by it in any case', () => {
    const samples: Record<string, string | number> = {
      ResourceId: 16777217,
      Name: 'pc0001',
      NetbiosName: 'PC0001',
      SMSUniqueIdentifier: 'guid:00000001-1111-2222-3333-444455556666',
      ResourceDomainORWorkgroup: 'contoso',
      OperatingSystemNameandVersion: 'microsoft windows nt workstation 5.1',
      Platform: 'I386',
      IPAddresses: '10.1.2.3',
      IPSubnets: '10.1.0.0',
      ADSiteName: 'REDMOND',
      SystemOUName: 'contoso.com/ws',
      LastLogonUserName: 'ALICE',
      Client: 1,
      ClientVersion: '4.00.6487.2000',
      SMSAssignedSites: 'a01',
    };
    expect(Object.keys(wqlStorage.SMS_R_System.columns).sort()).toEqual(Object.keys(samples).sort());
    for (const [property, sample] of Object.entries(samples)) expect(idsWhere('SMS_R_System', property, sample), property).toEqual([16777217]);

    expect(idsWhere('SMS_R_User', 'UniqueUserName', 'contoso\\ALICE')).toEqual([16777218]);
    expect(idsWhere('SMS_R_User', 'UserName', 'alice')).toEqual([16777218]);
    expect(idsWhere('SMS_R_User', 'WindowsNTDomain', 'contoso')).toEqual([16777218]);
    expect(idsWhere('SMS_R_User', 'FullUserName', 'alice smith')).toEqual([16777218]);
    expect(idsWhere('SMS_R_User', 'UserGroupName', 'contoso\\sales')).toEqual([16777218]);
    expect(idsWhere('SMS_R_User', 'UserOUName', 'contoso.com/users')).toEqual([16777218]);
    expect(idsWhere('SMS_R_UserGroup', 'UniqueUsergroupName', 'CONTOSO\\SALES')).toEqual([16777219]);
    expect(idsWhere('SMS_R_UserGroup', 'UsergroupName', 'sales')).toEqual([16777219]);
    // The filter keeps the classes apart: the user alice is no system.
    expect(idsWhere('SMS_R_System', 'Name', 'CONTOSO\\alice')).toEqual([]);
  });

  it('looks multi-valued properties up through their value index', () => {
    for (const className of ['SMS_R_System', 'SMS_R_User'] as const) {
      for (const [property, storage] of Object.entries(wqlStorage[className].columns)) {
        if (!('multi' in storage)) continue;
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN SELECT ${storage.multi.ownerColumn} FROM ${storage.multi.table} WHERE ${storage.multi.valueColumn} = ?`)
          .all('x') as { detail: string }[];
        expect(plan.map((row) => row.detail).join(' '), property).toMatch(new RegExp(`USING (COVERING )?INDEX ${storage.multi.table}_value`));
      }
    }
  });
});
