import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildMsi } from '../helpers/build-msi';
import { ConsolePage } from './pages/console-page';
import { WizardPage } from './pages/wizard-page';
import { dialogScreenshot, expectCompactDensity, expectPageFits, takingScreenshots } from './support/dialog-fit';
import { courierJson } from './support/courier-cli';
import { callApi, freshDataDir, startCourier, type CourierServer } from './support/courier-server';

/**
 * Every wizard page, property sheet tab and small dialog in real Chromium: each fits its dialog
 * or scrolls inside its page body with the footer in view. `npm run screenshots` also keeps a
 * picture of each, light and dark, in test/screenshots/dialogs/.
 */

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const call = (request: APIRequestContext, channel: string, data: unknown) => callApi(server!, request, channel, data);



async function newFromTree(console_: ConsolePage, node: Locator, item: string): Promise<void> {
  await node.click({ button: 'right' });
  await console_.page.getByRole('menuitem', { name: 'New' }).click();
  await console_.page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: item, exact: true }).click();
}

const wizardBody = (wizard: WizardPage) => wizard.dialog.locator('[data-wizard-page]');
const dialogBody = (dialog: Locator) => dialog.locator('[data-page-body]').first();

type Scheme = 'light' | 'dark';

async function checkWizardPage(wizard: WizardPage, scheme: Scheme, name: string, shot: string): Promise<Locator> {
  const region = await wizard.expectPage(name);
  await expectPageFits(wizard.dialog, wizardBody(wizard));
  await expectCompactDensity(wizard.dialog, wizardBody(wizard));
  await dialogScreenshot(wizard.dialog, scheme, shot);
  return region;
}

async function checkSmallDialog(dialog: Locator, scheme: Scheme, shot: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await expectPageFits(dialog, dialogBody(dialog));
  // A title is one line, as in a Windows title bar: it does not wrap.
  const title = dialog.locator('h2').first();
  const lines = await title.evaluate((element) => {
    const style = getComputedStyle(element);
    const text = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return Math.round(text / parseFloat(style.lineHeight));
  });
  expect(lines, 'the title is one line').toBe(1);
  const clipped = await title.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
  expect(clipped, 'the title is not cut').toBe(false);
  await dialogScreenshot(dialog, scheme, shot);
}

/** Every tab of a property sheet, in order, checked and pictured. */
async function checkEveryTab(sheet: Locator, scheme: Scheme, prefix: string): Promise<number> {
  // The tabs come with the loaded item (a device program has its own).
  await expect(sheet.getByRole('tab').nth(1)).toBeEnabled();
  const count = await sheet.getByRole('tab').count();
  for (let index = 0; index < count; index++) {
    await sheet.getByRole('tab').nth(index).click();
    const panel = sheet.getByRole('tabpanel');
    await expect(panel).toBeVisible();
    const tab = (await panel.getAttribute('aria-label')) ?? String(index);
    await expectPageFits(sheet, panel);
    await expectCompactDensity(sheet, panel);
    await dialogScreenshot(sheet, scheme, `${prefix}-${String(index + 1).padStart(2, '0')}-${tab.toLowerCase().replaceAll(/[^a-z]+/g, '-')}`);
  }
  return count;
}

async function openConsole(page: Page): Promise<ConsolePage> {
  const console_ = new ConsolePage(page);
  await console_.open(server!.url);
  return console_;
}

const schemes: readonly Scheme[] = takingScreenshots ? ['light', 'dark'] : ['light'];

