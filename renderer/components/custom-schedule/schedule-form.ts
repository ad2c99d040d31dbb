import { scheduleSchema, type Schedule, type ScheduleInput } from '../../../core/api';

/**
 * What the Custom Schedule dialog shows, one field per control, so a recurrence the admin leaves
 * and comes back to keeps its values. `scheduleOfForm` turns it into the contract's schedule.
 */
export type RecurrencePattern = 'none' | 'interval' | 'weekly' | 'monthly';
export type IntervalUnit = 'days' | 'hours' | 'minutes';
export type MonthlyBasis = 'date' | 'lastDay' | 'weekday';

export interface ScheduleForm {
  readonly date: string;
  readonly time: string;
  readonly utc: boolean;
  readonly pattern: RecurrencePattern;
  readonly intervalEvery: number;
  readonly intervalUnit: IntervalUnit;
  readonly weeks: number;
  /** 1 = Sunday … 7 = Saturday. */
  readonly weekday: number;
  readonly months: number;
  readonly monthlyBasis: MonthlyBasis;
  readonly monthDay: number;
  /** 1–4, or 0 for the last. */
  readonly weekOrder: number;
  readonly monthWeekday: number;
  /** Kept as given: the dialog edits when a schedule runs, not how long. */
  readonly durations: Pick<Schedule, 'minuteDuration' | 'hourDuration' | 'dayDuration'>;
}

export const intervalMax: Readonly<Record<IntervalUnit, number>> = { days: 31, hours: 23, minutes: 59 };

export function formOfSchedule(schedule: Schedule): ScheduleForm {
  const [date = '', time = ''] = schedule.start.split('T');
  const base: ScheduleForm = {
    date,
    time,
    utc: schedule.isGmt,
    pattern: 'none',
    intervalEvery: 1,
    intervalUnit: 'days',
    weeks: 1,
    weekday: new Date(`${date}T00:00:00Z`).getUTCDay() + 1 || 1,
    months: 1,
    monthlyBasis: 'date',
    monthDay: Number(date.slice(8, 10)) || 1,
    weekOrder: 1,
    monthWeekday: 2,
    durations: { minuteDuration: schedule.minuteDuration, hourDuration: schedule.hourDuration, dayDuration: schedule.dayDuration },
  };
  switch (schedule.type) {
    case 'nonRecurring':
      return base;
    case 'interval': {
      const [intervalUnit, intervalEvery] =
        schedule.daySpan > 0 ? (['days', schedule.daySpan] as const) : schedule.hourSpan > 0 ? (['hours', schedule.hourSpan] as const) : (['minutes', schedule.minuteSpan] as const);
      return { ...base, pattern: 'interval', intervalUnit, intervalEvery };
    }
    case 'weekly':
      return { ...base, pattern: 'weekly', weeks: schedule.forNumberOfWeeks, weekday: schedule.day };
    case 'monthlyByWeekday':
      return { ...base, pattern: 'monthly', monthlyBasis: 'weekday', months: schedule.forNumberOfMonths, weekOrder: schedule.weekOrder, monthWeekday: schedule.day };
    case 'monthlyByDate':
      return {
        ...base,
        pattern: 'monthly',
        months: schedule.forNumberOfMonths,
        monthlyBasis: schedule.monthDay === 0 ? 'lastDay' : 'date',
        monthDay: schedule.monthDay === 0 ? base.monthDay : schedule.monthDay,
      };
  }
}

function inputOf(form: ScheduleForm): ScheduleInput {
  const common = { start: `${form.date}T${form.time}`, isGmt: form.utc, ...form.durations };
  switch (form.pattern) {
    case 'none':
      return { type: 'nonRecurring', ...common };
    case 'interval': {
      const span = form.intervalUnit === 'days' ? 'daySpan' : form.intervalUnit === 'hours' ? 'hourSpan' : 'minuteSpan';
      return { type: 'interval', ...common, [span]: form.intervalEvery };
    }
    case 'weekly':
      return { type: 'weekly', ...common, day: form.weekday, forNumberOfWeeks: form.weeks };
    case 'monthly':
      return form.monthlyBasis === 'weekday'
        ? { type: 'monthlyByWeekday', ...common, day: form.monthWeekday, weekOrder: form.weekOrder, forNumberOfMonths: form.months }
        : { type: 'monthlyByDate', ...common, monthDay: form.monthlyBasis === 'lastDay' ? 0 : form.monthDay, forNumberOfMonths: form.months };
  }
}

/** The control a field of the contract is edited with, for the footer's link to the problem. */
const controlOfField: Readonly<Record<string, string>> = {
  start: 'start',
  daySpan: 'interval',
  hourSpan: 'interval',
  minuteSpan: 'interval',
  forNumberOfWeeks: 'weeks',
  forNumberOfMonths: 'months',
  monthDay: 'monthDay',
};

export type FormOutcome =
  | { readonly ok: true; readonly schedule: Schedule }
  | { readonly ok: false; readonly message: string; readonly field: string };

/** The schedule the form describes, checked by the contract's own schema; or the first problem and its control. */
export function scheduleOfForm(form: ScheduleForm): FormOutcome {
  const parsed = scheduleSchema.safeParse(inputOf(form));
  if (parsed.success) return { ok: true, schedule: parsed.data };
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? 'start');
  const field = controlOfField[key] ?? 'start';
  // The contract names its fields (daySpan, forNumberOfWeeks); the dialog names its controls.
  const words: Readonly<Record<string, string>> = {
    interval: `Recur every 1 to ${intervalMax[form.intervalUnit]} ${form.intervalUnit}.`,
    weeks: 'Recur every 1 to 4 weeks.',
    months: 'Recur every 1 to 12 months.',
    monthDay: 'The day of the month is 1 to 31.',
  };
  return { ok: false, message: words[field] ?? issue?.message ?? 'This is not a schedule.', field };
}
