import { expect, test, type Page } from '@playwright/test';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageDto } from '../../core/api';
import { formatTraceLine } from '../../core/formats/trace-log';
import { ConsolePage } from './pages/console-page';
import { courierJson } from './support/courier-cli';
import { callApi, freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** A site that copied a package to a DP, so Distribution Manager wrote distmgr.log. */
async function distributedSite(page: Page): Promise<{ server: CourierServer; logs: string }> {
  const dataDir = freshDataDir();
  const source = join(dataDir, 'sources', 'reader');
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, 'setup.exe'), 'x'.repeat(2048));
  const volume = join(dataDir, 'volumes', 'dp01', 'd');
  mkdirSync(volume, { recursive: true });
  const pkg = courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Reader', '--source', source);
  courierJson(dataDir, 'dp', 'add', 'DP01', '--volume', `D=${volume}`);
  const started = await startCourier(dataDir);
  server = started;
  await callApi(started, page.request, 'packages:distribute', { packageId: pkg.packageId, distributionPoints: ['DP01'] });
  const logs = join(dataDir, 'SMS', 'Logs');
  const distmgr = join(logs, 'distmgr.log');
  await expect.poll(() => existsSync(distmgr) && readFileSync(distmgr, 'utf8').includes(pkg.packageId), { timeout: 30_000 }).toBe(true);
  return { server: started, logs };
}

const line = (text: string, at = new Date()) => `${formatTraceLine(text, 'SMS_DISTRIBUTION_MANAGER', at, 4242)}\r\n`;

test('an admin opens distmgr.log from System Status, filters it, finds in it, and follows it through a rotation', async ({ page, context }) => {
  test.setTimeout(120_000);
  const { server: site, logs } = await distributedSite(page);
  const distmgr = join(logs, 'distmgr.log');

  const console_ = new ConsolePage(page);
  await console_.open(site.url);
  const systemStatus = console_.treeItem(/^System Status$/);
  await systemStatus.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Log Viewer…' }).click();
  const picker = page.getByRole('dialog', { name: 'Log Viewer' });
  const distmgrChoice = picker.getByRole('checkbox', { name: /^distmgr\.log/ });
  await expect(distmgrChoice).toBeVisible();
  await expect(picker.getByText(/SMS_DISTRIBUTION_MANAGER/).first()).toBeVisible();
  await distmgrChoice.check();
  await keepScreenshot(picker, 'log-viewer-picker');
  const [viewer] = await Promise.all([context.waitForEvent('page'), picker.getByRole('button', { name: 'Open' }).click()]);
  await viewer.setViewportSize({ width: 1024, height: 768 });

  const grid = viewer.getByRole('grid', { name: 'distmgr.log' });
  const records = grid.getByRole('row').filter({ has: viewer.getByRole('gridcell') });
  await expect(records.first()).toBeVisible();
  await expect(records.filter({ hasText: 'SMS_DISTRIBUTION_MANAGER' }).first()).toBeVisible();
  const total = await records.count();
  expect(total).toBeGreaterThan(1);

  // Filter: only the lines about the package.
  await viewer.getByLabel('Filter text').fill('DP01');
  await expect(viewer.getByRole('status')).toContainText(/of \d+ records/);
  for (const row of await records.all()) await expect(row).toContainText(/DP01/i);
  await viewer.getByLabel('Filter text').fill('');

  // Find: Ctrl+F, then F3 selects the matches in turn.
  appendFileSync(distmgr, line('Needle one') + line('Haystack') + line('Needle two'));
  await expect(records.filter({ hasText: 'Needle two' })).toBeVisible();
  await grid.click({ position: { x: 200, y: 40 } });
  await viewer.keyboard.press('Control+f');
  await expect(viewer.getByRole('textbox', { name: 'Find' })).toBeFocused();
  await viewer.keyboard.type('needle');
  await expect(viewer.getByRole('status')).toContainText('2 found');
  await viewer.keyboard.press('F3');
  await expect(grid.locator('[aria-selected="true"]')).toContainText('Needle one');
  await viewer.keyboard.press('F3');
  await expect(grid.locator('[aria-selected="true"]')).toContainText('Needle two');
  await expect(viewer.getByLabel('Record text')).toHaveText('Needle two');
  await expect(grid.locator('mark').first()).toBeVisible();
  await viewer.getByRole('textbox', { name: 'Find' }).fill('');

  // Follow the tail: lines written now appear at the end, scrolled into view.
  await viewer.getByRole('checkbox', { name: 'Follow' }).check();
  const burst = Array.from({ length: 60 }, (_, i) => line(`Followed line ${i + 1}`)).join('');
  appendFileSync(distmgr, burst);
  await expect(records.filter({ hasText: 'Followed line 60' })).toBeInViewport();

  // Rotation while open: the site renames the full log to .lo_ and starts a new one.
  appendFileSync(distmgr, line('Last line before the rotation'));
  renameSync(distmgr, join(logs, 'distmgr.lo_'));
  writeFileSync(distmgr, line('First line of the new log'));
  await expect(viewer.getByText(/distmgr\.log was rotated: its earlier lines are in distmgr\.lo_/)).toBeVisible();
  await expect(records.filter({ hasText: 'First line of the new log' })).toBeInViewport();
  await expect(records.filter({ hasText: 'Last line before the rotation' })).toHaveCount(1);

  // An error line is shown as CMTrace shows it.
  appendFileSync(distmgr, line('Failed to copy the package to DP02'));
  const failed = records.filter({ hasText: 'Failed to copy the package to DP02' });
  await expect(failed).toHaveAttribute('data-type', 'error');
  appendFileSync(distmgr, line('Warning: DP02 has less than 10 MB free'));
  await expect(records.filter({ hasText: 'Warning: DP02' })).toHaveAttribute('data-type', 'warning');
  await records.filter({ hasText: 'First line of the new log' }).click();

  for (const scheme of ['light', 'dark'] as const) {
    await viewer.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [
      [1024, 768],
      [1920, 1080],
    ] as const) {
      await viewer.setViewportSize({ width, height });
      await expect(failed).toBeVisible();
      await keepScreenshot(viewer, `log-viewer-${width}x${height}-${scheme}`);
    }
  }
});

