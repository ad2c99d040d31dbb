import { z } from 'zod';
import { collectionIdSchema } from './collections';
import { objectIdPattern, packageIdSchema } from './ids';
import { sendingPriorities } from './packages';
import { optionalText, requiredText, textSchema } from './text';

/**
 * Advertisements (SMS_Advertisement): one program of a package offered to a collection
 * (docs/advertisements.md). The DTO carries the suite's fields as the suite encodes them, so
 * other tools can compare them with the original, and the readable options they decode to.
 */

export const fastNetworkOptions = ['download', 'runFromDp'] as const;
export const slowNetworkOptions = ['doNotRun', 'download', 'runFromDp'] as const;
export const rerunOptions = ['never', 'always', 'ifFailed', 'ifSucceeded'] as const;
/** ADV_RepeatRunBehavior of the client policy (CCM_SoftwareDistribution). */
export const repeatRunBehaviors = ['RerunNever', 'RerunAlways', 'RerunIfFail', 'RerunIfSuccess'] as const;

/** AssignedSchedule holds at most 15 schedule tokens. */
export const maxAssignedSchedules = 15;
/** The longest custom countdown the Interaction page takes, as the client agent's own (a day). */
export const maxMandatoryCountdownMinutes = 1440;

export const advertisementIdSchema = textSchema({
  label: 'An advertisement ID',
  max: 8,
  required: 'An advertisement ID is required.',
  pattern: { test: (text) => objectIdPattern.test(text.toUpperCase()), message: 'An advertisement ID is the site code followed by five hex digits, for example A0120000.' },
}).transform((id) => id.toUpperCase());

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a text is not an advertisement time (`YYYY-MM-DDTHH:MM`), or null when it is one. */
export function advertisementTimeProblem(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!match) return `A time looks like 2026-12-02T15:00 (date and time, no seconds); "${text.slice(0, 40)}" does not.`;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  // The suite's "not set" is 1990-01-01; DMTF times end at 9999.
  if (year < 1990) return `The year must be 1990 or later; it is ${year}.`;
  if (month < 1 || month > 12) return `The month must be 1–12; it is ${month}.`;
  if (day < 1 || day > daysInMonth(year, month)) return `The day must be 1–${daysInMonth(year, month)} in ${year}-${match[2]}; it is ${day}.`;
  if (hour > 23) return `The hour must be 0–23; it is ${hour}.`;
  if (minute > 59) return `The minute must be 0–59; it is ${minute}.`;
  return null;
}

/** Wall-clock time, each client's local time unless its `…IsGmt` says UTC, as the Schedule page sets it. */
export const advertisementTimeSchema = textSchema({ label: 'A time', max: 16, required: 'A time is required (YYYY-MM-DDTHH:MM).', problem: advertisementTimeProblem });

/** Concatenated 16-hex-digit schedule tokens (docs/formats.md#schedule-tokens); each is decoded by the core. */
export const assignedScheduleSchema = textSchema({
  label: 'AssignedSchedule',
  // Room to say "at most 15" of a few too many rather than only "too long".
  max: 16 * 64,
  pattern: { test: (text) => /^([0-9A-Fa-f]{16})*$/.test(text), message: 'AssignedSchedule is schedule tokens of 16 hex digits each, one after another, for example 00012CC0001A2000.' },
  problem: (text) => (text.length / 16 > maxAssignedSchedules ? `An advertisement can have at most ${maxAssignedSchedules} assigned schedules; ${text.length / 16} given.` : null),
}).transform((text) => text.toUpperCase());

/** What the Schedule, Distribution Points and Interaction pages set besides times and schedules. */
const optionShapes = {
  /** "Assign immediately after this event": as soon as possible, at logon, at logoff. */
  asSoonAsPossible: z.boolean(),
  atLogon: z.boolean(),
  atLogoff: z.boolean(),
  wakeOnLan: z.boolean(),
  ignoreMaintenanceWindows: z.boolean(),
  allowRestartOutsideMaintenanceWindows: z.boolean(),
  priority: z.enum(sendingPriorities),
  rerun: z.enum(rerunOptions),
  fastNetwork: z.enum(fastNetworkOptions),
  slowNetwork: z.enum(slowNetworkOptions),
  allowFallbackToUnprotectedDps: z.boolean(),
  allowUsersToRunIndependently: z.boolean(),
  displayReminders: z.boolean(),
};

const advertisementName = requiredText('The advertisement name', 100);
const advertisementComment = optionalText('The comment', 127);
const countdown = z
  .number()
  .int('The countdown is whole minutes.')
  .min(0, 'The countdown is 0 (the client agent\'s) or more minutes.')
  .max(maxMandatoryCountdownMinutes, `The countdown is at most ${maxMandatoryCountdownMinutes} minutes (a day).`);

