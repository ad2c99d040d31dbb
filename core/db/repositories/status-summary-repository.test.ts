import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverStatusMessage } from '../../../test/helpers/status-store';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { statusSeverityValues, statusMessageTypeValues } from '../../api';
import { openSite, type OpenSite } from '../../site/open-site';
import { openDatabase, type SqliteDatabase } from '../connection';
import { migrations } from '../migrations';
import { migrate } from '../migrator';
import { StatusMessageRepository, type StatusMessageRecord } from './status-message-repository';
import { StatusSummaryRepository } from './status-summary-repository';

// The summarizers' rules, against sequences of messages stored through the real store on a real
// site database: what counts where, in any order, across a rollback, a retention run and a reset.

let data: TempDir;
let site: OpenSite;
let messages: StatusMessageRepository;
let summaries: StatusSummaryRepository;
const t0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const second = 1000;
const ad1 = 'A0120000';
const ad2 = 'A0120001';

const server = (overrides: Partial<StatusMessageRecord> = {}) => serverStatusMessage(t0, { threadId: 1, ...overrides });

function client(messageId: number, at: number, advertisementId = ad1, overrides: Partial<StatusMessageRecord> = {}): StatusMessageRecord {
  return {
    messageId,
    severity: [10000, 10003, 10006, 10007, 10050].includes(messageId) ? 'error' : messageId === 10018 ? 'warning' : 'info',
    type: 'milestone',
    moduleName: 'SMS Client',
    component: 'Software Distribution',
    siteCode: 'A01',
    machine: 'WKS001',
    time: at,
    processId: 0,
    threadId: 0,
    insertionStrings: [advertisementId, '0', '', 'A0100001', 'Install'],
    attributes: [[400, 'A0100001'], [401, advertisementId]],
    ...overrides,
  };
}

function addAdvertisement(db: SqliteDatabase, advertisementId: string): void {
  db.prepare(
    `INSERT INTO advertisements (advertisement_id, name, package_id, program_name, collection_id, include_subcollections, source_site, present_time,
       advert_flags, remote_client_flags, time_flags, priority, created_at, last_modified)
     VALUES (?, 'Fix', 'A0100001', 'Install', 'SMS00001', 0, 'A01', '1EAC4A4000080000', 0, 0, 0, 2, 'now', 'now')`,
  ).run(advertisementId);
}

/** A client's run and a few more: every counted ID, some counted nowhere, one about an advertisement the site lacks. */
const sequence: readonly StatusMessageRecord[] = [
  client(10002, t0),
  client(10005, t0 + 1 * second),
  client(10008, t0 + 2 * second),
  client(10002, t0, ad1, { machine: 'WKS002' }),
  client(10061, t0 + 1 * second, ad1, { machine: 'WKS002' }),
  client(10005, t0 + 2 * second, ad1, { machine: 'WKS002' }),
  client(10006, t0 + 3 * second, ad1, { machine: 'WKS002' }),
  client(10018, t0, ad1, { machine: 'WKS003' }),
  client(10050, t0 + 5 * second, ad1, { machine: 'WKS004' }),
  client(10000, t0 + 5 * second, ad1, { machine: 'WKS005' }),
  client(10003, t0 + 6 * second, ad1, { machine: 'WKS006' }),
  client(10007, t0 + 7 * second, ad1, { machine: 'WKS007' }),
  client(10009, t0 + 8 * second, ad1, { machine: 'WKS008' }),
  client(10022, t0 + 9 * second, ad1, { machine: 'WKS009' }),
  client(10060, t0 + 10 * second, ad1, { machine: 'WKS010' }),
  client(10064, t0 + 11 * second, ad1, { machine: 'WKS010' }),
  client(10002, t0 + 4 * second, ad2, { component: 'software distribution', siteCode: 'B02' }),
  client(10002, t0 + 4 * second, 'A01299FF'),
  server({ time: t0 - 60 * second }),
  server({ messageId: 2328, severity: 'error', time: t0 + 3 * second }),
  server({ messageId: 2304, severity: 'warning', time: t0 + 4 * second }),
  server({ component: 'sms_distribution_manager', time: t0 + 5 * second }),
  server({ component: 'SMS_OFFER_MANAGER', messageId: 3900, time: t0 + 6 * second, machine: 'SRV02' }),
];

