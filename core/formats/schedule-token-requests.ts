import { CourierError, type DecodedSchedulesDto, type Schedule, type ScheduleTokensDto } from '../api';
import { decodeScheduleToken, encodeScheduleToken, ScheduleTokenError, splitScheduleTokens } from './schedule-token';

/** A token the codec refuses is the caller's mistake: a validation error naming which one and why. */
function refused(error: unknown, field: string): never {
  if (error instanceof ScheduleTokenError) throw new CourierError('VALIDATION_FAILED', error.message, field);
  throw error;
}

/** `schedules:encode`: each schedule's token, in order. */
export function encodeSchedules(schedules: readonly Schedule[]): ScheduleTokensDto {
  try {
    return { tokens: schedules.map(encodeScheduleToken) };
  } catch (error) {
    return refused(error, 'schedules');
  }
}

/** `schedules:decode`: a multi-schedule value (tokens one after another) as schedule objects; '' is none. */
export function decodeSchedules(tokens: string): DecodedSchedulesDto {
  if (tokens === '') return { schedules: [] };
  try {
    return { schedules: splitScheduleTokens(tokens).map(decodeScheduleToken) };
  } catch (error) {
    return refused(error, 'tokens');
  }
}