const fieldShapes = {
  advertisementName,
  comment: advertisementComment,
  packageId: packageIdSchema,
  programName: requiredText('The program name', 50),
  collectionId: collectionIdSchema,
  includeSubcollections: z.boolean(),
  /** Omitted: now, as the wizard starts it. */
  presentTime: advertisementTimeSchema,
  presentTimeIsGmt: z.boolean(),
  expirationTimeEnabled: z.boolean(),
  expirationTime: advertisementTimeSchema.nullable(),
  expirationTimeIsGmt: z.boolean(),
  assignedSchedule: assignedScheduleSchema,
  /** Minutes of countdown before an assigned program runs; 0 uses the client agent's. */
  mandatoryCountdownMinutes: countdown,
  ...optionShapes,
};

export const advertisementCreateSchema = z
  .strictObject(fieldShapes)
  .partial()
  .required({ advertisementName: true, packageId: true, programName: true, collectionId: true });
export type AdvertisementCreateInput = z.output<typeof advertisementCreateSchema>;

export const advertisementChangesSchema = z.strictObject(fieldShapes).partial();
export type AdvertisementChanges = z.output<typeof advertisementChangesSchema>;

export const advertisementRefSchema = z.strictObject({ advertisementId: advertisementIdSchema });
export const advertisementUpdateSchema = z.strictObject({ advertisementId: advertisementIdSchema, changes: advertisementChangesSchema });
/**
 * Which advertisements: all, or those of a package (and one of its programs), or of a
 * collection; what the Delete Program and Delete Package wizards list as affected.
 */
export const advertisementListSchema = z
  .strictObject({
    packageId: packageIdSchema.optional(),
    programName: requiredText('The program name', 50).optional(),
    collectionId: collectionIdSchema.optional(),
  })
  .refine((filter) => filter.programName === undefined || filter.packageId !== undefined, {
    message: 'A program is named within its package: give packageId with programName.',
    path: ['programName'],
  });
export type AdvertisementFilter = z.output<typeof advertisementListSchema>;

export type AdvertisementOptionsDto = {
  readonly [K in keyof typeof optionShapes]: z.output<(typeof optionShapes)[K]>;
} & {
  /** At least one AssignedSchedule token. */
  readonly onSchedule: boolean;
  /** Every assigned schedule is UTC (TimeFlags GMT_MANDATORY). */
  readonly schedulesAreGmt: boolean;
  /** Assigned (mandatory): an event, a schedule, or the system start-up bit of an older advertisement. */
  readonly mandatory: boolean;
  /** Bits of each number that no option covers, kept as they were. */
  readonly otherBits: { readonly advertFlags: number; readonly remoteClientFlags: number; readonly timeFlags: number };
};

export const advertisementOfferStates = ['pending', 'offered', 'deferred'] as const;

export interface AdvertisementDto {
  readonly advertisementId: string;
  readonly advertisementName: string;
  readonly comment: string;
  readonly packageId: string;
  readonly programName: string;
  readonly collectionId: string;
  readonly includeSubcollections: boolean;
  /** The site the advertisement was made at (SourceSite). */
  readonly sourceSite: string;
  readonly presentTime: string;
  readonly presentTimeEnabled: boolean;
  readonly presentTimeIsGmt: boolean;
  readonly expirationTime: string | null;
  readonly expirationTimeEnabled: boolean;
  readonly expirationTimeIsGmt: boolean;
  /** SMS_Advertisement.AdvertFlags, unsigned 32-bit. */
  readonly advertFlags: number;
  readonly remoteClientFlags: number;
  readonly timeFlags: number;
  /** The concatenated schedule tokens; '' when none. */
  readonly assignedSchedule: string;
  readonly assignedScheduleEnabled: boolean;
  readonly assignedScheduleIsGmt: boolean;
  /** 1 high, 2 medium, 3 low. */
  readonly priority: number;
  readonly repeatRunBehavior: (typeof repeatRunBehaviors)[number];
  readonly mandatoryCountdownMinutes: number;
  readonly options: AdvertisementOptionsDto;
  readonly createdAt: string;
  readonly lastModified: string;
  /**
   * What Offer Manager made of it (docs/offer-manager.md): `pending` until it has processed the
   * advertisement as it now is, `deferred` while the package is on no distribution point,
   * `offered` once it is in the policy of the resources it reaches.
   */
  readonly offerState: (typeof advertisementOfferStates)[number];
  /** The resources whose policy holds it now (0 unless offered). */
  readonly resourceCount: number;
}

export interface AdvertisementDeletedDto {
  readonly advertisementId: string;
  readonly advertisementName: string;
}
