import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { AdvertisementDto, Schedule } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { WizardPage } from './pages/wizard-page';
import { courierJson } from './support/courier-cli';
import { callApi, startCourier, type CourierServer } from './support/courier-server';
import { expectPageFits } from './support/dialog-fit';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});
test.describe.configure({ timeout: 180_000 });

/** SMS_Advertisement AdvertFlags WINDOWS_CE: the advertisement is for devices. */
const windowsCe = 0x00008000;

const call = (request: APIRequestContext, channel: string, data: unknown) => callApi(server!, request, channel, data);

async function page_(wizard: WizardPage, name: string, shot: string): Promise<Locator> {
  const region = await wizard.expectPage(name);
  await expectPageFits(wizard.dialog, wizard.dialog.locator('[data-wizard-page]'));
  await keepScreenshot(wizard.dialog, shot);
  return region;
}

/** The list's body scrolls down, never sideways: every shown column fits the pane. */
async function expectNoSidewaysScroll(grid: Locator): Promise<void> {
  const body = grid.locator('[role=rowgroup]').nth(1);
  const [client, scroll] = await body.evaluate((e) => [e.clientWidth, e.scrollWidth]);
  expect(scroll, `the list is ${scroll} px wide in ${client} px`).toBeLessThanOrEqual(client);
}

async function openAdvertisements(console_: ConsolePage): Promise<Locator> {
  await console_.expand(/^Computer Management$/);
  await console_.expand(/^Software Distribution$/);
  await console_.treeItem(/^Advertisements$/).click();
  return console_.details.getByRole('grid', { name: 'Advertisements' });
}

async function setUpSite(request: APIRequestContext): Promise<void> {
  const source = mkdtempSync(join(tmpdir(), 'courier-e2e-handheld-'));
  writeFileSync(join(source, 'setup.cab'), 'MSCF');
  await call(request, 'packages:create', { name: 'Handheld Tools', containsSourceFiles: true, sourceDirectory: source });
  await call(request, 'programs:create-device', { packageId: 'A0100001', program: { name: 'Install CAB', commandLine: 'setup.cab' } });
  await call(request, 'programs:create', { packageId: 'A0100001', program: { name: 'Desktop setup', commandLine: 'setup.exe /q' } });
}

