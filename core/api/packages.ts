import { z } from 'zod';
import { packageIdSchema } from './ids';
import { recurringScheduleSchema, type RecurringSchedule } from './schedule';
import { shareFolderProblem, sourceDirectoryProblem } from './source-paths';
import { optionalText, requiredText } from './text';

export const sourceOptions = ['direct', 'compressed'] as const;
export const dataAccessModes = ['commonShare', 'shareFolder'] as const;
export const sendingPriorities = ['high', 'medium', 'low'] as const;
/** Sender address types; '' means no preference (the site chooses). */
export const preferredSenders = [
  '',
  'MS_LAN',
  'MS_ASYNC_RAS',
  'MS_ISDN_RAS',
  'MS_X25_RAS',
  'MS_SNA_RAS',
  'MS_BATCH_SNA',
  'MS_INTER_SNA',
  'MS_COURIER',
] as const;
export const branchContentModes = ['downloadAutomatically', 'administratorCopies'] as const;
export const mifMatchingModes = ['packageProperties', 'customFields'] as const;

function text(max: number, label: string) {
  return optionalText(label, max);
}

/**
 * Every setting of the New Package Wizard and the package's Properties tabs, grouped as the
 * tabs group them. Field names are the console's words; the suite's numeric fields
 * (PkgFlags, PkgSourceFlag, ShareType, Priority) are derived from them in the DTO.
 */
export const packageFieldShapes = {
  // General
  name: requiredText('Name', 50),
  version: text(32, 'Version'),
  publisher: text(32, 'Publisher'),
  language: text(32, 'Language'),
  comment: text(127, 'Comment'),
  // Data Source
  containsSourceFiles: z.boolean(),
  sourceDirectory: text(260, 'The source directory'),
  sourceOption: z.enum(sourceOptions),
  updateSchedule: recurringScheduleSchema.nullable(),
  persistInClientCache: z.boolean(),
  binaryDifferentialReplication: z.boolean(),
  // Data Access
  dataAccess: z.enum(dataAccessModes),
  shareFolder: text(260, 'The share'),
  disconnectUsers: z.boolean(),
  userGracePeriod: z
    .number()
    .int('The user grace period is a whole number of minutes.')
    .min(0, 'The user grace period is 0 to 59 minutes.')
    .max(59, 'The user grace period is 0 to 59 minutes.'),
  disconnectRetries: z
    .number()
    .int('The number of retries is a whole number.')
    .min(0, 'The number of retries before disconnecting users is 0 to 99.')
    .max(99, 'The number of retries before disconnecting users is 0 to 99.'),
  // Distribution Settings
  sendingPriority: z.enum(sendingPriorities),
  preferredSender: z.enum(preferredSenders),
  branchContent: z.enum(branchContentModes),
  availableOnProtectedOnRequest: z.boolean(),
  // Reporting
  mifMatching: z.enum(mifMatchingModes),
  mifFileName: text(50, 'The MIF file name'),
  mifName: text(50, 'The MIF name'),
  mifVersion: text(32, 'The MIF version'),
  mifPublisher: text(32, 'The MIF publisher'),
};

export type PackageSettings = {
  -readonly [K in keyof typeof packageFieldShapes]: z.output<(typeof packageFieldShapes)[K]>;
};

/** What a new package gets for every setting the administrator leaves alone (docs/software-distribution.md#new-package-wizard). */
export const packageDefaults: Readonly<Omit<PackageSettings, 'name'>> = {
  version: '',
  publisher: '',
  language: '',
  comment: '',
  containsSourceFiles: false,
  sourceDirectory: '',
  sourceOption: 'direct',
  updateSchedule: null,
  persistInClientCache: false,
  binaryDifferentialReplication: false,
  dataAccess: 'commonShare',
  shareFolder: '',
  disconnectUsers: false,
  userGracePeriod: 5,
  disconnectRetries: 2,
  sendingPriority: 'medium',
  preferredSender: '',
  branchContent: 'downloadAutomatically',
  availableOnProtectedOnRequest: false,
  mifMatching: 'packageProperties',
  mifFileName: '',
  mifName: '',
  mifVersion: '',
  mifPublisher: '',
};

type Issue = { path: string[]; message: string };

