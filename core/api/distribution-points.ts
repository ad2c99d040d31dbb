import { z } from 'zod';
import { boundedWholeNumber } from './bounded-number';
import { boundaryKinds, parseBoundary, type BoundaryDto } from './boundaries';
import { packageIdSchema } from './ids';
import { posixPathProblem } from './source-paths';
import { optionalText, textSchema } from './text';
import { pathTextProblem, windowsPathForm, windowsPathProblem } from './windows-path';

/**
 * Distribution points, their volumes and groups, and where packages are on them
 * (docs/distribution-points.md; the suite's SMS_DistributionPoint, its Site Systems node and the
 * Software Distribution component's properties).
 */
export const dpModes = ['server', 'serverShare'] as const;
export type DpMode = (typeof dpModes)[number];
/** `branch` is the suite's branch distribution point (IsPeerDP), kept for a later round. */
export const dpKinds = ['standard', 'branch'] as const;
export type DpKind = (typeof dpKinds)[number];
export const shareProviders = ['local', 'samba', 'windows'] as const;
export type ShareProvider = (typeof shareProviders)[number];
export const packageDpStates = ['installPending', 'installed', 'installRetrying', 'installFailed', 'removalPending', 'removalFailed'] as const;
export type PackageDpState = (typeof packageDpStates)[number];

/** Free space a volume keeps for itself, in MB: up to a pebibyte (2^30 MB), so no sum of reserves overflows. */
export const maxReserveMb = 1_073_741_824;
export const maxVolumesPerDp = 26;
export const maxBoundariesPerDp = 500;
export const maxDpGroupNameLength = 64;
const maxLocalPathLength = 4096;

function isPlainLabelCharacter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-';
}

/**
 * A distribution point is named by its server: a NetBIOS name (DP01, DP_01) or an FQDN
 * (dp01.contoso.com), in RFC 1123 labels of letters, digits and hyphens. The first label is the
 * NetBIOS name Windows derives from it, so at most 15 characters. The name goes into NAL paths
 * (`["Display=\\DP01\"]MSWNET:…`), which is why quotes, brackets and the like are refused.
 */
export function dpNameProblem(name: string): string | null {
  if (name.length === 0) return 'Name the distribution point by its server: DP01 or dp01.contoso.com.';
  if (name.length > 253) return `A server name can be at most 253 characters (${name.length} given).`;
  const labels = name.split('.');
  // A NetBIOS name alone (no dots) may also hold underscores, as Windows computer names can; DNS labels may not.
  const netbiosOnly = labels.length === 1;
  for (const label of labels) {
    if (label.length === 0) return `"${name.slice(0, 60)}" has an empty part between dots; write DP01 or dp01.contoso.com.`;
    if (label.length > 63) return `Each part of a server name can be at most 63 characters; "${label.slice(0, 20)}…" has ${label.length}.`;
    for (const c of label) {
      if (!isPlainLabelCharacter(c) && !(netbiosOnly && c === '_')) {
        return `The server name "${name.slice(0, 60)}" may hold only letters, digits, hyphens and dots (found "${c}").`;
      }
    }
    if (label[0] === '-' || label[label.length - 1] === '-') return `A part of a server name cannot start or end with a hyphen ("${label.slice(0, 30)}").`;
  }
  const first = labels[0] ?? '';
  if (first.length > 15) return `The server's NetBIOS name (the first part, "${first.slice(0, 30)}") can be at most 15 characters (${first.length} given).`;
  let digitsOnly = true;
  for (const c of first) if (c < '0' || c > '9') digitsOnly = false;
  if (digitsOnly) return `"${first}" is all digits, which a computer name cannot be.`;
  return null;
}

/** A volume is reached by the site server at a local path (/srv/dp01/d, D:\) or a UNC path (\\dp01\D$, read through Path Mappings). */
export function volumePathProblem(path: string): string | null {
  const text = pathTextProblem(path);
  if (text !== null) return text;
  const form = windowsPathForm(path);
  if (form === 'unc' || form === 'drive' || form === 'device') return windowsPathProblem(path, { purpose: 'folder' });
  if (path[0] === '/') return posixPathProblem(path);
  return `"${path.length > 40 ? `${path.slice(0, 40)}…` : path}" is not a full path: give the volume as the site server reaches it (/srv/dp01/d, D:\\ or \\\\dp01\\D$).`;
}

