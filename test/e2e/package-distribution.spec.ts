import { expect, test, type Locator } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageDto, PackageStatusDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { courierJson } from './support/courier-cli';
import { freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** A package's source directory: three small files, 3 KB in all. */
function sourceFolder(dataDir: string): string {
  const folder = join(dataDir, 'sources', 'reader');
  mkdirSync(folder, { recursive: true });
  for (const name of ['setup.exe', 'reader.msi', 'readme.txt']) writeFileSync(join(folder, name), 'x'.repeat(1024));
  return folder;
}

/** A DP's volume D: a folder the site server reaches. */
function volume(dataDir: string, dp: string): string {
  const folder = join(dataDir, 'volumes', dp, 'd');
  mkdirSync(folder, { recursive: true });
  return folder;
}

function cell(grid: Locator, row: Locator, column: string): Promise<Locator> {
  return grid
    .getByRole('columnheader', { name: column, exact: true })
    .getAttribute('aria-colindex')
    .then((index) => row.locator(`[role="gridcell"][aria-colindex="${index}"]`));
}

test('an admin copies a package to distribution points with the wizard, updates them, and deletes one', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = freshDataDir();
  const source = sourceFolder(dataDir);
  const pkg = courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Reader', '--source', source);
  courierJson(dataDir, 'dp', 'add', 'DP01', '--volume', `D=${volume(dataDir, 'dp01')}`);
  courierJson(dataDir, 'dp', 'add', 'DP02', '--volume', `D=${volume(dataDir, 'dp02')}`);
  courierJson(dataDir, 'dp', 'add', 'DP03', '--volume', `D=${volume(dataDir, 'dp03')}`);
  courierJson(dataDir, 'dp-group', 'create', 'West', '--member', 'DP02', '--member', 'DP03');
  server = await startCourier(dataDir);

  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Packages$/);
  await console_.expand(/^Reader$/);
  const dpsNode = console_.treeItem(/^Distribution Points$/);
  await dpsNode.click();
  await expect(console_.details.getByRole('heading', { name: 'Distribution Points', level: 1 })).toBeVisible();
  await expect(console_.details.getByText(/This package is on no distribution point/)).toBeVisible();

  // Right-click Distribution Points › New Distribution Points.
  await dpsNode.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New Distribution Points' }).click();
  const wizard = page.getByRole('dialog', { name: 'New Distribution Points Wizard' });
  await expect(wizard.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await keepScreenshot(wizard, 'new-dps-welcome');
  await wizard.getByRole('button', { name: 'Next >' }).click();

  await expect(wizard.getByRole('heading', { name: 'Copy Package' })).toBeVisible();
  const list = wizard.getByRole('group', { name: 'Distribution points' });
  await expect(list.getByRole('checkbox')).toHaveCount(3);
  await expect(wizard.getByRole('button', { name: 'Next >' })).toBeDisabled();
  await list.getByRole('checkbox', { name: 'DP01 (A01)' }).check();
  await wizard.getByRole('button', { name: 'Select Group…' }).click();
  const browse = page.getByRole('dialog', { name: 'Browse Distribution Point Group' });
  await browse.getByRole('row', { name: /West/ }).click();
  await expect(browse.getByRole('region', { name: 'Members of the group' })).toContainText('DP02 and DP03');
  await keepScreenshot(browse, 'browse-dp-group');
  await browse.getByRole('button', { name: 'OK' }).click();
  await expect(browse).toBeHidden();
  await expect(list.getByRole('checkbox', { name: 'DP02 (A01)' })).toBeChecked();
  await expect(list.getByRole('checkbox', { name: 'DP03 (A01)' })).toBeChecked();
  await keepScreenshot(wizard, 'new-dps-copy-package');
  await wizard.getByRole('button', { name: 'Next >' }).click();

  await expect(wizard.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await expect(wizard.getByText(/3 distribution points: DP01, DP02 and DP03/)).toBeVisible();
  // The site server's count of the source files, before anything is sent.
  await expect(wizard.getByText(/will copy source version 1, 3 files \(3 KB\) in .*reader, to each of them: 9 KB in all/)).toBeVisible();
  await keepScreenshot(wizard, 'new-dps-summary');
  await wizard.getByRole('button', { name: 'Next >' }).click();
  await expect(wizard.getByText('The New Distribution Points Wizard completed successfully')).toBeVisible();
  // The site server's own count of what will be transferred.
  await expect(wizard.getByText(/3 files \(3 KB\), to 3 distribution points DP01, DP02, DP03: 9 KB in all/)).toBeVisible();
  await keepScreenshot(wizard, 'new-dps-confirmation');
  await wizard.getByRole('button', { name: 'Close' }).click();
  await expect(wizard).toBeHidden();

  // The rows are there with no F5: Install Pending until Distribution Manager has copied them.
  const grid = console_.details.getByRole('grid', { name: 'Distribution Points' });
  const dp02 = grid.getByRole('row', { name: /DP02/ });
  await expect(grid.getByRole('row', { name: /DP0\d/ })).toHaveCount(3);
  // The wizard's new rows are selected, as a wizard's new row is.
  await expect(grid.getByRole('row', { selected: true })).toHaveCount(3);
  await expect(await cell(grid, dp02, 'State')).toHaveText(/^(Install Pending|Installed)$/);
  await expect(await cell(grid, dp02, 'Site')).toHaveText('A01');
  await keepScreenshot(page, 'package-distribution-points');
  const status = courierJson<PackageStatusDto>(dataDir, 'package', 'status', pkg.packageId);
  expect(status.distributionPoints.map((dp) => dp.name).sort()).toEqual(['DP01', 'DP02', 'DP03']);
  for (const dp of status.distributionPoints) expect(['installPending', 'installed']).toContain(dp.state);

  // Right-click the package › Update Distribution Points: the confirmation names the DPs and the new version.
  await console_.treeItem(/^Reader$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Update Distribution Points' }).click();
  const update = page.getByRole('alertdialog', { name: 'Update Distribution Points' });
  await expect(update).toContainText('The source version goes up from 1 to 2.');
  await expect(update).toContainText('to its 3 distribution points?');
  await expect(update).toContainText('3 files (3 KB), to each of DP01, DP02 and DP03: at most 9 KB in all, less where files did not change.');
  await keepScreenshot(update, 'update-distribution-points');
  await update.getByRole('button', { name: 'Update' }).click();
  await expect(update).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'is now at source version 2' })).toBeVisible();
  expect(courierJson<PackageStatusDto>(dataDir, 'package', 'status', pkg.packageId).sourceVersion).toBe(2);

  // Delete on DP02's row: the confirmation says the package's folder there is deleted.
  await dpsNode.click();
  await dp02.click();
  await page.keyboard.press('Delete');
  const remove = page.getByRole('alertdialog', { name: 'Remove Package from Distribution Point' });
  await expect(remove).toContainText('Remove package Reader (A0100001) from distribution point DP02?');
  await expect(remove).toContainText('The distribution point itself stays');
  await keepScreenshot(remove, 'delete-package-dp');
  await remove.getByRole('button', { name: 'Delete' }).click();
  await expect(remove).toBeHidden();
  const after = courierJson<PackageStatusDto>(dataDir, 'package', 'status', pkg.packageId).distributionPoints.find((dp) => dp.name === 'DP02');
  // Removal Pending until Distribution Manager has deleted the folder; then the row goes.
  expect(after === undefined || after.state === 'removalPending').toBe(true);
  if (after !== undefined) await expect(await cell(grid, dp02, 'State')).toHaveText('Removal Pending');

  // Package Status: the site's counts, then each DP.
  await console_.treeItem(/^Package Status$/).first().click();
  const statusGrid = console_.details.getByRole('grid', { name: 'Package Status', exact: true });
  await expect(statusGrid.getByRole('row', { name: /DP0\d/ })).toHaveCount(after === undefined ? 2 : 3);
  const sites = console_.details.getByRole('grid', { name: 'Package Status by site' });
  await expect(await cell(sites, sites.getByRole('row', { name: /^A01/ }), 'Targeted')).toHaveText('2');
  // Beside the counts, the donut of the DPs' states, its counts in its table.
  const donut = console_.details.getByRole('region', { name: 'Distribution points by state' });
  await expect(donut.getByRole('row', { name: 'Installed 2' })).toBeAttached();
  await expect(donut.locator('svg').first()).toBeVisible();
  await keepScreenshot(page, 'package-status');

  // Another process (the CLI) sends the package to DP04; the copy is Distribution Manager's, in the
  // component process. Its messages come into the open node without F5, newest first, on top.
  const messages = console_.details.getByRole('grid', { name: 'Status messages' });
  await expect(messages.getByRole('row', { name: /DP01/ }).first()).toBeVisible();
  await expect(messages.getByRole('row', { name: /DP04/ })).toHaveCount(0);
  courierJson(dataDir, 'dp', 'add', 'DP04', '--volume', `D=${volume(dataDir, 'dp04')}`);
  courierJson(dataDir, 'package', 'distribute', pkg.packageId, '--dp', 'DP04');
  const dp04Copied = messages.getByRole('row', { name: /2330.*DP04/ });
  await expect(dp04Copied).toBeVisible({ timeout: 30_000 });
  await expect(await cell(messages, dp04Copied, 'Component')).toHaveText('SMS_DISTRIBUTION_MANAGER');
  await expect(statusGrid.getByRole('row', { name: /DP04/ })).toBeVisible();

  // Site Database › System Status › Package Status: every package's counts.
  await console_.expand(/^System Status$/);
  await console_.treeItem(/^Package Status$/).last().click();
  const summary = console_.details.getByRole('grid', { name: 'Package Status', exact: true });
  const reader = summary.getByRole('row', { name: /Reader/ });
  await expect(await cell(summary, reader, 'Targeted')).toHaveText('3');
  await expect(await cell(summary, reader, 'Source Version')).toHaveText('2');
  await keepScreenshot(page, 'package-status-summary');

  // And the counts follow a change the CLI makes while the summary is open, without F5.
  courierJson(dataDir, 'dp', 'add', 'DP05', '--volume', `D=${volume(dataDir, 'dp05')}`);
  courierJson(dataDir, 'package', 'distribute', pkg.packageId, '--dp', 'DP05');
  await expect(await cell(summary, reader, 'Targeted')).toHaveText('4');
  await expect(await cell(summary, reader, 'Installed')).toHaveText('4', { timeout: 30_000 });
});
