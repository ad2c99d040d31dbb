import type { RecurringSchedule } from '../api';

/**
 * SMS_ST schedule tokens (as SMS_ScheduleMethods.ReadFromString reads them;
 * docs/formats.md#schedule-tokens): 16 hex digits, a 64-bit value written high DWORD then low DWORD. Courier edits interval schedules; the codec reads every type so tokens
 * imported from the suite can be shown.
 */
export type ScheduleTokenType = 'nonRecurring' | 'interval' | 'weekly' | 'monthlyByWeekday' | 'monthlyByDate';

const typeCodes: Record<ScheduleTokenType, number> = {
  nonRecurring: 1,
  interval: 2,
  weekly: 3,
  monthlyByWeekday: 4,
  monthlyByDate: 5,
};

export interface DecodedScheduleToken {
  readonly type: ScheduleTokenType;
  /** Local wall-clock start (or UTC when isGmt), as YYYY-MM-DDTHH:MM. */
  readonly start: string;
  readonly isGmt: boolean;
  readonly duration: { readonly days: number; readonly hours: number; readonly minutes: number };
  readonly minuteSpan?: number;
  readonly hourSpan?: number;
  readonly daySpan?: number;
  readonly day?: number;
  readonly forNumberOfWeeks?: number;
  readonly forNumberOfMonths?: number;
  readonly weekOrder?: number;
  readonly monthDay?: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function encodeIntervalToken(schedule: RecurringSchedule): string {
  const [date = '', time = ''] = schedule.start.split('T');
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const high = ((minute << 26) | (hour << 21) | (day << 16) | (month << 12) | ((year - 1970) << 6)) >>> 0;
  const span =
    schedule.unit === 'minutes' ? schedule.every << 13 : schedule.unit === 'hours' ? schedule.every << 8 : schedule.every << 3;
  const low = ((typeCodes.interval << 19) | span | (schedule.utc ? 1 : 0)) >>> 0;
  return `${high.toString(16).toUpperCase().padStart(8, '0')}${low.toString(16).toUpperCase().padStart(8, '0')}`;
}

export function decodeScheduleToken(token: string): DecodedScheduleToken {
  if (!/^[0-9A-Fa-f]{16}$/.test(token)) {
    throw new Error(`A schedule token is 16 hex digits; "${token}" is not.`);
  }
  const high = parseInt(token.slice(0, 8), 16);
  const low = parseInt(token.slice(8, 16), 16);
  const typeCode = (low >>> 19) & 7;
  const type = (Object.keys(typeCodes) as ScheduleTokenType[]).find((t) => typeCodes[t] === typeCode);
  if (!type) throw new Error(`Schedule token ${token} has an unknown type ${typeCode}.`);
  const start = `${1970 + ((high >>> 6) & 63)}-${pad((high >>> 12) & 15)}-${pad((high >>> 16) & 31)}T${pad((high >>> 21) & 31)}:${pad((high >>> 26) & 63)}`;
  const base = {
    type,
    start,
    isGmt: (low & 1) === 1,
    duration: { days: (low >>> 22) & 31, hours: (low >>> 27) & 31, minutes: high & 63 },
  };
  switch (type) {
    case 'nonRecurring':
      return base;
    case 'interval':
      return { ...base, minuteSpan: (low >>> 13) & 63, hourSpan: (low >>> 8) & 31, daySpan: (low >>> 3) & 31 };
    case 'weekly':
      return { ...base, day: (low >>> 16) & 7, forNumberOfWeeks: (low >>> 13) & 7 };
    case 'monthlyByWeekday':
      return { ...base, day: (low >>> 16) & 7, forNumberOfMonths: (low >>> 12) & 15, weekOrder: (low >>> 9) & 7 };
    case 'monthlyByDate':
      return { ...base, monthDay: (low >>> 14) & 31, forNumberOfMonths: (low >>> 10) & 15 };
  }
}

/** Multi-schedule properties concatenate tokens. */
export function splitScheduleTokens(value: string): string[] {
  if (value.length % 16 !== 0) throw new Error('Schedule tokens come in groups of 16 hex digits.');
  const tokens: string[] = [];
  for (let i = 0; i < value.length; i += 16) tokens.push(value.slice(i, i + 16));
  return tokens;
}