/** The share of a server share distribution point: \\server\share, where packages go instead of SMSPKG<letter>$. */
export function serverShareProblem(path: string): string | null {
  const problem = windowsPathProblem(path, { purpose: 'share' });
  if (problem !== null) return problem.replace('The share must be', 'A server share distribution point must be');
  return null;
}

export const dpNameSchema = textSchema({ label: 'The distribution point name', max: 253, required: 'Name the distribution point by its server: DP01 or dp01.contoso.com.', problem: dpNameProblem });

const driveLetterSchema = textSchema({
  label: 'The drive letter',
  max: 2,
  required: 'Give the volume a drive letter, A to Z.',
  problem: (text) => {
    const letter = text.endsWith(':') ? text.slice(0, -1) : text;
    const c = letter.toUpperCase();
    return letter.length === 1 && c >= 'A' && c <= 'Z' ? null : `"${text}" is not a drive letter: give one letter, A to Z.`;
  },
}).transform((text) => text.slice(0, 1).toUpperCase());

const reserveSchema = z
  .number({ error: 'The reserve is a number of MB.' })
  .int('The reserve is a whole number of MB.')
  .min(0, 'The reserve cannot be negative.')
  .max(maxReserveMb, `The reserve can be at most ${maxReserveMb} MB (1 PiB).`);

export const dpVolumeSchema = z.strictObject({
  letter: driveLetterSchema,
  path: textSchema({ label: 'The volume path', max: maxLocalPathLength, required: 'Give the path the site server reaches the volume by.', problem: volumePathProblem }),
  reserveMb: reserveSchema.default(0),
});
export type DpVolumeInput = z.input<typeof dpVolumeSchema>;

export const boundarySchema = z
  .strictObject({
    kind: z.enum(boundaryKinds),
    value: textSchema({ label: 'The boundary', max: 64, required: 'Give the boundary: an IP subnet, an IP range or an AD site name.' }),
  })
  .transform((boundary, ctx) => {
    const parsed = parseBoundary(boundary.kind, boundary.value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.problem, path: ['value'] });
      return z.NEVER;
    }
    return { kind: boundary.kind, value: parsed.value };
  });

const sambaConfSchema = textSchema({ label: 'The smb.conf path', max: maxLocalPathLength, problem: posixPathProblem });
const serverShareSchema = textSchema({ label: 'The server share', max: 260, problem: serverShareProblem });

/** The settings a distribution point has beyond its name and mode. */
const dpSettingsShape = {
  bitsEnabled: z.boolean(),
  protected: z.boolean(),
  boundaries: z.array(boundarySchema).max(maxBoundariesPerDp, `A distribution point can have at most ${maxBoundariesPerDp} boundaries.`),
  shareProvider: z.enum(shareProviders),
  /** The smb.conf of the Samba server that holds the shares (samba provider only). */
  sambaConf: sambaConfSchema,
  volumes: z.array(dpVolumeSchema).max(maxVolumesPerDp, `A distribution point can have at most ${maxVolumesPerDp} volumes, one per drive letter.`),
  /** The free space a server share keeps for itself (server share mode only). */
  shareReserveMb: reserveSchema,
};

interface DpRulesInput {
  readonly mode?: DpMode;
  readonly protected?: boolean;
  readonly boundaries?: readonly BoundaryDto[];
  readonly shareProvider?: ShareProvider;
  readonly sambaConf?: string;
  readonly volumes?: readonly { readonly letter: string }[];
}

