import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AdvertisementDto, CollectionDto, CollectionMemberDto, PackageDto, ProgramDto, ResourceImportDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { WizardPage } from './pages/wizard-page';
import { courierJson } from './support/courier-cli';
import { freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { expectPageFits } from './support/dialog-fit';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});
test.describe.configure({ timeout: 240_000 });

/** Kept across runs, one folder for this wizard, so a reviewer can walk its pages. */
const shotDir = resolve(import.meta.dirname, '../screenshots/distribute-software');

async function shot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(shotDir, { recursive: true });
  await target.screenshot({ path: join(shotDir, `${name}.png`), animations: 'disabled' });
}

/** Waits for a page, checks every control on it can be reached, and keeps its picture. */
async function page_(wizard: WizardPage, name: string, file: string): Promise<Locator> {
  const region = await wizard.expectPage(name);
  await expectPageFits(wizard.dialog, wizard.dialog.locator('[data-wizard-page]'));
  await shot(wizard.dialog, file);
  return region;
}

const systemsCsv = [
  'Name,ResourceDomainORWorkgroup,OperatingSystemNameandVersion,Client',
  'PC-01,CONTOSO,Microsoft Windows NT Workstation 6.1,1',
  'PC-02,CONTOSO,Microsoft Windows NT Workstation 6.1,1',
  'PC-03,CONTOSO,Microsoft Windows NT Workstation 5.1,1',
].join('\r\n');

/** A site with three systems in a collection Pilot, a DP, and a package Office with source files and a program. */
function populate(dataDir: string): { pilot: CollectionDto; office: PackageDto } {
  const csv = join(dataDir, 'systems.csv');
  writeFileSync(csv, systemsCsv);
  expect(courierJson<ResourceImportDto>(dataDir, 'resource', 'import', csv)).toMatchObject({ created: 3 });
  const pilot = courierJson<CollectionDto>(dataDir, 'collection', 'create', '--name', 'Pilot', '--direct', 'PC-01', 'PC-02', 'PC-03');
  const volume = join(dataDir, 'dp01');
  mkdirSync(volume, { recursive: true });
  courierJson(dataDir, 'dp', 'add', 'DP01', '--volume', `D=${volume}`);
  const source = mkdtempSync(join(tmpdir(), 'courier-e2e-office-'));
  writeFileSync(join(source, 'setup.exe'), 'MZ');
  const office = courierJson<PackageDto>(dataDir, 'package', 'create', '--name', 'Office', '--version', '2007', '--source', source);
  courierJson<ProgramDto>(dataDir, 'program', 'create', office.packageId, '--name', 'Typical', '--command-line', 'setup.exe /q');
  return { pilot, office };
}

/** Right-click › Distribute › Software on what `target` is. */
async function distributeSoftware(page: Page, target: Locator): Promise<void> {
  await target.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Distribute' }).click();
  await page.getByRole('menu', { name: 'Distribute' }).getByRole('menuitem', { name: 'Software' }).click();
}

/** Summary: the dry run arrives; its picture at 1024×768 and at 1280×800. */
async function summary(page: Page, wizard: WizardPage, file: string, members: RegExp): Promise<void> {
  const region = await wizard.expectPage('Summary');
  const dryRun = region.getByRole('region', { name: 'What the site would do' });
  await expect(dryRun.getByText(members)).toBeVisible();
  await expectPageFits(wizard.dialog, wizard.dialog.locator('[data-wizard-page]'));
  await shot(wizard.dialog, `${file}-1024`);
  await dryRun.scrollIntoViewIfNeeded();
  await shot(wizard.dialog, `${file}-1024-dry-run`);
  // The whole window at 1280×800: the wizard keeps its size, centred over the console.
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, `${file}-1280`);
  await page.setViewportSize({ width: 1024, height: 768 });
}

async function finish(wizard: WizardPage, title: string, file: string): Promise<Locator> {
  await wizard.next();
  const done = await wizard.expectPage('Confirmation');
  await expect(done.getByText(`The ${title} completed successfully`)).toBeVisible();
  await shot(wizard.dialog, file);
  // The focus is on Close: Enter closes.
  await expect(wizard.dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  return done;
}

/** A populated site served, the console open at 1024×768, and Distribute › Software on the collection Pilot. */
async function fromPilot(page: Page): Promise<{ dataDir: string; pilot: CollectionDto; title: string; wizard: WizardPage }> {
  const dataDir = freshDataDir();
  const { pilot } = populate(dataDir);
  server = await startCourier(dataDir);
  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Collections$/);
  await distributeSoftware(page, console_.treeItem(/^Pilot$/));
  const title = 'Distribute Software To Collection Wizard';
  return { dataDir, pilot, title, wizard: new WizardPage(page, title) };
}

