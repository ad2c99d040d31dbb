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
