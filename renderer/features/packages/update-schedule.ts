import { describeSchedule, intervalScheduleOf, scheduleUnits, type RecurringSchedule, type ScheduleUnit } from '../../../core/api';

/** The most each unit allows, as the core's schedule schema enforces; used to clamp when the unit changes. */
export const scheduleUnitMax: Readonly<Record<ScheduleUnit, number>> = { minutes: 59, hours: 23, days: 31 };

export const scheduleUnitLabels: Readonly<Record<ScheduleUnit, string>> = { minutes: 'minutes', hours: 'hours', days: 'days' };

export { scheduleUnits };

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Tomorrow at the next full hour, local time, daily: a schedule nobody has to fix before saving. */
export function defaultUpdateSchedule(now: Date): RecurringSchedule {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours() + 1, 0);
  const text = `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}T${pad(start.getHours())}:${pad(start.getMinutes())}`;
  return { start: text, every: 1, unit: 'days', utc: false };
}

export function scheduleDate(schedule: RecurringSchedule): string {
  return schedule.start.slice(0, 10);
}

export function scheduleTime(schedule: RecurringSchedule): string {
  return schedule.start.slice(11, 16);
}

export function withStart(schedule: RecurringSchedule, date: string, time: string): RecurringSchedule {
  return { ...schedule, start: `${date}T${time}` };
}

export function withUnit(schedule: RecurringSchedule, unit: ScheduleUnit): RecurringSchedule {
  return { ...schedule, unit, every: Math.min(schedule.every, scheduleUnitMax[unit]) };
}

/** "Every 2 hours from 2026-11-26 22:00 local", in the words every schedule is described in. */
export function describeUpdateSchedule(schedule: RecurringSchedule): string {
  return describeSchedule(intervalScheduleOf(schedule));
}
