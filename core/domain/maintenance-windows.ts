import type { MaintenancePeriodDto, MaintenanceWindowOccurrenceDto } from '../api';
import { decodeScheduleToken } from '../formats/schedule-token';
import { runsAfter } from './schedule-occurrences';

/** One collection's window as stored: a schedule token and how long each occurrence lasts. */
export interface CollectionWindow {
  readonly collectionId: string;
  readonly collectionName: string;
  readonly windowName: string;
  readonly schedule: string;
  readonly durationMinutes: number;
}

const minuteMs = 60_000;

/**
 * The occurrences of `windows` that are open at `after` or open later, opening before `before`
 * (when given): at most `count`, in start order. A window is the union of its occurrences, each
 * [start, start + duration); its times are its token's (local wall-clock unless GMT,
 * schedule-occurrences.ts), so one that starts at 23:00 for two hours crosses midnight and is open
 * at 00:30. Windows of several collections are all listed, overlapping or not.
 */
export function windowOccurrences(windows: readonly CollectionWindow[], after: Date, before: Date | null, count: number): MaintenanceWindowOccurrenceDto[] {
  const found: MaintenanceWindowOccurrenceDto[] = [];
  for (const window of windows) {
    const lengthMs = window.durationMinutes * minuteMs;
    // An occurrence still open at `after` started less than its length before it.
    for (const start of runsAfter(decodeScheduleToken(window.schedule), new Date(after.getTime() - lengthMs), count)) {
      if (before !== null && start.getTime() >= before.getTime()) break;
      found.push({ ...window, start: start.toISOString(), end: new Date(start.getTime() + lengthMs).toISOString() });
    }
  }
  return found
    .sort((a, b) => a.start.localeCompare(b.start) || a.collectionId.localeCompare(b.collectionId) || a.windowName.localeCompare(b.windowName))
    .slice(0, count);
}

/** The union of occurrences (in start order): overlapping or touching ones become one period. */
export function maintenancePeriods(occurrences: readonly MaintenanceWindowOccurrenceDto[]): MaintenancePeriodDto[] {
  const periods: { start: string; end: string; windows: number[] }[] = [];
  occurrences.forEach((occurrence, index) => {
    const last = periods[periods.length - 1];
    if (last && Date.parse(occurrence.start) <= Date.parse(last.end)) {
      if (Date.parse(occurrence.end) > Date.parse(last.end)) last.end = occurrence.end;
      last.windows.push(index);
    } else {
      periods.push({ start: occurrence.start, end: occurrence.end, windows: [index] });
    }
  });
  return periods;
}

/** The run time a program of Unknown maximum run time is given when it must fit in a window. */
export const unknownRunMinutes = 720;

/** How many occurrences are looked at ahead: a year of daily windows, with room. */
export const windowSearchOccurrences = 500;

/**
 * The first stretch of the windows' union at or after `at` with `minutes` left in it before it
 * closes: `start` is `at` when a window is open then with room enough. A run must end before the
 * stretch closes, so a program longer than every window never runs inside one (null). The
 * client agent waits for it before a mandatory run; the dry run of an advertisement reports it.
 */
export function firstFit(windows: readonly CollectionWindow[], at: Date, minutes: number, search = windowSearchOccurrences): { start: Date; end: Date } | null {
  const needMs = minutes * minuteMs;
  for (const period of maintenancePeriods(windowOccurrences(windows, at, null, search))) {
    const start = Math.max(Date.parse(period.start), at.getTime());
    const end = Date.parse(period.end);
    if (end - start >= needMs) return { start: new Date(start), end: new Date(end) };
  }
  return null;
}
