import { expect, test, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mpAuthorization, mpRegisterResponseSchema, type ComponentSummariesDto, type MpRegisterResponse, type MpStatusDto, type MpStatusMessage, type PackageDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { courierJson } from './support/courier-cli';
import { callApi, freshDataDir, startCourier, type CourierServer } from './support/courier-server';
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

async function cell(grid: Locator, row: Locator, column: string): Promise<Locator> {
  const index = await grid.getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-colindex');
  return row.locator(`[role="gridcell"][aria-colindex="${index}"]`);
}

/** Whether every column header shown ends inside the grid: no sideways scrolling. */
async function fitsSideways(grid: Locator): Promise<boolean> {
  const [box, rights] = await Promise.all([grid.boundingBox(), grid.getByRole('columnheader').evaluateAll((headers) => headers.map((h) => h.getBoundingClientRect().right))]);
  return box !== null && rights.length > 0 && rights.every((right) => right <= box.x + box.width + 0.5);
}

async function register(mpUrl: string, name: string): Promise<MpRegisterResponse> {
  const response = await fetch(new URL('register', mpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 6.1', platform: 'x64', ipAddresses: ['10.1.2.3'], ipSubnets: ['10.1.0.0'], loggedOnUsers: [] }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return mpRegisterResponseSchema.parse(await response.json());
}

let uid = 0;
async function report(mpUrl: string, client: MpRegisterResponse, advertisementId: string, packageId: string, messageId: number, at: string): Promise<void> {
  uid += 1;
  const message: MpStatusMessage = {
    uid: `system-status-${uid}`,
    messageId,
    severity: messageId === 10006 ? 'error' : 'info',
    time: at,
    component: 'Software Distribution',
    insertionStrings: [advertisementId, '0', '', packageId, 'Install'],
    attributes: { 400: packageId, 401: advertisementId },
  };
  const response = await fetch(new URL('status', mpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: mpAuthorization(client.resourceId, client.secret) },
    body: JSON.stringify({ messages: [message] }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** A client's message time within the viewer's last 6 hours whenever the test runs (the clients' own times are what the viewer filters by). */
function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

/** Set Viewing Period (the last 6 hours) by keyboard, after Show Messages › a choice: the viewer's window. */
async function viewingPeriod(page: Page): Promise<Page> {
  const period = page.getByRole('dialog', { name: 'Set Viewing Period' });
  await expect(period).toBeVisible();
  await period.getByRole('radio', { name: 'Specify number of hours or days' }).check();
  await period.getByRole('textbox', { name: 'Number' }).fill('6');
  await period.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: 'hours' }).click();
  const popup = page.waitForEvent('popup');
  await period.getByRole('textbox', { name: 'Number' }).press('Enter');
  await expect(period).toBeHidden();
  const viewer = await popup;
  await viewer.waitForLoadState();
  return viewer;
}

test('System Status: a failed DP makes Distribution Manager Warning or Critical by the thresholds, Reset Counts makes it OK, and Advertisement Status counts two clients', async ({ page, request }) => {
  test.setTimeout(180_000);
  const dataDir = freshDataDir();
  const source = folder(dataDir, 'sources', 'reader');
  writeFileSync(join(source, 'setup.exe'), 'x'.repeat(2048));
  const pkg = courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Reader', '--source', source);
  // DP02's volume is there when the DP is added, then becomes a file: every copy there fails.
  const broken = folder(dataDir, 'volumes', 'dp02');
  courierJson(dataDir, 'dp', 'add', 'DP02', '--volume', `D=${broken}`);
  rmdirSync(broken);
  writeFileSync(broken, 'not a folder');
  const distributed = spawnSync(process.execPath, ['bin/courier.mjs', '--data-dir', dataDir, 'package', 'distribute', pkg.packageId, '--dp', 'DP02', '--wait'], {
    cwd: resolve(import.meta.dirname, '../..'),
    encoding: 'utf8',
  });
  expect(distributed.stderr).toContain('is not on every distribution point: DP02');
  courierJson(dataDir, 'mp', 'set', '--port', '0');
  server = await startCourier(dataDir);
  let mpUrl = '';
  await expect.poll(() => (mpUrl = courierJson<{ status: MpStatusDto }>(dataDir, 'mp', 'show').status.url ?? ''), { timeout: 30_000 }).toMatch(/^http:/);

  // What the site counted for Distribution Manager: the console must show the same.
  const before = courierJson<ComponentSummariesDto>(dataDir, 'status', 'summary', 'component', 'SMS_DISTRIBUTION_MANAGER').components[0];
  if (before === undefined) throw new Error('Distribution Manager has no summary');
  expect(before.errors).toBeGreaterThan(0);
  // The default thresholds are errors 1 (Warning) and 5 (Critical).
  const expected = before.errors >= 5 ? 'Critical' : 'Warning';

  // An advertisement, and two clients that report on it over the management point's HTTP.
  await callApi(server, request, 'programs:create', { packageId: pkg.packageId, program: { name: 'Install', commandLine: 'setup.exe /q' } });
  const advertisement = (await callApi(server, request, 'advertisements:create', { advertisementName: 'Reader to everyone', packageId: pkg.packageId, programName: 'Install', collectionId: 'SMS00001' })) as { advertisementId: string };
  const adId = advertisement.advertisementId;
  const one = await register(mpUrl, 'WKS001');
  const two = await register(mpUrl, 'WKS002');
  await report(mpUrl, one, adId, pkg.packageId, 10002, minutesAgo(60));
  await report(mpUrl, one, adId, pkg.packageId, 10005, minutesAgo(59));
  await report(mpUrl, one, adId, pkg.packageId, 10008, minutesAgo(55));
  await report(mpUrl, two, adId, pkg.packageId, 10002, minutesAgo(58));

  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^System Status$/);
  await console_.treeItem(/^Component Status$/).click();
  const grid = console_.details.getByRole('grid', { name: 'Component Status', exact: true });
  const distmgr = grid.getByRole('row', { name: /SMS_DISTRIBUTION_MANAGER/ });
  await expect(await cell(grid, distmgr, 'Status')).toHaveText(expected);
  // The status icon has the status's colour, not the text's.
  const icon = (await cell(grid, distmgr, 'Status')).locator('svg');
  expect(await icon.evaluate((e) => getComputedStyle(e).color)).not.toBe(await distmgr.evaluate((e) => getComputedStyle(e).color));
  await expect(await cell(grid, distmgr, 'Errors')).toHaveText(String(before.errors));
  // At 1024 pixels the list needs no sideways scrolling.
  expect(await fitsSideways(grid)).toBe(true);
  await keepScreenshot(page, 'system-status-components-1024x768');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(grid.getByRole('columnheader', { name: 'Counts Since', exact: true })).toBeVisible();
  await expect(await cell(grid, distmgr, 'System')).toHaveText(before.machine);
  await keepScreenshot(page, 'system-status-components-1920x1080');
  await page.setViewportSize({ width: 1024, height: 768 });

  // By keyboard, as in MMC: Tab from the tree to the list, Home to the first row, Enter for its Properties.
  await console_.treeItem(/^Component Status$/).focus();
  for (let i = 0; i < 3 && !(await grid.evaluate((e) => e.contains(document.activeElement))); i++) await page.keyboard.press('Tab');
  expect(await grid.evaluate((e) => e.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Home');
  await expect(distmgr).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const properties = page.getByRole('dialog', { name: 'SMS_DISTRIBUTION_MANAGER Properties' });
  await expect(properties).toContainText(`${before.errors} (Warning at 1, Critical at 5)`);
  await expect(properties).toContainText('Never reset');
  await keepScreenshot(properties, 'system-status-component-properties');
  await page.keyboard.press('Escape');
  await expect(properties).toBeHidden();

  // Thresholds from the node's menu: critical at exactly the errors counted makes it Critical.
  await console_.treeItem(/^Component Status$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Thresholds…' }).click();
  const sheet = page.getByRole('dialog', { name: 'Component Status Thresholds' });
  const errors = sheet.getByRole('group', { name: 'Errors' });
  const critical = errors.getByRole('textbox', { name: 'Critical at' });
  await expect(critical).toHaveValue('5');
  // A level that is not a whole number from 1 up is refused in the dialog, at its field.
  await critical.fill('0');
  await expect(sheet.getByRole('button', { name: 'OK' })).toBeDisabled();
  await critical.fill(String(before.errors));
  await keepScreenshot(sheet, 'system-status-thresholds');
  await sheet.getByRole('button', { name: 'OK' }).click();
  await expect(sheet).toBeHidden();
  await expect(await cell(grid, distmgr, 'Status')).toHaveText('Critical');
  expect(courierJson<ComponentSummariesDto>(dataDir, 'status', 'summary', 'component').thresholds.error.critical).toBe(before.errors);

  // Show Messages › Error by keyboard (Shift+F10): the viewer, filtered to the component and its computer.
  await distmgr.click();
  await page.keyboard.press('Shift+F10');
  await page.getByRole('menuitem', { name: 'Show Messages' }).click();
  await page.getByRole('menuitem', { name: 'Error', exact: true }).click();
  const viewer = await viewingPeriod(page);
  const address = new URL(viewer.url());
  expect(address.pathname).toBe('/status-viewer.html');
  expect(address.searchParams.get('component')).toBe('SMS_DISTRIBUTION_MANAGER');
  expect(address.searchParams.get('machine')).toBe(before.machine);
  expect(address.searchParams.get('severity')).toBe('error');
  await expect(viewer.getByRole('heading', { name: `Error messages for SMS_DISTRIBUTION_MANAGER on ${before.machine}`, level: 1 })).toBeVisible();
  const messages = viewer.getByRole('grid', { name: 'Status messages' });
  await expect(messages.getByRole('row', { name: /2328/ }).first()).toBeVisible();
  const componentColumn = await messages.getByRole('columnheader', { name: 'Component', exact: true }).getAttribute('aria-colindex');
  const shown = await messages.locator(`[role="row"][aria-rowindex] [role="gridcell"][aria-colindex="${componentColumn}"]`).allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  expect(new Set(shown)).toEqual(new Set(['SMS_DISTRIBUTION_MANAGER']));
  await viewer.close();

  // Reset Counts on the row, confirmed: zero errors, OK.
  await distmgr.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Reset Counts' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Reset Counts' });
  await expect(confirm).toContainText('SMS_DISTRIBUTION_MANAGER');
  await keepScreenshot(confirm, 'system-status-reset-counts');
  await confirm.getByRole('button', { name: 'Reset Counts' }).click();
  await expect(confirm).toBeHidden();
  await expect(await cell(grid, distmgr, 'Status')).toHaveText('OK');
  await expect(await cell(grid, distmgr, 'Errors')).toHaveText('0');
  await keepScreenshot(page, 'system-status-components-reset-1024x768');

  // Advertisement Status: the advertisement's counts, then (Enter) its site, then its clients.
  await console_.treeItem(/^Advertisement Status$/).click();
  const ads = console_.details.getByRole('grid', { name: 'Advertisement Status', exact: true });
  const row = ads.getByRole('row', { name: /Reader to everyone/ });
  await expect(await cell(ads, row, 'Received')).toHaveText('2');
  await expect(await cell(ads, row, 'Programs Succeeded')).toHaveText('1');
  await expect(await cell(ads, row, 'Programs Failed')).toHaveText('0');
  expect(await fitsSideways(ads)).toBe(true);
  await keepScreenshot(page, 'system-status-advertisements-1024x768');
  // A client's program fails while the list is shown: it follows without F5.
  await report(mpUrl, two, adId, pkg.packageId, 10006, minutesAgo(51));
  await expect(await cell(ads, row, 'Programs Failed')).toHaveText('1');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(await cell(ads, row, 'Programs Started')).toHaveText('1');
  await expect(await cell(ads, row, 'Failures')).toHaveText('0');
  await keepScreenshot(page, 'system-status-advertisements-1920x1080');
  await page.setViewportSize({ width: 1024, height: 768 });
  await row.click();
  await page.keyboard.press('Enter');
  await expect(console_.details.getByRole('heading', { name: 'Reader to everyone', level: 1 })).toBeVisible();
  const sites = console_.details.getByRole('grid', { name: 'Reader to everyone', exact: true });
  const site = sites.getByRole('row', { name: /A01/ });
  await expect(await cell(sites, site, 'Received')).toHaveText('2');
  await expect(await cell(sites, site, 'Programs Failed')).toHaveText('1');
  expect(await fitsSideways(sites)).toBe(true);
  await keepScreenshot(page, 'system-status-advertisement-sites-1024x768');
  await site.click();
  await page.keyboard.press('Enter');
  const clients = page.getByRole('dialog', { name: 'Client Status: Reader to everyone' });
  await expect(clients.getByRole('list', { name: 'Clients by state' })).toContainText('Clients: 2');
  await expect(clients.getByRole('grid', { name: 'Clients' }).getByRole('row', { name: /WKS002/ })).toContainText('Failed');
  await page.keyboard.press('Escape');
  await expect(clients).toBeHidden();

  // Show Messages on the advertisement's site row: the viewer on attribute 401.
  await site.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show Messages' }).click();
  await page.getByRole('menuitem', { name: 'All', exact: true }).click();
  const adViewer = await viewingPeriod(page);
  expect(new URL(adViewer.url()).searchParams.get('advertisementId')).toBe(adId);
  await expect(adViewer.getByRole('grid', { name: 'Status messages' }).getByRole('row', { name: /10006/ })).toBeVisible();
  await adViewer.close();
});
