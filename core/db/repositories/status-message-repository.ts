import {
  maxInsertionStrings,
  statusMessageTypeValues,
  statusSeverityRank,
  statusSeverityValues,
  type StatusMessageType,
  type StatusSeverity,
  type StatusSort,
  type StatusSortColumn,
} from '../../api';
import { statusCatalogue } from '../../domain/status-messages';
import { planTextSearch, searchFold, viewerFold, type MessageKey } from '../../domain/status-messages/text-search';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import { StatusSummaryRepository } from './status-summary-repository';

/** A status message as it is stored (SMS_StatusMessage with its insertion strings and attributes). */
export interface StatusMessageRecord {
  readonly messageId: number;
  readonly severity: StatusSeverity;
  readonly type: StatusMessageType;
  readonly moduleName: string;
  readonly component: string;
  readonly siteCode: string;
  readonly machine: string;
  /** UTC epoch milliseconds. */
  readonly time: number;
  readonly processId: number;
  readonly threadId: number;
  readonly win32Error?: number | null;
  /** At most ten; %1 is the first. */
  readonly insertionStrings: readonly string[];
  /** (attribute ID, value) pairs, each ID at most once. */
  readonly attributes: readonly (readonly [number, string])[];
}

export interface StoredStatusMessage extends StatusMessageRecord {
  readonly recordId: number;
}

/** Where a page starts: after this message, in the page's order. */
export interface StatusKey {
  /** The message's value in the sort column; absent (or ignored) when the list is by time. */
  readonly value?: number | string | null;
  readonly time: number;
  readonly recordId: number;
}

/**
 * What each sort orders by, ahead of the time and record ID: columns of an index of
 * migration 0026 (or 0005's component index), so a sorted page is an index range like a timed one.
 * Severity by its rank (bits 30-31: 1 information, 2 warning, 3 error), not the signed number.
 */
const sortKeys: Readonly<Record<Exclude<StatusSortColumn, 'time'>, { readonly sql: string; readonly text: boolean; readonly index: string }>> = {
  severity: { sql: '((m.severity >> 30) & 3)', text: false, index: 'status_messages_severity_rank_time' },
  type: { sql: 'm.message_type', text: false, index: 'status_messages_type_time' },
  siteCode: { sql: 'm.site_code', text: true, index: 'status_messages_site_code_time' },
  machine: { sql: 'm.machine_name', text: true, index: 'status_messages_machine_time' },
  component: { sql: 'm.component', text: true, index: 'status_messages_component_time' },
  messageId: { sql: 'm.message_id', text: false, index: 'status_messages_message_id_time' },
  description: { sql: 'm.message_id', text: false, index: 'status_messages_message_id_time' },
  processId: { sql: 'm.process_id', text: false, index: 'status_messages_process_id_time' },
  threadId: { sql: 'm.thread_id', text: false, index: 'status_messages_thread_id_time' },
};

/**
 * A sorted page whose filters leave at least this many messages is read along the sort's index
 * (checking the filters on the way, so about limit / share-kept entries are read); one that
 * leaves fewer is read through the filters' own index and those few sorted. Counting up to it
 * reads at most this many index entries, and it keeps both ways cheap: SQLite, estimating a time
 * range without statistics of its values, would otherwise sort a week of messages to show 200.
 */
export const sortProbeRows = 5000;

/** The value of a stored row in a sort's column, for its cursor. */
function sortValueOf(row: { severity: number; message_type: number; site_code: string; machine_name: string; component: string; message_id: number; process_id: number; thread_id: number }, column: StatusSortColumn): number | string | null {
  switch (column) {
    case 'time':
      return null;
    case 'severity':
      return statusSeverityRank(row.severity);
    case 'type':
      return row.message_type;
    case 'siteCode':
      return row.site_code;
    case 'machine':
      return row.machine_name;
    case 'component':
      return row.component;
    case 'messageId':
    case 'description':
      return row.message_id;
    case 'processId':
      return row.process_id;
    case 'threadId':
      return row.thread_id;
  }
}

