import { describe, expect, it } from 'vitest';
import { intervalScheduleOf, recurringScheduleOf, recurringScheduleSchema, scheduleSchema } from './index';

describe('the package update schedule and the schedule object', () => {
  it('refuses the same starts, so every stored update schedule can be written as a token', () => {
    for (const start of ['2026-02-30T10:00', '2034-01-01T00:00', '2026-13-01T00:00', '2026-01-01T24:00', '2026-01-01 10:00']) {
      const update = recurringScheduleSchema.safeParse({ start, every: 1, unit: 'days' });
      const schedule = scheduleSchema.safeParse({ type: 'interval', start, daySpan: 1 });
      expect(update.success, start).toBe(false);
      expect(update.error?.issues[0]?.message).toBe(schedule.error?.issues[0]?.message);
    }
  });

  it('turns one into the other and back; only an interval without a duration is an update schedule', () => {
    const update = { start: '2026-12-02T22:00', every: 6, unit: 'hours', utc: true } as const;
    const interval = intervalScheduleOf(update);
    expect(interval).toMatchObject({ type: 'interval', start: '2026-12-02T22:00', isGmt: true, hourSpan: 6, daySpan: 0, minuteSpan: 0 });
    expect(recurringScheduleOf(interval)).toEqual(update);
    expect(recurringScheduleOf({ ...interval, hourDuration: 1 })).toBeNull();
    expect(recurringScheduleOf(scheduleSchema.parse({ type: 'weekly', start: '2026-12-02T22:00', day: 2 }))).toBeNull();
  });
});
