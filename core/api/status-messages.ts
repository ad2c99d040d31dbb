import { z } from 'zod';
import { packageIdSchema, siteCodeSchema } from './ids';
import { textSchema } from './text';

/**
 * Status messages (docs/status-messages.md): what site components and services report, stored in
 * the site database as the suite's SMS_StatusMessage records and echoed as STATMSG lines in the
 * components' logs.
 */

export const statusSeverities = ['info', 'warning', 'error'] as const;
export type StatusSeverity = (typeof statusSeverities)[number];

/** SMS_StatusMessage.Severity, as the suite's database stores it (a signed 32-bit integer). */
export const statusSeverityValues: Readonly<Record<StatusSeverity, number>> = {
  info: 0x40000000,
  warning: 0x80000000 | 0,
  error: 0xc0000000 | 0,
};

export const statusMessageTypes = ['milestone', 'detail', 'audit'] as const;
export type StatusMessageType = (typeof statusMessageTypes)[number];

/** SMS_StatusMessage.MessageType. */
export const statusMessageTypeValues: Readonly<Record<StatusMessageType, number>> = {
  milestone: 256,
  detail: 512,
  audit: 768,
};

/** SMS_StatMsgAttributes.AttributeID: what a message is about, the keys of the status viewers' queries. */
export const statusAttributeIds = {
  packageId: 400,
  advertisementId: 401,
  collectionId: 402,
  userName: 403,
  /** The distribution point's NAL path: ["Display=\\DP01\"]MSWNET:["SMS_SITE=A01"]\\DP01\ */
  distributionPoint: 404,
  policyId: 405,
  policyAssignmentId: 406,
  meteringRuleId: 407,
  clientSmsId: 408,
  siteCode: 409,
  packageVersion: 410,
  timeKey: 411,
} as const;

/** InsString1 … InsString10. */
export const maxInsertionStrings = 10;
/** The most messages one `status:messages` answer holds; page on with `cursor` for more. */
export const maxStatusPageSize = 1000;
export const defaultStatusPageSize = 100;
export const maxStatusValueLength = 1024;

/** A component as the suite names it: SMS_DISTRIBUTION_MANAGER, "Software Distribution". */
export const statusComponentPattern = /^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,63}$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An ISO 8601 date (`2026-12-01`, midnight UTC) or date and time with its offset
 * (`2026-12-01T08:30:00Z`, `2026-12-01T09:30+01:00`), as epoch milliseconds, or the reason it is none.
 * A time without an offset is refused: whose local time it is would depend on the computer answering.
 */
export function parseIsoTime(text: string): { ms: number } | { problem: string } {
  const match = isoPattern.exec(text);
  const example = 'for example 2026-12-01 or 2026-12-01T08:30:00Z';
  if (!match) {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
      return { problem: `"${text}" has no time zone: add Z for UTC or an offset such as +01:00.` };
    }
    return { problem: `"${text}" is not a date: use ISO 8601, ${example}.` };
  }
  const [year, month, day, hour = '0', minute = '0', second = '0'] = match.slice(1, 7).map((part) => part ?? '0') as string[];
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return { problem: `"${text}" is not a real date and time (${example}).` };
  }
  const ms = Date.parse(match[4] === undefined ? `${text}T00:00:00Z` : text);
  if (!Number.isFinite(ms)) return { problem: `"${text}" is not a date: use ISO 8601, ${example}.` };
  return { ms };
}

function isoTimeSchema(label: string) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const parsed = parseIsoTime(text);
      if ('ms' in parsed) return parsed.ms;
      ctx.addIssue({ code: 'custom', message: `${label}: ${parsed.problem}` });
      return z.NEVER;
    });
}

/** Where the last page of a list by time ended: `<time ms>.<record ID>`, to be passed back as it came. */
export const statusCursorPattern = /^(\d{1,15})\.(\d{1,15})$/;

/**
 * The columns a page can be sorted by: the Status Message Viewer's. Messages of equal value follow
 * in time, then record ID, the same way; `description` sorts by message ID (the text is the
 * catalogue's words with the strings in place, in no index, so ordering by it would read every message).
 */