export interface StatusMessageFilter {
  readonly component?: string | undefined;
  readonly messageIds?: readonly number[] | undefined;
  readonly severity?: StatusSeverity | undefined;
  /** Inclusive bounds, epoch milliseconds. */
  readonly since?: number | undefined;
  readonly until?: number | undefined;
  /** Exclusive upper bound, epoch milliseconds. */
  readonly before?: number | undefined;
  /** SMS_StatusMessage.SiteCode, compared in any case. */
  readonly siteCode?: string | undefined;
  /** Every pair must match; values compare case-insensitively (ASCII), as NAL paths and IDs do. */
  readonly attributes?: readonly { readonly id: number; readonly value: string }[] | undefined;
  readonly machine?: string | undefined;
  /** Found in the description (the catalogue's text with the insertion strings), in any case. */
  readonly text?: string | undefined;
  readonly order: 'newest' | 'oldest';
  /** Replaces `order` when given: by this column, then time and record ID, all one way. */
  readonly sort?: StatusSort | undefined;
  readonly limit: number;
  readonly after?: StatusKey | undefined;
  /** Only messages with a higher record ID: those reported after it. */
  readonly afterRecordId?: number | undefined;
}

/** The filters of a histogram: a page's, with a bounded period and the bucket length. */
export interface StatusHistogramFilter extends Omit<StatusMessageFilter, 'order' | 'sort' | 'limit' | 'after' | 'afterRecordId' | 'since' | 'until' | 'before'> {
  /** The period's inclusive bounds, epoch milliseconds. */
  readonly since: number;
  readonly until: number;
  /** Where buckets start (at or before since) and their length. */
  readonly origin: number;
  readonly bucketMs: number;
}

/** One severity's count in one bucket. */
export interface StatusHistogramRow {
  /** The bucket's start, epoch milliseconds. */
  readonly start: number;
  readonly severity: StatusSeverity;
  readonly count: number;
}

export interface StatusMessagePage {
  readonly messages: readonly StoredStatusMessage[];
  /** The last message's key when more may follow, else null. */
  readonly next: StatusKey | null;
  /** The first and last messages' keys (null when the page is empty), to read the page again or read on later. */
  readonly first: StatusKey | null;
  readonly last: StatusKey | null;
}

interface MessageRow {
  record_id: number;
  message_id: number;
  severity: number;
  message_type: number;
  module_name: string;
  component: string;
  site_code: string;
  machine_name: string;
  time: number;
  process_id: number;
  thread_id: number;
  win32_error: number | null;
  [insertionString: `ins_string_${number}`]: string | null;
}

const insertionColumns = Array.from({ length: maxInsertionStrings }, (_, i) => `ins_string_${i + 1}`);
const messageColumns = [
  'record_id', 'message_id', 'severity', 'message_type', 'module_name', 'component', 'site_code', 'machine_name',
  'time', 'process_id', 'thread_id', 'win32_error', ...insertionColumns,
];
const insertMessageSql =
  `INSERT INTO status_messages (${messageColumns.slice(1).join(', ')}) VALUES (${messageColumns.slice(1).map(() => '?').join(', ')})`;
const insertAttributeSql = 'INSERT INTO status_message_attributes (record_id, attribute_id, attribute_value, time) VALUES (?, ?, ?, ?)';
const insertTextSql = 'INSERT INTO status_message_text (rowid, strings) VALUES (?, ?)';
/** Between a message's strings in the text index, as migration 27 joins them. */
const stringSeparator = '\u001f';
const insertKeySql = 'INSERT OR IGNORE INTO status_message_keys (component, message_id) VALUES (?, ?)';

const severityOf = new Map(Object.entries(statusSeverityValues).map(([name, value]) => [value, name as StatusSeverity]));
const typeOf = new Map(Object.entries(statusMessageTypeValues).map(([name, value]) => [value, name as StatusMessageType]));
// An NT event message (1024) is shown as a detail: the contract names the three kinds components report.
typeOf.set(1024, 'detail');

/**
 * The most messages one page of a text search describes to know whether they match: those the
 * text index cannot decide (words shorter than a trigram, words that may cross a template's
 * text and a string in a kind of message the page has many of). Without it such a search for
 * something rare would describe every message in one request and hold the core's thread for
 * seconds. Messages the index decides cost nothing of it.
 */
