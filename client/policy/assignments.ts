import type { Schedule } from '../../core/api';
import { AdvertFlags, type AdvertisementOptions } from '../../core/domain/advertisement-flags';
import { latestRun, runsAfter } from '../../core/domain/schedule-occurrences';
import { decodeScheduleTokens } from '../../core/formats/schedule-token';
import type { AdvertisementWindow } from './advertisement-times';
import type { EvaluationContext } from './context';
import type { ClientOfferBody } from './offer-body-schema';

/**
 * The mandatory assignments of an advertisement ("Assign immediately after this event" and
 * "Assign to the following schedule") as the times they fall due on this client.
 */

export type AssignmentKind = 'schedule' | 'asSoonAsPossible' | 'logon' | 'logoff' | 'startup';

export interface Assignment {
  readonly kind: AssignmentKind;
  /** When the schedule occurrence or the event was. */
  readonly occurrence: Date;
  /** When it falls due: the occurrence, or the start of the advertisement when that is later. */
  readonly dueAt: Date;
  /** The schedule token, for a scheduled assignment. */
  readonly token?: string;
  /** Who logged on or off, for those events. */
  readonly user?: string;
}

export interface AssignmentTimes {
  /** The latest assignment due at or before now, if any. */
  readonly latestDue: Assignment | null;
  /** The first scheduled assignment after now (events cannot be foreseen), if any before the expiry. */
  readonly next: Assignment | null;
}

const later = (a: Date, b: Date | null): Date => (b !== null && b.getTime() > a.getTime() ? b : a);

function schedulesOf(body: ClientOfferBody, options: AdvertisementOptions): { token: string; schedule: Schedule }[] {
  if (!options.mandatory.onSchedule || body.advertisement.assignedSchedule === '') return [];
  const tokens = body.advertisement.assignedSchedule.match(/.{16}/g) ?? [];
  return decodeScheduleTokens(tokens).map((schedule, index) => ({ token: tokens[index] ?? '', schedule }));
}

/**
 * Every assignment is due at most once per occurrence: the latest one that has come (an earlier
 * missed one is covered by running once for the latest, as a machine that was off runs a missed
 * assignment once), and the next scheduled one. Events before the advertisement was received do
 * not count: "at logon" means the next logon. Nothing at or after the expiry is due.
 */
export function assignmentTimes(body: ClientOfferBody, options: AdvertisementOptions, window: AdvertisementWindow, context: Pick<EvaluationContext, 'events' | 'receivedAt' | 'now'>): AssignmentTimes {
  const { now } = context;
  const beforeExpiry = (at: Date) => window.expiresAt === null || at.getTime() < window.expiresAt.getTime();
  const due: Assignment[] = [];
  const upcoming: Assignment[] = [];
  const add = (assignment: Assignment) => {
    if (!beforeExpiry(assignment.dueAt)) return;
    (assignment.dueAt.getTime() <= now.getTime() ? due : upcoming).push(assignment);
  };

  for (const { token, schedule } of schedulesOf(body, options)) {
    const past = latestRun(schedule, now);
    if (past !== null) add({ kind: 'schedule', occurrence: past, dueAt: later(past, window.availableFrom), token });
    // An occurrence before the start is due at the start; the next one after now is foreseen.
    const [next] = runsAfter(schedule, now, 1);
    if (next !== undefined) add({ kind: 'schedule', occurrence: next, dueAt: later(next, window.availableFrom), token });
  }

  if (options.mandatory.asSoonAsPossible) {
    add({ kind: 'asSoonAsPossible', occurrence: context.receivedAt, dueAt: later(context.receivedAt, window.availableFrom) });
  }

  const eventKinds = new Set<AssignmentKind>();
  if (options.mandatory.atLogon) eventKinds.add('logon');
  if (options.mandatory.atLogoff) eventKinds.add('logoff');
  if ((options.otherBits.advertFlags & AdvertFlags.ONSYSTEMSTARTUP) !== 0) eventKinds.add('startup');
  const since = later(context.receivedAt, window.availableFrom).getTime();
  for (const event of context.events) {
    if (!eventKinds.has(event.kind) || event.at.getTime() < since || event.at.getTime() > now.getTime()) continue;
    add({ kind: event.kind, occurrence: event.at, dueAt: event.at, ...(event.user === undefined ? {} : { user: event.user }) });
  }

  const byDue = (a: Assignment, b: Assignment) => a.dueAt.getTime() - b.dueAt.getTime();
  return { latestDue: due.sort(byDue).at(-1) ?? null, next: upcoming.sort(byDue)[0] ?? null };
}
