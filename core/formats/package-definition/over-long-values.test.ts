import { describe, expect, it } from 'vitest';
import { CourierError, packageSettingsSchema } from '../../api';
import { parsePackageDefinition, toPackageSettings } from '.';

const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parsePackageDefinition(utf8(text));

function refusal(text: string): CourierError {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CourierError);
    return error as CourierError;
  }
  throw new Error('expected the definition to be refused');
}

/** Shaped as a published 2.0 vendor file: its package Comment has 197 characters. */
const vendorComment =
  'This package installs the Contoso Document Viewer for every user of the computer, registers the .cvw file type and adds a Start menu shortcut; it also removes any earlier 2.x version now, silently.';

const vendorFile = `[PDF]
Version=2.0

[Package Definition]
Name=Contoso Document Viewer
Version=3.1
Publisher=Contoso Ltd
Language=English
Comment=${vendorComment}
Programs=Install

[Install]
Name=Install
CommandLine=setup.exe /s
`;

describe('package definition values over their limit', () => {
  it('a 197-character package Comment is read cut to 127, with a warning naming the key and line', () => {
    expect(vendorComment).toHaveLength(197);
    const def = parse(vendorFile);
    expect(def.package.comment).toBe(vendorComment.slice(0, 127));
    expect(def.warnings).toEqual(['[Package Definition] Comment (line 9): 197 characters; Courier keeps the first 127']);
    // What is kept is a Comment the contract accepts.
    expect(packageSettingsSchema.safeParse(toPackageSettings(def)).success).toBe(true);
  });

  it('every optional descriptive field is cut with a warning, in file order; a file without them has none', () => {
    const long = (n: number) => 'x'.repeat(n);
    const def = parse(`[Package Definition]
Name=All cut
Version=${long(33)}
Publisher=${long(33)}
Language=${long(33)}
Comment=${long(128)}
MIFFileName=${long(51)}
MIFName=${long(51)}
MIFVersion=${long(33)}
MIFPublisher=${long(33)}
Icon=${long(261)}
Programs=P
[P]
Name=P
CommandLine=p.exe
Comment=${long(128)}
Icon=${long(261)}
AdditionalProgramRequirements=${long(200)}
`);
    expect(def.warnings).toEqual([
      '[Package Definition] Version (line 3): 33 characters; Courier keeps the first 32',
      '[Package Definition] Publisher (line 4): 33 characters; Courier keeps the first 32',
      '[Package Definition] Language (line 5): 33 characters; Courier keeps the first 32',
      '[Package Definition] Comment (line 6): 128 characters; Courier keeps the first 127',
      '[Package Definition] MIFFileName (line 7): 51 characters; Courier keeps the first 50',
      '[Package Definition] MIFName (line 8): 51 characters; Courier keeps the first 50',
      '[Package Definition] MIFVersion (line 9): 33 characters; Courier keeps the first 32',
      '[Package Definition] MIFPublisher (line 10): 33 characters; Courier keeps the first 32',
      '[Package Definition] Icon (line 11): 261 characters; Courier keeps the first 260',
      '[P] Comment (line 16): 128 characters; Courier keeps the first 127',
      '[P] Icon (line 17): 261 characters; Courier keeps the first 260',
      '[P] AdditionalProgramRequirements (line 18): 200 characters; Courier keeps the first 127',
    ]);
    expect(def.package).toMatchObject({ version: long(32), publisher: long(32), comment: long(127), mifName: long(50), icon: long(260) });
    expect(def.programs[0]).toMatchObject({ comment: long(127), additionalProgramRequirements: long(127) });
    expect(parse(vendorFile.replace(vendorComment, 'Short')).warnings).toEqual([]);
  });

  it('counts UTF-16 units, as the suite does, and never cuts a character in half', () => {
    // 126 letters and an emoji (two units) make 128 units: the emoji does not fit and goes whole.
    const comment = `${'a'.repeat(126)}😀`;
    const def = parse(vendorFile.replace(vendorComment, comment));
    expect(def.package.comment).toBe('a'.repeat(126));
    expect(def.warnings).toEqual(['[Package Definition] Comment (line 9): 128 characters; Courier keeps the first 127']);
    // 63 emoji are 126 units: under the limit, not cut although only 63 characters.
    expect(parse(vendorFile.replace(vendorComment, '😀'.repeat(63))).package.comment).toBe('😀'.repeat(63));
    // 64 emoji are 128 units: 63 are kept.
    expect(parse(vendorFile.replace(vendorComment, '😀'.repeat(64))).package.comment).toBe('😀'.repeat(63));
    // A 26-emoji Name is 52 units: over 50, and refused.
    expect(refusal(vendorFile.replace('Name=Contoso Document Viewer', `Name=${'😀'.repeat(26)}`)).message).toBe(
      '[Package Definition] Name (line 5): at most 50 characters, but 52 given',
    );
  });

  it('required and identifying fields are still refused, and a refused file reports no warnings', () => {
    const error = refusal(vendorFile.replace('Name=Contoso Document Viewer', `Name=${'n'.repeat(51)}`).replace('setup.exe /s', 'c'.repeat(128)));
    expect(error.issues?.map((i) => i.message)).toEqual([
      '[Package Definition] Name (line 5): at most 50 characters, but 51 given',
      '[Install] CommandLine (line 14): at most 127 characters, but 128 given',
    ]);
  });

  it('SMS 1.x: an over-long Comment is cut; a program named after a long variation is cut, with a warning', () => {
    const variation = 'v'.repeat(52);
    const def = parse(`[PDF]\nVersion=1.0\n[Package Definition]\nProduct=Old\nComment=${'c'.repeat(130)}\nSetupVariations=${variation}\n[${variation} Setup]\nCommandLine=setup.exe\n`);
    expect(def.package.comment).toHaveLength(127);
    expect(def.programs[0]?.name).toBe('v'.repeat(50));
    expect(def.warnings).toEqual([
      '[Package Definition] Comment (line 5): 130 characters; Courier keeps the first 127',
      `[${variation} Setup] CommandName: not given; the program is named after its variation, cut to its first 50 characters`,
    ]);
  });
});

describe('package definition values under the text policy', () => {
  const withComment = (comment: string) => vendorFile.replace(vendorComment, comment);

  it('a tab, a C1 control, a bidirectional override or a line separator in a value is refused with its line and position', () => {
    expect(refusal(withComment('one\ttwo')).message).toBe('[Package Definition] Comment (line 9): contains a tab (U+0009) at position 4; use spaces instead');
    expect(refusal(withComment('one\u0085two')).message).toBe('[Package Definition] Comment (line 9): contains a line break (U+0085) at position 4; type it on one line');
    expect(refusal(withComment('one\u009btwo')).message).toMatch(/contains a control character \(U\+009B\) at position 4/);
    expect(refusal(vendorFile.replace('setup.exe /s', 'setup.exe /s \u202Eexe.calc')).message).toBe(
      '[Install] CommandLine (line 14): contains a bidirectional override (U+202E) at position 14; remove it: it makes the text display in another order than the one it runs in',
    );
    expect(refusal(withComment('one\u2028two')).message).toMatch(/contains a line break \(U\+2028\)/);
  });

  it('accented letters, CJK and emoji are plain text', () => {
    expect(parse(withComment('Visionneuse générale 表示 😀')).package.comment).toBe('Visionneuse générale 表示 😀');
  });
});
