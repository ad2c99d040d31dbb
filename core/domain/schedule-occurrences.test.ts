import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleSchema, type ScheduleInput } from '../api';
import { decodeScheduleTokens } from '../formats/schedule-token';
import { latestRun, mergedRunsAfter, runsAfter } from './schedule-occurrences';

// A zone with daylight saving (last Sunday of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00), so local runs can be checked across both changes.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = zoneBefore;
});

const pad = (n: number) => String(n).padStart(2, '0');
/** A run as local wall-clock text, the way an admin reads it. */
const wall = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
const iso = (d: Date) => d.toISOString();

function next(input: ScheduleInput, after: string, count = 5): string[] {
  return runsAfter(scheduleSchema.parse(input), new Date(after), count).map(wall);
}

describe('run times of each schedule type', () => {
  it('runs a non-recurring schedule once, at its start', () => {
    expect(next({ type: 'nonRecurring', start: '2026-12-24T18:00' }, '2026-12-01T00:00')).toEqual(['2026-12-24T18:00']);
    expect(next({ type: 'nonRecurring', start: '2026-12-24T18:00' }, '2026-12-24T18:00')).toEqual([]);
  });

  it('lists the runs strictly after the time asked, starting at the start', () => {
    const everyTwoDays = { type: 'interval', start: '2019-11-19T01:04', daySpan: 2 } as const;
    expect(next(everyTwoDays, '2019-01-01T00:00', 3)).toEqual(['2019-11-19T01:04', '2019-11-21T01:04', '2019-11-23T01:04']);
    expect(next(everyTwoDays, '2019-11-21T01:04', 2)).toEqual(['2019-11-23T01:04', '2019-11-25T01:04']);
    expect(next(everyTwoDays, '2026-12-02T13:00', 2)).toEqual(['2026-12-04T01:04', '2026-12-06T01:04']);
  });

  it('runs minute and hour intervals by elapsed time from the start', () => {
    expect(next({ type: 'interval', start: '2026-12-02T10:00', minuteSpan: 45 }, '2026-12-02T11:00', 3)).toEqual([
      '2026-12-02T11:30',
      '2026-12-02T12:15',
      '2026-12-02T13:00',
    ]);
    expect(next({ type: 'interval', start: '1970-01-01T00:00', hourSpan: 23 }, '1970-01-02T00:00', 2)).toEqual(['1970-01-02T22:00', '1970-01-03T21:00']);
  });

  it('runs weekly on the first such weekday on or after the start, every N weeks', () => {
    // 2009-05-01 is a Friday; day 2 is Monday.
    expect(next({ type: 'weekly', start: '2009-05-01T22:00', day: 2 }, '2009-05-01T00:00', 3)).toEqual(['2009-05-04T22:00', '2009-05-11T22:00', '2009-05-18T22:00']);
    expect(next({ type: 'weekly', start: '2009-05-01T22:00', day: 6, forNumberOfWeeks: 2 }, '2009-05-01T00:00', 3)).toEqual([
      '2009-05-01T22:00',
      '2009-05-15T22:00',
      '2009-05-29T22:00',
    ]);
    expect(next({ type: 'weekly', start: '2009-05-01T22:00', day: 1, forNumberOfWeeks: 4 }, '2026-12-02T00:00', 2)).toEqual(['2026-12-20T22:00', '2027-01-17T22:00']);
  });

  it('runs monthly on the Nth or the last weekday, skipping a month whose run falls before the start', () => {
    const lastFriday = { type: 'monthlyByWeekday', start: '2026-01-31T03:00', day: 6, weekOrder: 0 } as const;
    expect(next(lastFriday, '2026-01-01T00:00', 4)).toEqual(['2026-02-27T03:00', '2026-03-27T03:00', '2026-04-24T03:00', '2026-05-29T03:00']);
    expect(next({ type: 'monthlyByWeekday', start: '2026-01-01T00:00', day: 1, weekOrder: 1 }, '2026-01-01T00:00', 3)).toEqual([
      '2026-01-04T00:00',
      '2026-02-01T00:00',
      '2026-03-01T00:00',
    ]);
    expect(next({ type: 'monthlyByWeekday', start: '2026-01-01T12:00', day: 7, weekOrder: 4, forNumberOfMonths: 5 }, '2026-01-01T00:00', 3)).toEqual([
      '2026-01-24T12:00',
      '2026-06-27T12:00',
      '2026-11-28T12:00',
    ]);
  });

  it('runs monthly on a date, monthDay 0 on the last day of each month', () => {
    expect(next({ type: 'monthlyByDate', start: '2024-01-15T06:00', monthDay: 0 }, '2024-01-01T00:00', 4)).toEqual([
      '2024-01-31T06:00',
      '2024-02-29T06:00',
      '2024-03-31T06:00',
      '2024-04-30T06:00',
    ]);
    expect(next({ type: 'monthlyByDate', start: '1998-04-10T00:00', monthDay: 15, forNumberOfMonths: 3 }, '1998-04-10T00:00', 3)).toEqual([
      '1998-04-15T00:00',
      '1998-07-15T00:00',
      '1998-10-15T00:00',
    ]);
  });

  it('skips a month that has no such day (31 in a 30-day month, 30 in February)', () => {
    expect(next({ type: 'monthlyByDate', start: '2026-01-01T00:00', monthDay: 31 }, '2026-01-01T00:00', 4)).toEqual([
      '2026-01-31T00:00',
      '2026-03-31T00:00',
      '2026-05-31T00:00',
      '2026-07-31T00:00',
    ]);
    // 29 February every 12 months: only leap years.
    expect(next({ type: 'monthlyByDate', start: '2032-02-01T00:00', monthDay: 29, forNumberOfMonths: 12 }, '2032-01-01T00:00', 3)).toEqual([
      '2032-02-29T00:00',
      '2036-02-29T00:00',
      '2040-02-29T00:00',
    ]);
    // A date no month of the series has: no run ever, and the search ends.
    expect(next({ type: 'monthlyByDate', start: '2026-02-01T00:00', monthDay: 30, forNumberOfMonths: 12 }, '2026-01-01T00:00')).toEqual([]);
  });

  it('goes on past 2033: only the start is limited by the token', () => {
    expect(next({ type: 'interval', start: '2033-12-31T23:59', daySpan: 1 }, '2033-12-31T00:00', 2)).toEqual(['2033-12-31T23:59', '2034-01-01T23:59']);
    expect(next({ type: 'monthlyByDate', start: '2033-12-31T23:59', monthDay: 0, isGmt: true }, '2040-01-01T00:00Z', 1).length).toBe(1);
  });
});

