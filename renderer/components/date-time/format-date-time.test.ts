import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './format-date-time';

// Local time, so the expected text does not depend on the machine's time zone.
const evening = new Date(2026, 11, 1, 20, 20, 9);

describe('formatDateTime', () => {
  it('writes the short date with the full year and the short time, as Windows does in en-US', () => {
    expect(formatDateTime(evening, { locale: 'en-US' })).toBe('12/1/2026 8:20 PM');
    expect(formatDateTime(evening.toISOString(), { locale: 'en-US' })).toBe('12/1/2026 8:20 PM');
    expect(formatDateTime(evening.getTime(), { locale: 'en-US' })).toBe('12/1/2026 8:20 PM');
  });

  it('follows the locale', () => {
    expect(formatDateTime(evening, { locale: 'de-DE' })).toBe('01.12.2026 20:20');
    expect(formatDateTime(evening, { locale: 'en-GB' })).toBe('01/12/2026 20:20');
    expect(formatDateTime(evening, { locale: 'sv-SE' })).toBe('2026-12-01 20:20');
    expect(formatDateTime(evening, { locale: 'ja-JP' })).toBe('2026/12/01 20:20');
  });

  it('adds the seconds only when asked', () => {
    expect(formatDateTime(evening, { locale: 'en-US', seconds: true })).toBe('12/1/2026 8:20:09 PM');
  });

  it('leaves a missing or unreadable date empty', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('writes the time alone as the time of the full form', () => {
    expect(formatTime(evening, { locale: 'en-US' })).toBe('8:20 PM');
    expect(formatTime(evening, { locale: 'de-DE' })).toBe('20:20');
    expect(formatDateTime(evening, { locale: 'en-US' }).endsWith(formatTime(evening, { locale: 'en-US' }))).toBe(true);
    expect(formatTime('not a date')).toBe('');
  });

  it('writes the date alone as the date of the full form', () => {
    expect(formatDate(evening, { locale: 'en-US' })).toBe('12/1/2026');
    expect(formatDate(evening, { locale: 'de-DE' })).toBe('01.12.2026');
    expect(formatDateTime(evening, { locale: 'sv-SE' }).startsWith(formatDate(evening, { locale: 'sv-SE' }))).toBe(true);
    expect(formatDate('not a date')).toBe('');
  });
});
