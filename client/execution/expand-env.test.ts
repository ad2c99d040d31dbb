import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { expandPercentVariables } from './expand-env';
import { runProgram } from './run-program';

const env = { ProgramFiles: 'C:\\Program Files', TEMP: '/tmp/x', b: 'a', 'a ': 'b', EMPTY: '' };

describe('%VAR% in a command line, as cmd.exe expands it', () => {
  it('replaces a variable that is set and leaves one that is not as it is', () => {
    expect(expandPercentVariables('"%ProgramFiles%\\Viewer\\setup.exe" /log %TEMP%\\v.log', env, 'linux')).toBe('"C:\\Program Files\\Viewer\\setup.exe" /log /tmp/x\\v.log');
    expect(expandPercentVariables('%NOPE%\\x %TEMP%', env, 'linux')).toBe('%NOPE%\\x /tmp/x');
    expect(expandPercentVariables('a%EMPTY%b', env, 'linux')).toBe('ab');
  });

  it('pairs the percent signs as cmd.exe does: an unknown name gives its closing % to the next one', () => {
    // cmd.exe at a prompt, with b=a: `echo %a %b% c%` prints `%a a c%`; with "a "=b: `bb% c%`.
    expect(expandPercentVariables('%a %b% c%', { b: 'a' }, 'linux')).toBe('%a a c%');
    expect(expandPercentVariables('%a %b% c%', { 'a ': 'b' }, 'linux')).toBe('bb% c%');
    expect(expandPercentVariables('%NOPE%TEMP%', env, 'linux')).toBe('%NOPE/tmp/x');
  });

  it('leaves %%, a lone % and substring edits alone, and does not expand a value twice', () => {
    expect(expandPercentVariables('100%% done', env, 'linux')).toBe('100%% done');
    expect(expandPercentVariables('50% off', env, 'linux')).toBe('50% off');
    expect(expandPercentVariables('%TEMP:~0,4%', env, 'linux')).toBe('%TEMP:~0,4%');
    expect(expandPercentVariables('%LOOP%', { LOOP: '%LOOP%', X: 'y' }, 'linux')).toBe('%LOOP%');
    expect(expandPercentVariables('', env, 'linux')).toBe('');
  });

  it('compares names without case on Windows only', () => {
    expect(expandPercentVariables('%programfiles%', env, 'win32')).toBe('C:\\Program Files');
    expect(expandPercentVariables('%programfiles%', env, 'linux')).toBe('%programfiles%');
    expect(expandPercentVariables('%TEMP%', env, 'win32')).toBe('/tmp/x');
  });
});

describe('a program run expands its command line and start-in folder', () => {
  const pkg = { name: 'Widget', manufacturer: 'Contoso', version: '1', mifName: '', mifPublisher: '', mifVersion: '' };

  it('runs in the expanded folder with the expanded command line, and refuses a variable that brings a line break', async () => {
    const temp = makeTempDir('courier-expand-');
    try {
      mkdirSync(join(temp.path, 'apps', 'tool'), { recursive: true });
      const run = await runProgram({ commandLine: 'echo %GREETING% > out.txt; pwd >> out.txt', startIn: '%APPS%/tool', runFrom: 'noContent', runMode: 'adminRights', maxRunTimeMs: 20_000, pkg, mifFolders: [], env: { ...process.env, APPS: join(temp.path, 'apps'), GREETING: 'hello' } });
      expect(run).toMatchObject({ state: 'ended', exitCode: 0, commandLine: 'echo hello > out.txt; pwd >> out.txt', startIn: join(temp.path, 'apps', 'tool') });
      expect(readFileSync(join(temp.path, 'apps', 'tool', 'out.txt'), 'utf8')).toBe(`hello\n${realpathSync(join(temp.path, 'apps', 'tool'))}\n`);
      await expect(runProgram({ commandLine: 'echo %EVIL%', startIn: temp.path, runFrom: 'noContent', runMode: 'adminRights', maxRunTimeMs: 20_000, pkg, mifFolders: [], env: { EVIL: 'x\nrm -rf /' } })).rejects.toThrow(/commandLine echo %EVIL% holds a control character once its %variables% are expanded/);
      // An unknown variable stays, so the folder it names is no absolute path.
      await expect(runProgram({ commandLine: 'true', startIn: '%NOWHERE%/tool', runFrom: 'noContent', runMode: 'adminRights', maxRunTimeMs: 20_000, pkg, mifFolders: [], env: {} })).rejects.toThrow(/startIn "%NOWHERE%\/tool" is not an absolute path/);
    } finally {
      temp.remove();
    }
  });
});
