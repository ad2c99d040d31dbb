import { z } from 'zod';
import type { RecurringSchedule } from './schedule';

/**
 * One SMS_ST schedule (SMS_ST_NonRecurring, SMS_ST_RecurInterval, SMS_ST_RecurWeekly,
 * SMS_ST_RecurMonthlyByWeekday, SMS_ST_RecurMonthlyByDate) as an object: what
 * `courier schedule decode --json` prints, what `encode` and the Custom Schedule dialog take.
 * Every range is the one the token's bit field and the suite allow (docs/formats.md#schedule-tokens).
 */
export const scheduleTypes = ['nonRecurring', 'interval', 'weekly', 'monthlyByWeekday', 'monthlyByDate'] as const;
export type ScheduleType = (typeof scheduleTypes)[number];

/** The start year is six bits counted from 1970. */
export const scheduleFirstYear = 1970;
export const scheduleLastYear = 2033;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a start text is not a start the token can hold, or null when it is one. */
export function scheduleStartProblem(start: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(start);
  if (!match) return `The start must look like 2019-11-19T01:04 (local date and time, no seconds); "${start.slice(0, 40)}" does not.`;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (year < scheduleFirstYear || year > scheduleLastYear) return `The start year must be ${scheduleFirstYear}–${scheduleLastYear} (the token holds no other); it is ${year}.`;
  if (month < 1 || month > 12) return `The start month must be 1–12; it is ${month}.`;
  if (day < 1 || day > daysInMonth(year, month)) return `The start day must be 1–${daysInMonth(year, month)} in ${year}-${match[2]}; it is ${day}.`;
  if (hour > 23) return `The start hour must be 0–23; it is ${hour}.`;
  if (minute > 59) return `The start minute must be 0–59; it is ${minute}.`;
  return null;
}

export const scheduleStartSchema = z.string().superRefine((start, ctx) => {
  const problem = scheduleStartProblem(start);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

function field(name: string, min: number, max: number, meaning = '') {
  const message = `${name} must be a whole number ${min}–${max}${meaning}.`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}

/** Ignored on encoding, so a decoded object can be edited and encoded again. */
const token = z.string().regex(/^[0-9A-Fa-f]{16}$/, 'token is 16 hex digits.').optional();

const common = {
  start: scheduleStartSchema,
  isGmt: z.boolean().default(false),
  minuteDuration: field('minuteDuration', 0, 59).default(0),
  hourDuration: field('hourDuration', 0, 23).default(0),
  dayDuration: field('dayDuration', 0, 31).default(0),
};

const day = field('day', 1, 7, ' (1 = Sunday … 7 = Saturday)');

export const nonRecurringScheduleSchema = z.strictObject({ token, type: z.literal('nonRecurring'), ...common });

export const intervalScheduleSchema = z
  .strictObject({
    token,
    type: z.literal('interval'),
    ...common,
    daySpan: field('daySpan', 0, 31).default(0),
    hourSpan: field('hourSpan', 0, 23).default(0),
    minuteSpan: field('minuteSpan', 0, 59).default(0),
  })
  .superRefine((s, ctx) => {
    const set = [s.daySpan, s.hourSpan, s.minuteSpan].filter((span) => span !== 0).length;
    if (set !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['daySpan'],
        message: `An interval schedule has exactly one of daySpan, hourSpan and minuteSpan above 0; this one has ${set === 0 ? 'none' : set}.`,
      });
    }
  });

export const weeklyScheduleSchema = z.strictObject({
  token,
  type: z.literal('weekly'),
  ...common,
  day,
  forNumberOfWeeks: field('forNumberOfWeeks', 1, 4).default(1),
});

export const monthlyByWeekdayScheduleSchema = z.strictObject({
  token,
  type: z.literal('monthlyByWeekday'),
  ...common,
  day,
  forNumberOfMonths: field('forNumberOfMonths', 1, 12).default(1),
  weekOrder: field('weekOrder', 0, 4, ' (0 = last, 1 = first … 4 = fourth)'),
});

export const monthlyByDateScheduleSchema = z.strictObject({
  token,
  type: z.literal('monthlyByDate'),
  ...common,
  monthDay: field('monthDay', 0, 31, ' (0 = the last day of the month)'),
  forNumberOfMonths: field('forNumberOfMonths', 1, 12).default(1),
});

