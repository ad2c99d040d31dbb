import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdvertisementDto, CollectionDto, CollectionMemberDto, ResourceImportDto, Schedule } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { WizardPage } from './pages/wizard-page';
import { courierJson } from './support/courier-cli';
import { freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { expectPageFits } from './support/dialog-fit';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});
test.describe.configure({ timeout: 180_000 });
// The smallest screen the console is laid out for: every wizard and dialog must fit it.
test.use({ viewport: { width: 1024, height: 768 } });

const systemsCsv = [
  'Name,ResourceDomainORWorkgroup,OperatingSystemNameandVersion,Client',
  'PC-XP-02,CONTOSO,Microsoft Windows NT Workstation 5.1,0',
  'PC-XP-01,CONTOSO,Microsoft Windows NT Workstation 5.1,1',
  'PC-W7-01,CONTOSO,Microsoft Windows NT Workstation 6.1,1',
  'SRV-01,FABRIKAM,Microsoft Windows NT Server 6.1,1',
].join('\r\n');

async function importSystems(dataDir: string): Promise<void> {
  const csv = join(dataDir, 'systems.csv');
  writeFileSync(csv, systemsCsv);
  expect(courierJson<ResourceImportDto>(dataDir, 'resource', 'import', csv)).toMatchObject({ created: 4 });
}