export const statusSortColumns = ['severity', 'type', 'siteCode', 'time', 'machine', 'component', 'messageId', 'description', 'processId', 'threadId'] as const;
export type StatusSortColumn = (typeof statusSortColumns)[number];
export const statusSortDirections = ['asc', 'desc'] as const;
export type StatusSortDirection = (typeof statusSortDirections)[number];

export interface StatusSort {
  readonly column: StatusSortColumn;
  readonly direction: StatusSortDirection;
}

/** The order of a list with no sort: newest first, as the viewer opens. */
export const defaultStatusSort: StatusSort = { column: 'time', direction: 'desc' };

/** The columns whose values are text (compared in any case); the others are numbers. */
export const statusTextSortColumns: ReadonlySet<StatusSortColumn> = new Set(['siteCode', 'machine', 'component']);

/** The rank a stored severity sorts by: its top two bits (1 information, 2 warning, 3 error), as the store's index orders them. */
export function statusSeverityRank(value: number): number {
  return (value >> 30) & 3;
}

/** SQLite's NOCASE folds ASCII letters only; a list sorted here must fold the same way to match the site's pages. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

type SortedFields = 'severity' | 'type' | 'siteCode' | 'machine' | 'component' | 'messageId' | 'processId' | 'threadId';

/**
 * A message's value in a sort column, as the site orders its pages; null for the time, which the
 * tie-breaks (time, then record ID) order anyway. Messages the console holds sort by it the same way.
 */
export function statusSortValue(m: Pick<StatusMessageDto, SortedFields>, column: StatusSortColumn): number | string | null {
  switch (column) {
    case 'time':
      return null;
    case 'severity':
      return statusSeverityRank(statusSeverityValues[m.severity]);
    case 'type':
      return statusMessageTypeValues[m.type];
    case 'siteCode':
      return foldAscii(m.siteCode);
    case 'machine':
      return foldAscii(m.machine);
    case 'component':
      return foldAscii(m.component);
    case 'messageId':
    case 'description':
      return m.messageId;
    case 'processId':
      return m.processId;
    case 'threadId':
      return m.threadId;
  }
}

export const statusSortSchema = z.strictObject({
  column: z.enum(statusSortColumns, { error: `The sort column is one of ${statusSortColumns.join(', ')}.` }),
  direction: z.enum(statusSortDirections, { error: 'The sort direction is asc or desc.' }),
});

/**
 * Where a page ended, in its sort: the last message's value in the sort column (null when the
 * column is the time), time and record ID. A cursor of a list by time keeps its old form; any
 * other is `s1.` and the key as base64url JSON, naming the sort it belongs to.
 */
export interface StatusCursor {
  /** The sort the cursor was made for; null for the `<time>.<record ID>` form, which either time order reads. */
  readonly sort: StatusSort | null;
  readonly value: number | string | null;
  readonly time: number;
  readonly recordId: number;
}

const sortedCursorPrefix = 's1.';
/** The longest cursor: a 255-character machine name, as JSON, in base64. */
export const maxStatusCursorLength = 1400;
const base64UrlPattern = /^[A-Za-z0-9_-]+$/;

const base64Digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** UTF-8 bytes as base64url (RFC 4648, the URL- and filename-safe alphabet), with what the language itself has: the contract runs in the console too. */
function toBase64Url(text: string): string {
  const bytes: number[] = [];
  // encodeURIComponent spells the UTF-8 bytes of all but ASCII letters, digits and a few marks as %XX.
  for (const part of encodeURIComponent(text).match(/%[0-9A-F]{2}|[^%]/g) ?? []) bytes.push(part.length === 3 ? parseInt(part.slice(1), 16) : part.charCodeAt(0));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const digits = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < digits; k++) out += base64Digits[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): string | null {
  if (text.length % 4 === 1) return null;
  let escaped = '';
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) n = (n << 6) | (k < chunk.length ? base64Digits.indexOf(chunk[k] ?? '') : 0);
    const count = chunk.length - 1;
    for (let k = 0; k < count; k++) escaped += `%${((n >> (16 - 8 * k)) & 255).toString(16).padStart(2, '0')}`;
  }
  try {
    return decodeURIComponent(escaped);
  } catch {
    return null;
  }
}

