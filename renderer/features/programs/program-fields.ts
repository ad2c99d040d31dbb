import type { ComputerProgramSettings, DeviceProgramSettings } from '../../../core/api';

/** The pages of the New Program Wizard, and the tabs of a program's Properties, that edit settings. */
export const programSettingPages = ['general', 'requirements', 'environment', 'advanced', 'windowsInstaller', 'mom'] as const;
export type ProgramSettingPageId = (typeof programSettingPages)[number];

export const programPageLabels: Readonly<Record<ProgramSettingPageId, string>> = {
  general: 'General',
  requirements: 'Requirements',
  environment: 'Environment',
  advanced: 'Advanced',
  windowsInstaller: 'Windows Installer',
  mom: 'MOM Maintenance Mode',
};

export type ProgramField = keyof ComputerProgramSettings;

/** Which page (and tab) holds each setting, so an error about a field can take the user there. */
export const programFieldPage: Readonly<Record<ProgramField, ProgramSettingPageId>> = {
  name: 'general',
  comment: 'general',
  commandLine: 'general',
  startIn: 'general',
  run: 'general',
  afterRunning: 'general',
  estimatedDiskSpace: 'requirements',
  diskSpaceUnit: 'requirements',
  maximumRunTime: 'requirements',
  anyPlatform: 'requirements',
  platforms: 'requirements',
  additionalRequirements: 'requirements',
  canRunWhen: 'environment',
  runMode: 'environment',
  useInstallAccount: 'environment',
  allowUserInteraction: 'environment',
  driveMode: 'environment',
  driveLetter: 'environment',
  reconnectAtLogon: 'environment',
  runFirst: 'advanced',
  alwaysRunDependent: 'advanced',
  assignment: 'advanced',
  suppressNotifications: 'advanced',
  disabled: 'advanced',
  allowTaskSequenceInstall: 'advanced',
  msiFilePath: 'windowsInstaller',
  msiProductCode: 'windowsInstaller',
  disableMomAlerts: 'mom',
  generateMomAlertOnFailure: 'mom',
};

/** Each setting's label as the pages show it (the console's words), for messages that point at a field. */
export const programFieldLabels: Readonly<Record<ProgramField, string>> = {
  name: 'Name',
  comment: 'Comment',
  commandLine: 'Command line',
  startIn: 'Start in',
  run: 'Run',
  afterRunning: 'After running',
  estimatedDiskSpace: 'Estimated disk space',
  diskSpaceUnit: 'Estimated disk space',
  maximumRunTime: 'Maximum allowed run time (minutes)',
  anyPlatform: 'This program can run on any platform',
  platforms: 'This program can run only on specified client platforms',
  additionalRequirements: 'Additional requirements',
  canRunWhen: 'Program can run',
  runMode: 'Run mode',
  useInstallAccount: 'Use Software Installation Account',
  allowUserInteraction: 'Allow users to interact with this program',
  driveMode: 'Drive mode',
  driveLetter: 'Requires specific drive letter',
  reconnectAtLogon: 'Reconnect to distribution point at logon',
  runFirst: 'Run another program first',
  alwaysRunDependent: 'Always run this program first',
  assignment: 'When this program is assigned to a computer',
  suppressNotifications: 'Suppress program notifications',
  disabled: 'Disable this program on clients where it is advertised',
  allowTaskSequenceInstall: 'Allow this program to be installed from the Install Software task sequence without being advertised',
  msiFilePath: 'Windows Installer file',
  msiProductCode: 'Windows Installer product code',
  disableMomAlerts: 'Disable Operations Manager alerts while this program runs',
  generateMomAlertOnFailure: 'Generate Operations Manager alert if this program fails',
};

/** The New Program For Device Wizard's settings pages. */
export const deviceProgramSettingPages = ['general', 'requirements'] as const;
export type DeviceProgramSettingPageId = (typeof deviceProgramSettingPages)[number];

export const deviceProgramPageLabels: Readonly<Record<DeviceProgramSettingPageId, string>> = {
  general: 'General',
  requirements: 'Requirements',
};

export type DeviceProgramField = keyof DeviceProgramSettings;

export const deviceProgramFieldPage: Readonly<Record<DeviceProgramField, DeviceProgramSettingPageId>> = {
  name: 'general',
  comment: 'general',
  downloadFolder: 'general',
  commandLine: 'general',
  runFrom: 'general',
  runFolder: 'general',
  estimatedDiskSpace: 'requirements',
  diskSpaceUnit: 'requirements',
  downloadWhen: 'requirements',
};

export const deviceProgramFieldLabels: Readonly<Record<DeviceProgramField, string>> = {
  name: 'Name',
  comment: 'Comment',
  downloadFolder: 'Download folder',
  commandLine: 'Command line',
  runFrom: 'Run command line',
  runFolder: 'Run command line from this folder',
  estimatedDiskSpace: 'Estimated disk space',
  diskSpaceUnit: 'Estimated disk space',
  downloadWhen: 'Download program',
};

/**
 * The setting an error from the core is about. The core names fields by dotted path; create
 * requests nest the settings under `program`, update requests under `changes`.
 */
export function fieldFromErrorPath<F extends string>(path: string | undefined, fields: Readonly<Record<F, unknown>>): F | undefined {
  if (path === undefined) return undefined;
  const segments = path.split('.').filter((segment) => segment !== '');
  const first = segments[0] === 'changes' || segments[0] === 'program' ? segments[1] : segments[0];
  return first !== undefined && Object.prototype.hasOwnProperty.call(fields, first) ? (first as F) : undefined;
}