test('opened around a time with a thread, it shows that record selected and the thread highlighted', async ({ page }) => {
  test.setTimeout(90_000);
  const { server: site, logs } = await distributedSite(page);
  const base = Date.parse('2026-12-03T08:00:00Z');
  const writes = Array.from({ length: 40 }, (_, i) => `${formatTraceLine(`Around line ${i + 1}`, 'SMS_OFFER_MANAGER', new Date(base + i * 60_000), i % 2 === 0 ? 100 : 200)}\r\n`);
  writeFileSync(join(logs, 'offermgr.log'), writes.join(''));
  const around = new Date(base + 20 * 60_000 + 10_000).toISOString();
  await page.goto(`${site.origin}/log-viewer.html?token=${site.token}&log=offermgr.log&log=distmgr.log&around=${around}&thread=100`);
  const grid = page.getByRole('grid', { name: 'offermgr.log, distmgr.log' });
  await expect(grid.locator('[aria-selected="true"]')).toContainText('Around line 21');
  await expect(grid.locator('[aria-selected="true"]')).toBeInViewport();
  await expect(grid.locator('[aria-selected="true"]')).toHaveAttribute('data-thread-highlight', 'true');
  await expect(grid.getByRole('columnheader', { name: 'Log', exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Follow' })).not.toBeChecked();
  await keepScreenshot(page, 'log-viewer-around-thread');
});

test('a client log opened from disk is read through logs:parse-text; a name that is not a log is refused over HTTP', async ({ page }) => {
  const dataDir = freshDataDir();
  server = await startCourier(dataDir);
  for (const name of ['../courier.db', 'SMS/Logs/distmgr.log', 'distmgr.log\u0000']) {
    const response = await page.request.post(`${server.origin}/api/logs:read`, { headers: { Authorization: `Bearer ${server.token}` }, data: { names: [name] } });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'names.0' } });
  }
  await page.goto(`${server.origin}/log-viewer.html?token=${server.token}`);
  const cmtrace = [
    '<![LOG[Execution Request for package A0100001 program Install]LOG]!><time="10:00:00.000+000" date="12-03-2026" component="execmgr" context="" type="1" thread="2248" file="execreqmgr.cpp:2310">',
    '<![LOG[Program exit code 1603\nsecond line]LOG]!><time="10:00:05.000+000" date="12-03-2026" component="execmgr" context="" type="3" thread="2248" file="execreqmgr.cpp:2400">',
  ].join('\r\n');
  await page.getByLabel('Open a log file').setInputFiles({ name: 'execmgr.log', mimeType: 'text/plain', buffer: Buffer.from(`${cmtrace}\r\n`) });
  const grid = page.getByRole('grid', { name: 'execmgr.log' });
  const failed = grid.getByRole('row').filter({ hasText: 'Program exit code 1603' });
  await expect(failed).toHaveAttribute('data-type', 'error');
  await failed.click();
  await expect(page.getByLabel('Record text')).toHaveText('Program exit code 1603\nsecond line');
});
