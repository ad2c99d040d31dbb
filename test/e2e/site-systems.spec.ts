import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AdvertisedProgramsAgentDto, DistributionManagerSettingsDto, DistributionPointDto, DpGroupDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { WizardPage } from './pages/wizard-page';
import { courierJson } from './support/courier-cli';
import { callApi, freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { expectPageFits } from './support/dialog-fit';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});
test.describe.configure({ timeout: 180_000 });

const root = resolve(import.meta.dirname, '../..');
/** The real CLI, as another admin at the site server would run it. */
const courier = (dataDir: string, ...args: string[]) => execFileSync(process.execPath, ['bin/courier.mjs', '--data-dir', dataDir, ...args], { cwd: root, encoding: 'utf8' });

function volumeFolders(dataDir: string): { d: string; e: string } {
  const d = join(dataDir, 'dp01', 'd');
  const e = join(dataDir, 'dp01', 'e');
  mkdirSync(d, { recursive: true });
  mkdirSync(e, { recursive: true });
  return { d, e };
}

async function openSiteSettings(page: Page, url: string): Promise<ConsolePage> {
  const console_ = new ConsolePage(page);
  await console_.open(url);
  await console_.expand(/^Site Settings$/);
  return console_;
}

const wizardBody = (wizard: WizardPage) => wizard.dialog.locator('[data-wizard-page]');

async function fits(dialog: Locator, body: Locator, shot: string): Promise<void> {
  await expectPageFits(dialog, body);
  await keepScreenshot(dialog, shot);
}

