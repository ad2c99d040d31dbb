import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  afterRunningActions,
  assignmentModes,
  canRunWhenModes,
  deviceDownloadModes,
  deviceRunFromModes,
  diskSpaceUnits,
  driveModes,
  platformIds,
  programRightsModes,
  programRunModes,
  type ComputerProgramSettings,
  type DeviceProgramSettings,
} from '../api';
import { usageFailure } from './cli-failure';
import { parseWholeNumber } from './parse-integer';

type Field = keyof ComputerProgramSettings | keyof DeviceProgramSettings;
type Kind = 'text' | 'boolean' | 'choice' | 'size';
/** Which programs have the setting: both kinds, programs for computers, or programs for devices. */
type Of = 'both' | 'computer' | 'device';

interface FieldOption {
  readonly flag: string;
  readonly field: Field;
  readonly kind: Kind;
  readonly of: Of;
  readonly group: string;
  readonly description: string;
  readonly valueName?: string;
  readonly choices?: readonly string[];
}

const general = 'General:';
const requirements = 'Requirements:';
const environment = 'Environment:';
const advanced = 'Advanced:';
const installer = 'Windows Installer:';
const mom = 'MOM maintenance mode:';
const device = 'Programs for devices (with --device):';

/** The program options that map one to one onto a contract field. */
const fieldOptions: readonly FieldOption[] = [
  { flag: 'name', field: 'name', kind: 'text', of: 'both', group: general, valueName: 'name', description: 'program name, unique in its package (up to 50 characters)' },
  { flag: 'comment', field: 'comment', kind: 'text', of: 'both', group: general, valueName: 'text', description: 'comment (up to 127 characters)' },
  { flag: 'command-line', field: 'commandLine', kind: 'text', of: 'both', group: general, valueName: 'command', description: 'the command the client runs, with all its arguments (up to 127 characters)' },
  { flag: 'start-in', field: 'startIn', kind: 'text', of: 'computer', group: general, valueName: 'folder', description: 'folder to start in (default: the distribution folder)' },
  { flag: 'run', field: 'run', kind: 'choice', of: 'computer', group: general, valueName: 'mode', choices: programRunModes, description: 'how the program window shows' },
  { flag: 'after-running', field: 'afterRunning', kind: 'choice', of: 'computer', group: general, valueName: 'action', choices: afterRunningActions, description: 'what happens after the program succeeds' },
  { flag: 'estimated-disk-space', field: 'estimatedDiskSpace', kind: 'size', of: 'both', group: requirements, valueName: 'size', description: 'estimated disk space, a whole number or "unknown"' },
  { flag: 'disk-space-unit', field: 'diskSpaceUnit', kind: 'choice', of: 'both', group: requirements, valueName: 'unit', choices: diskSpaceUnits, description: 'unit of the estimated disk space' },
  { flag: 'maximum-run-time', field: 'maximumRunTime', kind: 'size', of: 'computer', group: requirements, valueName: 'minutes', description: 'maximum allowed run time, 1-720 minutes or "unknown"' },
  { flag: 'additional-requirements', field: 'additionalRequirements', kind: 'text', of: 'computer', group: requirements, valueName: 'text', description: 'additional requirements (up to 127 characters)' },
  { flag: 'can-run-when', field: 'canRunWhen', kind: 'choice', of: 'computer', group: environment, valueName: 'when', choices: canRunWhenModes, description: 'when the program can run' },
  { flag: 'run-mode', field: 'runMode', kind: 'choice', of: 'computer', group: environment, valueName: 'rights', choices: programRightsModes, description: "run with the user's rights (only when a user is logged on) or administrative rights" },
  { flag: 'use-install-account', field: 'useInstallAccount', kind: 'boolean', of: 'computer', group: environment, description: 'use the software installation account (administrative rights only)' },
  { flag: 'allow-user-interaction', field: 'allowUserInteraction', kind: 'boolean', of: 'computer', group: environment, description: 'allow users to interact with the program' },
  { flag: 'drive-mode', field: 'driveMode', kind: 'choice', of: 'computer', group: environment, valueName: 'mode', choices: driveModes, description: 'UNC name, any drive letter, or a specific drive letter' },
  { flag: 'drive-letter', field: 'driveLetter', kind: 'text', of: 'computer', group: environment, valueName: 'letter', description: 'the drive letter the program requires (sets --drive-mode specificDriveLetter)' },
  { flag: 'reconnect-at-logon', field: 'reconnectAtLogon', kind: 'boolean', of: 'computer', group: environment, description: 'reconnect to the distribution point at logon (drive letters only)' },
  { flag: 'always-run-first', field: 'alwaysRunDependent', kind: 'boolean', of: 'computer', group: advanced, description: 'always run the --run-first program, even if it already succeeded' },
  { flag: 'assignment', field: 'assignment', kind: 'choice', of: 'computer', group: advanced, valueName: 'mode', choices: assignmentModes, description: 'when assigned: once for the computer, or once for every user who logs on' },
  { flag: 'suppress-notifications', field: 'suppressNotifications', kind: 'boolean', of: 'computer', group: advanced, description: 'suppress program notifications and countdowns' },
  { flag: 'disabled', field: 'disabled', kind: 'boolean', of: 'computer', group: advanced, description: 'disable the program on clients where it is advertised' },
  { flag: 'allow-task-sequence-install', field: 'allowTaskSequenceInstall', kind: 'boolean', of: 'computer', group: advanced, description: 'allow installing from the Install Software task sequence without an advertisement' },
  { flag: 'msi-file-path', field: 'msiFilePath', kind: 'text', of: 'computer', group: installer, valueName: 'file', description: 'the Windows Installer file' },
  { flag: 'msi-product-code', field: 'msiProductCode', kind: 'text', of: 'computer', group: installer, valueName: 'code', description: 'the product code, {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}' },
  { flag: 'disable-mom-alerts', field: 'disableMomAlerts', kind: 'boolean', of: 'computer', group: mom, description: 'disable Operations Manager alerts while the program runs' },
  { flag: 'generate-mom-alert-on-failure', field: 'generateMomAlertOnFailure', kind: 'boolean', of: 'computer', group: mom, description: 'generate an Operations Manager alert if the program fails' },
  { flag: 'download-folder', field: 'downloadFolder', kind: 'text', of: 'device', group: device, valueName: 'folder', description: 'folder on the device to download to (default \\Temp\\)' },
  { flag: 'run-from', field: 'runFrom', kind: 'choice', of: 'device', group: device, valueName: 'where', choices: deviceRunFromModes, description: 'run the command line in the download folder or from --run-folder' },
  { flag: 'run-folder', field: 'runFolder', kind: 'text', of: 'device', group: device, valueName: 'folder', description: 'folder to run the command line from (sets --run-from folder)' },
  { flag: 'download-when', field: 'downloadWhen', kind: 'choice', of: 'device', group: device, valueName: 'when', choices: deviceDownloadModes, description: 'download any time, only over a fast network, or only when docked' },
];

