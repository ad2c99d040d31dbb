import {
  parseIsoTime,
  statusAttributeIds,
  statusComponentPattern,
  statusSeverities,
  statusSortColumns,
  type StatusMessageQueryInput,
  type StatusSeverity,
  type StatusSort,
} from '../../../core/api';

/** What the Status Message Viewer shows: its scope (what it was opened on) and the admin's filters. */
export interface ViewerFilter {
  /** Attribute 400. */
  readonly packageId?: string;
  /** Attribute 404, the DP's NAL path. */
  readonly distributionPoint?: string;
  /** The DP's name, for the title only. */
  readonly dpName?: string;
  /** Attribute 401. */
  readonly advertisementId?: string;
  readonly component?: string;
  readonly machine?: string;
  readonly severity?: StatusSeverity;
  readonly messageIds?: readonly number[];
  readonly text?: string;
  /** The viewing period: since this instant (ISO 8601 with its zone) … */
  readonly since?: string;
  /** … or the last N hours, counted from when the query runs. */
  readonly lastHours?: number;
  /** The period's end (exclusive), with since: "until" a date and time. */
  readonly before?: string;
  /** SMS_StatusMessage.SiteCode: an advertisement's messages at one site. */
  readonly siteCode?: string;
  /** By time: oldest first; newest first when absent. */
  readonly oldestFirst?: boolean;
  /** By another column (a header clicked); the time order is then unused. */
  readonly sort?: StatusSort;
}

/** The most hours "the last N hours or days" may span: 10 years, far beyond any retention. */
export const maxLastHours = 24 * 3660;

const stringKeys = ['packageId', 'distributionPoint', 'dpName', 'advertisementId', 'component', 'machine', 'text', 'since', 'before', 'siteCode'] as const;

/** The page's query string for a filter; the same names the filter's fields have, so a URL can be written by hand. */
export function searchOf(filter: ViewerFilter): string {
  const params = new URLSearchParams();
  for (const key of stringKeys) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  if (filter.severity !== undefined) params.set('severity', filter.severity);
  if (filter.messageIds !== undefined && filter.messageIds.length > 0) params.set('messageIds', filter.messageIds.join(','));
  if (filter.lastHours !== undefined) params.set('lastHours', String(filter.lastHours));
  if (filter.oldestFirst === true) params.set('order', 'oldest');
  if (filter.sort !== undefined) params.set('sort', `${filter.sort.column}:${filter.sort.direction}`);
  return params.toString();
}

/** The viewer's address, relative to the console's page so it works on http:// and courier:// alike. */
export function viewerUrl(filter: ViewerFilter): string {
  const search = searchOf(filter);
  return `status-viewer.html${search === '' ? '' : `?${search}`}`;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly field: string; readonly message: string };

/** "2301, 2330" as message IDs, or what is wrong with it. */
export function parseMessageIds(text: string): Parsed<readonly number[]> {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const ids: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,5}$/.test(part) || Number(part) > 65535) {
      return { ok: false, field: 'messageIds', message: `Message ID "${part.slice(0, 20)}" is not a whole number from 0 to 65535.` };
    }
    if (!ids.includes(Number(part))) ids.push(Number(part));
  }
  if (ids.length > 100) return { ok: false, field: 'messageIds', message: 'At most 100 message IDs at once.' };
  return { ok: true, value: ids };
}

/**
 * The filter a query string names, checked field by field: the URL may have been typed or
 * bookmarked, so a bad value is named rather than dropped. The site server checks again.
 */
