import { describe, expect, it } from 'vitest';
import { draftOf, localInputValue, periodOf, periodText } from './viewing-period';

const now = new Date(2026, 11, 3, 12, 30).getTime();
const noUntil = { untilOn: false, untilLocal: '' };

describe('Set Viewing Period', () => {
  it('reads a local date and time as the instant it names', () => {
    const since = periodOf({ mode: 'since', sinceLocal: '2026-12-01T08:15', amount: '', unit: 'days', ...noUntil }, now);
    expect(since).toEqual({ ok: true, value: { since: new Date(2026, 11, 1, 8, 15).toISOString() } });
  });

  it('refuses an incomplete, impossible or future date and time at its field', () => {
    for (const sinceLocal of ['', '2026-12-01', '2026-02-30T08:00', '2026-13-01T08:00']) {
      expect(periodOf({ mode: 'since', sinceLocal, amount: '1', unit: 'days', ...noUntil }, now)).toMatchObject({ ok: false, field: 'sinceLocal', message: 'Enter a whole date and time.' });
    }
    expect(periodOf({ mode: 'since', sinceLocal: '2026-12-04T00:00', amount: '1', unit: 'days', ...noUntil }, now)).toMatchObject({ ok: false, field: 'sinceLocal', message: expect.stringContaining('future') });
  });

  it('ends the period before an until, when ticked, and refuses one not after since', () => {
    const draft = { mode: 'since' as const, sinceLocal: '2026-12-01T08:00', amount: '1', unit: 'days' as const, untilOn: true, untilLocal: '2026-12-01T09:30' };
    expect(periodOf(draft, now)).toEqual({ ok: true, value: { since: new Date(2026, 11, 1, 8, 0).toISOString(), before: new Date(2026, 11, 1, 9, 30).toISOString() } });
    expect(periodOf({ ...draft, untilOn: false }, now)).toEqual({ ok: true, value: { since: new Date(2026, 11, 1, 8, 0).toISOString() } });
    expect(periodOf({ ...draft, untilLocal: '2026-12-01T08:00' }, now)).toMatchObject({ ok: false, field: 'untilLocal', message: 'Until is not after Since: no message can be in that period.' });
    expect(periodOf({ ...draft, untilLocal: '' }, now)).toMatchObject({ ok: false, field: 'untilLocal' });
    const period = { since: new Date(2026, 11, 1, 8, 0).toISOString(), before: new Date(2026, 11, 1, 9, 30).toISOString() };
    expect(draftOf(period, now)).toMatchObject({ mode: 'since', sinceLocal: '2026-12-01T08:00', untilOn: true, untilLocal: '2026-12-01T09:30' });
    expect(periodText(period, (ms) => new Date(ms).toISOString())).toBe(`From ${period.since} until ${period.before}`);
  });

  it('counts the last N hours or days in hours', () => {
    expect(periodOf({ mode: 'last', sinceLocal: '', amount: '6', unit: 'hours', ...noUntil }, now)).toEqual({ ok: true, value: { lastHours: 6 } });
    expect(periodOf({ mode: 'last', sinceLocal: '', amount: ' 2 ', unit: 'days', ...noUntil }, now)).toEqual({ ok: true, value: { lastHours: 48 } });
    for (const amount of ['0', '-1', '1.5', 'x', '', '3661']) {
      expect(periodOf({ mode: 'last', sinceLocal: '', amount, unit: 'days', ...noUntil }, now)).toMatchObject({ ok: false, field: 'amount', message: 'Enter a whole number of days from 1 to 3660.' });
    }
    expect(periodOf({ mode: 'all', sinceLocal: '', amount: '', unit: 'days', ...noUntil }, now)).toEqual({ ok: true, value: {} });
  });

  it('starts from the period shown, and says it in words', () => {
    expect(draftOf({ lastHours: 48 }, now)).toMatchObject({ mode: 'last', amount: '2', unit: 'days' });
    expect(draftOf({ lastHours: 5 }, now)).toMatchObject({ mode: 'last', amount: '5', unit: 'hours' });
    const since = new Date(2026, 11, 1, 8, 15).toISOString();
    expect(draftOf({ since }, now)).toMatchObject({ mode: 'since', sinceLocal: '2026-12-01T08:15' });
    expect(draftOf({}, now)).toMatchObject({ mode: 'all', sinceLocal: localInputValue(now - 86_400_000) });
    const fmt = (ms: number) => new Date(ms).toISOString();
    expect(periodText({ lastHours: 24 }, fmt)).toBe('Last day');
    expect(periodText({ lastHours: 72 }, fmt)).toBe('Last 3 days');
    expect(periodText({ lastHours: 1 }, fmt)).toBe('Last hour');
    expect(periodText({ since }, fmt)).toBe(`Since ${since}`);
    expect(periodText({}, fmt)).toBe('Any time');
  });
});