/** Which option sets each field, so the core's field-level errors can name the flag to fix. */
const flagByField: Readonly<Record<string, string>> = {
  ...Object.fromEntries(fieldOptions.map((option) => [option.field, `--${option.flag}`])),
  anyPlatform: '--any-platform',
  platforms: '--platform',
  runFirst: '--run-first',
};

const ofByFlag: Readonly<Record<string, Of>> = {
  ...Object.fromEntries(fieldOptions.map((option) => [option.flag, option.of])),
  'any-platform': 'computer',
  platform: 'computer',
  'run-first': 'computer',
};

export function programFlagForField(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  return flagByField[field.replace(/^(changes|program)\./, '').replace(/\.\d+$/, '')];
}

// Commander turns a parsed null into '', so "unknown" travels as this marker until programFieldsFrom.
const unknown = 'unknown';

/** "unknown" or a whole number: Unknown is what the wizard shows for no estimate. */
function parseSize(text: string): number | typeof unknown {
  return text.trim().toLowerCase() === unknown ? unknown : parseWholeNumber(text);
}

/** PACKAGE_ID:PROGRAM, for example A0100002:Install (the program name may hold colons). */
export function parseProgramRef(text: string): { packageId: string; programName: string } {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new InvalidArgumentError('Give the program to run first as PACKAGE_ID:PROGRAM, for example A0100002:Install.');
  return { packageId: text.slice(0, colon).trim(), programName: text.slice(colon + 1).trim() };
}

