import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { courierJson } from './support/courier-cli';
import { startTcpProxy } from './support/tcp-proxy';
import { freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

function sourceFolder(dataDir: string): string {
  const folder = join(dataDir, 'sources', 'contoso-viewer');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'setup.exe'), 'MZ');
  writeFileSync(join(folder, 'viewer.msi'), 'msi');
  return folder;
}

test('an admin creates a package through every wizard page, changes it in Properties, and deletes it', async ({ page }) => {
  const dataDir = freshDataDir();
  const source = sourceFolder(dataDir);
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();
  await keepScreenshot(page, 'console-tree');

  const wizard = await console_.openNewPackageWizard();
  const general = await wizard.expectPage('General');
  await expect(wizard.nextButton).toBeDisabled(); // Name is required
  await general.getByRole('textbox', { name: 'Name', exact: true }).fill('Contoso Viewer');
  await general.getByRole('textbox', { name: 'Version' }).fill('2.1');
  await general.getByRole('textbox', { name: 'Publisher' }).fill('Contoso');
  await general.getByRole('textbox', { name: 'Language' }).fill('English');
  await general.getByRole('textbox', { name: 'Comment' }).fill('Line-of-business document viewer');
  await keepScreenshot(wizard.dialog, 'wizard-general');
  await wizard.next();

  const dataSource = await wizard.expectPage('Data Source');
  await dataSource.getByRole('checkbox', { name: 'This package contains source files' }).check();
  await expect(wizard.nextButton).toBeDisabled(); // no source directory yet
  const missing = await wizard.setSourceDirectory(join(dataDir, 'no-such-folder'));
  await expect(missing.getByText(/does not exist, as the site server sees it/)).toBeVisible();
  await missing.getByRole('textbox', { name: 'Source directory' }).fill(source);
  await missing.getByRole('button', { name: 'OK' }).click();
  await expect(missing).toBeHidden();
  await expect(dataSource.getByRole('textbox', { name: 'Source directory' })).toHaveValue(source);
  await dataSource.getByRole('checkbox', { name: 'Persist content in the client cache' }).check();
  await keepScreenshot(wizard.dialog, 'wizard-data-source');
  await wizard.next();

  const dataAccess = await wizard.expectPage('Data Access');
  await dataAccess.getByRole('radio', { name: 'Share the distribution folder' }).check();
  await dataAccess.getByRole('textbox', { name: 'Share name' }).fill('\\\\dp01\\apps\\viewer');
  await dataAccess.getByRole('checkbox', { name: 'Disconnect users from distribution points' }).check();
  await dataAccess.getByRole('spinbutton', { name: 'User grace period (minutes)' }).fill('10');
  await wizard.next();

  const distribution = await wizard.expectPage('Distribution Settings');
  await distribution.getByRole('combobox', { name: 'Sending priority' }).click();
  await page.getByRole('option', { name: 'High' }).click();
  await wizard.next();

  const reporting = await wizard.expectPage('Reporting');
  await reporting.getByRole('radio', { name: 'Use these fields for status MIF matching' }).check();
  await reporting.getByRole('textbox', { name: 'MIF file name' }).fill('viewer.mif');
  await reporting.getByRole('textbox', { name: 'Name', exact: true }).fill('Viewer');
  await wizard.next();

  await wizard.expectPage('Security');
  await wizard.next();

  const summary = await wizard.expectPage('Summary');
  await expect(summary.getByText('Contoso Contoso Viewer 2.1 English')).toBeVisible();
  await keepScreenshot(wizard.dialog, 'wizard-summary');
  await wizard.next();

  const confirmation = await wizard.expectPage('Confirmation');
  await expect(confirmation.getByText(/completed successfully/)).toBeVisible();
  await expect(confirmation.getByText(/A0100001/)).toBeVisible();
  await keepScreenshot(wizard.dialog, 'wizard-confirmation');
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(wizard.dialog).toBeHidden();

  // The details pane shows it, and the tree grows a node that expands to the package's parts.
  const row = console_.packageRow(/Contoso Viewer/);
  await expect(row).toContainText('A0100001');
  await expect(row).toContainText('2.1');
  await console_.treeItem(/^Packages$/).click();
  await page.keyboard.press('ArrowRight');
  const packageNode = console_.treeItem(/^Contoso Contoso Viewer 2\.1 English$/);
  await packageNode.click();
  await page.keyboard.press('ArrowRight');
  for (const part of ['Access Accounts', 'Distribution Points', 'Programs', 'Package Status']) {
    await expect(console_.treeItem(part)).toBeVisible();
  }
  await console_.selectPackagesNode();

  // Every setting the wizard saw reached the site, with the suite's numbers derived from it.
  const [stored] = courierJson<PackageDto[]>(dataDir, 'package', 'list');
  expect(stored).toMatchObject({
    packageId: 'A0100001',
    name: 'Contoso Viewer',
    sourceDirectory: source,
    pkgSourceFlag: 2,
    shareType: 2,
    shareName: '\\\\dp01\\apps\\viewer',
    disconnectUsers: true,
    userGracePeriod: 10,
    priority: 1,
    mifFileName: 'viewer.mif',
    pkgFlags: 0x02000000 | 0x20000000,
  });

  // Properties: Enter on the selected row, change the version on General, OK.
  const sheet = await console_.openPropertiesWithKeyboard(row);
  await expect(sheet.dialog).toHaveAccessibleName('Contoso Viewer Properties');
  const generalTab = await sheet.tab('General');
  await generalTab.getByRole('textbox', { name: 'Version', exact: true }).fill('2.2');
  await expect(sheet.button('Apply')).toBeEnabled();
  await keepScreenshot(sheet.dialog, 'properties-general');
  await sheet.ok();
  await expect(console_.packageRow(/Contoso Viewer/)).toContainText('2.2');

  // A restart of the server shows the same data.
  await server.stop();
  server = await startCourier(dataDir);
  await console_.open(server.url);
  await console_.selectPackagesNode();
  await expect(console_.packageRow(/Contoso Viewer/)).toContainText('2.2');

  // Delete asks first, says what goes with the package, then removes it.
  await console_.packageRow(/Contoso Viewer/).click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog', { name: /Delete/ }));
  await expect(confirm).toContainText(/programs, access accounts/);
  await keepScreenshot(confirm, 'delete-confirmation');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(console_.packageRow(/Contoso Viewer/)).toHaveCount(0);
  await expect(console_.details.getByText(/There are no packages yet/)).toBeVisible();
  expect(courierJson<PackageDto[]>(dataDir, 'package', 'list')).toEqual([]);
});

