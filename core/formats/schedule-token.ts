import { intervalScheduleOf, scheduleSchema, scheduleTypes, type RecurringSchedule, type Schedule, type ScheduleInput, type ScheduleType } from '../api';

/**
 * SMS_ST schedule tokens, as SMS_ScheduleMethods.ReadFromString and WriteToString have them
 * (docs/formats.md#schedule-tokens): 16 hex digits, a 64-bit value written high DWORD then low
 * DWORD. The one codec of Courier: package update schedules, and later advertisements' mandatory
 * assignments and maintenance windows, are all written and read here.
 */

/** The type code in bits 21–19 of the low DWORD: 1 NonRecurring … 5 RecurMonthlyByDate. */
const typeCode = (type: ScheduleType): number => scheduleTypes.indexOf(type) + 1;

/** Bits 18–1 of the low DWORD that each type leaves unused: a set one there is not a token the suite wrote. */
const unusedBits: Readonly<Record<ScheduleType, { readonly mask: number; readonly bits: string }>> = {
  nonRecurring: { mask: 0x7fffe, bits: '18–1' },
  interval: { mask: 0x6, bits: '2–1' },
  weekly: { mask: 0x1ffe, bits: '12–1' },
  monthlyByWeekday: { mask: 0x1fe, bits: '8–1' },
  monthlyByDate: { mask: 0x3fe, bits: '9–1' },
};

const pad = (n: number) => String(n).padStart(2, '0');
const hex8 = (n: number) => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');

/** A token refused: which one, which field, and why. `field` is the decoded object's key. */
export class ScheduleTokenError extends Error {
  override readonly name = 'ScheduleTokenError';
  constructor(
    readonly token: string,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(`Schedule token "${token}"${field ? `, ${field}` : ''}: ${reason}`);
  }
}

function typeSpecificBits(s: Schedule): number {
  switch (s.type) {
    case 'nonRecurring':
      return 0;
    case 'interval':
      return (s.minuteSpan << 13) | (s.hourSpan << 8) | (s.daySpan << 3);
    case 'weekly':
      return (s.day << 16) | (s.forNumberOfWeeks << 13);
    case 'monthlyByWeekday':
      return (s.day << 16) | (s.forNumberOfMonths << 12) | (s.weekOrder << 9);
    case 'monthlyByDate':
      return (s.monthDay << 14) | (s.forNumberOfMonths << 10);
  }
}

/** Writes one schedule as its token. The object is checked against the contract first. */
export function encodeScheduleToken(input: ScheduleInput | Schedule): string {
  const s = scheduleSchema.parse(input);
  const [year, month, day, hour, minute] = s.start.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const high = (minute << 26) | (hour << 21) | (day << 16) | (month << 12) | ((year - 1970) << 6) | s.minuteDuration;
  const low = (s.hourDuration << 27) | (s.dayDuration << 22) | (typeCode(s.type) << 19) | typeSpecificBits(s) | (s.isGmt ? 1 : 0);
  return `${hex8(high)}${hex8(low)}`;
}

/** A multi-schedule property's value: the tokens one after another. */
export function encodeScheduleTokens(schedules: readonly (ScheduleInput | Schedule)[]): string {
  return schedules.map(encodeScheduleToken).join('');
}

export function encodeIntervalToken(schedule: RecurringSchedule): string {
  return encodeScheduleToken(intervalScheduleOf(schedule));
}

/** Reads one token of 16 hex digits; anything the suite would not have written is refused, naming the field. */
export function decodeScheduleToken(token: string): Schedule {
  if (token.length !== 16) throw new ScheduleTokenError(token.slice(0, 40), undefined, `a schedule token is 16 hex digits; this one has ${token.length} characters.`);
  if (!/^[0-9A-Fa-f]{16}$/.test(token)) throw new ScheduleTokenError(token, undefined, 'a schedule token is 16 hex digits (0–9, A–F); this one has other characters.');
  const high = parseInt(token.slice(0, 8), 16);
  const low = parseInt(token.slice(8, 16), 16);
  const code = (low >>> 19) & 7;
  const type = scheduleTypes[code - 1];
  if (type === undefined) throw new ScheduleTokenError(token, 'type', `type code ${code} (bits 21–19 of the low half) is none of 1 nonRecurring … 5 monthlyByDate.`);
  const unused = unusedBits[type];
  if ((low & unused.mask) !== 0) throw new ScheduleTokenError(token, type, `bits ${unused.bits} of the low half are set, but ${type === 'interval' ? 'an' : 'a'} ${type} schedule does not use them.`);
  const fields: Record<string, unknown> = {
    token: token.toUpperCase(),
    type,
    start: `${1970 + ((high >>> 6) & 63)}-${pad((high >>> 12) & 15)}-${pad((high >>> 16) & 31)}T${pad((high >>> 21) & 31)}:${pad((high >>> 26) & 63)}`,
    isGmt: (low & 1) === 1,
    minuteDuration: high & 63,
    hourDuration: (low >>> 27) & 31,
    dayDuration: (low >>> 22) & 31,
  };
  if (type === 'interval') Object.assign(fields, { daySpan: (low >>> 3) & 31, hourSpan: (low >>> 8) & 31, minuteSpan: (low >>> 13) & 63 });
  if (type === 'weekly') Object.assign(fields, { day: (low >>> 16) & 7, forNumberOfWeeks: (low >>> 13) & 7 });
  if (type === 'monthlyByWeekday') Object.assign(fields, { day: (low >>> 16) & 7, forNumberOfMonths: (low >>> 12) & 15, weekOrder: (low >>> 9) & 7 });
  if (type === 'monthlyByDate') Object.assign(fields, { monthDay: (low >>> 14) & 31, forNumberOfMonths: (low >>> 10) & 15 });
  const parsed = scheduleSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.map(String).join('.') || undefined;
    throw new ScheduleTokenError(token, name, `${issue?.message ?? 'not a schedule.'}`);
  }
  return parsed.data;
}

/** Multi-schedule properties concatenate tokens. */
export function splitScheduleTokens(value: string): string[] {
  if (value.length === 0 || value.length % 16 !== 0) {
    throw new ScheduleTokenError(value.slice(0, 40), undefined, `schedule tokens come in groups of 16 hex digits; ${value.length} characters is not a multiple of 16.`);
  }
  const tokens: string[] = [];
  for (let i = 0; i < value.length; i += 16) tokens.push(value.slice(i, i + 16));
  return tokens;
}

/** Every schedule in one or more values, each a token or several concatenated, in order. */
export function decodeScheduleTokens(values: readonly string[]): Schedule[] {
  return values.flatMap((value) => splitScheduleTokens(value.trim()).map(decodeScheduleToken));
}
