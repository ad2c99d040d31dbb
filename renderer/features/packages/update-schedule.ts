import { describeSchedule, intervalScheduleOf, type RecurringSchedule, type Schedule } from '../../../core/api';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Tomorrow at the next full hour, local time, daily: a schedule nobody has to fix before saving. */
export function defaultUpdateSchedule(now: Date): RecurringSchedule {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours() + 1, 0);
  const text = `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}T${pad(start.getHours())}:${pad(start.getMinutes())}`;
  return { start: text, every: 1, unit: 'days', utc: false };
}

/** The interval schedule a draft's update schedule is, or null while the contract refuses it. */
function intervalOrNull(schedule: RecurringSchedule): Schedule | null {
  try {
    return intervalScheduleOf(schedule);
  } catch {
    return null;
  }
}

/** The update schedule as the Custom Schedule dialog edits it; one the contract refuses opens as the default, to be fixed. */
export function updateScheduleForDialog(schedule: RecurringSchedule, now: Date): Schedule {
  return intervalOrNull(schedule) ?? intervalScheduleOf(defaultUpdateSchedule(now));
}

/** "Every 2 hours from 2026-11-26 22:00 local", in the words every schedule is described in. */
export function describeUpdateSchedule(schedule: RecurringSchedule): string {
  const interval = intervalOrNull(schedule);
  return interval === null ? `Every ${schedule.every} ${schedule.unit} from ${schedule.start.replace('T', ' ')}` : describeSchedule(interval);
}
