import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  afterRunningActions,
  assignmentModes,
  canRunWhenModes,
  computerProgramIssues,
  computerProgramDefaults,
  DeviceFlags,
  deviceDownloadModes,
  driveModes,
  ProgramFlags,
  programRightsModes,
  programRunModes,
  type ComputerProgramSettings,
  type ProgramDto,
} from '../api';
import { createCore, type Core } from '../core';

/**
 * ProgramFlags through the real core: every combination of settings the wizard allows is
 * created, read back, and each bit is checked on its own against the suite's meaning
 * (SMS_Program.ProgramFlags, docs/formats.md#program-flags), then decoded back into the settings it came from.
 */
let dataDir: string;
let core: Core;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'courier-flags-'));
  core = createCore({ dataDir: join(dataDir, 'site'), now: () => new Date('2026-11-26T09:00:00Z') });
  await core.client['packages:create']({ name: 'Flags' });
  await core.client['packages:create']({ name: 'Prerequisites' });
  await core.client['programs:create']({ packageId: 'A0100002', program: { name: 'Service pack', commandLine: 'sp.exe /q' } });
});
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Settings = Omit<ComputerProgramSettings, 'name' | 'commandLine'>;

/** Each bit and when the suite sets it, written from the table, not from programFlagsOf. */
const bitRules: readonly (readonly [keyof typeof ProgramFlags, (s: Settings) => boolean])[] = [
  ['AUTHORIZED_DYNAMIC_INSTALL', (s) => s.allowTaskSequenceInstall],
  ['DISABLEMOMALERTONRUNNING', (s) => s.disableMomAlerts],
  ['MOMALERTONFAIL', (s) => s.generateMomAlertOnFailure],
  ['RUN_DEPENDANT_ALWAYS', (s) => s.alwaysRunDependent],
  ['WINDOWS_CE', () => false],
  ['COUNTDOWN', (s) => s.suppressNotifications],
  ['DISABLED', (s) => s.disabled],
  ['UNATTENDED', (s) => !s.allowUserInteraction],
  ['USERCONTEXT', (s) => s.canRunWhen === 'userLoggedOn'],
  ['ADMINRIGHTS', (s) => s.runMode === 'adminRights'],
  ['EVERYUSER', (s) => s.assignment === 'oncePerUser'],
  ['NOUSERLOGGEDIN', (s) => s.canRunWhen === 'noUserLoggedOn'],
  ['OKTOQUIT', (s) => s.afterRunning === 'programRestarts'],
  ['OKTOREBOOT', (s) => s.afterRunning === 'configMgrRestarts'],
  ['USEUNCPATH', (s) => s.driveMode === 'unc'],
  ['PERSISTCONNECTION', (s) => s.reconnectAtLogon],
  ['RUNMINIMIZED', (s) => s.run === 'minimized'],
  ['RUNMAXIMIZED', (s) => s.run === 'maximized'],
  ['HIDEWINDOW', (s) => s.run === 'hidden'],
  ['OKTOLOGOFF', (s) => s.afterRunning === 'configMgrLogsOff'],
  ['RUNACCOUNT', (s) => s.useInstallAccount],
  ['ANY_PLATFORM', (s) => s.anyPlatform],
  ['SUPPORT_UNINSTALL', () => false],
];

const knownBits = Object.values(ProgramFlags).reduce((all, bit) => all | bit, 0);

/** Back from the number to the settings it encodes (what a tool reading SMS_Program would do). */
function decode(flags: number) {
  const has = (bit: number) => (flags & bit) !== 0;
  const F = ProgramFlags;
  return {
    canRunWhen: has(F.USERCONTEXT) ? 'userLoggedOn' : has(F.NOUSERLOGGEDIN) ? 'noUserLoggedOn' : 'whetherOrNot',
    runMode: has(F.ADMINRIGHTS) ? 'adminRights' : 'userRights',
    assignment: has(F.EVERYUSER) ? 'oncePerUser' : 'oncePerComputer',
    run: has(F.RUNMINIMIZED) ? 'minimized' : has(F.RUNMAXIMIZED) ? 'maximized' : has(F.HIDEWINDOW) ? 'hidden' : 'normal',
    afterRunning: has(F.OKTOQUIT) ? 'programRestarts' : has(F.OKTOREBOOT) ? 'configMgrRestarts' : has(F.OKTOLOGOFF) ? 'configMgrLogsOff' : 'noAction',
    usesUnc: has(F.USEUNCPATH),
    useInstallAccount: has(F.RUNACCOUNT),
    allowUserInteraction: !has(F.UNATTENDED),
    reconnectAtLogon: has(F.PERSISTCONNECTION),
  };
}

