import { expect, test, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PackageDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { courierJson } from './support/courier-cli';
import { freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

function folder(...parts: string[]): string {
  const path = join(...parts);
  mkdirSync(path, { recursive: true });
  return path;
}

function cell(grid: Locator, row: Locator, column: string): Promise<Locator> {
  return grid
    .getByRole('columnheader', { name: column, exact: true })
    .getAttribute('aria-colindex')
    .then((index) => row.locator(`[role="gridcell"][aria-colindex="${index}"]`));
}

/** Show Messages › <choice> from a context menu already open, then Set Viewing Period by keyboard: the viewer's window. */
async function showMessages(page: Page, choice: string, hours: string): Promise<Page> {
  await page.getByRole('menuitem', { name: 'Show Messages' }).click();
  await page.getByRole('menuitem', { name: choice, exact: true }).click();
  const period = page.getByRole('dialog', { name: 'Set Viewing Period' });
  await expect(period).toBeVisible();
  await period.getByRole('radio', { name: 'Specify number of hours or days' }).check();
  await period.getByRole('textbox', { name: 'Number' }).fill(hours);
  await period.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: 'hours' }).click();
  await keepScreenshot(period, 'status-viewer-viewing-period');
  const popup = page.waitForEvent('popup');
  await period.getByRole('textbox', { name: 'Number' }).press('Enter');
  await expect(period).toBeHidden();
  const viewer = await popup;
  await viewer.waitForLoadState();
  return viewer;
}

