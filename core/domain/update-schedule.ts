import type { RecurringSchedule } from '../api';

const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** When the schedule starts: local wall-clock time unless it is marked UTC, as the suite's schedule dialog has it. */
export function scheduleStart(schedule: RecurringSchedule): Date {
  return new Date(schedule.utc ? `${schedule.start}:00Z` : `${schedule.start}:00`);
}

export function scheduleIntervalMs(schedule: RecurringSchedule): number {
  return schedule.every * unitMs[schedule.unit];
}

/**
 * The latest time the interval schedule fell due at or before `now`, or null before its start.
 * A run missed while the site was down is made once, for the latest occurrence, not once per
 * occurrence missed (as the suite's recurring schedules behave).
 */
export function latestOccurrence(schedule: RecurringSchedule, now: Date): Date | null {
  const start = scheduleStart(schedule).getTime();
  const at = now.getTime();
  if (Number.isNaN(start) || at < start) return null;
  const interval = scheduleIntervalMs(schedule);
  return new Date(start + Math.floor((at - start) / interval) * interval);
}

/** The first time the schedule falls due after `now`. */
export function nextOccurrence(schedule: RecurringSchedule, now: Date): Date {
  const start = scheduleStart(schedule).getTime();
  if (now.getTime() < start) return new Date(start);
  const interval = scheduleIntervalMs(schedule);
  return new Date(start + (Math.floor((now.getTime() - start) / interval) + 1) * interval);
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
