import { describe, expect, it } from 'vitest';
import type { StatusMessageDto } from '../../../core/api';
import { emptyWindow, pagesInRows, rowAt, rowCount, windowReducer, type PageWindow, type WindowAction } from './page-window';

function message(recordId: number, minute = recordId): StatusMessageDto {
  return {
    recordId,
    messageId: 2300,
    severity: 'info',
    type: 'milestone',
    moduleName: 'SMS Server',
    component: 'SMS_DISTRIBUTION_MANAGER',
    siteCode: 'A01',
    machine: 'SITE01',
    time: new Date(Date.UTC(2026, 11, 1, 0, minute)).toISOString(),
    processId: 1,
    threadId: 1,
    insertionStrings: [],
    attributes: {},
    description: `message ${recordId}`,
  };
}

function run(...actions: WindowAction[]): PageWindow {
  return actions.reduce(windowReducer, emptyWindow);
}

const page0 = [message(30), message(29), message(28)];
const page1 = [message(27), message(26), message(25)];

describe('the page window', () => {
  it('counts the rows read and one "more" row while pages remain', () => {
    const first = run({ type: 'page-read', index: 0, cursor: null, messages: page0, nextCursor: 'c1', startCursor: 'start', endCursor: 'end' });
    expect(rowCount(first)).toBe(4);
    expect(rowAt(first, 3)).toEqual({ kind: 'more' });
    const both = windowReducer(first, { type: 'page-read', index: 1, cursor: 'c1', messages: page1, nextCursor: null, startCursor: 'start', endCursor: 'end' });
    expect(rowCount(both)).toBe(6);
    expect(rowAt(both, 4)).toEqual({ kind: 'message', message: page1[1] });
    expect(rowAt(both, 6)).toBeNull();
  });

  it('gives the first page the site\'s cursor that reads it again from its first message, and keeps the cursor that reads on after the last', () => {
    const first = run({ type: 'page-read', index: 0, cursor: null, messages: page0, nextCursor: 'c1', startCursor: 'from-30', endCursor: 'after-28' });
    expect(first.pages[0]?.cursor).toBe('from-30');
    expect(first.endCursor).toBe('after-28');
    const next = windowReducer(first, { type: 'page-read', index: 1, cursor: 'c1', messages: page1, nextCursor: null, startCursor: 'from-27', endCursor: 'after-25' });
    expect(next.pages[1]?.cursor).toBe('c1');
    expect(next.endCursor).toBe('after-25');
    // Reading on past the end finds nothing yet: the end stays where it was.
    expect(windowReducer(next, { type: 'page-read', index: 2, cursor: 'after-25', messages: [], nextCursor: null, startCursor: null, endCursor: null }).endCursor).toBe('after-25');
  });

  it('drops the messages of far pages but keeps their rows, and takes them back when read again', () => {
    const both = run(
      { type: 'page-read', index: 0, cursor: null, messages: page0, nextCursor: 'c1', startCursor: 'start', endCursor: 'end' },
      { type: 'page-read', index: 1, cursor: 'c1', messages: page1, nextCursor: null, startCursor: 'start', endCursor: 'end' },
    );
    const dropped = windowReducer(both, { type: 'drop-far', shown: [1], keep: 0 });
    expect(dropped.pages[0]?.messages).toBeNull();
    expect(rowCount(dropped)).toBe(6);
    expect(rowAt(dropped, 1)).toEqual({ kind: 'missing', page: 0 });
    const cursor = dropped.pages[0]!.cursor;
    // An answer for a cursor the slot does not have (a stale read) is ignored.
    expect(windowReducer(dropped, { type: 'page-read', index: 0, cursor: 'other', messages: page0, nextCursor: 'c1', startCursor: 'start', endCursor: 'end' })).toBe(dropped);
    const back = windowReducer(dropped, { type: 'page-read', index: 0, cursor, messages: page0, nextCursor: 'c1', startCursor: 'start', endCursor: 'end' });
    expect(rowAt(back, 1)).toEqual({ kind: 'message', message: page0[1] });
    expect(windowReducer(back, { type: 'drop-far', shown: [0, 1], keep: 0 })).toBe(back);
  });

  it('finds the pages a range of rows falls in, after the live rows on top', () => {
    const window = run(
      { type: 'page-read', index: 0, cursor: null, messages: page0, nextCursor: 'c1', startCursor: 'start', endCursor: 'end' },
      { type: 'page-read', index: 1, cursor: 'c1', messages: page1, nextCursor: null, startCursor: 'start', endCursor: 'end' },
      { type: 'newer-read', messages: [message(31)], more: false, atNewest: true },
    );
    expect(pagesInRows(window, 0, 0)).toEqual([]);
    expect(pagesInRows(window, 1, 3)).toEqual([0]);
    expect(pagesInRows(window, 3, 4)).toEqual([0, 1]);
  });

  it('puts newer messages on top while the newest row is in view, each once', () => {
    const first = run({ type: 'page-read', index: 0, cursor: null, messages: page0, nextCursor: null, startCursor: 'start', endCursor: 'end' });
    expect(first.newest).toBe(30);
    const live = windowReducer(first, { type: 'newer-read', messages: [message(32), message(31), message(30)], more: false, atNewest: true });
    expect(live.head.map((m) => m.recordId)).toEqual([32, 31]);
    expect(live.newest).toBe(32);
    expect(rowAt(live, 2)).toEqual({ kind: 'message', message: page0[0] });
  });

  it('holds newer messages back while the admin has scrolled away, and shows them on request', () => {
    const first = run({ type: 'page-read', index: 0, cursor: null, messages: page0, nextCursor: null, startCursor: 'start', endCursor: 'end' });
    const away = windowReducer(first, { type: 'newer-read', messages: [message(31)], more: false, atNewest: false });
    expect(away.head).toEqual([]);
    expect(away.pending.map((m) => m.recordId)).toEqual([31]);
    expect(rowCount(away)).toBe(3);
    // Once some are held back, later ones join them even at the top, so the order stays whole.
    const more = windowReducer(away, { type: 'newer-read', messages: [message(33), message(32)], more: false, atNewest: true });
    expect(more.pending.map((m) => m.recordId)).toEqual([33, 32, 31]);
    const shown = windowReducer(more, { type: 'show-pending' });
    expect(shown.head.map((m) => m.recordId)).toEqual([33, 32, 31]);
    expect(shown.pending).toEqual([]);
  });

  it('marks an overflow when more newer messages came than one read holds', () => {
    const first = run({ type: 'page-read', index: 0, cursor: null, messages: page0, nextCursor: null, startCursor: 'start', endCursor: 'end' });
    const flood = windowReducer(first, { type: 'newer-read', messages: [message(31)], more: true, atNewest: true });
    expect(flood.pendingOverflow).toBe(true);
    expect(flood.head).toEqual([]);
  });
});
