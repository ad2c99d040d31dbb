import { describe, expect, it } from 'vitest';
import { firstRefusedCharacter, foldNoCase, optionalText, requiredText, sameNoCase, textProblem, textSchema, truncateText } from './text';

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const name = requiredText('Name', 50);

function problem(value: string): string | null {
  const parsed = name.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '');
}

describe('the text policy: refused characters', () => {
  const lineBreaks = [0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029];
  const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

  it('every C0 control, DEL and every C1 control, each named by its class and code point', () => {
    const refused = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];
    for (const unit of refused) {
      const message = problem(`ab${String.fromCharCode(unit)}cd`);
      const what = unit === 0 ? 'a NUL character' : unit === 9 ? 'a tab' : lineBreaks.includes(unit) ? 'a line break' : 'a control character';
      expect(message, hex(unit)).toMatch(new RegExp(`^Name contains ${what} \\(U\\+${hex(unit)}\\) at position 3; `));
    }
  });

  it('the messages say what to do', () => {
    expect(problem('setup.exe\r\ncalc.exe')).toBe('Name contains a line break (U+000D) at position 10; type it on one line.');
    expect(problem('App\u0000')).toBe('Name contains a NUL character (U+0000) at position 4; remove it.');
    expect(problem('A\tB')).toBe('Name contains a tab (U+0009) at position 2; use spaces instead.');
    expect(problem('invoice\u202Eexe.pdf')).toBe(
      'Name contains a bidirectional override (U+202E) at position 8; remove it: it makes the text display in another order than the one it runs in.',
    );
    expect(problem('A\uD83DB')).toBe('Name contains half of a character (an unpaired surrogate) (U+D83D) at position 2; type the character again.');
  });

  it('the Unicode line and paragraph separators, and every bidirectional embedding, override and isolate', () => {
    for (const unit of [0x2028, 0x2029]) expect(problem(`a${String.fromCharCode(unit)}b`)).toMatch(/contains a line break/);
    for (const unit of bidi) expect(problem(`a${String.fromCharCode(unit)}b`), hex(unit)).toMatch(new RegExp(`contains a bidirectional \\w+( character)? \\(U\\+${hex(unit)}\\)`));
  });

  it('unpaired surrogates anywhere: a high one at the end or before another unit, a low one at the start or after another unit', () => {
    for (const text of ['ab\uD800', '\uD800b', 'a\uD800\uD800', '\uDC00a', 'a\uDC00', '\uDFFF', 'a\uDBFF\uDBFF\uDC00']) {
      expect(firstRefusedCharacter(text), JSON.stringify(text)).toMatchObject({ what: 'half of a character (an unpaired surrogate)' });
    }
    expect(firstRefusedCharacter('a\uDBFF\uDBFF\uDC00')).toMatchObject({ codePoint: 0xdbff, position: 2 });
    expect(firstRefusedCharacter('😀\uDE00')).toMatchObject({ codePoint: 0xde00, position: 3 });
  });

  it('the first refused character is reported, with its position in UTF-16 units', () => {
    expect(firstRefusedCharacter('😀\t\n')).toMatchObject({ codePoint: 0x09, position: 3 });
  });

  it('accepts text in any script, emoji (also joined ones), marks, spaces inside and the left-to-right and right-to-left marks', () => {
    for (const text of ['Société Générale', 'Просмотр 表示', 'مرحبا بالعالم', 'שלום', '👩‍💻 Dev tools', 'e\u0301', 'A\u00a0B', 'RTL\u200Fmark\u200E', '\uE000private', 'Tab-free']) {
      expect(firstRefusedCharacter(text), text).toBeNull();
      expect(problem(text), text).toBeNull();
    }
  });
});

describe('the text policy: lengths count UTF-16 code units', () => {
  it('an emoji counts two: 25 fit a 50-character Name, 26 do not', () => {
    expect(problem('😀'.repeat(25))).toBeNull();
    expect(problem('😀'.repeat(26))).toBe('Name can be at most 50 characters (52 given; characters beyond U+FFFF, such as emoji, count as two).');
    expect(problem('😀'.repeat(50))).toMatch(/at most 50 characters \(100 given/);
  });

  it('boundaries: 50 units fit, 51 do not, whatever mix of one- and two-unit characters', () => {
    expect(problem('a'.repeat(50))).toBeNull();
    expect(problem('a'.repeat(51))).toBe('Name can be at most 50 characters (51 given).');
    expect(problem(`${'a'.repeat(48)}😀`)).toBeNull();
    expect(problem(`${'a'.repeat(49)}😀`)).toMatch(/\(51 given; characters beyond U\+FFFF/);
    expect(problem(`${'é'.repeat(50)}`)).toBeNull();
  });

  it('white space around the value is trimmed before it is counted; an empty value is required', () => {
    expect(name.parse(`  ${'a'.repeat(50)}  `)).toBe('a'.repeat(50));
    expect(problem('   ')).toBe('Name is required.');
    expect(optionalText('Comment', 127).parse('  ')).toBe('');
    expect(textSchema({ label: 'The path', max: 10, trim: false }).parse(' /x ')).toBe(' /x ');
  });

  it('one message per field: characters before length, length before form', () => {
    const account = { label: 'The account name', max: 10, pattern: { test: (s: string) => s.includes('\\'), message: 'Type DOMAIN\\user.' } };
    expect(textProblem('x'.repeat(11), account)).toBe('The account name can be at most 10 characters (11 given).');
    expect(textProblem('x\u0000'.repeat(11), account)).toMatch(/contains a NUL character/);
    expect(textProblem('nobackslash', { ...account, max: 50 })).toBe('Type DOMAIN\\user.');
    const parsed = textSchema(account).safeParse('x'.repeat(300));
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual(['The account name can be at most 10 characters (300 given).']);
  });
});

describe('truncateText', () => {
  it('cuts at a number of UTF-16 units, never inside a surrogate pair', () => {
    expect(truncateText('abcdef', 3)).toBe('abc');
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('ab😀', 3)).toBe('ab');
    expect(truncateText('ab😀', 4)).toBe('ab😀');
    expect(truncateText('😀😀', 1)).toBe('');
    expect(truncateText('abc', 0)).toBe('');
    for (let max = 0; max < 12; max++) expect(firstRefusedCharacter(truncateText('a😀b😀😀c', max)), String(max)).toBeNull();
  });
});

describe('names compare as SQLite NOCASE does: ASCII letters only', () => {
  it('folds A–Z and nothing else', () => {
    expect(foldNoCase('Install PROGRAM 2')).toBe('install program 2');
    expect(foldNoCase('ÉCOLE École')).toBe('École École');
    expect(foldNoCase('İSTANBUL')).toBe('İstanbul');
    expect(foldNoCase('ΑΒΓ straße')).toBe('ΑΒΓ straße');
  });

  it('sameNoCase', () => {
    expect(sameNoCase('Install', 'INSTALL')).toBe(true);
    expect(sameNoCase('CONTOSO\\Sales', 'contoso\\sales')).toBe(true);
    expect(sameNoCase('É', 'é')).toBe(false);
    expect(sameNoCase('straße', 'STRASSE')).toBe(false);
    expect(sameNoCase('a', 'a ')).toBe(false);
  });
});
