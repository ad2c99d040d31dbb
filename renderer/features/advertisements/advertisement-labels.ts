import type { AdvertisementDto, fastNetworkOptions, rerunOptions, sendingPriorities, slowNetworkOptions } from '../../../core/api';

/** The Advertisements list's Type column: what the advertisement's program runs on. */
export const advertisementTypeLabels: Readonly<Record<'computer' | 'device', string>> = { computer: 'Computer', device: 'Device' };

/** The Schedule page's words for each rerun choice (ADV_RepeatRunBehavior). */
export const rerunLabels: Readonly<Record<(typeof rerunOptions)[number], string>> = {
  never: 'Never rerun advertised program',
  always: 'Always rerun program',
  ifFailed: 'Rerun if failed previous attempt',
  ifSucceeded: 'Rerun if succeeded on previous attempt',
};

export const priorityLabels: Readonly<Record<(typeof sendingPriorities)[number], string>> = { high: 'High', medium: 'Medium', low: 'Low' };

export const fastNetworkLabels: Readonly<Record<(typeof fastNetworkOptions)[number], string>> = {
  download: 'Download content from distribution point and run locally',
  runFromDp: 'Run program from distribution point',
};

export const slowNetworkLabels: Readonly<Record<(typeof slowNetworkOptions)[number], string>> = {
  doNotRun: 'Do not run program',
  download: 'Download content from distribution point and run locally',
  runFromDp: 'Run program from distribution point',
};

export type AssignmentEvent = 'asSoonAsPossible' | 'atLogon' | 'atLogoff';
export const assignmentEvents: readonly AssignmentEvent[] = ['asSoonAsPossible', 'atLogon', 'atLogoff'];

export const eventLabels: Readonly<Record<AssignmentEvent, string>> = {
  asSoonAsPossible: 'As soon as possible',
  atLogon: 'Logon',
  atLogoff: 'Logoff',
};

/** An event assignment as the Mandatory Assignments list shows it. */
export const eventPhrases: Readonly<Record<AssignmentEvent, string>> = {
  asSoonAsPossible: 'As soon as possible',
  atLogon: 'At logon',
  atLogoff: 'At logoff',
};

/** A wall-clock time as the Schedule page shows it: "2026-12-07 20:00 UTC", or the client's local time. */
export function advertisementTimeText(time: string | null, isGmt: boolean): string {
  if (time === null) return '';
  return `${time.replace('T', ' ')}${isGmt ? ' UTC' : ''}`;
}

/** The Expires column: the time, or nothing when the advertisement does not expire. */
export function expiresText(advertisement: AdvertisementDto): string {
  return advertisement.expirationTimeEnabled ? advertisementTimeText(advertisement.expirationTime, advertisement.expirationTimeIsGmt) : '';
}

/**
 * The Mandatory column: the next scheduled time (when known) and the events, as the suite lists
 * them; empty for an advertisement that is only offered.
 */
export function mandatoryText(advertisement: AdvertisementDto, nextScheduled: string | null | undefined): string {
  const { options } = advertisement;
  const parts: string[] = [];
  if (options.onSchedule) parts.push(nextScheduled === undefined ? 'Scheduled' : nextScheduled === null ? 'Scheduled (no further run)' : nextScheduled);
  if (options.asSoonAsPossible) parts.push('As soon as possible');
  if (options.atLogon) parts.push('Logon');
  if (options.atLogoff) parts.push('Logoff');
  if (parts.length === 0 && options.mandatory) parts.push('System startup');
  return parts.join('; ');
}
