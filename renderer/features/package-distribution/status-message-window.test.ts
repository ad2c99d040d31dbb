import { describe, expect, it } from 'vitest';
import { newestRecordId, tellsOfNew, withNewer } from './status-message-window';
import { testStatusMessage } from './test-distribution';

const at = (recordId: number, time: string) => testStatusMessage(recordId, { time });
const ids = (messages: readonly { recordId: number }[]) => messages.map((m) => m.recordId);

describe('the window of status messages a view holds', () => {
  it('puts newer messages first, each once, and lets the oldest go past the most it shows', () => {
    const held = [at(3, '2026-03-04T05:03:00.000Z'), at(2, '2026-03-04T05:02:00.000Z'), at(1, '2026-03-04T05:01:00.000Z')];
    expect(ids(withNewer(held, [at(5, '2026-03-04T05:05:00.000Z'), at(4, '2026-03-04T05:04:00.000Z')], 10))).toEqual([5, 4, 3, 2, 1]);
    // A message read twice (an event that came while a read was out) is listed once.
    expect(ids(withNewer(held, [at(4, '2026-03-04T05:04:00.000Z'), at(3, '2026-03-04T05:03:00.000Z')], 10))).toEqual([4, 3, 2, 1]);
    expect(ids(withNewer(held, [at(5, '2026-03-04T05:05:00.000Z'), at(4, '2026-03-04T05:04:00.000Z')], 3))).toEqual([5, 4, 3]);
    // A newer record from a reporter whose clock is behind goes where its time puts it, as the site sorts it.
    expect(ids(withNewer(held, [at(6, '2026-03-04T05:02:00.000Z')], 10))).toEqual([3, 6, 2, 1]);
    expect(withNewer(held, [], 10)).toBe(held);
  });

  it('knows the newest record it holds, and which events tell of messages it has not read', () => {
    expect(newestRecordId([])).toBe(0);
    expect(newestRecordId([at(3, '2026-03-04T05:01:00.000Z'), at(7, '2026-03-04T05:00:00.000Z'), at(5, '2026-03-04T05:02:00.000Z')])).toBe(7);
    const event = { newestRecordId: 8, packageIds: ['a0100001', 'A0100002'], components: ['SMS_DISTRIBUTION_MANAGER'] };
    expect(tellsOfNew(event, 'A0100001', 7)).toBe(true);
    expect(tellsOfNew(event, 'A0100001', 8)).toBe(false);
    expect(tellsOfNew(event, 'A0100003', 0)).toBe(false);
  });
});
