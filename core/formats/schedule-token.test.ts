import { describe, expect, it } from 'vitest';
import { decodeScheduleToken, encodeIntervalToken, splitScheduleTokens } from './schedule-token';

describe('schedule tokens', () => {
  it('decodes the public interval example (every 2 days from 2019-11-19 01:04, 2 h 59 min)', () => {
    const decoded = decodeScheduleToken('1033BC7B10100010');
    expect(decoded).toMatchObject({
      type: 'interval',
      start: '2019-11-19T01:04',
      isGmt: false,
      daySpan: 2,
      hourSpan: 0,
      minuteSpan: 0,
      duration: { days: 0, hours: 2, minutes: 59 },
    });
  });

  it('decodes the SDK monthly-by-date example (day 15, every month, from 1998-04-10)', () => {
    expect(decodeScheduleToken('000A4700002BC400')).toMatchObject({
      type: 'monthlyByDate',
      start: '1998-04-10T00:00',
      monthDay: 15,
      forNumberOfMonths: 1,
    });
  });

  it('decodes two concatenated weekly tokens (Monday and Tuesday, every week, 22:00, 7 h)', () => {
    const [monday, tuesday] = splitScheduleTokens('02C159C0381A200002C159C0381B2000').map(decodeScheduleToken);
    expect(monday).toMatchObject({ type: 'weekly', day: 2, forNumberOfWeeks: 1, start: '2009-05-01T22:00', duration: { hours: 7 } });
    expect(tuesday).toMatchObject({ type: 'weekly', day: 3, forNumberOfWeeks: 1 });
  });

  it('encodes interval schedules that decode to the same start and span', () => {
    const cases = [
      { start: '2019-11-19T01:04', every: 2, unit: 'days', utc: false },
      { start: '2033-12-31T23:59', every: 59, unit: 'minutes', utc: true },
      { start: '1970-01-01T00:00', every: 23, unit: 'hours', utc: false },
    ] as const;
    for (const schedule of cases) {
      const decoded = decodeScheduleToken(encodeIntervalToken(schedule));
      expect(decoded.type).toBe('interval');
      expect(decoded.start).toBe(schedule.start);
      expect(decoded.isGmt).toBe(schedule.utc);
      const span = { minutes: decoded.minuteSpan, hours: decoded.hourSpan, days: decoded.daySpan }[schedule.unit];
      expect(span).toBe(schedule.every);
    }
  });

  it('encodes the public example without its duration to the same high start bits', () => {
    // 1033BC7B carries a 2 h 59 min duration (high bits 0-5, low bits 27-31); Courier's schedules have none.
    expect(encodeIntervalToken({ start: '2019-11-19T01:04', every: 2, unit: 'days', utc: false })).toBe('1033BC4000100010');
  });

  it('refuses tokens that are not 16 hex digits', () => {
    expect(() => decodeScheduleToken('XYZ')).toThrow(/16 hex digits/);
    expect(() => splitScheduleTokens('0123')).toThrow(/groups of 16/);
  });
});
