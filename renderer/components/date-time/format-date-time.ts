/**
 * Dates as Windows shows them for the user's locale: the short date with a four-digit year, then
 * the short time ("12/1/2026 8:20 PM" in en-US, "01.12.2026 20:20" in de-DE, "2026-12-01 20:20"
 * in sv-SE). Every list and property sheet shows dates through this one function, so a date
 * reads the same wherever the admin meets it.
 *
 * The browser has no Windows date settings, so the locale's CLDR short date is used with its
 * year written in full, which is what Windows' short date patterns are for these locales.
 */
export interface DateTimeOptions {
  /** Adds the seconds, for the rare place they matter (a log line's time). */
  readonly seconds?: boolean;
  /** The user's locale when absent; tests name one. */
  readonly locale?: string;
}

interface Formatters {
  readonly date: Intl.DateTimeFormat;
  readonly year: Intl.DateTimeFormat;
  readonly time: Intl.DateTimeFormat;
}

// Building an Intl formatter costs far more than using one: one set per locale and precision.
const cache = new Map<string, Formatters>();

function formattersFor(locale: string | undefined, seconds: boolean): Formatters {
  const cacheKey = `${locale ?? ''}|${seconds ? 's' : ''}`;
  let formatters = cache.get(cacheKey);
  if (!formatters) {
    formatters = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'short' }),
      year: new Intl.DateTimeFormat(locale, { year: 'numeric' }),
      time: new Intl.DateTimeFormat(locale, { timeStyle: seconds ? 'medium' : 'short' }),
    };
    cache.set(cacheKey, formatters);
  }
  return formatters;
}

function timeOf(value: string | number | Date | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(time) ? time : null;
}

// ICU puts a narrow no-break space before AM/PM; Windows writes a plain space.
const plainSpaces = (text: string): string => text.replace(/\u202f/g, ' ');

/** The short time alone ("8:20 PM"), as the status bar says when something happened today. */
export function formatTime(value: string | number | Date | null | undefined, options: DateTimeOptions = {}): string {
  const time = timeOf(value);
  return time === null ? '' : plainSpaces(formattersFor(options.locale, options.seconds === true).time.format(time));
}

function shortDate(time: number, { date, year }: Formatters): string {
  const fullYear = year.formatToParts(time).find((part) => part.type === 'year')?.value;
  return date
    .formatToParts(time)
    .map((part) => (part.type === 'year' && fullYear !== undefined ? fullYear : part.value))
    .join('');
}

/** The short date alone ("12/1/2026"), where a whole day is meant (a chart's day). */
export function formatDate(value: string | number | Date | null | undefined, options: Pick<DateTimeOptions, 'locale'> = {}): string {
  const time = timeOf(value);
  return time === null ? '' : plainSpaces(shortDate(time, formattersFor(options.locale, false)));
}

/** '' for a missing or unreadable date, so a list cell or a read-only field is simply empty. */
export function formatDateTime(value: string | number | Date | null | undefined, options: DateTimeOptions = {}): string {
  const time = timeOf(value);
  if (time === null) return '';
  const formatters = formattersFor(options.locale, options.seconds === true);
  return plainSpaces(`${shortDate(time, formatters)} ${formatters.time.format(time)}`);
}
