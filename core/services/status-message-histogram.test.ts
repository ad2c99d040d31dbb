import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxStatusHistogramBuckets, type StatusMessageHistogramDto, type StatusMessageHistogramQueryInput } from '../api';
import { createCore, type Core } from '../core';
import { StatusMessageRepository, type StatusMessageRecord } from '../db/repositories/status-message-repository';
import { openSite, type OpenSite } from '../site/open-site';

const hour = 3_600_000;
const now = Date.parse('2026-12-01T12:30:00Z');
let dataDir: string;
let core: Core;
let other: OpenSite;

function message(time: number, overrides: Partial<StatusMessageRecord> = {}): StatusMessageRecord {
  return {
    messageId: 3900, severity: 'info', type: 'milestone', moduleName: 'SMS Server', component: 'SMS_OFFER_MANAGER',
    siteCode: 'A01', machine: 'SRV01', time, processId: 1, threadId: 1, insertionStrings: [], attributes: [[401, 'A0120000']], ...overrides,
  };
}

beforeEach(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'courier-histogram-')), 'site');
  core = createCore({ dataDir, now: () => new Date(now) });
  // A second connection writes the messages, as a component's would.
  other = openSite(dataDir, () => new Date(now));
});
afterEach(() => {
  other.db.close();
  core.close();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

async function histogram(query: StatusMessageHistogramQueryInput): Promise<StatusMessageHistogramDto> {
  const result = await core.client['status:message-histogram'](query);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('status:message-histogram', () => {
  it('answers every bucket of the period, empty ones included, for the viewer\'s filter', async () => {
    new StatusMessageRepository(other.db).insertMany([
      message(now - 2 * hour),
      message(now - 2 * hour + 1, { severity: 'error', messageId: 3901 }),
      message(now - 1, { severity: 'warning' }),
      message(now - hour, { attributes: [[401, 'A0120001']] }),
    ]);
    const value = await histogram({ bucket: 'hour', since: '2026-12-01T10:00:00Z', attributes: [{ id: 401, value: 'A0120000' }] });
    expect(value).toEqual({
      bucket: 'hour',
      since: '2026-12-01T10:00:00.000Z',
      until: '2026-12-01T12:30:00.000Z',
      clipped: false,
      buckets: [
        { start: '2026-12-01T10:00:00.000Z', info: 1, warning: 0, error: 1 },
        { start: '2026-12-01T11:00:00.000Z', info: 0, warning: 0, error: 0 },
        { start: '2026-12-01T12:00:00.000Z', info: 0, warning: 1, error: 0 },
      ],
    });
  });

  it('starts days at the viewer\'s midnight', async () => {
    // 23:30 UTC on 30 November is 01:30 on 1 December at UTC+2.
    new StatusMessageRepository(other.db).insertMany([message(Date.parse('2026-11-30T23:30:00Z')), message(Date.parse('2026-11-30T21:30:00Z'))]);
    const value = await histogram({ bucket: 'day', since: '2026-11-30T00:00:00+02:00', component: 'SMS_OFFER_MANAGER', utcOffsetMinutes: 120 });
    expect(value.buckets).toEqual([
      { start: '2026-11-29T22:00:00.000Z', info: 1, warning: 0, error: 0 },
      { start: '2026-11-30T22:00:00.000Z', info: 1, warning: 0, error: 0 },
    ]);
  });

  it('keeps the newest buckets of a period longer than one answer holds, and says so', async () => {
    new StatusMessageRepository(other.db).insertMany([message(now - 1000 * hour), message(now)]);
    const value = await histogram({ bucket: 'hour', component: 'SMS_OFFER_MANAGER', since: '2026-01-01' });
    expect(value.clipped).toBe(true);
    expect(value.buckets).toHaveLength(maxStatusHistogramBuckets);
    expect(value.buckets.at(-1)).toEqual({ start: '2026-12-01T12:00:00.000Z', info: 1, warning: 0, error: 0 });
    expect(value.since).toBe(value.buckets[0]?.start);
    expect(value.buckets.reduce((sum, b) => sum + b.info, 0)).toBe(1);
    // No since: as far back as one answer reaches, without calling it cut.
    expect((await histogram({ bucket: 'day' })).buckets).toHaveLength(maxStatusHistogramBuckets);
  });

  it('answers no bucket for a period that starts after now, rather than failing', async () => {
    new StatusMessageRepository(other.db).insert(message(now));
    const value = await histogram({ bucket: 'hour', since: '2026-12-02T00:00:00Z' });
    expect(value.buckets).toEqual([]);
    expect(value.clipped).toBe(false);
  });

  it('refuses a bad request naming the field', async () => {
    const refused = async (query: unknown) => {
      const result = await core.invoke('status:message-histogram', query);
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(await refused({ bucket: 'week' })).toMatch(/bucket is hour or day/);
    expect(await refused({})).toMatch(/bucket/);
    expect(await refused({ bucket: 'hour', utcOffsetMinutes: 10_000 })).toMatch(/utcOffsetMinutes/);
    expect(await refused({ bucket: 'hour', since: '2026-12-02', until: '2026-12-01' })).toMatch(/until is before since/);
    expect(await refused({ bucket: 'hour', since: 'yesterday' })).toMatch(/since/);
    expect(await refused({ bucket: 'hour', limit: 5 })).toMatch(/limit/);
  });
});
