import { firstFit, maintenancePeriods, windowOccurrences, windowSearchOccurrences, type CollectionWindow } from '../../core/domain/maintenance-windows';
import { windowMinutes, type ClientMaintenanceWindow } from './context';

/**
 * Whether a run of `minutes` fits in this client's maintenance windows. With no window at all a
 * program may run at any time. Windows of several collections add up: the client may run in
 * any of them, and overlapping or touching ones count as one stretch. A run must end before the
 * stretch closes, so a program whose maximum run time is longer than every window never runs
 * inside one (a program of Unknown run time counts as 720 minutes).
 */
export type WindowFit =
  | { readonly kind: 'noWindows' }
  | { readonly kind: 'open'; readonly closesAt: Date }
  /** `opensAt` null: no window among the next ones searched is long enough. */
  | { readonly kind: 'closed'; readonly opensAt: Date | null; readonly closesAt: Date | null };

const toCollectionWindows = (windows: readonly ClientMaintenanceWindow[]): CollectionWindow[] =>
  windows.map((w) => ({ collectionId: w.collectionId, collectionName: '', windowName: w.name, schedule: w.token, durationMinutes: windowMinutes(w) }));

export function windowFit(windows: readonly ClientMaintenanceWindow[], now: Date, minutes: number): WindowFit {
  if (windows.length === 0) return { kind: 'noWindows' };
  const fit = firstFit(toCollectionWindows(windows), now, minutes, windowSearchOccurrences);
  if (fit === null) return { kind: 'closed', opensAt: null, closesAt: null };
  if (fit.start.getTime() === now.getTime()) return { kind: 'open', closesAt: fit.end };
  return { kind: 'closed', opensAt: fit.start, closesAt: fit.end };
}

/** The next stretch of window after now (for a restart that must wait for one), or null. */
export function nextWindowStart(windows: readonly ClientMaintenanceWindow[], now: Date): Date | null {
  const [first] = maintenancePeriods(windowOccurrences(toCollectionWindows(windows), now, null, 1));
  if (first === undefined) return null;
  return new Date(Math.max(Date.parse(first.start), now.getTime()));
}