export const textScanBudget = 20_000;

/**
 * How many messages found in the text index a page reads by their record IDs (then sorts and
 * describes): `list`. Up to `lookup`, the page reads in its own order and describes only the
 * messages in what the index found (a shared string such as a package ID's digits makes many).
 * Past that the words are common: the page describes each message in its order (within
 * textScanBudget), which fills a page soon.
 */
export const textCandidates = { list: 5_000, lookup: 20_000 } as const;

/** The FTS5 query for messages holding every trigram of one of the runs: quoted, so nothing in them is syntax (sqlite.org/fts5.html, 3.1). */
function trigramQuery(runs: readonly string[]): string {
  return runs
    .map((run) => {
      const characters = [...run];
      const trigrams = new Set(characters.slice(0, -2).map((_, i) => characters.slice(i, i + 3).join('')));
      return `(${[...trigrams].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ')})`;
    })
    .join(' OR ');
}

/**
 * How the WHERE of a text search reads (docs/status-messages.md#text-search): `sure` selects
 * messages whose kind's own text holds the words; `maybe` those the index or their kind leave
 * open, which the SQL function describes to decide. Either may be absent.
 */
interface TextMatch {
  readonly needle: string;
  /** The record IDs (JSON) that are all the search can match, when the index alone found them. */
  readonly listed?: string | null;
  readonly sure: { sql: string; parameters: unknown[] } | null;
  readonly maybe: { sql: string; parameters: unknown[] } | null;
}

/** The SQL function a text search calls: whether the description a viewer shows contains the words. */
const containsFunction = 'courier_status_contains';

/**
 * The status message store: batched inserts and keyset-paged queries that never load more than a
 * page, however many million messages the site holds (docs/status-messages.md#the-store).
 */
export class StatusMessageRepository {
  private readonly summaries: StatusSummaryRepository;
  /** A batch's rows for the text index, written together at its end (insertMany says why). */
  private pendingText: [number, string][] | null = null;
  private readonly probeRows: number;
  private readonly candidates: { readonly list: number; readonly lookup: number };

  /** `options`: sortProbeRows and textCandidates, smaller in the tests that read every way. */
  constructor(
    private readonly db: SqliteDatabase,
    options: { readonly probeRows?: number; readonly candidates?: { readonly list: number; readonly lookup: number } } = {},
  ) {
    this.probeRows = options.probeRows ?? sortProbeRows;
    this.candidates = options.candidates ?? textCandidates;
    this.summaries = new StatusSummaryRepository(db);
    // Matched inside SQLite, so a message that does not match never becomes a JavaScript row.
    db.function(containsFunction, { deterministic: true, varargs: true }, (needle, component, messageId, ...strings) => {
      let given = strings.length;
      while (given > 0 && strings[given - 1] === null) given--;
      const description = statusCatalogue.describe(String(component), Number(messageId), strings.slice(0, given).map((text) => (text === null ? '' : String(text))));
      return viewerFold(description).includes(String(needle)) ? 1 : 0;
    });
  }

  /** One message, inside the caller's transaction (a unit of work's), with its summaries; its record ID. */
  insert(record: StatusMessageRecord): number {
    // The message, its attributes and its summaries are one write, even for a caller with no transaction of its own.
    if (!this.db.inTransaction) return this.db.transaction(() => this.insert(record))();
    if (record.insertionStrings.length > maxInsertionStrings) {
      throw new Error(`A status message has at most ${maxInsertionStrings} insertion strings (${record.insertionStrings.length} given).`);
    }
    const strings = insertionColumns.map((_, i) => record.insertionStrings[i] ?? null);
    const { lastInsertRowid } = prepared(this.db, insertMessageSql).run(
      record.messageId,
      statusSeverityValues[record.severity],
      statusMessageTypeValues[record.type],
      record.moduleName,
      record.component,
      record.siteCode,
      record.machine,
      record.time,
      record.processId,
      record.threadId,
      record.win32Error ?? null,
      ...strings,
    );
    const recordId = Number(lastInsertRowid);
    const attribute = prepared(this.db, insertAttributeSql);
    for (const [id, value] of record.attributes) attribute.run(recordId, id, value, record.time);
    // The text index and the kinds a search plans with, in the same transaction as the message.
    if (record.insertionStrings.length > 0) {
      const text = searchFold(record.insertionStrings.join(stringSeparator));
      if (this.pendingText) this.pendingText.push([recordId, text]);
      else prepared(this.db, insertTextSql).run(recordId, text);
    }
    prepared(this.db, insertKeySql).run(record.component, record.messageId);
    // Every path that stores a message comes through here (a unit of work, the management
    // point's upload), so the summaries follow every message in its own transaction.
    this.summaries.record(record);
    return recordId;
  }