/** Rules between fields; the service runs them again on the settings as they will be after an update. */
export function dpRuleProblems(dp: DpRulesInput): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const volumes = dp.volumes ?? [];
  if (dp.mode === 'server' && volumes.length === 0) {
    problems.push({ field: 'volumes', message: 'A server distribution point needs at least one volume: a drive letter and the path the site server reaches it by.' });
  }
  if (dp.mode === 'serverShare' && volumes.length > 0) {
    problems.push({ field: 'volumes', message: 'A server share distribution point keeps packages in its share, so it has no volumes; leave them out.' });
  }
  const seen = new Set<string>();
  for (const volume of volumes) {
    if (seen.has(volume.letter)) problems.push({ field: 'volumes', message: `The drive letter ${volume.letter} is given twice; each volume has its own.` });
    seen.add(volume.letter);
  }
  const boundaries = dp.boundaries ?? [];
  if (dp.protected === true && boundaries.length === 0) {
    problems.push({ field: 'boundaries', message: 'A protected distribution point needs at least one boundary: the IP subnets, IP ranges or AD sites its clients are in.' });
  }
  if (dp.protected === false && boundaries.length > 0) {
    problems.push({ field: 'boundaries', message: 'Boundaries are for a protected distribution point; make it protected, or leave the boundaries out.' });
  }
  const keys = new Set<string>();
  for (const boundary of boundaries) {
    const key = `${boundary.kind}:${boundary.value.toLowerCase()}`;
    if (keys.has(key)) problems.push({ field: 'boundaries', message: `The boundary ${boundary.value} is given twice.` });
    keys.add(key);
  }
  if (dp.shareProvider === 'samba' && (dp.sambaConf ?? '') === '') {
    problems.push({ field: 'sambaConf', message: 'The samba share provider needs the smb.conf of the Samba server (an absolute path on the site server).' });
  }
  if (dp.shareProvider !== undefined && dp.shareProvider !== 'samba' && (dp.sambaConf ?? '') !== '') {
    problems.push({ field: 'sambaConf', message: 'An smb.conf is for the samba share provider only.' });
  }
  return problems;
}

export const dpCreateSchema = z
  .strictObject({
    name: dpNameSchema,
    /** Give it for a server share distribution point; leave it out (or empty) for a server one. */
    serverShare: serverShareSchema.default(''),
    bitsEnabled: dpSettingsShape.bitsEnabled.default(false),
    protected: dpSettingsShape.protected.default(false),
    boundaries: dpSettingsShape.boundaries.default([]),
    shareProvider: dpSettingsShape.shareProvider.default('local'),
    sambaConf: sambaConfSchema.default(''),
    volumes: dpSettingsShape.volumes.default([]),
    shareReserveMb: reserveSchema.default(0),
  })
  .superRefine((dp, ctx) => {
    for (const { field, message } of dpRuleProblems({ ...dp, mode: dp.serverShare === '' ? 'server' : 'serverShare' })) {
      ctx.addIssue({ code: 'custom', message, path: [field] });
    }
  });
export type DpCreateInput = z.input<typeof dpCreateSchema>;
export type DpCreate = z.output<typeof dpCreateSchema>;

export const dpChangesSchema = z.strictObject({
  bitsEnabled: dpSettingsShape.bitsEnabled.optional(),
  protected: dpSettingsShape.protected.optional(),
  boundaries: dpSettingsShape.boundaries.optional(),
  shareProvider: dpSettingsShape.shareProvider.optional(),
  sambaConf: sambaConfSchema.optional(),
  /** The whole list: volumes left out are dropped (refused while a package is on them). */
  volumes: dpSettingsShape.volumes.optional(),
  shareReserveMb: reserveSchema.optional(),
});
export type DpChanges = z.output<typeof dpChangesSchema>;

export const dpRefSchema = z.strictObject({ name: dpNameSchema });
export const dpListSchema = z.strictObject({
  /** Only the DPs that do not have this package (or are having it removed): the Copy Package page's list. */
  withoutPackage: packageIdSchema.optional(),
});
export const dpUpdateSchema = z.strictObject({ name: dpNameSchema, changes: dpChangesSchema });

export interface DpVolumeDto {
  readonly letter: string;
  /** As given: a local path or a UNC path. */
  readonly path: string;
  readonly reserveMb: number;
  /** The share Distribution Manager creates on it: SMSPKGD$. */
  readonly shareName: string;
}

