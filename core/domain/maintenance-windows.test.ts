import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleInput } from '../api';
import { encodeScheduleToken } from '../formats/schedule-token';
import { maintenancePeriods, windowOccurrences, type CollectionWindow } from './maintenance-windows';

// Local tokens are read in the site server's zone: one with daylight saving and an offset from
// UTC (UTC+1 in winter), so a local window and a GMT one with the same start differ by an hour.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = zoneBefore;
});

function window(collectionId: string, windowName: string, schedule: ScheduleInput, durationMinutes: number): CollectionWindow {
  return { collectionId, collectionName: `Collection ${collectionId}`, windowName, schedule: encodeScheduleToken(schedule), durationMinutes };
}

const spans = (found: readonly { start: string; end: string }[]) => found.map((w) => `${w.start.slice(0, 16)}–${w.end.slice(0, 16)}`);

describe('the maintenance windows of a resource', () => {
  it('reads a local token in the server zone and a GMT token in UTC', () => {
    const local = window('A0100010', 'Local', { type: 'interval', start: '2026-12-01T22:00', daySpan: 1 }, 60);
    const gmt = window('A0100011', 'GMT', { type: 'interval', start: '2026-12-01T22:00', daySpan: 1, isGmt: true }, 60);
    const found = windowOccurrences([local, gmt], new Date('2026-12-02T12:00:00Z'), null, 2);
    // 22:00 in Berlin in December is 21:00 UTC.
    expect(found.map((w) => [w.windowName, w.start])).toEqual([
      ['Local', '2026-12-02T21:00:00.000Z'],
      ['GMT', '2026-12-02T22:00:00.000Z'],
    ]);
    // They touch (21:00–22:00, 22:00–23:00): one period.
    expect(maintenancePeriods(found)).toEqual([{ start: '2026-12-02T21:00:00.000Z', end: '2026-12-02T23:00:00.000Z', windows: [0, 1] }]);
  });

  it('lists a window that crosses midnight on both days, and one already open at the start of the range', () => {
    const nightly = window('A0100010', 'Nightly', { type: 'interval', start: '2026-12-01T23:00', daySpan: 1, isGmt: true }, 120);
    // Open at 00:30: the occurrence that began at 23:00 the day before comes first.
    expect(spans(windowOccurrences([nightly], new Date('2026-12-03T00:30:00Z'), new Date('2026-12-05T00:00:00Z'), 10))).toEqual([
      '2026-12-02T23:00–2026-12-03T01:00',
      '2026-12-03T23:00–2026-12-04T01:00',
      '2026-12-04T23:00–2026-12-05T01:00',
    ]);
    // Closed at 01:00 (the end is not inside): the next one is that night's.
    expect(spans(windowOccurrences([nightly], new Date('2026-12-03T01:00:00Z'), null, 1))).toEqual(['2026-12-03T23:00–2026-12-04T01:00']);
  });

  it('merges overlapping windows of several collections into one period and keeps each occurrence', () => {
    const evening = window('A0100010', 'Evening', { type: 'interval', start: '2026-12-01T18:00', daySpan: 1, isGmt: true }, 240);
    const late = window('A0100011', 'Late', { type: 'interval', start: '2026-12-01T20:00', daySpan: 1, isGmt: true }, 60);
    const weekend = window('A0100012', 'Saturday', { type: 'weekly', start: '2026-11-28T08:00', day: 7, isGmt: true }, 180);
    const found = windowOccurrences([weekend, late, evening], new Date('2026-12-04T12:00:00Z'), new Date('2026-12-06T00:00:00Z'), 10);
    expect(found.map((w) => `${w.windowName} ${w.start.slice(0, 16)}`)).toEqual([
      'Evening 2026-12-04T18:00',
      'Late 2026-12-04T20:00',
      'Saturday 2026-12-05T08:00',
      'Evening 2026-12-05T18:00',
      'Late 2026-12-05T20:00',
    ]);
    expect(spans(maintenancePeriods(found))).toEqual(['2026-12-04T18:00–2026-12-04T22:00', '2026-12-05T08:00–2026-12-05T11:00', '2026-12-05T18:00–2026-12-05T22:00']);
    expect(maintenancePeriods(found)[0]?.windows).toEqual([0, 1]);
    // `count` bounds the list when there is no end.
    expect(windowOccurrences([weekend, late, evening], new Date('2026-12-04T12:00:00Z'), null, 3)).toHaveLength(3);
  });

  it('ends a non-recurring window after its one occurrence', () => {
    const once = window('A0100010', 'Change freeze', { type: 'nonRecurring', start: '2026-12-24T06:00', isGmt: true }, 600);
    expect(spans(windowOccurrences([once], new Date('2026-12-01T00:00:00Z'), null, 5))).toEqual(['2026-12-24T06:00–2026-12-24T16:00']);
    expect(windowOccurrences([once], new Date('2026-12-25T00:00:00Z'), null, 5)).toEqual([]);
  });
});