  /** Many messages in one transaction (or the caller's, when inside one); their record IDs in order. */
  insertMany(records: readonly StatusMessageRecord[]): number[] {
    return this.db.transaction(() => this.batch(() => records.map((record) => this.insert(record))))();
  }

  /**
   * Runs `work`, which stores several messages in the caller's transaction (an upload's), with
   * their rows for the text index written together after it. FTS5 writes what it holds to a new
   * segment whenever a statement opens a statement journal (a summary's upsert does), so an
   * index row between each message's statements would make a segment a message, and merging
   * them cost a stored message six times what the index itself does (npm run bench:status).
   */
  batch<T>(work: () => T): T {
    if (this.pendingText) return work();
    this.pendingText = [];
    try {
      const result = work();
      const text = prepared(this.db, insertTextSql);
      for (const [recordId, strings] of this.pendingText) text.run(recordId, strings);
      return result;
    } finally {
      this.pendingText = null;
    }
  }

  /**
   * One page in the filter's order, reading at most `limit + 1` messages through an index. With
   * a text filter it reads at most `textScanBudget` messages: a page that reached the budget
   * may hold fewer than `limit` (none, even) and still have a next one, which goes on from the
   * last message read.
   */
  query(filter: StatusMessageFilter, scanBudget = textScanBudget): StatusMessagePage {
    const column = this.sortOf(filter).column;
    let rows: MessageRow[];
    let resumeAt: StatusKey | null = null;
    const text = filter.text === undefined ? 'all' : this.textMatch(filter.text);
    if (text === 'none') return { messages: [], next: null, first: null, last: null };
    if (text === 'all') {
      const { sql, parameters } = this.pageSql(filter.text === undefined ? filter : { ...filter, text: undefined });
      rows = this.db.prepare(sql).all(...parameters) as MessageRow[];
    } else {
      // Keys and a match flag (2 sure, 1 described and found, 0 described and not), read one by
      // one until the page is full or the budget is spent; then the matching messages whole.
      const { sql, parameters } = this.pageSql(filter, text);
      const hits: number[] = [];
      let read = 0;
      for (const [time, recordId, hit, value] of this.db.prepare(sql).raw().iterate(...parameters) as IterableIterator<[number, number, number, number | string | null]>) {
        // A message its kind makes sure of (2) is not described, so it costs the budget nothing.
        if (hit !== 2) read++;
        if (hit !== 0) hits.push(recordId);
        if (hits.length > filter.limit) break;
        if (read >= scanBudget) {
          // Leaving the loop resets the statement; the next page starts after this message.
          resumeAt = { value, time, recordId };
          break;
        }
      }
      rows = this.rowsOf(hits);
    }
    const more = rows.length > filter.limit;
    const page = more ? rows.slice(0, filter.limit) : rows;
    const attributes = this.attributesOf(page.map((row) => row.record_id));
    const messages = page.map((row) => this.messageOf(row, attributes.get(row.record_id) ?? []));
    const keyOf = (row: MessageRow | undefined): StatusKey | null => (row ? { value: sortValueOf(row, column), time: row.time, recordId: row.record_id } : null);
    const last = keyOf(page.at(-1));
    return { messages, next: more && last ? last : resumeAt, first: keyOf(page[0]), last };
  }

  get(recordId: number): StoredStatusMessage | null {
    const row = prepared(this.db, `SELECT ${messageColumns.join(', ')} FROM status_messages WHERE record_id = ?`).get(recordId) as MessageRow | undefined;
    return row ? this.messageOf(row, this.attributesOf([recordId]).get(recordId) ?? []) : null;
  }

