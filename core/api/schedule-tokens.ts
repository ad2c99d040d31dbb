import { z } from 'zod';
import { scheduleTokenSchema } from './collections';
import { maxSchedules, scheduleSchema, type Schedule } from './custom-schedule';

/**
 * The renderer edits schedule objects (the Custom Schedule dialog) but settings store the
 * suite's tokens; the site server's codec (docs/formats.md#schedule-tokens) turns one into the
 * other, so there is only one codec.
 */
export const scheduleEncodeSchema = z.strictObject({
  schedules: z.array(scheduleSchema).min(1, 'Give at least one schedule.').max(maxSchedules, `Give at most ${maxSchedules} schedules.`),
});

export const scheduleDecodeSchema = z.strictObject({
  tokens: z.array(scheduleTokenSchema).min(1, 'Give at least one schedule token.').max(64, 'Give at most 64 schedule tokens.'),
});

export interface ScheduleTokensDto {
  /** One token per schedule given, in the same order. */
  readonly tokens: readonly string[];
}

export interface DecodedSchedulesDto {
  /** One schedule per token given, in the same order, each with its token. */
  readonly schedules: readonly Schedule[];
}
