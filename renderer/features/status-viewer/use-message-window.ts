import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { sameNoCase, type StatusMessagesAddedEvent } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { emptyWindow, pagesInRows, rowAt, windowReducer, type PageWindow } from './page-window';
import { queryOf, type ViewerFilter } from './viewer-filter';

/** Messages a page: a screen is about 30 rows, so one read fills several screens. */
export const viewerPageSize = 200;
/** Pages kept on either side of those on screen; the rest are dropped and read again when needed. */
export const keptPages = 2;
/** The most newer messages one live read takes; past that the bar offers to read the list afresh. */
const newerLimit = 1000;
/** At most one live read per this many milliseconds while messages keep coming. */
const liveGapMs = 500;

export interface MessageWindow {
  readonly window: PageWindow;
  /** The first page's read failed (a bad filter): the site server's words. */
  readonly error: string | null;
  /** A later page's read failed: its rows say so until F5 reads the list again. */
  readonly pageError: string | null;
  /** Rows first … last are on screen: read what they lack, drop what is far. */
  readonly showRows: (first: number, last: number) => void;
  /** Whether the newest row is in view (newest first: the top): live messages go on top, else wait. */
  readonly setAtNewest: (atNewest: boolean) => void;
  /** The "N new messages" bar. */
  readonly showPending: () => void;
  /** F5 / Refresh: the first page again. */
  readonly reload: () => void;
}

/** Whether an event can concern the filter: by package and component when the filter names them. */
export function mayConcern(event: StatusMessagesAddedEvent, filter: ViewerFilter, newest: number): boolean {
  if (event.newestRecordId <= newest) return false;
  if (filter.packageId !== undefined && !event.packageIds.some((id) => sameNoCase(id, filter.packageId ?? ''))) return false;
  if (filter.component !== undefined && !event.components.some((name) => sameNoCase(name, filter.component ?? ''))) return false;
  return true;
}

/**
 * The viewer's messages, read a page at a time as the admin scrolls (keyset cursors), with the
 * far pages dropped, and kept live by status-messages:added: newest first, new messages go on top
 * while the top is in view and wait behind the bar otherwise; oldest first, the list's end is read
 * on past its last message.
 */
export function useMessageWindow(filter: ViewerFilter): MessageWindow {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const [window, dispatch] = useReducer(windowReducer, emptyWindow);
  const [error, setError] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const current = useRef(window);
  current.current = window;
  const atNewest = useRef(true);
  // Reads in flight by page index ('next' for the page after the last), so a scroll never asks twice.
  const inFlight = useRef(new Set<string>());
  // "Last N hours" is counted from when the list was first read, so every page has the same bounds.
  const startedAt = useRef(Date.now());
  // Sorted by another column, a new message may belong anywhere in the list: it waits behind the bar, which reads the list again.
  const sorted = filter.sort !== undefined;
  const oldestFirst = !sorted && filter.oldestFirst === true;

  const readPage = useCallback(
    async (index: number, cursor: string | null, key: string, readGeneration: number) => {
      if (inFlight.current.has(key)) return;
      inFlight.current.add(key);
      const query = { ...queryOf(filter, startedAt.current, viewerPageSize), ...(cursor !== null ? { cursor } : {}) };
      const result = await settle(() => courier['status:messages'](query));
      inFlight.current.delete(key);
      if (readGeneration !== generationRef.current) return;
      if (result.ok) {
        const { messages, nextCursor, startCursor, endCursor } = result.value;
        dispatch({ type: 'page-read', index, cursor, messages, nextCursor, startCursor, endCursor });
        if (index === 0) setError(null);
        else setPageError(null);
      } else if (index === 0 && cursor === null) {
        setError(result.error.message);
      } else {
        setPageError(result.error.message);
      }
    },
    [courier, filter],
  );
  const generationRef = useRef(generation);
  generationRef.current = generation;

  // A new filter (or Refresh) starts afresh from the first page.
  useEffect(() => {
    startedAt.current = Date.now();
    inFlight.current.clear();
    dispatch({ type: 'reset' });
    setError(null);
    setPageError(null);
    void readPage(0, null, 'next', generation);
  }, [readPage, generation]);

  const showRows = useCallback(
    (first: number, last: number) => {
      const held = current.current;
      if (!held.started) return;
      const shown = pagesInRows(held, first, last);
      for (const page of shown) {
        const slot = held.pages[page];
        if (slot !== undefined && slot.messages === null) void readPage(page, slot.cursor, `page-${page}`, generationRef.current);
      }
      for (let index = first; index <= last + 1; index++) {
        if (rowAt(held, index)?.kind === 'more') {
          void readPage(held.pages.length, held.nextCursor, 'next', generationRef.current);
          break;
        }
      }
      dispatch({ type: 'drop-far', shown, keep: keptPages });
    },
    [readPage],
  );

  // Live: at most one read at a time and one per liveGapMs.
  useEffect(() => {
    let closed = false;
    let reading = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRead = 0;
    const readNewer = async () => {
      reading = true;
      lastRead = Date.now();
      const held = current.current;
      const readGeneration = generationRef.current;
      if (oldestFirst) {
        // The end grows: read on past the last message, if the end has been reached.
        if (held.nextCursor === null && held.endCursor !== null) await readPage(held.pages.length, held.endCursor, 'next', readGeneration);
        else if (held.started && held.pages.every((slot) => slot.length === 0)) setGeneration((g) => g + 1);
      } else {
        const query = { ...queryOf(filter, startedAt.current, newerLimit), afterRecordId: held.newest };
        const result = await settle(() => courier['status:messages'](query));
        if (!closed && result.ok && readGeneration === generationRef.current) {
          dispatch({ type: 'newer-read', messages: result.value.messages, more: result.value.nextCursor !== null, atNewest: !sorted && atNewest.current });
        }
      }
      reading = false;
      if (again && !closed) {
        again = false;
        soon();
      }
    };
    const soon = () => {
      if (reading) {
        again = true;
        return;
      }
      if (timer !== null) return;
      timer = setTimeout(
        () => {
          timer = null;
          void readNewer();
        },
        Math.max(0, lastRead + liveGapMs - Date.now()),
      );
    };
    const unsubscribe = bridge.subscribe('status-messages:added', (event) => {
      if (current.current.started && mayConcern(event, filter, current.current.newest)) soon();
    });
    return () => {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [bridge, courier, filter, oldestFirst, sorted, readPage]);

  const showPending = useCallback(() => {
    if (current.current.pendingOverflow || sorted) setGeneration((g) => g + 1);
    else dispatch({ type: 'show-pending' });
  }, [sorted]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setAtNewest = useCallback((value: boolean) => {
    atNewest.current = value;
  }, []);
  return { window, error, pageError, showRows, setAtNewest, showPending, reload };
}