/** The cursor that reads on after a message with this key, in this sort. */
export function encodeStatusCursor(sort: StatusSort, key: { readonly value: number | string | null; readonly time: number; readonly recordId: number }): string {
  if (sort.column === 'time') return `${key.time}.${key.recordId}`;
  return sortedCursorPrefix + toBase64Url(JSON.stringify([sort.column, sort.direction, key.value, key.time, key.recordId]));
}

const isKeyNumber = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

/** A cursor this site gave, or null. */
export function decodeStatusCursor(text: string): StatusCursor | null {
  const old = statusCursorPattern.exec(text);
  if (old) return { sort: null, value: null, time: Number(old[1]), recordId: Number(old[2]) };
  if (!text.startsWith(sortedCursorPrefix) || text.length > maxStatusCursorLength) return null;
  const body = text.slice(sortedCursorPrefix.length);
  if (!base64UrlPattern.test(body)) return null;
  const json = fromBase64Url(body);
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return null;
  const [column, direction, value, time, recordId] = parsed as unknown[];
  if (!(statusSortColumns as readonly unknown[]).includes(column) || column === 'time') return null;
  if (!(statusSortDirections as readonly unknown[]).includes(direction)) return null;
  if (!isKeyNumber(time) || !isKeyNumber(recordId) || recordId < 0) return null;
  const textColumn = statusTextSortColumns.has(column as StatusSortColumn);
  if (textColumn ? typeof value !== 'string' || value.length > 255 : !isKeyNumber(value)) return null;
  return { sort: { column: column as StatusSortColumn, direction: direction as StatusSortDirection }, value: value as number | string, time, recordId };
}

const cursorProblem = 'The cursor is not one this site gave: pass back the nextCursor of the previous page unchanged.';

const cursorSchema = z
  .string()
  .trim()
  .max(maxStatusCursorLength, cursorProblem)
  .transform((text, ctx) => {
    const cursor = decodeStatusCursor(text);
    if (cursor === null) {
      ctx.addIssue({ code: 'custom', message: cursorProblem });
      return z.NEVER;
    }
    return cursor;
  });

function sortText(sort: StatusSort | null): string {
  return sort === null ? 'Date/Time' : `${sort.column} ${sort.direction === 'asc' ? 'ascending' : 'descending'}`;
}

/** The sort a query asks for: `sort`, or the time in `order`'s direction. */
export function statusSortOf(query: { readonly sort?: StatusSort | undefined; readonly order?: 'newest' | 'oldest' | undefined }): StatusSort {
  return query.sort ?? { column: 'time', direction: query.order === 'oldest' ? 'asc' : 'desc' };
}

const valueText = (label: string) => textSchema({ label, max: maxStatusValueLength, required: `${label} is empty.` });

