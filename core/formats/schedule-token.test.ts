import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScheduleInput } from '../api';
import { decodeScheduleToken, decodeScheduleTokens, encodeIntervalToken, encodeScheduleToken, encodeScheduleTokens, splitScheduleTokens } from './schedule-token';

interface Vector {
  readonly token: string;
  readonly source: string;
  readonly decoded: readonly Record<string, unknown>[];
}

const { vectors } = JSON.parse(readFileSync(new URL('../../test/fixtures/schedule-tokens.json', import.meta.url), 'utf8')) as { vectors: Vector[] };

/** Replaces the bits `mask` of a token's low (or high) half by `value`, to build tokens the suite never wrote. */
function withBits(token: string, half: 'high' | 'low', shift: number, width: number, value: number): string {
  const high = parseInt(token.slice(0, 8), 16);
  const low = parseInt(token.slice(8), 16);
  const mask = ((2 ** width - 1) << shift) >>> 0;
  const set = (word: number) => ((word & ~mask) | ((value << shift) & mask)) >>> 0;
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
  return half === 'high' ? `${hex(set(high))}${hex(low)}` : `${hex(high)}${hex(set(low))}`;
}

const interval = '1033BC7B10100010';

describe('the public schedule token examples', () => {
  it.each(vectors)('decodes $token as its source describes it', ({ token, decoded }) => {
    const schedules = decodeScheduleTokens([token]);
    expect(schedules.map(({ token: _token, ...rest }) => rest)).toEqual(decoded);
    expect(schedules.map((s) => s.token)).toEqual(splitScheduleTokens(token));
  });

  it.each(vectors)('encodes the decoded $token back to the same digits', ({ token, decoded }) => {
    expect(encodeScheduleTokens(decoded as unknown as ScheduleInput[])).toBe(token);
  });

  it('reads a multi-schedule value given as separate tokens the same as concatenated', () => {
    const five = vectors[2]!.token;
    expect(decodeScheduleTokens(splitScheduleTokens(five))).toEqual(decodeScheduleTokens([five]));
  });
});

describe('round trips over every type and the edges of every field', () => {
  const cases: ScheduleInput[] = [
    { type: 'nonRecurring', start: '1970-01-01T00:00' },
    { type: 'nonRecurring', start: '2033-12-31T23:59', isGmt: true, minuteDuration: 59, hourDuration: 23, dayDuration: 31 },
    { type: 'interval', start: '2024-02-29T12:30', minuteSpan: 59 },
    { type: 'interval', start: '2024-02-29T12:30', minuteSpan: 1, isGmt: true },
    { type: 'interval', start: '2000-06-15T08:00', hourSpan: 23 },
    { type: 'interval', start: '2000-06-15T08:00', daySpan: 31, dayDuration: 1 },
    { type: 'weekly', start: '2009-05-01T22:00', day: 1, forNumberOfWeeks: 1 },
    { type: 'weekly', start: '2009-05-01T22:00', day: 7, forNumberOfWeeks: 4, isGmt: true },
    { type: 'monthlyByWeekday', start: '2026-01-31T03:00', day: 1, forNumberOfMonths: 1, weekOrder: 0 },
    { type: 'monthlyByWeekday', start: '2026-01-31T03:00', day: 7, forNumberOfMonths: 12, weekOrder: 4 },
    { type: 'monthlyByDate', start: '2026-04-30T23:00', monthDay: 0, forNumberOfMonths: 1 },
    { type: 'monthlyByDate', start: '2026-04-30T23:00', monthDay: 31, forNumberOfMonths: 12, hourDuration: 23, minuteDuration: 59 },
    { type: 'monthlyByDate', start: '2033-12-31T23:59', monthDay: 1, forNumberOfMonths: 1, isGmt: true, dayDuration: 31 },
  ];

  it.each(cases)('$type from $start survives encode then decode', (schedule) => {
    const token = encodeScheduleToken(schedule);
    expect(token).toMatch(/^[0-9A-F]{16}$/);
    const decoded = decodeScheduleToken(token);
    expect(decoded).toMatchObject(schedule);
    expect(decoded.token).toBe(token);
    expect(encodeScheduleToken(decoded)).toBe(token);
  });

  it('fills what an encoding leaves out with the suite defaults: local time, no duration, every week or month', () => {
    expect(decodeScheduleToken(encodeScheduleToken({ type: 'weekly', start: '2026-12-02T10:00', day: 4 }))).toMatchObject({
      isGmt: false,
      minuteDuration: 0,
      hourDuration: 0,
      dayDuration: 0,
      forNumberOfWeeks: 1,
    });
  });

  it('sets only the GMT bit for a GMT schedule', () => {
    const localToken = encodeScheduleToken({ type: 'interval', start: '2019-11-19T01:04', daySpan: 2 });
    const gmtToken = encodeScheduleToken({ type: 'interval', start: '2019-11-19T01:04', daySpan: 2, isGmt: true });
    expect(BigInt(`0x${gmtToken}`) ^ BigInt(`0x${localToken}`)).toBe(1n);
  });

  it('writes the package update schedule as the interval token, the public example without its duration', () => {
    expect(encodeIntervalToken({ start: '2019-11-19T01:04', every: 2, unit: 'days', utc: false })).toBe('1033BC4000100010');
    expect(decodeScheduleToken(encodeIntervalToken({ start: '2026-12-01T06:00', every: 3, unit: 'hours', utc: true }))).toMatchObject({ hourSpan: 3, isGmt: true });
  });
});

