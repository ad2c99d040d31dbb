import { afterAll, describe, expect, it } from 'vitest';
import { WqlError, readQueryRule } from '../../domain/wql';
import { members, openResourceDb, systemMapping } from '../../../test/helpers/wql-resources';
import { compileQueryRule } from './compile-query-rule';

const injection = "'; DROP TABLE x; --";

const db = openResourceDb(
  [
    { id: 1, name: 'PC-001', os: 'Microsoft Windows NT Workstation 5.1', domain: 'CONTOSO', client: 1, clientVersion: '4.00.6487.2000', ous: ['CONTOSO.COM', 'CONTOSO.COM/LAPTOPS'], ips: ['10.0.0.1', '192.168.1.10'] },
    { id: 2, name: 'pc-002', os: 'Microsoft Windows NT Workstation 6.1', domain: 'contoso', client: 0, ous: ['CONTOSO.COM', 'CONTOSO.COM/DESKTOPS'], ips: ['10.0.0.2'] },
    { id: 3, name: 'SRV-01', os: 'Microsoft Windows NT Server 5.2', domain: 'FABRIKAM', client: 1, ous: ['FABRIKAM.COM/SERVERS'] },
    { id: 4, name: 'LAPTOP_1', os: 'Microsoft Windows NT Workstation 5.1', domain: 'CONTOSO', ous: ['contoso.com/laptops'] },
    { id: 5 },
    { id: 6, name: "O'Brien's PC", os: 'x"y', domain: '\\weird' },
    { id: 7, name: injection },
    { id: 8, name: '100% Ready' },
  ],
  [
    { id: 100, name: 'CONTOSO\\jdoe', userName: 'jdoe', groups: ['CONTOSO\\Domain Users', 'CONTOSO\\Sales'] },
    { id: 101, name: 'CONTOSO\\asmith', userName: 'asmith', groups: ['CONTOSO\\Domain Users'] },
  ],
);
afterAll(() => db.close());

const systems = (where: string) => members(db, `select * from SMS_R_System where ${where}`);

