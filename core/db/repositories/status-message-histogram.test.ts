import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStatusStore, serverStatusMessage } from '../../../test/helpers/status-store';
import { StatusMessageRepository, type StatusHistogramFilter, type StatusMessageRecord } from './status-message-repository';

let repo: StatusMessageRepository;
let close: () => void;
const hour = 3_600_000;
const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);

const message = (overrides: Partial<StatusMessageRecord> = {}) => serverStatusMessage(t0, overrides);

const day: StatusHistogramFilter = { since: t0, until: t0 + 24 * hour - 1, origin: t0, bucketMs: hour };
/** "start offset in hours:severity=count" for each row, to compare at a glance. */
const counts = (filter: Partial<StatusHistogramFilter> = {}) =>
  repo.histogram({ ...day, ...filter }).map((row) => `${(row.start - t0) / hour}:${row.severity}=${row.count}`);

beforeEach(() => {
  ({ repo, close } = openStatusStore('courier-histogram-', t0));
});
afterEach(() => close());

describe('the status message histogram', () => {
  it('counts each bucket by severity, oldest first, and leaves out empty buckets', () => {
    repo.insertMany([
      message({ time: t0 }),
      message({ time: t0 + hour - 1 }),
      message({ time: t0 + hour - 1, severity: 'error', messageId: 2302 }),
      message({ time: t0 + hour }),
      message({ time: t0 + 5 * hour + 30 * 60_000, severity: 'warning', messageId: 2324 }),
    ]);
    expect(counts()).toEqual(['0:error=1', '0:info=2', '1:info=1', '5:warning=1']);
  });

  it('counts only the period, both ends inclusive', () => {
    repo.insertMany([message({ time: t0 - 1 }), message({ time: t0 }), message({ time: t0 + 2 * hour }), message({ time: t0 + 2 * hour + 1 })]);
    expect(counts({ until: t0 + 2 * hour })).toEqual(['0:info=1', '2:info=1']);
    // Buckets still count from the origin when the period starts inside the first one.
    expect(counts({ since: t0 + 1 })).toEqual(['2:info=2']);
  });

  it('applies every filter the viewer has: component, severity, message IDs, machine, attributes, text', () => {
    repo.insertMany([
      message(),
      message({ component: 'SMS_OFFER_MANAGER', messageId: 3900, attributes: [[401, 'A0120000']] }),
      message({ severity: 'error', messageId: 2302, machine: 'SRV02', attributes: [[400, 'A0100002'], [404, '\\\\DP01\\']] }),
      message({ insertionStrings: ['Viewer', 'A0100003'], attributes: [[400, 'A0100003']] }),
    ]);
    expect(counts({ component: 'sms_offer_manager' })).toEqual(['0:info=1']);
    expect(counts({ severity: 'error' })).toEqual(['0:error=1']);
    expect(counts({ messageIds: [2301] })).toEqual(['0:info=2']);
    expect(counts({ machine: 'srv02' })).toEqual(['0:error=1']);
    expect(counts({ attributes: [{ id: 400, value: 'a0100002' }, { id: 404, value: '\\\\dp01\\' }] })).toEqual(['0:error=1']);
    expect(counts({ attributes: [{ id: 400, value: 'A0100009' }] })).toEqual([]);
    // The description's words, as the grid's text search finds them.
    expect(counts({ text: 'VIEWER' })).toEqual(['0:info=1']);
  });

  it('buckets by day from a local midnight', () => {
    const dayMs = 24 * hour;
    // Midnight at UTC+2 is 22:00 UTC the day before.
    const origin = Date.UTC(2026, 10, 30, 22, 0, 0);
    repo.insertMany([message({ time: origin }), message({ time: origin + dayMs - 1 }), message({ time: origin + dayMs })]);
    expect(repo.histogram({ since: origin, until: origin + 3 * dayMs, origin, bucketMs: dayMs })).toEqual([
      { start: origin, severity: 'info', count: 2 },
      { start: origin + dayMs, severity: 'info', count: 1 },
    ]);
  });

  it('answers nothing for a period that cannot hold a message, instead of failing', () => {
    repo.insert(message());
    expect(counts({ since: t0 + hour, until: t0 })).toEqual([]);
    expect(counts({ bucketMs: 0 })).toEqual([]);
    expect(counts({ origin: t0 + 1 })).toEqual([]);
  });

  it('reads the period through the time index, or the attribute index when one is given', () => {
    const plan = (filter: Partial<StatusHistogramFilter>) => repo.explainHistogram({ ...day, ...filter }).join('\n');
    expect(plan({})).toMatch(/USING (COVERING )?INDEX status_messages_time/);
    expect(plan({ attributes: [{ id: 400, value: 'A0100001' }] })).toMatch(/USING (COVERING )?INDEX status_message_attributes_value_time/);
    expect(plan({ severity: 'error' })).toMatch(/USING (COVERING )?INDEX status_messages_(severity_)?time/);
  });
});