test('a site system with the DP role and two volumes, a DP group made from its properties, and the Software Distribution component set', async ({ page }) => {
  const dataDir = freshDataDir();
  const { d, e } = volumeFolders(dataDir);
  server = await startCourier(dataDir);
  const console_ = await openSiteSettings(page, server.url);

  await console_.treeItem(/^Site Systems$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Server', exact: true }).click();
  const wizard = new WizardPage(page, 'New Site System Server Wizard');

  const general = await wizard.expectPage('General');
  await general.getByRole('textbox', { name: 'Name' }).fill('dp01.contoso.com');
  await expect(general.getByRole('textbox', { name: 'Site code' })).toHaveValue('A01');
  await fits(wizard.dialog, wizardBody(wizard), 'site-system-wizard-general');
  await wizard.next();

  const roles = await wizard.expectPage('System Role Selection');
  await expect(wizard.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled();
  await roles.getByRole('checkbox', { name: 'Distribution point' }).check();
  await wizard.next();

  const dpPage = await wizard.expectPage('Distribution Point');
  await dpPage.getByRole('button', { name: 'Add Volume' }).click();
  await dpPage.getByRole('textbox', { name: 'Volume 1 path' }).fill('relative/path');
  await expect(dpPage.getByRole('alert')).toContainText('not a full path');
  await dpPage.getByRole('textbox', { name: 'Volume 1 path' }).fill(d);
  await dpPage.getByRole('button', { name: 'Add Volume' }).click();
  await expect(dpPage.getByRole('textbox', { name: 'Volume 2 drive letter' })).toHaveValue('E');
  await dpPage.getByRole('textbox', { name: 'Volume 2 path' }).fill(e);
  await dpPage.getByRole('textbox', { name: 'Volume 2 reserve (MB)' }).fill('100');
  await dpPage.getByRole('checkbox', { name: /Enable for BITS/ }).check();
  await fits(wizard.dialog, wizardBody(wizard), 'site-system-wizard-distribution-point');
  await wizard.next();

  const protectedPage = await wizard.expectPage('Protected');
  await protectedPage.getByRole('checkbox', { name: 'Enable as a protected distribution point' }).check();
  await expect(wizard.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled();
  await protectedPage.getByRole('button', { name: 'Add Boundary' }).click();
  await protectedPage.getByRole('textbox', { name: 'Boundary 1' }).fill('10.1.2.0/16');
  await expect(protectedPage.getByRole('alert')).toContainText('10.1.0.0/16');
  await protectedPage.getByRole('textbox', { name: 'Boundary 1' }).fill('10.1.0.0/16');
  await fits(wizard.dialog, wizardBody(wizard), 'site-system-wizard-protected');
  await wizard.next();

  const summary = await wizard.expectPage('Summary');
  await expect(summary).toContainText(`E: ${e} (reserve 100 MB)`);
  await fits(wizard.dialog, wizardBody(wizard), 'site-system-wizard-summary');
  await wizard.next();
  const confirmation = await wizard.expectPage('Confirmation');
  await expect(confirmation.getByText('The wizard completed successfully')).toBeVisible();
  await keepScreenshot(wizard.dialog, 'site-system-wizard-confirmation');
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();

  const shown = courierJson<DistributionPointDto>(dataDir, 'dp', 'show', 'dp01.contoso.com');
  expect(shown).toMatchObject({
    name: 'dp01.contoso.com',
    netbiosName: 'DP01',
    mode: 'server',
    bitsEnabled: true,
    protected: true,
    boundaries: [{ kind: 'ipSubnet', value: '10.1.0.0/16' }],
    shareProvider: 'local',
    volumes: [
      { letter: 'D', path: d, reserveMb: 0, shareName: 'SMSPKGD$' },
      { letter: 'E', path: e, reserveMb: 100, shareName: 'SMSPKGE$' },
    ],
  });

  // The new site system is selected in the Site Systems list, with its role.
  const systems = console_.details.getByRole('grid', { name: 'Site Systems' });
  await expect(systems.getByRole('row', { name: /dp01\.contoso\.com/ })).toContainText('ConfigMgr Distribution Point');
  await keepScreenshot(page, 'site-systems-list');
  await console_.expand(/^Site Systems$/);
  await console_.treeItem(/^dp01\.contoso\.com$/).click();
  const roleRow = console_.details.getByRole('grid', { name: 'dp01.contoso.com' }).getByRole('row', { name: /ConfigMgr Distribution Point/ });
  await expect(roleRow).toContainText('D: E:');
  await keepScreenshot(page, 'site-system-roles');

  // Properties on the role row; Group Membership: New, with "Include this site system" checked.
  await roleRow.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Properties' }).click();
  const sheet = page.getByRole('dialog', { name: 'ConfigMgr Distribution Point Properties' });
  await expect(sheet.getByRole('textbox', { name: 'Volume 2 path' })).toHaveValue(e);
  await fits(sheet, sheet.getByRole('tabpanel'), 'dp-properties-general');
  await sheet.getByRole('tab', { name: 'Protected' }).click();
  await expect(sheet.getByRole('textbox', { name: 'Boundary 1' })).toHaveValue('10.1.0.0/16');
  await fits(sheet, sheet.getByRole('tabpanel'), 'dp-properties-protected');
  await sheet.getByRole('tab', { name: 'Group Membership' }).click();
  await sheet.getByRole('button', { name: 'New…' }).click();
  const groupDialog = page.getByRole('dialog', { name: 'New Distribution Point Group' });
  await groupDialog.getByRole('textbox', { name: 'Name' }).fill('Europe');
  await groupDialog.getByRole('textbox', { name: 'Comment' }).fill('Every European office');
  await expect(groupDialog.getByRole('checkbox', { name: 'Include this site system in this distribution point group' })).toBeChecked();
  await keepScreenshot(groupDialog, 'dp-group-new-from-properties');
  await groupDialog.getByRole('button', { name: 'OK' }).click();
  await expect(groupDialog).toBeHidden();
  await expect(sheet.getByRole('checkbox', { name: 'Member of Europe' })).toBeChecked();

  // A group made meanwhile with the CLI shows in the open tab without F5.
  courier(dataDir, 'dp-group', 'create', 'Labs', '--description', 'Test benches');
  await expect(sheet.getByRole('checkbox', { name: 'Member of Labs' })).not.toBeChecked();
  await fits(sheet, sheet.getByRole('tabpanel'), 'dp-properties-group-membership');
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  const groups = courierJson<DpGroupDto[]>(dataDir, 'dp-group', 'list');
  expect(groups.map((g) => [g.name, g.description, g.members])).toEqual([
    ['Europe', 'Every European office', ['dp01.contoso.com']],
    ['Labs', 'Test benches', []],
  ]);

  // Distribution Point Groups: the same groups, from their own side.
  await console_.treeItem(/^Distribution Point Groups$/).click();
  const groupGrid = console_.details.getByRole('grid', { name: 'Distribution Point Groups' });
  await expect(groupGrid.getByRole('row', { name: /Europe/ })).toContainText('dp01.contoso.com');
  await groupGrid.getByRole('row', { name: /Labs/ }).click();
  await page.keyboard.press('Enter');
  const labs = page.getByRole('dialog', { name: 'Labs Properties' });
  await labs.getByRole('combobox', { name: 'Distribution point to add' }).click();
  await page.getByRole('option', { name: 'dp01.contoso.com', exact: true }).click();
  await labs.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(labs.getByRole('group', { name: 'Members' }).getByRole('button', { name: 'Remove dp01.contoso.com' })).toBeVisible();
  await expectPageFits(labs, labs.locator('[data-page-body]').first());
  await keepScreenshot(labs, 'dp-group-properties');
  await labs.getByRole('button', { name: 'OK' }).click();
  await expect(labs).toBeHidden();
  await expect(groupGrid.getByRole('row', { name: /Labs/ })).toContainText('dp01.contoso.com');
  expect(courierJson<DistributionPointDto>(dataDir, 'dp', 'show', 'dp01.contoso.com').groups).toEqual(['Europe', 'Labs']);

  // Component Configuration › Software Distribution › Properties.
  await console_.treeItem(/^Component Configuration$/).click();
  await console_.details.getByRole('row', { name: /Software Distribution/ }).click();
  await page.keyboard.press('Enter');
  const component = page.getByRole('dialog', { name: 'Software Distribution Component Properties' });
  await expect(component.getByRole('textbox', { name: 'Location of stored packages' })).toHaveValue('');
  await fits(component, component.getByRole('tabpanel'), 'distmgr-properties-general');
  await component.getByRole('tab', { name: 'Distribution Point' }).click();
  await expect(component.getByRole('textbox', { name: 'Maximum number of packages' })).toHaveValue('3');
  await expect(component.getByRole('textbox', { name: 'Maximum threads per package' })).toHaveValue('5');
  await expect(component.getByRole('textbox', { name: 'Number of retries' })).toHaveValue('100');
  await expect(component.getByRole('textbox', { name: 'Delay before retrying (minutes)' })).toHaveValue('30');
  await component.getByRole('textbox', { name: 'Maximum number of packages' }).fill('0');
  await expect(component.getByRole('button', { name: 'OK' })).toBeDisabled();
  await component.getByRole('textbox', { name: 'Maximum number of packages' }).fill('8');
  await component.getByRole('textbox', { name: 'Number of retries' }).fill('7');
  await fits(component, component.getByRole('tabpanel'), 'distmgr-properties-distribution-point');
  await component.getByRole('button', { name: 'OK' }).click();
  await expect(component).toBeHidden();
  expect(courierJson<DistributionManagerSettingsDto>(dataDir, 'component', 'show', 'distmgr')).toMatchObject({ maxPackages: 8, threadsPerPackage: 5, retries: 7, retryDelayMinutes: 30 });
});

test('Client Agents › Advertised Programs Client Agent: the countdown changed in its sheet is what the CLI sees', async ({ page }) => {
  const dataDir = freshDataDir();
  server = await startCourier(dataDir);
  const console_ = await openSiteSettings(page, server.url);
  await console_.treeItem(/^Client Agents$/).click();
  const agents = console_.details.getByRole('grid', { name: 'Client Agents' });
  await expect(agents.getByRole('row', { name: /Advertised Programs Client Agent/ })).toContainText('Enabled');
  await expect(agents.getByRole('row', { name: /Software Updates Client Agent/ })).toContainText('Not available in Courier');
  await agents.getByRole('row', { name: /Advertised Programs Client Agent/ }).click();
  await page.keyboard.press('Enter');

  const sheet = page.getByRole('dialog', { name: 'Advertised Programs Client Agent Properties' });
  await expect(sheet.getByRole('checkbox', { name: 'Enable software distribution to clients' })).toBeChecked();
  await expect(sheet.getByRole('textbox', { name: 'Policy polling interval (minutes)' })).toHaveValue('60');
  await fits(sheet, sheet.getByRole('tabpanel'), 'advertised-programs-general');
  await sheet.getByRole('tab', { name: 'Notification' }).click();
  const countdown = sheet.getByRole('textbox', { name: 'Countdown length (minutes)' });
  await expect(countdown).toHaveValue('5');
  await countdown.fill('0');
  await expect(sheet.getByRole('button', { name: 'OK' })).toBeDisabled();
  await expect(sheet).toContainText('Countdown length (minutes) is a whole number from 1 to 1440.');
  await countdown.fill('15');
  await fits(sheet, sheet.getByRole('tabpanel'), 'advertised-programs-notification');
  await sheet.getByRole('button', { name: 'Apply' }).click();
  await expect(sheet.getByRole('button', { name: 'Apply' })).toBeDisabled();
  expect(courierJson<AdvertisedProgramsAgentDto>(dataDir, 'client-agent', 'show', 'advertised-programs')).toMatchObject({ countdownMinutes: 15, enabled: true, policyPollingMinutes: 60 });

  // Another admin turns the agent off from the CLI: the open sheet and the list follow.
  courier(dataDir, 'client-agent', 'set', 'advertised-programs', '--enabled', 'false');
  await sheet.getByRole('tab', { name: 'General' }).click();
  await expect(sheet.getByRole('checkbox', { name: 'Enable software distribution to clients' })).not.toBeChecked();
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toBeHidden();
  await expect(agents.getByRole('row', { name: /Advertised Programs Client Agent/ })).toContainText('Disabled');
});

test('a DP that holds a package is deleted from its role row: the confirmation says the package is removed first', async ({ page, request }) => {
  const dataDir = freshDataDir();
  const { d } = volumeFolders(dataDir);
  const source = join(dataDir, 'sources', 'viewer');
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, 'viewer.msi'), 'not really an installer');
  server = await startCourier(dataDir);
  const call = (channel: string, data: unknown) => callApi(server!, request, channel, data);
  await call('distribution-points:create', { name: 'DP01', volumes: [{ letter: 'D', path: d }] });
  await call('packages:create', { name: 'Viewer', containsSourceFiles: true, sourceDirectory: source });
  await call('packages:distribute', { packageId: 'A0100001', distributionPoints: ['DP01'] });

  const console_ = await openSiteSettings(page, server.url);
  await console_.expand(/^Site Systems$/);
  await console_.treeItem(/^DP01$/).click();
  const roleRow = console_.details.getByRole('grid', { name: 'DP01' }).getByRole('row', { name: /ConfigMgr Distribution Point/ });
  await roleRow.click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete Distribution Point' });
  await expect(confirm).toContainText('1 package is on it');
  await keepScreenshot(confirm, 'dp-delete-with-package');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  // The console's site runs Distribution Manager: it removes the package from the DP (shown as
  // being deleted meanwhile, however briefly), then deletes the DP, and the console follows.
  await expect.poll(() => courierJson<DistributionPointDto[]>(dataDir, 'dp', 'list').map((dp) => dp.name), { timeout: 30_000 }).toEqual([]);
  expect(existsSync(join(d, 'SMSPKGD$', 'A0100001'))).toBe(false);
  await expect(console_.treeItem(/^DP01$/)).toHaveCount(0);

  // A DP added with the CLI shows in Site Systems without F5.
  mkdirSync(join(dataDir, 'dp02'));
  courier(dataDir, 'dp', 'add', 'DP02', '--volume', `D=${join(dataDir, 'dp02')}`);
  await console_.treeItem(/^Site Systems$/).click();
  await expect(console_.details.getByRole('grid', { name: 'Site Systems' }).getByRole('row', { name: /DP02/ })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the DP's property sheet and the wizard's Distribution Point page fit, ${scheme}`, async ({ page, request }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const dataDir = freshDataDir();
    const { d, e } = volumeFolders(dataDir);
    server = await startCourier(dataDir);
    const smbConf = join(dataDir, 'smb.conf');
    writeFileSync(smbConf, '[global]\n');
    await callApi(server, request, 'distribution-points:create', {
      name: 'DP01',
      volumes: [{ letter: 'D', path: d }, { letter: 'E', path: e, reserveMb: 2048 }],
      shareProvider: 'samba',
      sambaConf: smbConf,
      protected: true,
      boundaries: [{ kind: 'ipSubnet', value: '10.1.0.0/16' }, { kind: 'ipRange', value: '10.2.0.1-10.2.0.200' }, { kind: 'adSite', value: 'Default-First-Site-Name' }],
    });
    const console_ = await openSiteSettings(page, server.url);
    await console_.expand(/^Site Systems$/);
    await console_.treeItem(/^DP01$/).click();
    await console_.details.getByRole('row', { name: /ConfigMgr Distribution Point/ }).click();
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: 'ConfigMgr Distribution Point Properties' });
    await expect(sheet.getByRole('textbox', { name: 'Volume 2 path' })).toHaveValue(e);
    await fits(sheet, sheet.getByRole('tabpanel'), `dp-properties-general-${scheme}`);
    await sheet.getByRole('tab', { name: 'Protected' }).click();
    await fits(sheet, sheet.getByRole('tabpanel'), `dp-properties-protected-${scheme}`);
    await sheet.getByRole('tab', { name: 'Group Membership' }).click();
    await fits(sheet, sheet.getByRole('tabpanel'), `dp-properties-group-membership-${scheme}`);
    await sheet.getByRole('button', { name: 'Cancel' }).click();

    await console_.treeItem(/^Site Systems$/).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'New' }).click();
    await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Server Share', exact: true }).click();
    const wizard = new WizardPage(page, 'New Site System Server Share Wizard');
    const general = await wizard.expectPage('General');
    await general.getByRole('textbox', { name: 'Share' }).fill('\\\\files\\dist');
    await general.getByRole('textbox', { name: 'Distribution point name' }).fill('FILES');
    await fits(wizard.dialog, wizardBody(wizard), `site-system-share-wizard-general-${scheme}`);
    await wizard.next();
    await (await wizard.expectPage('System Role Selection')).getByRole('checkbox', { name: 'Distribution point' }).check();
    await wizard.next();
    const dpPage = await wizard.expectPage('Distribution Point');
    await wizard.choose(dpPage, 'Share provider', 'Samba');
    await fits(wizard.dialog, wizardBody(wizard), `site-system-share-wizard-distribution-point-${scheme}`);
  });
}