/** The whole dialog lies inside the window: nothing of it is cut off at 1024×768. */
async function expectInWindow(page: Page, dialog: Locator): Promise<void> {
  const box = await dialog.boundingBox();
  const size = page.viewportSize();
  expect(box).not.toBeNull();
  if (box === null || size === null) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

/** Every control of the dialog's page is reachable (dialog-fit.ts), then the page is kept as a picture. */
async function fitsAndKeep(dialog: Locator, name: string): Promise<void> {
  const wizardBody = dialog.locator('[data-wizard-page]');
  const body = (await wizardBody.count()) > 0 ? wizardBody : (await dialog.getByRole('tabpanel').count()) > 0 ? dialog.getByRole('tabpanel') : dialog.locator('[data-page-body]').first();
  await expectPageFits(dialog, body);
  await keepScreenshot(dialog, name);
}

test('the New Collection wizard: a query rule and a direct rule previewed, then the members the CLI lists are the previewed ones', async ({ page }) => {
  const dataDir = freshDataDir();
  await importSystems(dataDir);
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);

  await console_.treeItem(/^Collections$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Collection', exact: true }).click();
  const wizard = new WizardPage(page, 'New Collection Wizard');
  await expectInWindow(page, wizard.dialog);

  const general = await wizard.expectPage('General');
  await expect(wizard.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled();
  await general.getByRole('textbox', { name: 'Name' }).fill('XP workstations');
  await general.getByRole('textbox', { name: 'Comment' }).fill('Every Windows XP workstation');
  await fitsAndKeep(wizard.dialog, 'new-collection-general');
  await wizard.next();

  const rules = await wizard.expectPage('Membership Rules');
  await expect(rules).toContainText('No membership rules yet');
  await fitsAndKeep(wizard.dialog, 'new-collection-rules-empty');
  await rules.getByRole('button', { name: 'New Query Rule…' }).click();
  const rule = page.getByRole('dialog', { name: 'Query Rule Properties' });
  await expectInWindow(page, rule);
  await rule.getByRole('textbox', { name: 'Query (WQL)' }).fill('select * from SMS_R_System where OperatingSystemNameandVersion like "%Workstation 5.1%"');
  await rule.getByRole('button', { name: 'Preview' }).click();
  await expect(rule.getByRole('status', { name: 'Preview count' })).toHaveText('2 members.');
  await expect(rule.getByRole('table', { name: 'Members the query gives' }).getByRole('row')).toHaveCount(3);
  await fitsAndKeep(rule, 'new-collection-query-rule-preview');
  await rule.getByRole('button', { name: 'OK' }).click();
  await expect(rule).toHaveCount(0);

  await expect(rules.getByRole('table', { name: 'Membership rules' }).getByRole('row', { name: /Query 1/ })).toBeVisible();
  await expect(rules.getByRole('status', { name: 'Preview count' })).toHaveText('2 members.');

  // A direct rule too: the server is found by name, and the preview takes it in.
  await rules.getByRole('button', { name: 'New Direct Rule…' }).click();
  const direct = page.getByRole('dialog', { name: 'Create Direct Membership Rule' });
  await direct.getByRole('textbox', { name: 'Name contains' }).fill('srv');
  await direct.getByRole('button', { name: 'Find' }).click();
  await direct.getByRole('group', { name: 'Resources' }).getByRole('checkbox', { name: /^SRV-01 / }).check();
  await fitsAndKeep(direct, 'new-collection-direct-rule');
  await direct.getByRole('button', { name: 'OK' }).click();
  await expect(direct).toHaveCount(0);
  await expect(rules.getByRole('table', { name: 'Membership rules' }).getByRole('row', { name: /SRV-01/ })).toContainText('Direct');
  await expect(rules.getByRole('status', { name: 'Preview count' })).toHaveText('3 members.');
  const previewed = await rules.getByRole('table', { name: 'Previewed members' }).locator('tbody tr td:first-child').allTextContents();
  expect(previewed).toEqual(['PC-XP-01', 'PC-XP-02', 'SRV-01']);
  await fitsAndKeep(wizard.dialog, 'new-collection-rules-preview');
  await wizard.next();

  const schedule = await wizard.expectPage('Membership Schedule');
  await schedule.getByRole('checkbox', { name: 'Update this collection on a schedule' }).check();
  await expect(schedule.getByLabel('Membership schedule')).toHaveText(/^Every day from \d{4}-\d{2}-\d{2} \d{2}:00 local$/);
  await fitsAndKeep(wizard.dialog, 'new-collection-schedule');
  await schedule.getByRole('button', { name: 'Schedule…' }).click();
  const custom = page.getByRole('dialog', { name: 'Membership Schedule' });
  await expectInWindow(page, custom);
  await custom.getByRole('radio', { name: 'Weekly' }).check();
  await fitsAndKeep(custom, 'new-collection-schedule-custom');
  await custom.getByRole('button', { name: 'OK' }).click();
  await expect(schedule.getByLabel('Membership schedule')).toHaveText(/^Every \w+day from /);
  await wizard.next();

  const advertisements = await wizard.expectPage('Advertisements');
  await expect(advertisements).toContainText('A new collection has no advertisements yet');
  await fitsAndKeep(wizard.dialog, 'new-collection-advertisements');
  await wizard.next();
  await wizard.expectPage('Security');
  await fitsAndKeep(wizard.dialog, 'new-collection-security');
  await wizard.next();

  const summary = await wizard.expectPage('Summary');
  await expect(summary.getByRole('region', { name: 'Membership Rules' })).toContainText('Query "Query 1"');
  await expect(summary.getByRole('region', { name: 'Membership Rules' })).toContainText('Direct: SRV-01');
  await expect(summary.getByRole('region', { name: 'Membership Schedule' })).toContainText(/Every \w+day from/);
  await fitsAndKeep(wizard.dialog, 'new-collection-summary');
  await wizard.next();
  const confirmation = await wizard.expectPage('Confirmation');
  await expect(confirmation.getByRole('status')).toHaveText('The New Collection Wizard completed successfully');
  await fitsAndKeep(wizard.dialog, 'new-collection-confirmation');
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(wizard.dialog).toHaveCount(0);

  const created = courierJson<CollectionDto[]>(dataDir, 'collection', 'list').find((c) => c.name === 'XP workstations');
  expect(created).toMatchObject({ comment: 'Every Windows XP workstation', memberCount: 3, rules: [{ kind: 'query', ruleName: 'Query 1' }, { kind: 'direct', ruleName: 'SRV-01' }] });
  expect(created?.membershipSchedule).toMatch(/^[0-9A-F]{16}$/);
  const members = courierJson<CollectionMemberDto[]>(dataDir, 'collection', 'members', created?.collectionId ?? '');
  expect(members.map((m) => m.name)).toEqual(previewed);
  await console_.expand(/^Collections$/);
  await expect(console_.treeItem(/^XP workstations$/)).toBeVisible();
});

test('a maintenance window added in Properties is stored with its schedule, duration and UTC', async ({ page }) => {
  const dataDir = freshDataDir();
  const pilot = courierJson<CollectionDto>(dataDir, 'collection', 'create', '--name', 'Pilot');
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Collections$/);
  await console_.treeItem(/^Pilot$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Properties' }).click();
  const sheet = page.getByRole('dialog', { name: 'Pilot Properties' });
  await expectInWindow(page, sheet);

  await sheet.getByRole('tab', { name: 'Membership Schedule' }).click();
  await expect(sheet.getByRole('checkbox', { name: 'Update this collection on a schedule' })).not.toBeChecked();
  await fitsAndKeep(sheet, 'collection-properties-schedule');
  await sheet.getByRole('tab', { name: 'Advertisements' }).click();
  await expect(sheet).toContainText('No advertisement targets this collection.');
  await fitsAndKeep(sheet, 'collection-properties-advertisements');
  await sheet.getByRole('tab', { name: 'Security' }).click();
  await fitsAndKeep(sheet, 'collection-properties-security');

  await sheet.getByRole('tab', { name: 'Maintenance Windows' }).click();
  await expect(sheet).toContainText('No maintenance windows');
  await sheet.getByRole('button', { name: 'New…' }).click();
  const window = page.getByRole('dialog', { name: 'New Maintenance Window' });
  await expectInWindow(page, window);
  await window.getByRole('textbox', { name: 'Name' }).fill('Nightly');
  await window.getByRole('spinbutton', { name: 'Duration hours' }).fill('3');
  await window.getByRole('spinbutton', { name: 'Duration minutes' }).fill('30');
  await window.getByRole('spinbutton', { name: 'Duration minutes' }).press('Tab');
  await window.getByRole('checkbox', { name: 'This schedule is UTC' }).check();
  await expect(window.getByRole('list', { name: 'Next occurrences' }).getByRole('listitem')).toHaveCount(5);
  await fitsAndKeep(window, 'collection-maintenance-window');
  await window.getByRole('button', { name: 'OK' }).click();
  await expect(window).toHaveCount(0);
  const row = sheet.getByRole('table', { name: 'Maintenance windows' }).getByRole('row', { name: /Nightly/ });
  await expect(row).toContainText('3 h 30 min');
  await expect(row).toContainText('UTC');
  await fitsAndKeep(sheet, 'collection-properties-windows');
  await sheet.getByRole('button', { name: 'OK' }).click();
  await expect(sheet).toHaveCount(0);

  const shown = courierJson<CollectionDto>(dataDir, 'collection', 'show', pilot.collectionId);
  expect(shown.maintenanceWindows).toEqual([{ name: 'Nightly', schedule: expect.stringMatching(/^[0-9A-F]{16}$/), durationMinutes: 210, enabled: true }]);
  const [decoded] = courierJson<Schedule[]>(dataDir, 'schedule', 'decode', shown.maintenanceWindows[0]?.schedule ?? '');
  expect(decoded).toMatchObject({ type: 'interval', daySpan: 1, isGmt: true, hourDuration: 3, minuteDuration: 30 });
});

test('the Delete Collection wizard deletes a targeted collection, its subcollection and their advertisement', async ({ page }) => {
  const dataDir = freshDataDir();
  const pkg = courierJson<{ packageId: string }>(dataDir, 'package', 'create', '--name', 'Viewer');
  courierJson(dataDir, 'program', 'create', pkg.packageId, '--name', 'Install', '--command-line', 'setup.exe /q');
  const pilot = courierJson<CollectionDto>(dataDir, 'collection', 'create', '--name', 'Pilot');
  const laptops = courierJson<CollectionDto>(dataDir, 'collection', 'create', '--name', 'Pilot laptops', '--parent', pilot.collectionId);
  const advertisement = courierJson<AdvertisementDto>(dataDir, 'advertisement', 'create', '--name', 'Viewer to laptops', '--package', pkg.packageId, '--program', 'Install', '--collection', laptops.collectionId);

  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Collections$/);
  await console_.treeItem(/^Pilot$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const wizard = new WizardPage(page, 'Delete Collection Wizard');
  await expectInWindow(page, wizard.dialog);
  await expect(await wizard.expectPage('General')).toContainText('You have chosen to delete the collection Pilot');
  await fitsAndKeep(wizard.dialog, 'delete-collection-general');
  await wizard.next();
  const subs = await wizard.expectPage('Subcollections');
  await expect(subs.getByRole('list', { name: 'Deleted with it' })).toHaveText(`Pilot laptops (${laptops.collectionId})`);
  await fitsAndKeep(wizard.dialog, 'delete-collection-subcollections');
  await wizard.next();
  const ads = await wizard.expectPage('Advertisements');
  await expect(ads.getByRole('table', { name: 'Advertisements deleted with it' }).getByRole('row', { name: new RegExp(advertisement.advertisementId) })).toContainText('Viewer to laptops');
  await expect(wizard.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled();
  // The keyboard alone: Space ticks the confirmation, Enter presses Next.
  await ads.getByRole('checkbox', { name: 'Delete these advertisements with the collection' }).focus();
  await page.keyboard.press('Space');
  await fitsAndKeep(wizard.dialog, 'delete-collection-advertisements');
  await page.keyboard.press('Enter');
  const summary = await wizard.expectPage('Summary');
  await expect(summary.getByRole('region', { name: 'Deleted' })).toContainText(`${advertisement.advertisementId} (Viewer to laptops)`);
  await fitsAndKeep(wizard.dialog, 'delete-collection-summary');
  await wizard.next();
  const confirmation = await wizard.expectPage('Confirmation');
  await expect(confirmation.getByRole('status')).toHaveText('The Delete Collection Wizard completed successfully');
  await expect(confirmation.getByRole('definition').filter({ hasText: advertisement.advertisementId })).toHaveText(`${advertisement.advertisementId} (Viewer to laptops)`);
  await fitsAndKeep(wizard.dialog, 'delete-collection-confirmation');
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(console_.treeItem(/^Pilot$/)).toHaveCount(0);

  expect(courierJson<CollectionDto[]>(dataDir, 'collection', 'list').map((c) => c.collectionId)).toEqual(['SMS00001', 'SMS00002', 'SMS00003']);
  expect(courierJson<AdvertisementDto[]>(dataDir, 'advertisement', 'list')).toEqual([]);
});
