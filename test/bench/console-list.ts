// npm run bench:console [-- --packages 10000,100000 --runs N]
// For each count, fills a fresh site with that many packages, then measures how the core lists
// them (packages:list, whole packages, and packages:list-page, the console's list fields a page at
// a time, in the process and over courier serve's HTTP API) beside baselines measured
// in the same run (a bare better-sqlite3 SELECT of the same rows; JSON.stringify and JSON.parse of
// the same list, the transport's floor), and in Debian's Chromium how the console shows them:
// time to the first rows, DOM rows kept, scroll frames, sorting by Package ID.
import { chromium, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../core';
import { freshDataDir, startCourier } from '../e2e/support/courier-server';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? '') : fallback;
}

function wholeNumbers(name: string, fallback: string): number[] {
  const values = argument(name, fallback).split(',').map(Number);
  if (values.some((value) => !Number.isInteger(value) || value < 1)) throw new Error(`--${name} takes whole numbers separated by commas.`);
  return values;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const median = (values: readonly number[]): number => percentile(values, 50);
const ms = (value: number): string => `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 })} ms`;

const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Runs `work` `runs` times (after one warm-up) and gives the median wall time, and the median CPU
 * time of this process: on a machine shared with other work, the CPU time is the steadier figure
 * for work done in this process.
 */
async function timedWithCpu(runs: number, work: () => unknown): Promise<{ wall: number; cpu: number }> {
  await work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuStarted = cpuNow();
    await work();
    cpus.push(cpuNow() - cpuStarted);
    walls.push(performance.now() - started);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

async function timed(runs: number, work: () => unknown): Promise<number> {
  return (await timedWithCpu(runs, work)).wall;
}

// Packages made through packages:create, as the console makes them; the rest are copies of them.
const created = 500;

/**
 * Fills a fresh site with `count` packages. The first ones go through packages:create; 100,000
 * requests would take many minutes on a shared machine, so the rest are copies of those rows
 * (with their access accounts, and the site's package ID counter moved on), written in one
 * transaction to the same database.
 */
async function fillSite(dataDir: string, count: number): Promise<{ createMs: number }> {
  const core = createCore({ dataDir });
  const started = performance.now();
  const first = Math.min(count, created);
  for (let i = 1; i <= first; i++) {
    const result = await core.client['packages:create']({ name: `Package ${i}`, version: `${1 + (i % 9)}.0`, publisher: i % 2 ? 'Contoso' : 'Fabrikam', language: 'English' });
    if (!result.ok) throw new Error(result.error.message);
  }
  const createMs = (performance.now() - started) / first;
  const siteCode = core.site.siteCode;
  core.close();
  if (count === first) return { createMs };

  const db = new Database(join(dataDir, 'courier.db'));
  try {
    const packageColumns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('packages') as { name: string }[]).map((c) => c.name);
    const copied = packageColumns.filter((c) => !['package_id', 'name', 'version', 'publisher'].includes(c)).join(', ');
    const copyPackage = db.prepare(
      `INSERT INTO packages (package_id, name, version, publisher, ${copied}) SELECT ?, ?, ?, ?, ${copied} FROM packages WHERE package_id = ?`,
    );
    const copyAccounts = db.prepare(
      `INSERT INTO access_accounts (package_id, account_name, kind, account_type, permission, created_at, last_modified)
       SELECT ?, account_name, kind, account_type, permission, created_at, last_modified FROM access_accounts WHERE package_id = ?`,
    );
    const id = (value: number): string => `${siteCode}${value.toString(16).toUpperCase().padStart(5, '0')}`;
    const { next } = db.prepare("SELECT next_value AS next FROM id_counters WHERE kind = 'package'").get() as { next: number };
    db.transaction(() => {
      for (let i = first + 1; i <= count; i++) {
        const template = id(next - first + ((i - 1) % first));
        const packageId = id(next + i - first - 1);
        copyPackage.run(packageId, `Package ${i}`, `${1 + (i % 9)}.0`, i % 2 ? 'Contoso' : 'Fabrikam', template);
        copyAccounts.run(packageId, template);
      }
      db.prepare("UPDATE id_counters SET next_value = ? WHERE kind = 'package'").run(next + count - first);
    })();
  } finally {
    db.close();
  }
  return { createMs };
}

/** Scrolls the first scrolling element under `within` 1,500 px a frame, 120 frames, and gives each frame's time. */
function scrollFrames(page: Page, within: string): Promise<number[]> {
  return page.evaluate(async (selector) => {
    const scroller = Array.from(document.querySelectorAll<HTMLElement>(selector)).find((el) => el.scrollHeight > el.clientHeight + 100);
    if (!scroller) throw new Error(`no scrolling element in ${selector}`);
    const times: number[] = [];
    await new Promise(requestAnimationFrame);
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      scroller.scrollTop += 1500;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    scroller.scrollTop = 0;
    return times;
  }, within);
}

/**
 * The floor for scrolling in this browser: a plain HTML table of 5,000 rows of the same size and
 * text, no script, no virtualization, in a box as large as the details pane, scrolled the same
 * way. Headless Chromium paints in software here, so a frame costs something whatever the page.
 */
async function plainTableFrames(browser: Browser): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const row = (i: number): string =>
      `<tr><td>Package ${i}</td><td>${1 + (i % 9)}.0</td><td>English</td><td>Contoso</td><td>A01${i.toString(16).toUpperCase().padStart(5, '0')}</td><td>1</td><td>12/2/2026 1:20 AM</td><td></td></tr>`;
    const rows = Array.from({ length: 5000 }, (_, i) => row(i + 1)).join('');
    await page.setContent(
      `<!doctype html><style>body{margin:0;font:12px 'Segoe UI',system-ui,sans-serif}#box{position:absolute;left:266px;top:104px;width:790px;height:640px;overflow:auto}` +
        `table{border-collapse:collapse;width:1150px}td{height:24px;padding:0 8px;white-space:nowrap}</style><div id="box"><table>${rows}</table></div>`,
    );
    return await scrollFrames(page, '#box');
  } finally {
    await page.close();
  }
}

