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
  if (program.kind === 'device') {
    throw fail(`Program ${program.name} of ${program.packageId} is a program for devices; it is offered with an advertisement for devices, which Courier does not make yet.`, 'programName');
  }
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