test('from a collection: a new package and program from scratch, advertised to it and assigned', async ({ page }) => {
  const { dataDir, pilot, title, wizard } = await fromPilot(page);
  const welcome = await page_(wizard, 'Welcome', 'collection-01-welcome');
  await expect(welcome.getByText(`to the collection Pilot (${pilot.collectionId})`, { exact: false })).toBeVisible();
  await wizard.next();
  const pkg = await page_(wizard, 'Package', 'collection-02-package');
  await expect(pkg.getByRole('radio', { name: 'Create a new package and program without a definition file' })).toBeChecked();
  await wizard.next();

  const identification = await wizard.expectPage('Package Identification');
  await identification.getByRole('textbox', { name: 'Name' }).fill('Contoso Tool');
  await identification.getByRole('textbox', { name: 'Version' }).fill('1.0');
  await identification.getByRole('textbox', { name: 'Publisher' }).fill('Contoso');
  await page_(wizard, 'Package Identification', 'collection-03-package-identification');
  // Enter in a field is Next.
  await identification.getByRole('textbox', { name: 'Name' }).press('Enter');
  await page_(wizard, 'Source Files', 'collection-04-source-files');
  await wizard.next();

  const program = await wizard.expectPage('Program Identification');
  await program.getByRole('textbox', { name: 'Name' }).fill('Install');
  await program.getByRole('textbox', { name: 'Command line' }).fill('setup.exe /s');
  await program.getByRole('checkbox', { name: 'Run with administrative rights' }).check();
  await program.getByRole('checkbox', { name: /User input required/ }).check();
  await page_(wizard, 'Program Identification', 'collection-05-program-identification');
  await wizard.next();

  const advertise = await page_(wizard, 'Advertise Program', 'collection-06-advertise');
  await expect(advertise.getByRole('radio', { name: 'Yes. Create a new advertisement for the program' })).toBeChecked();
  await wizard.next();
  const target = await page_(wizard, 'Advertisement Target', 'collection-07-target');
  await expect(target.getByRole('textbox', { name: 'Existing collection' })).toHaveValue(`Pilot (${pilot.collectionId})`);
  await wizard.next();
  const name = await page_(wizard, 'Advertisement Name', 'collection-08-name');
  await expect(name.getByRole('textbox', { name: 'Name' })).toHaveValue('Contoso Tool - Install');
  await name.getByRole('textbox', { name: 'Comment' }).fill('Pilot wave');
  await wizard.next();
  await page_(wizard, 'Advertisement Subcollection', 'collection-09-subcollection');
  await wizard.next();
  const schedule = await wizard.expectPage('Advertisement Schedule');
  await schedule.getByRole('textbox', { name: 'Advertise the program after', exact: true }).fill('2026-12-07');
  await schedule.getByRole('textbox', { name: 'Advertise the program after, time' }).fill('08:00');
  await page_(wizard, 'Advertisement Schedule', 'collection-10-schedule');
  await wizard.next();
  const assign = await wizard.expectPage('Assign Program');
  await assign.getByRole('radio', { name: 'Yes. Assign the program' }).check();
  await assign.getByRole('textbox', { name: 'Assign after', exact: true }).fill('2026-12-08');
  await assign.getByRole('textbox', { name: 'Assign after, time' }).fill('20:00');
  await page_(wizard, 'Assign Program', 'collection-11-assign');
  await wizard.next();

  await summary(page, wizard, 'collection-12-summary', /^3 members in “Pilot”: PC-01, PC-02, PC-03\.$/);
  await finish(wizard, title, 'collection-13-confirmation');
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(wizard.dialog).toBeHidden();

  const made = courierJson<PackageDto[]>(dataDir, 'package', 'list').find((p) => p.name === 'Contoso Tool');
  expect(made).toMatchObject({ version: '1.0', publisher: 'Contoso', containsSourceFiles: false });
  const programs = courierJson<ProgramDto[]>(dataDir, 'program', 'list', made!.packageId);
  expect(programs).toEqual([expect.objectContaining({ name: 'Install', commandLine: 'setup.exe /s', runMode: 'adminRights', allowUserInteraction: true })]);
  const ads = courierJson<AdvertisementDto[]>(dataDir, 'advertisement', 'list').filter((a) => a.packageId === made!.packageId);
  expect(ads).toEqual([
    expect.objectContaining({
      advertisementName: 'Contoso Tool - Install',
      comment: 'Pilot wave',
      programName: 'Install',
      collectionId: pilot.collectionId,
      presentTime: '2026-12-07T08:00',
    }),
  ]);
});

