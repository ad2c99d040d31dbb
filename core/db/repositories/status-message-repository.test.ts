import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenSite } from '../../site/open-site';
import { openStatusStore, serverStatusMessage } from '../../../test/helpers/status-store';
import { StatusMessageRepository, type StatusMessageFilter, type StatusMessageRecord } from './status-message-repository';

let site: OpenSite;
let repo: StatusMessageRepository;
let close: () => void;
const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const minute = 60_000;

const message = (overrides: Partial<StatusMessageRecord> = {}) => serverStatusMessage(t0, overrides);

const base: StatusMessageFilter = { order: 'newest', limit: 100 };
const ids = (filter: Partial<StatusMessageFilter>) => repo.query({ ...base, ...filter }).messages.map((m) => m.recordId);

beforeEach(() => {
  ({ site, repo, close } = openStatusStore('courier-statmsg-', t0));
});
afterEach(() => close());

describe('the status message store', () => {
  it('keeps all ten insertion strings, empty ones in between, and the attributes', () => {
    const ten = ['1', '2', '', '4', '5', '6', '7', '8', '9', 'ten'];
    const id = repo.insert(message({ insertionStrings: ten, attributes: [[404, '\\\\DP01\\'], [400, 'A0100001'], [410, '3']], win32Error: 5 }));
    expect(repo.get(id)).toEqual({
      ...message(),
      recordId: id,
      insertionStrings: ten,
      attributes: [[400, 'A0100001'], [404, '\\\\DP01\\'], [410, '3']],
      win32Error: 5,
    });
    // As many as were given: two here, the second empty; none past them.
    const two = repo.insert(message({ insertionStrings: ['only', ''] }));
    expect(repo.get(two)?.insertionStrings).toEqual(['only', '']);
    expect(repo.get(repo.insert(message({ insertionStrings: [] })))?.insertionStrings).toEqual([]);
  });

  it('refuses what the suite cannot hold: an eleventh string, an unknown severity number, the same attribute twice', () => {
    expect(() => repo.insert(message({ insertionStrings: Array.from({ length: 11 }, () => 'x') }))).toThrow(/at most 10 insertion strings/);
    expect(() => site.db.prepare("UPDATE status_messages SET severity = 3")).not.toThrow();
    repo.insert(message());
    expect(() => site.db.prepare('UPDATE status_messages SET severity = 3').run()).toThrow(/CHECK constraint/);
    expect(() => repo.insert(message({ attributes: [[400, 'A'], [400, 'B']] }))).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('inserts a batch in one transaction: a bad message keeps none of the batch', () => {
    expect(() => repo.insertMany([message(), message(), message({ messageId: 70000 })])).toThrow(/CHECK constraint/);
    expect(repo.count()).toBe(0);
    expect(repo.insertMany([message(), message()])).toEqual([1, 2]);
  });

  it('pages newest first or oldest first by time, then record ID, with no message twice or missed', () => {
    // Times out of insertion order, and ties, as messages reported by several processes arrive.
    const times = [5, 1, 3, 3, 9, 0, 3, 7, 7, 2];
    const inserted = repo.insertMany(times.map((m) => message({ time: t0 + m * minute })));
    const expected = inserted.map((id, i) => ({ id, time: times[i]! })).sort((a, b) => b.time - a.time || b.id - a.id).map((x) => x.id);
    for (const [order, wanted] of [['newest', expected], ['oldest', [...expected].reverse()]] as const) {
      const seen: number[] = [];
      let after: StatusMessageFilter['after'];
      let pages = 0;
      do {
        const page = repo.query({ order, limit: 3, after });
        seen.push(...page.messages.map((m) => m.recordId));
        after = page.next ?? undefined;
        pages++;
      } while (after);
      expect(seen).toEqual(wanted);
      expect(pages).toBe(4);
    }
    // A page that ends exactly at the last message says there is no next one.
    expect(repo.query({ ...base, limit: 10 }).next).toBeNull();
    expect(repo.query({ ...base, limit: 9 }).next).not.toBeNull();
  });

  it('filters by component, message IDs, severity, machine, time range, attributes and text', () => {
    const a = repo.insert(message({ time: t0 }));
    const b = repo.insert(message({ time: t0 + minute, messageId: 2330, insertionStrings: ['A0100001', '\\\\DP01\\SMSPKGD$'], attributes: [[400, 'A0100001'], [404, '["Display=\\\\DP01\\"]MSWNET:\\\\DP01\\']] }));
    const c = repo.insert(message({ time: t0 + 2 * minute, messageId: 2328, severity: 'error', insertionStrings: ['A0100002', '\\\\DP02\\', 'Access is denied.'], attributes: [[400, 'A0100002'], [404, '["Display=\\\\DP02\\"]MSWNET:\\\\DP02\\']] }));
    const d = repo.insert(message({ time: t0 + 3 * minute, component: 'SMS_POLICY_PROVIDER', messageId: 5100, machine: 'SRV02', attributes: [[401, 'A0120001']] }));

    expect(ids({ component: 'sms_distribution_manager' })).toEqual([c, b, a]);
    expect(ids({ messageIds: [2330, 2328] })).toEqual([c, b]);
    expect(ids({ severity: 'error' })).toEqual([c]);
    expect(ids({ machine: 'srv02' })).toEqual([d]);
    expect(ids({ since: t0 + minute, until: t0 + 2 * minute })).toEqual([c, b]);
    expect(ids({ attributes: [{ id: 400, value: 'a0100001' }] })).toEqual([b, a]);
    expect(ids({ attributes: [{ id: 400, value: 'A0100001' }, { id: 404, value: '["DISPLAY=\\\\dp01\\"]MSWNET:\\\\DP01\\' }] })).toEqual([b]);
    expect(ids({ attributes: [{ id: 400, value: 'A0100001' }, { id: 404, value: '["Display=\\\\DP02\\"]MSWNET:\\\\DP02\\' }] })).toEqual([]);
    expect(ids({ attributes: [{ id: 400, value: 'A0100001' }], since: t0 + minute, order: 'oldest' })).toEqual([b]);
    // The text is the description a viewer shows: the catalogue's words and the strings.
    expect(ids({ text: 'access is DENIED' })).toEqual([c]);
    expect(ids({ text: 'successfully distributed' })).toEqual([b]);
    expect(ids({ text: 'no description' })).toEqual([d]);
    expect(ids({ component: 'SMS_DISTRIBUTION_MANAGER', severity: 'info', attributes: [{ id: 400, value: 'A0100001' }], messageIds: [2301] })).toEqual([a]);
  });

  it('reads only the messages reported after a record ID, whatever times their reporters gave them', () => {
    const held = repo.insertMany([message({ time: t0 }), message({ time: t0 + 2 * minute }), message({ time: t0 + minute, attributes: [[400, 'A0100002']] })]);
    // Reported later by a process whose clock is behind: its record ID is still the higher.
    const behind = repo.insert(message({ time: t0 - minute }));
    const ahead = repo.insert(message({ time: t0 + 3 * minute, severity: 'error', messageId: 2302 }));
    const newest = held[2]!;
    expect(ids({ afterRecordId: newest })).toEqual([ahead, behind]);
    expect(ids({ afterRecordId: newest, attributes: [{ id: 400, value: 'a0100001' }] })).toEqual([ahead, behind]);
    expect(ids({ afterRecordId: newest, attributes: [{ id: 400, value: 'A0100002' }] })).toEqual([]);
    expect(ids({ afterRecordId: newest, severity: 'error' })).toEqual([ahead]);
    expect(ids({ afterRecordId: ahead })).toEqual([]);
    expect(ids({ afterRecordId: 0, order: 'oldest' })).toEqual([behind, held[0], held[2], held[1], ahead]);
    // A package's new messages are one range of its index: the record ID is in the index's key.
    const plan = repo.explain({ ...base, attributes: [{ id: 400, value: 'A0100001' }], afterRecordId: newest }).join(' | ');
    expect(plan).toMatch(/SEARCH a USING (COVERING )?INDEX status_message_attributes_value_time/);
    expect(plan).not.toMatch(/USE TEMP B-TREE/);
  });

  it('finds a rare string through the text index in one page, and describes at most a budget of messages when the index cannot decide', () => {
    const rare = repo.insert(message({ time: t0, messageId: 2328, severity: 'error', insertionStrings: ['A0100001', '\\\\DP01\\', 'The network name cannot be found.'] }));
    repo.insertMany(Array.from({ length: 25 }, (_, i) => message({ time: t0 + (i + 1) * minute })));
    const pagesOf = (text: string) => {
      const pages: number[][] = [];
      let after: StatusMessageFilter['after'];
      do {
        const page = repo.query({ ...base, text, limit: 5, after }, 10);
        pages.push(page.messages.map((m) => m.recordId));
        after = page.next ?? undefined;
      } while (after && pages.length < 10);
      return pages;
    };
    // In a string: the index finds it, however many messages lie between.
    expect(pagesOf('network name')).toEqual([[rare]]);
    // Two characters are no trigram: 26 messages, 10 described a page, the third page finds it.
    expect(pagesOf('rk')).toEqual([[], [], [rare]]);
    // The catalogue's own words: every message of those kinds, none described.
    expect(repo.query({ ...base, text: 'successfully processed', limit: 5 }, 1).messages).toHaveLength(5);
  });

  it('reads a filtered page through an index, never the whole table', () => {
    const plan = (filter: Partial<StatusMessageFilter>) => repo.explain({ ...base, ...filter }).join(' | ');
    expect(plan({})).toMatch(/status_messages_time/);
    expect(plan({ attributes: [{ id: 400, value: 'A0100001' }], since: t0, after: { time: t0 + minute, recordId: 5 } })).toMatch(
      /SEARCH a USING (COVERING )?INDEX status_message_attributes_value_time \(attribute_id=\? AND attribute_value=\? AND time>\? AND \(time,record_id\)<\(\?,\?\)\) \| SEARCH m USING INTEGER PRIMARY KEY/,
    );
    expect(plan({ component: 'SMS_DISTRIBUTION_MANAGER', after: { time: t0, recordId: 3 } })).toMatch(/status_messages_component_time/);
    expect(plan({ severity: 'error' })).toMatch(/status_messages_severity_time/);
    for (const filter of [{}, { attributes: [{ id: 400, value: 'A' }] }, { component: 'X' }, { severity: 'error' as const }]) {
      expect(plan(filter)).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      expect(plan(filter)).not.toMatch(/^SCAN m$/);
    }
  });

  it('deletes aged messages with their attributes, in batches, and keeps record IDs rising', () => {
    const old = repo.insertMany(Array.from({ length: 25 }, (_, i) => message({ time: t0 - (i + 1) * minute })));
    const kept = repo.insert(message({ time: t0 }));
    expect(repo.hasOlderThan(t0)).toBe(true);
    expect(repo.deleteOlderThan(t0, 10)).toBe(25);
    expect(repo.hasOlderThan(t0)).toBe(false);
    expect(repo.count()).toBe(1);
    expect((site.db.prepare('SELECT count(*) AS n FROM status_message_attributes').get() as { n: number }).n).toBe(1);
    expect(ids({})).toEqual([kept]);
    expect(old.every((id) => id < kept)).toBe(true);
    repo.deleteOlderThan(t0 + 1);
    expect(repo.insert(message())).toBe(kept + 1);
  });
});