/** Repeatable --platform: commander's own choices check is replaced by the parser, so it checks here. */
function collectPlatform(value: string, previous: string[] | undefined): string[] {
  if (!platformIds.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${platformIds.join(', ')}.`);
  return [...(previous ?? []), value];
}

/** Options that set more than one field, placed among the others where they read best. */
function specialOptions(afterFlag: string): Option[] {
  switch (afterFlag) {
    case 'maximum-run-time':
      return [
        new Option('--any-platform', 'the program can run on any platform (the default)').conflicts('platform').helpGroup(requirements),
        new Option('--platform <platform>', 'a platform the program can run on; repeat for several (turns off --any-platform)')
          .choices(platformIds)
          .argParser(collectPlatform)
          .helpGroup(requirements),
      ];
    case 'reconnect-at-logon':
      return [
        new Option('--run-first <package-id:program>', 'run another program first, for example A0100002:Install').argParser(parseProgramRef).helpGroup(advanced),
        new Option('--no-run-first', 'run no other program first').helpGroup(advanced),
      ];
    default:
      return [];
  }
}

/** Adds every program setting as an option; `update` reads the same names. */
export function addProgramOptions(command: Command, mode: 'create' | 'update'): Command {
  if (mode === 'create') {
    command.addOption(new Option('--device', 'create a program for devices (Windows CE) instead of one for computers').helpGroup(general));
  }
  for (const spec of fieldOptions) {
    if (spec.kind === 'boolean') {
      command.addOption(new Option(`--${spec.flag}`, spec.description).helpGroup(spec.group));
      command.addOption(new Option(`--no-${spec.flag}`, `turn off --${spec.flag}`).helpGroup(spec.group));
    } else {
      const option = new Option(`--${spec.flag} <${spec.valueName ?? 'value'}>`, spec.description).helpGroup(spec.group);
      if (spec.kind === 'size') option.argParser(parseSize);
      if (spec.choices) option.choices(spec.choices);
      if (mode === 'create' && (spec.field === 'name' || spec.field === 'commandLine')) option.makeOptionMandatory();
      command.addOption(option);
    }
    for (const special of specialOptions(spec.flag)) command.addOption(special);
  }
  return command;
}

const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The program options given on the command line, for the --device check. */
function givenFlags(opts: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(ofByFlag).filter((flag) => opts[camel(flag)] !== undefined);
}

/**
 * Refuses, before the site is opened, options of the other kind of program: a program for
 * devices has no --run-mode, one for computers no --download-folder.
 */
export function checkProgramKind(opts: Readonly<Record<string, unknown>>, isDevice: boolean): void {
  const wrong = givenFlags(opts).filter((flag) => ofByFlag[flag] === (isDevice ? 'computer' : 'device'));
  if (wrong.length === 0) return;
  const list = wrong.map((flag) => `--${flag}`).join(', ');
  throw usageFailure(isDevice ? `${list} ${wrong.length === 1 ? 'is' : 'are'} for programs for computers; leave out --device.` : `${list} ${wrong.length === 1 ? 'is' : 'are'} for programs for devices; add --device.`);
}

/** Turns parsed options into the contract's fields; what is not given is left out. */
export function programFieldsFrom(opts: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const spec of fieldOptions) {
    const value = opts[camel(spec.flag)];
    if (value !== undefined) fields[spec.field] = spec.kind === 'size' && value === unknown ? null : value;
  }
  if (Array.isArray(opts.platform)) {
    fields.anyPlatform = false;
    fields.platforms = opts.platform;
  } else if (opts.anyPlatform === true) {
    fields.anyPlatform = true;
    fields.platforms = [];
  }
  if (opts.runFirst === false) {
    fields.runFirst = null;
    fields.alwaysRunDependent ??= false;
  } else if (opts.runFirst !== undefined) {
    fields.runFirst = opts.runFirst;
  }
  // A drive letter asks for a specific drive; the other drive modes clear it and reconnecting (UNC).
  if (typeof fields.driveLetter === 'string' && fields.driveLetter !== '' && fields.driveMode === undefined) fields.driveMode = 'specificDriveLetter';
  if (fields.driveMode === 'unc' || fields.driveMode === 'driveLetter') fields.driveLetter ??= '';
  if (fields.driveMode === 'unc') fields.reconnectAtLogon ??= false;
  // Likewise a run folder asks to run from it, and the download folder clears it.
  if (typeof fields.runFolder === 'string' && fields.runFolder !== '' && fields.runFrom === undefined) fields.runFrom = 'folder';
  if (fields.runFrom === 'downloadFolder') fields.runFolder ??= '';
  return fields;
}
