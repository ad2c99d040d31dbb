import { describe, expect, it } from 'vitest';
import { parseWql } from './parser';
import { readQueryRule } from '.';

describe('parseWql', () => {
  it('SELECT * with a LIKE and a comparison: the tree, with where each part was written', () => {
    const text = "select * from SMS_R_System where OperatingSystemNameandVersion like '%Workstation 5.1%' and SystemOUName = 'CONTOSO.COM/LAPTOPS'";
    const query = parseWql(text);
    expect(query.properties).toBeUndefined();
    expect(query.from).toEqual({ name: 'SMS_R_System', span: { offset: 14, length: 12 } });
    expect(query.where).toMatchObject({
      kind: 'and',
      operands: [
        { kind: 'like', negated: false, subject: { kind: 'property', name: 'OperatingSystemNameandVersion', span: { offset: 33, length: 29 } }, pattern: { kind: 'string', value: '%Workstation 5.1%' } },
        { kind: 'compare', operator: '=', left: { kind: 'property', name: 'SystemOUName' }, right: { kind: 'string', value: 'CONTOSO.COM/LAPTOPS' } },
      ],
    });
    const where = query.where!;
    expect(text.slice(where.span.offset, where.span.offset + where.span.length)).toBe(text.slice(33));
  });

  it("the console's qualified SELECT list and double-quoted strings", () => {
    const query = parseWql('select SMS_R_SYSTEM.ResourceID, SMS_R_SYSTEM.Name, SMS_R_SYSTEM.Client from SMS_R_System where SMS_R_System.Name like "%1"');
    expect(query.properties?.map((p) => [p.qualifier?.name, p.name])).toEqual([
      ['SMS_R_SYSTEM', 'ResourceID'],
      ['SMS_R_SYSTEM', 'Name'],
      ['SMS_R_SYSTEM', 'Client'],
    ]);
    expect(query.where).toMatchObject({ kind: 'like', subject: { qualifier: { name: 'SMS_R_System' }, name: 'Name' }, pattern: { value: '%1' } });
  });

  it('AND binds tighter than OR, NOT tighter than AND; chains are flat', () => {
    const query = parseWql("select * from SMS_R_System where a = 1 or not b = 2 and c = 3 or d = 4 or e = 5");
    expect(query.where).toMatchObject({
      kind: 'or',
      operands: [{ kind: 'compare' }, { kind: 'and', operands: [{ kind: 'not', operand: { kind: 'compare' } }, { kind: 'compare' }] }, { kind: 'compare' }, { kind: 'compare' }],
    });
  });

  it('keywords in any case; NOT LIKE, NOT IN, IS NOT NULL, IN lists, functions and negative numbers', () => {
    const query = parseWql("SeLeCt DISTINCT * FrOm SMS_R_System WhErE Name NoT LiKe 'a%' AnD ResourceId NOT IN (1, -2, '3') and Client is NOT null and upper(Name) <> lower('X')");
    expect(query.distinct).toBe(true);
    expect(query.where).toMatchObject({
      kind: 'and',
      operands: [
        { kind: 'like', negated: true },
        { kind: 'in', negated: true, values: [{ kind: 'number', value: 1 }, { kind: 'number', value: -2 }, { kind: 'string', value: '3' }] },
        { kind: 'null', negated: true },
        { kind: 'compare', operator: '<>', left: { kind: 'call', name: 'upper' }, right: { kind: 'call', name: 'lower', argument: { kind: 'string', value: 'X' } } },
      ],
    });
  });

  it('strings: doubled quotes, backslash escapes, a lone backslash kept, the other quote as itself', () => {
    const value = (literal: string) => {
      const where = parseWql(`select * from SMS_R_System where Name = ${literal}`).where;
      return where?.kind === 'compare' && where.right.kind === 'string' ? where.right.value : undefined;
    };
    expect(value("'O''Brien'")).toBe("O'Brien");
    expect(value('"say ""hi"""')).toBe('say "hi"');
    expect(value("'O\\'Brien'")).toBe("O'Brien");
    expect(value('"C:\\\\Windows"')).toBe('C:\\Windows');
    expect(value("'CONTOSO\\jdoe'")).toBe('CONTOSO\\jdoe');
    expect(value('"it\'s"')).toBe("it's");
    expect(value("''")).toBe('');
    expect(value("'%DROP%'")).toBe('%DROP%');
    // Inside a string a typographic quote is only a character of the value.
    expect(value("'O\u2019Brien'")).toBe('O\u2019Brien');
  });

  it('!= is <>, and a value on the left turns the comparison around', () => {
    const checked = readQueryRule("select * from SMS_R_System where 5 < ResourceId and 'x' != Name and '7' >= ResourceId");
    expect(checked.where).toMatchObject({
      kind: 'and',
      operands: [
        { kind: 'compare', operator: '>', subject: { property: { name: 'ResourceID' } }, value: 5 },
        { kind: 'compare', operator: '<>', subject: { property: { name: 'Name' } }, value: 'x' },
        { kind: 'compare', operator: '<=', value: 7 },
      ],
    });
  });

  it('the checker spells classes and properties as the suite does, and types the values', () => {
    const checked = readQueryRule("select sms_r_system.resourceid, NAME from sms_r_system where systemouname = 'A' and name = 5 and resourceid in ('1', 2)");
    expect(checked.class.name).toBe('SMS_R_System');
    expect(checked.properties?.map((p) => p.name)).toEqual(['ResourceID', 'Name']);
    expect(checked.where).toMatchObject({
      operands: [
        { subject: { property: { name: 'SystemOUName', multiValued: true } }, value: 'A' },
        { subject: { property: { name: 'Name', type: 'string' } }, value: '5' },
        { kind: 'in', values: [1, 2] },
      ],
    });
    expect(readQueryRule('select SMS_R_User.* from SMS_R_User').properties).toBeUndefined();
  });

  it('line breaks and tabs between tokens, as a query pasted from an editor', () => {
    const checked = readQueryRule("select *\r\n\tfrom SMS_R_UserGroup\r\n\twhere UsergroupName = 'Sales'\n\tand WindowsNTDomain = 'CONTOSO'");
    expect(checked.class.name).toBe('SMS_R_UserGroup');
    expect(checked.where).toMatchObject({ kind: 'and' });
  });
});