function checkBits(settings: Settings, flags: number, label: string): void {
  expect(flags & ~knownBits, `${label}: unknown bits`).toBe(0);
  for (const [name, rule] of bitRules) {
    expect((flags & ProgramFlags[name]) !== 0, `${label}: ${name}`).toBe(rule(settings));
  }
}

let counter = 0;
async function roundTrip(settings: Settings): Promise<{ ok: true; program: ProgramDto } | { ok: false; code: string; field: string | undefined }> {
  counter += 1;
  const result = await core.client['programs:create']({ packageId: 'A0100001', program: { ...settings, name: `P${counter}`, commandLine: 'setup.exe' } });
  return result.ok ? { ok: true, program: result.value } : { ok: false, code: result.error.code, field: result.error.field };
}

function* product<T extends Record<string, readonly unknown[]>>(dims: T): Generator<{ [K in keyof T]: T[K][number] }> {
  const keys = Object.keys(dims);
  const walk = function* (index: number, acc: Record<string, unknown>): Generator<Record<string, unknown>> {
    if (index === keys.length) {
      yield { ...acc };
      return;
    }
    const key = keys[index]!;
    for (const value of dims[key]!) yield* walk(index + 1, { ...acc, [key]: value });
  };
  yield* walk(0, {}) as Generator<{ [K in keyof T]: T[K][number] }>;
}

describe('ProgramFlags for every combination the wizard allows', () => {
  it('environment, run and restart settings: valid ones round-trip bit by bit, the others are refused', async () => {
    let valid = 0;
    let refused = 0;
    for (const combo of product({
      canRunWhen: canRunWhenModes,
      runMode: programRightsModes,
      assignment: assignmentModes,
      run: programRunModes,
      afterRunning: afterRunningActions,
      driveMode: driveModes,
      useInstallAccount: [false, true],
      allowUserInteraction: [false, true],
      reconnectAtLogon: [false, true],
    })) {
      const settings: Settings = { ...computerProgramDefaults, ...combo, driveLetter: combo.driveMode === 'specificDriveLetter' ? 'K' : '' };
      const label = JSON.stringify(combo);
      const issues = computerProgramIssues({ ...settings, name: 'x', commandLine: 'x' });
      const result = await roundTrip(settings);
      if (issues.length > 0) {
        refused += 1;
        expect(result, label).toEqual({ ok: false, code: 'VALIDATION_FAILED', field: issues[0]!.path[0] });
        continue;
      }
      valid += 1;
      if (!result.ok) throw new Error(`${label} was refused`);
      checkBits(settings, result.program.programFlags, label);
      expect(decode(result.program.programFlags), label).toEqual({
        canRunWhen: combo.canRunWhen,
        runMode: combo.runMode,
        assignment: combo.assignment,
        run: combo.run,
        afterRunning: combo.afterRunning,
        usesUnc: combo.driveMode === 'unc',
        useInstallAccount: combo.useInstallAccount,
        allowUserInteraction: combo.allowUserInteraction,
        reconnectAtLogon: combo.reconnectAtLogon,
      });
    }
    // 10 valid environment combinations × 4 run × 4 after-running × 2 interaction × 5 drive settings.
    expect(valid).toBe(1600);
    expect(refused).toBe(4608 - 1600);
    // 4,608 real creates, each a transaction with its wake-up file: seconds alone, much longer on a loaded machine.
  }, 180_000);

  it('advanced, platform and MOM settings: each bit on its own', async () => {
    let valid = 0;
    for (const combo of product({
      disabled: [false, true],
      suppressNotifications: [false, true],
      allowTaskSequenceInstall: [false, true],
      anyPlatform: [true, false],
      alwaysRunDependent: [false, true],
      disableMomAlerts: [false, true],
      generateMomAlertOnFailure: [false, true],
    })) {
      const settings: Settings = {
        ...computerProgramDefaults,
        ...combo,
        platforms: combo.anyPlatform ? [] : ['winxp-x86', 'win7-x64'],
        runFirst: combo.alwaysRunDependent ? { packageId: 'A0100002', programName: 'Service pack' } : null,
      };
      const label = JSON.stringify(combo);
      const result = await roundTrip(settings);
      if (combo.generateMomAlertOnFailure && !combo.disableMomAlerts) {
        expect(result, label).toMatchObject({ ok: false, field: 'generateMomAlertOnFailure' });
        continue;
      }
      valid += 1;
      if (!result.ok) throw new Error(`${label} was refused`);
      checkBits(settings, result.program.programFlags, label);
    }
    expect(valid).toBe(96);
  });
});

