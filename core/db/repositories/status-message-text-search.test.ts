import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { componentMessages, statusCatalogue } from '../../domain/status-messages';
import { descriptionContains } from '../../domain/status-messages/text-search';
import type { OpenSite } from '../../site/open-site';
import { openStatusStore } from '../../../test/helpers/status-store';
import { migrations } from '../migrations';
import { migrate } from '../migrator';
import { StatusMessageRepository, type StatusMessageFilter, type StatusMessageRecord, type StoredStatusMessage } from './status-message-repository';

/** A small deterministic generator (mulberry32), so a failure shows the same messages again. */
function generator(state: number) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const minute = 60_000;

// Pieces strings are made of: the templates' own words, so that words cross from a template into
// a string; characters LIKE, GLOB and FTS5 read as syntax; quotes; letters whose lower case
// depends on their neighbours (Σ) or is longer than they are (İ), or is ASCII from outside it (K).
const fragments = [
  'package ', 'A0100001', 'a01', ' to distribution point ', '\\\\DP01\\', 'Access is denied.', '" (', ') ', '%', '_', '%1', '%%', '*', '"', "'",
  '""', 'NEAR', ' OR ', 'AND ', '^', '{s1}:', 'ΣΑΣ', 'Σ', 'σ', 'ς', 'İ', 'i̇', 'K', 'ß', 'SS', '🙂', 'é', 'É', 'e\u0301', ' ', '.', ':', 'Install', '1603',
  'the ', 'THE', 'x', 'yz', 'Distribution Manager', 'package ID = ', 'no such words',
];

const known = componentMessages.flatMap(({ component, messages }) => messages.map((m) => ({ component, messageId: m.id })));
// An ID no catalogue holds, under a component of its own and one spelled in another case.
const unknown = [
  { component: 'SMS_CUSTOM', messageId: 7 },
  { component: 'Custom "ΣComponent"', messageId: 65535 },
  { component: 'sms_distribution_manager', messageId: 2330 },
  { component: 'SMS_OFFER_MANAGER', messageId: 2330 },
];

function randomMessages(count: number, random: () => number): StatusMessageRecord[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const text = () => {
    const parts = Math.floor(random() * 4);
    return Array.from({ length: parts }, () => pick(fragments)).join('');
  };
  return Array.from({ length: count }, (_, i) => {
    const key = random() < 0.9 ? pick(known) : pick(unknown);
    const strings = Array.from({ length: Math.floor(random() * 11) }, () => (random() < 0.15 ? '' : text()));
    return {
      messageId: key.messageId,
      severity: pick(['info', 'warning', 'error'] as const),
      type: 'milestone',
      moduleName: 'SMS Server',
      component: key.component,
      siteCode: 'A01',
      machine: 'SRV01',
      // Some share a time, so the record ID orders them.
      time: t0 + Math.floor(i / 3) * minute,
      processId: 1,
      threadId: 1,
      insertionStrings: strings,
      attributes: [],
    };
  });
}

let site: OpenSite;
let repo: StatusMessageRepository;
let close: () => void;

beforeEach(() => {
  ({ site, repo, close } = openStatusStore('courier-statmsg-text-', t0));
});
afterEach(() => close());

/** Every page of a search, followed by its cursor to the end, with a small budget so pages stop early. */
function search(filter: Omit<StatusMessageFilter, 'limit' | 'order'>, order: 'newest' | 'oldest' = 'newest', limit = 37, store = repo): number[] {
  const found: number[] = [];
  let after: StatusMessageFilter['after'];
  for (let pages = 0; pages < 10_000; pages++) {
    const page = store.query({ ...filter, order, limit, after }, 250);
    found.push(...page.messages.map((m) => m.recordId));
    if (!page.next) return found;
    after = page.next;
  }
  throw new Error('The search never ended.');
}

/** What rendering every message and looking for the words gives: the answer every search must give. */
function bruteForce(stored: readonly StoredStatusMessage[], text: string): number[] {
  return stored.filter((m) => descriptionContains(statusCatalogue.describe(m.component, m.messageId, m.insertionStrings), text)).map((m) => m.recordId);
}

function storedNewestFirst(): StoredStatusMessage[] {
  const all = repo.query({ order: 'newest', limit: 1000 });
  const messages = [...all.messages];
  let next = all.next;
  while (next) {
    const page = repo.query({ order: 'newest', limit: 1000, after: next });
    messages.push(...page.messages);
    next = page.next;
  }
  return messages;
}