describe('query rules evaluated in SQLite', () => {
  it('the two forms admins paste: SELECT * with LIKE and a multi-valued OU, and the console qualified list', () => {
    expect(members(db, "select * from SMS_R_System where OperatingSystemNameandVersion like '%Workstation 5.1%' and SystemOUName = 'CONTOSO.COM/LAPTOPS'")).toEqual([1, 4]);
    expect(
      members(
        db,
        'select SMS_R_SYSTEM.ResourceID, SMS_R_SYSTEM.ResourceType, SMS_R_SYSTEM.Name, SMS_R_SYSTEM.SMSUniqueIdentifier, SMS_R_SYSTEM.ResourceDomainORWorkgroup, SMS_R_SYSTEM.Client from SMS_R_System where SMS_R_System.Name like "%1"',
      ),
    ).toEqual([1, 3, 4]);
  });

  it('without WHERE takes every resource of the class, and only of that class', () => {
    expect(members(db, 'SELECT * FROM SMS_R_System')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(members(db, 'select * from sms_r_user')).toEqual([100, 101]);
  });

  it('= and <> on strings ignore case; NULLs match neither', () => {
    expect(systems("Name = 'pc-001'")).toEqual([1]);
    expect(systems("ResourceDomainORWorkgroup = 'Contoso'")).toEqual([1, 2, 4]);
    expect(systems("ResourceDomainORWorkgroup <> 'CONTOSO'")).toEqual([3, 6]);
    expect(systems("ResourceDomainORWorkgroup != 'contoso'")).toEqual([3, 6]);
  });

  it('class and property names in any case', () => {
    expect(members(db, "SELECT * FROM sms_r_SYSTEM WHERE sms_r_system.NAME = 'PC-001' AND resourceid = 1")).toEqual([1]);
  });

  it('<, >, <=, >= on numbers, with quoted numbers compared as numbers', () => {
    expect(systems('ResourceId > 2 and ResourceId <= 4')).toEqual([3, 4]);
    expect(systems("ResourceId >= '6'")).toEqual([6, 7, 8]);
    expect(systems('ResourceId < 2')).toEqual([1]);
    expect(systems("'3' > ResourceId")).toEqual([1, 2]);
    expect(systems('Client = 1')).toEqual([1, 3]);
    expect(systems('Client = TRUE')).toEqual([1, 3]);
    expect(systems('Client = false')).toEqual([2]);
  });

  it('< and > on strings compare without case', () => {
    expect(systems("Name < 'PC-002'")).toEqual([1, 4, 6, 7, 8]);
    expect(systems("Name >= 'pc-002'")).toEqual([2, 3]);
  });

  it('a number compared with a string property is compared as written', () => {
    const db2 = openResourceDb([{ id: 1, name: '007' }, { id: 2, name: '7' }]);
    expect(members(db2, 'select * from SMS_R_System where Name = 007')).toEqual([1]);
    db2.close();
  });

  it('LIKE: % and _ and case', () => {
    expect(systems("Name like 'pc-00_'")).toEqual([1, 2]);
    expect(systems("Name like 'PC%'")).toEqual([1, 2]);
    expect(systems("Name like '%'")).toEqual([1, 2, 3, 4, 6, 7, 8]);
    expect(systems("Name like 'PC-0'")).toEqual([]);
  });

  it('LIKE: [ ] sets, ranges, negation and escaped wildcards', () => {
    expect(systems("Name like '[ps]%'")).toEqual([1, 2, 3]);
    expect(systems("Name like '[^p]%'")).toEqual([3, 4, 6, 7, 8]);
    expect(systems("Name like '%[_]%'")).toEqual([4]);
    expect(systems("Name like '%[%]%'")).toEqual([8]);
    expect(systems("Name like '%[0-1]'")).toEqual([1, 3, 4]);
    expect(systems("Name like 'pc-00[2-9]'")).toEqual([2]);
    expect(systems("Name like '[k-m]%'")).toEqual([4]);
    expect(systems("Name like '[K-M]APTOP[_]1'")).toEqual([4]);
  });

  it('GLOB characters in a LIKE pattern are themselves', () => {
    const db2 = openResourceDb([{ id: 1, name: 'a*b' }, { id: 2, name: 'axb' }, { id: 3, name: 'a?b' }, { id: 4, name: 'a[b' }]);
    const run = (pattern: string) => members(db2, `select * from SMS_R_System where Name like '${pattern}'`);
    expect(run('a*b')).toEqual([1]);
    expect(run('a?b')).toEqual([3]);
    expect(run('a[[]b')).toEqual([4]);
    expect(run('a_b')).toEqual([1, 2, 3, 4]);
    db2.close();
  });

  it('NOT LIKE, NOT and IS NULL', () => {
    expect(systems("Name not like 'PC%'")).toEqual([3, 4, 6, 7, 8]);
    expect(systems("NOT Name like 'PC%'")).toEqual([3, 4, 6, 7, 8]);
    expect(systems('Name is null')).toEqual([5]);
    expect(systems('Client IS NOT NULL')).toEqual([1, 2, 3]);
    expect(systems('not (Client is null)')).toEqual([1, 2, 3]);
  });

  it('IN and NOT IN, strings without case and numbers quoted or not', () => {
    expect(systems("Name in ('pc-001', 'SRV-01')")).toEqual([1, 3]);
    expect(systems("ResourceId in (1, '3', 5)")).toEqual([1, 3, 5]);
    expect(systems("Name not in ('PC-001', 'pc-002')")).toEqual([3, 4, 6, 7, 8]);
  });

  it('AND binds tighter than OR; parentheses regroup', () => {
    expect(systems("Client = 1 or Client = 0 and Name like 'x%'")).toEqual([1, 3]);
    expect(systems("(Client = 1 or Client = 0) and Name like 'p%'")).toEqual([1, 2]);
    expect(systems("Client = 1 and not (Name = 'SRV-01' or Name = 'nothing')")).toEqual([1]);
  });

  it('UPPER() and LOWER() on properties and values', () => {
    expect(systems("UPPER(Name) = 'PC-001'")).toEqual([1]);
    expect(systems("LOWER(Name) like 'pc%'")).toEqual([1, 2]);
    expect(systems("Name = UPPER('pc-002')")).toEqual([2]);
    expect(systems("upper(lower(Name)) in ('srv-01')")).toEqual([3]);
  });

  it('multi-valued properties: a condition holds when any one value meets it', () => {
    expect(systems("SystemOUName = 'contoso.com'")).toEqual([1, 2]);
    expect(systems("SystemOUName like '%LAPTOPS'")).toEqual([1, 4]);
    expect(systems("IPAddresses in ('10.0.0.2', '192.168.1.10')")).toEqual([1, 2]);
    // Another value than CONTOSO.COM: computers in two OUs have one.
    expect(systems("SystemOUName <> 'CONTOSO.COM'")).toEqual([1, 2, 3, 4]);
    expect(systems("UPPER(SystemOUName) = 'FABRIKAM.COM/SERVERS'")).toEqual([3]);
  });

  it('multi-valued properties: NOT, NOT LIKE and NOT IN mean no value meets it; IS NULL means no values', () => {
    expect(systems("NOT (SystemOUName = 'CONTOSO.COM')")).toEqual([3, 4, 5, 6, 7, 8]);
    expect(systems("SystemOUName not like 'contoso%'")).toEqual([3, 5, 6, 7, 8]);
    expect(systems("SystemOUName NOT IN ('CONTOSO.COM')")).toEqual([3, 4, 5, 6, 7, 8]);
    expect(systems('SystemOUName is null')).toEqual([5, 6, 7, 8]);
    expect(systems('SystemOUName is not null')).toEqual([1, 2, 3, 4]);
    expect(systems("SystemOUName = 'CONTOSO.COM' and SystemOUName = 'CONTOSO.COM/DESKTOPS'")).toEqual([2]);
  });

  it('users by group, with WQL backslash escapes and a lone backslash kept', () => {
    expect(members(db, 'select * from SMS_R_User where UserGroupName = "CONTOSO\\\\Domain Users"')).toEqual([100, 101]);
    expect(members(db, "select * from SMS_R_User where UserGroupName = 'contoso\\sales'")).toEqual([100]);
    expect(members(db, "select * from SMS_R_User where SMS_R_User.Name = 'CONTOSO\\\\jdoe'")).toEqual([100]);
    expect(members(db, "select SMS_R_User.Name from SMS_R_User where UserName like 'a%'")).toEqual([101]);
  });

  it('quotes inside strings: doubled, backslashed, or the other kind', () => {
    expect(systems("Name = 'O''Brien''s PC'")).toEqual([6]);
    expect(systems('Name = "O\'Brien\'s PC"')).toEqual([6]);
    expect(systems("Name = 'O\\'Brien\\'s PC'")).toEqual([6]);
    expect(systems('OperatingSystemNameandVersion = "x\\"y"')).toEqual([6]);
    expect(systems('OperatingSystemNameandVersion = "x""y"')).toEqual([6]);
    expect(systems("ResourceDomainORWorkgroup = '\\\\weird'")).toEqual([6]);
    expect(systems("ResourceDomainORWorkgroup like '\\\\w%'")).toEqual([6]);
  });

  it('SQL in a value is only a value: it is matched, never run, and never in the SQL text', () => {
    const query = `select * from SMS_R_System where Name = '${injection.replace(/'/g, "''")}'`;
    expect(members(db, query)).toEqual([7]);
    expect(systems(`Name = "${injection}"`)).toEqual([7]);
    expect(systems("Name like '%DROP TABLE%'")).toEqual([7]);
    const { sql, params } = compileQueryRule(readQueryRule(query), systemMapping);
    expect(sql).not.toMatch(/DROP/i);
    expect(params).toEqual([injection]);
    expect(db.prepare('SELECT keep FROM x').all()).toEqual([{ keep: 1 }]);
  });

  it('a value of 60,000 characters is matched exactly; a LIKE pattern that long is refused', () => {
    const long = 'A'.repeat(30_000) + "'\"\\" + 'b'.repeat(29_997);
    const db2 = openResourceDb([{ id: 1, name: long }, { id: 2, name: long.slice(1) }]);
    const literal = long.replace(/\\/g, '\\\\').replace(/'/g, "''");
    expect(members(db2, `select * from SMS_R_System where Name = '${literal}'`)).toEqual([1]);
    expect(() => members(db2, `select * from SMS_R_System where Name like '${literal}'`)).toThrow(/LIKE pattern is 60,000 characters long; it can be at most 4,000/);
    db2.close();
  });

  it('a LIKE pattern made to backtrack finishes quickly over a long value', () => {
    const db2 = openResourceDb([{ id: 1, name: 'a'.repeat(20_000) }]);
    const started = performance.now();
    expect(members(db2, `select * from SMS_R_System where Name like '${'%a'.repeat(1_900)}%b'`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
    db2.close();
  });

  it('an OR of 3,500 comparisons, single- and multi-valued, stays under SQLite expression depth', () => {
    const single = Array.from({ length: 3_500 }, (_, i) => `Name = 'n${i}'`).join(' or ') + " or Name = 'SRV-01'";
    expect(single.length).toBeLessThan(65_536);
    expect(systems(single)).toEqual([3]);
    const multi = Array.from({ length: 2_500 }, (_, i) => `SystemOUName = 'o${i}'`).join(' OR ') + " OR SystemOUName = 'FABRIKAM.COM/SERVERS'";
    expect(systems(multi)).toEqual([3]);
  });

  it('conditions nested as deep as the parser allows run in SQLite', () => {
    const deep = `${'not ('.repeat(32)}SystemOUName like '%laptops' or Name = 'x'${')'.repeat(32)}`;
    expect(systems(deep)).toEqual([1, 4]);
    const mixed = `${"(Name = 'x' or (".repeat(32)}Client = 0${'))'.repeat(32)}`;
    expect(systems(mixed)).toEqual([2]);
  });

  it('a property the storage does not keep is refused where it is used', () => {
    try {
      systems("Name = 'a' and ADSiteName = 'Default-First-Site-Name'");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WqlError);
      expect((error as WqlError).message).toBe('Line 1, column 49: Courier does not keep ADSiteName for SMS_R_System resources yet, so a query rule cannot test it.');
    }
  });

  it('a storage mapping that is not plain identifiers is refused, not spliced into SQL', () => {
    expect(() => compileQueryRule(readQueryRule('select * from SMS_R_System'), { ...systemMapping, table: 'resources; DROP TABLE x' })).toThrow(/not a plain SQL identifier/);
  });
});
