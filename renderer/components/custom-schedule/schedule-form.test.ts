import { describe, expect, it } from 'vitest';
import { scheduleSchema, type ScheduleInput } from '../../../core/api';
import { formOfSchedule, scheduleOfForm } from './schedule-form';

const every: ScheduleInput[] = [
  { type: 'nonRecurring', start: '2026-12-24T18:00', hourDuration: 2 },
  { type: 'interval', start: '2019-11-19T01:04', daySpan: 2, hourDuration: 2, minuteDuration: 59 },
  { type: 'interval', start: '2019-11-19T01:04', minuteSpan: 59, isGmt: true },
  { type: 'weekly', start: '2009-05-01T22:00', day: 7, forNumberOfWeeks: 4 },
  { type: 'monthlyByWeekday', start: '2026-01-31T03:00', day: 6, weekOrder: 0, forNumberOfMonths: 12 },
  { type: 'monthlyByDate', start: '2026-04-30T23:00', monthDay: 0, forNumberOfMonths: 2 },
  { type: 'monthlyByDate', start: '1998-04-10T00:00', monthDay: 31 },
];

describe('the Custom Schedule form', () => {
  it.each(every)('reads a $type schedule and gives the same one back', (input) => {
    const schedule = scheduleSchema.parse(input);
    expect(scheduleOfForm(formOfSchedule(schedule))).toEqual({ ok: true, schedule });
  });

  it('offers the start date\'s weekday when a schedule turns weekly', () => {
    const form = formOfSchedule(scheduleSchema.parse({ type: 'monthlyByDate', start: '2026-04-30T23:00', monthDay: 15, forNumberOfMonths: 3 }));
    const weekly = scheduleOfForm({ ...form, pattern: 'weekly' });
    // The start date's weekday (a Thursday) until one is chosen.
    expect(weekly).toMatchObject({ ok: true, schedule: { type: 'weekly', day: 5, forNumberOfWeeks: 1 } });
  });

  it('names the control at fault in its own words', () => {
    const form = formOfSchedule(scheduleSchema.parse({ type: 'interval', start: '2026-12-02T10:00', hourSpan: 3 }));
    expect(scheduleOfForm({ ...form, intervalEvery: 24 })).toEqual({ ok: false, field: 'interval', message: 'Recur every 1 to 23 hours.' });
    expect(scheduleOfForm({ ...form, pattern: 'weekly', weeks: 5 })).toEqual({ ok: false, field: 'weeks', message: 'Recur every 1 to 4 weeks.' });
    expect(scheduleOfForm({ ...form, date: '2026-02-30' })).toEqual({ ok: false, field: 'start', message: 'The start day must be 1–28 in 2026-02; it is 30.' });
    expect(scheduleOfForm({ ...form, time: '' })).toMatchObject({ ok: false, field: 'start' });
  });
});
