import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import type { AdvertisementDto, DeploymentPreviewDto, Schedule } from '../../core/api';
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

const call = (request: APIRequestContext, channel: string, data: unknown) => callApi(server!, request, channel, data);

/** A small dialog: every control reachable, then its picture. */
async function dialog_(dialog: Locator, shot: string): Promise<void> {
  await expectPageFits(dialog, dialog.locator('[data-page-body]').first());
  await keepScreenshot(dialog, shot);
}

async function page_(wizard: WizardPage, name: string, shot: string): Promise<Locator> {
  const region = await wizard.expectPage(name);
  await expectPageFits(wizard.dialog, wizard.dialog.locator('[data-wizard-page]'));
  await keepScreenshot(wizard.dialog, shot);
  return region;
}

test('an admin advertises a program weekly through every wizard page, sees it listed, changes it in Properties and deletes it', async ({ page, request }) => {
  server = await startCourier();
  // Source files, so the package needs a distribution point (one without them needs none).
  const source = mkdtempSync(join(tmpdir(), 'courier-e2e-office-'));
  writeFileSync(join(source, 'setup.exe'), 'MZ');
  await call(request, 'packages:create', { name: 'Office', containsSourceFiles: true, sourceDirectory: source });
  await call(request, 'programs:create', { packageId: 'A0100001', program: { name: 'Unattended', commandLine: 'setup.exe /q' } });
  await page.setViewportSize({ width: 1024, height: 768 });

  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Computer Management$/);
  await console_.expand(/^Software Distribution$/);
  await console_.treeItem(/^Advertisements$/).click();
  await expect(console_.details.getByText(/no advertisements yet/)).toBeVisible();
  await console_.treeItem(/^Advertisements$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Advertisement', exact: true }).click();

  const wizard = new WizardPage(page, 'New Advertisement Wizard');
  const general = await page_(wizard, 'General', 'advertisement-wizard-01-general-empty');
  await expect(wizard.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled();
  // The focus starts in Name; Tab goes down the page in order.
  await expect(general.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Office weekly');
  await page.keyboard.press('Tab');
  await expect(general.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await page.keyboard.type('Every Monday evening');
  await page.keyboard.press('Tab');
  await expect(general.getByRole('combobox', { name: 'Package' })).toBeFocused();
  await general.getByRole('button', { name: 'Browse for a package' }).click();
  const browsePackage = page.getByRole('dialog', { name: 'Browse Package' });
  await browsePackage.getByRole('row', { name: /Office/ }).dblclick();
  await expect(browsePackage).toBeHidden();
  await expect(general.getByRole('combobox', { name: 'Package' })).toHaveText(/Office \(A0100001\)/);
  await wizard.choose(general, 'Program', 'Unattended');
  await general.getByRole('button', { name: 'Browse for a collection' }).click();
  const browse = page.getByRole('dialog', { name: 'Browse Collection' });
  await browse.getByRole('row', { name: /All Systems/ }).click();
  await dialog_(browse, 'advertisement-browse-collection');
  await browse.getByRole('button', { name: 'OK' }).click();
  await expect(browse).toBeHidden();
  await expect(general.getByRole('textbox', { name: 'Collection' })).toHaveValue('All Systems (SMS00001)');
  // The suite's warnings before it is made: the package is on no DP yet.
  await expect(general.getByText(/Package A0100001 is on no distribution point yet/)).toBeVisible();
  await page_(wizard, 'General', 'advertisement-wizard-01-general');
  // Keyboard: Enter in a field presses the default button, Next.
  await general.getByRole('textbox', { name: 'Name' }).press('Enter');

  const schedule = await wizard.expectPage('Schedule');
  await schedule.getByRole('textbox', { name: 'Advertisement start time', exact: true }).fill('2026-12-07');
  await schedule.getByRole('textbox', { name: 'Advertisement start time, time' }).fill('18:00');
  await schedule.getByRole('group', { name: 'Advertisement start time' }).getByRole('checkbox', { name: 'UTC' }).check();
  await expect(schedule.getByRole('checkbox', { name: 'Enable Wake On LAN' })).toBeDisabled();
  await schedule.getByRole('button', { name: 'New…' }).click();
  const assignment = page.getByRole('dialog', { name: 'Assignment Schedule' });
  await expect(assignment.getByRole('radio', { name: 'Assign to the following schedule' })).toBeChecked();
  await dialog_(assignment, 'advertisement-assignment-schedule');
  await assignment.getByRole('button', { name: 'Schedule…' }).click();
  const custom = page.getByRole('dialog', { name: 'Custom Schedule' });
  await custom.getByRole('textbox', { name: 'Start', exact: true }).fill('2026-12-07');
  await custom.getByRole('textbox', { name: 'Start time' }).fill('20:00');
  await custom.getByRole('checkbox', { name: 'Coordinated Universal Time (UTC)' }).check();
  await custom.getByRole('radio', { name: 'Weekly' }).check();
  await custom.getByRole('combobox', { name: 'Day of the week' }).click();
  await page.getByRole('option', { name: 'Monday', exact: true }).click();
  await expect(custom.getByRole('list', { name: 'Next run times' }).getByRole('listitem')).toHaveCount(5);
  await dialog_(custom, 'advertisement-custom-schedule-weekly');
  await custom.getByRole('button', { name: 'OK' }).click();
  await expect(custom).toBeHidden();
  await expect(assignment.getByLabel('Assigned schedule')).toHaveText('Every Monday from 2026-12-07 20:00 UTC');
  await assignment.getByRole('button', { name: 'OK' }).click();
  await expect(assignment).toBeHidden();
  await expect(schedule.getByRole('grid', { name: 'Mandatory assignments' }).getByRole('row', { name: /Every Monday from 2026-12-07 20:00 UTC/ })).toBeVisible();
  await schedule.getByRole('checkbox', { name: 'Enable Wake On LAN' }).check();
  await wizard.choose(schedule, 'Program rerun behavior', 'Rerun if failed previous attempt');
  await page_(wizard, 'Schedule', 'advertisement-wizard-02-schedule');
  await wizard.next();

  const dps = await page_(wizard, 'Distribution Points', 'advertisement-wizard-03-distribution-points');
  await expect(dps.getByRole('radiogroup', { name: 'Fast (LAN) network boundary' }).getByRole('radio', { name: 'Download content from distribution point and run locally' })).toBeChecked();
  await dps.getByRole('radiogroup', { name: 'Slow or unreliable network boundary' }).getByRole('radio', { name: 'Download content from distribution point and run locally' }).check();
  await wizard.next();

  const interaction = await wizard.expectPage('Interaction');
  await expect(interaction.getByText(/Never delays a mandatory time/)).toBeVisible();
  await interaction.getByRole('checkbox', { name: 'Use custom countdown notification length' }).check();
  await interaction.getByRole('spinbutton', { name: 'Countdown (minutes)' }).fill('30');
  await page_(wizard, 'Interaction', 'advertisement-wizard-04-interaction');
  await wizard.next();

  await page_(wizard, 'Security', 'advertisement-wizard-05-security');
  await wizard.next();
  const summary = await page_(wizard, 'Summary', 'advertisement-wizard-06-summary');
  await expect(summary.getByText('Every Monday from 2026-12-07 20:00 UTC')).toBeVisible();
  await wizard.next();
  const confirmation = await page_(wizard, 'Confirmation', 'advertisement-wizard-07-confirmation');
  await expect(confirmation.getByText(/completed successfully/)).toBeVisible();
  await expect(confirmation.getByText('A0120000')).toBeVisible();
  await page.keyboard.press('Enter'); // Close is the default button
  await expect(wizard.dialog).toBeHidden();

  // Listed with its times, and the next scheduled run: on a wider window, where the ID and the
  // start time have room (at 1024 pixels they make way for the main columns).
  await page.setViewportSize({ width: 1440, height: 900 });
  const grid = console_.details.getByRole('grid', { name: 'Advertisements' });
  const row = grid.getByRole('row', { name: /Office weekly/ });
  await expect(row).toContainText('A0120000');
  await expect(row).toContainText('Office');
  await expect(row).toContainText('All Systems');
  await expect(row).toContainText('2026-12-07 18:00 UTC');
  await expect(row).not.toContainText('Scheduled');
  await keepScreenshot(page, 'advertisements-node');
  await page.setViewportSize({ width: 1024, height: 768 });

  // The suite's numbers, as the CLI prints them.
  const shown = courierJson<AdvertisementDto>(server.dataDir, 'advertisement', 'show', 'A0120000');
  expect(shown).toMatchObject({
    advertisementName: 'Office weekly',
    packageId: 'A0100001',
    programName: 'Unattended',
    collectionId: 'SMS00001',
    presentTime: '2026-12-07T18:00',
    presentTimeIsGmt: true,
    repeatRunBehavior: 'RerunIfFail',
    mandatoryCountdownMinutes: 30,
    assignedScheduleEnabled: true,
    assignedScheduleIsGmt: true,
    // WAKE_ON_LAN_ENABLED | DONOT_FALLBACK (docs/advertisements.md)
    advertFlags: 0x00420000,
    // RERUN_IF_FAILED | DOWNLOAD_FROM_REMOTE_DISPPOINT | DOWNLOAD_FROM_LOCAL_DISPPOINT
    remoteClientFlags: 0x2050,
  });
  const [weekly] = courierJson<Schedule[]>(server.dataDir, 'schedule', 'decode', shown.assignedSchedule);
  expect(weekly).toMatchObject({ type: 'weekly', start: '2026-12-07T20:00', isGmt: true, day: 2, forNumberOfWeeks: 1 });

  // Properties: the same pages as tabs; one change saved.
  await row.click();
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Office weekly Properties' });
  await expect(sheet.getByRole('tab', { name: 'Security' })).toBeVisible();
  for (const tab of ['General', 'Schedule', 'Distribution Points', 'Interaction', 'Security']) {
    await sheet.getByRole('tab', { name: tab }).click();
    await keepScreenshot(sheet, `advertisement-properties-${tab.toLowerCase().replace(/ /g, '-')}`);
  }
  // Dry Run: what the site answers for the advertisement, as the CLI prints it too.
  const dryRun = courierJson<DeploymentPreviewDto>(server.dataDir, 'advertisement', 'preview', 'A0120000');
  await sheet.getByRole('tab', { name: 'Dry Run' }).click();
  await expect(sheet.locator('dt', { hasText: 'Excluded by platform' })).toBeVisible();
  await expect(sheet.locator('dt', { hasText: /^Members$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText(String(dryRun.counts.members));
  await expect(sheet.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await keepScreenshot(sheet, 'advertisement-properties-dry-run');
  await sheet.getByRole('tab', { name: 'Schedule' }).click();
  await expect(sheet.getByRole('grid', { name: 'Mandatory assignments' }).getByRole('row', { name: /Every Monday/ })).toBeVisible();
  await sheet.getByRole('tab', { name: 'Interaction' }).click();
  await sheet.getByRole('checkbox', { name: 'Allow users to run the program independently of assignments' }).uncheck();
  await sheet.getByRole('button', { name: 'OK' }).click();
  await expect(sheet).toBeHidden();
  expect(courierJson<AdvertisementDto>(server.dataDir, 'advertisement', 'show', 'A0120000')).toMatchObject({
    advertFlags: 0x02420000, // NO_DISPLAY now set
    assignedSchedule: shown.assignedSchedule,
  });

  // Delete, after a confirmation naming it.
  await row.click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete Advertisement' });
  await expect(confirm).toContainText('Delete the advertisement Office weekly (A0120000)?');
  await dialog_(confirm, 'advertisement-delete');
  await confirm.getByRole('button', { name: /^Delete/ }).click();
  await expect(grid.getByRole('row', { name: /Office weekly/ })).toHaveCount(0);
  expect(courierJson<AdvertisementDto[]>(server.dataDir, 'advertisement', 'list')).toEqual([]);
});

test('a program\'s New Advertisement and a collection\'s Advertise… fill in the wizard, which offers to turn the client agent on', async ({ page, request }) => {
  server = await startCourier();
  await call(request, 'packages:create', { name: 'Office' });
  await call(request, 'programs:create', { packageId: 'A0100001', program: { name: 'Unattended', commandLine: 'setup.exe /q' } });
  await call(request, 'client-agents:set', { agent: 'advertised-programs', changes: { enabled: false } });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.openPackagePart('Office', 'Programs');
  await console_.details.getByRole('row', { name: /Unattended/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New Advertisement' }).click();
  const wizard = new WizardPage(page, 'New Advertisement Wizard');
  const general = await wizard.expectPage('General');
  await expect(general.getByRole('combobox', { name: 'Package' })).toHaveText(/Office \(A0100001\)/);
  await expect(general.getByRole('combobox', { name: 'Program' })).toHaveText(/Unattended/);
  await expect(general.getByText(/The Advertised Programs Client Agent is off/)).toBeVisible();
  await keepScreenshot(wizard.dialog, 'advertisement-wizard-from-program');
  await general.getByRole('button', { name: 'Turn on the client agent' }).click();
  await expect(general.getByText(/The Advertised Programs Client Agent is on/)).toBeVisible();
  expect(courierJson<{ enabled: boolean }>(server.dataDir, 'client-agent', 'show', 'advertised-programs')).toMatchObject({ enabled: true });
  await page.keyboard.press('Escape');
  await expect(wizard.dialog).toBeHidden();

  await console_.expand(/^Collections$/);
  await console_.treeItem(/^All Systems$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Advertise…' }).click();
  const fromCollection = await wizard.expectPage('General');
  await expect(fromCollection.getByRole('textbox', { name: 'Collection' })).toHaveValue('All Systems (SMS00001)');
});
