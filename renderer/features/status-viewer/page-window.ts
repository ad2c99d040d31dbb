import type { StatusMessageDto } from '../../../core/api';

/**
 * The messages the viewer holds: never the whole result, but the pages near what is on screen.
 * Every page ever read keeps its cursor and length (a few bytes each), so a page dropped because
 * the admin scrolled far away is read again, with the same cursor, when it comes back into view;
 * the keyset cursor makes that read return the same messages however many arrived meanwhile.
 */
export interface PageSlot {
  /** The cursor that reads this page again. */
  readonly cursor: string | null;
  readonly length: number;
  /** Null while dropped. */
  readonly messages: readonly StatusMessageDto[] | null;
}

export interface PageWindow {
  /** Messages reported after the first page was read, shown above it (newest first only). */
  readonly head: readonly StatusMessageDto[];
  readonly pages: readonly PageSlot[];
  /** The cursor of the page after the last one; null once the last page has been read. */
  readonly nextCursor: string | null;
  /** Whether the first page has been read yet. */
  readonly started: boolean;
  /** Newer messages held back while the admin has scrolled away from the newest row. */
  readonly pending: readonly StatusMessageDto[];
  /** More newer messages came than were read: jumping to them reads the list afresh. */
  readonly pendingOverflow: boolean;
  /** The highest record ID read so far: newer messages are those after it. */
  readonly newest: number;
  /** Reads on after the last message read, even once the end was reached (the site's endCursor). */
  readonly endCursor: string | null;
}

export const emptyWindow: PageWindow = { head: [], pages: [], nextCursor: null, started: false, pending: [], pendingOverflow: false, newest: 0, endCursor: null };

function maxRecordId(messages: readonly StatusMessageDto[], from: number): number {
  let newest = from;
  for (const message of messages) newest = Math.max(newest, message.recordId);
  return newest;
}

export type WindowRow =
  | { readonly kind: 'message'; readonly message: StatusMessageDto }
  /** A row of a page that is not held (dropped, or being read again). */
  | { readonly kind: 'missing'; readonly page: number }
  /** The row after the last page read, while there are more: seeing it reads the next page. */
  | { readonly kind: 'more' };

function timeMs(message: StatusMessageDto): number {
  return Date.parse(message.time);
}

export function rowCount(window: PageWindow): number {
  let count = window.head.length;
  for (const page of window.pages) count += page.length;
  return count + (window.started && window.nextCursor !== null ? 1 : 0);
}

/** The row at an index: a message, a row of a page not held, or the "more" row. */
export function rowAt(window: PageWindow, index: number): WindowRow | null {
  if (index < 0) return null;
  if (index < window.head.length) {
    const message = window.head[index];
    return message === undefined ? null : { kind: 'message', message };
  }
  let start = window.head.length;
  for (let page = 0; page < window.pages.length; page++) {
    const slot = window.pages[page];
    if (slot === undefined) break;
    if (index < start + slot.length) {
      const message = slot.messages?.[index - start];
      return message === undefined ? { kind: 'missing', page } : { kind: 'message', message };
    }
    start += slot.length;
  }
  return index === start && window.started && window.nextCursor !== null ? { kind: 'more' } : null;
}

/** The pages rows `first` … `last` fall in (inclusive), by index into `pages`. */
export function pagesInRows(window: PageWindow, first: number, last: number): readonly number[] {
  const out: number[] = [];
  let start = window.head.length;
  window.pages.forEach((slot, page) => {
    const end = start + slot.length - 1;
    if (end >= first && start <= last) out.push(page);
    start += slot.length;
  });
  return out;
}

export type WindowAction =
  | { readonly type: 'reset' }
  /**
   * A page read: the next one (index = pages.length) or a dropped one read again. The site's
   * startCursor reads the first page again from its first message, whatever arrived above it
   * since; its endCursor reads on after the last page.
   */
  | {
      readonly type: 'page-read';
      readonly index: number;
      readonly cursor: string | null;
      readonly messages: readonly StatusMessageDto[];
      readonly nextCursor: string | null;
      readonly startCursor: string | null;
      readonly endCursor: string | null;
    }
  /** Keep the pages within `keep` pages of those on screen; drop the others' messages. */
  | { readonly type: 'drop-far'; readonly shown: readonly number[]; readonly keep: number }
  /** Newer messages read (afterRecordId): on top while the newest row is in view, else held back. */
  | { readonly type: 'newer-read'; readonly messages: readonly StatusMessageDto[]; readonly more: boolean; readonly atNewest: boolean }
  /** The "N new messages" bar: the held-back messages go on top. */
  | { readonly type: 'show-pending' };

/** Newest first: by time, then record ID, as the site orders them. */
function newerFirst(a: StatusMessageDto, b: StatusMessageDto): number {
  const ta = timeMs(a);
  const tb = timeMs(b);
  return ta !== tb ? tb - ta : b.recordId - a.recordId;
}

function heldIds(window: PageWindow): Set<number> {
  const ids = new Set<number>();
  for (const message of window.head) ids.add(message.recordId);
  for (const message of window.pending) ids.add(message.recordId);
  for (const page of window.pages) for (const message of page.messages ?? []) ids.add(message.recordId);
  return ids;
}

export function windowReducer(window: PageWindow, action: WindowAction): PageWindow {
  switch (action.type) {
    case 'reset':
      return emptyWindow;
    case 'page-read': {
      if (action.index === window.pages.length) {
        if (action.messages.length === 0 && action.index > 0) return { ...window, nextCursor: action.nextCursor };
        const cursor = action.index === 0 && action.startCursor !== null ? action.startCursor : action.cursor;
        return {
          ...window,
          started: true,
          pages: [...window.pages, { cursor, length: action.messages.length, messages: action.messages }],
          nextCursor: action.nextCursor,
          newest: maxRecordId(action.messages, window.newest),
          endCursor: action.endCursor ?? window.endCursor,
        };
      }
      const slot = window.pages[action.index];
      if (slot === undefined || slot.cursor !== action.cursor) return window;
      const pages = window.pages.slice();
      // Normally the same messages; fewer when some were deleted as aged meanwhile.
      pages[action.index] = { ...slot, length: Math.min(slot.length, action.messages.length), messages: action.messages.slice(0, slot.length) };
      return { ...window, pages };
    }
    case 'drop-far': {
      if (action.shown.length === 0) return window;
      const low = Math.min(...action.shown) - action.keep;
      const high = Math.max(...action.shown) + action.keep;
      let changed = false;
      const pages = window.pages.map((slot, index) => {
        if ((index < low || index > high) && slot.messages !== null) {
          changed = true;
          return { ...slot, messages: null };
        }
        return slot;
      });
      return changed ? { ...window, pages } : window;
    }
    case 'newer-read': {
      const newest = maxRecordId(action.messages, window.newest);
      const known = heldIds(window);
      const fresh = action.messages.filter((message) => !known.has(message.recordId));
      if (fresh.length === 0 && !action.more) return newest === window.newest ? window : { ...window, newest };
      if (action.atNewest && !action.more && window.pending.length === 0) {
        return { ...window, newest, head: [...fresh, ...window.head].sort(newerFirst) };
      }
      return { ...window, newest, pending: [...fresh, ...window.pending].sort(newerFirst), pendingOverflow: window.pendingOverflow || action.more };
    }
    case 'show-pending':
      return { ...window, head: [...window.pending, ...window.head].sort(newerFirst), pending: [], pendingOverflow: false };
  }
}
