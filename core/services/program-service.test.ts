import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgramChangedEvent, ProgramDto, RequestOf } from '../api';
import { createCore, type Core } from '../core';

let dataDir: string;
let core: Core;
let clock = new Date('2026-11-26T09:00:00Z');

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'courier-programs-'));
  clock = new Date('2026-11-26T09:00:00Z');
  core = createCore({ dataDir: join(dataDir, 'site'), now: () => clock });
  // A0100001 Office, A0100002 Service packs, A0100003 Tools
  for (const name of ['Office', 'Service packs', 'Tools']) await core.client['packages:create']({ name });
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function ok<T>(pending: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function create(packageId: string, program: RequestOf<'programs:create'>['program']): Promise<ProgramDto> {
  return ok(core.client['programs:create']({ packageId, program }));
}

const runFirst = (packageId: string, programName: string) => ({ runFirst: { packageId, programName } });

async function names(packageId: string): Promise<string[]> {
  return (await ok(core.client['programs:list']({ packageId }))).map((p) => p.name);
}

const pkn = (packageId: string) => join(core.site.siteRoot, 'SMS', 'Inboxes', 'Distmgr.box', `${packageId}.PKN`);

describe('programs', () => {
  it('creates a program with the wizard defaults and the suite fields, lists it by name and finds it case-insensitively', async () => {
    const program = await create('a0100001', { name: ' Typical ', commandLine: 'setup.exe /q', estimatedDiskSpace: 38 });
    expect(program).toMatchObject({
      packageId: 'A0100001',
      kind: 'computer',
      name: 'Typical',
      commandLine: 'setup.exe /q',
      diskSpaceUnit: 'MB',
      diskSpaceReq: '38 MB',
      canRunWhen: 'userLoggedOn',
      runMode: 'userRights',
      anyPlatform: true,
      platforms: [],
      runFirst: null,
      dependentProgram: '',
      programFlags: 0x08106000,
      createdAt: '2026-11-26T09:00:00.000Z',
      lastModified: '2026-11-26T09:00:00.000Z',
    });
    await create('A0100001', { name: 'Custom', commandLine: 'setup.exe' });
    expect(await names('A0100001')).toEqual(['Custom', 'Typical']);
    expect(await core.client['programs:get']({ packageId: 'A0100001', programName: 'TYPICAL' })).toEqual({ ok: true, value: program });
    expect(await names('A0100002')).toEqual([]);
  });

  it('keeps programs across a restart of the core', async () => {
    const program = await create('A0100001', {
      name: 'Unattended',
      commandLine: 'msiexec /i app.msi /q',
      canRunWhen: 'whetherOrNot',
      runMode: 'adminRights',
      anyPlatform: false,
      platforms: ['winxp-x86', 'win7-x64'],
      msiFilePath: 'app.msi',
      msiProductCode: '{12345678-1234-1234-1234-123456789012}',
      maximumRunTime: 120,
    });
    const device = await ok(core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'Mobile', commandLine: 'app.cab', runFrom: 'folder', runFolder: '\\Program Files\\App' } }));
    core.close();
    core = createCore({ dataDir: join(dataDir, 'site'), now: () => clock });
    expect(await ok(core.client['programs:list']({ packageId: 'A0100001' }))).toEqual([device, program]);
  });

  it('answers NOT_FOUND for a missing package or program', async () => {
    expect(await core.client['programs:list']({ packageId: 'A01FFFFF' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'packageId' } });
    expect(await core.client['programs:create']({ packageId: 'A01FFFFF', program: { name: 'X', commandLine: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.client['programs:get']({ packageId: 'A0100001', programName: 'Nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'programName', message: 'Package A0100001 has no program "Nope".' },
    });
  });

  it('a program name is unique in its package, whatever its case, and may repeat in another package', async () => {
    await create('A0100001', { name: 'Install', commandLine: 'setup.exe' });
    expect(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'INSTALL', commandLine: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'name', message: expect.stringMatching(/already has a program named "Install"/) },
    });
    expect(await core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'install', commandLine: 'x' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await create('A0100002', { name: 'Install', commandLine: 'setup.exe' });
    await create('A0100001', { name: 'Other', commandLine: 'x' });
    expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Other', changes: { name: 'install' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    // A change of case only is a rename of the program itself.
    expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { name: 'INSTALL' } })).toMatchObject({ ok: true, value: { name: 'INSTALL' } });
  });

  it('updates the settings given, refuses the other kind’s fields, and leaves an unchanged program alone', async () => {
    const program = await create('A0100001', { name: 'Install', commandLine: 'setup.exe' });
    clock = new Date('2026-11-27T09:00:00Z');
    const updated = await ok(core.client['programs:update']({ packageId: 'A0100001', programName: 'install', changes: { run: 'hidden', comment: 'Silent' } }));
    expect(updated).toMatchObject({ run: 'hidden', comment: 'Silent', programFlags: program.programFlags | 0x01000000, createdAt: program.createdAt, lastModified: '2026-11-27T09:00:00.000Z' });
    expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { downloadFolder: '\\Temp\\', runFrom: 'folder' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'downloadFolder', issues: [{ field: 'downloadFolder' }, { field: 'runFrom' }] },
    });
    await ok(core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'Mobile', commandLine: 'app.cab' } }));
    expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Mobile', changes: runFirst('A0100001', 'Install') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'runFirst', message: expect.stringMatching(/programs for computers; A0100001:Mobile is a program for devices/) },
    });
    clock = new Date('2026-11-28T09:00:00Z');
    expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { run: 'hidden' } })).toEqual({ ok: true, value: updated });
  });

  it('names the setting, without the request wrapper, in schema errors of create and update', async () => {
    expect(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'X', commandLine: 'x', maximumRunTime: 721 } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'maximumRunTime', message: 'Maximum allowed run time is 1 to 720 minutes.' },
    });
    await create('A0100001', { name: 'Install', commandLine: 'setup.exe' });
    expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { platforms: ['win95'] } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'platforms.0' },
    });
  });

  it('wakes Distribution Manager with the package .PKN file, tells listeners (with the old name on a rename) and writes the provider log', async () => {
    unlinkSync(pkn('A0100001'));
    const seen: ProgramChangedEvent[] = [];
    core.on('programs:changed', (event) => seen.push(event));
    await create('A0100001', { name: 'Install', commandLine: 'setup.exe' });
    expect(existsSync(pkn('A0100001'))).toBe(true);
    await ok(core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { name: 'Typical' } }));
    await ok(core.client['programs:delete']({ packageId: 'A0100001', programName: 'Typical' }));
    expect(seen.map((e) => [e.change, e.packageId, e.programName, e.program?.name ?? null, e.previousName])).toEqual([
      ['created', 'A0100001', 'Install', 'Install', undefined],
      ['updated', 'A0100001', 'Typical', 'Typical', 'Install'],
      ['deleted', 'A0100001', 'Typical', null, undefined],
    ]);
    const log = readFileSync(join(core.site.siteRoot, 'SMS', 'Logs', 'smsprov.log'), 'utf8');
    expect(log).toMatch(/Created program "Install" of package A0100001\./);
    expect(log).toMatch(/Modified program "Typical" of package A0100001 \(renamed from "Install"\) \(name\)\./);
    expect(log).toMatch(/Deleted program "Typical" of package A0100001\./);
  });

  it('deletes a program; its advertisements (none yet) are reported', async () => {
    await create('A0100001', { name: 'Install', commandLine: 'setup.exe' });
    expect(await core.client['programs:delete']({ packageId: 'A0100001', programName: 'install', deleteAdvertisements: true })).toEqual({
      ok: true,
      value: { packageId: 'A0100001', programName: 'Install', deletedAdvertisements: [] },
    });
    expect(await names('A0100001')).toEqual([]);
    expect(await core.client['programs:delete']({ packageId: 'A0100001', programName: 'Install' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe("the New Program Wizard's rules", () => {
  it("runs with the user's rights only when a user is logged on", async () => {
    expect(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'X', commandLine: 'x', canRunWhen: 'whetherOrNot' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'runMode', message: "A program can run with the user's rights only when it runs only when a user is logged on." },
    });
    await create('A0100001', { name: 'Install', commandLine: 'x' });
    expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { canRunWhen: 'noUserLoggedOn' } })).toMatchObject({
      ok: false,
      error: { field: 'runMode' },
    });
    expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { canRunWhen: 'noUserLoggedOn', runMode: 'adminRights' } })).toMatchObject({
      ok: true,
      value: { canRunWhen: 'noUserLoggedOn', runMode: 'adminRights' },
    });
  });

  it('runs once for every user only when a user is logged on', async () => {
    expect(
      await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'X', commandLine: 'x', canRunWhen: 'whetherOrNot', runMode: 'adminRights', assignment: 'oncePerUser' } }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'assignment', message: expect.stringMatching(/Only when a user is logged on/) } });
    expect(await create('A0100001', { name: 'Y', commandLine: 'x', assignment: 'oncePerUser' })).toMatchObject({ assignment: 'oncePerUser' });
  });

  describe('run another program first', () => {
    it('points at a program in the same or another package, in the suite form', async () => {
      await create('A0100002', { name: 'SP1', commandLine: 'sp1.exe' });
      await create('A0100001', { name: 'Patch', commandLine: 'patch.exe' });
      expect(await create('A0100001', { name: 'Install', commandLine: 'setup.exe', ...runFirst('a0100002', 'sp1'), alwaysRunDependent: true })).toMatchObject({
        runFirst: { packageId: 'A0100002', programName: 'SP1' },
        dependentProgram: 'A0100002;;SP1',
        alwaysRunDependent: true,
      });
      expect(await create('A0100001', { name: 'Typical', commandLine: 'setup.exe', ...runFirst('A0100001', 'Patch') })).toMatchObject({ dependentProgram: ';;Patch' });
      const cleared = await ok(core.client['programs:update']({ packageId: 'A0100001', programName: 'Typical', changes: { runFirst: null } }));
      expect(cleared).toMatchObject({ runFirst: null, dependentProgram: '' });
    });

    it('refuses a program or package that does not exist, naming them', async () => {
      expect(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'X', commandLine: 'x', ...runFirst('A0100002', 'SP9') } })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', field: 'runFirst', message: 'Package Service packs (A0100002) has no program "SP9" to run first.' },
      });
      expect(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'X', commandLine: 'x', ...runFirst('A01000FF', 'SP1') } })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', field: 'runFirst', message: expect.stringMatching(/no package A01000FF .*"SP1"/) },
      });
      expect(await names('A0100001')).toEqual([]);
    });

    it('refuses the program itself', async () => {
      expect(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'X', commandLine: 'x', ...runFirst('A0100001', 'x') } })).toMatchObject({
        ok: false,
        error: { field: 'runFirst', message: 'Program A0100001:X cannot run itself first.' },
      });
      await create('A0100001', { name: 'Y', commandLine: 'y' });
      expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Y', changes: runFirst('A0100001', 'Y') })).toMatchObject({
        ok: false,
        error: { field: 'runFirst' },
      });
    });

    it('refuses a loop across packages, A → B → A, and a longer one, naming the chain', async () => {
      await create('A0100001', { name: 'A', commandLine: 'a' });
      await create('A0100002', { name: 'B', commandLine: 'b', ...runFirst('A0100001', 'A') });
      expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'A', changes: runFirst('A0100002', 'B') })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', field: 'runFirst', message: expect.stringContaining('would make a loop: A0100001:A → A0100002:B → A0100001:A.') },
      });
      await create('A0100003', { name: 'C', commandLine: 'c', ...runFirst('A0100002', 'B') });
      expect(await core.client['programs:update']({ packageId: 'A0100001', programName: 'A', changes: runFirst('A0100003', 'C') })).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('A0100001:A → A0100003:C → A0100002:B → A0100001:A.') },
      });
      expect(await ok(core.client['programs:get']({ packageId: 'A0100001', programName: 'A' }))).toMatchObject({ runFirst: null });
    });

    it('refuses a program for devices as the program to run first', async () => {
      await ok(core.client['programs:create-device']({ packageId: 'A0100002', program: { name: 'Mobile', commandLine: 'app.cab' } }));
      expect(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'X', commandLine: 'x', ...runFirst('A0100002', 'Mobile') } })).toMatchObject({
        ok: false,
        error: { field: 'runFirst', message: expect.stringMatching(/A0100002:Mobile is a program for devices/) },
      });
    });

    it('needs a program to run first for "always run this program first"', async () => {
      expect(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'X', commandLine: 'x', alwaysRunDependent: true } })).toMatchObject({
        ok: false,
        error: { field: 'alwaysRunDependent' },
      });
    });

    it('a rename keeps the programs that run it first pointing at it', async () => {
      await create('A0100002', { name: 'SP1', commandLine: 'sp1.exe' });
      await create('A0100001', { name: 'Install', commandLine: 'setup.exe', ...runFirst('A0100002', 'SP1') });
      await create('A0100002', { name: 'Setup', commandLine: 'setup.exe', ...runFirst('A0100002', 'SP1') });
      await ok(core.client['programs:update']({ packageId: 'A0100002', programName: 'SP1', changes: { name: 'Service Pack 1' } }));
      expect(await ok(core.client['programs:get']({ packageId: 'A0100001', programName: 'Install' }))).toMatchObject({
        runFirst: { packageId: 'A0100002', programName: 'Service Pack 1' },
        dependentProgram: 'A0100002;;Service Pack 1',
      });
      expect(await ok(core.client['programs:get']({ packageId: 'A0100002', programName: 'Setup' }))).toMatchObject({ dependentProgram: ';;Service Pack 1' });
    });

    it('refuses to delete a program that others run first, naming them, until they change', async () => {
      await create('A0100002', { name: 'SP1', commandLine: 'sp1.exe' });
      await create('A0100001', { name: 'Install', commandLine: 'setup.exe', ...runFirst('A0100002', 'SP1') });
      await create('A0100003', { name: 'Tools', commandLine: 'tools.exe', ...runFirst('A0100002', 'SP1') });
      expect(await core.client['programs:delete']({ packageId: 'A0100002', programName: 'SP1' })).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'Program A0100002:SP1 cannot be deleted: A0100001:Install, A0100003:Tools run it first. Change "Run another program first" on those programs (or delete them) first.',
        },
      });
      await ok(core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { runFirst: null } }));
      await ok(core.client['programs:delete']({ packageId: 'A0100003', programName: 'Tools' }));
      expect(await core.client['programs:delete']({ packageId: 'A0100002', programName: 'SP1' })).toMatchObject({ ok: true });
    });

    it('refuses to delete a package while a program in another package runs one of its programs first', async () => {
      await create('A0100002', { name: 'SP1', commandLine: 'sp1.exe' });
      await create('A0100001', { name: 'Install', commandLine: 'setup.exe', ...runFirst('A0100002', 'SP1') });
      expect(await core.client['packages:delete']({ packageId: 'A0100002' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', field: 'packageId', message: expect.stringContaining('A0100001:Install runs A0100002:SP1 first') },
      });
      expect(await names('A0100002')).toEqual(['SP1']);
      // The dependent's own package goes, with its programs.
      expect(await core.client['packages:delete']({ packageId: 'A0100001' })).toMatchObject({ ok: true });
      expect(await core.client['packages:delete']({ packageId: 'A0100002' })).toMatchObject({ ok: true });
    });

    it('deletes a package whose programs run each other first, with all its programs', async () => {
      await create('A0100001', { name: 'Patch', commandLine: 'patch.exe' });
      await create('A0100001', { name: 'Install', commandLine: 'setup.exe', ...runFirst('A0100001', 'Patch') });
      await ok(core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'Mobile', commandLine: 'app.cab' } }));
      expect(await core.client['packages:delete']({ packageId: 'A0100001' })).toMatchObject({ ok: true });
      expect(await core.client['programs:list']({ packageId: 'A0100001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
});

describe('programs for devices', () => {
  it('create with the defaults, run from a folder, and refuse the computer settings', async () => {
    expect(await ok(core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'Mobile', commandLine: 'app.cab' } }))).toMatchObject({
      kind: 'device',
      downloadFolder: '\\Temp\\',
      runFrom: 'downloadFolder',
      runFolder: '',
      downloadWhen: 'anyTime',
      diskSpaceUnit: 'KB',
      deviceFlags: 0x01000000,
    });
    expect(await core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'B', commandLine: 'b.cab', runFrom: 'folder' } })).toMatchObject({
      ok: false,
      error: { field: 'runFolder' },
    });
    expect(await core.client['programs:create-device']({ packageId: 'A0100001', program: { name: 'B', commandLine: 'b.cab', run: 'hidden' } as never })).toMatchObject({
      ok: false,
      // Unknown keys keep the wrapper in their path (core/services/validation.ts strips it only below the wrapper).
      error: { code: 'VALIDATION_FAILED', field: 'run', message: 'Unknown field "run".' },
    });
    const moved = await ok(core.client['programs:update']({ packageId: 'A0100001', programName: 'Mobile', changes: { runFrom: 'folder', runFolder: '\\Apps', downloadWhen: 'docked' } }));
    expect(moved).toMatchObject({ runFrom: 'folder', runFolder: '\\Apps', deviceFlags: 0x04000000, programFlags: 0x2100 });
  });
});