test('an admin advertises a program for devices with New Advertisement For Device, sees its Type and changes it in Properties', async ({ page, request }) => {
  server = await startCourier();
  await setUpSite(request);
  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  const grid = await openAdvertisements(console_);

  // The Action menu offers it beside New › Advertisement, as the context menu does.
  await page.getByRole('menuitem', { name: 'Action' }).click();
  await page.getByRole('menuitem', { name: 'New' }).click();
  await expect(page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Advertisement For Device' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await console_.treeItem(/^Advertisements$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Advertisement For Device' }).click();

  const wizard = new WizardPage(page, 'New Advertisement For Device Wizard');
  const general = await page_(wizard, 'General', 'device-advertisement-wizard-01-general-empty');
  await expect(general.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Handheld tools tonight');
  await general.getByRole('combobox', { name: 'Package' }).click();
  await page.getByRole('option', { name: /Handheld Tools \(A0100001\)/ }).click();
  // Only the package's program for devices is offered.
  await general.getByRole('combobox', { name: 'Program', exact: true }).click();
  await expect(page.getByRole('option', { name: 'Desktop setup' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Install CAB', exact: true }).click();
  await general.getByRole('button', { name: 'Browse for a collection' }).click();
  const browse = page.getByRole('dialog', { name: 'Browse Collection' });
  await browse.getByRole('row', { name: /All Systems/ }).dblclick();
  await expect(browse).toBeHidden();
  await expect(general.getByRole('textbox', { name: 'Collection' })).toHaveValue('All Systems (SMS00001)');
  await page_(wizard, 'General', 'device-advertisement-wizard-01-general');
  await general.getByRole('textbox', { name: 'Name' }).press('Enter');

  // Schedule: times and assignments at a time; no rerun, no Wake On LAN, no maintenance windows.
  const schedule = await wizard.expectPage('Schedule');
  await schedule.getByRole('textbox', { name: 'Advertisement start time', exact: true }).fill('2026-12-07');
  await schedule.getByRole('textbox', { name: 'Advertisement start time, time' }).fill('18:00');
  await expect(schedule.getByRole('checkbox', { name: 'Enable Wake On LAN' })).toHaveCount(0);
  await expect(schedule.getByRole('checkbox', { name: /maintenance windows/ })).toHaveCount(0);
  await expect(schedule.getByRole('combobox', { name: 'Program rerun behavior' })).toHaveCount(0);
  await schedule.getByRole('button', { name: 'New…' }).click();
  const assignment = page.getByRole('dialog', { name: 'Assignment Schedule' });
  await expect(assignment.getByRole('radio', { name: 'Assign immediately after this event' })).toHaveCount(0);
  await keepScreenshot(assignment, 'device-advertisement-assignment-schedule');
  await assignment.getByRole('button', { name: 'Schedule…' }).click();
  const custom = page.getByRole('dialog', { name: 'Custom Schedule' });
  await expect(custom.getByRole('radiogroup', { name: 'Recurrence pattern' }).getByRole('radio')).toHaveCount(1);
  await custom.getByRole('textbox', { name: 'Start', exact: true }).fill('2026-12-07');
  await custom.getByRole('textbox', { name: 'Start time' }).fill('20:00');
  await keepScreenshot(custom, 'device-advertisement-custom-schedule');
  await custom.getByRole('button', { name: 'OK' }).click();
  await expect(custom).toBeHidden();
  await assignment.getByRole('button', { name: 'OK' }).click();
  await expect(assignment).toBeHidden();
  await expect(schedule.getByRole('grid', { name: 'Mandatory assignments' }).getByRole('row', { name: /2026-12-07 20:00/ })).toBeVisible();
  await wizard.choose(schedule, 'Priority', 'High');
  await page_(wizard, 'Schedule', 'device-advertisement-wizard-02-schedule');
  await wizard.next();

  // Distribution Points: a device downloads; on a slow boundary it downloads or does not run.
  const dps = await page_(wizard, 'Distribution Points', 'device-advertisement-wizard-03-distribution-points');
  const fast = dps.getByRole('radiogroup', { name: 'Fast (LAN) network boundary' });
  await expect(fast.getByRole('radio')).toHaveCount(1);
  await expect(fast.getByRole('radio', { name: 'Download content from distribution point and run locally' })).toBeChecked();
  await expect(dps.getByRole('radio', { name: 'Run program from distribution point' })).toHaveCount(0);
  await expect(dps.getByRole('checkbox', { name: /fallback/ })).toHaveCount(0);
  // The keyboard: Tab to the slow boundary's choice, then the arrow picks the next one.
  const slow = dps.getByRole('radiogroup', { name: 'Slow or unreliable network boundary' });
  await slow.getByRole('radio', { name: 'Do not run program' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(slow.getByRole('radio', { name: 'Download content from distribution point and run locally' })).toBeChecked();
  await wizard.next();

  const interaction = await page_(wizard, 'Interaction', 'device-advertisement-wizard-04-interaction');
  await expect(interaction.getByRole('checkbox', { name: 'Allow users to run the program independently of assignments' })).toBeChecked();
  await expect(interaction.getByRole('checkbox', { name: /reminders/ })).toHaveCount(0);
  await expect(interaction.getByRole('checkbox', { name: /countdown/ })).toHaveCount(0);
  await wizard.next();
  await page_(wizard, 'Security', 'device-advertisement-wizard-05-security');
  await wizard.next();
  const summary = await page_(wizard, 'Summary', 'device-advertisement-wizard-06-summary');
  await expect(summary.getByText('Device', { exact: true })).toBeVisible();
  await expect(summary.getByText(/Wake On LAN/)).toHaveCount(0);
  await wizard.next();
  const confirmation = await page_(wizard, 'Confirmation', 'device-advertisement-wizard-07-confirmation');
  await expect(confirmation.getByText(/completed successfully/)).toBeVisible();
  await expect(confirmation.getByText('A0120000')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(wizard.dialog).toBeHidden();

  // The site's record, through the CLI: AdvertFlags WINDOWS_CE, one assignment at a time.
  const shown = courierJson<AdvertisementDto>(server.dataDir, 'advertisement', 'show', 'A0120000');
  expect(shown).toMatchObject({ advertisementName: 'Handheld tools tonight', programName: 'Install CAB', collectionId: 'SMS00001', presentTime: '2026-12-07T18:00', priority: 1 });
  expect(shown.advertFlags & windowsCe).toBe(windowsCe);
  expect(shown.options).toMatchObject({ asSoonAsPossible: false, wakeOnLan: false, fastNetwork: 'download', slowNetwork: 'download', allowFallbackToUnprotectedDps: false, displayReminders: false });
  const [atTime] = courierJson<Schedule[]>(server.dataDir, 'schedule', 'decode', shown.assignedSchedule);
  expect(atTime).toMatchObject({ type: 'nonRecurring', start: '2026-12-07T20:00' });

  // The list: computer advertisements beside it, enough for a vertical scroll bar, each with its
  // Type, and no sideways scrolling.
  await call(request, 'advertisements:create', { advertisementName: 'Desktop tools', packageId: 'A0100001', programName: 'Desktop setup', collectionId: 'SMS00001' });
  for (let n = 1; n <= 30; n++) {
    await call(request, 'advertisements:create', { advertisementName: `Wave ${n}`, packageId: 'A0100001', programName: 'Desktop setup', collectionId: 'SMS00001' });
  }
  await expect(grid.getByRole('row', { name: /Wave 1\b/ })).toBeVisible();
  const body = grid.locator('[role=rowgroup]').nth(1);
  // The rows arrive through the event stream a few at a time: wait for enough of them.
  await expect.poll(() => body.evaluate((e) => e.scrollHeight > e.clientHeight), { message: 'the list scrolls down', timeout: 10_000 }).toBe(true);
  const deviceRow = grid.getByRole('row', { name: /Handheld tools tonight/ });
  await expect(deviceRow.getByRole('gridcell').nth(1)).toHaveText('Device');
  await expect(grid.getByRole('row', { name: /Desktop tools/ }).getByRole('gridcell').nth(1)).toHaveText('Computer');
  for (const column of ['Name', 'Type', 'Package', 'Program', 'Collection']) {
    await expect(grid.getByRole('columnheader', { name: column })).toBeVisible();
  }
  await expectNoSidewaysScroll(grid);
  await keepScreenshot(page, 'device-advertisements-list-1024x768');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(grid.getByRole('columnheader', { name: 'Advertisement ID' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Mandatory' })).toBeVisible();
  await expectNoSidewaysScroll(grid);
  await keepScreenshot(page, 'device-advertisements-list-1280x800');
  await page.setViewportSize({ width: 1024, height: 768 });

  // Properties (a double-click): the wizard's tabs, with only the device options; one change saved.
  await deviceRow.dblclick();
  const sheet = page.getByRole('dialog', { name: 'Handheld tools tonight Properties' });
  for (const tab of ['General', 'Schedule', 'Distribution Points', 'Interaction', 'Security']) {
    await sheet.getByRole('tab', { name: tab }).click();
    await keepScreenshot(sheet, `device-advertisement-properties-${tab.toLowerCase().replace(/ /g, '-')}`);
  }
  await sheet.getByRole('tab', { name: 'Schedule' }).click();
  await expect(sheet.getByRole('checkbox', { name: 'Enable Wake On LAN' })).toHaveCount(0);
  await expect(sheet.getByRole('grid', { name: 'Mandatory assignments' }).getByRole('row', { name: /2026-12-07 20:00/ })).toBeVisible();
  await sheet.getByRole('tab', { name: 'Distribution Points' }).click();
  await expect(sheet.getByRole('checkbox', { name: /fallback/ })).toHaveCount(0);
  await sheet.getByRole('tab', { name: 'Interaction' }).click();
  await sheet.getByRole('checkbox', { name: 'Allow users to run the program independently of assignments' }).uncheck();
  await sheet.getByRole('button', { name: 'OK' }).click();
  await expect(sheet).toBeHidden();
  const saved = courierJson<AdvertisementDto>(server.dataDir, 'advertisement', 'show', 'A0120000');
  expect(saved.options.allowUsersToRunIndependently).toBe(false);
  expect(saved.advertFlags & windowsCe).toBe(windowsCe);
  expect(saved.assignedSchedule).toBe(shown.assignedSchedule);

  // Enter on the row opens Properties too.
  await deviceRow.click();
  await page.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('a program for devices offers New Advertisement For Device, filled in with its package and program', async ({ page, request }) => {
  server = await startCourier();
  await setUpSite(request);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.openPackagePart('Handheld Tools', 'Programs');
  await console_.details.getByRole('row', { name: /Install CAB/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New Advertisement For Device' }).click();
  const wizard = new WizardPage(page, 'New Advertisement For Device Wizard');
  const general = await wizard.expectPage('General');
  await expect(general.getByRole('combobox', { name: 'Package' })).toHaveText(/Handheld Tools \(A0100001\)/);
  await expect(general.getByRole('combobox', { name: 'Program', exact: true })).toHaveText(/Install CAB/);
  await keepScreenshot(wizard.dialog, 'device-advertisement-wizard-from-program');
  await page.keyboard.press('Escape');
  await expect(wizard.dialog).toBeHidden();

  // The computer program's command is the New Advertisement Wizard's.
  await console_.details.getByRole('row', { name: /Desktop setup/ }).click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'New Advertisement', exact: true })).toBeEnabled();
  await page.keyboard.press('Escape');
});

/** Enter on the selected row, then a double-click, each opens the row's Properties. */
async function expectRowOpensProperties(page: Page, row: Locator, sheetName: string | RegExp): Promise<void> {
  const sheet = page.getByRole('dialog', { name: sheetName });
  await row.click();
  await page.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toBeHidden();
  await row.dblclick();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toBeHidden();
}

test('Enter and a double-click open Properties in the Packages, Programs, Advertisements and Collections lists', async ({ page, request }) => {
  server = await startCourier();
  await setUpSite(request);
  await call(request, 'advertisements:create', { advertisementName: 'Desktop tools', packageId: 'A0100001', programName: 'Desktop setup', collectionId: 'SMS00001' });
  await call(request, 'collections:create', { name: 'Pilot' });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);

  await console_.selectPackagesNode();
  await expectRowOpensProperties(page, console_.packageRow(/Handheld Tools/), 'Handheld Tools Properties');
  // The list stays the Packages list: neither opened the package's folder.
  await expect(console_.details.getByRole('heading', { name: 'Packages', level: 1 })).toBeVisible();

  await console_.openPackagePart('Handheld Tools', 'Programs');
  await expectRowOpensProperties(page, console_.details.getByRole('row', { name: /Desktop setup/ }), /Desktop setup Properties/);

  const ads = await openAdvertisements(console_);
  await expectRowOpensProperties(page, ads.getByRole('row', { name: /Desktop tools/ }), 'Desktop tools Properties');

  await console_.treeItem(/^Collections$/).click();
  await expectRowOpensProperties(page, console_.details.getByRole('row', { name: /Pilot/ }), /Pilot Properties/);
  await expect(console_.details.getByRole('heading', { name: 'Collections', level: 1 })).toBeVisible();
});
