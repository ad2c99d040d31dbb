import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProgramDto } from '../../core/api';
import { buildMsi } from '../helpers/build-msi';
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

async function openImportWizard(console_: ConsolePage): Promise<WizardPage> {
  await console_.treeItem(/^Packages$/).click({ button: 'right' });
  await console_.page.getByRole('menuitem', { name: 'New' }).click();
  await console_.page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Package From Definition' }).click();
  const wizard = new WizardPage(console_.page, 'Create Package From Definition Wizard');
  await expect(wizard.dialog).toBeVisible();
  return wizard;
}

test('an admin imports an MSI through the wizard and sees its programs', async ({ page }) => {
  const dataDir = freshDataDir();
  const folder = join(dataDir, 'sources', 'reader');
  mkdirSync(folder, { recursive: true });
  const msi = buildMsi(folder, 'ContosoReader.msi', {
    productCode: '{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}',
    name: 'Contoso Reader',
    version: '5.2.0',
    manufacturer: 'Contoso Ltd',
  });
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();

  const wizard = await openImportWizard(console_);
  const definition = await wizard.expectPage('Package Definition');
  await expect(definition.getByRole('grid', { name: 'Package definition' }).getByRole('row', { name: /Courier Client Agent/ }).first()).toBeVisible();
  await definition.getByRole('textbox', { name: 'File on the site server' }).fill(msi);
  await definition.getByRole('button', { name: 'Open' }).click();
  const details = definition.getByRole('group', { name: 'Package definition details' });
  await expect(details).toContainText('Contoso Reader');
  await expect(details.getByRole('list', { name: 'Programs' })).toContainText('Per-system unattended');
  await keepScreenshot(wizard.dialog, 'import-package-definition');
  await wizard.next();

  const sourceFiles = await wizard.expectPage('Source Files');
  // An MSI's own folder is where its files are: "Always obtain" is preselected.
  await expect(sourceFiles.getByRole('radio', { name: 'Always obtain files from a source directory' })).toBeChecked();
  await wizard.next();
  const sourceDirectory = await wizard.expectPage('Source Directory');
  await expect(sourceDirectory.getByRole('textbox', { name: 'Source directory', exact: true })).toHaveValue(folder);
  await wizard.next();
  await wizard.expectPage('Summary');
  await keepScreenshot(wizard.dialog, 'import-summary');
  await wizard.next();
  const confirmation = await wizard.expectPage('Confirmation');
  await expect(confirmation.getByText('The Create Package From Definition Wizard completed successfully')).toBeVisible();
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();

  await expect(console_.packageRow(/Contoso Reader/)).toContainText('A0100001');
  const programs = courierJson<ProgramDto[]>(dataDir, 'program', 'list', 'A0100001');
  expect(programs.map((p) => p.name)).toEqual([
    'Per-system attended',
    'Per-system unattended',
    'Per-system uninstall',
    'Per-user attended',
    'Per-user unattended',
    'Per-user uninstall',
  ]);
  expect(programs.every((p) => p.kind === 'computer' && p.msiProductCode === '{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}')).toBe(true);

  // The Programs node of the new package lists them.
  await console_.treeItem(/^Packages$/).click();
  if ((await console_.treeItem(/^Packages$/).getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
  await console_.treeItem(/Contoso Reader/).click();
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(console_.details.getByRole('row', { name: /Per-user unattended/ })).toBeVisible();
  await keepScreenshot(page, 'import-programs-list');
});

test('a broken definition file is refused on the first page, naming section, key and line, and nothing is created', async ({ page }) => {
  const dataDir = freshDataDir();
  const file = join(dataDir, 'template.sms');
  copyFileSync(resolve(import.meta.dirname, '../fixtures/package-definitions/template-empty-values.sms'), file);
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();
  const wizard = await openImportWizard(console_);
  const definition = await wizard.expectPage('Package Definition');
  await definition.getByRole('textbox', { name: 'File on the site server' }).fill(file);
  await definition.getByRole('button', { name: 'Open' }).click();
  await expect(definition.getByText('Courier cannot use this package definition.')).toBeVisible();
  await expect(definition.getByRole('list', { name: 'Problems' })).toContainText(/Line 5.*\[Package Definition\].*Name/);
  await expect(wizard.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled();
  await keepScreenshot(wizard.dialog, 'import-refused');
  await wizard.dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(courierJson<unknown[]>(dataDir, 'package', 'list')).toEqual([]);
});
