import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  statusMessageHistogramQuerySchema,
  statusMessageQuerySchema,
  statusSortColumns,
  statusSortDirections,
  type StatusMessageQueryInput,
  type StatusSort,
  type StatusSortColumn,
} from '../../api';
import { StatusMessageService } from '../../services/status-message-service';
import type { OpenSite } from '../../site/open-site';
import { openStatusStore, serverStatusMessage } from '../../../test/helpers/status-store';
import { StatusMessageRepository, type StatusMessageFilter, type StatusMessageRecord, type StoredStatusMessage } from './status-message-repository';

let site: OpenSite;
let repo: StatusMessageRepository;
let close: () => void;
let service: StatusMessageService;
const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const minute = 60_000;

const message = (overrides: Partial<StatusMessageRecord> = {}) => serverStatusMessage(t0, overrides);

beforeEach(() => {
  ({ site, repo, close } = openStatusStore('courier-statsort-', t0));
  service = new StatusMessageService({ messages: repo, now: () => new Date(t0 + 24 * 60 * minute) });
});
afterEach(() => close());

const severities = ['info', 'warning', 'error'] as const;
const types = ['milestone', 'detail', 'audit'] as const;
// Names that differ only in case are equal to the sort, as they are to the filters (ASCII, as SQLite's NOCASE folds).
const components = ['SMS_DISTRIBUTION_MANAGER', 'sms_distribution_manager', 'Software Distribution', 'SMS_POLICY_PROVIDER', 'SMS_Offer_Manager'];
const machines = ['SRV01', 'wks00002', 'WKS00001', 'srv01', 'DP01'];
const siteCodes = ['A01', 'B02', 'A01', 'C03'];

/** 60 messages with few distinct values per column and repeated times, so every sort has ties across page boundaries. */
function fill(): void {
  repo.insertMany(
    Array.from({ length: 60 }, (_, i) =>
      message({
        severity: severities[(i * 7) % 3]!,
        type: types[(i * 5) % 3]!,
        component: components[i % components.length]!,
        machine: machines[(i * 3) % machines.length]!,
        siteCode: siteCodes[i % siteCodes.length]!,
        messageId: [2301, 2330, 2328, 10002][(i * 11) % 4]!,
        processId: [0, 4604, 100][i % 3]!,
        threadId: [0, 5720, 5721, 7][(i * 13) % 4]!,
        insertionStrings: ['A0100001', '\\\\DP01\\', 'Access is denied.'],
        // Reported out of order, many at the same millisecond.
        time: t0 + ((i * 17) % 9) * minute,
      }),
    ),
  );
}

// The test's own mapping, on purpose: core/api's statusSortValue is what the console sorts by, so an
// oracle built on it would agree with a wrong rank or type number instead of catching it.
const rank = { info: 1, warning: 2, error: 3 } as const;
const typeNumber = { milestone: 256, detail: 512, audit: 768 } as const;
const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function valueOf(m: StoredStatusMessage, column: StatusSortColumn): number | string {
  switch (column) {
    case 'severity':
      return rank[m.severity];
    case 'type':
      return typeNumber[m.type];
    case 'siteCode':
      return foldAscii(m.siteCode);
    case 'time':
      return m.time;
    case 'machine':
      return foldAscii(m.machine);
    case 'component':
      return foldAscii(m.component);
    case 'messageId':
    case 'description':
      return m.messageId;
    case 'processId':
      return m.processId;
    case 'threadId':
      return m.threadId;
  }
}

/** The whole store sorted here, as the pages must come: by the column, then time, then record ID, all one way. */
function fullSort(all: readonly StoredStatusMessage[], sort: StatusSort): number[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...all]
    .sort((a, b) => sign * (compare(valueOf(a, sort.column), valueOf(b, sort.column)) || a.time - b.time || a.recordId - b.recordId))
    .map((m) => m.recordId);
}

function everyMessage(): readonly StoredStatusMessage[] {
  return repo.query({ order: 'newest', limit: 1000 }).messages;
}

/** Every page of a query through the service, as a client reads them: the cursor passed back as it came. */
function pagesOf(input: StatusMessageQueryInput): { ids: number[]; pages: number } {
  const ids: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = service.query(statusMessageQuerySchema.parse({ ...input, ...(cursor !== null ? { cursor } : {}) }));
    ids.push(...page.messages.map((m) => m.recordId));
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== null && pages < 100);
  return { ids, pages };
}