async function measure(browser: Browser, count: number, runs: number): Promise<string[][]> {
  const dataDir = freshDataDir();
  try {
    const { createMs } = await fillSite(dataDir, count);

    // Baselines: the bare SELECT the list needs, and a JSON round trip of the same list.
    const db = new Database(join(dataDir, 'courier.db'), { readonly: true });
    // Read as arrays (raw), the cheapest way better-sqlite3 gives rows.
    const select = await timedWithCpu(runs, () => db.prepare('SELECT * FROM packages ORDER BY package_id').raw().all());
    const selectMs = select.wall;
    const listColumns = 'package_id, name, version, language, publisher, source_version, last_modified, comment';
    const selectList = await timedWithCpu(runs, () => db.prepare(`SELECT ${listColumns} FROM packages ORDER BY name COLLATE NOCASE, package_id`).raw().all());
    db.close();
    const core = createCore({ dataDir });
    // The list first, while the heap holds nothing else: 85 MB of JSON kept alive would make the
    // collector's work, not the list's, the figure.
    const list = await timedWithCpu(runs, () => core.client['packages:list']({}));
    const listMs = list.wall;
    const listed = await core.client['packages:list']({});
    // What the console reads: the first screen, then the rest after it.
    const firstPage = await timedWithCpu(runs, () => core.client['packages:list-page']({ limit: 200 }));
    const wholePage = await timedWithCpu(runs, async () => {
      const first = await core.client['packages:list-page']({ limit: 200 });
      if (!first.ok) throw new Error(first.error.message);
      if (first.value.next === null) return;
      const rest = await core.client['packages:list-page']({ after: first.value.next });
      if (!rest.ok || first.value.rows.length + rest.value.rows.length !== count) throw new Error('packages:list-page did not return every package');
    });
    core.close();
    if (!listed.ok || listed.value.length !== count) throw new Error('packages:list did not return every package');
    const json = JSON.stringify(listed.value);
    const stringify = await timedWithCpu(runs, () => JSON.stringify(listed.value));
    const parse = await timedWithCpu(runs, () => JSON.parse(json));
    const stringifyMs = stringify.wall;
    const parseMs = parse.wall;

    const server = await startCourier(dataDir);
    try {
      const httpMs = await timed(runs, async () => {
        const response = await fetch(`${server.origin}/api/packages:list`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        const body = (await response.json()) as { ok: boolean; value?: unknown[] };
        if (!body.ok || body.value?.length !== count) throw new Error('POST /api/packages:list did not return every package');
      });

      const listPage = async (request: object): Promise<{ rows: unknown[]; next: object | null }> => {
        const response = await fetch(`${server.origin}/api/packages:list-page`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(request),
        });
        const body = (await response.json()) as { ok: boolean; value?: { rows: unknown[]; next: object | null } };
        if (!body.ok || !body.value) throw new Error('POST /api/packages:list-page failed');
        return body.value;
      };
      const httpFirstMs = await timed(runs, () => listPage({ limit: 200 }));
      const httpWholeMs = await timed(runs, async () => {
        const first = await listPage({ limit: 200 });
        const rest = first.next === null ? { rows: [] } : await listPage({ after: first.next });
        if (first.rows.length + rest.rows.length !== count) throw new Error('POST /api/packages:list-page did not return every package');
      });

      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(server.url);
      await page.getByRole('treeitem', { name: /^Packages$/ }).waitFor();
      const clicked = performance.now();
      await page.getByRole('treeitem', { name: /^Packages$/ }).click();
      const grid = page.getByRole('grid', { name: 'Packages' });
      await grid.getByRole('row', { name: /Package 1\b/ }).first().waitFor();
      const firstRowsMs = performance.now() - clicked;
      // Every package in the grid (its row count is the packages and the header).
      await page.locator(`[role="grid"][aria-rowcount="${count + 1}"]`).waitFor();
      const allRowsMs = performance.now() - clicked;
      const domRows = await grid.getByRole('row').count();

      // Scroll the list 1,500 px a frame, as a fast wheel or dragged thumb does, and time the frames.
      const frames = await scrollFrames(page, '[role="grid"] *');
      // Taken right after, so both see the same machine.
      const floor = await plainTableFrames(browser);

      // Sort by Package ID: the click until the first ID of the site is row 1.
      const sortClicked = performance.now();
      await grid.getByRole('columnheader', { name: 'Package ID' }).getByRole('button').click();
      await grid.locator('[aria-rowindex="2"]').getByText(/^[A-Z0-9]{3}00001$/).waitFor();
      const sortMs = performance.now() - sortClicked;
      await page.close();

      const perRow = (value: number): string => `${((value / count) * 1000).toFixed(1)} µs a package`;
      return [
        [`packages`, count.toLocaleString('en-US')],
        ['packages:create (one request each)', `${ms(createMs)} a package`],
        ['baseline: bare SELECT * (better-sqlite3, raw)', `${ms(selectMs)} (CPU ${ms(select.cpu)})`],
        ['baseline: JSON.stringify + JSON.parse', `${ms(stringifyMs + parseMs)} (CPU ${ms(stringify.cpu + parse.cpu)}; ${(json.length / 1e6).toFixed(1)} MB)`],
        ['packages:list in the process', `${ms(listMs)} (${perRow(listMs)}; ${(listMs / selectMs).toFixed(2)} × the SELECT)`],
        ['packages:list in the process, CPU', `${ms(list.cpu)} (${(list.cpu / select.cpu).toFixed(2)} × the SELECT's CPU)`],
        ['POST /api/packages:list, parsed', `${ms(httpMs)} (${(httpMs / (selectMs + stringifyMs + parseMs)).toFixed(2)} × SELECT + JSON)`],
        ['baseline: bare SELECT of the 8 list columns, by name', `${ms(selectList.wall)} (CPU ${ms(selectList.cpu)})`],
        ['packages:list-page, first 200, in the process', `${ms(firstPage.wall)} (CPU ${ms(firstPage.cpu)})`],
        ['packages:list-page, first 200 + the rest, in the process', `${ms(wholePage.wall)} (CPU ${ms(wholePage.cpu)}; ${(wholePage.wall / selectList.wall).toFixed(2)} × the SELECT)`],
        ['POST /api/packages:list-page, first 200, parsed', ms(httpFirstMs)],
        ['POST /api/packages:list-page, first 200 + the rest, parsed', ms(httpWholeMs)],
        ['console: click Packages → first rows', ms(firstRowsMs)],
        ['console: click Packages → every package in the grid', ms(allRowsMs)],
        ['grid rows in the DOM', `${domRows} (${((domRows / count) * 100).toFixed(2)} % of the packages)`],
        ['baseline: plain 5,000-row table, scroll frame median / p95', `${ms(median(floor))} / ${ms(percentile(floor, 95))}`],
        ['scroll frame, median', `${ms(median(frames))} (${(median(frames) / median(floor)).toFixed(2)} × the plain table's)`],
        ['scroll frame, p95', `${ms(percentile(frames, 95))} (${(percentile(frames, 95) / percentile(floor, 95)).toFixed(2)} × the plain table's)`],
        ['frames over 16.7 ms', `${frames.filter((t) => t > 16.7).length} of ${frames.length}`],
        ['sort by Package ID → first row', ms(sortMs)],
      ];
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const counts = wholeNumbers('packages', '10000,100000');
const [runs = 5] = wholeNumbers('runs', '5');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const tables: string[][][] = [];
  for (const count of counts) tables.push(await measure(browser, count, runs));
  const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const labels = tables[0]?.map(([label]) => label ?? '') ?? [];
  const width = Math.max(...labels.map((label) => label.length));
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after; medians of ${runs} runs`);
  labels.forEach((label, row) => console.log(`${label.padEnd(width)}  ${tables.map((table) => (table[row]?.[1] ?? '').padEnd(52)).join('  ').trimEnd()}`));
} finally {
  await browser.close();
}