/** Which messages: the filters `status:messages` and `status:message-histogram` share. */
const statusFilterShape = {
  component: textSchema({
    label: 'The component',
    max: 64,
    required: 'The component is empty.',
    pattern: { test: (name) => statusComponentPattern.test(name), message: 'Name the component as the site does, for example SMS_DISTRIBUTION_MANAGER.' },
  }).optional(),
  messageIds: z
    .array(z.number({ error: 'A message ID is a whole number from 0 to 65535.' }).int('A message ID is a whole number from 0 to 65535.').min(0, 'A message ID is a whole number from 0 to 65535.').max(65535, 'A message ID is a whole number from 0 to 65535.'))
    .min(1, 'Give at least one message ID, or leave the filter out.')
    .max(100, 'At most 100 message IDs at once.')
    .optional(),
  severity: z.enum(statusSeverities, { error: 'The severity is error, warning or info.' }).optional(),
  since: isoTimeSchema('since').optional(),
  until: isoTimeSchema('until').optional(),
  /** Exclusive: messages reported before this instant (a viewing period "until" a date and time). */
  before: isoTimeSchema('before').optional(),
  /** SMS_StatusMessage.SiteCode: the site the message was reported at. */
  siteCode: siteCodeSchema.optional(),
  /** Attribute 400. */
  packageId: packageIdSchema.optional(),
  /** Attribute 404: the distribution point's NAL path, compared case-insensitively. */
  distributionPoint: valueText('The distribution point').optional(),
  /** Any other attribute: every pair must match. */
  attributes: z
    .array(
      z.strictObject({
        id: z.number({ error: 'An attribute ID is a whole number from 0 to 65535.' }).int().min(0).max(65535),
        value: valueText('The attribute value'),
      }),
    )
    .max(8, 'At most 8 attribute filters at once.')
    .optional(),
  machine: textSchema({ label: 'The machine', max: 255, required: 'The machine is empty.' }).optional(),
  /** Words the description (the catalogue text with its insertion strings) contains, in any case. */
  text: textSchema({ label: 'The text to find', max: 256, required: 'The text to find is empty.' }).optional(),
};

function untilNotBeforeSince(
  query: { readonly since?: number | undefined; readonly until?: number | undefined; readonly before?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (query.since !== undefined && query.until !== undefined && query.since > query.until) {
    ctx.addIssue({ code: 'custom', path: ['until'], message: 'until is before since: no message can be in that range.' });
  }
  if (query.until !== undefined && query.before !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['before'], message: 'Give until (inclusive) or before (exclusive), not both.' });
  }
  if (query.since !== undefined && query.before !== undefined && query.before <= query.since) {
    ctx.addIssue({ code: 'custom', path: ['before'], message: 'before is not after since: no message can be in that range.' });
  }
}

export const statusMessageQuerySchema = z.strictObject({
  ...statusFilterShape,
  order: z.enum(['newest', 'oldest'], { error: 'The order is newest or oldest.' }).default('newest'),
  limit: z
    .number({ error: `The page size is a whole number from 1 to ${maxStatusPageSize}.` })
    .int(`The page size is a whole number from 1 to ${maxStatusPageSize}.`)
    .min(1, `The page size is a whole number from 1 to ${maxStatusPageSize}.`)
    .max(maxStatusPageSize, `The page size is at most ${maxStatusPageSize} messages; page on with the cursor.`)
    .default(defaultStatusPageSize),
  /** Replaces `order` when given: any column, either way (docs/status-messages.md#sorting). */
  sort: statusSortSchema.optional(),
  cursor: cursorSchema.optional(),
  /**
   * Only messages reported after this one: record IDs grow with every message, so a view that
   * holds messages up to this ID reads just the new ones (status-messages:added names the newest).
   */
  afterRecordId: z
    .number({ error: 'afterRecordId is the record ID of a message: a whole number, 0 or more.' })
    .int('afterRecordId is the record ID of a message: a whole number, 0 or more.')
    .min(0, 'afterRecordId is the record ID of a message: a whole number, 0 or more.')
    .max(Number.MAX_SAFE_INTEGER, 'afterRecordId is the record ID of a message: a whole number, 0 or more.')
    .optional(),
})
  .superRefine(untilNotBeforeSince)
  .superRefine((query, ctx) => {
    // A cursor is a position in one order: read in another, it would skip or repeat messages.
    // Checks run on a query whose other fields failed too: only a cursor that parsed is compared.
    if (typeof query.cursor !== 'object' || query.cursor === null || !('sort' in query.cursor)) return;
    const sort = statusSortOf(query);
    const made = query.cursor.sort;
    const fits = made === null ? sort.column === 'time' : made.column === sort.column && made.direction === sort.direction;
    if (!fits) {
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: `The cursor belongs to a list sorted by ${sortText(made)}, not ${sortText(sort.column === 'time' ? null : sort)}: start again without a cursor for the new sort.`,
      });
    }
  });