describe('sorting status messages by any column', () => {
  it('pages every sort both ways exactly as a full sort orders the store: ties across page boundaries, no message twice or missed', () => {
    fill();
    const all = everyMessage();
    expect(all).toHaveLength(60);
    for (const column of statusSortColumns) {
      for (const direction of statusSortDirections) {
        const sort = { column, direction };
        const wanted = fullSort(all, sort);
        const paged = pagesOf({ sort, limit: 7 });
        expect(paged.ids, `${column} ${direction}`).toEqual(wanted);
        expect(paged.pages).toBe(9);
        // The repository's own keys page the same way.
        const seen: number[] = [];
        let after: StatusMessageFilter['after'];
        do {
          const page = repo.query({ order: 'newest', sort, limit: 4, after });
          seen.push(...page.messages.map((m) => m.recordId));
          after = page.next ?? undefined;
        } while (after);
        expect(seen, `${column} ${direction} by key`).toEqual(wanted);
      }
    }
  });

  it('sorts within the usual filters: a time range, a severity, a component, a package', () => {
    fill();
    const all = everyMessage();
    const cases: [StatusMessageQueryInput, (m: StoredStatusMessage) => boolean][] = [
      [{ since: new Date(t0 + 2 * minute).toISOString(), before: new Date(t0 + 6 * minute).toISOString() }, (m) => m.time >= t0 + 2 * minute && m.time < t0 + 6 * minute],
      [{ severity: 'error' }, (m) => m.severity === 'error'],
      [{ component: 'sms_distribution_manager' }, (m) => foldAscii(m.component) === 'sms_distribution_manager'],
      [{ packageId: 'A0100001', siteCode: 'a01' }, (m) => m.siteCode === 'A01'],
    ];
    for (const [filter, keep] of cases) {
      for (const sort of [{ column: 'component', direction: 'asc' }, { column: 'messageId', direction: 'desc' }, { column: 'severity', direction: 'desc' }, { column: 'time', direction: 'asc' }] as const) {
        expect(pagesOf({ ...filter, sort, limit: 5 }).ids, `${JSON.stringify(filter)} ${sort.column}`).toEqual(fullSort(all.filter(keep), sort));
      }
    }
  });

  it('pages a sorted text search on from the last message read when a page spends its budget', () => {
    fill();
    const all = everyMessage();
    const sort = { column: 'machine', direction: 'asc' } as const;
    const seen: number[] = [];
    let after: StatusMessageFilter['after'];
    let pages = 0;
    do {
      const page = repo.query({ order: 'newest', sort, text: 'access is denied', limit: 3, after }, 8);
      seen.push(...page.messages.map((m) => m.recordId));
      after = page.next ?? undefined;
      pages++;
    } while (after && pages < 50);
    expect(seen).toEqual(fullSort(all.filter((m) => m.messageId === 2328), sort));
  });

  it('gives cursors to read a page again from its first message and to read on after its last', () => {
    fill();
    const sort = { column: 'component', direction: 'desc' } as const;
    const first = service.query(statusMessageQuerySchema.parse({ sort, limit: 10 }));
    const again = service.query(statusMessageQuerySchema.parse({ sort, limit: 10, cursor: first.startCursor }));
    expect(again.messages.map((m) => m.recordId)).toEqual(first.messages.map((m) => m.recordId));
    const next = service.query(statusMessageQuerySchema.parse({ sort, limit: 10, cursor: first.nextCursor }));
    const after = service.query(statusMessageQuerySchema.parse({ sort, limit: 10, cursor: first.endCursor }));
    expect(after.messages.map((m) => m.recordId)).toEqual(next.messages.map((m) => m.recordId));
    // The last page has no next cursor, but its end cursor still reads what sorts after it later.
    const last = service.query(statusMessageQuerySchema.parse({ limit: 100, order: 'oldest' }));
    expect(last.nextCursor).toBeNull();
    const newer = repo.insert(message({ time: t0 + 60 * minute }));
    expect(service.query(statusMessageQuerySchema.parse({ limit: 100, order: 'oldest', cursor: last.endCursor })).messages.map((m) => m.recordId)).toEqual([newer]);
    expect(service.query(statusMessageQuerySchema.parse({ severity: 'error', component: 'NO_SUCH' }))).toMatchObject({ messages: [], nextCursor: null, startCursor: null, endCursor: null });
  });

  it('reads each sort along its index while the filters leave many messages, through the filters\' index when they leave few', () => {
    fill();
    // The probe's threshold at 20 of the 60 messages: the same choice a site makes at 5,000.
    const probed = new StatusMessageRepository(site.db, { probeRows: 20 });
    const plan = (filter: Partial<StatusMessageFilter>) => probed.explain({ order: 'newest', limit: 200, ...filter }).join(' | ');
    const index: Record<StatusSortColumn, RegExp> = {
      severity: /status_messages_severity_rank_time/,
      type: /status_messages_type_time/,
      siteCode: /status_messages_site_code_time/,
      // By time, a severity or component filter's index is in time order too.
      time: /status_messages_(time|severity_time|component_time)\b/,
      machine: /status_messages_machine_time/,
      component: /status_messages_component_time/,
      messageId: /status_messages_message_id_time/,
      description: /status_messages_message_id_time/,
      processId: /status_messages_process_id_time/,
      threadId: /status_messages_thread_id_time/,
    };
    const everything = { since: t0, before: t0 + 60 * minute };
    for (const column of statusSortColumns) {
      for (const direction of statusSortDirections) {
        const sort = { column, direction };
        const textKey = column === 'component' || column === 'machine' || column === 'siteCode';
        // Many left: the sort's index gives the order, alone, within a time range, past a cursor, with a severity or component to check.
        for (const filter of [{}, everything, { since: t0, after: { value: textKey ? 'a' : 0, time: t0, recordId: 0 } }, { ...everything, severity: 'info' as const }, { component: 'SMS_Distribution_Manager', since: t0 }]) {
          const shown = plan({ sort, ...filter });
          expect(shown, `${column} ${direction} ${JSON.stringify(filter)}`).toMatch(index[column]);
          expect(shown, `${column} ${direction} ${JSON.stringify(filter)}`).not.toMatch(/USE TEMP B-TREE|^SCAN m$/);
        }
        // Few left (one minute, one machine): their own index finds them and SQLite sorts those few.
        for (const filter of [{ since: t0 + 3 * minute, before: t0 + 4 * minute }, { severity: 'error' as const, component: 'X', since: t0 }]) {
          expect(plan({ sort, ...filter }), `${column} ${direction} ${JSON.stringify(filter)}`).toMatch(/SEARCH m USING (COVERING )?INDEX status_messages_/);
        }
      }
    }
    // A cursor on a sorted list starts the index range at the cursor, not at the start of the index.
    expect(plan({ sort: { column: 'messageId', direction: 'asc' }, after: { value: 0, time: t0, recordId: 9 } })).toMatch(/\(message_id,time\)>\(\?,\?\)/);
    expect(plan({ sort: { column: 'component', direction: 'desc' }, after: { value: 'zzz', time: t0, recordId: 9 } })).toMatch(/\(component,time\)<\(\?,\?\)/);
    // Both ways page alike.
    const all = everyMessage();
    for (const filter of [everything, { since: t0 + 3 * minute, before: t0 + 4 * minute }]) {
      const seen: number[] = [];
      let after: StatusMessageFilter['after'];
      do {
        const page = probed.query({ order: 'newest', sort: { column: 'component', direction: 'asc' }, limit: 4, after, ...filter });
        seen.push(...page.messages.map((m) => m.recordId));
        after = page.next ?? undefined;
      } while (after);
      expect(seen).toEqual(fullSort(all.filter((m) => m.time >= filter.since && m.time < filter.before), { column: 'component', direction: 'asc' }));
    }
  });
});

