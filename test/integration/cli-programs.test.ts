import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessAccountDto, ProgramDeletedDto, ProgramDto } from '../../core/api';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn costs about half a second: a few command lines, independent ones side by side.
let data: TempDir;
const courier = (...args: string[]) => runCli(['--data-dir', data.path, ...args]);

function json<T>(run: { code: number; stdout: string; stderr: string }): T {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

beforeAll(async () => {
  data = makeTempDir('courier-cli-programs-');
  // A0100001 Office, A0100002 Service packs (one after the other: IDs count up).
  expect((await courier('package', 'create', '--name', 'Office')).code).toBe(0);
  expect((await courier('package', 'create', '--name', 'Service packs')).code).toBe(0);
});
afterAll(() => data.remove());

describe('courier program', () => {
  it('creates a program that runs another first, lists, shows, renames the program it runs first, and deletes', async () => {
    json<ProgramDto>(await courier('program', 'create', 'A0100002', '--name', 'Install', '--command-line', 'sp1.exe /q', '--json'));
    const [created, device] = await Promise.all([
      courier(
        'program', 'create', 'A0100001', '--name', 'Per-system unattended', '--command-line', 'msiexec /i app.msi /q',
        '--can-run-when', 'whetherOrNot', '--run-mode', 'adminRights', '--platform', 'winxp-x86', '--platform', 'win7-x64',
        '--run-first', 'A0100002:Install', '--always-run-first', '--json',
      ),
      courier('program', 'create', 'a0100001', '--device', '--name', 'Mobile', '--command-line', 'app.cab', '--run-folder', '\\Apps', '--download-when', 'docked', '--json'),
    ]);
    expect(json<ProgramDto>(created)).toMatchObject({
      packageId: 'A0100001',
      kind: 'computer',
      name: 'Per-system unattended',
      anyPlatform: false,
      platforms: ['winxp-x86', 'win7-x64'],
      programFlags: 0x0010a080,
      dependentProgram: 'A0100002;;Install',
    });
    expect(json<ProgramDto>(device)).toMatchObject({ kind: 'device', runFrom: 'folder', runFolder: '\\Apps', programFlags: 0x2100, deviceFlags: 0x04000000 });

    const renamed = json<ProgramDto>(await courier('program', 'update', 'A0100002', 'install', '--name', 'Service Pack 1', '--json'));
    expect(renamed.name).toBe('Service Pack 1');

    const [list, shown] = await Promise.all([courier('program', 'list', 'A0100001', '--json'), courier('program', 'show', 'A0100001', 'per-system unattended')]);
    const programs = json<ProgramDto[]>(list);
    expect(programs.map((p) => [p.name, p.dependentProgram])).toEqual([
      ['Mobile', ''],
      ['Per-system unattended', 'A0100002;;Service Pack 1'],
    ]);
    expect(shown.stdout).toMatch(/Run first:\s+A0100002:Service Pack 1/);
    expect(shown.stdout).toMatch(/ProgramFlags:\s+0x0010A080/);

    const refused = await courier('program', 'delete', 'A0100002', 'Service Pack 1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^courier: Program A0100002:Service Pack 1 cannot be deleted: A0100001:Per-system unattended runs it first\. .*\n$/);

    expect(json<ProgramDeletedDto>(await courier('program', 'delete', 'A0100001', 'Per-system unattended', '--json'))).toEqual({
      packageId: 'A0100001',
      programName: 'Per-system unattended',
      deletedAdvertisements: [],
    });
  });

  it('refusals: exit 1 from the site, exit 2 from the command line, one line on stderr, {"error"} with --json, nothing created', async () => {
    const refusals = [
      { why: "the user's rights whether or not a user is logged on", args: ['--name', 'A', '--command-line', 'a', '--can-run-when', 'whetherOrNot'], code: 'VALIDATION_FAILED', exit: 1, flag: '--run-mode' },
      { why: 'a program to run first that does not exist', args: ['--name', 'B', '--command-line', 'b', '--run-first', 'A0100002:Nope'], code: 'VALIDATION_FAILED', exit: 1, flag: '--run-first' },
      { why: 'a number with letters', args: ['--name', 'C', '--command-line', 'c', '--estimated-disk-space', '5x'], code: 'VALIDATION_FAILED', exit: 2, flag: '' },
      { why: 'an unknown platform', args: ['--name', 'D', '--command-line', 'd', '--platform', 'win95'], code: 'VALIDATION_FAILED', exit: 2, flag: '' },
    ];
    const runs = await Promise.all(refusals.map(({ args }) => courier('program', 'create', 'A0100002', ...args, '--json')));
    runs.forEach((run, index) => {
      const { why, code, exit, flag } = refusals[index]!;
      expect(run.code, why).toBe(exit);
      expect(run.stderr, why).toMatch(/^courier: [^\n]+\n$/);
      expect(run.stderr, why).toContain(flag);
      expect(JSON.parse(run.stdout), why).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    });
    expect(json<ProgramDto[]>(await courier('program', 'list', 'A0100002', '--json')).map((p) => p.name)).toEqual(['Service Pack 1']);
  });
});

describe('courier access-account', () => {
  it('lists the defaults, adds a Windows group and a generic account, refuses a duplicate, updates and removes', async () => {
    const [windows, generic] = await Promise.all([
      courier('access-account', 'add', 'A0100001', '--windows', 'CONTOSO\\Sales', '--group', '--permission', 'change', '--json'),
      courier('access-account', 'add', 'A0100002', '--generic', 'Guests', '--permission', 'read', '--json'),
    ]);
    expect(json<AccessAccountDto>(windows)).toEqual({
      packageId: 'A0100001',
      accountName: 'CONTOSO\\Sales',
      kind: 'windows',
      accountType: 'group',
      permission: 'change',
      userName: 'CONTOSO\\Sales',
      access: 0x7f,
    });
    expect(json<AccessAccountDto>(generic)).toMatchObject({ userName: '["Display=Guests"]GENERIC:GROUP=Guests', access: 0x65 });

    const [duplicate, updated] = await Promise.all([
      courier('access-account', 'add', 'A0100001', '--windows', 'contoso\\sales', '--user', '--permission', 'read'),
      courier('access-account', 'update', 'A0100001', 'users', '--permission', 'noAccess', '--json'),
    ]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/^courier: Package A0100001 already has the access account CONTOSO\\Sales \(Change\); change its permission instead\. \(--windows\/--generic\)\n$/);
    expect(json<AccessAccountDto>(updated)).toMatchObject({ accountName: 'Users', permission: 'noAccess', access: 0 });

    const left = json<AccessAccountDto[]>(await courier('access-account', 'remove', 'A0100001', 'Administrators', '--json'));
    expect(left.map((a) => `${a.accountName}=${a.permission}`)).toEqual(['Users=noAccess', 'CONTOSO\\Sales=change']);
    const text = await courier('access-account', 'list', 'A0100002');
    expect(text.stdout).toMatch(/^Guests\s+generic\s+Read\s+0x65\s+\["Display=Guests"\]GENERIC:GROUP=Guests$/m);
  });
});

describe('command lines side by side', () => {
  it('all succeed: a write transaction waits for another instead of failing with "database is locked"', async () => {
    const pkg = json<{ packageId: string }>(await courier('package', 'create', '--name', 'Busy', '--json'));
    const names = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'];
    // Each create reads (package, name, program to run first) before it writes.
    const runs = await Promise.all(names.map((name) => courier('program', 'create', pkg.packageId, '--name', name, '--command-line', 'x', '--run-first', 'A0100002:Service Pack 1')));
    runs.forEach((run, index) => expect(run.stderr, names[index]).toBe(''));
    expect(json<ProgramDto[]>(await courier('program', 'list', pkg.packageId, '--json'))).toHaveLength(names.length);
  });
});
