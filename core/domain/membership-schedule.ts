import { decodeScheduleToken } from '../formats/schedule-token';
import { latestRun, runsAfter } from './schedule-occurrences';

/**
 * A collection's membership update schedule (SMS_Collection.RefreshSchedule) is a schedule token;
 * its run times are those of schedule-occurrences.ts (local wall-clock time unless the token is
 * GMT). An occurrence missed while no evaluator ran is made up once, for the latest occurrence,
 * not once per occurrence missed, as the package update schedule is (update-schedule.ts).
 */

/**
 * The occurrence the collection is due for at `now`, or null: one has come since the last one
 * evaluated (or, never evaluated on its schedule, since the collection was created, so a
 * schedule whose start is long past runs once, not at once for every interval).
 */
export function dueMembershipUpdate(token: string, lastOccurrence: string | null, createdAt: string, now: Date): Date | null {
  const latest = latestRun(decodeScheduleToken(token), now);
  if (!latest) return null;
  const reference = Date.parse(lastOccurrence ?? createdAt);
  if (lastOccurrence !== null ? latest.getTime() <= reference : latest.getTime() < reference) return null;
  return latest;
}

/**
 * When the collection is next evaluated on its schedule: the first occurrence after the one last
 * evaluated (never evaluated: the first at or after its creation). Earlier than now when it is
 * due and the evaluator has not run yet; null when a non-recurring schedule has run.
 */
export function nextMembershipUpdate(token: string, lastOccurrence: string | null, createdAt: string): Date | null {
  const after = lastOccurrence !== null ? new Date(lastOccurrence) : new Date(Date.parse(createdAt) - 1);
  return runsAfter(decodeScheduleToken(token), after, 1)[0] ?? null;
}
