import { z } from 'zod';
import { instantSchema } from './custom-schedule';
import { resourceIdSchema } from './resources';

/**
 * `collections:maintenance-windows`: the maintenance windows that apply to a resource between two
 * instants (docs/collections.md#maintenance-windows-of-a-resource): every enabled window of every
 * collection it is a member of, as of their last membership update.
 */
export const maintenanceWindowQuerySchema = z
  .strictObject({
    resourceId: resourceIdSchema,
    /** Windows still open at this instant or opening after it; now when absent. */
    after: instantSchema('after').optional(),
    /** Windows opening before this instant; no bound when absent (then `count` bounds the list). */
    before: instantSchema('before').optional(),
    count: z.number().int('count is a whole number.').min(1, 'count is at least 1.').max(1000, 'count is at most 1000.').default(5),
  })
  .refine((q) => q.after === undefined || q.before === undefined || Date.parse(q.after) < Date.parse(q.before), { message: 'before must come after after.', path: ['before'] });

/** One occurrence of one collection's window. */
export interface MaintenanceWindowOccurrenceDto {
  readonly collectionId: string;
  readonly collectionName: string;
  readonly windowName: string;
  /** The window's schedule token. */
  readonly schedule: string;
  readonly durationMinutes: number;
  readonly start: string;
  readonly end: string;
}

/** A stretch of time inside at least one window: overlapping and touching occurrences merged. */
export interface MaintenancePeriodDto {
  readonly start: string;
  readonly end: string;
  /** Indexes into `windows` of the occurrences it merges. */
  readonly windows: readonly number[];
}

export interface ResourceMaintenanceWindowsDto {
  readonly resourceId: number;
  readonly after: string;
  readonly before: string | null;
  /** In start order (then collection ID and window name), at most `count`. */
  readonly windows: readonly MaintenanceWindowOccurrenceDto[];
  /** Their union. */
  readonly periods: readonly MaintenancePeriodDto[];
}