export type StatusMessageQueryInput = z.input<typeof statusMessageQuerySchema>;
export type StatusMessageQuery = z.output<typeof statusMessageQuerySchema>;

/** One SMS_StatusMessage record with its description. */
export interface StatusMessageDto {
  readonly recordId: number;
  readonly messageId: number;
  readonly severity: StatusSeverity;
  readonly type: StatusMessageType;
  /** SMS Server, SMS Provider, SMS Client. */
  readonly moduleName: string;
  readonly component: string;
  readonly siteCode: string;
  readonly machine: string;
  /** UTC, ISO 8601. */
  readonly time: string;
  readonly processId: number;
  readonly threadId: number;
  /** InsString1 … (up to 10), as reported: %1 is the first. */
  readonly insertionStrings: readonly string[];
  /** Attribute ID → value: {"400": "A0100001", "404": "[\"Display=\\\\DP01\\\"]MSWNET:…"}. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The catalogue's text for the message ID with the insertion strings in place. */
  readonly description: string;
}

export interface StatusMessagePageDto {
  readonly messages: readonly StatusMessageDto[];
  /**
   * Pass as `cursor` for the next page; null when this page is the last. A text search reads at
   * most 20,000 messages a page, so its page may hold fewer than `limit` with more to come.
   */
  readonly nextCursor: string | null;
  /** Reads this page again from its first message (the same messages, whatever arrived since); null when it is empty. */
  readonly startCursor: string | null;
  /** Reads on after this page's last message, even on the last page (to read what arrives later); null when it is empty. */
  readonly endCursor: string | null;
}

/** How long one bar of the viewer's chart is. */
export const statusHistogramBuckets = ['hour', 'day'] as const;
export type StatusHistogramBucket = (typeof statusHistogramBuckets)[number];
export const statusHistogramBucketMs: Readonly<Record<StatusHistogramBucket, number>> = { hour: 3_600_000, day: 86_400_000 };
/**
 * The most buckets one answer holds (over 16 days of hours, over a year of days): a period longer
 * than that is cut to its newest buckets, so an open-ended filter never counts the whole store
 * into an unbounded answer.
 */
export const maxStatusHistogramBuckets = 400;

const offsetError = 'utcOffsetMinutes is the viewer\'s offset from UTC in whole minutes, from -840 to 840.';

/** `status:message-histogram`: how many messages a filter selects in each hour or day, by severity. */
export const statusMessageHistogramQuerySchema = z
  .strictObject({
    ...statusFilterShape,
    bucket: z.enum(statusHistogramBuckets, { error: 'The bucket is hour or day.' }),
    /**
     * Where the viewer's hours and days begin: local midnight is UTC midnight moved by this
     * offset (the offset now; a period across a daylight-saving change keeps it).
     */
    utcOffsetMinutes: z.number({ error: offsetError }).int(offsetError).min(-840, offsetError).max(840, offsetError).default(0),
  })
  .superRefine(untilNotBeforeSince);
export type StatusMessageHistogramQueryInput = z.input<typeof statusMessageHistogramQuerySchema>;
export type StatusMessageHistogramQuery = z.output<typeof statusMessageHistogramQuerySchema>;

/** One bucket: the messages from `start` (inclusive) to the next bucket's start, by severity. */
export interface StatusHistogramBucketDto {
  /** UTC, ISO 8601. */
  readonly start: string;
  readonly info: number;
  readonly warning: number;
  readonly error: number;
}

export interface StatusMessageHistogramDto {
  readonly bucket: StatusHistogramBucket;
  /** The first bucket's start and the end of the period counted (until, or the time of the answer), ISO 8601. */
  readonly since: string;
  readonly until: string;
  /** Every bucket of the period, empty ones included, oldest first; at most maxStatusHistogramBuckets. */
  readonly buckets: readonly StatusHistogramBucketDto[];
  /** True when the period held more buckets than one answer does, and only its newest are counted. */
  readonly clipped: boolean;
}