function tables(db: SqliteDatabase): unknown {
  return {
    advertisements: db.prepare('SELECT * FROM advertisement_status_summaries ORDER BY advertisement_id, site_code').all(),
    components: db
      .prepare('SELECT site_code, upper(machine_name) AS machine, upper(component) AS component, infos, warnings, errors, counts_since, last_message_time FROM component_status_summaries ORDER BY 1, 2, 3')
      .all(),
  };
}

beforeEach(() => {
  data = makeTempDir('courier-summaries-');
  site = openSite(join(data.path, 'site'), () => new Date(t0));
  messages = new StatusMessageRepository(site.db);
  summaries = new StatusSummaryRepository(site.db);
  addAdvertisement(site.db, ad1);
  addAdvertisement(site.db, ad2);
});
afterEach(() => {
  site.db.close();
  data.remove();
});

describe('the Advertisement Status summarizer', () => {
  it("counts the clients' messages by the suite's meanings, per advertisement and reporting site", () => {
    messages.insertMany(sequence);
    expect(summaries.advertisementSummaries()).toEqual([
      { advertisementId: ad1, siteCode: 'A01', received: 2, failures: 3, programsStarted: 2, programsSucceeded: 3, programsFailed: 3, lastMessageTime: t0 + 9 * second },
      { advertisementId: ad2, siteCode: 'B02', received: 1, failures: 0, programsStarted: 0, programsSucceeded: 0, programsFailed: 0, lastMessageTime: t0 + 4 * second },
    ]);
    expect(summaries.advertisementSummaries(ad2)).toHaveLength(1);
  });

  it('gives the same summaries whatever order the messages arrive in', () => {
    messages.insertMany(sequence);
    const inOrder = tables(site.db);
    site.db.exec('DELETE FROM advertisement_status_summaries; DELETE FROM component_status_summaries; DELETE FROM status_messages');
    messages.insertMany([...sequence].reverse());
    expect(tables(site.db)).toEqual(inOrder);
    site.db.exec('DELETE FROM advertisement_status_summaries; DELETE FROM component_status_summaries; DELETE FROM status_messages');
    // Interleaved: every third first, then the rest.
    messages.insertMany([...sequence.filter((_, i) => i % 3 === 0), ...sequence.filter((_, i) => i % 3 !== 0)]);
    expect(tables(site.db)).toEqual(inOrder);
  });

  it("goes with its advertisement", () => {
    messages.insertMany(sequence);
    site.db.prepare('DELETE FROM advertisements WHERE advertisement_id = ?').run(ad1);
    expect(summaries.advertisementSummaries().map((row) => row.advertisementId)).toEqual([ad2]);
  });
});

describe('the Component Status summarizer', () => {
  it("counts each site component's messages by severity, names in any case as one, and no client's", () => {
    messages.insertMany(sequence);
    expect(summaries.componentSummaries()).toEqual([
      { siteCode: 'A01', machine: 'SRV01', component: 'SMS_DISTRIBUTION_MANAGER', infos: 2, warnings: 1, errors: 1, countsSince: 0, lastMessageTime: t0 + 5 * second },
      { siteCode: 'A01', machine: 'SRV02', component: 'SMS_OFFER_MANAGER', infos: 1, warnings: 0, errors: 0, countsSince: 0, lastMessageTime: t0 + 6 * second },
    ]);
    expect(summaries.componentSummaries('sms_offer_manager')).toHaveLength(1);
  });

  it('starts the counts again at a reset; a late message reported before it is not counted', () => {
    messages.insertMany(sequence);
    const reset = t0 + 10 * second;
    expect(summaries.resetComponents(reset, 'SMS_Distribution_Manager')).toBe(1);
    messages.insert(server({ messageId: 2328, severity: 'error', time: reset - second }));
    messages.insert(server({ messageId: 2328, severity: 'error', time: reset }));
    const [dm, offers] = summaries.componentSummaries();
    expect(dm).toMatchObject({ infos: 0, warnings: 0, errors: 1, countsSince: reset, lastMessageTime: reset });
    expect(offers).toMatchObject({ infos: 1, countsSince: 0 });

    // Every component: one seen only afterwards counts from the reset too.
    const all = t0 + 20 * second;
    expect(summaries.resetComponents(all)).toBe(2);
    messages.insert(server({ component: 'SMS_COLLECTION_EVALUATOR', messageId: 2500, time: all - second }));
    messages.insert(server({ component: 'SMS_COLLECTION_EVALUATOR', messageId: 2501, severity: 'error', time: all + second }));
    expect(summaries.componentSummaries('SMS_COLLECTION_EVALUATOR')).toEqual([
      { siteCode: 'A01', machine: 'SRV01', component: 'SMS_COLLECTION_EVALUATOR', infos: 0, warnings: 0, errors: 1, countsSince: all, lastMessageTime: all + second },
    ]);
    expect(summaries.settings().countsSince).toBe(all);
  });
});

