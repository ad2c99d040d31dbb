import { expect, test, type APIRequestContext } from '@playwright/test';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildMsi } from '../helpers/build-msi';
import { ConsolePage } from './pages/console-page';
import { WizardPage } from './pages/wizard-page';
import { courierJson } from './support/courier-cli';
import { callApi, freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const call = (request: APIRequestContext, channel: string, data: unknown) => callApi(server!, request, channel, data);

/** A folder of the site server with a definition, an installer and a file of another type. */
function sourcesWithFiles(dataDir: string): string {
  const folder = join(dataDir, 'sources', 'agent');
  mkdirSync(folder, { recursive: true });
  copyFileSync(resolve(import.meta.dirname, '../../assets/package-definitions/courier-client-agent.sms'), join(folder, 'courier-client-agent.sms'));
  buildMsi(folder, 'ContosoReader.msi', { productCode: '{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}', name: 'Contoso Reader', version: '5.2.0', manufacturer: 'Contoso Ltd' });
  writeFileSync(join(folder, 'readme.txt'), 'not a package definition');
  return folder;
}

test('Browse… picks a .sms file in the Open dialog, and the Windows Installer import’s Browse shows only .msi files', async ({ page, request }) => {
  const dataDir = freshDataDir();
  const folder = sourcesWithFiles(dataDir);
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();

  await console_.treeItem(/^Packages$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Package From Definition' }).click();
  const wizard = new WizardPage(page, 'Create Package From Definition Wizard');
  const definition = await wizard.expectPage('Package Definition');
  await definition.getByRole('button', { name: 'Browse…' }).click();

  const open = page.getByRole('dialog', { name: 'Open Package Definition File' });
  await expect(open).toBeVisible();
  // It starts at the roots, and never offers the kernel's folders.
  const roots = open.getByRole('toolbar', { name: 'Site server roots' });
  await expect(roots).toBeVisible();
  const grid = open.getByRole('grid', { name: 'Folders and files' });
  await expect(grid.getByRole('row', { name: /^proc\b/ })).toHaveCount(0);
  // A folder typed in File name opens it.
  await open.getByRole('textbox', { name: 'File name:' }).fill(folder);
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('row', { name: /courier-client-agent\.sms/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /ContosoReader\.msi/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /readme\.txt/ })).toHaveCount(0);
  await keepScreenshot(open, 'open-dialog');
  await grid.getByRole('row', { name: /courier-client-agent\.sms/ }).dblclick();
  await expect(open).toBeHidden();
  await expect(definition.getByRole('textbox', { name: 'File on the site server' })).toHaveValue(join(folder, 'courier-client-agent.sms'));
  await expect(definition.getByRole('group', { name: 'Package definition details' })).toContainText('Courier Client Agent');
  await wizard.dialog.getByRole('button', { name: 'Cancel' }).click();

  // A program's Windows Installer page: Import… › Browse… lists only Windows Installer files.
  await call(request, 'packages:create', { name: 'Reader' });
  await console_.treeItem(/^Packages$/).click();
  await console_.page.keyboard.press('ArrowRight');
  await console_.treeItem(/^Reader$/).click();
  await console_.page.keyboard.press('ArrowRight');
  await console_.tree.getByRole('treeitem', { name: 'Programs', exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Program', exact: true }).click();
  const programWizard = new WizardPage(page, 'New Program Wizard');
  const general = await programWizard.expectPage('General');
  await general.getByRole('textbox', { name: 'Name' }).fill('Install');
  await general.getByRole('textbox', { name: 'Command line' }).fill('msiexec /i ContosoReader.msi /q');
  for (const name of ['Requirements', 'Environment', 'Advanced']) {
    await programWizard.next();
    await programWizard.expectPage(name);
  }
  await programWizard.next();
  const installer = await programWizard.expectPage('Windows Installer');
  await installer.getByRole('button', { name: 'Import…' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import Windows Installer File' });
  await importDialog.getByRole('textbox', { name: 'Windows Installer file on the site server' }).fill(join(folder, 'x.msi'));
  await importDialog.getByRole('button', { name: 'Browse…' }).click();
  const openMsi = page.getByRole('dialog', { name: 'Open Windows Installer File' });
  const msiGrid = openMsi.getByRole('grid', { name: 'Folders and files' });
  // It opens in the folder of the file typed.
  await expect(msiGrid.getByRole('row', { name: /ContosoReader\.msi/ })).toBeVisible();
  await expect(msiGrid.getByRole('row', { name: /courier-client-agent\.sms/ })).toHaveCount(0);
  await expect(openMsi.getByRole('combobox', { name: 'Files of type:' })).toContainText('Windows Installer packages (*.msi)');
  await msiGrid.getByRole('row', { name: /ContosoReader\.msi/ }).dblclick();
  await expect(importDialog).toBeHidden();
  // By role: the wizard must be reachable again (not left aria-hidden) once the import closes.
  const wizardAgain = page.getByRole('dialog', { name: 'New Program Wizard' });
  await expect(wizardAgain.getByRole('textbox', { name: 'Windows Installer file' })).toHaveValue('ContosoReader.msi');
  await expect(wizardAgain.getByRole('textbox', { name: 'Windows Installer product code' })).toHaveValue('{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}');
});

test('Browse for Folder starts at the folder in the field and OK puts the folder picked there', async ({ page }) => {
  const dataDir = freshDataDir();
  const folder = sourcesWithFiles(dataDir);
  mkdirSync(join(folder, 'x64'));
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();
  const wizard = await console_.openNewPackageWizard();
  await wizard.region('General').getByRole('textbox', { name: 'Name' }).fill('Agent');
  await wizard.next();
  const dataSource = await wizard.expectPage('Data Source');
  await dataSource.getByRole('checkbox', { name: 'This package contains source files' }).check();
  await dataSource.getByRole('button', { name: 'Set…' }).click();
  const set = page.getByRole('dialog', { name: 'Set Source Directory' });
  await set.getByRole('radio', { name: 'Local drive on site server' }).check();
  await set.getByRole('textbox', { name: 'Source directory' }).fill(folder);
  await set.getByRole('button', { name: 'Browse…' }).click();
  const browse = page.getByRole('dialog', { name: 'Browse for Folder' });
  const folders = browse.getByRole('grid', { name: 'Folders' });
  await expect(folders.getByRole('row', { name: /^x64/ })).toBeVisible();
  await keepScreenshot(browse, 'browse-for-folder');
  await folders.getByRole('row', { name: /^x64/ }).click();
  await browse.getByRole('button', { name: 'OK' }).click();
  await expect(browse).toBeHidden();
  await expect(set.getByRole('textbox', { name: 'Source directory' })).toHaveValue(join(folder, 'x64'));
});

test('Site Properties: General, a path mapping added and refused at its field, source roots applied', async ({ page }) => {
  const dataDir = freshDataDir();
  const folder = sourcesWithFiles(dataDir);
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.treeItem(/^Site Settings$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Properties' }).click();
  const sheet = page.getByRole('dialog', { name: 'A01 - Central Site Properties' });
  await expect(sheet.getByRole('textbox', { name: 'Site code' })).toHaveValue('A01');
  await expect(sheet.getByRole('textbox', { name: 'Data folder' })).toHaveValue(dataDir);
  await keepScreenshot(sheet, 'site-properties-general');

  await sheet.getByRole('tab', { name: 'Path Mappings' }).click();
  await sheet.getByRole('button', { name: 'Add…' }).click();
  const mapping = page.getByRole('dialog', { name: 'New Path Mapping' });
  await mapping.getByRole('textbox', { name: /UNC path/ }).fill('\\\\fs01\\sources');
  await mapping.getByRole('textbox', { name: /Local path/ }).fill('mnt/fs01');
  await mapping.getByRole('button', { name: 'OK' }).click();
  // The core's refusal, at the field it is about.
  await expect(mapping.getByRole('textbox', { name: /Local path/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(mapping).toContainText('it must start with /');
  await mapping.getByRole('textbox', { name: /Local path/ }).fill(folder);
  await mapping.getByRole('button', { name: 'OK' }).click();
  await expect(mapping).toBeHidden();
  const list = sheet.getByRole('table', { name: 'Path mappings' });
  await expect(list.getByRole('row', { name: /\\\\fs01\\sources/ })).toContainText(folder);
  await keepScreenshot(sheet, 'site-properties-path-mappings');
  expect(courierJson<{ uncPrefix: string; localPath: string }[]>(dataDir, 'site', 'path-mappings').map((m) => [m.uncPrefix, m.localPath])).toEqual([['\\\\fs01\\sources', folder]]);

  await sheet.getByRole('tab', { name: 'Source Roots' }).click();
  await sheet.getByRole('textbox', { name: 'New source root' }).fill(folder);
  await sheet.getByRole('button', { name: 'Add', exact: true }).click();
  await sheet.getByRole('checkbox', { name: 'Limit browsing to the source roots' }).check();
  await keepScreenshot(sheet, 'site-properties-source-roots');
  await sheet.getByRole('button', { name: 'OK' }).click();
  await expect(sheet).toBeHidden();
  const roots = courierJson<{ limitBrowsing: boolean; roots: string[] }>(dataDir, 'site', 'source-roots');
  expect(roots).toEqual({ limitBrowsing: true, roots: [folder] });
});

test('a long name in the tree scrolls the pane sideways and shows its full name in a tooltip; File › Exit says to close the tab', async ({ page, request }) => {
  server = await startCourier();
  const longName = 'Tailspin Toys Line-of-Business Suite Regional 2026';
  await call(request, 'packages:create', { name: longName });
  await call(request, 'packages:create', { name: 'Tailspin Bulk App 0003' });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.treeItem(/^Packages$/).click();
  await page.keyboard.press('ArrowRight');
  const node = console_.treeItem(longName);
  await expect(node).toBeVisible();

  // Type-ahead: the whole prefix, spaces included.
  await console_.treeItem(/^Packages$/).click();
  await page.keyboard.type('Tailspin T', { delay: 60 });
  await expect(node).toHaveAttribute('aria-selected', 'true');

  const pane = await console_.tree.evaluate((tree) => ({ scrollWidth: tree.scrollWidth, clientWidth: tree.clientWidth }));
  expect(pane.scrollWidth).toBeGreaterThan(pane.clientWidth);
  // The mouse over the part of the label in view, the pane scrolled back to its start.
  await console_.tree.evaluate((tree) => tree.scrollTo({ left: 0 }));
  const label = (await node.locator('[data-tree-label]').boundingBox())!;
  await page.mouse.move(label.x + 60, label.y + label.height / 2);
  const tip = page.getByRole('tooltip');
  await expect(tip).toHaveText(longName);
  await keepScreenshot(page, 'tree-long-name');

  // Scrolled sideways under a still pointer, the tip follows the label; away from the tree it goes.
  await console_.tree.evaluate((tree) => tree.scrollTo({ left: tree.scrollWidth }));
  await expect(tip).toHaveText(longName);
  await console_.details.hover();
  await expect(tip).toBeHidden();

  await page.getByRole('menubar', { name: 'Menu bar' }).getByRole('menuitem', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: 'Exit' }).click();
  const exit = page.getByRole('alertdialog', { name: 'Exit Courier' });
  await expect(exit).toContainText('close this browser tab');
  await exit.getByRole('button', { name: 'OK' }).click();
  await expect(exit).toBeHidden();
});
