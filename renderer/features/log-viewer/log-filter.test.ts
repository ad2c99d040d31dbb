import { describe, expect, it } from 'vitest';
import type { LogRecordDto } from '../../../core/api';
import { componentsOf, findMatches, highlightParts, matchesFilter, nearestRecord, noFilter, stepMatch } from './log-filter';
import { logViewerHref, parseLogViewerQuery } from './log-viewer-query';

const record = (text: string, extra: Partial<LogRecordDto> = {}): LogRecordDto => ({
  log: 'distmgr.log',
  text,
  component: 'SMS_DISTRIBUTION_MANAGER',
  time: '2026-12-03T10:00:00.000Z',
  thread: 1,
  type: 'info',
  format: 'sms',
  line: 1,
  ...extra,
});

describe('the log viewer filter', () => {
  it('matches every part that is set', () => {
    const r = record('Failed to copy A0100001', { type: 'error', thread: 7 });
    expect(matchesFilter(r, noFilter)).toBe(true);
    expect(matchesFilter(r, { ...noFilter, text: 'failed TO' })).toBe(true);
    expect(matchesFilter(r, { ...noFilter, text: 'copied' })).toBe(false);
    expect(matchesFilter(r, { ...noFilter, type: 'error', thread: 7, component: 'SMS_DISTRIBUTION_MANAGER' })).toBe(true);
    expect(matchesFilter(r, { ...noFilter, thread: 8 })).toBe(false);
    expect(matchesFilter(r, { ...noFilter, type: 'warning' })).toBe(false);
    expect(matchesFilter(r, { ...noFilter, component: 'SMS_PROVIDER' })).toBe(false);
    expect(componentsOf([r, record('x', { component: 'SMS_PROVIDER' }), record('y', { component: null })])).toEqual(['SMS_DISTRIBUTION_MANAGER', 'SMS_PROVIDER']);
  });

  it('finds, steps with wrap-around, and marks the hits', () => {
    const rows = [record('copy one'), record('nothing'), record('COPY two'), record('copy three')];
    const matches = findMatches(rows, 'copy');
    expect(matches).toEqual([0, 2, 3]);
    expect(stepMatch(matches, null, 1)).toBe(0);
    expect(stepMatch(matches, null, -1)).toBe(3);
    expect(stepMatch(matches, 0, 1)).toBe(2);
    expect(stepMatch(matches, 3, 1)).toBe(0);
    expect(stepMatch(matches, 0, -1)).toBe(3);
    expect(stepMatch(matches, 1, -1)).toBe(0);
    expect(stepMatch([], 1, 1)).toBeNull();
    expect(findMatches(rows, '')).toEqual([]);
    expect(highlightParts('Copy a copy', 'copy')).toEqual([
      { text: 'Copy', hit: true },
      { text: ' a ', hit: false },
      { text: 'copy', hit: true },
    ]);
  });

  it('finds the record nearest a time, skipping records without one', () => {
    const rows = [record('a', { time: '2026-12-03T10:00:00.000Z' }), record('b', { time: null }), record('c', { time: '2026-12-03T10:00:10.000Z' })];
    expect(nearestRecord(rows, Date.parse('2026-12-03T10:00:06Z'))).toBe(2);
    expect(nearestRecord(rows, Date.parse('2026-12-03T09:00:00Z'))).toBe(0);
    expect(nearestRecord([record('x', { time: null })], 0)).toBeNull();
  });
});

describe('the log viewer address', () => {
  it('reads the logs, the time and the thread, and says what it cannot use', () => {
    const query = parseLogViewerQuery('?log=distmgr.log&log=offermgr.log&log=DISTMGR.LOG&around=2026-12-03T10:00:00Z&thread=5720');
    expect(query).toEqual({ logs: ['distmgr.log', 'offermgr.log'], around: Date.parse('2026-12-03T10:00:00Z'), thread: 5720, problems: [] });
    const bad = parseLogViewerQuery('?log=../courier.db&around=2026-12-03T10:00:00&thread=x');
    expect(bad.logs).toEqual([]);
    expect(bad.around).toBeNull();
    expect(bad.thread).toBeNull();
    expect(bad.problems).toHaveLength(3);
    expect(parseLogViewerQuery(logViewerHref(['a.log', 'b.log'], { around: '2026-12-03T10:00:00Z', thread: 3 }).slice('log-viewer.html'.length)).logs).toEqual(['a.log', 'b.log']);
  });
});
