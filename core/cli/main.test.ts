import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { main } from './main';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: {}, cwd: '/' };
  const code = await main(argv, io);
  return { code, out, err };
}

// Only command lines that never open a site: the spawned tests in test/integration cover the rest.
describe('courier command line', () => {
  it('--help lists the commands and the global options', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    for (const text of ['site', 'package', 'program', 'access-account', '--data-dir', '--json', 'Exit status']) expect(out).toContain(text);
  });

  it('package create --help lists every setting, grouped', async () => {
    const { code, out } = await run('package', 'create', '--help');
    expect(code).toBe(0);
    for (const text of ['General:', 'Data source:', '--source <dir>', '--no-persist-in-client-cache', '--user-grace-period <minutes>', '--mif-publisher']) {
      expect(out).toContain(text);
    }
  });

  it('program create --help lists every setting by wizard page, with examples and the rules', async () => {
    const { code, out } = await run('program', 'create', '--help');
    expect(code).toBe(0);
    for (const text of ['General:', 'Requirements:', 'Environment:', 'Advanced:', 'Windows Installer:', 'Programs for devices (with --device):', '--run-first <package-id:program>', '--platform <platform>', '--no-disabled', 'win7-x64', 'Examples:', 'Rules']) {
      expect(out).toContain(text);
    }
  });

  it('access-account add --help shows both kinds of account and the permissions', async () => {
    const { code, out } = await run('access-account', 'add', '--help');
    expect(code).toBe(0);
    for (const text of ['--windows <account>', '--group', '--generic <account>', 'Administrators', 'fullControl', "CONTOSO\\Sales' --group"]) expect(out).toContain(text);
  });

  it('dp add and package distribute --help show the forms of volumes, boundaries and groups', async () => {
    const dp = await run('dp', 'add', '--help');
    expect(dp.code).toBe(0);
    for (const text of ['--volume <letter=path>', '--server-share <unc>', '--boundary <spec>', 'subnet:10.1.0.0/16', 'local', 'samba', 'windows', 'Path Mappings']) expect(dp.out).toContain(text);
    const distribute = await run('package', 'distribute', '--help');
    for (const text of ['--dp <name>', '--group <name>', 'courier package status']) expect(distribute.out).toContain(text);
    const set = await run('component', 'set', '--help');
    for (const text of ['--max-packages <n>', '1–50, default 3', '--retry-delay <minutes>', '1–1440, default 30']) expect(set.out).toContain(text);
  });

  it('program and access-account usage errors are refused before the site is opened', async () => {
    const dataDir = join(tmpdir(), `courier-never-${process.pid}`);
    const cases: [string[], RegExp][] = [
      [['program', 'create', 'A0100001', '--name', 'X', '--command-line', 'x', '--download-when', 'docked'], /add --device/],
      [['program', 'create', 'A0100001', '--device', '--name', 'X', '--command-line', 'x', '--run', 'hidden'], /leave out --device/],
      [['program', 'create', 'A0100001', '--name', 'X'], /--command-line/],
      [['program', 'update', 'A0100001', 'X'], /Nothing to change/],
      [['program', 'update', 'A0100001', 'X', '--maximum-run-time', '12m'], /whole number/],
      [['access-account', 'add', 'A0100001', '--windows', 'CONTOSO\\Sales', '--permission', 'read'], /--user or a --group/],
      [['access-account', 'add', 'A0100001', '--permission', 'read'], /Give the account/],
      [['access-account', 'add', 'A0100001', '--generic', 'Users'], /--permission/],
      [['access-account', 'update', 'A0100001', 'Users', '--permission', 'write'], /Allowed choices/],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await run('--data-dir', dataDir, ...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err, argv.join(' ')).toMatch(message);
    }
    expect(existsSync(dataDir)).toBe(false);
  });

  it('--version prints the version, and `package create --version` is the package version', async () => {
    expect((await run('--version')).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const { code, err } = await run('package', 'create', '--version', '1.0');
    expect(code).toBe(2);
    expect(err).toMatch(/--name/);
  });

  it('usage errors exit 2 with one line, and a JSON error with --json', async () => {
    const { code, out, err } = await run('package', 'list', '--bogus', '--json');
    expect(code).toBe(2);
    expect(err).toBe("courier: unknown option '--bogus' (see --help)\n");
    expect(JSON.parse(out)).toEqual({ error: { code: 'VALIDATION_FAILED', message: "unknown option '--bogus'" } });
  });

  it('update with nothing to change is a usage error, refused before the site is opened', async () => {
    const dataDir = join(tmpdir(), `courier-never-${process.pid}`);
    const { code, err } = await run('--data-dir', dataDir, 'package', 'update', 'A0100001');
    expect(code).toBe(2);
    expect(err).toMatch(/Nothing to change/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('lists serve among the commands, and refuses options before it, where they would be lost', async () => {
    expect((await run('--help')).out).toMatch(/serve\s+serve the console to a browser/);
    const dataDir = join(tmpdir(), `courier-never-${process.pid}`);
    const { code, err } = await run('--data-dir', dataDir, 'serve', '--port', '0');
    expect(code).toBe(2);
    expect(err).toBe('courier: courier serve takes its own options after it: courier serve --data-dir DIR --port N. (see --help)\n');
    expect(existsSync(dataDir)).toBe(false);
  });
});