export const scheduleSchema = z.discriminatedUnion(
  'type',
  [nonRecurringScheduleSchema, intervalScheduleSchema, weeklyScheduleSchema, monthlyByWeekdayScheduleSchema, monthlyByDateScheduleSchema],
  { error: `type must be one of ${scheduleTypes.join(', ')}.` },
);

export type Schedule = z.output<typeof scheduleSchema>;
export type ScheduleInput = z.input<typeof scheduleSchema>;
export type ScheduleOf<T extends ScheduleType> = Extract<Schedule, { type: T }>;

/** A multi-schedule property (SMS_Package.RefreshSchedule, SMS_Advertisement.AssignedSchedule) holds up to 15. */
export const maxSchedules = 15;

/** An instant as ISO 8601 text (a date, a date and time, with a zone or not), named `name` in its error. */
export function instantSchema(name: string) {
  return z
    .string()
    .max(40)
    .refine((s) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), `${name} must be a date and time such as 2026-12-02T13:00:00Z.`);
}

/** `schedules:next`: the next run times of one or more schedules, merged in time order. */
export const scheduleNextSchema = z.strictObject({
  schedules: z.array(scheduleSchema).min(1, 'Give at least one schedule.').max(maxSchedules, `A schedule property holds at most ${maxSchedules} schedules.`),
  /** An instant (ISO 8601); now when absent. Times strictly after it are listed. */
  after: instantSchema('after').optional(),
  count: field('count', 1, 100).default(5),
});

/**
 * `schedules:encode`: schedule objects as the tokens a multi-schedule property holds, so a
 * dialog that edits objects (Assignment Schedule) can set `assignedSchedule`.
 */
export const scheduleEncodeSchema = z.strictObject({
  schedules: z.array(scheduleSchema).min(1, 'Give at least one schedule.').max(maxSchedules, `A schedule property holds at most ${maxSchedules} schedules.`),
});

/** `schedules:decode`: tokens one after another (an AssignedSchedule value) as schedule objects. */
export const scheduleDecodeSchema = z.strictObject({
  tokens: z
    .string()
    .max(16 * 64, 'Give at most 64 schedule tokens of 16 hex digits.')
    .regex(/^([0-9A-Fa-f]{16})*$/, 'tokens are schedule tokens of 16 hex digits each, one after another, for example 00012CC0001A2000.'),
});

export interface ScheduleTokensDto {
  /** One token per schedule, in the order given. */
  readonly tokens: readonly string[];
}

export interface DecodedSchedulesDto {
  /** One object per token, in order, each with its `token`. */
  readonly schedules: readonly Schedule[];
}

export interface ScheduleRunDto {
  /** The instant, ISO 8601 in UTC. */
  readonly at: string;
  /** Which of the schedules asked about runs then (several when they coincide). */
  readonly schedules: readonly number[];
}

export interface ScheduleRunsDto {
  readonly runs: readonly ScheduleRunDto[];
}

/** The package update schedule the console edits (SMS_Package.RefreshSchedule), as the interval schedule it is. */
export function intervalScheduleOf(schedule: RecurringSchedule): ScheduleOf<'interval'> {
  const span = schedule.unit === 'minutes' ? 'minuteSpan' : schedule.unit === 'hours' ? 'hourSpan' : 'daySpan';
  return intervalScheduleSchema.parse({ type: 'interval', start: schedule.start, isGmt: schedule.utc, [span]: schedule.every });
}

/** An interval schedule as the package update schedule, or null for any other schedule (or one with a duration, which a package update has not). */
export function recurringScheduleOf(schedule: Schedule): RecurringSchedule | null {
  if (schedule.type !== 'interval' || schedule.minuteDuration + schedule.hourDuration + schedule.dayDuration > 0) return null;
  const [unit, every] =
    schedule.daySpan > 0 ? (['days', schedule.daySpan] as const) : schedule.hourSpan > 0 ? (['hours', schedule.hourSpan] as const) : (['minutes', schedule.minuteSpan] as const);
  return { start: schedule.start, every, unit, utc: schedule.isGmt };
}