for (const scheme of schemes) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    // Each test walks a whole wizard and sheet: on a loaded machine that takes more than the default minute.
    test.describe.configure({ timeout: 180_000 });

    test(`every New Package Wizard page and the Set Source Directory dialog fit (${scheme})`, async ({ page }) => {
      const dataDir = freshDataDir();
      const source = join(dataDir, 'sources', 'viewer');
      mkdirSync(source, { recursive: true });
      server = await startCourier(dataDir);
      const console_ = await openConsole(page);
      await console_.selectPackagesNode();
      const wizard = await console_.openNewPackageWizard();

      const general = await checkWizardPage(wizard, scheme, 'General', 'package-wizard-01-general-empty');
      await general.getByRole('textbox', { name: 'Name', exact: true }).fill('Contoso Viewer');
      await wizard.next();

      const dataSource = await wizard.expectPage('Data Source');
      await dataSource.getByRole('checkbox', { name: 'This package contains source files' }).check();
      await dataSource.getByRole('button', { name: 'Set…' }).click();
      const set = page.getByRole('dialog', { name: 'Set Source Directory' });
      await checkSmallDialog(set, scheme, 'set-source-directory');
      await set.getByRole('radio', { name: 'Local drive on site server' }).check();
      await set.getByRole('textbox', { name: 'Source directory' }).fill(source);
      await set.getByRole('button', { name: 'OK' }).click();
      await expect(set).toBeHidden();
      await dataSource.getByRole('checkbox', { name: 'Update distribution points on a schedule' }).check();
      await dataSource.getByRole('button', { name: 'Schedule…' }).click();
      const schedule = page.getByRole('dialog', { name: 'Custom Schedule' });
      await expect(schedule.getByRole('list', { name: 'Next run times' }).getByRole('listitem')).toHaveCount(5);
      await checkSmallDialog(schedule, scheme, 'custom-schedule');
      await schedule.getByRole('button', { name: 'Cancel' }).click();
      await expect(schedule).toBeHidden();
      await checkWizardPage(wizard, scheme, 'Data Source', 'package-wizard-02-data-source');
      await wizard.next();

      const dataAccess = await wizard.expectPage('Data Access');
      await dataAccess.getByRole('radio', { name: 'Share the distribution folder' }).check();
      await dataAccess.getByRole('checkbox', { name: 'Disconnect users from distribution points' }).check();
      await checkWizardPage(wizard, scheme, 'Data Access', 'package-wizard-03-data-access');
      await dataAccess.getByRole('textbox', { name: 'Share name' }).fill('\\\\dp01\\apps\\viewer');
      await wizard.next();

      await checkWizardPage(wizard, scheme, 'Distribution Settings', 'package-wizard-04-distribution-settings');
      await wizard.next();
      const reporting = await wizard.expectPage('Reporting');
      await reporting.getByRole('radio', { name: 'Use these fields for status MIF matching' }).check();
      await checkWizardPage(wizard, scheme, 'Reporting', 'package-wizard-05-reporting');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Security', 'package-wizard-06-security');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Summary', 'package-wizard-07-summary');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Confirmation', 'package-wizard-08-confirmation');
      await wizard.dialog.getByRole('button', { name: 'Close' }).click();

      const sheet = await console_.openPropertiesWithKeyboard(console_.packageRow(/Contoso Viewer/));
      expect(await checkEveryTab(sheet.dialog, scheme, 'package-properties')).toBe(6);
    });

    test(`every New Program Wizard page, the device program's, and Program Properties fit (${scheme})`, async ({ page, request }) => {
      server = await startCourier();
      await call(request, 'packages:create', { name: 'Office' });
      const console_ = await openConsole(page);
      await console_.openPackagePart('Office', 'Programs');
      const programs = console_.tree.getByRole('treeitem', { name: 'Programs', exact: true, selected: true });

      await newFromTree(console_, programs, 'Program');
      const wizard = new WizardPage(page, 'New Program Wizard');
      const general = await checkWizardPage(wizard, scheme, 'General', 'program-wizard-01-general');
      await general.getByRole('textbox', { name: 'Name' }).fill('Per-system unattended');
      await general.getByRole('textbox', { name: 'Command line' }).fill('msiexec /i office.msi /q');
      await wizard.next();
      const requirements = await wizard.expectPage('Requirements');
      await requirements.getByRole('radio', { name: 'This program can run only on specified client platforms' }).check();
      await requirements.getByRole('checkbox', { name: 'All x86 Windows XP' }).check();
      await checkWizardPage(wizard, scheme, 'Requirements', 'program-wizard-02-requirements');
      await wizard.next();
      const environment = await wizard.expectPage('Environment');
      await wizard.choose(environment, 'Program can run', 'Whether or not a user is logged on');
      await environment.getByRole('checkbox', { name: 'Allow users to interact with this program' }).check();
      await checkWizardPage(wizard, scheme, 'Environment', 'program-wizard-03-environment');
      await wizard.next();
      const advanced = await wizard.expectPage('Advanced');
      await advanced.getByRole('checkbox', { name: 'Run another program first' }).check();
      await checkWizardPage(wizard, scheme, 'Advanced', 'program-wizard-04-advanced');
      await advanced.getByRole('checkbox', { name: 'Run another program first' }).uncheck();
      await wizard.next();
      const installer = await checkWizardPage(wizard, scheme, 'Windows Installer', 'program-wizard-05-windows-installer');
      await installer.getByRole('button', { name: 'Import…' }).click();
      const msi = page.getByRole('dialog', { name: 'Import Windows Installer File' });
      await checkSmallDialog(msi, scheme, 'import-windows-installer-file');
      await msi.getByRole('button', { name: 'Cancel' }).click();
      await expect(msi).toBeHidden();
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'MOM Maintenance Mode', 'program-wizard-06-mom');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Summary', 'program-wizard-07-summary');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Confirmation', 'program-wizard-08-confirmation');
      await wizard.dialog.getByRole('button', { name: 'Close' }).click();

      await newFromTree(console_, programs, 'Program For Device');
      const device = new WizardPage(page, 'New Program For Device Wizard');
      const deviceGeneral = await device.expectPage('General');
      const deviceTitles = await device.dialog.getByRole('navigation', { name: 'Wizard pages' }).getByRole('listitem').allTextContents();
      await checkWizardPage(device, scheme, 'General', 'device-program-wizard-01-general');
      await deviceGeneral.getByRole('textbox', { name: 'Name' }).fill('Viewer');
      await deviceGeneral.getByRole('textbox', { name: 'Command line', exact: true }).fill('viewer.cab');
      for (const [index, title] of deviceTitles.slice(1).entries()) {
        await device.next();
        await checkWizardPage(device, scheme, title, `device-program-wizard-${String(index + 2).padStart(2, '0')}-${title.toLowerCase().replaceAll(/[^a-z]+/g, '-')}`);
        if (title === 'Summary') break;
      }
      await device.next();
      await device.expectPage('Confirmation');
      await device.dialog.getByRole('button', { name: 'Close' }).click();

      for (const [name, prefix] of [
        ['Per-system unattended', 'program-properties'],
        ['Viewer', 'device-program-properties'],
      ] as const) {
        await console_.details.getByRole('row', { name: new RegExp(name) }).click();
        await page.keyboard.press('Enter');
        const sheet = page.getByRole('dialog', { name: `${name} Properties` });
        await expect(sheet).toBeVisible();
        expect(await checkEveryTab(sheet, scheme, prefix)).toBeGreaterThanOrEqual(2);
        await sheet.getByRole('button', { name: 'Cancel' }).click();
        await expect(sheet).toBeHidden();
      }
    });

    test(`every New Advertisement For Device Wizard page, its schedule dialogs and its Properties fit (${scheme})`, async ({ page, request }) => {
      server = await startCourier();
      await call(request, 'packages:create', { name: 'Handheld Tools' });
      await call(request, 'programs:create-device', { packageId: 'A0100001', program: { name: 'Install CAB', commandLine: 'setup.cab' } });
      const console_ = await openConsole(page);
      await console_.openPackagePart('Handheld Tools', 'Programs');
      await console_.details.getByRole('row', { name: /Install CAB/ }).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'New Advertisement For Device' }).click();
      const wizard = new WizardPage(page, 'New Advertisement For Device Wizard');
      const general = await wizard.expectPage('General');
      const titles = await wizard.dialog.getByRole('navigation', { name: 'Wizard pages' }).getByRole('listitem').allTextContents();
      await general.getByRole('textbox', { name: 'Name' }).fill('Handheld tonight');
      await general.getByRole('button', { name: 'Browse for a collection' }).click();
      const browse = page.getByRole('dialog', { name: 'Browse Collection' });
      await browse.getByRole('row', { name: /All Systems/ }).dblclick();
      await expect(browse).toBeHidden();
      await checkWizardPage(wizard, scheme, 'General', 'device-advertisement-wizard-01-general');
      for (const [index, title] of titles.slice(1).entries()) {
        await wizard.next();
        const region = await checkWizardPage(wizard, scheme, title, `device-advertisement-wizard-${String(index + 2).padStart(2, '0')}-${title.toLowerCase().replaceAll(/[^a-z]+/g, '-')}`);
        if (title === 'Schedule') {
          await region.getByRole('button', { name: 'New…' }).click();
          const assignment = page.getByRole('dialog', { name: 'Assignment Schedule' });
          await checkSmallDialog(assignment, scheme, 'device-advertisement-assignment-schedule');
          await assignment.getByRole('button', { name: 'Schedule…' }).click();
          const custom = page.getByRole('dialog', { name: 'Custom Schedule' });
          await checkSmallDialog(custom, scheme, 'device-advertisement-custom-schedule');
          await custom.getByRole('button', { name: 'OK' }).click();
          await assignment.getByRole('button', { name: 'OK' }).click();
          await expect(assignment).toBeHidden();
          await checkWizardPage(wizard, scheme, title, 'device-advertisement-wizard-02-schedule-assigned');
        }
        if (title === 'Summary') break;
      }
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Confirmation', 'device-advertisement-wizard-07-confirmation');
      await wizard.dialog.getByRole('button', { name: 'Close' }).click();

      await console_.expand(/^Computer Management$/);
      await console_.expand(/^Software Distribution$/);
      await console_.treeItem(/^Advertisements$/).click();
      await console_.details.getByRole('row', { name: /Handheld tonight/ }).dblclick();
      const sheet = page.getByRole('dialog', { name: 'Handheld tonight Properties' });
      await expect(sheet).toBeVisible();
      expect(await checkEveryTab(sheet, scheme, 'device-advertisement-properties')).toBe(6);
      await sheet.getByRole('button', { name: 'Cancel' }).click();
      await expect(sheet).toBeHidden();
    });

    test(`every Create Package From Definition Wizard page fits (${scheme})`, async ({ page }) => {
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
      const console_ = await openConsole(page);
      await console_.selectPackagesNode();
      await newFromTree(console_, console_.treeItem(/^Packages$/), 'Package From Definition');
      const wizard = new WizardPage(page, 'Create Package From Definition Wizard');
      const definition = await checkWizardPage(wizard, scheme, 'Package Definition', 'import-wizard-01-definition');
      await definition.getByRole('textbox', { name: 'File on the site server' }).fill(msi);
      await definition.getByRole('button', { name: 'Open' }).click();
      await expect(definition.getByRole('group', { name: 'Package definition details' })).toContainText('Contoso Reader');
      await checkWizardPage(wizard, scheme, 'Package Definition', 'import-wizard-02-definition-msi');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Source Files', 'import-wizard-03-source-files');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Source Directory', 'import-wizard-04-source-directory');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Summary', 'import-wizard-05-summary');
      await wizard.next();
      await checkWizardPage(wizard, scheme, 'Confirmation', 'import-wizard-06-confirmation');
    });

    test(`the access account dialogs fit, their titles on one line (${scheme})`, async ({ page, request }) => {
      server = await startCourier();
      await call(request, 'packages:create', { name: 'Office' });
      const console_ = await openConsole(page);
      await console_.openPackagePart('Office', 'Access Accounts');
      const accounts = console_.tree.getByRole('treeitem', { name: 'Access Accounts', exact: true, selected: true });

      await newFromTree(console_, accounts, 'Windows User Access Account');
      const windows = page.getByRole('dialog', { name: 'New Windows User Access Account Properties' });
      await checkSmallDialog(windows, scheme, 'access-account-windows-new');
      await windows.getByRole('button', { name: 'Set…' }).click();
      const picker = page.getByRole('dialog', { name: 'Windows User Account' });
      await checkSmallDialog(picker, scheme, 'access-account-windows-user-account');
      await picker.getByRole('textbox', { name: 'User name' }).fill(`CONTOSO\\${'a'.repeat(300)}`);
      await expect(picker.getByText(/at most 120 characters/)).toHaveCount(1);
      await dialogScreenshot(picker, scheme, 'access-account-windows-user-account-too-long');
      await picker.getByRole('button', { name: 'Cancel' }).click();
      await windows.getByRole('button', { name: 'Cancel' }).click();
      await expect(windows).toBeHidden();

      await newFromTree(console_, accounts, 'Generic Access Account');
      const generic = page.getByRole('dialog', { name: 'New Generic Access Account Properties' });
      await checkSmallDialog(generic, scheme, 'access-account-generic-new');
      await generic.getByRole('button', { name: 'Set…' }).click();
      const genericPicker = page.getByRole('dialog', { name: 'Generic Account' });
      await checkSmallDialog(genericPicker, scheme, 'access-account-generic-account');
      await genericPicker.getByRole('button', { name: 'Cancel' }).click();
      await generic.getByRole('button', { name: 'Cancel' }).click();
      await expect(generic).toBeHidden();

      await console_.details.getByRole('row', { name: /Administrators/ }).click();
      await page.keyboard.press('Enter');
      const properties = page.getByRole('dialog', { name: 'Administrators Properties' });
      await checkSmallDialog(properties, scheme, 'access-account-properties');
      await properties.getByRole('button', { name: 'Cancel' }).click();
      await expect(properties).toBeHidden();
      await page.keyboard.press('Delete');
      await checkSmallDialog(page.getByRole('alertdialog', { name: 'Delete Access Account' }), scheme, 'access-account-delete');
    });

    test(`the management point's property sheet and the Block and Reset confirmations fit (${scheme})`, async ({ page, request }) => {
      // Any free port before the site starts, so its management point never takes a fixed one.
      const dataDir = freshDataDir();
      courierJson(dataDir, 'mp', 'set', '--port', '0');
      server = await startCourier(dataDir);
      let mpUrl = '';
      await expect
        .poll(async () => {
          mpUrl = ((await call(request, 'management-point:status', {})) as { url: string | null }).url ?? '';
          return mpUrl;
        }, { timeout: 30_000 })
        .not.toBe('');
      const answer = await fetch(new URL('register', mpUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'PC0001', operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 5.1', platform: 'I386', ipAddresses: [], ipSubnets: [], loggedOnUsers: [] }),
      });
      expect(answer.status).toBe(200);
      const console_ = await openConsole(page);
      await console_.expand(/^Site Settings$/);
      await console_.treeItem(/^Pending Approval$/).click();
      await console_.details.getByRole('radio', { name: /^All/ }).check();
      const row = console_.details.getByRole('row', { name: /PC0001/ });
      await row.click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Block…' }).click();
      const block = page.getByRole('alertdialog', { name: 'Block Client' });
      await checkSmallDialog(block, scheme, 'mp-client-block');
      await block.getByRole('button', { name: 'Cancel' }).click();
      await row.click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Reset…' }).click();
      const reset = page.getByRole('alertdialog', { name: 'Reset Client' });
      await checkSmallDialog(reset, scheme, 'mp-client-reset');
      await reset.getByRole('button', { name: 'Cancel' }).click();
      await console_.treeItem(/^Pending Approval$/).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Management Point Properties' }).click();
      const sheet = page.getByRole('dialog', { name: 'ConfigMgr Management Point Properties' });
      expect(await checkEveryTab(sheet, scheme, 'mp-properties')).toBe(2);
    });
  });
}
