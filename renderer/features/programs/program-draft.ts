import {
  computerProgramDefaults,
  computerProgramSettingsSchema,
  deviceProgramDefaults,
  deviceProgramSettingsSchema,
  type ComputerProgramSettings,
  type DeviceProgramSettings,
} from '../../../core/api';
import {
  deviceProgramFieldLabels,
  deviceProgramFieldPage,
  deviceProgramPageLabels,
  deviceProgramSettingPages,
  programFieldLabels,
  programFieldPage,
  programPageLabels,
  programSettingPages,
  type DeviceProgramField,
  type DeviceProgramSettingPageId,
  type ProgramField,
  type ProgramSettingPageId,
} from './program-fields';
import { issuesFromSchema, type SettingsRules } from './settings-rules';

export function newProgramDraft(): ComputerProgramSettings {
  return { name: '', commandLine: '', ...computerProgramDefaults, platforms: [] };
}

export function newDeviceProgramDraft(): DeviceProgramSettings {
  return { name: '', commandLine: '', ...deviceProgramDefaults };
}

/**
 * Applies an edit, then settles what the console ties together
 * (docs/software-distribution.md#new-program-wizard), so a disabled control never keeps
 * a value the core would reject (computerProgramIssues):
 * - "Only when no user is logged on" or "Whether or not…" disables Run with user's rights (the
 *   program then runs with administrative rights) and Run once for every user who logs on;
 * - the software installation account and user interaction go with administrative rights;
 * - a platform list only when the program cannot run on any platform;
 * - a drive letter only when a specific one is required; reconnecting only with a drive letter;
 * - "Always run this program first" only with a program to run first;
 * - an alert on failure only while alerts are disabled.
 */
export function applyProgramDraftChange(draft: ComputerProgramSettings, changes: Partial<ComputerProgramSettings>): ComputerProgramSettings {
  const next: ComputerProgramSettings = { ...draft, ...changes };
  if (next.canRunWhen !== 'userLoggedOn') {
    next.runMode = 'adminRights';
    next.assignment = 'oncePerComputer';
  }
  if (next.runMode !== 'adminRights') {
    next.useInstallAccount = false;
    next.allowUserInteraction = false;
  }
  if (next.canRunWhen === 'noUserLoggedOn') next.allowUserInteraction = false;
  if (next.anyPlatform) next.platforms = [];
  if (next.driveMode !== 'specificDriveLetter') next.driveLetter = '';
  if (next.driveMode === 'unc') next.reconnectAtLogon = false;
  if (next.runFirst === null) next.alwaysRunDependent = false;
  if (!next.disableMomAlerts) next.generateMomAlertOnFailure = false;
  return next;
}

/**
 * The edited fields. Checking "Run another program first" is not yet a problem to show at the
 * field: the drop-downs are right below it, and the footer says what Next is waiting for.
 */
export function programFieldsTouchedBy(changes: Partial<ComputerProgramSettings>): ProgramField[] {
  return Object.keys(changes)
    .filter((key): key is ProgramField => key in programFieldPage)
    .filter((field) => !(field === 'runFirst' && changes.runFirst?.programName === ''));
}

export const programRules: SettingsRules<ComputerProgramSettings, ProgramSettingPageId> = {
  pages: programSettingPages,
  pageLabels: programPageLabels,
  fieldPage: programFieldPage,
  fieldLabels: programFieldLabels,
  issues: (draft) => issuesFromSchema<ProgramField>(computerProgramSettingsSchema, draft, programFieldPage),
  apply: applyProgramDraftChange,
  touchedBy: programFieldsTouchedBy,
};

/** A device program runs from its download folder, or from a folder given only for that. */
export function applyDeviceProgramDraftChange(draft: DeviceProgramSettings, changes: Partial<DeviceProgramSettings>): DeviceProgramSettings {
  const next: DeviceProgramSettings = { ...draft, ...changes };
  if (next.runFrom === 'downloadFolder') next.runFolder = '';
  return next;
}

export const deviceProgramRules: SettingsRules<DeviceProgramSettings, DeviceProgramSettingPageId> = {
  pages: deviceProgramSettingPages,
  pageLabels: deviceProgramPageLabels,
  fieldPage: deviceProgramFieldPage,
  fieldLabels: deviceProgramFieldLabels,
  issues: (draft) => issuesFromSchema<DeviceProgramField>(deviceProgramSettingsSchema, draft, deviceProgramFieldPage),
  apply: applyDeviceProgramDraftChange,
  touchedBy: (changes) => Object.keys(changes).filter((key): key is DeviceProgramField => key in deviceProgramFieldPage),
};
