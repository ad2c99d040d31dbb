import { InvalidArgumentError, Option, type Command } from 'commander';
import type { AdvertisementChanges } from '../api';
import { parseWholeNumber } from './parse-integer';

type Changes = { -readonly [K in keyof AdvertisementChanges]: AdvertisementChanges[K] };

/** An on/off setting: `--flag` turns it on, `--no-flag` off; neither leaves it as it is (or the wizard's default). */
const switches = [
  ['subcollections', 'includeSubcollections', 'include the members of subcollections (the default)'],
  ['available-utc', 'presentTimeIsGmt', 'the start time is UTC, the same moment everywhere, not each client\'s local time'],
  ['expires-utc', 'expirationTimeIsGmt', 'the expiration time is UTC'],
  ['wake-on-lan', 'wakeOnLan', 'wake clients for the assignment (mandatory assignments only)'],
  ['ignore-maintenance-windows', 'ignoreMaintenanceWindows', 'run the program outside maintenance windows (mandatory assignments only)'],
  ['allow-restart-outside-windows', 'allowRestartOutsideMaintenanceWindows', 'allow a system restart outside maintenance windows (mandatory assignments only)'],
  ['allow-fallback', 'allowFallbackToUnprotectedDps', 'allow clients to fall back to unprotected distribution points'],
  ['allow-users-run-independently', 'allowUsersToRunIndependently', 'users may run the program before its assignment (the default)'],
  ['reminders', 'displayReminders', 'display reminders at the client agent\'s intervals'],
] as const;

/** A choice: the CLI's kebab-case word → the contract's value. */
const choices = {
  priority: { field: 'priority', values: { low: 'low', medium: 'medium', high: 'high' }, description: 'priority when sent to child sites (default medium)' },
  rerun: { field: 'rerun', values: { never: 'never', always: 'always', 'if-failed': 'ifFailed', 'if-succeeded': 'ifSucceeded' }, description: 'program rerun behavior (default never)' },
  fastNetwork: {
    field: 'fastNetwork',
    values: { download: 'download', 'run-from-dp': 'runFromDp' },
    description: 'on a fast (LAN) boundary: download then run (default), or run from the DP',
  },
  slowNetwork: {
    field: 'slowNetwork',
    values: { 'do-not-run': 'doNotRun', download: 'download', 'run-from-dp': 'runFromDp' },
    description: 'on a slow or unreliable boundary: do not run (default), download then run, or run from the DP',
  },
} as const;
const choiceFlags = { priority: 'priority', rerun: 'rerun', fastNetwork: 'fast-network', slowNetwork: 'slow-network' } as const;

/** The assignments of `--mandatory`: events and schedule tokens. */
export interface Assignments {
  readonly asSoonAsPossible: boolean;
  readonly atLogon: boolean;
  readonly atLogoff: boolean;
  readonly tokens: readonly string[];
}

/** `--mandatory asap|logon|logoff|TOKEN`, repeatable: one assignment each. */
export function parseAssignment(text: string, previous: Assignments = { asSoonAsPossible: false, atLogon: false, atLogoff: false, tokens: [] }): Assignments {
  const word = text.trim().toLowerCase();
  if (word === 'asap') return { ...previous, asSoonAsPossible: true };
  if (word === 'logon') return { ...previous, atLogon: true };
  if (word === 'logoff') return { ...previous, atLogoff: true };
  if (/^([0-9a-f]{16})+$/.test(word)) return { ...previous, tokens: [...previous.tokens, word.toUpperCase()] };
  throw new InvalidArgumentError('An assignment is asap, logon, logoff or a schedule token of 16 hex digits (courier schedule encode makes one), for example 00012CC0001A2000.');
}

/** The wizard's fields as options of `advertisement create` and `update`. */
export function addAdvertisementOptions(command: Command, update: boolean): Command {
  command
    .option('--comment <text>', 'up to 127 characters')
    .option('--available <time>', 'the start time, YYYY-MM-DDTHH:MM (default: now)')
    .option('--expires <time>', 'it expires at this time, YYYY-MM-DDTHH:MM');
  if (update) command.option('--no-expires', 'it does not expire');
  command
    .option('--mandatory <assignment>', 'a mandatory assignment: asap, logon, logoff or a schedule token (repeat for more; replaces all on update)', parseAssignment)
    .option('--no-mandatory', 'no mandatory assignments')
    .option('--countdown-minutes <minutes>', 'countdown before an assigned program runs; 0 uses the client agent\'s', parseWholeNumber);
  for (const [flag, , description] of switches) command.option(`--${flag}`, description).option(`--no-${flag}`, `the opposite of --${flag}`);
  for (const [key, choice] of Object.entries(choices)) {
    command.addOption(new Option(`--${choiceFlags[key as keyof typeof choices]} <choice>`, choice.description).choices(Object.keys(choice.values)));
  }
  return command;
}

export interface AdvertisementOptionValues {
  readonly comment?: string;
  readonly available?: string;
  readonly expires?: string | false;
  readonly mandatory?: Assignments | false;
  readonly countdownMinutes?: number;
  readonly [key: string]: unknown;
}

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_m, letter: string) => letter.toUpperCase());

/** The contract's fields for the options given; nothing for those left out. */
export function advertisementFieldsFrom(opts: AdvertisementOptionValues): Changes {
  const fields: Changes = {};
  if (opts.comment !== undefined) fields.comment = opts.comment;
  if (opts.available !== undefined) fields.presentTime = opts.available;
  if (opts.expires === false) fields.expirationTimeEnabled = false;
  else if (opts.expires !== undefined) {
    fields.expirationTimeEnabled = true;
    fields.expirationTime = opts.expires;
  }
  if (opts.mandatory !== undefined) {
    const a = opts.mandatory === false ? { asSoonAsPossible: false, atLogon: false, atLogoff: false, tokens: [] } : opts.mandatory;
    fields.asSoonAsPossible = a.asSoonAsPossible;
    fields.atLogon = a.atLogon;
    fields.atLogoff = a.atLogoff;
    fields.assignedSchedule = a.tokens.join('');
  }
  if (opts.countdownMinutes !== undefined) fields.mandatoryCountdownMinutes = opts.countdownMinutes;
  for (const [flag, field] of switches) {
    const given = opts[camel(flag)];
    if (typeof given === 'boolean') fields[field] = given;
  }
  for (const [key, choice] of Object.entries(choices)) {
    const given = opts[camel(choiceFlags[key as keyof typeof choices])];
    if (typeof given === 'string') Object.assign(fields, { [choice.field]: (choice.values as Record<string, string>)[given] });
  }
  return fields;
}
