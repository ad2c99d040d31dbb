import { advertisementClientStates, type AdvertisementClientStatesDto, type AdvertisementDeletedDto, type AdvertisementDto } from '../api';
import { describeSchedule } from '../api/schedule-text';
import { decodeScheduleToken } from '../formats/schedule-token';
import { textFields, textTable } from './text-table';

const hex = (value: number, digits: number) => `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
const yesNo = (on: boolean) => (on ? 'yes' : 'no');

function assignmentsOf(a: AdvertisementDto): string {
  const o = a.options;
  const events = [o.asSoonAsPossible && 'as soon as possible', o.atLogon && 'at logon', o.atLogoff && 'at logoff'].filter((e): e is string => typeof e === 'string');
  const schedules = a.assignedSchedule.match(/.{16}/g) ?? [];
  const all = [...events, ...schedules.map((token) => `schedule ${token} (${describeSchedule(decodeScheduleToken(token))})`)];
  return all.length === 0 ? 'none (optional)' : all.join(', ');
}

const timeOf = (time: string | null, enabled: boolean, utc: boolean) => (!enabled || time === null ? 'not set' : `${time}${utc ? ' UTC' : ' (client local time)'}`);

export function formatAdvertisementList(list: readonly AdvertisementDto[]): string {
  if (list.length === 0) return 'No advertisements.';
  return textTable(
    ['Advertisement ID', 'Name', 'Package', 'Program', 'Collection', 'Mandatory', 'Available'],
    list.map((a) => [a.advertisementId, a.advertisementName, a.packageId, a.programName, a.collectionId, yesNo(a.options.mandatory), timeOf(a.presentTime, a.presentTimeEnabled, a.presentTimeIsGmt)]),
  );
}

export function formatAdvertisement(a: AdvertisementDto): string {
  const o = a.options;
  return textFields([
    ['Advertisement ID', a.advertisementId],
    ['Name', a.advertisementName],
    ['Comment', a.comment],
    ['Package', a.packageId],
    ['Program', a.programName],
    ['Collection', `${a.collectionId}${a.includeSubcollections ? ' and its subcollections' : ''}`],
    ['Offer', a.offerState === 'offered' ? `offered to ${a.resourceCount} resources` : a.offerState === 'deferred' ? 'deferred: the package is on no distribution point' : 'pending: Offer Manager has not processed it yet'],
    ['Available', timeOf(a.presentTime, a.presentTimeEnabled, a.presentTimeIsGmt)],
    ['Expires', timeOf(a.expirationTime, a.expirationTimeEnabled, a.expirationTimeIsGmt)],
    ['Mandatory assignments', assignmentsOf(a)],
    ['Wake On LAN', yesNo(o.wakeOnLan)],
    ['Ignore maintenance windows', yesNo(o.ignoreMaintenanceWindows)],
    ['Restart outside maintenance windows', yesNo(o.allowRestartOutsideMaintenanceWindows)],
    ['Priority', o.priority],
    ['Rerun', `${o.rerun.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} (${a.repeatRunBehavior})`],
    ['Fast network boundary', o.fastNetwork === 'download' ? 'download and run locally' : 'run from the distribution point'],
    ['Slow network boundary', o.slowNetwork === 'doNotRun' ? 'do not run' : o.slowNetwork === 'download' ? 'download and run locally' : 'run from the distribution point'],
    ['Fallback to unprotected DPs', yesNo(o.allowFallbackToUnprotectedDps)],
    ['Users may run it independently', yesNo(o.allowUsersToRunIndependently)],
    ['Reminders', yesNo(o.displayReminders)],
    ['Countdown', a.mandatoryCountdownMinutes === 0 ? "the client agent's" : `${a.mandatoryCountdownMinutes} minutes`],
    ['AdvertFlags', hex(a.advertFlags, 8)],
    ['RemoteClientFlags', hex(a.remoteClientFlags, 4)],
    ['TimeFlags', hex(a.timeFlags, 4)],
  ]);
}

export function formatAdvertisementDeleted(deleted: AdvertisementDeletedDto): string {
  return `Deleted advertisement ${deleted.advertisementId} (${deleted.advertisementName}).`;
}

/** `courier advertisement clients`: the counts, then each client's last state. */
export function formatAdvertisementClientStates(states: AdvertisementClientStatesDto): string {
  const counts = advertisementClientStates.map((state) => `${state} ${states.counts[state]}`).join(', ');
  const table = states.clients.length === 0 ? 'No client has reported a state for it yet.' : textTable(['Client', 'Resource ID', 'State', 'Message', 'Time (UTC)'], states.clients.map((c) => [c.name, String(c.resourceId), c.state, String(c.messageId), c.time]));
  const more = states.nextAfter !== null ? `\nMore: --after ${states.nextAfter}` : '';
  return `Advertisement ${states.advertisementId}: ${counts}.\n${table}${more}`;
}