export function filterFromSearch(search: string): Parsed<ViewerFilter> {
  const params = new URLSearchParams(search);
  const filter: { -readonly [K in keyof ViewerFilter]: ViewerFilter[K] } = {};
  for (const key of stringKeys) {
    const value = params.get(key)?.trim();
    if (value === undefined || value === '') continue;
    if (value.length > 1024) return { ok: false, field: key, message: `${key} is longer than 1024 characters.` };
    // Control characters never belong in a filter value; they would only make the query miss.
    if (/\p{Cc}/u.test(value)) return { ok: false, field: key, message: `${key} holds a control character.` };
    filter[key] = value;
  }
  if (filter.component !== undefined && !statusComponentPattern.test(filter.component)) {
    return { ok: false, field: 'component', message: 'Name the component as the site does, for example SMS_DISTRIBUTION_MANAGER.' };
  }
  if (filter.since !== undefined) {
    const since = parseIsoTime(filter.since);
    if ('problem' in since) return { ok: false, field: 'since', message: `since: ${since.problem}` };
  }
  if (filter.before !== undefined) {
    const before = parseIsoTime(filter.before);
    if ('problem' in before) return { ok: false, field: 'before', message: `before: ${before.problem}` };
    if (filter.since === undefined) return { ok: false, field: 'before', message: 'before ends a period that starts at since: give since too.' };
    const since = parseIsoTime(filter.since);
    if ('ms' in since && before.ms <= since.ms) return { ok: false, field: 'before', message: 'before is not after since: no message can be in that range.' };
  }
  if (filter.siteCode !== undefined && !/^[A-Za-z0-9]{3}$/.test(filter.siteCode)) {
    return { ok: false, field: 'siteCode', message: 'A site code is exactly three letters or digits, for example A01.' };
  }
  const severity = params.get('severity');
  if (severity !== null && severity !== '') {
    if (!(statusSeverities as readonly string[]).includes(severity)) return { ok: false, field: 'severity', message: 'The severity is error, warning or info.' };
    filter.severity = severity as StatusSeverity;
  }
  const ids = params.get('messageIds');
  if (ids !== null && ids.trim() !== '') {
    const parsed = parseMessageIds(ids);
    if (!parsed.ok) return parsed;
    filter.messageIds = parsed.value;
  }
  const hours = params.get('lastHours');
  if (hours !== null && hours !== '') {
    const n = Number(hours);
    if (!/^\d{1,6}$/.test(hours) || n < 1 || n > maxLastHours) {
      return { ok: false, field: 'lastHours', message: `lastHours is a whole number of hours from 1 to ${maxLastHours}.` };
    }
    if (filter.since !== undefined) return { ok: false, field: 'lastHours', message: 'Give since or lastHours, not both.' };
    filter.lastHours = n;
  }
  const order = params.get('order');
  if (order !== null && order !== '' && order !== 'newest' && order !== 'oldest') return { ok: false, field: 'order', message: 'The order is newest or oldest.' };
  if (order === 'oldest') filter.oldestFirst = true;
  const sort = params.get('sort');
  if (sort !== null && sort !== '') {
    const [column, direction] = sort.split(':');
    if (!(statusSortColumns as readonly string[]).includes(column ?? '') || (direction !== 'asc' && direction !== 'desc')) {
      return { ok: false, field: 'sort', message: `The sort is a column (${statusSortColumns.join(', ')}), a colon and asc or desc.` };
    }
    filter.sort = { column: column as StatusSort['column'], direction };
  }
  return { ok: true, value: filter };
}

/** The `status:messages` query for a filter, with "the last N hours" counted back from `now`. */
export function queryOf(filter: ViewerFilter, now: number, limit: number): StatusMessageQueryInput {
  return {
    order: filter.oldestFirst === true ? 'oldest' : 'newest',
    limit,
    ...(filter.packageId !== undefined ? { packageId: filter.packageId } : {}),
    ...(filter.distributionPoint !== undefined ? { distributionPoint: filter.distributionPoint } : {}),
    ...(filter.advertisementId !== undefined ? { attributes: [{ id: statusAttributeIds.advertisementId, value: filter.advertisementId }] } : {}),
    ...(filter.component !== undefined ? { component: filter.component } : {}),
    ...(filter.machine !== undefined ? { machine: filter.machine } : {}),
    ...(filter.severity !== undefined ? { severity: filter.severity } : {}),
    ...(filter.messageIds !== undefined && filter.messageIds.length > 0 ? { messageIds: [...filter.messageIds] } : {}),
    ...(filter.text !== undefined ? { text: filter.text } : {}),
    ...(filter.since !== undefined ? { since: filter.since } : {}),
    ...(filter.lastHours !== undefined ? { since: new Date(now - filter.lastHours * 3_600_000).toISOString() } : {}),
    ...(filter.before !== undefined ? { before: filter.before } : {}),
    ...(filter.siteCode !== undefined ? { siteCode: filter.siteCode } : {}),
    ...(filter.sort !== undefined ? { sort: filter.sort } : {}),
  };
}

/** The order the list is in: the header sorted by, or the time either way. */
export function sortOfFilter(filter: ViewerFilter): StatusSort {
  return filter.sort ?? { column: 'time', direction: filter.oldestFirst === true ? 'asc' : 'desc' };
}

/** The filter after a click on a column's header: that column ascending, or the other way when it already sorts the list. */
export function sortedBy(filter: ViewerFilter, column: StatusSort['column']): ViewerFilter {
  const current = sortOfFilter(filter);
  const { sort: _sort, oldestFirst: _oldest, ...rest } = filter;
  // Date / Time keeps its old form (newest first, then oldest), so a URL by time reads as it did.
  if (column === 'time') return current.column === 'time' && current.direction === 'desc' ? { ...rest, oldestFirst: true } : rest;
  const direction = current.column === column && current.direction === 'asc' ? 'desc' : 'asc';
  return { ...rest, sort: { column, direction } };
}

const severityWords: Readonly<Record<StatusSeverity, string>> = { info: 'Information', warning: 'Warning', error: 'Error' };

/** The window's title: what it shows, as the suite's viewer names its query. */
export function titleOf(filter: ViewerFilter): string {
  const scope =
    filter.advertisementId !== undefined
      ? `advertisement ${filter.advertisementId}`
      : filter.packageId !== undefined
        ? `package ${filter.packageId}${filter.distributionPoint !== undefined ? ` on ${filter.dpName ?? filter.distributionPoint}` : ''}`
        : filter.component !== undefined
          ? `${filter.component}${filter.machine !== undefined ? ` on ${filter.machine}` : ''}`
          : 'the site';
  const site = filter.siteCode !== undefined ? ` at site ${filter.siteCode.toUpperCase()}` : '';
  const severity = filter.severity === undefined ? 'All messages' : `${severityWords[filter.severity]} messages`;
  return `${severity} for ${scope}${site}`;
}
