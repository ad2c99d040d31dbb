import { describe, expect, it } from 'vitest';
import { mergeByTime, parseLog } from '.';

const at = (id: string, time: string | null) => ({ id, time });

describe('mergeByTime', () => {
  it('merges logs in time order, each kept in its own order, ties in the order the logs were given', () => {
    const a = [at('a1', '2026-01-01T10:00:00.000Z'), at('a2', '2026-01-01T10:00:02.000Z'), at('a3', '2026-01-01T10:00:04.000Z')];
    const b = [at('b1', '2026-01-01T10:00:01.000Z'), at('b2', '2026-01-01T10:00:02.000Z'), at('b3', '2026-01-01T10:00:05.000Z')];
    const c = [at('c1', '2026-01-01T10:00:02.000Z')];
    expect(mergeByTime(a, b, c).map((r) => r.id)).toEqual(['a1', 'b1', 'a2', 'b2', 'c1', 'a3', 'b3']);
    expect(mergeByTime(c, b, a).map((r) => r.id)).toEqual(['a1', 'b1', 'c1', 'b2', 'a2', 'a3', 'b3']);
  });

  it('keeps a record without a time right after the record before it in its log, and those at a log start first', () => {
    const a = [at('a0', null), at('a1', '2026-01-01T10:00:00.000Z'), at('a1+', null), at('a2', '2026-01-01T10:00:03.000Z')];
    const b = [at('b1', '2026-01-01T10:00:01.000Z'), at('b1+', null), at('b1++', null), at('b2', '2026-01-01T10:00:02.000Z')];
    expect(mergeByTime(a, b).map((r) => r.id)).toEqual(['a0', 'a1', 'a1+', 'b1', 'b1+', 'b1++', 'b2', 'a2']);
  });

  it('never reorders a log whose clock went back (a time change): it merges, it does not sort', () => {
    const a = [at('a1', '2026-01-01T10:00:05.000Z'), at('a2', '2026-01-01T09:00:00.000Z')];
    const b = [at('b1', '2026-01-01T09:30:00.000Z')];
    expect(mergeByTime(a, b).map((r) => r.id)).toEqual(['b1', 'a1', 'a2']);
    expect(mergeByTime()).toEqual([]);
    expect(mergeByTime(a)).toEqual(a);
  });

  it('merges a site log and a client log as parsed', () => {
    const site = parseLog('first~  $$<SMS_DISTRIBUTION_MANAGER><01-02-2026 10:00:00.000+0><thread=1 (0x1)>\nthird~  $$<SMS_DISTRIBUTION_MANAGER><01-02-2026 10:00:02.000+0><thread=1 (0x1)>\n');
    const client = parseLog('<![LOG[second]LOG]!><time="11:00:01.000-60" date="01-02-2026" component="execmgr" context="" type="1" thread="2" file="">\n');
    expect(mergeByTime(site, client).map((r) => r.text)).toEqual(['first', 'second', 'third']);
  });
});

