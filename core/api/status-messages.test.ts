import { describe, expect, it } from 'vitest';
import { decodeStatusCursor, encodeStatusCursor, parseIsoTime, statusMessageQuerySchema, statusSeverityValues } from './status-messages';

describe('times in a status message query', () => {
  it('take an ISO date (midnight UTC) or a date and time with its zone', () => {
    expect(parseIsoTime('2026-12-01')).toEqual({ ms: Date.UTC(2026, 11, 1) });
    expect(parseIsoTime('2026-12-01T08:30:00Z')).toEqual({ ms: Date.UTC(2026, 11, 1, 8, 30) });
    expect(parseIsoTime('2026-12-01T09:30+01:00')).toEqual({ ms: Date.UTC(2026, 11, 1, 8, 30) });
    expect(parseIsoTime('2026-12-01T08:30:00.25Z')).toEqual({ ms: Date.UTC(2026, 11, 1, 8, 30, 0, 250) });
  });

  it('refuse what is not a date, a day the month lacks, and a time without a zone, saying which', () => {
    expect(parseIsoTime('yesterday')).toEqual({ problem: '"yesterday" is not a date: use ISO 8601, for example 2026-12-01 or 2026-12-01T08:30:00Z.' });
    expect(parseIsoTime('2026-02-30')).toEqual({ problem: '"2026-02-30" is not a real date and time (for example 2026-12-01 or 2026-12-01T08:30:00Z).' });
    expect(parseIsoTime('2026-12-01T24:00Z')).toHaveProperty('problem');
    expect(parseIsoTime('2026-12-01T08:30')).toEqual({ problem: '"2026-12-01T08:30" has no time zone: add Z for UTC or an offset such as +01:00.' });
    expect(parseIsoTime('2024-02-29')).toEqual({ ms: Date.UTC(2024, 1, 29) });
  });
});