test('from two resources picked with Ctrl+click: an existing package, copied to a DP, advertised to a new collection of them', async ({ page }) => {
  const dataDir = freshDataDir();
  const { pilot, office } = populate(dataDir);
  server = await startCourier(dataDir);
  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Collections$/);
  await console_.treeItem(/^Pilot$/).click();
  const grid = console_.details.getByRole('grid', { name: 'Pilot' });
  await grid.getByRole('row', { name: /PC-01/ }).click();
  await grid.getByRole('row', { name: /PC-03/ }).click({ modifiers: ['ControlOrMeta'] });
  await expect(grid.getByRole('row', { selected: true })).toHaveCount(2);
  await shot(page, 'resources-00-selected');
  await distributeSoftware(page, grid.getByRole('row', { name: /PC-03/ }));

  const title = 'Distribute Software To Resource Wizard';
  const wizard = new WizardPage(page, title);
  const welcome = await page_(wizard, 'Welcome', 'resources-01-welcome');
  await expect(welcome.getByText(/to PC-01, PC-03, through a new collection of them/)).toBeVisible();
  await wizard.next();
  const pkg = await wizard.expectPage('Package');
  await pkg.getByRole('radio', { name: 'Select an existing package' }).check();
  await pkg.getByRole('button', { name: 'Browse…' }).click();
  const browse = page.getByRole('dialog', { name: 'Browse Package' });
  await browse.getByRole('row', { name: /Office/ }).dblclick();
  await expect(browse).toBeHidden();
  await expect(pkg.getByRole('textbox', { name: 'Existing package' })).toHaveValue(`Office 2007 (${office.packageId})`);
  await page_(wizard, 'Package', 'resources-02-package');
  await wizard.next();

  const dps = await wizard.expectPage('Distribution Points');
  await dps.getByRole('checkbox', { name: /^DP01/ }).check();
  await page_(wizard, 'Distribution Points', 'resources-03-distribution-points');
  await wizard.next();
  const program = await wizard.expectPage('Program');
  await program.getByRole('radio', { name: 'Typical' }).check();
  await page_(wizard, 'Program', 'resources-04-program');
  await wizard.next();
  await page_(wizard, 'Advertise Program', 'resources-05-advertise');
  await wizard.next();
  const target = await page_(wizard, 'Advertisement Target', 'resources-06-target');
  await expect(target.getByRole('radio', { name: 'Create a new collection and advertise the program to it' })).toBeChecked();
  await wizard.next();
  const collection = await page_(wizard, 'New Collection', 'resources-07-new-collection');
  await expect(collection.getByRole('textbox', { name: 'Name' })).toHaveValue('PC-01, PC-03');
  await wizard.next();
  await page_(wizard, 'Membership Rules', 'resources-08-membership-rules');
  await wizard.next();
  const name = await page_(wizard, 'Advertisement Name', 'resources-09-name');
  await expect(name.getByRole('textbox', { name: 'Name' })).toHaveValue('Office - Typical');
  await wizard.next();
  await wizard.expectPage('Advertisement Subcollection');
  await wizard.next();
  await wizard.expectPage('Advertisement Schedule');
  await wizard.next();
  await page_(wizard, 'Assign Program', 'resources-10-assign');
  await wizard.next();
  await summary(page, wizard, 'resources-11-summary', /^2 members in “PC-01, PC-03”: PC-01, PC-03\.$/);
  await finish(wizard, title, 'resources-12-confirmation');
  await page.keyboard.press('Enter');
  await expect(wizard.dialog).toBeHidden();

  const made = courierJson<CollectionDto[]>(dataDir, 'collection', 'list').find((c) => c.name === 'PC-01, PC-03');
  expect(made).toBeDefined();
  expect(made!.collectionId).not.toBe(pilot.collectionId);
  const members = courierJson<CollectionMemberDto[]>(dataDir, 'collection', 'members', made!.collectionId);
  expect(members.map((m) => m.name).sort()).toEqual(['PC-01', 'PC-03']);
  const ads = courierJson<AdvertisementDto[]>(dataDir, 'advertisement', 'list');
  expect(ads).toEqual([expect.objectContaining({ advertisementName: 'Office - Typical', packageId: office.packageId, programName: 'Typical', collectionId: made!.collectionId })]);
  const status = courierJson<{ distributionPoints: { name: string }[] }>(dataDir, 'package', 'status', office.packageId);
  expect(status.distributionPoints.map((dp) => dp.name)).toContain('DP01');
});