describe('text search over the status message store', () => {
  it('finds exactly what describing every message finds, for words across the template and its strings, syntax characters and Unicode', () => {
    const random = generator(20261203);
    repo.insertMany(randomMessages(2000, random));
    const stored = storedNewestFirst();
    expect(stored).toHaveLength(2000);

    const longest = Math.max(...stored.map((m) => statusCatalogue.describe(m.component, m.messageId, m.insertionStrings).length));
    const needles = [
      '', ' ', '%', '_', '%_', '%1', '"', '""', "'", '*', '^', 'NEAR', ' OR ', '{s1}:', 'σ', 'ς', 'Σ', 'ΣΑΣ', 'ας', 'İ', 'i̇', 'i', 'K', 'k', 'ß', 'ss', '🙂',
      'é', 'e\u0301', 'access is denied', 'no such words', 'package a01', 'package a0100001 to', 'point \\\\dp', '" (package id = a0100001)', 'x'.repeat(longest + 1),
      'has no description', 'from SMS_CUSTOM', 'Insertion strings: "', '", "', 'Σcomponent', 'distribution manager successfully',
    ];
    // Windows cut from real descriptions, most of them across a template's words and a string, in a changed case.
    for (let n = 0; n < 50; n++) {
      const m = stored[Math.floor(random() * stored.length)]!;
      const description = statusCatalogue.describe(m.component, m.messageId, m.insertionStrings);
      const start = Math.floor(random() * description.length);
      const cut = description.slice(start, start + 1 + Math.floor(random() * 30));
      needles.push(random() < 0.5 ? cut.toUpperCase() : cut);
    }

    // The same store read with at most 20 found messages listed and 200 looked up: the other two ways a page reads.
    const small = new StatusMessageRepository(site.db, { candidates: { list: 20, lookup: 200 } });
    for (const text of needles) {
      const expected = bruteForce(stored, text);
      expect(search({ text }), JSON.stringify(text)).toEqual(expected);
      expect(search({ text }, 'newest', 37, small), JSON.stringify(text)).toEqual(expected);
    }
    // The other filters and the oldest-first order narrow the same answer.
    for (const text of ['package', 'a0100001', '%', 'ΣΑΣ', 'access is denied']) {
      const errors = stored.filter((m) => m.severity === 'error');
      expect(search({ text, severity: 'error' }), text).toEqual(bruteForce(errors, text));
      expect(search({ text }, 'oldest', 501)).toEqual(bruteForce(stored, text).reverse());
      const histogram = repo.histogram({ text, since: t0, until: t0 + 2000 * minute, origin: t0, bucketMs: 60 * minute });
      expect(histogram.reduce((sum, row) => sum + row.count, 0), text).toBe(bruteForce(stored, text).length);
    }
  }, 120_000);

  it('keeps the index in step when aged messages are deleted in batches', () => {
    const random = generator(7);
    repo.insertMany(randomMessages(1200, random));
    const marked = repo.insert({ ...randomMessages(1, random)[0]!, time: t0 - minute, insertionStrings: ['Only in the oldest message'] });
    expect(search({ text: 'only in the oldest' })).toEqual([marked]);
    // Every message before the 300th minute, 64 a transaction.
    const deleted = repo.deleteOlderThan(t0 + 300 * minute, 64);
    expect(deleted).toBe(901);
    const stored = storedNewestFirst();
    expect(stored).toHaveLength(300);
    expect(search({ text: 'only in the oldest' })).toEqual([]);
    const textRows = site.db.prepare(`SELECT count(*) AS n FROM status_message_text WHERE status_message_text MATCH '"old" AND "lde" AND "des" AND "est"'`).get() as { n: number };
    expect(textRows.n).toBe(0);
    for (const text of ['package a0100001', 'access is denied', 'ΣΑΣ', '%1', '" (']) expect(search({ text }), text).toEqual(bruteForce(stored, text));
    // New messages after the delete are found beside the old ones.
    const later = repo.insert({ ...randomMessages(1, random)[0]!, time: t0 + 5000 * minute, insertionStrings: ['Only in the oldest message'] });
    expect(search({ text: 'only in the oldest' })).toEqual([later]);
  });

  it('indexes the messages a site held before the index existed, when the site is upgraded', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, migrations.filter((m) => m.version <= 26), () => new Date(t0));
      const columns = Array.from({ length: 10 }, (_, i) => `ins_string_${i + 1}`).join(', ');
      const insert = db.prepare(
        `INSERT INTO status_messages (message_id, severity, message_type, module_name, component, site_code, machine_name, time, process_id, thread_id, ${columns})
         VALUES (?, 1073741824, 256, 'SMS Server', ?, 'A01', 'SRV01', ?, 1, 1, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
      );
      insert.run(2330, 'SMS_DISTRIBUTION_MANAGER', t0, 'A0100001', '\\\\ΣDP01\\', null);
      insert.run(7, 'SMS_CUSTOM', t0 + minute, 'Older Σ text', '', 'ΑΣ');
      expect(migrate(db, migrations, () => new Date(t0)).applied).toEqual([27]);
      const upgraded = new StatusMessageRepository(db);
      const ids = (text: string) => upgraded.query({ order: 'oldest', limit: 10, text }).messages.map((m) => m.recordId);
      expect(ids('σdp01')).toEqual([1]);
      expect(ids('older σ text')).toEqual([2]);
      expect(ids('"ας"')).toEqual([2]);
      expect(ids('from sms_custom')).toEqual([2]);
      expect(ids('successfully distributed package a0100001')).toEqual([1]);
    } finally {
      db.close();
    }
  });
});