test('an admin follows a package that failed on one DP in the Status Message Viewer', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = freshDataDir();
  const source = folder(dataDir, 'sources', 'reader');
  writeFileSync(join(source, 'setup.exe'), 'x'.repeat(2048));
  const pkg = courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Reader', '--source', source);
  courierJson(dataDir, 'dp', 'add', 'DP01', '--volume', `D=${folder(dataDir, 'volumes', 'dp01')}`);
  // DP02's volume is there when the DP is added, then becomes a file: every copy there fails.
  const broken = folder(dataDir, 'volumes', 'dp02');
  courierJson(dataDir, 'dp', 'add', 'DP02', '--volume', `D=${broken}`);
  rmdirSync(broken);
  writeFileSync(broken, 'not a folder');
  // The CLI exits non-zero when a DP did not get the package: that is the point here.
  const distributed = spawnSync(process.execPath, ['bin/courier.mjs', '--data-dir', dataDir, 'package', 'distribute', pkg.packageId, '--dp', 'DP01', '--dp', 'DP02', '--wait'], {
    cwd: resolve(import.meta.dirname, '../..'),
    encoding: 'utf8',
  });
  expect(distributed.stderr).toContain('is not on every distribution point: DP02');
  server = await startCourier(dataDir);

  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Packages$/);
  await console_.expand(/^Reader$/);
  await console_.treeItem(/^Package Status$/).first().click();
  const statusGrid = console_.details.getByRole('grid', { name: 'Package Status', exact: true });
  const dp02 = statusGrid.getByRole('row', { name: /DP02/ });
  // The donut of DP states beside the lists: its counts are its table's, DP01 installed and DP02 not.
  const donut = console_.details.getByRole('region', { name: 'Distribution points by state' });
  await expect(donut.getByRole('table', { name: 'Distribution points by state: 2 in all' })).toBeAttached();
  await expect(donut.getByRole('row', { name: 'Installed 1' })).toBeAttached();
  await expect(donut.locator('svg').first()).toBeVisible();
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(dp02).toBeVisible();
    await keepScreenshot(page, `package-status-chart-${width}x${height}`);
  }
  await dp02.click();
  // Shift+F10 opens the row's menu, as the context-menu key does.
  await page.keyboard.press('Shift+F10');
  const viewer = await showMessages(page, 'All', '6');

  // The viewer's own page, on its own URL: DP02's messages of the last 6 hours, newest first.
  expect(new URL(viewer.url()).pathname).toBe('/status-viewer.html');
  expect(new URL(viewer.url()).searchParams.get('packageId')).toBe(pkg.packageId);
  expect(new URL(viewer.url()).searchParams.get('lastHours')).toBe('6');
  await expect(viewer.getByRole('heading', { name: `All messages for package ${pkg.packageId} on DP02`, level: 1 })).toBeVisible();
  await expect(viewer).toHaveTitle(/Status Message Viewer/);
  await expect(viewer.getByText('Last 6 hours')).toBeVisible();
  const grid = viewer.getByRole('grid', { name: 'Status messages' });
  const failed = grid.getByRole('row', { name: /2328/ });
  await expect(failed).toBeVisible();
  await expect(grid.getByRole('row', { name: /SMS_DISTRIBUTION_MANAGER\s+2342\s/ })).toBeVisible();
  // Only DP02's: DP01's copy (2330 for DP01) is not among them (by its component and ID: a process ID may hold the same digits).
  await expect(grid.getByRole('row', { name: /SMS_DISTRIBUTION_MANAGER\s+2330\s/ })).toHaveCount(0);
  await expect(await cell(grid, failed, 'Severity')).toHaveText('Error');
  await expect(await cell(grid, failed, 'Component')).toHaveText('SMS_DISTRIBUTION_MANAGER');
  await expect(await cell(grid, failed, 'Site code')).toHaveText('A01');
  // The time is local in the cell, UTC in its tooltip; long text has its whole self as tooltip.
  await expect(await cell(grid, failed, 'Date / Time')).toHaveAttribute('title', /UTC$/);
  await expect(await cell(grid, failed, 'Description')).toHaveAttribute('title', /failed to copy package/);

  // Filter to errors: the site server's filter, every row an error.
  await viewer.getByRole('combobox', { name: 'Severity' }).click();
  await viewer.getByRole('option', { name: 'Error' }).click();
  await expect(grid.getByRole('row', { name: /SMS_DISTRIBUTION_MANAGER\s+2342\s/ })).toHaveCount(0);
  await expect(failed).toBeVisible();
  expect(new URL(viewer.url()).searchParams.get('severity')).toBe('error');
  const severities = await grid.locator('[role="row"][aria-rowindex] [aria-colindex="1"]').allTextContents();
  expect(severities.length).toBeGreaterThan(0);
  expect(new Set(severities.filter((text) => text !== 'Severity'))).toEqual(new Set(['Error']));
  // The chart above the grid counts the same messages, per hour over the last 6 hours.
  const errors = severities.filter((text) => text !== 'Severity').length;
  const chart = viewer.getByRole('region', { name: 'Messages per hour' });
  await expect(chart.getByRole('table', { name: `Messages per hour: ${errors} messages` })).toBeAttached();
  await expect(chart.locator('svg').first()).toBeVisible();

  // A message's details: every attribute and insertion string.
  await failed.click();
  const details = viewer.getByRole('region', { name: 'Message details' });
  await expect(details.getByRole('heading', { name: 'Message 2328 from SMS_DISTRIBUTION_MANAGER' })).toBeVisible();
  const strings = details.getByRole('region', { name: 'Insertion strings' });
  await expect(strings).toContainText('%1');
  await expect(strings).toContainText(pkg.packageId);
  await expect(strings).toContainText('ENOTDIR');
  const attributes = details.getByRole('region', { name: 'Attributes' });
  await expect(attributes).toContainText(`Package ID (400)${pkg.packageId}`);
  await expect(attributes).toContainText('Distribution point (404)["Display=\\\\DP02\\"]');

  // Show log lines: Distribution Manager's log in the log viewer, at the message's time, on its line.
  const logPopup = viewer.waitForEvent('popup');
  await details.getByRole('button', { name: 'Show log lines' }).click();
  const logPage = await logPopup;
  await logPage.waitForLoadState();
  expect(new URL(logPage.url()).pathname).toBe('/log-viewer.html');
  expect(new URL(logPage.url()).searchParams.getAll('log')).toEqual(['distmgr.log']);
  const logGrid = logPage.getByRole('grid', { name: 'distmgr.log' });
  await expect(logGrid.locator('[aria-selected="true"]')).toContainText(/2328|failed to copy/);
  await expect(logGrid.locator('[aria-selected="true"]')).toHaveAttribute('data-thread-highlight', 'true');
  await keepScreenshot(logPage, 'status-viewer-log-lines');
  await logPage.close();

  // Ctrl+C copies the selected rows as TSV.
  await viewer.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await grid.focus();
  await viewer.keyboard.press('Control+C');
  await expect(viewer.getByText('Copied 1 message as tab-separated text.')).toBeVisible();
  const copied = await viewer.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\r\n')[0]).toBe('Severity\tType\tSite code\tDate / Time (UTC)\tSystem\tComponent\tMessage ID\tDescription\tProcess ID\tThread ID');
  expect(copied).toContain('\tSMS_DISTRIBUTION_MANAGER\t2328\t');

  // Export to CSV: a download.
  const downloaded = viewer.waitForEvent('download');
  await viewer.getByRole('button', { name: 'Export' }).click();
  await viewer.getByRole('menuitem', { name: 'Comma-separated (CSV)…' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/^status-messages-.*\.csv$/);
  await expect(viewer.getByText('Exported 1 message.')).toBeVisible();
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv.startsWith('\ufeffSeverity,Type,Site code,Date / Time (UTC),System,Component,Message ID,Description,Process ID,Thread ID\r\n')).toBe(true);
  expect(csv).toContain(',SMS_DISTRIBUTION_MANAGER,2328,"Distribution Manager failed to copy package');

  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await viewer.setViewportSize({ width, height });
    await keepScreenshot(viewer, `status-viewer-${width}x${height}`);
  }

  // From the package itself, every message of the package: new ones come in while it is open.
  await console_.treeItem(/^Reader$/).click({ button: 'right' });
  const all = await showMessages(page, 'All', '2');
  const allGrid = all.getByRole('grid', { name: 'Status messages' });
  await expect(allGrid.getByRole('row', { name: /2330/ })).toBeVisible();
  await expect(allGrid.getByRole('row', { name: /DP03/ })).toHaveCount(0);
  courierJson(dataDir, 'dp', 'add', 'DP03', '--volume', `D=${folder(dataDir, 'volumes', 'dp03')}`);
  courierJson(dataDir, 'package', 'distribute', pkg.packageId, '--dp', 'DP03');
  await expect(allGrid.getByRole('row', { name: /2330.*DP03/ })).toBeVisible({ timeout: 30_000 });
  await all.setViewportSize({ width: 1024, height: 768 });
  await keepScreenshot(all, 'status-viewer-live');
  // The chart's last time on its axis has room at 1024 px: the axis is inside the chart's drawing.
  const allChart = all.getByRole('region', { name: /^Messages per hour/ });
  const axisRight = await allChart.locator('svg text').evaluateAll((texts) => Math.max(...texts.map((text) => text.getBoundingClientRect().right)));
  const svgRight = await allChart.locator('svg').first().evaluate((svg) => svg.getBoundingClientRect().right);
  expect(axisRight).toBeLessThanOrEqual(svgRight);

  // Sort by component, as in an MMC list: a click on the header, again (here by keyboard) to reverse.
  const componentHeader = allGrid.getByRole('columnheader', { name: 'Component', exact: true });
  const componentColumn = await componentHeader.getAttribute('aria-colindex');
  const shownComponents = () => allGrid.locator(`[role="row"][data-row-index] [role="gridcell"][aria-colindex="${componentColumn}"]`).allTextContents();
  const inOrder = (names: string[], direction: 'asc' | 'desc') =>
    names.every((name, i) => i === 0 || (direction === 'asc' ? names[i - 1]!.toLowerCase() <= name.toLowerCase() : names[i - 1]!.toLowerCase() >= name.toLowerCase()));
  await componentHeader.getByRole('button').click();
  await expect(componentHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(allGrid.getByRole('columnheader', { name: 'Date / Time', exact: true })).toHaveAttribute('aria-sort', 'none');
  await expect.poll(() => new URL(all.url()).searchParams.get('sort')).toBe('component:asc');
  await expect.poll(async () => inOrder(await shownComponents(), 'asc')).toBe(true);
  expect((await shownComponents()).length).toBeGreaterThan(1);
  // The chart still counts the same messages: the sort is the list's alone.
  await expect(allChart.getByText(/could not be counted/)).toHaveCount(0);
  await expect(allChart.locator('svg').first()).toBeVisible();
  await keepScreenshot(all, 'status-viewer-sorted-by-component');
  await componentHeader.getByRole('button').press('Enter');
  await expect(componentHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => new URL(all.url()).searchParams.get('sort')).toBe('component:desc');
  await expect.poll(async () => inOrder(await shownComponents(), 'desc')).toBe(true);
  // Equal components follow by time, the other way too: the order is total.
  const timeColumn = await allGrid.getByRole('columnheader', { name: 'Date / Time', exact: true }).getAttribute('aria-colindex');
  const shownTimes = async () =>
    (await allGrid.locator(`[role="row"][data-row-index] [role="gridcell"][aria-colindex="${timeColumn}"]`).evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title') ?? ''))).map((utc) => Date.parse(utc.replace(' UTC', 'Z').replace(' ', 'T')));
  await expect.poll(async () => (await shownTimes()).every((t, i, all) => i === 0 || all[i - 1]! >= t)).toBe(true);
  // By message ID: every page in that order from the site.
  const idHeader = allGrid.getByRole('columnheader', { name: 'Message ID', exact: true });
  const idColumn = await idHeader.getAttribute('aria-colindex');
  await idHeader.getByRole('button').click();
  await expect(idHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect
    .poll(async () => (await allGrid.locator(`[role="row"][data-row-index] [role="gridcell"][aria-colindex="${idColumn}"]`).allTextContents()).map(Number).every((id, i, all) => i === 0 || all[i - 1]! <= id))
    .toBe(true);
  // Date / Time again: newest first, as the viewer opened.
  await allGrid.getByRole('columnheader', { name: 'Date / Time', exact: true }).getByRole('button').click();
  await expect(allGrid.getByRole('columnheader', { name: 'Date / Time', exact: true })).toHaveAttribute('aria-sort', 'descending');
  await all.emulateMedia({ colorScheme: 'dark' });
  await allGrid.getByRole('row', { name: /2328/ }).click();
  await keepScreenshot(all, 'status-viewer-dark');
});
