import type { AdvertisementChanges, AdvertisementCreateInput, AdvertisementDto } from '../../api';
import type { AdvertisementRecord } from '../../db/repositories/advertisement-repository';
import { AdvertFlags, advertisementDefaults, advertisementFlagsOf, advertisementOptionsOf, isMandatory, type AdvertisementOptions } from '../../domain/advertisement-flags';
import { decodeScheduleToken, splitScheduleTokens } from '../../formats/schedule-token';

/**
 * Everything an advertisement's wizard pages set, flat: the request's fields, all present, and
 * what the suite's numbers are encoded from. `otherBits` carries the bits no option covers.
 */
export type AdvertisementSettings = Required<AdvertisementChanges> & {
  readonly presentTimeEnabled: boolean;
  readonly otherBits: AdvertisementOptions['otherBits'];
};

/** The option fields of a request and of the DTO's `options`, from the decoded options. */
function optionFieldsOf(o: AdvertisementOptions) {
  return {
    asSoonAsPossible: o.mandatory.asSoonAsPossible,
    atLogon: o.mandatory.atLogon,
    atLogoff: o.mandatory.atLogoff,
    wakeOnLan: o.wakeOnLan,
    ignoreMaintenanceWindows: o.ignoreMaintenanceWindows,
    allowRestartOutsideMaintenanceWindows: o.allowRestartOutsideMaintenanceWindows,
    priority: o.priority,
    rerun: o.rerun,
    fastNetwork: o.fastNetwork,
    slowNetwork: o.slowNetwork,
    allowFallbackToUnprotectedDps: o.allowFallbackToUnprotectedDps,
    allowUsersToRunIndependently: o.allowUsersToRunIndependently,
    displayReminders: o.displayReminders,
    otherBits: o.otherBits,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM` of a moment: UTC, or the site server's wall clock. */
export function wallClockOf(moment: Date, utc: boolean): string {
  const [y, mo, d, h, mi] = utc
    ? [moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate(), moment.getUTCHours(), moment.getUTCMinutes()]
    : [moment.getFullYear(), moment.getMonth() + 1, moment.getDate(), moment.getHours(), moment.getMinutes()];
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
}

/** The moment a wall-clock time names: UTC, or local to the site server (where the two are compared). */
export function momentOf(wallClock: string, utc: boolean): number {
  const [y, mo, d, h, mi] = wallClock.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return utc ? Date.UTC(y, mo - 1, d, h, mi) : new Date(y, mo - 1, d, h, mi).getTime();
}

/** The wizard's starting point for a new advertisement: available from now, the codec's defaults. */
export function newAdvertisementSettings(input: AdvertisementCreateInput, now: Date): AdvertisementSettings {
  const d = advertisementDefaults;
  return {
    advertisementName: input.advertisementName,
    comment: '',
    packageId: input.packageId,
    programName: input.programName,
    collectionId: input.collectionId,
    includeSubcollections: true,
    presentTime: wallClockOf(now, input.presentTimeIsGmt === true),
    presentTimeEnabled: d.present.enabled,
    presentTimeIsGmt: d.present.isGmt,
    expirationTimeEnabled: d.expiration.enabled,
    expirationTime: null,
    expirationTimeIsGmt: d.expiration.isGmt,
    assignedSchedule: '',
    mandatoryCountdownMinutes: 0,
    ...optionFieldsOf(d),
  };
}

export function assignedTokensOf(assignedSchedule: string): string[] {
  return assignedSchedule === '' ? [] : splitScheduleTokens(assignedSchedule);
}

/** The codec's options for these settings; the schedules' GMT bit is set when every schedule is UTC. */
export function optionsOf(s: AdvertisementSettings): AdvertisementOptions {
  const tokens = assignedTokensOf(s.assignedSchedule);
  return {
    mandatory: {
      asSoonAsPossible: s.asSoonAsPossible,
      atLogon: s.atLogon,
      atLogoff: s.atLogoff,
      onSchedule: tokens.length > 0,
      schedulesAreGmt: tokens.length > 0 && tokens.every((token) => decodeScheduleToken(token).isGmt),
    },
    wakeOnLan: s.wakeOnLan,
    ignoreMaintenanceWindows: s.ignoreMaintenanceWindows,
    allowRestartOutsideMaintenanceWindows: s.allowRestartOutsideMaintenanceWindows,
    fastNetwork: s.fastNetwork,
    slowNetwork: s.slowNetwork,
    allowFallbackToUnprotectedDps: s.allowFallbackToUnprotectedDps,
    rerun: s.rerun,
    allowUsersToRunIndependently: s.allowUsersToRunIndependently,
    displayReminders: s.displayReminders,
    present: { enabled: s.presentTimeEnabled, isGmt: s.presentTimeIsGmt },
    expiration: { enabled: s.expirationTimeEnabled, isGmt: s.expirationTimeIsGmt },
    priority: s.priority,
    otherBits: s.otherBits,
  };
}

/** AdvertFlags WINDOWS_CE marks an advertisement for devices: set for a device program, cleared for a computer one. */
export function withDeviceBit(otherBits: AdvertisementOptions['otherBits'], forDevices: boolean): AdvertisementOptions['otherBits'] {
  const advertFlags = forDevices ? otherBits.advertFlags | AdvertFlags.WINDOWS_CE : otherBits.advertFlags & ~AdvertFlags.WINDOWS_CE;
  return { ...otherBits, advertFlags };
}

/** The stored fields (all but ID, site and stamps) for these settings. Call after the rules are checked. */
export function encodeAdvertisement(s: AdvertisementSettings): Omit<AdvertisementRecord, 'advertisementId' | 'sourceSite' | 'createdAt' | 'lastModified'> {
  const flags = advertisementFlagsOf(optionsOf(s));
  return {
    name: s.advertisementName,
    comment: s.comment,
    packageId: s.packageId,
    programName: s.programName,
    collectionId: s.collectionId,
    includeSubcollections: s.includeSubcollections,
    presentTime: s.presentTime,
    expirationTime: s.expirationTime,
    advertFlags: flags.advertFlags,
    remoteClientFlags: flags.remoteClientFlags,
    timeFlags: flags.timeFlags,
    priority: flags.priority,
    assignedSchedule: s.assignedSchedule,
    mandatoryCountdownMinutes: s.mandatoryCountdownMinutes,
  };
}

/** The fields stored as they are, in the request's names. */
function storedFieldsOf(r: AdvertisementRecord) {
  return {
    advertisementName: r.name,
    comment: r.comment,
    packageId: r.packageId,
    programName: r.programName,
    collectionId: r.collectionId,
    includeSubcollections: r.includeSubcollections,
    presentTime: r.presentTime,
    expirationTime: r.expirationTime,
    assignedSchedule: r.assignedSchedule,
    mandatoryCountdownMinutes: r.mandatoryCountdownMinutes,
  };
}

const timeFieldsOf = (o: AdvertisementOptions) => ({
  presentTimeEnabled: o.present.enabled,
  presentTimeIsGmt: o.present.isGmt,
  expirationTimeEnabled: o.expiration.enabled,
  expirationTimeIsGmt: o.expiration.isGmt,
});

/** The settings a stored advertisement decodes to. */
export function advertisementSettingsOf(r: AdvertisementRecord): AdvertisementSettings {
  const o = advertisementOptionsOf(r);
  return { ...storedFieldsOf(r), ...timeFieldsOf(o), ...optionFieldsOf(o) };
}

export function toAdvertisementDto(r: AdvertisementRecord): AdvertisementDto {
  const o = advertisementOptionsOf(r);
  const flags = advertisementFlagsOf(o);
  return {
    advertisementId: r.advertisementId,
    ...storedFieldsOf(r),
    sourceSite: r.sourceSite,
    ...timeFieldsOf(o),
    advertFlags: r.advertFlags,
    remoteClientFlags: r.remoteClientFlags,
    timeFlags: r.timeFlags,
    assignedScheduleEnabled: o.mandatory.onSchedule,
    assignedScheduleIsGmt: o.mandatory.schedulesAreGmt,
    priority: r.priority,
    repeatRunBehavior: flags.repeatRunBehavior,
    options: {
      ...optionFieldsOf(o),
      onSchedule: o.mandatory.onSchedule,
      schedulesAreGmt: o.mandatory.schedulesAreGmt,
      mandatory: isMandatory(o),
    },
    createdAt: r.createdAt,
    lastModified: r.lastModified,
    offerState: r.offerState ?? 'pending',
    resourceCount: r.resourceCount ?? 0,
  };
}
