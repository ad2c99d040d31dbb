import { describe, expect, it } from 'vitest';
import { statusMessageHistogramQuerySchema, statusMessageQuerySchema } from '../../../core/api';
import { histogramQueryOf } from './use-message-histogram';
import { filterFromSearch, parseMessageIds, queryOf, searchOf, titleOf, viewerUrl, type ViewerFilter } from './viewer-filter';

const nal = '["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\';

describe('the viewer URL', () => {
  it('carries every filter and reads back the same filter', () => {
    const filter: ViewerFilter = {
      packageId: 'A0100001',
      distributionPoint: nal,
      dpName: 'DP01',
      component: 'SMS_DISTRIBUTION_MANAGER',
      machine: 'SITE01',
      severity: 'error',
      messageIds: [2328, 2330],
      text: 'a & b = c?',
      lastHours: 48,
      oldestFirst: true,
    };
    const url = viewerUrl(filter);
    const sorted: ViewerFilter = { advertisementId: 'A0120000', siteCode: 'B02', since: '2026-12-01T08:00:00.000Z', before: '2026-12-01T09:00:00.000Z', sort: { column: 'component', direction: 'desc' } };
    const sortedUrl = viewerUrl(sorted);
    expect(filterFromSearch(sortedUrl.slice(sortedUrl.indexOf('?')))).toEqual({ ok: true, value: sorted });
    expect(queryOf(sorted, 0, 200)).toMatchObject({ siteCode: 'B02', before: '2026-12-01T09:00:00.000Z', sort: { column: 'component', direction: 'desc' } });
    expect(statusMessageQuerySchema.safeParse(queryOf(sorted, 0, 200)).success).toBe(true);
    expect(titleOf(sorted)).toBe('All messages for advertisement A0120000 at site B02');
    // The chart counts the same messages: the list's sort is not its business.
    const chart = histogramQueryOf(sorted, Date.parse('2026-12-01T12:00:00Z'));
    expect(chart).not.toHaveProperty('sort');
    expect(statusMessageHistogramQuerySchema.safeParse(chart).success).toBe(true);
    expect(chart).toMatchObject({ since: sorted.since, before: sorted.before, siteCode: 'B02', bucket: 'hour' });
    expect(url.startsWith('status-viewer.html?')).toBe(true);
    expect(filterFromSearch(url.slice(url.indexOf('?')))).toEqual({ ok: true, value: filter });
    expect(viewerUrl({})).toBe('status-viewer.html');
  });

  it('names the field of a bad value', () => {
    expect(filterFromSearch('?severity=fatal')).toMatchObject({ ok: false, field: 'severity' });
    expect(filterFromSearch('?since=2026-12-01T08:00')).toMatchObject({ ok: false, field: 'since', message: expect.stringContaining('no time zone') });
    expect(filterFromSearch('?lastHours=0')).toMatchObject({ ok: false, field: 'lastHours' });
    expect(filterFromSearch('?lastHours=1e3')).toMatchObject({ ok: false, field: 'lastHours' });
    expect(filterFromSearch('?since=2026-12-01&lastHours=2')).toMatchObject({ ok: false, field: 'lastHours' });
    expect(filterFromSearch('?messageIds=2300,70000')).toMatchObject({ ok: false, field: 'messageIds' });
    expect(filterFromSearch('?component=../../etc')).toMatchObject({ ok: false, field: 'component' });
    expect(filterFromSearch(`?machine=${encodeURIComponent('SITE\u000701')}`)).toMatchObject({ ok: false, field: 'machine' });
    expect(filterFromSearch(`?text=${'x'.repeat(2000)}`)).toMatchObject({ ok: false, field: 'text' });
    expect(filterFromSearch('?order=sideways')).toMatchObject({ ok: false, field: 'order' });
    expect(filterFromSearch('?sort=colour:asc')).toMatchObject({ ok: false, field: 'sort' });
    expect(filterFromSearch('?sort=component')).toMatchObject({ ok: false, field: 'sort' });
    expect(filterFromSearch('?before=2026-12-01T08:00:00Z')).toMatchObject({ ok: false, field: 'before', message: 'before ends a period that starts at since: give since too.' });
    expect(filterFromSearch('?since=2026-12-02&before=2026-12-01')).toMatchObject({ ok: false, field: 'before' });
    expect(filterFromSearch('?siteCode=A0')).toMatchObject({ ok: false, field: 'siteCode' });
  });

  it('reads message IDs separated by commas or spaces, each once', () => {
    expect(parseMessageIds('2300, 2301 2300;2330')).toEqual({ ok: true, value: [2300, 2301, 2330] });
    expect(parseMessageIds('')).toEqual({ ok: true, value: [] });
    expect(parseMessageIds('23x')).toMatchObject({ ok: false, message: 'Message ID "23x" is not a whole number from 0 to 65535.' });
  });
});

describe('the query', () => {
  const now = Date.UTC(2026, 11, 3, 12, 0);

  it('asks by package, DP, severity and the last N hours, in the form the contract accepts', () => {
    const query = queryOf({ packageId: 'A0100001', distributionPoint: nal, severity: 'error', lastHours: 24 }, now, 200);
    expect(query).toEqual({ order: 'newest', limit: 200, packageId: 'A0100001', distributionPoint: nal, severity: 'error', since: '2026-12-02T12:00:00.000Z' });
    expect(statusMessageQuerySchema.safeParse(query).success).toBe(true);
  });

  it('asks for an advertisement by its attribute 401, oldest first', () => {
    const query = queryOf({ advertisementId: 'A0120000', since: '2026-12-01T00:00:00Z', oldestFirst: true, messageIds: [10002] }, now, 50);
    expect(query).toEqual({ order: 'oldest', limit: 50, attributes: [{ id: 401, value: 'A0120000' }], since: '2026-12-01T00:00:00Z', messageIds: [10002] });
    expect(statusMessageQuerySchema.safeParse(query).success).toBe(true);
  });

  it('titles the window by what it shows', () => {
    expect(titleOf({ packageId: 'A0100001', distributionPoint: nal, dpName: 'DP01', severity: 'error' })).toBe('Error messages for package A0100001 on DP01');
    expect(titleOf({ advertisementId: 'A0120000' })).toBe('All messages for advertisement A0120000');
    expect(titleOf({})).toBe('All messages for the site');
    expect(titleOf({ component: 'SMS_DISTRIBUTION_MANAGER', machine: 'SITE01', severity: 'error' })).toBe('Error messages for SMS_DISTRIBUTION_MANAGER on SITE01');
    expect(searchOf({ severity: 'info' })).toBe('severity=info');
  });
});
