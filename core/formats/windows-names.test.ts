import { describe, expect, it } from 'vitest';
import { windowsNameProblem } from './windows-names';

describe('names a Windows client can hold', () => {
  it('accepts ordinary names, dots inside and Unicode', () => {
    for (const name of ['setup.exe', '.hidden', 'a..b', 'Über Größe.txt', 'CONSOLE.txt', 'com10', 'lpt', 'x'.repeat(255)]) {
      expect(windowsNameProblem(name), name).toBeNull();
    }
  });

  it('refuses reserved device names with or without an extension, in any case', () => {
    for (const name of ['CON', 'con.txt', 'Nul', 'aux.tar.gz', 'COM1', 'lpt9.log', 'COM¹', 'PRN']) {
      expect(windowsNameProblem(name), name).toMatch(/reserved Windows device name/);
    }
  });

  it('refuses trailing dots and spaces, forbidden characters and control characters, saying which', () => {
    expect(windowsNameProblem('readme.')).toMatch(/ends in a dot or a space/);
    expect(windowsNameProblem('readme ')).toMatch(/ends in a dot or a space/);
    expect(windowsNameProblem('a:b')).toBe('holds ":", which Windows does not allow in a file name');
    expect(windowsNameProblem('what?')).toMatch(/"\?"/);
    expect(windowsNameProblem('tab\there')).toMatch(/control character 0x09/);
    expect(windowsNameProblem('back\\slash')).toMatch(/"\\"/);
    expect(windowsNameProblem('x'.repeat(256))).toMatch(/255 characters/);
  });
});
