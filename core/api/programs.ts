import { z } from 'zod';
import { packageIdSchema } from './ids';
import { platformIds } from './platforms';
import { optionalText, requiredText } from './text';

function text(max: number, label: string) {
  return optionalText(label, max);
}

export const programRunModes = ['normal', 'minimized', 'maximized', 'hidden'] as const;
export const afterRunningActions = ['noAction', 'configMgrRestarts', 'programRestarts', 'configMgrLogsOff'] as const;
export const canRunWhenModes = ['userLoggedOn', 'whetherOrNot', 'noUserLoggedOn'] as const;
export const programRightsModes = ['userRights', 'adminRights'] as const;
export const driveModes = ['unc', 'driveLetter', 'specificDriveLetter'] as const;
export const assignmentModes = ['oncePerComputer', 'oncePerUser'] as const;
export const diskSpaceUnits = ['KB', 'MB', 'GB'] as const;
export const deviceDownloadModes = ['anyTime', 'fastNetwork', 'docked'] as const;
export const deviceRunFromModes = ['downloadFolder', 'folder'] as const;

/** "Run another program first": the program that runs before this one, in any package. */
export const dependentProgramSchema = z.strictObject({
  packageId: packageIdSchema,
  programName: requiredText('The program to run first', 50, 'Choose the program to run first.'),
});
export type DependentProgram = z.output<typeof dependentProgramSchema>;

export const productCodePattern = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;

/** Fields shared by programs for computers and programs for devices. */
const commonShapes = {
  name: requiredText('Name', 50),
  comment: text(127, 'Comment'),
  commandLine: requiredText('Command line', 127),
  /** null = Unknown */
  estimatedDiskSpace: z.number().int('Estimated disk space is a whole number.').min(0).max(999_999, 'Estimated disk space is too large.').nullable(),
  diskSpaceUnit: z.enum(diskSpaceUnits),
};

/**
 * Every setting of the New Program Wizard and the program's Properties tabs, grouped as the tabs
 * group them (docs/software-distribution.md#new-program-wizard). ProgramFlags are derived from them
 * (SMS_Program.ProgramFlags; docs/formats.md#program-flags).
 */
export const computerProgramFieldShapes = {
  ...commonShapes,
  // General
  startIn: text(127, 'Start in'),
  run: z.enum(programRunModes),
  afterRunning: z.enum(afterRunningActions),
  // Requirements
  /** null = Unknown; the suite treats Unknown as 720 minutes at most. */
  maximumRunTime: z.number().int('Maximum allowed run time is whole minutes.').min(1, 'Maximum allowed run time is 1 to 720 minutes.').max(720, 'Maximum allowed run time is 1 to 720 minutes.').nullable(),
  anyPlatform: z.boolean(),
  platforms: z.array(z.enum(platformIds as [string, ...string[]])).max(64),
  additionalRequirements: text(127, 'Additional requirements'),
  // Environment
  canRunWhen: z.enum(canRunWhenModes),
  runMode: z.enum(programRightsModes),
  useInstallAccount: z.boolean(),
  allowUserInteraction: z.boolean(),
  driveMode: z.enum(driveModes),
  driveLetter: z.string().trim().toUpperCase().regex(/^([A-Z]:?)?$/, 'The drive letter is one letter, A to Z.').transform((d) => d.slice(0, 1)),
  reconnectAtLogon: z.boolean(),
  // Advanced
  runFirst: dependentProgramSchema.nullable(),
  alwaysRunDependent: z.boolean(),
  assignment: z.enum(assignmentModes),
  suppressNotifications: z.boolean(),
  disabled: z.boolean(),
  allowTaskSequenceInstall: z.boolean(),
  // Windows Installer
  msiFilePath: text(260, 'The Windows Installer file'),
  msiProductCode: z.string().trim().refine((c) => c === '' || productCodePattern.test(c), 'A product code looks like {12345678-1234-1234-1234-123456789012}.'),
  // MOM Maintenance Mode
  disableMomAlerts: z.boolean(),
  generateMomAlertOnFailure: z.boolean(),
};

/** New Program For Device (Windows CE): where it downloads, where it runs, when it may download. */
export const deviceProgramFieldShapes = {
  ...commonShapes,
  downloadFolder: requiredText('The download folder', 127),
  runFrom: z.enum(deviceRunFromModes),
  runFolder: text(127, 'The folder to run from'),
  downloadWhen: z.enum(deviceDownloadModes),
};

export type ComputerProgramSettings = {
  -readonly [K in keyof typeof computerProgramFieldShapes]: z.output<(typeof computerProgramFieldShapes)[K]>;
};
export type DeviceProgramSettings = {
  -readonly [K in keyof typeof deviceProgramFieldShapes]: z.output<(typeof deviceProgramFieldShapes)[K]>;
};

