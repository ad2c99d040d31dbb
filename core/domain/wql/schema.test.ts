import { describe, expect, it } from 'vitest';
import { wqlClasses } from './schema';

describe('the query rule classes', () => {
  it('no two properties of a class differ only in case, since names are looked up without case', () => {
    for (const wqlClass of wqlClasses) {
      const names = [...wqlClass.properties.map((p) => p.name), ...(wqlClass.notYet ?? []).map((p) => p.name)].map((name) => name.toLowerCase());
      expect(new Set(names).size, wqlClass.name).toBe(names.length);
    }
  });

  it('hold the discovery properties collections are built on, typed as the SDK types them', () => {
    const described = (className: string) =>
      Object.fromEntries(wqlClasses.find((c) => c.name === className)!.properties.map((p) => [p.name, `${p.type}${p.multiValued ? '[]' : ''}`]));
    expect(described('SMS_R_System')).toMatchObject({
      ResourceID: 'number', Name: 'string', SMSUniqueIdentifier: 'string', ResourceDomainORWorkgroup: 'string', OperatingSystemNameandVersion: 'string',
      ADSiteName: 'string', SystemOUName: 'string[]', IPAddresses: 'string[]', IPSubnets: 'string[]', Client: 'number', ClientVersion: 'string',
      LastLogonUserName: 'string', LastLogonUserDomain: 'string', NetbiosName: 'string', ResourceType: 'number', SMSAssignedSites: 'string[]',
      Active: 'number', Obsolete: 'number', Decommissioned: 'number', Unknown: 'number', SystemGroupName: 'string[]',
    });
    expect(described('SMS_R_User')).toMatchObject({
      ResourceID: 'number', Name: 'string', UserName: 'string', FullUserName: 'string', UniqueUserName: 'string', WindowsNTDomain: 'string',
      UserGroupName: 'string[]', UserOUName: 'string[]', Mail: 'string',
    });
    expect(described('SMS_R_UserGroup')).toMatchObject({ ResourceID: 'number', Name: 'string', UniqueUsergroupName: 'string', UsergroupName: 'string', WindowsNTDomain: 'string' });
  });
});