describe('the viewing period until a time', () => {
  it('keeps before exclusive, with or without since, and sorted', () => {
    const at = [0, 1, 2, 3].map((m) => repo.insert(message({ time: t0 + m * minute })));
    const ids = (input: StatusMessageQueryInput) => service.query(statusMessageQuerySchema.parse(input)).messages.map((m) => m.recordId);
    const iso = (m: number) => new Date(t0 + m * minute).toISOString();
    expect(ids({ before: iso(2) })).toEqual([at[1], at[0]]);
    expect(ids({ since: iso(1), before: iso(3) })).toEqual([at[2], at[1]]);
    expect(ids({ since: iso(1), before: new Date(t0 + minute + 1).toISOString() })).toEqual([at[1]]);
    expect(ids({ since: iso(1), until: iso(3) })).toEqual([at[3], at[2], at[1]]);
    expect(ids({ before: iso(3), sort: { column: 'time', direction: 'asc' } })).toEqual([at[0], at[1], at[2]]);
  });

  it('counts the chart over the same period: the bucket holding before is left out when before is its start', () => {
    const hour = 60 * minute;
    repo.insertMany([message({ time: t0 }), message({ time: t0 + hour + 5 * minute }), message({ time: t0 + 2 * hour - 1, severity: 'error', messageId: 2328 }), message({ time: t0 + 2 * hour })]);
    const chart = service.histogram(statusMessageHistogramQuerySchema.parse({ since: new Date(t0).toISOString(), before: new Date(t0 + 2 * hour).toISOString(), bucket: 'hour' }));
    expect(chart.buckets).toEqual([
      { start: new Date(t0).toISOString(), info: 1, warning: 0, error: 0 },
      { start: new Date(t0 + hour).toISOString(), info: 1, warning: 0, error: 1 },
    ]);
    expect(chart.until).toBe(new Date(t0 + 2 * hour - 1).toISOString());
    // One bar's interval, as the viewer narrows to it: its own messages only.
    const bar = service.histogram(statusMessageHistogramQuerySchema.parse({ since: new Date(t0 + hour).toISOString(), before: new Date(t0 + 2 * hour).toISOString(), bucket: 'hour' }));
    expect(bar.buckets).toEqual([{ start: new Date(t0 + hour).toISOString(), info: 1, warning: 0, error: 1 }]);
    // And the site code filters it as it filters the list.
    repo.insert(message({ time: t0 + 5 * minute, siteCode: 'B02' }));
    const b02 = service.histogram(statusMessageHistogramQuerySchema.parse({ since: new Date(t0).toISOString(), before: new Date(t0 + hour).toISOString(), bucket: 'hour', siteCode: 'b02' }));
    expect(b02.buckets).toEqual([{ start: new Date(t0).toISOString(), info: 1, warning: 0, error: 0 }]);
  });
});