describe('local and GMT schedules', () => {
  it('reads a GMT start as UTC and a local one in the site server time zone', () => {
    const gmt = runsAfter(scheduleSchema.parse({ type: 'nonRecurring', start: '2026-07-01T12:00', isGmt: true }), new Date(0), 1);
    const local = runsAfter(scheduleSchema.parse({ type: 'nonRecurring', start: '2026-07-01T12:00' }), new Date(0), 1);
    expect(gmt.map(iso)).toEqual(['2026-07-01T12:00:00.000Z']);
    expect(local.map(iso)).toEqual(['2026-07-01T10:00:00.000Z']);
  });

  it('keeps a GMT daily run at the same UTC time across daylight saving', () => {
    const runs = runsAfter(scheduleSchema.parse({ type: 'interval', start: '2026-03-28T01:30', daySpan: 1, isGmt: true }), new Date('2026-03-28T00:00Z'), 3);
    expect(runs.map(iso)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T01:30:00.000Z']);
  });

  it('keeps a local daily run at its wall-clock time across daylight saving; a skipped time runs an hour later', () => {
    expect(next({ type: 'interval', start: '2026-03-27T02:30', daySpan: 1 }, '2026-03-27T00:00', 4)).toEqual([
      '2026-03-27T02:30',
      '2026-03-28T02:30',
      '2026-03-29T03:30',
      '2026-03-30T02:30',
    ]);
    expect(next({ type: 'weekly', start: '2026-10-18T09:00', day: 1 }, '2026-10-17T00:00', 2)).toEqual(['2026-10-18T09:00', '2026-10-25T09:00']);
    const runs = runsAfter(scheduleSchema.parse({ type: 'weekly', start: '2026-10-18T09:00', day: 1 }), new Date('2026-10-17T00:00Z'), 2);
    // One week apart on the wall clock, 169 hours apart in elapsed time (the clock went back).
    expect((runs[1]!.getTime() - runs[0]!.getTime()) / 3_600_000).toBe(169);
  });

  it('runs an hourly local schedule every elapsed hour through the changes, never twice at one instant', () => {
    const spring = runsAfter(scheduleSchema.parse({ type: 'interval', start: '2026-03-29T00:00', hourSpan: 1 }), new Date('2026-03-28T22:00Z'), 4);
    expect(spring.map(wall)).toEqual(['2026-03-29T00:00', '2026-03-29T01:00', '2026-03-29T03:00', '2026-03-29T04:00']);
    const autumn = runsAfter(scheduleSchema.parse({ type: 'interval', start: '2026-10-25T01:00', hourSpan: 1 }), new Date('2026-10-24T22:00Z'), 4);
    expect(autumn.map(iso)).toEqual(['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z']);
    expect(autumn.map(wall)).toEqual(['2026-10-25T01:00', '2026-10-25T02:00', '2026-10-25T02:00', '2026-10-25T03:00']);
  });
});

describe('the latest run', () => {
  it('is the last run at or before now, or none before the start', () => {
    const lastDay = scheduleSchema.parse({ type: 'monthlyByDate', start: '2026-01-15T06:00', monthDay: 0 });
    expect(latestRun(lastDay, new Date(2026, 0, 31, 5, 59))).toBeNull();
    expect(wall(latestRun(lastDay, new Date(2026, 0, 31, 6, 0))!)).toBe('2026-01-31T06:00');
    expect(wall(latestRun(lastDay, new Date(2026, 2, 30, 0, 0))!)).toBe('2026-02-28T06:00');
    const minutes = scheduleSchema.parse({ type: 'interval', start: '1970-01-01T00:00', minuteSpan: 1, isGmt: true });
    // Tens of millions of runs since the start: found by arithmetic, not by counting.
    expect(iso(latestRun(minutes, new Date('2026-12-02T13:20:30Z'))!)).toBe('2026-12-02T13:20:00.000Z');
    const weekly = scheduleSchema.parse({ type: 'weekly', start: '2009-05-01T22:00', day: 2 });
    expect(wall(latestRun(weekly, new Date(2026, 11, 2, 0, 0))!)).toBe('2026-11-30T22:00');
  });
});

describe('several schedules of one property', () => {
  it('merges their runs in time order, a time two share listed once', () => {
    const weekdays = decodeScheduleTokens(['02C159C0381A200002C159C0381B200002C159C0381C200002C159C0381D200002C159C0381E2000']);
    const runs = mergedRunsAfter(weekdays, new Date(2026, 11, 2, 12, 0), 5);
    expect(runs.map((run) => wall(run.at))).toEqual(['2026-12-02T22:00', '2026-12-03T22:00', '2026-12-04T22:00', '2026-12-07T22:00', '2026-12-08T22:00']);
    expect(runs.map((run) => run.schedules)).toEqual([[2], [3], [4], [0], [1]]);
    const twice = mergedRunsAfter([weekdays[0]!, weekdays[0]!], new Date(2026, 11, 2, 12, 0), 2);
    expect(twice.map((run) => run.schedules)).toEqual([[0, 1], [0, 1]]);
  });
});
