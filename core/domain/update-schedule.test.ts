import { describe, expect, it } from 'vitest';
import { describeInterval, dueOccurrence, latestOccurrence, nextOccurrence } from './update-schedule';

const everyThreeHours = { start: '2026-12-01T06:00', every: 3, unit: 'hours', utc: true } as const;

describe('update schedule occurrences', () => {
  it('finds the latest occurrence at or before now, and none before the start', () => {
    expect(latestOccurrence(everyThreeHours, new Date('2026-12-01T05:59:59Z'))).toBeNull();
    expect(latestOccurrence(everyThreeHours, new Date('2026-12-01T06:00:00Z'))?.toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(latestOccurrence(everyThreeHours, new Date('2026-12-01T11:59:00Z'))?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(nextOccurrence(everyThreeHours, new Date('2026-12-01T11:59:00Z')).toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('is due once per occurrence after the last one run, and never for one before the package existed', () => {
    const now = new Date('2026-12-01T13:00:00Z');
    expect(dueOccurrence(everyThreeHours, null, '2026-12-01T07:00:00.000Z', now)?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(dueOccurrence(everyThreeHours, null, '2026-12-01T12:30:00.000Z', now)).toBeNull();
    expect(dueOccurrence(everyThreeHours, '2026-12-01T12:00:00.000Z', '2026-12-01T07:00:00.000Z', now)).toBeNull();
    expect(dueOccurrence(everyThreeHours, '2026-12-01T09:00:00.000Z', '2026-12-01T07:00:00.000Z', now)?.toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('names the interval in words', () => {
    expect(describeInterval(everyThreeHours)).toBe('every 3 hours');
    expect(describeInterval({ ...everyThreeHours, every: 1, unit: 'days' })).toBe('every day');
  });
});
