import { describe, expect, it } from 'vitest';
import { CourierError } from '../../api';
import { parsePackageDefinition } from '.';

const secret = 'S3cr3t-9f2c41d7e8';

/** Everything the refusal carries, as the console and the CLI would show it. */
function refusalText(text: string | Uint8Array): string {
  try {
    parsePackageDefinition(typeof text === 'string' ? new TextEncoder().encode(text) : text);
  } catch (error) {
    expect(error).toBeInstanceOf(CourierError);
    return JSON.stringify((error as CourierError).toDto());
  }
  throw new Error('expected the file to be refused');
}

describe('files that are not package definitions: refused without quoting them', () => {
  it.each([
    ['a .env file', `VERSION=${secret}\nPASSWORD=${secret}\n`],
    ['an INI file of another program', `[database]\nVersion=${secret}\npassword=${secret}\n`],
    ['a [PDF] section and nothing else', `[PDF]\nVersion=${secret}\n`],
    ['a [PDF] of an unknown version, with a [Package Definition]', `[PDF]\nVersion=${secret}\n[Package Definition]\nName=${secret}\nRun=${secret}\n`],
    ['a [Package Definition] without [PDF], Name or Product', `[Package Definition]\nVersion=${secret}\nPrograms=${secret}\n[${secret}]\nRun=${secret}\n`],
    ['a binary file', new Uint8Array([...new TextEncoder().encode(`[PDF]\nVersion=${secret}\n`), 0, 1, 2])],
    ['a file with a control character', `[PDF]\nVersion=2.0\n[Package Definition]\nName=${secret}\x07\n`],
  ])('%s', (_label, content) => {
    const text = refusalText(content);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('S3cr3t');
  });

  it('says what is wrong in each case', () => {
    expect(refusalText(`[database]\nVersion=${secret}\n`)).toContain('This is not a package definition file: it has no [Package Definition] section.');
    expect(refusalText(`[PDF]\nVersion=${secret}\n[Package Definition]\nName=X\n`)).toContain('[PDF] Version (line 2): 1.0 or 2.0, but another version is given.');
    expect(refusalText(`[Package Definition]\nVersion=${secret}\n`)).toContain(
      'This is not a package definition file: it has no [PDF] section, and its [Package Definition] section has neither Name nor Product.',
    );
  });
});

describe('package definitions: problems name section, key and line, and quote short values only', () => {
  const definition = (extra: string) => `[PDF]\nVersion=2.0\n[Package Definition]\nName=App\nPublisher=\nLanguage=\nPrograms=Install\n[Install]\nName=Install\nCommandLine=setup.exe\n${extra}`;

  it('a short wrong value is quoted, as the admin needs to find it', () => {
    expect(refusalText(definition('Run=Fullscreen\n'))).toContain('[Install] Run (line 11): Normal, Minimized, Maximized or Hidden, but \\"Fullscreen\\" given');
  });

  it('a long wrong value is cut to its first 40 characters, with its length', () => {
    const long = `${'y'.repeat(40)}${secret}`;
    const text = refusalText(definition(`UserInputRequired=${long}\nDependentProgram=${'d'.repeat(30)}\n`));
    expect(text).not.toContain(secret);
    expect(text).toContain(`[Install] UserInputRequired (line 11): True or False, but \\"${'y'.repeat(40)}…\\" (${long.length} characters) given`);
  });

  it('an over-long value names its length, never its content', () => {
    const text = refusalText(definition('').replace('Name=App', `Name=${secret.repeat(10)}`));
    expect(text).toContain('[Package Definition] Name (line 4): at most 50 characters, but 170 given');
    expect(text).not.toContain(secret);
  });
});
