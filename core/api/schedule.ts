import { z } from 'zod';
import { scheduleStartSchema } from './custom-schedule';

/**
 * A recurring schedule as the console edits it. The core turns it into the suite's SMS_ST
 * schedule token (16 hex digits) for anything that must match the original.
 * `start` is local wall-clock time unless `utc` is set, as in the suite's schedule dialog.
 */
export const scheduleUnits = ['minutes', 'hours', 'days'] as const;
export type ScheduleUnit = (typeof scheduleUnits)[number];

const maxSpan: Record<ScheduleUnit, number> = { minutes: 59, hours: 23, days: 31 };

export const recurringScheduleSchema = z
  .strictObject({
    // The token's own rule (custom-schedule.ts), so every stored start can be written as a token.
    start: scheduleStartSchema,
    every: z.number().int().min(1, 'The interval must be at least 1.'),
    unit: z.enum(scheduleUnits),
    utc: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.every > maxSpan[s.unit]) {
      ctx.addIssue({
        code: 'custom',
        path: ['every'],
        message: `An interval in ${s.unit} can be at most ${maxSpan[s.unit]}.`,
      });
    }
  });

export type RecurringSchedule = z.output<typeof recurringScheduleSchema>;
export type RecurringScheduleInput = z.input<typeof recurringScheduleSchema>;