  count(): number {
    return (prepared(this.db, 'SELECT count(*) AS n FROM status_messages').get() as { n: number }).n;
  }

  hasOlderThan(beforeMs: number): boolean {
    return prepared(this.db, 'SELECT 1 FROM status_messages WHERE time < ? LIMIT 1').get(beforeMs) !== undefined;
  }

  /**
   * Deletes messages older than `beforeMs` (with their attributes), `batch` at a time, each batch
   * its own transaction, so a million aged messages never hold the site's write lock for long.
   */
  deleteOlderThan(beforeMs: number, batch = 5000): number {
    const oldest = 'SELECT record_id FROM status_messages WHERE time < ? ORDER BY time, record_id LIMIT ?';
    // Their strings leave the text index first, by the same rows, in the same transaction.
    const text = prepared(this.db, `DELETE FROM status_message_text WHERE rowid IN (${oldest})`);
    const statement = prepared(this.db, `DELETE FROM status_messages WHERE record_id IN (${oldest})`);
    let deleted = 0;
    for (;;) {
      const { changes } = this.db.transaction(() => {
        text.run(beforeMs, batch);
        return statement.run(beforeMs, batch);
      })();
      deleted += changes;
      if (changes < batch) return deleted;
    }
  }

  /** The query plan of a page, for the benchmark and the tests of the indexes. */
  explain(filter: StatusMessageFilter): string[] {
    const text = filter.text === undefined ? 'all' : this.textMatch(filter.text);
    if (text === 'none') return ['nothing can match: no message kind holds the words and the text index finds none'];
    const { sql, parameters } = text === 'all' ? this.pageSql({ ...filter, text: undefined }) : this.pageSql(filter, text);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail);
  }

  /**
   * How many messages the filter selects in each bucket of `bucketMs` from `since` to `until`
   * (inclusive), by severity: one grouped read through the same indexes a page uses, never a
   * message row in JavaScript. Buckets count from `origin`, which the caller aligns; only buckets
   * with messages are returned, oldest first. A text filter matches inside SQLite, reading
   * every message of the period the other filters leave.
   */
  histogram(filter: StatusHistogramFilter): StatusHistogramRow[] {
    if (!(filter.bucketMs > 0) || filter.until < filter.since || filter.origin > filter.since) return [];
    const { sql, parameters } = this.histogramSql(filter);
    const rows = this.db.prepare(sql).all(...parameters) as { bucket: number; severity: number; n: number }[];
    return rows.map((row) => ({ start: filter.origin + row.bucket * filter.bucketMs, severity: severityOf.get(row.severity) ?? 'info', count: row.n }));
  }

  /** The query plan of a histogram, for the tests of the indexes. */
  explainHistogram(filter: StatusHistogramFilter): string[] {
    const { sql, parameters } = this.histogramSql(filter);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail);
  }

  private histogramSql(filter: StatusHistogramFilter): { sql: string; parameters: unknown[] } {
    const { from, t, where, parameters } = this.filterSql({ ...filter, order: 'oldest', limit: 0 });
    const text = filter.text === undefined ? 'all' : this.textMatch(filter.text);
    if (text === 'none') where.push('0');
    else if (text !== 'all') {
      const { sql, parameters: textParameters } = this.textPredicate(text);
      where.push(sql);
      parameters.push(...textParameters);
    }
    // Numbers are bound as REAL; as integers, the division is the bucket's number (time >= origin, so it floors).
    const sql =
      `SELECT (${t}.time - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS bucket, m.severity AS severity, count(*) AS n FROM ${from}` +
      ` WHERE ${where.join(' AND ')} GROUP BY bucket, m.severity ORDER BY bucket, m.severity`;
    return { sql, parameters: [filter.origin, filter.bucketMs, ...parameters] };
  }

  /** The sort a filter pages in: its own, or the time in its order's direction. */
  private sortOf(filter: StatusMessageFilter): StatusSort {
    return filter.sort ?? { column: 'time', direction: filter.order === 'oldest' ? 'asc' : 'desc' };
  }

  /** A page's SQL; with `text`, the keys, match flag and sort value of a text search instead of whole rows. */
  private pageSql(filter: StatusMessageFilter, text?: TextMatch): { sql: string; parameters: unknown[] } {
    const { from: filtered, t, where, parameters: filterParameters } = this.filterSql(filter);
    const sort = this.sortOf(filter);
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const key = sort.column === 'time' ? null : sortKeys[sort.column];
    const parameters: unknown[] = [];
    let columns = messageColumns.map((c) => `m.${c}`).join(', ');
    let from = filtered;
    if (text) {
      const flag = this.textFlag(text);
      columns = `${t}.time, ${t}.record_id, ${flag.sql}, ${key === null ? 'NULL' : key.sql}`;
      parameters.push(...flag.parameters);
      if (text.listed) {
        // The few messages the index found drive the read (CROSS JOIN keeps them first); the sort is theirs alone.
        from = `json_each(?) j CROSS JOIN ${filtered}`;
        parameters.push(text.listed);
        where.push(`${t}.record_id = j.value`);
      } else {
        const { sql: matchSql, parameters: matchParameters } = this.textCandidates(text);
        where.push(matchSql);
        filterParameters.push(...matchParameters);
      }
    }
    // An attribute drives through its own index (a package's messages, sorted), unless the probe
    // finds few; the few messages a text search listed are read by record ID and sorted.
    const along = key !== null && t === 'm' && !text?.listed && this.leavesMany(from, where, filterParameters);
    const source = along ? from.replace(/^status_messages m\b/, `status_messages m INDEXED BY ${key.index}`) : from;
    parameters.push(...filterParameters);
    const sql =
      `SELECT ${columns} FROM ${source}` +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ` ORDER BY ${key === null ? '' : `${key.sql}${key.text ? ' COLLATE NOCASE' : ''} ${direction}, `}${t}.time ${direction}, ${t}.record_id ${direction}` +
      // A text search is read row by row and stops itself (query); every other page is a LIMIT.
      (filter.text === undefined ? ' LIMIT ?' : '');
    if (filter.text === undefined) parameters.push(filter.limit + 1);
    return { sql, parameters };
  }

  /** Whether the filters (the cursor's bound included) leave at least probeRows messages. */
  private leavesMany(from: string, where: readonly string[], parameters: readonly unknown[]): boolean {
    if (where.length === 0) return true;
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where.join(' AND ')} LIMIT ?)`;
    return (this.db.prepare(sql).get(...parameters, this.probeRows) as { n: number }).n >= this.probeRows;
  }

  /**
   * What a text search reads instead of describing every message: the kinds whose text holds
   * the words, and the messages the text index finds (planTextSearch says which and why). 'all'
   * when the words are empty (every description holds them), 'none' when nothing can match.
   */
  private textMatch(text: string): TextMatch | 'all' | 'none' {
    const needle = viewerFold(text);
    if (needle === '') return 'all';
    const keys = (prepared(this.db, 'SELECT component, message_id FROM status_message_keys').raw().all() as [string, number][]).map(
      ([component, messageId]): MessageKey => ({ component, messageId }),
    );
    let plan = planTextSearch(statusCatalogue, keys, text);
    let found: number[] = [];
    if (!plan.everything && plan.phrases.length > 0) {
      found = (prepared(this.db, 'SELECT rowid FROM status_message_text WHERE status_message_text MATCH ? LIMIT ?').raw().all(trigramQuery(plan.phrases), this.candidates.lookup + 1) as [number][]).map(
        ([recordId]) => recordId,
      );
      // Common words: describing the page's messages in order finds a page sooner than the index's list.
      if (found.length > this.candidates.lookup) plan = { ...plan, everything: true };
    }
    const keyList = (list: readonly MessageKey[]) => JSON.stringify(list.map((key) => [key.component, key.messageId]));
    const inKeys = '(m.component, m.message_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))';
    const sure = plan.sure.length > 0 ? { sql: inKeys, parameters: [keyList(plan.sure)] } : null;
    if (plan.everything) return { needle, sure, maybe: { sql: '1', parameters: [] } };
    const maybe: string[] = [];
    const parameters: unknown[] = [];
    if (plan.verify.length > 0) {
      maybe.push(inKeys);
      parameters.push(keyList(plan.verify));
    }
    for (const { key, column, maxLength } of plan.short) {
      maybe.push(`(m.component = ? AND m.message_id = ? AND coalesce(length(m.${insertionColumns[column]}), 0) <= ?)`);
      parameters.push(key.component, key.messageId, maxLength);
    }
    if (found.length > 0) {
      // Looked up while the page reads in its own order: + keeps the planner from reading the list and sorting it all.
      maybe.push('+m.record_id IN (SELECT value FROM json_each(?))');
      parameters.push(JSON.stringify(found));
    }
    if (!sure && maybe.length === 0) return 'none';
    // Only what the index found: the page reads those messages by record ID, not the period's in order.
    const listed = !sure && plan.verify.length === 0 && plan.short.length === 0 && found.length <= this.candidates.list ? JSON.stringify(found) : null;
    return { needle, sure, maybe: maybe.length > 0 ? { sql: `(${maybe.join(' OR ')})`, parameters } : null, listed };
  }

  /** The messages a text search reads: those it is sure of and those it must describe. */
  private textCandidates(text: TextMatch): { sql: string; parameters: unknown[] } {
    const parts = [text.sure, text.maybe].filter((part) => part !== null);
    return { sql: `(${parts.map((part) => part.sql).join(' OR ')})`, parameters: parts.flatMap((part) => part.parameters) };
  }

  /** A read message's flag: 2 when its kind makes it sure, else whether its description holds the words. */
  private textFlag(text: TextMatch): { sql: string; parameters: unknown[] } {
    const contains = `${containsFunction}(?, m.component, m.message_id, ${insertionColumns.map((c) => `m.${c}`).join(', ')})`;
    if (!text.sure) return { sql: contains, parameters: [text.needle] };
    return { sql: `CASE WHEN ${text.sure.sql} THEN 2 ELSE ${contains} END`, parameters: [...text.sure.parameters, text.needle] };
  }

  /** The whole text condition, for a count: sure, or open and described to hold the words. */
  private textPredicate(text: TextMatch): { sql: string; parameters: unknown[] } {
    const contains = `${containsFunction}(?, m.component, m.message_id, ${insertionColumns.map((c) => `m.${c}`).join(', ')}) = 1`;
    const parts: string[] = [];
    const parameters: unknown[] = [];
    if (text.sure) {
      parts.push(text.sure.sql);
      parameters.push(...text.sure.parameters);
    }
    if (text.maybe) {
      parts.push(`(${text.maybe.sql} AND ${contains})`);
      parameters.push(...text.maybe.parameters, text.needle);
    }
    return { sql: `(${parts.join(' OR ')})`, parameters };
  }

  /** The FROM and WHERE of every filter but the text; `t` is the table whose time drives the read. */
  private filterSql(filter: StatusMessageFilter): { from: string; t: string; where: string[]; parameters: unknown[] } {
    const where: string[] = [];
    const parameters: unknown[] = [];
    const [driving, ...others] = filter.attributes ?? [];
    // The first attribute drives the query through its index (value, time); CROSS JOIN keeps
    // SQLite from reordering the join away from it.
    const t = driving ? 'a' : 'm';
    const from = driving
      ? 'status_message_attributes a CROSS JOIN status_messages m ON m.record_id = a.record_id'
      : 'status_messages m';
    if (driving) {
      where.push('a.attribute_id = ?', 'a.attribute_value = ? COLLATE NOCASE');
      parameters.push(driving.id, driving.value);
    }
    for (const other of others) {
      where.push(
        'EXISTS (SELECT 1 FROM status_message_attributes x WHERE x.record_id = m.record_id AND x.attribute_id = ? AND x.attribute_value = ? COLLATE NOCASE)',
      );
      parameters.push(other.id, other.value);
    }
    if (filter.since !== undefined) {
      where.push(`${t}.time >= ?`);
      parameters.push(filter.since);
    }
    if (filter.until !== undefined) {
      where.push(`${t}.time <= ?`);
      parameters.push(filter.until);
    }
    if (filter.before !== undefined) {
      where.push(`${t}.time < ?`);
      parameters.push(filter.before);
    }
    if (filter.afterRecordId !== undefined) {
      // On the driving table: the attribute index holds the record ID, so no message row is read to check it.
      where.push(`${t}.record_id > ?`);
      parameters.push(filter.afterRecordId);
    }
    if (filter.after) {
      const sort = this.sortOf(filter);
      const past = sort.direction === 'desc' ? '<' : '>';
      if (sort.column === 'time') {
        where.push(`(${t}.time, ${t}.record_id) ${past} (?, ?)`);
        parameters.push(filter.after.time, filter.after.recordId);
      } else {
        // The key's own column first (its collation on the bound value), so the index range starts at the cursor.
        const key = sortKeys[sort.column];
        where.push(`(${key.sql}, ${t}.time, ${t}.record_id) ${past} (?${key.text ? ' COLLATE NOCASE' : ''}, ?, ?)`);
        parameters.push(filter.after.value ?? (key.text ? '' : 0), filter.after.time, filter.after.recordId);
      }
    }
    if (filter.component !== undefined) {
      where.push('m.component = ? COLLATE NOCASE');
      parameters.push(filter.component);
    }
    if (filter.messageIds !== undefined && filter.messageIds.length > 0) {
      where.push(`m.message_id IN (${filter.messageIds.map(() => '?').join(', ')})`);
      parameters.push(...filter.messageIds);
    }
    if (filter.severity !== undefined) {
      where.push('m.severity = ?');
      parameters.push(statusSeverityValues[filter.severity]);
    }
    if (filter.machine !== undefined) {
      where.push('m.machine_name = ? COLLATE NOCASE');
      parameters.push(filter.machine);
    }
    if (filter.siteCode !== undefined) {
      where.push('m.site_code = ? COLLATE NOCASE');
      parameters.push(filter.siteCode);
    }
    return { from, t, where, parameters };
  }

  /** Whole rows of these messages, in the order given. */
  private rowsOf(recordIds: readonly number[]): MessageRow[] {
    if (recordIds.length === 0) return [];
    const found = prepared(
      this.db,
      `SELECT ${messageColumns.join(', ')} FROM status_messages WHERE record_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(recordIds)) as MessageRow[];
    const byId = new Map(found.map((row) => [row.record_id, row]));
    return recordIds.flatMap((id) => byId.get(id) ?? []);
  }

  private attributesOf(recordIds: readonly number[]): Map<number, [number, string][]> {
    const byRecord = new Map<number, [number, string][]>();
    if (recordIds.length === 0) return byRecord;
    const rows = prepared(
      this.db,
      'SELECT record_id, attribute_id, attribute_value FROM status_message_attributes WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY record_id, attribute_id',
    ).all(JSON.stringify(recordIds)) as { record_id: number; attribute_id: number; attribute_value: string }[];
    for (const row of rows) {
      const list = byRecord.get(row.record_id) ?? [];
      list.push([row.attribute_id, row.attribute_value]);
      byRecord.set(row.record_id, list);
    }
    return byRecord;
  }

  /** The insertion strings given: trailing ones never given are not part of the message. */
  private stringsOf(row: MessageRow): string[] {
    const strings = insertionColumns.map((column) => row[column as `ins_string_${number}`] ?? null);
    let given = strings.length;
    while (given > 0 && strings[given - 1] === null) given--;
    return strings.slice(0, given).map((text) => text ?? '');
  }

  private messageOf(row: MessageRow, attributes: readonly (readonly [number, string])[]): StoredStatusMessage {
    return {
      recordId: row.record_id,
      messageId: row.message_id,
      severity: severityOf.get(row.severity) ?? 'info',
      type: typeOf.get(row.message_type) ?? 'detail',
      moduleName: row.module_name,
      component: row.component,
      siteCode: row.site_code,
      machine: row.machine_name,
      time: row.time,
      processId: row.process_id,
      threadId: row.thread_id,
      win32Error: row.win32_error,
      insertionStrings: this.stringsOf(row),
      attributes,
    };
  }
}
