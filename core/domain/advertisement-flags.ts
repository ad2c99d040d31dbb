import { fastNetworkOptions, rerunOptions, repeatRunBehaviors, sendingPriorities, slowNetworkOptions } from '../api';
import { priorityOf } from './package-fields';

/**
 * The suite's numeric advertisement fields (SMS_Advertisement: AdvertFlags, RemoteClientFlags,
 * TimeFlags, Priority) and the client policy's rerun string, from the options of the New
 * Advertisement Wizard, and back (docs/advertisements.md). Other tools compare Courier with the
 * original by these numbers, so every bit follows the suite.
 */

/** SMS_Advertisement.AdvertFlags bits. */
export const AdvertFlags = {
  IMMEDIATE: 0x00000020,
  ONSYSTEMSTARTUP: 0x00000100,
  ONUSERLOGON: 0x00000200,
  ONUSERLOGOFF: 0x00000400,
  OPTIONALPREDOWNLOAD: 0x00001000,
  WINDOWS_CE: 0x00008000,
  ENABLE_PEER_CACHING: 0x00010000,
  DONOT_FALLBACK: 0x00020000,
  ENABLE_TS_FROM_CD_AND_PXE: 0x00040000,
  APTSINTRANETONLY: 0x00080000,
  OVERRIDE_SERVICE_WINDOWS: 0x00100000,
  REBOOT_OUTSIDE_OF_SERVICE_WINDOWS: 0x00200000,
  WAKE_ON_LAN_ENABLED: 0x00400000,
  SHOW_PROGRESS: 0x00800000,
  NO_DISPLAY: 0x02000000,
  ONSLOWNET: 0x04000000,
  TARGETTOWINPE: 0x10000000,
  HIDDENINWINPE: 0x20000000,
} as const;

/** SMS_Advertisement.RemoteClientFlags bits. */
export const RemoteClientFlags = {
  BATTERY_POWER: 0x0001,
  RUN_FROM_CD: 0x0002,
  DOWNLOAD_FROM_CD: 0x0004,
  RUN_FROM_LOCAL_DISPPOINT: 0x0008,
  DOWNLOAD_FROM_LOCAL_DISPPOINT: 0x0010,
  DONT_RUN_NO_LOCAL_DISPPOINT: 0x0020,
  DOWNLOAD_FROM_REMOTE_DISPPOINT: 0x0040,
  RUN_FROM_REMOTE_DISPPOINT: 0x0080,
  DOWNLOAD_ON_DEMAND_FROM_LOCAL_DP: 0x0100,
  DOWNLOAD_ON_DEMAND_FROM_REMOTE_DP: 0x0200,
  BALLOON_REMINDERS_REQUIRED: 0x0400,
  RERUN_ALWAYS: 0x0800,
  RERUN_NEVER: 0x1000,
  RERUN_IF_FAILED: 0x2000,
  RERUN_IF_SUCCEEDED: 0x4000,
  PERSIST_ON_WRITE_FILTER_DEVICES: 0x8000,
} as const;

/** SMS_Advertisement.TimeFlags bits (the older form of the *Enabled and *IsGMT booleans). */
export const TimeFlags = {
  ENABLE_PRESENT: 0x0001,
  ENABLE_EXPIRATION: 0x0002,
  ENABLE_AVAILABLE: 0x0004,
  ENABLE_UNAVAILABLE: 0x0008,
  ENABLE_MANDATORY: 0x0010,
  GMT_PRESENT: 0x0020,
  GMT_EXPIRATION: 0x0040,
  GMT_AVAILABLE: 0x0080,
  GMT_UNAVAILABLE: 0x0100,
  GMT_MANDATORY: 0x0200,
} as const;

// The choices are the contract's (core/api/advertisements.ts), so requests and the codec agree.
export { fastNetworkOptions, slowNetworkOptions, rerunOptions, repeatRunBehaviors };

export type FastNetworkOption = (typeof fastNetworkOptions)[number];
export type SlowNetworkOption = (typeof slowNetworkOptions)[number];
export type RerunOption = (typeof rerunOptions)[number];
export type RepeatRunBehavior = (typeof repeatRunBehaviors)[number];
export type AdvertisementPriority = (typeof sendingPriorities)[number];

/** A time of the Schedule page: whether it is set, and whether it is UTC rather than each client's local time. */
export interface AdvertisementTime {
  readonly enabled: boolean;
  readonly isGmt: boolean;
}

/** The bits of each field that no option covers: kept so a decoded advertisement encodes to what it was. */
export interface OtherAdvertisementBits {
  readonly advertFlags: number;
  readonly remoteClientFlags: number;
  readonly timeFlags: number;
}

