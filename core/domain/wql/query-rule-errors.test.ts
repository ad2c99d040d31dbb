import { describe, expect, it } from 'vitest';
import { WqlError, readQueryRule } from '.';

/** The error a query gets, with where it points, as the console would show it. */
function refusal(text: string): { message: string; marked: string } {
  try {
    readQueryRule(text);
  } catch (error) {
    if (!(error instanceof WqlError)) throw error;
    return { message: error.message, marked: text.slice(error.offset, error.offset + (error.length ?? 0)) };
  }
  throw new Error(`accepted: ${text}`);
}

const where = (condition: string) => refusal(`select * from SMS_R_System where ${condition}`);

describe('what query rules refuse, and where', () => {
  it('a join to an inventory class, at the inventory class', () => {
    const text = 'select SMS_R_SYSTEM.Name from SMS_R_System inner join SMS_G_System_CDROM on SMS_G_System_CDROM.ResourceId = SMS_R_System.ResourceId';
    expect(refusal(text)).toEqual({
      message: 'Line 1, column 55: "SMS_G_System_CDROM" is an inventory class; query rules here can only use SMS_R_System, SMS_R_User and SMS_R_UserGroup.',
      marked: 'SMS_G_System_CDROM',
    });
    expect(refusal('select * from SMS_G_System_SYSTEM').message).toBe(
      'Line 1, column 15: "SMS_G_System_SYSTEM" is an inventory class; query rules here can only use SMS_R_System, SMS_R_User and SMS_R_UserGroup.',
    );
    expect(where("SMS_G_System_CDROM.Caption = 'x'").message).toMatch(/^Line 1, column 34: "SMS_G_System_CDROM" is an inventory class/);
  });

  it('other joins and other classes', () => {
    expect(refusal('select * from SMS_R_System, SMS_R_User').message).toBe(
      'Line 1, column 27: joins are not supported: a query rule selects from one class, SMS_R_System, SMS_R_User or SMS_R_UserGroup.',
    );
    expect(refusal('select * from Win32_OperatingSystem').message).toBe(
      'Line 1, column 15: "Win32_OperatingSystem" is not a class query rules can use; query rules here can only use SMS_R_System, SMS_R_User and SMS_R_UserGroup.',
    );
    expect(refusal("select * from SMS_R_User where SMS_R_System.Name = 'a'")).toEqual({
      message: 'Line 1, column 32: this query selects from SMS_R_User, not SMS_R_System: a query rule uses the properties of one class.',
      marked: 'SMS_R_System',
    });
  });

  it('typographic quotes pasted from a web page, outside a string and as its closing quote', () => {
    expect(where('Name like ‘%Workstation%’')).toEqual({ message: 'Line 1, column 44: ‘ is a typographic quote (pasted from a web page?); use \' or ".', marked: '‘' });
    expect(where('Name = “PC-001”').message).toBe('Line 1, column 41: “ is a typographic quote (pasted from a web page?); use \' or ".');
    expect(where("Name = 'PC-001’").message).toBe("Line 1, column 41: this string has no closing ' (it contains ’, a typographic quote: close it with '); a string ends on the line it starts.");
  });

  it('unknown properties, with the one probably meant', () => {
    expect(where("Nmae = 'x'")).toEqual({ message: 'Line 1, column 34: "Nmae" is not a property of SMS_R_System; did you mean Name?', marked: 'Nmae' });
    expect(where("OperatingSystem like '%XP%'").message).toBe('Line 1, column 34: "OperatingSystem" is not a property of SMS_R_System; did you mean OperatingSystemNameandVersion?');
    expect(where("SMS_R_System.SystemOU = 'x'")).toEqual({ message: 'Line 1, column 47: "SystemOU" is not a property of SMS_R_System; did you mean SystemOUName?', marked: 'SystemOU' });
    expect(refusal('select Namee, Mail from SMS_R_System').message).toBe('Line 1, column 8: "Namee" is not a property of SMS_R_System; did you mean Name?');
    expect(where("Qwertyuiop = 1").message).toBe('Line 1, column 34: "Qwertyuiop" is not a property of SMS_R_System.');
  });

  it('properties of the class that hold dates or bytes are named as such', () => {
    expect(where("LastLogonTimestamp > '2026-01-01'").message).toBe('Line 1, column 34: LastLogonTimestamp holds dates and times, which query rules here cannot test yet.');
    expect(refusal("select * from SMS_R_User where SMS_R_User.objectguid is null").message).toBe('Line 1, column 43: ObjectGUID holds binary values, which query rules here cannot test yet.');
  });

  it('unterminated strings, at the opening quote, with the backslash hint when that is why', () => {
    expect(where("Name = 'abc")).toEqual({ message: "Line 1, column 41: this string has no closing '; a string ends on the line it starts.", marked: "'" });
    expect(where("Name = 'abc\\'").message).toBe(
      "Line 1, column 41: this string has no closing ' (\\' stands for a ' inside the string; write \\\\ for a backslash before the closing quote); a string ends on the line it starts.",
    );
    expect(refusal("select * from SMS_R_System\nwhere Name = \"abc\nand Client = 1").message).toBe('Line 2, column 14: this string has no closing "; a string ends on the line it starts.');
  });

  it('types: LIKE on a number, a number pattern, a number that is not, functions on numbers, two properties, two values', () => {
    expect(where("ResourceId like '%5%'")).toEqual({ message: 'Line 1, column 34: LIKE compares strings, and ResourceID is a number: use =, <, > or IN.', marked: 'ResourceId' });
    expect(where('Name like 5').message).toBe("Line 1, column 44: LIKE needs a quoted pattern, such as '%5%'.");
    expect(where("ResourceId = 'abc'")).toEqual({ message: 'Line 1, column 47: ResourceID is a number, and "abc" is not one.', marked: "'abc'" });
    expect(where("ResourceId in (1, 'two')").message).toBe('Line 1, column 52: ResourceID is a number, and "two" is not one.');
    expect(where('UPPER(Client) = 1').message).toBe('Line 1, column 34: UPPER() takes a string, and Client is a number.');
    expect(where('Name = Client').message).toBe('Line 1, column 41: compare Name with a value: comparing two properties is not supported in query rules.');
    expect(where("'a' = 'a'").message).toBe('Line 1, column 34: one side of a comparison must be a property.');
    expect(where("Name like Name").message).toBe('Line 1, column 44: LIKE takes values here, not the property Name.');
  });

  it('LIKE patterns that are not patterns', () => {
    expect(where("Name like 'PC[0-9'").message).toBe('Line 1, column 44: the [ at character 3 of the pattern opens a set that is never closed; write [[] to match a [.');
    expect(where("Name like '[z-a]%'").message).toBe('Line 1, column 44: the range z-a in the pattern runs backwards; write a-z.');
  });

  it('sub-selects, = NULL, ORDER BY, a semicolon, other functions, brackets outside strings', () => {
    expect(where('ResourceId in (select ResourceId from SMS_R_System)').message).toBe(
      'Line 1, column 49: sub-selects are not supported: a query rule compares properties of its own class with values.',
    );
    expect(where('ResourceId = (select 1)').message).toMatch(/^Line 1, column 48: sub-selects are not supported/);
    expect(where('Name = NULL').message).toBe('Line 1, column 41: write IS NULL to test for a missing value; = NULL is never true.');
    expect(where('Name <> null').message).toBe('Line 1, column 42: write IS NOT NULL to test for a missing value; <> NULL is never true.');
    expect(refusal("select * from SMS_R_System as s where s.Name = 'x'").message).toBe('Line 1, column 28: a query rule names its class in full (SMS_R_System.Name): aliases are not supported.');
    expect(refusal('select * from SMS_R_System order by Name').message).toBe('Line 1, column 28: ORDER BY is not part of a query rule: membership has no order or groups.');
    expect(where("Name = 'a';")).toEqual({ message: 'Line 1, column 44: a query rule is one query: leave out the ";".', marked: ';' });
    expect(where("substring(Name, 1, 2) = 'PC'").message).toBe('Line 1, column 34: substring() is not a function query rules can use; only UPPER() and LOWER() are.');
    expect(where('[Name] = 1').message).toBe('Line 1, column 34: [ is only allowed inside a LIKE pattern string.');
    expect(where('Name = `x`').message).toBe('Line 1, column 41: ` is not a quote in WQL; use \' or ".');
    expect(where('ResourceId = 5abc').message).toBe("Line 1, column 47: \"5abc\" is not a number; quote it if it is a string ('5abc').");
  });

  it('syntax: what was expected and what was found, on the right line', () => {
    expect(refusal('').message).toBe('Line 1, column 1: the query is empty; a query rule starts with SELECT.');
    expect(refusal('delete from SMS_R_System').message).toBe('Line 1, column 1: a query rule starts with SELECT, found "delete".');
    expect(refusal('select * SMS_R_System').message).toBe('Line 1, column 10: expected FROM after the selected properties, found "SMS_R_System".');
    expect(where('Name').message).toBe('Line 1, column 38: expected a comparison (=, <>, <, >, <=, >=, LIKE, IN, IS NULL) after Name, found the end of the query.');
    expect(where("(Name = 'a'").message).toBe('Line 1, column 45: expected ) to close the ( at column 34, found the end of the query.');
    expect(where("Name = 'a' and").message).toBe('Line 1, column 48: expected a property or a value, found the end of the query.');
    expect(where("Name not = 'a'").message).toBe('Line 1, column 43: expected LIKE or IN after NOT, found "=".');
    expect(where("Name in ('a' 'b')").message).toBe("Line 1, column 47: expected , or ) in the IN list, found the string 'b'.");
    expect(where('Client is 1').message).toBe('Line 1, column 44: expected NULL or NOT NULL after IS, found the number 1.');
    expect(refusal("select *\r\nfrom SMS_R_System\r\nwhere Name = 'x'\r\n  and Mail = 'y'").message).toBe('Line 4, column 7: "Mail" is not a property of SMS_R_System.');
    expect(where('Name = \u0007').message).toBe('Line 1, column 41: unexpected character U+0007.');
  });

  it('the error says where, for a form to mark: line, column, offset and length', () => {
    try {
      readQueryRule("select *\nfrom SMS_R_System\nwhere Nmae = 'x'");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'WqlError', line: 3, column: 7, offset: 33, length: 4, reason: '"Nmae" is not a property of SMS_R_System; did you mean Name?' });
    }
  });
});