test('a package made, changed and deleted with the CLI shows in an open console without F5', async ({ page }) => {
  const dataDir = freshDataDir();
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();
  // The CLI is another process on the same database: its changes reach the console through the
  // site's event log, which the server tails (docs/site-components.md), not through a refresh.
  courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Fabrikam Tools', '--version', '5.01');
  await expect(console_.packageRow(/Fabrikam Tools/)).toContainText('A0100001', { timeout: 5_000 });
  courierJson<PackageDto>(dataDir, 'package', 'update', 'A0100001', '--version', '7.25');
  await expect(console_.packageRow(/Fabrikam Tools/)).toContainText('7.25', { timeout: 5_000 });
  await expect(console_.packageRow(/Fabrikam Tools/)).not.toContainText('5.01');
  courierJson<unknown>(dataDir, 'package', 'delete', 'A0100001');
  await expect(console_.details.getByText(/There are no packages yet/)).toBeVisible({ timeout: 5_000 });
});

test('a console whose event stream dropped hears on reconnect what the CLI changed meanwhile, without F5', async ({ page }) => {
  test.setTimeout(60_000);
  const dataDir = freshDataDir();
  server = await startCourier(dataDir);
  const network = await startTcpProxy(Number(new URL(server.origin).port));
  try {
    const console_ = new ConsolePage(page);
    const through = new URL(server.url);
    through.port = String(network.port);
    await console_.open(through.toString());
    await console_.selectPackagesNode();
    courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Heard Live');
    await expect(console_.packageRow(/Heard Live/)).toBeVisible({ timeout: 5_000 });

    // The network goes away (a laptop asleep, Wi-Fi lost): the stream drops and changes go on.
    network.cut();
    courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Made While Away');
    courierJson<unknown>(dataDir, 'package', 'update', 'A0100001', '--version', '2.0');
    await page.waitForTimeout(1_500);
    await expect(console_.packageRow(/Made While Away/)).toHaveCount(0);

    // Back: the stream reconnects with the id of the last event it heard and is given the rest.
    network.restore();
    await expect(console_.packageRow(/Made While Away/)).toBeVisible({ timeout: 20_000 });
    await expect(console_.packageRow(/Heard Live/)).toContainText('2.0');
  } finally {
    await network.close();
  }
});

test('errors from the core appear in the property sheet at the field, and nothing is saved', async ({ page, request }) => {
  const dataDir = freshDataDir();
  server = await startCourier(dataDir);
  const auth = { Authorization: `Bearer ${server.token}` };
  await request.post(`${server.origin}/api/packages:create`, { headers: auth, data: { name: 'Word', dataAccess: 'shareFolder', shareFolder: '\\\\dp01\\apps\\word' } });
  await request.post(`${server.origin}/api/packages:create`, { headers: auth, data: { name: 'Excel' } });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();

  const sheet = await console_.openPropertiesWithKeyboard(console_.packageRow(/Excel/));
  const access = await sheet.tab('Data Access');
  await access.getByRole('radio', { name: 'Share the distribution folder' }).check();
  await access.getByRole('textbox', { name: 'Share name' }).fill('\\\\dp01\\apps\\word');
  await sheet.button('Apply').click();
  await expect(sheet.dialog.getByText(/already used by package Word \(A0100001\)/).first()).toBeVisible();
  await keepScreenshot(sheet.dialog, 'properties-error');
  await sheet.button('Cancel').click();
  const [, excel] = courierJson<PackageDto[]>(dataDir, 'package', 'list');
  expect(excel).toMatchObject({ name: 'Excel', dataAccess: 'commonShare', shareFolder: '' });
});