describe('the status message query', () => {
  it('defaults to the newest 100 and parses its filters', () => {
    expect(statusMessageQuerySchema.parse({})).toEqual({ order: 'newest', limit: 100 });
    expect(statusMessageQuerySchema.parse({ packageId: ' a0100001 ', since: '2026-12-01', cursor: '1764547200000.42', severity: 'error' })).toEqual({
      packageId: 'A0100001',
      since: Date.UTC(2026, 11, 1),
      cursor: { sort: null, value: null, time: 1764547200000, recordId: 42 },
      severity: 'error',
      order: 'newest',
      limit: 100,
    });
    expect(statusMessageQuerySchema.parse({ afterRecordId: 42 })).toEqual({ afterRecordId: 42, order: 'newest', limit: 100 });
  });

  it('refuses bad filters with messages that name them', () => {
    const problems = (input: unknown) => {
      const result = statusMessageQuerySchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(problems({ severity: 'fatal' })).toEqual(['The severity is error, warning or info.']);
    expect(problems({ since: '12/01/2026' })).toEqual(['since: "12/01/2026" is not a date: use ISO 8601, for example 2026-12-01 or 2026-12-01T08:30:00Z.']);
    expect(problems({ since: '2026-12-02', until: '2026-12-01' })).toEqual(['until is before since: no message can be in that range.']);
    expect(problems({ limit: 1001 })).toEqual(['The page size is at most 1000 messages; page on with the cursor.']);
    expect(problems({ limit: 0 })).toEqual(['The page size is a whole number from 1 to 1000.']);
    expect(problems({ cursor: 'page-2' })).toEqual(['The cursor is not one this site gave: pass back the nextCursor of the previous page unchanged.']);
    expect(problems({ messageIds: [70000] })).toEqual(['A message ID is a whole number from 0 to 65535.']);
    for (const afterRecordId of [-1, 1.5, '12']) {
      expect(problems({ afterRecordId })).toEqual(['afterRecordId is the record ID of a message: a whole number, 0 or more.']);
    }
    expect(problems({ component: 'SMS;DROP' })).toEqual(['Name the component as the site does, for example SMS_DISTRIBUTION_MANAGER.']);
    expect(problems({ text: 'a\nb' })[0]).toMatch(/contains a line break/);
    expect(problems({ colour: 'red' }).length).toBe(1);
  });

  it('keeps the suite\'s severity numbers, stored as signed 32-bit integers', () => {
    expect(statusSeverityValues).toEqual({ info: 1073741824, warning: -2147483648, error: -1073741824 });
  });
});

describe('sorts and their cursors', () => {
  it('keep the time cursor as it was and wrap any other sort\'s key, names and text in any script included', () => {
    expect(encodeStatusCursor({ column: 'time', direction: 'asc' }, { value: null, time: 1764547200000, recordId: 42 })).toBe('1764547200000.42');
    for (const value of ['SMS_DISTRIBUTION_MANAGER', 'WKS-Ünïcødé ☃ 𝄞', 'a', 'ab', 'abc', '']) {
      const cursor = encodeStatusCursor({ column: 'machine', direction: 'asc' }, { value, time: 1764547200000, recordId: 42 });
      expect(cursor).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
      expect(decodeStatusCursor(cursor)).toEqual({ sort: { column: 'machine', direction: 'asc' }, value, time: 1764547200000, recordId: 42 });
    }
    const byId = encodeStatusCursor({ column: 'messageId', direction: 'desc' }, { value: 2301, time: 5, recordId: 7 });
    expect(decodeStatusCursor(byId)).toEqual({ sort: { column: 'messageId', direction: 'desc' }, value: 2301, time: 5, recordId: 7 });
  });

  it('refuse a cursor the site did not give: a number for a name, a name for a number, junk', () => {
    const wrapped = (key: unknown) => `s1.${Buffer.from(JSON.stringify(key)).toString('base64url')}`;
    expect(decodeStatusCursor(wrapped(['component', 'desc', 'X', 1, 2]))).not.toBeNull();
    for (const key of [['component', 'desc', 3, 1, 2], ['messageId', 'asc', 'x', 1, 2], ['time', 'asc', null, 1, 2], ['colour', 'asc', 1, 1, 2], ['messageId', 'up', 1, 1, 2], ['messageId', 'asc', 1, 1.5, 2], ['messageId', 'asc', 1, 1, -2], { a: 1 }]) {
      expect(decodeStatusCursor(wrapped(key)), JSON.stringify(key)).toBeNull();
    }
    for (const text of ['s1.', 's1.%%%', 's1.A', 's1.' + 'A'.repeat(2000), 'page-2', '1.2.3']) expect(decodeStatusCursor(text), text).toBeNull();
  });

  it('refuse a cursor of another sort, saying to start again', () => {
    const problems = (input: unknown) => {
      const result = statusMessageQuerySchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    const byComponent = encodeStatusCursor({ column: 'component', direction: 'asc' }, { value: 'SMS_DISTRIBUTION_MANAGER', time: 5, recordId: 7 });
    expect(problems({ sort: { column: 'component', direction: 'asc' }, cursor: byComponent })).toEqual([]);
    expect(problems({ sort: { column: 'component', direction: 'desc' }, cursor: byComponent })).toEqual([
      'The cursor belongs to a list sorted by component ascending, not component descending: start again without a cursor for the new sort.',
    ]);
    expect(problems({ cursor: byComponent })).toEqual(['The cursor belongs to a list sorted by component ascending, not Date/Time: start again without a cursor for the new sort.']);
    expect(problems({ sort: { column: 'messageId', direction: 'asc' }, cursor: '1764547200000.42' })).toEqual([
      'The cursor belongs to a list sorted by Date/Time, not messageId ascending: start again without a cursor for the new sort.',
    ]);
    expect(problems({ sort: { column: 'time', direction: 'asc' }, cursor: '1764547200000.42' })).toEqual([]);
    expect(problems({ sort: { column: 'colour', direction: 'asc' } })[0]).toMatch(/^The sort column is one of severity, type, siteCode, time/);
    expect(problems({ sort: { column: 'time', direction: 'up' } })).toEqual(['The sort direction is asc or desc.']);
  });

  it('take before (exclusive) and a site code, and refuse ranges that hold nothing', () => {
    const problems = (input: unknown) => {
      const result = statusMessageQuerySchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(statusMessageQuerySchema.parse({ since: '2026-12-01', before: '2026-12-02', siteCode: 'a01' })).toMatchObject({ since: Date.UTC(2026, 11, 1), before: Date.UTC(2026, 11, 2), siteCode: 'A01' });
    expect(problems({ since: '2026-12-01', before: '2026-12-01' })).toEqual(['before is not after since: no message can be in that range.']);
    expect(problems({ until: '2026-12-02', before: '2026-12-03' })).toEqual(['Give until (inclusive) or before (exclusive), not both.']);
    expect(problems({ siteCode: 'A0' })).toEqual(['A site code is exactly three letters or digits, for example A01.']);
  });
});
