import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { cacheSteps } from '../agent/cache-steps';
import { LogWriter } from '../logs/log-writer';
import { lookUpAccount, runAsOf } from './run-as';

const ann = { name: 'ann', uid: 1234, gid: 1234, home: '/home/ann' };
const lookUp = (name: string) => (name === 'ann' ? ann : null);

describe('the account a program runs in', () => {
  it("runs a program with the user's rights as the logged-on user when the agent is root, by the name part of DOMAIN\\name", () => {
    expect(runAsOf('userRights', 'CONTOSO\\ann', { platform: 'linux', uid: 0, lookUp })).toEqual({ kind: 'user', account: ann });
    expect(runAsOf('userRights', 'ann', { platform: 'linux', uid: 0, lookUp })).toEqual({ kind: 'user', account: ann });
  });

  it('refuses when nobody is logged on or the user has no account here', () => {
    expect(runAsOf('userRights', null, { platform: 'linux', uid: 0, lookUp })).toEqual({ kind: 'refused', reason: "it runs with the user's rights and nobody is logged on" });
    expect(runAsOf('userRights', 'CONTOSO\\bob', { platform: 'linux', uid: 0, lookUp })).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/CONTOSO\\bob has no account on this machine \(getent passwd bob\)/) });
  });

  it('runs as the agent, with a warning, when the agent is not root or on Windows; administrative rights always as the agent', () => {
    expect(runAsOf('userRights', 'CONTOSO\\ann', { platform: 'linux', uid: 1000, lookUp })).toEqual({ kind: 'agent', warning: expect.stringMatching(/run in the agent's account \(uid 1000\): only an agent running as root/) });
    expect(runAsOf('userRights', 'CONTOSO\\ann', { platform: 'win32', uid: 0, lookUp })).toMatchObject({ kind: 'agent', warning: expect.stringMatching(/Windows/) });
    expect(runAsOf('adminRights', null, { platform: 'linux', uid: 0, lookUp })).toEqual({ kind: 'agent', warning: null });
  });

  it('looks accounts up with getent, and never passes a name that is not one', () => {
    expect(lookUpAccount('root')).toMatchObject({ name: 'root', uid: 0, gid: 0 });
    expect(lookUpAccount('no-such-user-courier-x')).toBeNull();
    expect(lookUpAccount('--help')).toBeNull();
    expect(lookUpAccount('a b')).toBeNull();
  });
});

const hasUseradd = spawnSync('sh', ['-c', 'command -v useradd && command -v userdel'], { encoding: 'utf8' }).status === 0;
const isRoot = process.getuid?.() === 0;

// Needs root (to make a user and to start a program as one) and useradd/userdel.
describe.skipIf(!isRoot || !hasUseradd)('as root, with a user made for the test', () => {
  const pkg = { name: 'Widget', manufacturer: 'Contoso', version: '1', mifName: '', mifPublisher: '', mifVersion: '' };

  it("runs a program with the user's rights as that user (uid, gid, HOME, USER, no root groups), one with administrative rights as root", async () => {
    const name = `crt${randomBytes(4).toString('hex')}`;
    execFileSync('useradd', ['--no-create-home', '--home-dir', `/home/${name}`, name]);
    const temp = makeTempDir('courier-run-as-');
    try {
      // The program's start-in folder and output must be open to the user.
      chmodSync(temp.path, 0o777);
      const logs = new LogWriter({ folder: join(temp.path, 'logs') });
      const steps = cacheSteps({ cacheFolder: join(temp.path, 'cache'), cacheSizeMb: 10, logs });
      const request = { commandLine: 'id -u > "%OUT%.uid"; id -g >> "%OUT%.uid"; id -G > "%OUT%.groups"; echo "$HOME $USER" > "%OUT%.env"', startIn: temp.path, runFrom: 'noContent' as const, maxRunTimeMs: 20_000, pkg, mifFolders: [] };
      process.env.OUT = join(temp.path, 'user');
      expect(await steps.program.run({ ...request, runMode: 'userRights', sessionUser: `CONTOSO\\${name}` })).toMatchObject({ status: 'ended', exitCode: 0 });
      const uid = execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim();
      const gid = execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim();
      expect(readFileSync(join(temp.path, 'user.uid'), 'utf8')).toBe(`${uid}\n${gid}\n`);
      expect(readFileSync(join(temp.path, 'user.groups'), 'utf8').trim().split(' ')).not.toContain('0');
      expect(readFileSync(join(temp.path, 'user.env'), 'utf8')).toBe(`/home/${name} ${name}\n`);
      expect(readFileSync(join(temp.path, 'logs', 'execmgr.log'), 'utf8')).toContain(`(the user's rights as ${name} (uid ${uid}), a package without source files)`);

      process.env.OUT = join(temp.path, 'admin');
      expect(await steps.program.run({ ...request, runMode: 'adminRights', sessionUser: `CONTOSO\\${name}` })).toMatchObject({ status: 'ended', exitCode: 0 });
      expect(readFileSync(join(temp.path, 'admin.uid'), 'utf8')).toBe('0\n0\n');

      expect(await steps.program.run({ ...request, runMode: 'userRights', sessionUser: null })).toEqual({ status: 'notStarted', reason: "it runs with the user's rights and nobody is logged on" });
    } finally {
      delete process.env.OUT;
      execFileSync('userdel', [name]);
      temp.remove();
    }
  });
});
