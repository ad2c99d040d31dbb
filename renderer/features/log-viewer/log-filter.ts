import type { LogRecordDto, LogRecordType } from '../../../core/api';

/** The viewer's filter: every part that is set must match. */
export interface LogFilter {
  /** Part of the text, any case. */
  readonly text: string;
  readonly component: string | null;
  readonly thread: number | null;
  readonly type: LogRecordType | null;
}

export const noFilter: LogFilter = { text: '', component: null, thread: null, type: null };

export function isFiltered(filter: LogFilter): boolean {
  return filter.text !== '' || filter.component !== null || filter.thread !== null || filter.type !== null;
}

export function matchesFilter(record: LogRecordDto, filter: LogFilter): boolean {
  if (filter.component !== null && record.component !== filter.component) return false;
  if (filter.thread !== null && record.thread !== filter.thread) return false;
  if (filter.type !== null && record.type !== filter.type) return false;
  return filter.text === '' || record.text.toLowerCase().includes(filter.text.toLowerCase());
}

/** Where `find` occurs in the shown rows, by row index. */
export function findMatches(records: readonly LogRecordDto[], find: string): number[] {
  if (find === '') return [];
  const needle = find.toLowerCase();
  const out: number[] = [];
  records.forEach((record, index) => {
    if (record.text.toLowerCase().includes(needle)) out.push(index);
  });
  return out;
}

/**
 * The next match from `from` (F3) or the previous one (Shift+F3), wrapping round as CMTrace's
 * Find does; null when there is none.
 */
export function stepMatch(matches: readonly number[], from: number | null, direction: 1 | -1): number | null {
  if (matches.length === 0) return null;
  if (from === null) return direction === 1 ? matches[0]! : matches[matches.length - 1]!;
  if (direction === 1) return matches.find((index) => index > from) ?? matches[0]!;
  return matches.findLast((index) => index < from) ?? matches[matches.length - 1]!;
}

/** The row whose time is nearest `at` (the first of equals); null without rows that have a time. */
export function nearestRecord(records: readonly LogRecordDto[], at: number): number | null {
  let best: number | null = null;
  let distance = Number.POSITIVE_INFINITY;
  records.forEach((record, index) => {
    if (record.time === null) return;
    const d = Math.abs(Date.parse(record.time) - at);
    if (d < distance) {
      best = index;
      distance = d;
    }
  });
  return best;
}

/** The components of the records, for the filter's choices. */
export function componentsOf(records: readonly LogRecordDto[]): string[] {
  return [...new Set(records.map((record) => record.component).filter((c): c is string => c !== null))].sort();
}

/** Pieces of `text` with where `find` occurs marked, for highlighting. */
export function highlightParts(text: string, find: string): { readonly text: string; readonly hit: boolean }[] {
  if (find === '') return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const needle = find.toLowerCase();
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (let hit = lower.indexOf(needle); hit >= 0; hit = lower.indexOf(needle, hit + needle.length)) {
    if (hit > at) parts.push({ text: text.slice(at, hit), hit: false });
    parts.push({ text: text.slice(hit, hit + needle.length), hit: true });
    at = hit + needle.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