/** The rules that tie settings together; the wizard, the property sheet and the core all apply them. */
export function packageSettingsIssues(s: PackageSettings): Issue[] {
  const issues: Issue[] = [];
  if (s.containsSourceFiles) {
    if (s.sourceDirectory === '') {
      issues.push({ path: ['sourceDirectory'], message: 'Set the source directory: this package contains source files.' });
    } else {
      const problem = sourceDirectoryProblem(s.sourceDirectory);
      if (problem !== null) issues.push({ path: ['sourceDirectory'], message: problem });
    }
  } else {
    if (s.sourceDirectory !== '') {
      issues.push({ path: ['sourceDirectory'], message: 'A source directory is only set when the package contains source files.' });
    }
  }
  if (s.updateSchedule !== null && !(s.containsSourceFiles && s.sourceOption === 'direct')) {
    issues.push({
      path: ['updateSchedule'],
      message: 'Distribution points can be updated on a schedule only when files are always obtained from the source directory.',
    });
  }
  if (s.dataAccess === 'shareFolder') {
    if (s.shareFolder === '') {
      issues.push({ path: ['shareFolder'], message: 'Type the share: \\\\server\\share or \\\\server\\share\\path.' });
    } else {
      const problem = shareFolderProblem(s.shareFolder);
      if (problem !== null) issues.push({ path: ['shareFolder'], message: problem });
    }
  } else if (s.shareFolder !== '') {
    issues.push({ path: ['shareFolder'], message: 'A share is only set when the distribution folder is shared under its own name.' });
  }
  if (s.availableOnProtectedOnRequest && s.branchContent !== 'downloadAutomatically') {
    issues.push({
      path: ['availableOnProtectedOnRequest'],
      message: 'Packages can be made available on protected distribution points only when content is downloaded automatically.',
    });
  }
  if (s.mifMatching === 'packageProperties') {
    for (const key of ['mifFileName', 'mifName', 'mifVersion', 'mifPublisher'] as const) {
      if (s[key] !== '') {
        issues.push({ path: [key], message: 'MIF fields are used only with "Use these fields for status MIF matching".' });
      }
    }
  }
  return issues;
}

function withRules<T extends z.ZodType<PackageSettings>>(schema: T) {
  return schema.superRefine((s, ctx) => {
    for (const issue of packageSettingsIssues(s)) ctx.addIssue({ code: 'custom', ...issue });
  });
}

/** A whole package's settings, checked field by field and across fields. */
export const packageSettingsSchema = withRules(z.strictObject(packageFieldShapes));

/** `packages:create`: Name is required; everything else falls back to packageDefaults. */
export const packageCreateSchema = z.strictObject(packageFieldShapes).partial().required({ name: true });
export type PackageCreateInput = z.input<typeof packageCreateSchema>;

/** `packages:update`: only the fields that change. */
export const packageChangesSchema = z.strictObject(packageFieldShapes).partial();
export type PackageChangesInput = z.input<typeof packageChangesSchema>;

export const packageUpdateSchema = z.strictObject({
  packageId: packageIdSchema,
  changes: packageChangesSchema,
});

export const packageRefSchema = z.strictObject({ packageId: packageIdSchema });

/** The suite's PkgFlags bits (SMS_Package.PkgFlags; docs/formats.md#package-fields). */
export const PkgFlags = {
  DO_NOT_DOWNLOAD: 0x01000000,
  PERSIST_IN_CACHE: 0x02000000,
  USE_BINARY_DELTA_REP: 0x04000000,
  NO_PACKAGE: 0x10000000,
  USE_SPECIAL_MIF: 0x20000000,
  DISTRIBUTE_ON_DEMAND: 0x40000000,
} as const;

export const PkgSourceFlag = { STORAGE_NO_SOURCE: 1, STORAGE_DIRECT: 2, STORAGE_COMPRESS: 3 } as const;
export const ShareType = { SHARE_COMMON: 1, SHARE_SPECIFIC: 2 } as const;

export interface PackageDto extends Readonly<Omit<PackageSettings, 'updateSchedule'>> {
  readonly packageId: string;
  readonly updateSchedule: Readonly<RecurringSchedule> | null;
  /** Increments whenever the content-related settings change (the suite's SourceVersion). */
  readonly sourceVersion: number;
  /** When the content-related settings last changed (ISO 8601, UTC). */
  readonly sourceDate: string;
  readonly createdAt: string;
  readonly lastModified: string;
  // The suite's numeric fields, derived from the settings above.
  readonly pkgFlags: number;
  readonly pkgSourceFlag: number;
  readonly shareType: number;
  /** The suite's ShareName: '' for the common SMSPKGx$ share. */
  readonly shareName: string;
  /** 1 High, 2 Medium, 3 Low. */
  readonly priority: number;
  /** The suite's ForcedDisconnect* fields mirror disconnectUsers, userGracePeriod and disconnectRetries. */
  /** The update schedule as an SMS_ST schedule token (16 hex digits), or '' without one. */
  readonly refreshSchedule: string;
}

export interface PackageDeletedDto {
  readonly packageId: string;
  readonly name: string;
}

/** The suite's full package name, "Publisher Name Version Language" without the empty parts: the tree and the General page show it. */
export function fullPackageName(pkg: Pick<PackageSettings, 'publisher' | 'name' | 'version' | 'language'>): string {
  return [pkg.publisher, pkg.name, pkg.version, pkg.language]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}