describe('ProgramFlags: exact numbers', () => {
  async function flagsOf(settings: Partial<Settings>): Promise<number> {
    const result = await roundTrip({ ...computerProgramDefaults, ...settings });
    if (!result.ok) throw new Error(`refused: ${result.field}`);
    return result.program.programFlags;
  }
  const F = ProgramFlags;

  it('a new program with the defaults: USERCONTEXT|UNATTENDED|USEUNCPATH|ANY_PLATFORM', async () => {
    expect(await flagsOf({})).toBe(F.USERCONTEXT | F.UNATTENDED | F.USEUNCPATH | F.ANY_PLATFORM);
    expect(await flagsOf({})).toBe(0x08106000);
  });

  it("the suite's SMS_Program default (once per user, listed platforms) is 0x00116000", async () => {
    expect(await flagsOf({ assignment: 'oncePerUser', anyPlatform: false, platforms: ['win7-x64'] })).toBe(0x00116000);
  });

  it('per-system unattended with a program to run first, always', async () => {
    const flags = await flagsOf({
      canRunWhen: 'whetherOrNot',
      runMode: 'adminRights',
      anyPlatform: false,
      platforms: ['winxp-x86', 'win7-x64'],
      runFirst: { packageId: 'A0100002', programName: 'Service pack' },
      alwaysRunDependent: true,
    });
    expect(flags).toBe(F.UNATTENDED | F.ADMINRIGHTS | F.USEUNCPATH | F.RUN_DEPENDANT_ALWAYS);
    expect(flags).toBe(0x0010a080);
  });

  it('no user logged on, hidden, ConfigMgr restarts, drive letter K reconnected at logon', async () => {
    expect(
      await flagsOf({ canRunWhen: 'noUserLoggedOn', runMode: 'adminRights', run: 'hidden', afterRunning: 'configMgrRestarts', driveMode: 'specificDriveLetter', driveLetter: 'k', reconnectAtLogon: true }),
    ).toBe(F.NOUSERLOGGEDIN | F.ADMINRIGHTS | F.HIDEWINDOW | F.OKTOREBOOT | F.PERSISTCONNECTION | F.UNATTENDED | F.ANY_PLATFORM);
  });

  it('programs for devices: WINDOWS_CE|UNATTENDED, and DeviceFlags from "Download program"', async () => {
    const expected = { anyTime: DeviceFlags.ALWAYS_ASSIGN, fastNetwork: DeviceFlags.HIGH_BANDWIDTH, docked: DeviceFlags.DOCKED };
    for (const downloadWhen of deviceDownloadModes) {
      const result = await core.client['programs:create-device']({ packageId: 'A0100001', program: { name: `Device ${downloadWhen}`, commandLine: 'app.cab', downloadWhen } });
      expect(result).toMatchObject({ ok: true, value: { kind: 'device', programFlags: 0x2100, deviceFlags: expected[downloadWhen], dependentProgram: '' } });
    }
  });
});