export const computerProgramDefaults: Readonly<Omit<ComputerProgramSettings, 'name' | 'commandLine'>> = {
  comment: '',
  estimatedDiskSpace: null,
  diskSpaceUnit: 'MB',
  startIn: '',
  run: 'normal',
  afterRunning: 'noAction',
  maximumRunTime: null,
  anyPlatform: true,
  platforms: [],
  additionalRequirements: '',
  canRunWhen: 'userLoggedOn',
  runMode: 'userRights',
  useInstallAccount: false,
  allowUserInteraction: false,
  driveMode: 'unc',
  driveLetter: '',
  reconnectAtLogon: false,
  runFirst: null,
  alwaysRunDependent: false,
  assignment: 'oncePerComputer',
  suppressNotifications: false,
  disabled: false,
  allowTaskSequenceInstall: false,
  msiFilePath: '',
  msiProductCode: '',
  disableMomAlerts: false,
  generateMomAlertOnFailure: false,
};

export const deviceProgramDefaults: Readonly<Omit<DeviceProgramSettings, 'name' | 'commandLine'>> = {
  comment: '',
  estimatedDiskSpace: null,
  diskSpaceUnit: 'KB',
  downloadFolder: '\\Temp\\',
  runFrom: 'downloadFolder',
  runFolder: '',
  downloadWhen: 'anyTime',
};

type Issue = { path: string[]; message: string };

/**
 * The rules that tie program settings together (docs/software-distribution.md#new-program-wizard);
 * the wizard, the sheet and the core all apply them.
 */
export function computerProgramIssues(s: ComputerProgramSettings): Issue[] {
  const issues: Issue[] = [];
  if (s.runMode === 'userRights' && s.canRunWhen !== 'userLoggedOn') {
    issues.push({ path: ['runMode'], message: "A program can run with the user's rights only when it runs only when a user is logged on." });
  }
  if (s.assignment === 'oncePerUser' && s.canRunWhen !== 'userLoggedOn') {
    issues.push({ path: ['assignment'], message: 'Run once for every user who logs on needs "Only when a user is logged on".' });
  }
  if (s.useInstallAccount && s.runMode !== 'adminRights') {
    issues.push({ path: ['useInstallAccount'], message: 'The software installation account is used only with administrative rights.' });
  }
  if (s.anyPlatform && s.platforms.length > 0) {
    issues.push({ path: ['platforms'], message: 'Platforms are listed only when the program cannot run on any platform.' });
  }
  if (!s.anyPlatform && s.platforms.length === 0) {
    issues.push({ path: ['platforms'], message: 'Choose at least one platform, or let the program run on any platform.' });
  }
  if (new Set(s.platforms).size !== s.platforms.length) {
    issues.push({ path: ['platforms'], message: 'A platform is listed twice.' });
  }
  if (s.driveMode === 'specificDriveLetter' && s.driveLetter === '') {
    issues.push({ path: ['driveLetter'], message: 'Choose the drive letter the program requires.' });
  }
  if (s.driveMode !== 'specificDriveLetter' && s.driveLetter !== '') {
    issues.push({ path: ['driveLetter'], message: 'A drive letter is set only when the program requires a specific drive letter.' });
  }
  if (s.reconnectAtLogon && s.driveMode === 'unc') {
    issues.push({ path: ['reconnectAtLogon'], message: 'Reconnecting at logon applies only to programs that use a drive letter.' });
  }
  if (s.alwaysRunDependent && s.runFirst === null) {
    issues.push({ path: ['alwaysRunDependent'], message: '"Always run this program first" needs a program to run first.' });
  }
  if (s.msiProductCode !== '' && s.msiFilePath === '') {
    issues.push({ path: ['msiFilePath'], message: 'Give the Windows Installer file that the product code belongs to.' });
  }
  if (s.generateMomAlertOnFailure && !s.disableMomAlerts) {
    issues.push({ path: ['generateMomAlertOnFailure'], message: 'An alert on failure is generated only when Operations Manager alerts are disabled while the program runs.' });
  }
  return issues;
}

export function deviceProgramIssues(s: DeviceProgramSettings): Issue[] {
  if (s.runFrom === 'folder' && s.runFolder === '') return [{ path: ['runFolder'], message: 'Give the folder the program runs from.' }];
  if (s.runFrom === 'downloadFolder' && s.runFolder !== '') return [{ path: ['runFolder'], message: 'A folder is given only when the program runs from it.' }];
  return [];
}