/** What the New Advertisement Wizard's Schedule, Distribution Points and Interaction pages set. */
export interface AdvertisementOptions {
  /** Mandatory assignments: "Assign immediately after this event" (each event at most once) and schedules. */
  readonly mandatory: {
    readonly asSoonAsPossible: boolean;
    readonly atLogon: boolean;
    readonly atLogoff: boolean;
    /** At least one assignment is a schedule (AssignedSchedule), in UTC when `schedulesAreGmt`. */
    readonly onSchedule: boolean;
    readonly schedulesAreGmt: boolean;
  };
  readonly wakeOnLan: boolean;
  readonly ignoreMaintenanceWindows: boolean;
  readonly allowRestartOutsideMaintenanceWindows: boolean;
  readonly fastNetwork: FastNetworkOption;
  readonly slowNetwork: SlowNetworkOption;
  readonly allowFallbackToUnprotectedDps: boolean;
  readonly rerun: RerunOption;
  readonly allowUsersToRunIndependently: boolean;
  readonly displayReminders: boolean;
  readonly present: AdvertisementTime;
  readonly expiration: AdvertisementTime;
  readonly priority: AdvertisementPriority;
  readonly otherBits: OtherAdvertisementBits;
}

export interface AdvertisementFlagFields {
  readonly advertFlags: number;
  readonly remoteClientFlags: number;
  readonly timeFlags: number;
  /** 1 high, 2 medium, 3 low. */
  readonly priority: number;
  readonly repeatRunBehavior: RepeatRunBehavior;
}

/**
 * What the wizard starts with: available from now, download on a fast network, do not run on a
 * slow one, no fallback to unprotected DPs, never rerun, users may run it before its assignment.
 */
export const advertisementDefaults: AdvertisementOptions = {
  mandatory: { asSoonAsPossible: false, atLogon: false, atLogoff: false, onSchedule: false, schedulesAreGmt: false },
  wakeOnLan: false,
  ignoreMaintenanceWindows: false,
  allowRestartOutsideMaintenanceWindows: false,
  fastNetwork: 'download',
  slowNetwork: 'doNotRun',
  allowFallbackToUnprotectedDps: false,
  rerun: 'never',
  allowUsersToRunIndependently: true,
  displayReminders: false,
  present: { enabled: true, isGmt: false },
  expiration: { enabled: false, isGmt: false },
  priority: 'medium',
  otherBits: { advertFlags: 0, remoteClientFlags: 0, timeFlags: 0 },
};

const A = AdvertFlags;
const R = RemoteClientFlags;
const T = TimeFlags;

const fastBits: Readonly<Record<FastNetworkOption, number>> = { download: R.DOWNLOAD_FROM_LOCAL_DISPPOINT, runFromDp: R.RUN_FROM_LOCAL_DISPPOINT };
const slowBits: Readonly<Record<SlowNetworkOption, number>> = {
  doNotRun: R.DONT_RUN_NO_LOCAL_DISPPOINT,
  download: R.DOWNLOAD_FROM_REMOTE_DISPPOINT,
  runFromDp: R.RUN_FROM_REMOTE_DISPPOINT,
};
const rerunBits: Readonly<Record<RerunOption, number>> = {
  never: R.RERUN_NEVER,
  always: R.RERUN_ALWAYS,
  ifFailed: R.RERUN_IF_FAILED,
  ifSucceeded: R.RERUN_IF_SUCCEEDED,
};
const behaviorOf: Readonly<Record<RerunOption, RepeatRunBehavior>> = {
  never: 'RerunNever',
  always: 'RerunAlways',
  ifFailed: 'RerunIfFail',
  ifSucceeded: 'RerunIfSuccess',
};

/** The bits the options own; any other bit is carried in `otherBits`. */
export const ownedBits: OtherAdvertisementBits = {
  advertFlags:
    A.IMMEDIATE | A.ONUSERLOGON | A.ONUSERLOGOFF | A.DONOT_FALLBACK | A.OVERRIDE_SERVICE_WINDOWS | A.REBOOT_OUTSIDE_OF_SERVICE_WINDOWS | A.WAKE_ON_LAN_ENABLED | A.NO_DISPLAY,
  remoteClientFlags:
    Object.values(fastBits).reduce((a, b) => a | b, 0) |
    Object.values(slowBits).reduce((a, b) => a | b, 0) |
    Object.values(rerunBits).reduce((a, b) => a | b, 0) |
    R.BALLOON_REMINDERS_REQUIRED,
  timeFlags: T.ENABLE_PRESENT | T.ENABLE_EXPIRATION | T.ENABLE_MANDATORY | T.GMT_PRESENT | T.GMT_EXPIRATION | T.GMT_MANDATORY,
};

const bit = (on: boolean, value: number): number => (on ? value : 0);

