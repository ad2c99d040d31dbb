// npm run bench:status [-- --rows N --batch N --queries N]
// The status message store at scale: N messages (default 1,000,000) inserted in batches through
// StatusMessageRepository, beside a bare better-sqlite3 insert of the same rows into the same
// tables without indexes, checks or foreign keys, in the same run (the ratio is the figure to
// read on a shared machine); then a page of 100 by package and time, newest first, and its next
// page, by component and severity, and by text, each timed over many runs (median and p95).
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../core/db/connection';
import { migrations } from '../../core/db/migrations';
import { migrate } from '../../core/db/migrator';
import { StatusMessageRepository, type StatusMessageFilter, type StatusMessageRecord } from '../../core/db/repositories/status-message-repository';
import { makeTempDir } from '../helpers/temp-dir';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number.`);
  return value;
}

const rows = argument('rows', 1_000_000);
const batch = argument('batch', 10_000);
const queries = argument('queries', 200);
const packages = 2000;
const start = Date.UTC(2026, 10, 24);
// A week of messages, evenly spread: about 1.65 a second at a million.
const spacingMs = Math.max(1, Math.floor((7 * 24 * 3600 * 1000) / rows));
const dp = (n: number) => `["Display=\\\\DP${String(n).padStart(2, '0')}\\"]MSWNET:["SMS_SITE=A01"]\\\\DP${String(n).padStart(2, '0')}\\`;
const packageId = (n: number) => `A01${(n + 1).toString(16).toUpperCase().padStart(5, '0')}`;
const ids = [2300, 2301, 2342, 2330, 2328, 2311];

function record(i: number): StatusMessageRecord {
  const pkg = packageId((i * 7919) % packages);
  const messageId = ids[i % ids.length]!;
  const onDp = messageId === 2342 || messageId === 2330 || messageId === 2328;
  const where = dp(i % 20);
  return {
    messageId,
    severity: messageId === 2328 ? 'error' : 'info',
    type: 'milestone',
    moduleName: 'SMS Server',
    component: 'SMS_DISTRIBUTION_MANAGER',
    siteCode: 'A01',
    machine: 'SRV01',
    time: start + i * spacingMs,
    processId: 4604,
    threadId: 5720 + (i % 3),
    insertionStrings: onDp ? [pkg, where, ...(messageId === 2328 ? ['Access is denied.'] : [])] : [`Package ${pkg}`, pkg],
    attributes: onDp ? [[400, pkg], [404, where]] : [[400, pkg]],
  };
}

function* batches(): Generator<StatusMessageRecord[]> {
  for (let first = 0; first < rows; first += batch) {
    const size = Math.min(batch, rows - first);
    yield Array.from({ length: size }, (_, k) => record(first + k));
  }
}

const dir = makeTempDir('courier-bench-status-');
const result: string[] = [];
try {
  // ---- bare better-sqlite3: the same rows, the same tables, nothing else --------------------
  const bare = new Database(join(dir.path, 'bare.db'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = NORMAL');
  bare.exec(`CREATE TABLE m (record_id INTEGER PRIMARY KEY, message_id, severity, message_type, module_name, component, site_code,
    machine_name, time, process_id, thread_id, win32_error, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10);
    CREATE TABLE a (record_id, attribute_id, attribute_value, time);`);
  const insertBare = bare.prepare('INSERT INTO m VALUES (NULL, ?, ?, 256, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertBareAttribute = bare.prepare('INSERT INTO a VALUES (?, ?, ?, ?)');
  const bareBatch = bare.transaction((records: StatusMessageRecord[]) => {
    for (const r of records) {
      const strings = Array.from({ length: 10 }, (_, k) => r.insertionStrings[k] ?? null);
      const id = Number(insertBare.run(r.messageId, r.severity === 'error' ? -1073741824 : 1073741824, r.moduleName, r.component, r.siteCode, r.machine, r.time, r.processId, r.threadId, ...strings).lastInsertRowid);
      for (const [aid, value] of r.attributes) insertBareAttribute.run(id, aid, value, r.time);
    }
  });

  // ---- the store: migration 0005's tables, indexes and checks, through the repository -------
  const db = openDatabase(join(dir.path, 'courier.db'));
  migrate(db, migrations, () => new Date());
  const store = new StatusMessageRepository(db);

  // Interleaved batch by batch, so a busy machine slows both alike.
  let bareMs = 0;
  let storeMs = 0;
  let storeCpu = 0;
  let bareCpu = 0;
  for (const records of batches()) {
    let t = performance.now();
    let c = process.cpuUsage();
    bareBatch(records);
    bareMs += performance.now() - t;
    bareCpu += cpuMs(process.cpuUsage(c));
    t = performance.now();
    c = process.cpuUsage();
    store.insertMany(records);
    storeMs += performance.now() - t;
    storeCpu += cpuMs(process.cpuUsage(c));
  }
  bare.close();
  const rate = (ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US').padStart(10)} rows/s`;
  result.push(
    `Inserting ${rows.toLocaleString('en-US')} messages in batches of ${batch.toLocaleString('en-US')} (one transaction each):`,
    `  bare better-sqlite3, no indexes   ${rate(bareMs)}   (${(bareMs / 1000).toFixed(1)} s wall, ${(bareCpu / 1000).toFixed(1)} s CPU)`,
    `  StatusMessageRepository          ${rate(storeMs)}   (${(storeMs / 1000).toFixed(1)} s wall, ${(storeCpu / 1000).toFixed(1)} s CPU)`,
    `  ratio (store / bare, wall)        ${(storeMs / bareMs).toFixed(2)}x time;  CPU ${(storeCpu / bareCpu).toFixed(2)}x`,
    '',
  );

  // ---- pages ---------------------------------------------------------------------------------
  const end = start + rows * spacingMs;
  const day = 24 * 3600 * 1000;
  const cases: [string, (n: number) => StatusMessageFilter][] = [
    ['newest 100, no filter', () => ({ order: 'newest', limit: 100 })],
    ['by package, last 3 days, newest 100', (n) => ({ order: 'newest', limit: 100, since: end - 3 * day, attributes: [{ id: 400, value: packageId((n * 31) % packages) }] })],
    ['by package + DP, whole week', (n) => ({ order: 'newest', limit: 100, attributes: [{ id: 400, value: packageId((n * 31) % packages) }, { id: 404, value: dp(n % 20) }] })],
    ['by component + severity error, 100', () => ({ order: 'newest', limit: 100, component: 'SMS_DISTRIBUTION_MANAGER', severity: 'error' })],
    ['oldest 100 since a day, by time', () => ({ order: 'oldest', limit: 100, since: end - day })],
    ['text "access is denied", 100', () => ({ order: 'newest', limit: 100, text: 'access is denied' })],
    ['text found nowhere (reads its budget)', () => ({ order: 'newest', limit: 100, text: 'no such words' })],
  ];
  result.push(`Pages (${queries} runs each, a different package each run where there is one):`);
  for (const [label, make] of cases) {
    const first: number[] = [];
    const second: number[] = [];
    let counted = 0;
    for (let n = 0; n < queries; n++) {
      const filter = make(n);
      let t = performance.now();
      const page = store.query(filter);
      first.push(performance.now() - t);
      counted += page.messages.length;
      if (page.next) {
        t = performance.now();
        store.query({ ...filter, after: page.next });
        second.push(performance.now() - t);
      }
    }
    result.push(
      `  ${label.padEnd(38)} page 1: median ${ms(percentile(first, 50))}, p95 ${ms(percentile(first, 95))}` +
        (second.length > 0 ? `;  page 2: median ${ms(percentile(second, 50))}` : '') +
        `  (${Math.round(counted / queries)} rows a page)`,
    );
    result.push(`      plan: ${store.explain(make(0)).join(' | ')}`);
  }
  db.close();
} finally {
  rmSync(dir.path, { recursive: true, force: true });
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
function ms(value: number): string {
  return `${value.toFixed(2).padStart(7)} ms`;
}

console.log(result.join('\n'));
console.log(`\n${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
