import type { Parsed } from './viewer-filter';

/**
 * Set Viewing Period: the messages since a date and time, or those of the last N hours or days.
 * "Any time" is Courier's addition for a package whose story started long ago.
 */
export type PeriodMode = 'since' | 'last' | 'all';
export type PeriodUnit = 'hours' | 'days';

export interface PeriodDraft {
  readonly mode: PeriodMode;
  /** `YYYY-MM-DDTHH:MM`, local time, as a datetime-local input holds it. */
  readonly sinceLocal: string;
  /** Typed, so a half-typed number is kept as it is. */
  readonly amount: string;
  readonly unit: PeriodUnit;
  /** Since a date and time, until another (exclusive) when ticked. */
  readonly untilOn: boolean;
  readonly untilLocal: string;
}

export interface Period {
  readonly since?: string;
  readonly lastHours?: number;
  /** The end, exclusive, with since. */
  readonly before?: string;
}

/** The most days (or hours, as days) the last-N choice accepts: ten years. */
export const maxPeriodDays = 3660;

/** `YYYY-MM-DDTHH:MM` in local time, for a datetime-local input. */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The dialog's first state: the last day, or what the viewer shows now. */
export function draftOf(period: Period, now: number): PeriodDraft {
  const until = { untilOn: period.before !== undefined, untilLocal: localInputValue(period.before !== undefined ? Date.parse(period.before) : now) };
  if (period.since !== undefined) return { mode: 'since', sinceLocal: localInputValue(Date.parse(period.since)), amount: '1', unit: 'days', ...until };
  if (period.lastHours !== undefined) {
    const days = period.lastHours % 24 === 0;
    return { mode: 'last', sinceLocal: localInputValue(now - period.lastHours * 3_600_000), amount: String(days ? period.lastHours / 24 : period.lastHours), unit: days ? 'days' : 'hours', ...until };
  }
  return { mode: 'all', sinceLocal: localInputValue(now - 86_400_000), amount: '1', unit: 'days', ...until };
}

/** A datetime-local value as the instant it names in local time, or null for an incomplete or impossible one. */
function localInstant(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  // A datetime-local input gives '' for an incomplete date; the Date constructor reads the rest as local time.
  const ms = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0)).getTime() : NaN;
  return match && Number.isFinite(ms) && localInputValue(ms) === text.trim().slice(0, 16) ? ms : null;
}

/** The period a draft names, or what is wrong with it (the field is the draft's). */
export function periodOf(draft: PeriodDraft, now: number): Parsed<Period> {
  if (draft.mode === 'all') return { ok: true, value: {} };
  if (draft.mode === 'since') {
    const ms = localInstant(draft.sinceLocal);
    if (ms === null) return { ok: false, field: 'sinceLocal', message: 'Enter a whole date and time.' };
    if (ms > now) return { ok: false, field: 'sinceLocal', message: 'The date and time is in the future: no message has been reported since.' };
    if (!draft.untilOn) return { ok: true, value: { since: new Date(ms).toISOString() } };
    const until = localInstant(draft.untilLocal);
    if (until === null) return { ok: false, field: 'untilLocal', message: 'Enter a whole date and time to show messages until, or clear Until.' };
    if (until <= ms) return { ok: false, field: 'untilLocal', message: 'Until is not after Since: no message can be in that period.' };
    return { ok: true, value: { since: new Date(ms).toISOString(), before: new Date(until).toISOString() } };
  }
  const text = draft.amount.trim();
  const max = draft.unit === 'days' ? maxPeriodDays : maxPeriodDays * 24;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1 || Number(text) > max) {
    return { ok: false, field: 'amount', message: `Enter a whole number of ${draft.unit} from 1 to ${max}.` };
  }
  return { ok: true, value: { lastHours: Number(text) * (draft.unit === 'days' ? 24 : 1) } };
}

/** "Last 2 days", "Since 12/1/2026 8:00 AM", "Any time": the viewer's line about its period. */
export function periodText(period: Period, formatTime: (ms: number) => string): string {
  if (period.since !== undefined && period.before !== undefined) return `From ${formatTime(Date.parse(period.since))} until ${formatTime(Date.parse(period.before))}`;
  if (period.since !== undefined) return `Since ${formatTime(Date.parse(period.since))}`;
  if (period.lastHours !== undefined) {
    if (period.lastHours % 24 === 0) return period.lastHours === 24 ? 'Last day' : `Last ${period.lastHours / 24} days`;
    return period.lastHours === 1 ? 'Last hour' : `Last ${period.lastHours} hours`;
  }
  return 'Any time';
}
