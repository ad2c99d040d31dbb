// npm run bench:console [-- --packages N]
// Fills a fresh site with N packages (default 10,000), then measures in Debian's Chromium how the
// console lists them: the core's packages:list, time to the first rows, DOM rows kept, scroll frames.
import { chromium } from '@playwright/test';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../core';
import { freshDataDir, startCourier } from '../e2e/support/courier-server';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number.`);
  return value;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const count = argument('packages', 10_000);
const dataDir = freshDataDir();

const core = createCore({ dataDir });
let started = performance.now();
for (let i = 1; i <= count; i++) {
  const result = await core.client['packages:create']({ name: `Package ${i}`, version: `${1 + (i % 9)}.0`, publisher: i % 2 ? 'Contoso' : 'Fabrikam', language: 'English' });
  if (!result.ok) throw new Error(result.error.message);
}
const createMs = performance.now() - started;
started = performance.now();
const listed = await core.client['packages:list']({});
const listMs = performance.now() - started;
if (!listed.ok || listed.value.length !== count) throw new Error('packages:list did not return every package');
core.close();

const server = await startCourier(dataDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.getByRole('treeitem', { name: /^Packages$/ }).waitFor();
  started = performance.now();
  await page.getByRole('treeitem', { name: /^Packages$/ }).click();
  const grid = page.getByRole('grid', { name: 'Packages' });
  await grid.getByRole('row', { name: /Package 1\b/ }).first().waitFor();
  const firstRowsMs = performance.now() - started;
  const domRows = await grid.getByRole('row').count();

  // Scroll the list 1,500 px a frame, as a fast wheel or dragged thumb does, and time the frames.
  const frames = await page.evaluate(async () => {
    const scroller = Array.from(document.querySelectorAll<HTMLElement>('[role="grid"] *')).find((el) => el.scrollHeight > el.clientHeight + 100);
    if (!scroller) throw new Error('no scrolling element in the grid');
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      scroller.scrollTop += 1500;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  });

  const rows = [
    ['packages', String(count)],
    ['create (core, one request each)', `${createMs.toFixed(0)} ms (${((createMs / count) * 1000).toFixed(0)} µs per package)`],
    ['packages:list (core)', `${listMs.toFixed(0)} ms`],
    ['console: click Packages → first rows', `${firstRowsMs.toFixed(0)} ms`],
    ['grid rows in the DOM', `${domRows} (${((domRows / count) * 100).toFixed(2)} % of the packages)`],
    ['scroll frame, median', `${percentile(frames, 50).toFixed(1)} ms`],
    ['scroll frame, p95', `${percentile(frames, 95).toFixed(1)} ms`],
    ['frames over 50 ms', `${frames.filter((t) => t > 50).length} of ${frames.length}`],
  ];
  const width = Math.max(...rows.map(([label]) => label!.length));
  for (const [label, value] of rows) console.log(`${label!.padEnd(width)}  ${value}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