export interface DistributionPointDto {
  readonly name: string;
  /** The site system: the server the DP role is on. */
  readonly serverName: string;
  readonly netbiosName: string;
  readonly siteCode: string;
  readonly mode: DpMode;
  readonly kind: DpKind;
  /** \\server\share for a server share DP; null for a server DP. */
  readonly serverShare: string | null;
  readonly shareReserveMb: number | null;
  /** ["Display=\\DP01\"]MSWNET:["SMS_SITE=A01"]\\DP01\ (the suite's ServerNALPath). */
  readonly nalPath: string;
  readonly bitsEnabled: boolean;
  readonly protected: boolean;
  readonly boundaries: readonly BoundaryDto[];
  readonly shareProvider: ShareProvider;
  readonly sambaConf: string | null;
  readonly volumes: readonly DpVolumeDto[];
  readonly groups: readonly string[];
  /** Packages with a row on this DP, in any state. */
  readonly packageCount: number;
  /** Deleted by the admin: Distribution Manager removes its packages, then the DP itself. */
  readonly deleting: boolean;
  readonly createdAt: string;
  readonly lastModified: string;
}

export interface DpDeletedDto {
  readonly name: string;
  /** true: gone now; false: kept until Distribution Manager has removed the packages named. */
  readonly deleted: boolean;
  readonly removalPending: readonly string[];
  readonly summary: string;
}

// ---- DP groups ---------------------------------------------------------------------------------

export const dpGroupNameSchema = textSchema({ label: 'The group name', max: maxDpGroupNameLength, required: 'Name the distribution point group.' });
export const dpGroupCreateSchema = z.strictObject({
  name: dpGroupNameSchema,
  description: optionalText('The description', 127).default(''),
  members: z.array(dpNameSchema).max(1000).default([]),
});
export const dpGroupRefSchema = z.strictObject({ name: dpGroupNameSchema });
export const dpGroupUpdateSchema = z.strictObject({
  name: dpGroupNameSchema,
  changes: z.strictObject({ name: dpGroupNameSchema.optional(), description: optionalText('The description', 127).optional() }),
});
export const dpGroupMemberSchema = z.strictObject({ name: dpGroupNameSchema, distributionPoint: dpNameSchema });

export interface DpGroupDto {
  readonly name: string;
  readonly description: string;
  readonly members: readonly string[];
  readonly createdAt: string;
  readonly lastModified: string;
}

// ---- packages on distribution points -------------------------------------------------------------

export const packageDistributeSchema = z
  .strictObject({
    packageId: packageIdSchema,
    distributionPoints: z.array(dpNameSchema).max(1000).default([]),
    /** Select Group: every member of each group named. */
    groups: z.array(dpGroupNameSchema).max(1000).default([]),
  })
  .refine((request) => request.distributionPoints.length + request.groups.length > 0, {
    message: 'Name at least one distribution point or group to copy the package to.',
    path: ['distributionPoints'],
  });
export const packageDpRefSchema = z.strictObject({ packageId: packageIdSchema, distributionPoint: dpNameSchema });
export const packageStatusSchema = z.strictObject({ packageId: packageIdSchema });
/** Validate (and Repair) a package's copies: on one DP, or on every DP that holds it. */
export const packageValidateSchema = z.strictObject({
  packageId: packageIdSchema,
  distributionPoint: dpNameSchema.optional(),
  repair: z.boolean({ error: 'repair is true or false.' }).default(false),
});

/** One DP's copy of a package re-hashed against the manifest of the version it holds. */
export interface PackageDpValidationDto {
  readonly name: string;
  /** \\DP01\SMSPKGD$\A0100001 */
  readonly path: string | null;
  readonly sourceVersion: number | null;
  readonly ok: boolean;
  readonly missing: readonly string[];
  readonly changed: readonly string[];
  readonly extra: readonly string[];
  readonly missingFolders: readonly string[];
  readonly checkedFiles: number;
  readonly checkedBytes: number;
  /** With repair: what was put right; null without it, or when nothing could be checked. */
  readonly repaired: { readonly rewritten: readonly string[]; readonly removed: readonly string[]; readonly createdFolders: readonly string[] } | null;
  /** Why the copy could not be checked or repaired (not copied yet, the volume gone, the source changed). */
  readonly error: string | null;
}

export interface PackageValidationDto {
  readonly packageId: string;
  readonly distributionPoints: readonly PackageDpValidationDto[];
}

