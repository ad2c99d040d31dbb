import { CourierError, maxAssignedSchedules } from '../../api';
import type { ProgramRecord } from '../../db/repositories/program-repository';
import { isMandatory } from '../../domain/advertisement-flags';
import { decodeScheduleToken } from '../../formats/schedule-token';
import { assignedTokensOf, momentOf, optionsOf, type AdvertisementSettings } from './advertisement-settings';

const fail = (message: string, field: string) => new CourierError('VALIDATION_FAILED', message, field);

/**
 * The rules of the New Advertisement Wizard and SMS_Advertisement beyond each field's own shape
 * (docs/advertisements.md#what-is-refused): times in order, readable schedules, and assignments
 * the program can honour.
 */
export function checkAdvertisementRules(s: AdvertisementSettings, program: ProgramRecord): void {
  if (s.expirationTimeEnabled) {
    if (s.expirationTime === null) throw fail('The advertisement expires, so it needs its expiration time.', 'expirationTime');
    if (s.presentTimeEnabled && momentOf(s.expirationTime, s.expirationTimeIsGmt) <= momentOf(s.presentTime, s.presentTimeIsGmt)) {
      throw fail(
        `The advertisement would expire (${s.expirationTime}${s.expirationTimeIsGmt ? ' UTC' : ''}) before it starts (${s.presentTime}${s.presentTimeIsGmt ? ' UTC' : ''}); the expiration time must be later.`,
        'expirationTime',
      );
    }
  }
  const tokens = assignedTokensOf(s.assignedSchedule);
  if (tokens.length > maxAssignedSchedules) throw fail(`An advertisement can have at most ${maxAssignedSchedules} assigned schedules; this one has ${tokens.length}.`, 'assignedSchedule');
  tokens.forEach((token, index) => {
    try {
      decodeScheduleToken(token);
    } catch (error) {
      throw fail(`Assigned schedule ${index + 1} (${token}): ${error instanceof Error ? error.message : String(error)}`, 'assignedSchedule');
    }
  });
  if (program.kind === 'device') {
    checkDeviceRules(s, program.name, program.packageId, tokens);
    return;
  }
  if (s.atLogoff && program.canRunWhen !== 'noUserLoggedOn') {
    throw fail(
      `Program ${program.name} of ${program.packageId} runs ${program.canRunWhen === 'userLoggedOn' ? 'only when a user is logged on' : 'whether or not a user is logged on'}; an assignment at logoff needs a program that runs only when no user is logged on.`,
      'atLogoff',
    );
  }
  // The wizard offers these three only once there is a mandatory assignment.
  if (!isMandatory(optionsOf(s))) {
    const extra = (['wakeOnLan', 'ignoreMaintenanceWindows', 'allowRestartOutsideMaintenanceWindows'] as const).find((key) => s[key]);
    if (extra) throw fail(`${extraLabels[extra]} applies to mandatory assignments only; add an assignment (as soon as possible, at logon, at logoff or a schedule) or leave it off.`, extra);
  }
}

const extraLabels = {
  wakeOnLan: 'Wake On LAN',
  ignoreMaintenanceWindows: 'Ignoring maintenance windows',
  allowRestartOutsideMaintenanceWindows: 'Allowing a restart outside maintenance windows',
} as const;

/**
 * New Advertisement For Device: a device program (SMS_Program WINDOWS_CE) is offered to devices,
 * which download it and run it; its Schedule page has available and expiry times and assignments
 * at a time, nothing else. Each computer-only option is refused by name.
 */
function checkDeviceRules(s: AdvertisementSettings, name: string, packageId: string, tokens: readonly string[]): void {
  const program = `Program ${name} of ${packageId} is a program for devices`;
  const refused = deviceOnlyChecks.find(([, isSet]) => isSet(s));
  if (refused) throw fail(`${program}; ${refused[2]}`, refused[0]);
  tokens.forEach((token, index) => {
    if (decodeScheduleToken(token).type !== 'nonRecurring') {
      throw fail(`${program}; an advertisement for devices is assigned at a time, without recurrence: assigned schedule ${index + 1} (${token}) recurs.`, 'assignedSchedule');
    }
  });
}

const deviceOnlyChecks: readonly (readonly [keyof AdvertisementSettings, (s: AdvertisementSettings) => boolean, string])[] = [
  ['asSoonAsPossible', (s) => s.asSoonAsPossible, 'an advertisement for devices has no "as soon as possible" assignment: give an assigned time.'],
  ['atLogon', (s) => s.atLogon, 'an advertisement for devices has no assignment at logon: give an assigned time.'],
  ['atLogoff', (s) => s.atLogoff, 'an advertisement for devices has no assignment at logoff: give an assigned time.'],
  ['wakeOnLan', (s) => s.wakeOnLan, 'Wake On LAN is for computers.'],
  ['ignoreMaintenanceWindows', (s) => s.ignoreMaintenanceWindows, 'maintenance windows apply to computers; leave "ignore maintenance windows" off.'],
  ['allowRestartOutsideMaintenanceWindows', (s) => s.allowRestartOutsideMaintenanceWindows, 'maintenance windows apply to computers; leave "allow system restart outside maintenance windows" off.'],
  ['fastNetwork', (s) => s.fastNetwork === 'runFromDp', 'a device downloads the program; it cannot run it from the distribution point.'],
  ['slowNetwork', (s) => s.slowNetwork === 'runFromDp', 'a device downloads the program; it cannot run it from the distribution point.'],
  ['allowFallbackToUnprotectedDps', (s) => s.allowFallbackToUnprotectedDps, 'fallback to unprotected distribution points is for computers.'],
  ['displayReminders', (s) => s.displayReminders, 'reminders are shown by the computer client agent; leave them off.'],
];
