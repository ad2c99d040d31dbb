/**
 * The time stamps of the suite's logs, as UTC. Three SMS trace styles (SMS 1.2's
 * `Wed May 21 17:09:02 1997`, SMS 2.0's `Tue May 16 13:17:10.804 2000 Pacific Daylight Time`,
 * SMS 2003 and ConfigMgr 2007's `06-13-2008 15:36:47.610+420`) and CMTrace's time and date
 * attributes. A bias is the Windows time-zone bias: minutes to add to local time to get UTC.
 */

/** How to read a stamp that names no zone: as UTC, or in the zone of the computer parsing it (as SMS Trace shows it). */
export type UnzonedTimes = 'utc' | 'system';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Biases of the Windows time-zone names SMS 2.0 wrote (the registry's StandardName and
 * DaylightName of each zone). A name not listed is read as a stamp without a zone.
 */
const zoneBiases = new Map<string, number>([
  ['Coordinated Universal Time', 0],
  ['UTC', 0],
  ['GMT Standard Time', 0],
  ['GMT Daylight Time', -60],
  ['Greenwich Standard Time', 0],
  ['W. Europe Standard Time', -60],
  ['W. Europe Daylight Time', -120],
  ['Romance Standard Time', -60],
  ['Romance Daylight Time', -120],
  ['Central Europe Standard Time', -60],
  ['Central Europe Daylight Time', -120],
  ['Central European Standard Time', -60],
  ['Central European Daylight Time', -120],
  ['E. Europe Standard Time', -120],
  ['E. Europe Daylight Time', -180],
  ['GTB Standard Time', -120],
  ['GTB Daylight Time', -180],
  ['FLE Standard Time', -120],
  ['FLE Daylight Time', -180],
  ['Russian Standard Time', -180],
  ['Russian Daylight Time', -240],
  ['India Standard Time', -330],
  ['China Standard Time', -480],
  ['Tokyo Standard Time', -540],
  ['Korea Standard Time', -540],
  ['AUS Eastern Standard Time', -600],
  ['AUS Eastern Daylight Time', -660],
  ['New Zealand Standard Time', -720],
  ['New Zealand Daylight Time', -780],
  ['Atlantic Standard Time', 240],
  ['Atlantic Daylight Time', 180],
  ['Eastern Standard Time', 300],
  ['Eastern Daylight Time', 240],
  ['Central Standard Time', 360],
  ['Central Daylight Time', 300],
  ['Mountain Standard Time', 420],
  ['Mountain Daylight Time', 360],
  ['Pacific Standard Time', 480],
  ['Pacific Daylight Time', 420],
  ['Alaskan Standard Time', 540],
  ['Alaskan Daylight Time', 480],
  ['Hawaiian Standard Time', 600],
]);

interface WallClock {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** `610`, `6101234` → 610 ms; a fraction of any length is read to the millisecond. */
function milliseconds(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
}

/** The UTC ISO string of a wall-clock time, or null when no such time exists (13-45-2008, 25:00). */
function toUtc(clock: WallClock, bias: number | null, unzoned: UnzonedTimes): string | null {
  const { year, month, day, hour, minute, second, millisecond } = clock;
  if (year < 1601 || year > 9999 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Date.UTC rolls 31 April over to 1 May; such a day is not a time of this log.
  if (new Date(asUtc).getUTCDate() !== day) return null;
  if (bias !== null) return new Date(asUtc + bias * 60_000).toISOString();
  if (unzoned === 'utc') return new Date(asUtc).toISOString();
  return new Date(year, month - 1, day, hour, minute, second, millisecond).toISOString();
}

// Each is anchored and its parts are runs of distinct characters, so no input makes them backtrack.
const numericStamp = /^(\d{1,2})-(\d{1,2})-(\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([+-]\d{1,4})?$/u;
const textStamp = /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? (\d{4})(?: ([A-Za-z][A-Za-z .()&+-]{0,60}))?$/u;

/** The longest stamp any style writes, with a long zone name; a longer one is not a stamp. */
const maxStampChars = 100;

/** An SMS trace line's date, in any of the three styles (a `~` at its end, as SMS 1.2 wrote, ignored); null when it is none. */
export function parseTraceStamp(stamp: string, unzoned: UnzonedTimes): string | null {
  if (stamp.length > maxStampChars) return null;
  const text = stamp.endsWith('~') ? stamp.slice(0, -1).trimEnd() : stamp.trim();
  const numeric = numericStamp.exec(text);
  if (numeric) {
    const [, month, day, year, hour, minute, second, fraction, bias] = numeric;
    const clock = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second), millisecond: milliseconds(fraction) };
    return toUtc(clock, bias === undefined ? null : Number(bias), unzoned);
  }
  const named = textStamp.exec(text);
  if (named) {
    const [, monthName, day, hour, minute, second, fraction, year, zone] = named;
    const clock = { year: Number(year), month: months.indexOf(monthName!) + 1, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second), millisecond: milliseconds(fraction) };
    return toUtc(clock, zone === undefined ? null : (zoneBiases.get(zone.trim()) ?? null), unzoned);
  }
  return null;
}

const cmtraceTime = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([+-]\d{1,4})?$/u;
const cmtraceDate = /^(\d{1,2})-(\d{1,2})-(\d{4})$/u;

/** CMTrace's `time="15:36:47.610+420"` and `date="06-13-2008"` as UTC; null when either is missing or wrong. */
export function parseCmtraceTime(time: string | undefined, date: string | undefined, unzoned: UnzonedTimes): string | null {
  if (time === undefined || date === undefined || time.length > maxStampChars) return null;
  const t = cmtraceTime.exec(time.trim());
  const d = cmtraceDate.exec(date.trim());
  if (!t || !d) return null;
  const [, hour, minute, second, fraction, bias] = t;
  const [, month, day, year] = d;
  const clock = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second), millisecond: milliseconds(fraction) };
  return toUtc(clock, bias === undefined ? null : Number(bias), unzoned);
}
