import { intervalScheduleOf, type RecurringSchedule } from '../api';
import { latestRun, runsAfter } from './schedule-occurrences';

/**
 * The package update schedule is an interval schedule token (SMS_Package.RefreshSchedule); its
 * run times are those of schedule-occurrences.ts, so a daily local schedule keeps its wall-clock
 * time across daylight-saving changes.
 */

/**
 * The latest time the interval schedule fell due at or before `now`, or null before its start.
 * A run missed while the site was down is made once, for the latest occurrence, not once per
 * occurrence missed (as the suite's recurring schedules behave).
 */
export function latestOccurrence(schedule: RecurringSchedule, now: Date): Date | null {
  return latestRun(intervalScheduleOf(schedule), now);
}

/** The first time the schedule falls due after `now`. */
export function nextOccurrence(schedule: RecurringSchedule, now: Date): Date {
  const [next] = runsAfter(intervalScheduleOf(schedule), now, 1);
  if (!next) throw new Error('An interval schedule always has a next run.');
  return next;
}

/**
 * Whether Update Distribution Points is due: an occurrence has come since the last one run (or,
 * never run, since the package was created, so a schedule whose start is long past runs once,
 * not at once for every interval).
 */
export function dueOccurrence(schedule: RecurringSchedule, lastOccurrence: string | null, createdAt: string, now: Date): Date | null {
  const latest = latestOccurrence(schedule, now);
  if (!latest) return null;
  const reference = Date.parse(lastOccurrence ?? createdAt);
  if (lastOccurrence !== null ? latest.getTime() <= reference : latest.getTime() < reference) return null;
  return latest;
}

export function describeInterval(schedule: RecurringSchedule): string {
  const unit = schedule.every === 1 ? schedule.unit.slice(0, -1) : schedule.unit;
  return `every ${schedule.every === 1 ? '' : `${schedule.every} `}${unit}`;
}