describe('bad program input changes nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty name', { name: ' ', commandLine: 'x' }, 'name'],
    ['a name over 50 characters', { name: 'n'.repeat(51), commandLine: 'x' }, 'name'],
    ['a command line over 127 characters', { name: 'A', commandLine: 'c'.repeat(128) }, 'commandLine'],
    ['an unknown platform', { name: 'A', commandLine: 'x', anyPlatform: false, platforms: ['win95'] }, 'platforms.0'],
    ['platforms with "any platform"', { name: 'A', commandLine: 'x', platforms: ['win7-x64'] }, 'platforms'],
    ['no platform without "any platform"', { name: 'A', commandLine: 'x', anyPlatform: false }, 'platforms'],
    ['a platform twice', { name: 'A', commandLine: 'x', anyPlatform: false, platforms: ['win7-x64', 'win7-x64'] }, 'platforms'],
    ['a drive letter with UNC', { name: 'A', commandLine: 'x', driveLetter: 'K' }, 'driveLetter'],
    ['a specific drive without a letter', { name: 'A', commandLine: 'x', driveMode: 'specificDriveLetter' }, 'driveLetter'],
    ['a bad drive letter', { name: 'A', commandLine: 'x', driveMode: 'specificDriveLetter', driveLetter: '1' }, 'driveLetter'],
    ['the install account with user rights', { name: 'A', commandLine: 'x', useInstallAccount: true }, 'useInstallAccount'],
    ['a bad product code', { name: 'A', commandLine: 'x', msiFilePath: 'a.msi', msiProductCode: '1234' }, 'msiProductCode'],
    ['a product code without its file', { name: 'A', commandLine: 'x', msiProductCode: '{12345678-1234-1234-1234-123456789012}' }, 'msiFilePath'],
    ['a MOM alert without disabling alerts', { name: 'A', commandLine: 'x', generateMomAlertOnFailure: true }, 'generateMomAlertOnFailure'],
    ['a fractional disk space', { name: 'A', commandLine: 'x', estimatedDiskSpace: 1.5 }, 'estimatedDiskSpace'],
    ['an unknown field', { name: 'A', commandLine: 'x', colour: 'red' }, 'colour'],
  ];

  it.each(cases)('%s', async (_why, program, field) => {
    const seen: unknown[] = [];
    core.on('programs:changed', (event) => seen.push(event));
    const result = await core.invoke('programs:create', { packageId: 'A0100001', program });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field } });
    expect(await names('A0100001')).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('a refused update leaves the program as it was', async () => {
    const program = await create('A0100001', { name: 'Install', commandLine: 'setup.exe' });
    clock = new Date('2026-12-01T00:00:00Z');
    const refused = await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { name: 'Renamed', canRunWhen: 'whetherOrNot' } });
    expect(refused).toMatchObject({ ok: false, error: { field: 'runMode' } });
    expect(await core.client['programs:get']({ packageId: 'A0100001', programName: 'Install' })).toEqual({ ok: true, value: program });
  });
});