export const computerProgramSettingsSchema = z.strictObject(computerProgramFieldShapes).superRefine((s, ctx) => {
  for (const issue of computerProgramIssues(s)) ctx.addIssue({ code: 'custom', ...issue });
});
export const deviceProgramSettingsSchema = z.strictObject(deviceProgramFieldShapes).superRefine((s, ctx) => {
  for (const issue of deviceProgramIssues(s)) ctx.addIssue({ code: 'custom', ...issue });
});

const programNameRef = requiredText('The program name', 50);

export const programRefSchema = z.strictObject({ packageId: packageIdSchema, programName: programNameRef });
export const programListSchema = z.strictObject({ packageId: packageIdSchema });

export const programCreateSchema = z.strictObject({
  packageId: packageIdSchema,
  program: z.strictObject(computerProgramFieldShapes).partial().required({ name: true, commandLine: true }),
});
export const deviceProgramCreateSchema = z.strictObject({
  packageId: packageIdSchema,
  program: z.strictObject(deviceProgramFieldShapes).partial().required({ name: true, commandLine: true }),
});
/** Changes for either kind; the core refuses fields that the program's kind does not have. */
export const programUpdateSchema = z.strictObject({
  packageId: packageIdSchema,
  programName: programNameRef,
  changes: z.strictObject({ ...computerProgramFieldShapes, ...deviceProgramFieldShapes }).partial(),
});
export const programDeleteSchema = z.strictObject({
  packageId: packageIdSchema,
  programName: programNameRef,
  /** The second confirmation of the Delete Program wizard: also delete its advertisements. */
  deleteAdvertisements: z.boolean().default(false),
});

export type ProgramCreateInput = z.input<typeof programCreateSchema>;
export type DeviceProgramCreateInput = z.input<typeof deviceProgramCreateSchema>;
export type ProgramUpdateInput = z.input<typeof programUpdateSchema>;

/** The suite's numeric and string fields, derived from the settings. */
interface ProgramSuiteFields {
  readonly packageId: string;
  /** The suite's ProgramFlags (SMS_Program.ProgramFlags; docs/formats.md#program-flags). */
  readonly programFlags: number;
  /** "38 MB" or "Unknown" (SMS_Program.DiskSpaceReq). */
  readonly diskSpaceReq: string;
  /** `<PackageID>;;<Program>`, `;;<Program>` in the same package, or ''. */
  readonly dependentProgram: string;
  readonly createdAt: string;
  readonly lastModified: string;
}

export interface ComputerProgramDto extends Readonly<ComputerProgramSettings>, ProgramSuiteFields {
  readonly kind: 'computer';
}

export interface DeviceProgramDto extends Readonly<DeviceProgramSettings>, ProgramSuiteFields {
  readonly kind: 'device';
  /** The suite's DeviceFlags. */
  readonly deviceFlags: number;
}

export type ProgramDto = ComputerProgramDto | DeviceProgramDto;

export interface ProgramDeletedDto {
  readonly packageId: string;
  readonly programName: string;
  /** Advertisements deleted with it (the ripple effect of docs/software-distribution.md#delete-program-wizard). */
  readonly deletedAdvertisements: readonly string[];
}

/** The suite's ProgramFlags bits. */
export const ProgramFlags = {
  AUTHORIZED_DYNAMIC_INSTALL: 0x00000001,
  DISABLEMOMALERTONRUNNING: 0x00000020,
  MOMALERTONFAIL: 0x00000040,
  RUN_DEPENDANT_ALWAYS: 0x00000080,
  WINDOWS_CE: 0x00000100,
  COUNTDOWN: 0x00000400,
  DISABLED: 0x00001000,
  UNATTENDED: 0x00002000,
  USERCONTEXT: 0x00004000,
  ADMINRIGHTS: 0x00008000,
  EVERYUSER: 0x00010000,
  NOUSERLOGGEDIN: 0x00020000,
  OKTOQUIT: 0x00040000,
  OKTOREBOOT: 0x00080000,
  USEUNCPATH: 0x00100000,
  PERSISTCONNECTION: 0x00200000,
  RUNMINIMIZED: 0x00400000,
  RUNMAXIMIZED: 0x00800000,
  HIDEWINDOW: 0x01000000,
  OKTOLOGOFF: 0x02000000,
  RUNACCOUNT: 0x04000000,
  ANY_PLATFORM: 0x08000000,
  SUPPORT_UNINSTALL: 0x20000000,
} as const;

export const DeviceFlags = {
  ALWAYS_ASSIGN: 0x01000000,
  HIGH_BANDWIDTH: 0x02000000,
  DOCKED: 0x04000000,
} as const;
