import { describe, expect, it } from 'vitest';
import { parseIsoTime, statusMessageQuerySchema, statusSeverityValues } from './status-messages';

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
      cursor: { time: 1764547200000, recordId: 42 },
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