/** What a distribute, update, refresh or remove will make Distribution Manager do, in numbers and in words. */
export interface DistributionPlanDto {
  readonly packageId: string;
  readonly packageName: string;
  readonly action: 'distribute' | 'update' | 'refresh' | 'remove';
  /** The source version the DPs are brought to. */
  readonly sourceVersion: number;
  /** The DPs this request gave work to. */
  readonly distributionPoints: readonly string[];
  /** DPs named (or in a group) that were left as they are, and why. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** Files and bytes of the source directory now (0 for a removal). */
  readonly files: number;
  readonly bytes: number;
  /** The same in plain words: what will be transferred where. */
  readonly summary: string;
}

export interface PackageDpStatusDto {
  readonly name: string;
  readonly nalPath: string;
  readonly state: PackageDpState;
  /** The package folder on the DP (\\DP01\SMSPKGD$\A0100001) once copied; null before. */
  readonly path: string | null;
  /** The source version on the DP; null until first copied. */
  readonly sourceVersion: number | null;
  /** The source version Distribution Manager is bringing it to. */
  readonly targetVersion: number;
  readonly files: number | null;
  readonly bytes: number | null;
  readonly lastCopied: string | null;
  readonly lastRefreshed: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
}

/**
 * What the package's source directory holds now, as the site server reads it: what a copy to one
 * distribution point transfers. The console's confirmations ask for it before they send anything.
 */
export interface PackageSourceSizeDto {
  readonly packageId: string;
  readonly sourceDirectory: string;
  readonly files: number;
  readonly bytes: number;
}

/**
 * One package's line of System Status › Package Status: how many DPs hold it, or are to. Only
 * packages with a row on some DP are listed (a deleted package whose removals are pending too).
 */
export interface PackageStatusCountsDto {
  readonly packageId: string;
  /** Every DP with a row that is not a removal. */
  readonly targeted: number;
  readonly installed: number;
  readonly retrying: number;
  readonly failed: number;
  /** Rows in removalPending or removalFailed. */
  readonly removing: number;
}

export interface PackageStatusDto {
  readonly packageId: string;
  /** null once the package is deleted and only its removals are left. */
  readonly sourceVersion: number | null;
  readonly distributionPoints: readonly PackageDpStatusDto[];
}

// ---- the Software Distribution component ---------------------------------------------------------

export const componentNames = ['distmgr'] as const;

/** SMS_SCI_Component properties of SMS_DISTRIBUTION_MANAGER, with the suite's ranges. */
export const distmgrLimits = {
  maxPackages: { min: 1, max: 50, default: 3, property: 'Thread Limit' },
  threadsPerPackage: { min: 1, max: 999, default: 5, property: 'Package Thread Limit' },
  retries: { min: 1, max: 1000, default: 100, property: 'Number of Retries' },
  retryDelayMinutes: { min: 1, max: 1440, default: 30, property: 'Retry Delay' },
} as const;

/** Where SMSPKG\<PackageID>.pkg goes (General tab); empty: the site root's SMSPKG folder. */
export function storedPackagesLocationProblem(path: string): string | null {
  if (path === '') return null;
  return volumePathProblem(path);
}

export const componentRefSchema = z.strictObject({ component: z.enum(componentNames) });
export const componentSetSchema = z.strictObject({
  component: z.enum(componentNames),
  changes: z.strictObject({
    maxPackages: boundedWholeNumber('The maximum number of packages processed at once', distmgrLimits.maxPackages).optional(),
    threadsPerPackage: boundedWholeNumber('The maximum threads per package', distmgrLimits.threadsPerPackage).optional(),
    retries: boundedWholeNumber('The number of retries', distmgrLimits.retries).optional(),
    retryDelayMinutes: boundedWholeNumber('The delay before retrying (minutes)', distmgrLimits.retryDelayMinutes).optional(),
    storedPackagesLocation: textSchema({ label: 'The location of stored packages', max: maxLocalPathLength, problem: storedPackagesLocationProblem }).optional(),
  }),
});

export interface DistributionManagerSettingsDto {
  readonly component: 'SMS_DISTRIBUTION_MANAGER';
  readonly maxPackages: number;
  readonly threadsPerPackage: number;
  readonly retries: number;
  readonly retryDelayMinutes: number;
  readonly storedPackagesLocation: string;
  /** The same values as the suite's SMS_SCI_Component Props: Thread Limit, Package Thread Limit … */
  readonly properties: Readonly<Record<string, number | string>>;
  readonly lastModified: string | null;
}
