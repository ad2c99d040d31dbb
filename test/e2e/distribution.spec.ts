import { expect, test, type Locator } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageDto, PackageStatusDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { WizardPage } from './pages/wizard-page';
import { courierJson } from './support/courier-cli';
import { freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});
test.describe.configure({ timeout: 240_000 });

/** Incompressible bytes, so the copy takes long enough for its progress to be reported. */
const large = (mb: number) => randomBytes(mb * 1024 * 1024);

function cell(grid: Locator, row: Locator, column: string): Promise<Locator> {
  return grid
    .getByRole('columnheader', { name: column, exact: true })
    .getAttribute('aria-colindex')
    .then((index) => row.locator(`[role="gridcell"][aria-colindex="${index}"]`));
}

/** The package's folder on whichever of the DP's volumes Distribution Manager chose. */
function packageFolder(volumes: { d: string; e: string }, packageId: string): string {
  const d = join(volumes.d, 'SMSPKGD$', packageId);
  const e = join(volumes.e, 'SMSPKGE$', packageId);
  if (existsSync(d)) return d;
  if (existsSync(e)) return e;
  throw new Error(`package ${packageId} is on neither volume: ${d}, ${e}`);
}

test('a DP made with the site system wizard gets a package, an update, and a repair, all watched from the console', async ({ page }) => {
  const dataDir = freshDataDir();
  const volumes = { d: join(dataDir, 'dp01', 'd'), e: join(dataDir, 'dp01', 'e') };
  mkdirSync(volumes.d, { recursive: true });
  mkdirSync(volumes.e, { recursive: true });
  const source = join(dataDir, 'sources', 'reader');
  mkdirSync(join(source, 'lang'), { recursive: true });
  writeFileSync(join(source, 'reader.cab'), large(24));
  writeFileSync(join(source, 'setup.exe'), large(2));
  writeFileSync(join(source, 'readme.txt'), 'Reader 1.0\r\n');
  writeFileSync(join(source, 'lang', 'en-us.mst'), 'x'.repeat(4096));
  const pkg = courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Reader', '--source', source);
  server = await startCourier(dataDir);

  const console_ = new ConsolePage(page);
  await console_.open(server.url);

  // Site Settings › Site Systems › New › Server: the DP role with volumes D and E.
  await console_.expand(/^Site Settings$/);
  await console_.treeItem(/^Site Systems$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Server', exact: true }).click();
  const wizard = new WizardPage(page, 'New Site System Server Wizard');
  const general = await wizard.expectPage('General');
  await general.getByRole('textbox', { name: 'Name' }).fill('dp01.contoso.com');
  await wizard.next();
  const roles = await wizard.expectPage('System Role Selection');
  await roles.getByRole('checkbox', { name: 'Distribution point' }).check();
  await wizard.next();
  const dpPage = await wizard.expectPage('Distribution Point');
  await dpPage.getByRole('button', { name: 'Add Volume' }).click();
  await dpPage.getByRole('textbox', { name: 'Volume 1 path' }).fill(volumes.d);
  await dpPage.getByRole('button', { name: 'Add Volume' }).click();
  await dpPage.getByRole('textbox', { name: 'Volume 2 path' }).fill(volumes.e);
  await wizard.next();
  await wizard.expectPage('Protected');
  await wizard.next();
  await wizard.expectPage('Summary');
  await wizard.next();
  const confirmation = await wizard.expectPage('Confirmation');
  await expect(confirmation.getByText('The wizard completed successfully')).toBeVisible();
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();

  // Packages › Reader › Distribution Points › New Distribution Points.
  await console_.expand(/^Packages$/);
  await console_.expand(/^Reader$/);
  const dpsNode = console_.treeItem(/^Distribution Points$/);
  await dpsNode.click();
  await dpsNode.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New Distribution Points' }).click();
  const dpsWizard = page.getByRole('dialog', { name: 'New Distribution Points Wizard' });
  await dpsWizard.getByRole('button', { name: 'Next >' }).click();
  await dpsWizard.getByRole('group', { name: 'Distribution points' }).getByRole('checkbox', { name: 'dp01.contoso.com (A01)' }).check();
  await dpsWizard.getByRole('button', { name: 'Next >' }).click();
  await expect(dpsWizard.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await dpsWizard.getByRole('button', { name: 'Next >' }).click();
  await expect(dpsWizard.getByText('The New Distribution Points Wizard completed successfully')).toBeVisible();
  await dpsWizard.getByRole('button', { name: 'Close' }).click();
  await expect(dpsWizard).toBeHidden();

  // The row goes to Installed by itself; the progress bar shows while the 26 MB are copied.
  const grid = console_.details.getByRole('grid', { name: 'Distribution Points' });
  const row = grid.getByRole('row', { name: /dp01\.contoso\.com/ });
  let sawProgress = false;
  await expect
    .poll(
      async () => {
        if (!sawProgress && (await row.getByRole('progressbar').count()) > 0) {
          sawProgress = true;
          await keepScreenshot(page, 'distribution-progress');
        }
        return (await cell(grid, row, 'State')).textContent();
      },
      { timeout: 120_000, intervals: [50] },
    )
    .toBe('Installed');
  test.info().annotations.push({ type: 'progress bar', description: sawProgress ? 'seen during the copy' : 'the copy ended between two looks' });
  await expect(row.getByRole('progressbar')).toHaveCount(0);
  await keepScreenshot(page, 'distribution-installed');
  const folder = packageFolder(volumes, pkg.packageId);
  expect(readFileSync(join(folder, 'readme.txt'), 'utf8')).toBe('Reader 1.0\r\n');

  // Package Status: the DP Installed, and Distribution Manager's 2330 among the package's messages.
  await console_.treeItem(/^Package Status$/).first().click();
  const statusGrid = console_.details.getByRole('grid', { name: 'Package Status', exact: true });
  const statusRow = statusGrid.getByRole('row', { name: /dp01\.contoso\.com/ });
  await expect(await cell(statusGrid, statusRow, 'State')).toHaveText('Installed');
  const messages = console_.details.getByRole('grid', { name: 'Status messages' });
  const copied = messages.getByRole('row', { name: /2330/ });
  await expect(copied).toBeVisible();
  await expect(await cell(messages, copied, 'Component')).toHaveText('SMS_DISTRIBUTION_MANAGER');
  await expect(await cell(messages, copied, 'Severity')).toHaveText('Information');
  await expect(await cell(messages, copied, 'Description')).toContainText(pkg.packageId);
  await keepScreenshot(page, 'package-status-messages');

  // Show Messages › Error: none for a copy that went well.
  await console_.treeItem(/^Package Status$/).first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show Messages' }).click();
  await page.getByRole('menuitem', { name: 'Error', exact: true }).click();
  await expect(console_.details.getByText('No error message has been reported for this.')).toBeVisible();
  await console_.treeItem(/^Package Status$/).first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show Messages' }).click();
  await page.getByRole('menuitem', { name: 'All', exact: true }).click();
  await expect(messages.getByRole('row', { name: /2330/ })).toBeVisible();

  // A changed source file, sent with Update Distribution Points.
  writeFileSync(join(source, 'readme.txt'), 'Reader 1.1\r\n');
  await console_.treeItem(/^Reader$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Update Distribution Points' }).click();
  const update = page.getByRole('alertdialog', { name: 'Update Distribution Points' });
  await expect(update).toContainText('The source version goes up from 1 to 2.');
  await update.getByRole('button', { name: 'Update' }).click();
  await expect(update).toBeHidden();
  await console_.treeItem(/^Package Status$/).first().click();
  await expect(await cell(statusGrid, statusRow, 'Source Version')).toHaveText('2', { timeout: 120_000 });
  await expect(await cell(statusGrid, statusRow, 'State')).toHaveText('Installed');
  expect(readFileSync(join(packageFolder(volumes, pkg.packageId), 'readme.txt'), 'utf8')).toBe('Reader 1.1\r\n');
  expect(courierJson<PackageStatusDto>(dataDir, 'package', 'status', pkg.packageId).distributionPoints[0]).toMatchObject({ state: 'installed', sourceVersion: 2 });

  // Validate Distribution Points: OK; then a file deleted on the DP by hand shows missing, and Repair puts it back.
  await console_.treeItem(/^Reader$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Validate Distribution Points' }).click();
  let validate = page.getByRole('dialog', { name: 'Validate Distribution Points' });
  await expect(validate.getByRole('listitem', { name: /^dp01\.contoso\.com: OK/ })).toBeVisible({ timeout: 60_000 });
  await expect(validate.getByRole('button', { name: 'Repair' })).toBeDisabled();
  await keepScreenshot(validate, 'validate-ok');
  await validate.getByRole('button', { name: 'Cancel' }).click();
  await expect(validate).toBeHidden();

  unlinkSync(join(packageFolder(volumes, pkg.packageId), 'setup.exe'));
  await console_.treeItem(/^Package Status$/).first().click();
  await statusRow.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Validate', exact: true }).click();
  validate = page.getByRole('dialog', { name: 'Validate dp01.contoso.com' });
  const differs = validate.getByRole('listitem', { name: /^dp01\.contoso\.com: differs/ });
  await expect(differs).toContainText('Missing (1): setup.exe', { timeout: 60_000 });
  await keepScreenshot(validate, 'validate-missing');
  await validate.getByRole('button', { name: 'Repair' }).click();
  const repaired = validate.getByRole('listitem', { name: /^dp01\.contoso\.com: repaired/ });
  await expect(repaired).toContainText('Copied again from the source (1): setup.exe', { timeout: 60_000 });
  await keepScreenshot(validate, 'validate-repaired');
  expect(existsSync(join(packageFolder(volumes, pkg.packageId), 'setup.exe'))).toBe(true);
  await validate.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'repaired on dp01.contoso.com' })).toBeVisible();
});