test('from an existing program: its package and program picked, advertised to All Systems', async ({ page }) => {
  const dataDir = freshDataDir();
  const { office } = populate(dataDir);
  server = await startCourier(dataDir);
  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.openPackagePart('Office 2007', 'Programs');
  await distributeSoftware(page, console_.details.getByRole('grid', { name: 'Programs' }).getByRole('row', { name: /Typical/ }));

  const title = 'Distribute Software Wizard';
  const wizard = new WizardPage(page, title);
  await page_(wizard, 'Welcome', 'program-01-welcome');
  await wizard.next();
  const pkg = await page_(wizard, 'Package', 'program-02-package');
  await expect(pkg.getByRole('radio', { name: 'Select an existing package' })).toBeChecked();
  await wizard.next();
  // No DP is checked: the package is made available later.
  await page_(wizard, 'Distribution Points', 'program-03-distribution-points');
  await wizard.next();
  const program = await page_(wizard, 'Program', 'program-04-program');
  await expect(program.getByRole('radio', { name: 'Typical' })).toBeChecked();
  await wizard.next();
  await wizard.expectPage('Advertise Program');
  await wizard.next();
  const target = await wizard.expectPage('Advertisement Target');
  await expect(wizard.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled();
  await expect(wizard.dialog.getByText('Browse for the collection to advertise the program to.')).toBeVisible();
  await page_(wizard, 'Advertisement Target', 'program-05-target-empty');
  await target.getByRole('button', { name: 'Browse…' }).click();
  const browse = page.getByRole('dialog', { name: 'Browse Collection' });
  await browse.getByRole('row', { name: /All Systems/ }).click();
  await browse.getByRole('button', { name: 'OK' }).click();
  await expect(target.getByRole('textbox', { name: 'Existing collection' })).toHaveValue('All Systems (SMS00001)');
  // Every page after it keeps its default: Summary goes straight there.
  await wizard.dialog.getByRole('button', { name: 'Summary' }).click();
  await summary(page, wizard, 'program-06-summary', /^\d+ members in “All Systems”: /);
  await finish(wizard, title, 'program-07-confirmation');
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();

  const ads = courierJson<AdvertisementDto[]>(dataDir, 'advertisement', 'list');
  expect(ads).toEqual([expect.objectContaining({ advertisementName: 'Office - Typical', packageId: office.packageId, programName: 'Typical', collectionId: 'SMS00001' })]);
  expect(courierJson<PackageDto[]>(dataDir, 'package', 'list')).toHaveLength(1);
});

test('a failure part-way: the target collection deleted before Finish, so nothing is made and the page says which step failed', async ({ page }) => {
  const { dataDir, pilot, title, wizard } = await fromPilot(page);
  await wizard.expectPage('Welcome');
  await wizard.next();
  await wizard.expectPage('Package');
  await wizard.next();
  const identification = await wizard.expectPage('Package Identification');
  await identification.getByRole('textbox', { name: 'Name' }).fill('Contoso Tool');
  await wizard.next();
  await wizard.expectPage('Source Files');
  await wizard.next();
  const program = await wizard.expectPage('Program Identification');
  await program.getByRole('textbox', { name: 'Name' }).fill('Install');
  await program.getByRole('textbox', { name: 'Command line' }).fill('setup.exe /s');
  await wizard.dialog.getByRole('button', { name: 'Summary' }).click();
  await summary(page, wizard, 'failure-01-summary', /^3 members in “Pilot”: PC-01, PC-02, PC-03\.$/);

  // Another admin deletes the collection while the wizard waits on its Summary page.
  courierJson(dataDir, 'collection', 'delete', pilot.collectionId);
  const packagesBefore = courierJson<PackageDto[]>(dataDir, 'package', 'list').length;
  await wizard.next();
  const done = await wizard.expectPage('Confirmation');
  await expect(done.getByText(`The ${title} did not complete`)).toBeVisible();
  await expect(done.getByText(/^Nothing was made/)).toBeVisible();
  await expect(done.getByRole('alert').getByText(`There is no collection ${pilot.collectionId} at this site`, { exact: false })).toBeVisible();
  // Each step says what became of it: the package and program were made, then undone with the rest.
  const steps = done.getByRole('list', { name: 'Steps' });
  await expect(steps.getByText(`Use collection ${pilot.collectionId}: Failed`)).toBeVisible();
  await expect(steps.getByText(/Create package "Contoso Tool.*": Undone/)).toBeVisible();
  await shot(wizard.dialog, 'failure-02-confirmation');

  // The package and program the earlier steps made were rolled back with the rest.
  expect(courierJson<PackageDto[]>(dataDir, 'package', 'list')).toHaveLength(packagesBefore);
  expect(courierJson<PackageDto[]>(dataDir, 'package', 'list').some((p) => p.name === 'Contoso Tool')).toBe(false);
  expect(courierJson<AdvertisementDto[]>(dataDir, 'advertisement', 'list')).toEqual([]);

  // Back to the Summary: the wizard keeps what was entered, and the dry run now says what is wrong.
  await done.getByRole('button', { name: 'Back to the Summary page' }).click();
  await wizard.expectPage('Summary');
});