/** The suite's fields for these options. */
export function advertisementFlagsOf(o: AdvertisementOptions): AdvertisementFlagFields {
  const m = o.mandatory;
  const advertFlags =
    bit(m.asSoonAsPossible, A.IMMEDIATE) |
    bit(m.atLogon, A.ONUSERLOGON) |
    bit(m.atLogoff, A.ONUSERLOGOFF) |
    bit(!o.allowFallbackToUnprotectedDps, A.DONOT_FALLBACK) |
    bit(o.ignoreMaintenanceWindows, A.OVERRIDE_SERVICE_WINDOWS) |
    bit(o.allowRestartOutsideMaintenanceWindows, A.REBOOT_OUTSIDE_OF_SERVICE_WINDOWS) |
    bit(o.wakeOnLan, A.WAKE_ON_LAN_ENABLED) |
    bit(!o.allowUsersToRunIndependently, A.NO_DISPLAY) |
    (o.otherBits.advertFlags & ~ownedBits.advertFlags);
  const remoteClientFlags =
    fastBits[o.fastNetwork] |
    slowBits[o.slowNetwork] |
    rerunBits[o.rerun] |
    bit(o.displayReminders, R.BALLOON_REMINDERS_REQUIRED) |
    (o.otherBits.remoteClientFlags & ~ownedBits.remoteClientFlags);
  const timeFlags =
    bit(o.present.enabled, T.ENABLE_PRESENT) |
    bit(o.present.isGmt, T.GMT_PRESENT) |
    bit(o.expiration.enabled, T.ENABLE_EXPIRATION) |
    bit(o.expiration.isGmt, T.GMT_EXPIRATION) |
    bit(m.onSchedule, T.ENABLE_MANDATORY) |
    bit(m.schedulesAreGmt, T.GMT_MANDATORY) |
    (o.otherBits.timeFlags & ~ownedBits.timeFlags);
  return {
    advertFlags: advertFlags >>> 0,
    remoteClientFlags: remoteClientFlags >>> 0,
    timeFlags: timeFlags >>> 0,
    priority: priorityOf({ sendingPriority: o.priority }),
    repeatRunBehavior: behaviorOf[o.rerun],
  };
}

/** The first option, in the order given, whose bit is set; else the console's default. */
function choiceOf<K extends string>(flags: number, bits: Readonly<Record<K, number>>, order: readonly K[], fallback: K): K {
  return order.find((key) => (flags & bits[key]) !== 0) ?? fallback;
}

const priorities: Readonly<Record<number, AdvertisementPriority>> = { 1: 'high', 2: 'medium', 3: 'low' };

/**
 * The options the console shows for these fields. A field no console writes (two network choices,
 * no rerun bit) reads as the console shows it: the choice it would have saved; a priority other
 * than 1 to 3 reads as medium. The rerun choice comes from RemoteClientFlags, which the suite
 * stores, not from the policy's string.
 */
export function advertisementOptionsOf(fields: Omit<AdvertisementFlagFields, 'repeatRunBehavior'>): AdvertisementOptions {
  const { advertFlags: a, remoteClientFlags: r, timeFlags: t } = fields;
  const has = (flags: number, value: number) => (flags & value) !== 0;
  return {
    mandatory: {
      asSoonAsPossible: has(a, A.IMMEDIATE),
      atLogon: has(a, A.ONUSERLOGON),
      atLogoff: has(a, A.ONUSERLOGOFF),
      onSchedule: has(t, T.ENABLE_MANDATORY),
      schedulesAreGmt: has(t, T.GMT_MANDATORY),
    },
    wakeOnLan: has(a, A.WAKE_ON_LAN_ENABLED),
    ignoreMaintenanceWindows: has(a, A.OVERRIDE_SERVICE_WINDOWS),
    allowRestartOutsideMaintenanceWindows: has(a, A.REBOOT_OUTSIDE_OF_SERVICE_WINDOWS),
    // Download wins over run-from-DP, and do-not-run over the others: the safer reading.
    fastNetwork: choiceOf(r, fastBits, ['download', 'runFromDp'], 'download'),
    slowNetwork: choiceOf(r, slowBits, ['doNotRun', 'download', 'runFromDp'], 'doNotRun'),
    allowFallbackToUnprotectedDps: !has(a, A.DONOT_FALLBACK),
    rerun: choiceOf(r, rerunBits, ['never', 'ifFailed', 'ifSucceeded', 'always'], 'never'),
    allowUsersToRunIndependently: !has(a, A.NO_DISPLAY),
    displayReminders: has(r, R.BALLOON_REMINDERS_REQUIRED),
    present: { enabled: has(t, T.ENABLE_PRESENT), isGmt: has(t, T.GMT_PRESENT) },
    expiration: { enabled: has(t, T.ENABLE_EXPIRATION), isGmt: has(t, T.GMT_EXPIRATION) },
    priority: priorities[fields.priority] ?? 'medium',
    otherBits: {
      advertFlags: (a & ~ownedBits.advertFlags) >>> 0,
      remoteClientFlags: (r & ~ownedBits.remoteClientFlags) >>> 0,
      timeFlags: (t & ~ownedBits.timeFlags) >>> 0,
    },
  };
}

/**
 * Whether the advertisement is assigned (mandatory): an event, a schedule, or the system start-up
 * event, which the 2007 wizard does not offer but an older advertisement may carry.
 */
export function isMandatory(o: Pick<AdvertisementOptions, 'mandatory' | 'otherBits'>): boolean {
  const m = o.mandatory;
  return m.asSoonAsPossible || m.atLogon || m.atLogoff || m.onSchedule || (o.otherBits.advertFlags & A.ONSYSTEMSTARTUP) !== 0;
}