describe('the summaries and the store', () => {
  it('count nothing of a change that was rolled back (a component killed before its commit retries it)', () => {
    expect(() =>
      site.db.transaction(() => {
        messages.insert(server({ messageId: 2328, severity: 'error' }));
        messages.insert(client(10002, t0));
        throw new Error('killed');
      })(),
    ).toThrow('killed');
    expect(summaries.componentSummaries()).toEqual([]);
    expect(summaries.advertisementSummaries()).toEqual([]);
    // The retry stores and counts it once.
    messages.insertMany([server({ messageId: 2328, severity: 'error' }), client(10002, t0)]);
    expect(summaries.componentSummaries()[0]).toMatchObject({ errors: 1 });
    expect(summaries.advertisementSummaries()[0]).toMatchObject({ received: 1 });
  });

  it('keep their counts when aged messages are deleted', () => {
    messages.insertMany(sequence);
    const before = tables(site.db);
    expect(messages.deleteOlderThan(t0 + 60 * second)).toBe(sequence.length);
    expect(messages.count()).toBe(0);
    expect(tables(site.db)).toEqual(before);
  });

  it('are built by the upgrade from the messages a site already has, as the store would have kept them', () => {
    messages.insertMany(sequence);
    const incremental = tables(site.db);

    const old = openDatabase(join(data.path, 'old.db'));
    try {
      const now = () => new Date(t0);
      migrate(old, migrations.filter((m) => m.version < 22), now);
      addAdvertisement(old, ad1);
      addAdvertisement(old, ad2);
      // Stored as the store before this version stored them: messages and attributes, nothing else.
      const insertMessage = old.prepare(
        `INSERT INTO status_messages (message_id, severity, message_type, module_name, component, site_code, machine_name, time, process_id, thread_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertAttribute = old.prepare('INSERT INTO status_message_attributes (record_id, attribute_id, attribute_value, time) VALUES (?, ?, ?, ?)');
      for (const m of sequence) {
        const id = insertMessage.run(m.messageId, statusSeverityValues[m.severity], statusMessageTypeValues[m.type], m.moduleName, m.component, m.siteCode, m.machine, m.time, m.processId, m.threadId).lastInsertRowid;
        for (const [attribute, value] of m.attributes) insertAttribute.run(id, attribute, value, m.time);
      }
      // WKS002 as the management point left it: its receipts name its messages, its one state the newest.
      const resource = Number(old.prepare("INSERT INTO resources (resource_type, name, created_at, last_modified) VALUES ('system', 'WKS002', 'now', 'now')").run().lastInsertRowid);
      old.prepare("INSERT INTO mp_clients (resource_id, secret_hash, approval, registered_at) VALUES (?, ?, 'approved', 'now')").run(resource, 'a'.repeat(64));
      const wks002 = old.prepare("SELECT record_id FROM status_messages WHERE machine_name = 'WKS002'").pluck().all() as number[];
      for (const id of wks002) old.prepare('INSERT INTO mp_status_receipts (resource_id, message_uid, record_id) VALUES (?, ?, ?)').run(resource, `uid-${id}`, id);
      old.prepare('UPDATE status_messages SET ins_string_2 = ? WHERE machine_name = ? AND message_id = 10006').run('1603', 'WKS002');
      old.prepare("INSERT INTO advertisement_client_states (advertisement_id, resource_id, state, message_id, message_time, record_id) VALUES (?, ?, 'failed', 10006, ?, ?)")
        .run(ad1, resource, t0 + 3 * second, wks002.at(-1));

      expect(migrate(old, migrations, now).applied).toEqual(migrations.filter((m) => m.version >= 22).map((m) => m.version));
      expect(tables(old)).toEqual(incremental);
      expect(old.prepare('SELECT acceptance_message_id, acceptance_time, execution_message_id, execution_time, execution_result FROM advertisement_client_states').raw().all()).toEqual([
        [10002, t0, 10006, t0 + 3 * second, '1603'],
      ]);
      // And from then on the store keeps them.
      new StatusMessageRepository(old).insert(client(10005, t0 + 30 * second));
      expect(new StatusSummaryRepository(old).advertisementSummaries(ad1)[0]).toMatchObject({ programsStarted: 3, lastMessageTime: t0 + 30 * second });
    } finally {
      old.close();
    }
  });
});
