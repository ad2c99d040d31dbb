import {
  maxInsertionStrings,
  statusMessageTypeValues,
  statusSeverityValues,
  type StatusMessageType,
  type StatusSeverity,
  type StatusSort,
  type StatusSortColumn,
} from '../../api';
import { statusCatalogue } from '../../domain/status-messages';
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
      return (row.severity >> 30) & 3;
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

const severityOf = new Map(Object.entries(statusSeverityValues).map(([name, value]) => [value, name as StatusSeverity]));
const typeOf = new Map(Object.entries(statusMessageTypeValues).map(([name, value]) => [value, name as StatusMessageType]));
// An NT event message (1024) is shown as a detail: the contract names the three kinds components report.
typeOf.set(1024, 'detail');

/**
 * The most messages one page of a text search reads: the text is in no index (it is the
 * catalogue's words with the strings in place), so a search for something rare would otherwise
 * read every message in one request and hold the core's thread for seconds.
 */
export const textScanBudget = 20_000;

function fold(text: string): string {
  return text.toLowerCase();
}

/** The SQL function a text search calls: whether the description a viewer shows contains the words. */
const containsFunction = 'courier_status_contains';

/**
 * The status message store: batched inserts and keyset-paged queries that never load more than a
 * page, however many million messages the site holds (docs/status-messages.md#the-store).
 */
export class StatusMessageRepository {
  private readonly summaries: StatusSummaryRepository;

  constructor(
    private readonly db: SqliteDatabase,
    /** sortProbeRows; smaller in the tests of both ways. */
    private readonly probeRows = sortProbeRows,
  ) {
    this.summaries = new StatusSummaryRepository(db);
    // Matched inside SQLite, so a message that does not match never becomes a JavaScript row.
    db.function(containsFunction, { deterministic: true, varargs: true }, (needle, component, messageId, ...strings) => {
      let given = strings.length;
      while (given > 0 && strings[given - 1] === null) given--;
      const description = statusCatalogue.describe(String(component), Number(messageId), strings.slice(0, given).map((text) => (text === null ? '' : String(text))));
      return fold(description).includes(String(needle)) ? 1 : 0;
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
    // Every path that stores a message comes through here (a unit of work, the management
    // point's upload), so the summaries follow every message in its own transaction.
    this.summaries.record(record);
    return recordId;
  }

  /** Many messages in one transaction (or the caller's, when inside one); their record IDs in order. */
  insertMany(records: readonly StatusMessageRecord[]): number[] {
    return this.db.transaction(() => records.map((record) => this.insert(record)))();
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
    if (filter.text === undefined) {
      const { sql, parameters } = this.pageSql(filter);
      rows = this.db.prepare(sql).all(...parameters) as MessageRow[];
    } else {
      // Keys and a match flag, read one by one until the page is full or the budget is spent;
      // then the matching messages whole.
      const { sql, parameters } = this.pageSql(filter, fold(filter.text));
      const hits: number[] = [];
      let read = 0;
      for (const [time, recordId, hit, value] of this.db.prepare(sql).raw().iterate(...parameters) as IterableIterator<[number, number, number, number | string | null]>) {
        read++;
        if (hit === 1) hits.push(recordId);
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
    const statement = prepared(
      this.db,
      'DELETE FROM status_messages WHERE record_id IN (SELECT record_id FROM status_messages WHERE time < ? ORDER BY time LIMIT ?)',
    );
    let deleted = 0;
    for (;;) {
      const { changes } = this.db.transaction(() => statement.run(beforeMs, batch))();
      deleted += changes;
      if (changes < batch) return deleted;
    }
  }

  /** The query plan of a page, for the benchmark and the tests of the indexes. */
  explain(filter: StatusMessageFilter): string[] {
    const { sql, parameters } = this.pageSql(filter);
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
    if (filter.text !== undefined) {
      where.push(`${containsFunction}(?, m.component, m.message_id, ${insertionColumns.map((c) => `m.${c}`).join(', ')}) = 1`);
      parameters.push(fold(filter.text));
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

  /** A page's SQL; with `needle`, the keys and match flag of a text search instead of whole rows. */
  private pageSql(filter: StatusMessageFilter, needle?: string): { sql: string; parameters: unknown[] } {
    const { from, t, where, parameters: filterParameters } = this.filterSql(filter);
    const parameters: unknown[] = needle === undefined ? [...filterParameters] : [needle, ...filterParameters];
    const sort = this.sortOf(filter);
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const key = sort.column === 'time' ? null : sortKeys[sort.column];
    // An attribute drives through its own index (a package's messages, sorted); otherwise the probe decides.
    const along = key !== null && t === 'm' && this.leavesMany(from, where, filterParameters);
    const source = along ? from.replace(/^status_messages m\b/, `status_messages m INDEXED BY ${key.index}`) : from;
    const columns =
      needle === undefined
        ? messageColumns.map((c) => `m.${c}`).join(', ')
        : `${t}.time, ${t}.record_id, ${containsFunction}(?, m.component, m.message_id, ${insertionColumns.map((c) => `m.${c}`).join(', ')}), ${key === null ? 'NULL' : key.sql}`;
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