describe('tokens the suite would not have written are refused, naming the token, the field and why', () => {
  it('refuses the wrong length and characters that are not hex digits', () => {
    expect(() => decodeScheduleToken('1033BC7B1010001')).toThrow('Schedule token "1033BC7B1010001": a schedule token is 16 hex digits; this one has 15 characters.');
    expect(() => decodeScheduleToken('1033BC7B1010001G')).toThrow(/"1033BC7B1010001G": .*other characters/);
    expect(() => splitScheduleTokens(`${interval}0123`)).toThrow(/20 characters is not a multiple of 16/);
    expect(() => splitScheduleTokens('')).toThrow(/groups of 16/);
  });

  it.each([0, 6, 7])('refuses the unknown type code %i', (code) => {
    expect(() => decodeScheduleToken(withBits(interval, 'low', 19, 3, code))).toThrow(new RegExp(`, type: type code ${code} `));
  });

  it.each([
    ['month 13', 'high', 12, 4, 13, /start: The start month must be 1–12; it is 13/],
    ['month 0', 'high', 12, 4, 0, /start month must be 1–12; it is 0/],
    ['minute 63', 'high', 26, 6, 63, /start: The start minute must be 0–59; it is 63/],
    ['hour 24', 'high', 21, 5, 24, /start hour must be 0–23; it is 24/],
    ['day 0', 'high', 16, 5, 0, /start day must be 1–30 in 2019-11; it is 0/],
    ['day 31 in November', 'high', 16, 5, 31, /start day must be 1–30 in 2019-11; it is 31/],
    ['minute duration 60', 'high', 0, 6, 60, /, minuteDuration: minuteDuration must be a whole number 0–59/],
    ['hour duration 24', 'low', 27, 5, 24, /, hourDuration: hourDuration must be a whole number 0–23/],
    ['minute span 60', 'low', 13, 6, 60, /, minuteSpan: minuteSpan must be a whole number 0–59/],
    ['hour span 31', 'low', 8, 5, 31, /, hourSpan: hourSpan must be a whole number 0–23/],
    ['no span', 'low', 3, 5, 0, /, daySpan: An interval schedule has exactly one of daySpan, hourSpan and minuteSpan above 0; this one has none/],
    ['two spans', 'low', 8, 5, 1, /exactly one of .* this one has 2/],
    ['a set unused bit', 'low', 1, 1, 1, /, interval: bits 2–1 of the low half are set/],
  ] as const)('refuses %s', (_name, half, shift, width, value, message) => {
    expect(() => decodeScheduleToken(withBits(interval, half, shift, width, value))).toThrow(message);
  });

  it('refuses impossible dates: 30 February, 29 February outside a leap year', () => {
    const february = withBits(interval, 'high', 12, 4, 2);
    expect(() => decodeScheduleToken(withBits(february, 'high', 16, 5, 30))).toThrow(/start day must be 1–28 in 2019-02; it is 30/);
    expect(() => decodeScheduleToken(withBits(february, 'high', 16, 5, 29))).toThrow(/1–28 in 2019-02/);
    const leapYear = withBits(february, 'high', 6, 6, 2020 - 1970);
    expect(decodeScheduleToken(withBits(leapYear, 'high', 16, 5, 29)).start).toBe('2020-02-29T01:04');
  });

  it('refuses weekly, monthly fields out of range', () => {
    const weekly = encodeScheduleToken({ type: 'weekly', start: '2009-05-01T22:00', day: 2 });
    expect(() => decodeScheduleToken(withBits(weekly, 'low', 16, 3, 0))).toThrow(/, day: day must be a whole number 1–7 \(1 = Sunday/);
    expect(() => decodeScheduleToken(withBits(weekly, 'low', 13, 3, 5))).toThrow(/forNumberOfWeeks must be a whole number 1–4/);
    const byWeekday = encodeScheduleToken({ type: 'monthlyByWeekday', start: '2009-05-01T22:00', day: 2, weekOrder: 1 });
    expect(() => decodeScheduleToken(withBits(byWeekday, 'low', 9, 3, 5))).toThrow(/weekOrder must be a whole number 0–4 \(0 = last/);
    expect(() => decodeScheduleToken(withBits(byWeekday, 'low', 12, 4, 13))).toThrow(/forNumberOfMonths must be a whole number 1–12/);
    expect(() => decodeScheduleToken(withBits(byWeekday, 'low', 12, 4, 0))).toThrow(/forNumberOfMonths must be a whole number 1–12/);
  });

  it('refuses to encode what no token can hold', () => {
    expect(() => encodeScheduleToken({ type: 'nonRecurring', start: '2034-01-01T00:00' })).toThrow(/start year must be 1970–2033/);
    expect(() => encodeScheduleToken({ type: 'nonRecurring', start: '1969-12-31T23:59' })).toThrow(/start year must be 1970–2033/);
    expect(() => encodeScheduleToken({ type: 'monthlyByDate', start: '2026-01-01T00:00', monthDay: 32 })).toThrow(/monthDay must be a whole number 0–31/);
    expect(() => encodeScheduleToken({ type: 'interval', start: '2026-01-01T00:00' })).toThrow(/exactly one of daySpan/);
    expect(() => encodeScheduleToken({ type: 'nonRecurring', start: '2026-01-01T00:00:00' })).toThrow(/must look like 2019-11-19T01:04/);
  });
});
