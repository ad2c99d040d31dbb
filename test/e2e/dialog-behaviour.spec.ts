import { expect, test, type APIRequestContext } from '@playwright/test';
import type { PackageDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { WizardPage } from './pages/wizard-page';
import { courierJson } from './support/courier-cli';
import { callApi, startCourier, type CourierServer } from './support/courier-server';

/** How the console's dialogs behave under the pointer and the keyboard, in real Chromium layout. */

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const call = (request: APIRequestContext, channel: string, data: unknown) => callApi(server!, request, channel, data);

async function openNewProgramWizard(console_: ConsolePage): Promise<WizardPage> {
  const packages = console_.treeItem(/^Packages$/);
  await packages.click();
  if ((await packages.getAttribute('aria-expanded')) !== 'true') await console_.page.keyboard.press('ArrowRight');
  await console_.treeItem(/^Office$/).click();
  await console_.page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await console_.page.keyboard.press('ArrowDown');
  const programs = console_.tree.getByRole('treeitem', { name: 'Programs', exact: true, selected: true });
  await programs.click({ button: 'right' });
  await console_.page.getByRole('menuitem', { name: 'New' }).click();
  await console_.page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Program', exact: true }).click();
  const wizard = new WizardPage(console_.page, 'New Program Wizard');
  await expect(wizard.dialog).toBeVisible();
  return wizard;
}

test('a click on an option right after fixing a field lands: the error line does not move what is below it', async ({ page, request }) => {
  server = await startCourier();
  await call(request, 'packages:create', { name: 'Office' });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  const wizard = await openNewProgramWizard(console_);
  const general = await wizard.expectPage('General');
  await general.getByRole('textbox', { name: 'Name' }).fill('Setup');
  await general.getByRole('textbox', { name: 'Command line' }).fill('setup.exe');
  await wizard.next();
  const requirements = await wizard.expectPage('Requirements');
  await requirements.getByRole('group', { name: /Maximum allowed run time/ }).getByRole('checkbox', { name: 'Unknown' }).uncheck();
  const runTime = requirements.getByRole('spinbutton', { name: 'Maximum allowed run time (minutes)' });
  const option = requirements.getByRole('radio', { name: 'This program can run only on specified client platforms' });
  await runTime.fill('721');
  await runTime.press('Tab');
  await expect(requirements.getByRole('alert')).toBeVisible();
  const before = await option.boundingBox();

  // Type the fix and click the option with the pointer, as an admin does, without leaving the field first.
  await runTime.click();
  await runTime.press('ControlOrMeta+a');
  await runTime.pressSequentially('30');
  await option.click();
  await expect(option).toBeChecked();
  await expect(requirements.getByRole('alert')).toHaveCount(0);
  expect(await option.boundingBox()).toEqual(before);
});

test('a page names its problem in the footer, even when the field is below the fold, and the link goes to it', async ({ page }) => {
  server = await startCourier();
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();
  const wizard = await console_.openNewPackageWizard();
  const general = await wizard.expectPage('General');
  await general.getByRole('textbox', { name: 'Name', exact: true }).fill('Viewer');
  await wizard.next();
  await wizard.next();
  const dataAccess = await wizard.expectPage('Data Access');
  await dataAccess.getByRole('checkbox', { name: 'Disconnect users from distribution points' }).check();
  const grace = dataAccess.getByRole('spinbutton', { name: 'User grace period (minutes)' });
  await grace.fill('75');
  await grace.press('Tab');
  await wizard.dialog.locator('[data-wizard-page]').evaluate((body) => {
    body.scrollTop = 0;
  });
  const status = wizard.dialog.getByRole('status');
  await expect(status).toContainText('User grace period (minutes)');
  await expect(status).toContainText(/59/);
  await expect(wizard.nextButton).toBeDisabled();
  await status.getByRole('button', { name: 'User grace period (minutes)' }).click();
  await expect(grace).toBeFocused();
  await expect(grace).toBeInViewport();
});

test('Enter in a field presses the default button (Next, OK); Confirmation focuses Close, so Enter closes; Escape cancels', async ({ page }) => {
  server = await startCourier();
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();

  // Escape cancels, creating nothing.
  let wizard = await console_.openNewPackageWizard();
  await wizard.dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Cancelled');
  await page.keyboard.press('Escape');
  await expect(wizard.dialog).toBeHidden();
  expect(courierJson<PackageDto[]>(server.dataDir, 'package', 'list')).toEqual([]);

  wizard = await console_.openNewPackageWizard();
  const general = await wizard.expectPage('General');
  await general.getByRole('textbox', { name: 'Name', exact: true }).fill('Contoso Viewer');
  // A comment wraps but is one line (the text policy refuses line breaks): Enter there is Next too.
  await general.getByRole('textbox', { name: 'Comment' }).fill('Line-of-business viewer');
  await general.getByRole('textbox', { name: 'Comment' }).press('Enter');
  await wizard.expectPage('Data Source');
  await wizard.dialog.getByRole('button', { name: '< Previous' }).click();
  await expect(general.getByRole('textbox', { name: 'Comment' })).toHaveValue('Line-of-business viewer');
  await general.getByRole('textbox', { name: 'Version' }).press('Enter');
  await wizard.expectPage('Data Source');
  // Summary, then Enter on the page: Next creates the package, and Confirmation's Close has the focus.
  await wizard.dialog.getByRole('button', { name: 'Summary' }).click();
  await wizard.expectPage('Summary');
  await page.keyboard.press('Enter');
  await wizard.expectPage('Confirmation');
  await expect(wizard.dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(wizard.dialog).toBeHidden();
  expect(courierJson<PackageDto[]>(server.dataDir, 'package', 'list').map((p) => p.name)).toEqual(['Contoso Viewer']);

  // Enter in a property sheet's field presses OK, which saves and closes.
  const sheet = await console_.openPropertiesWithKeyboard(console_.packageRow(/Contoso Viewer/));
  const version = sheet.dialog.getByRole('textbox', { name: 'Version', exact: true });
  await version.fill('2.0');
  await version.press('Enter');
  await expect(sheet.dialog).toBeHidden();
  expect(courierJson<PackageDto[]>(server.dataDir, 'package', 'list')[0]?.version).toBe('2.0');

  // And in a small dialog: Set Source Directory's OK.
  wizard = await console_.openNewPackageWizard();
  await wizard.dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Other');
  await wizard.next();
  const dataSource = await wizard.expectPage('Data Source');
  await dataSource.getByRole('checkbox', { name: 'This package contains source files' }).check();
  await dataSource.getByRole('button', { name: 'Set…' }).click();
  const set = page.getByRole('dialog', { name: 'Set Source Directory' });
  await set.getByRole('radio', { name: 'Local drive on site server' }).check();
  const path = set.getByRole('textbox', { name: 'Source directory' });
  await path.fill(server.dataDir);
  await path.press('Enter');
  await expect(set).toBeHidden();
  await expect(dataSource.getByRole('textbox', { name: 'Source directory' })).toHaveValue(server.dataDir);
  // The focus is back on Set…, in the wizard, so Escape cancels the wizard.
  await expect(dataSource.getByRole('button', { name: 'Set…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(wizard.dialog).toBeHidden();
});
