import { expect, test, type APIRequestContext } from '@playwright/test';
import { ProgramFlags, type AccessAccountDto, type AdvertisementDto, type ProgramDto } from '../../core/api';
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



test('an admin creates a program through every wizard page, with another program run first, and deletes it', async ({ page, request }) => {
  server = await startCourier();
  await call(request, 'packages:create', { name: 'Office' });
  await call(request, 'packages:create', { name: 'Runtime' });
  await call(request, 'programs:create', { packageId: 'A0100002', program: { name: 'Install runtime', commandLine: 'vcredist.exe /q' } });

  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.openPackagePart('Office', 'Programs');
  await console_.tree.getByRole('treeitem', { name: 'Programs', exact: true, selected: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menu', { name: 'New' }).getByRole('menuitem', { name: 'Program', exact: true }).click();

  const wizard = new WizardPage(page, 'New Program Wizard');
  const general = await wizard.expectPage('General');
  await general.getByRole('textbox', { name: 'Name' }).fill('Per-system unattended');
  await general.getByRole('textbox', { name: 'Command line' }).fill('msiexec /i office.msi /q');
  await wizard.choose(general, 'Run', 'Hidden');
  await wizard.choose(general, 'After running', 'ConfigMgr restarts computer');
  await wizard.next();

  const requirements = await wizard.expectPage('Requirements');
  await requirements.getByRole('group', { name: 'Estimated disk space' }).getByRole('checkbox', { name: 'Unknown' }).uncheck();
  await requirements.getByRole('spinbutton', { name: 'Estimated disk space' }).fill('500');
  await requirements.getByRole('radio', { name: 'This program can run only on specified client platforms' }).check();
  await expect(wizard.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled(); // no platform yet
  await requirements.getByRole('checkbox', { name: 'All x86 Windows XP' }).check();
  await requirements.getByRole('checkbox', { name: 'All x64 Windows 7' }).check();
  await wizard.next();

  const environment = await wizard.expectPage('Environment');
  await wizard.choose(environment, 'Program can run', 'Whether or not a user is logged on');
  // The New Program Wizard's rule (docs/software-distribution.md#new-program-wizard): user's rights only when a user is logged on.
  await expect(environment.getByRole('radio', { name: "Run with user's rights" })).toBeDisabled();
  await expect(environment.getByRole('radio', { name: 'Run with administrative rights' })).toBeChecked();
  await environment.getByRole('checkbox', { name: 'Allow users to interact with this program' }).check();
  await expect(environment.getByText(/security breach/)).toBeVisible();
  await keepScreenshot(wizard.dialog, 'program-wizard-environment-warning');
  await environment.getByRole('checkbox', { name: 'Allow users to interact with this program' }).uncheck();
  await wizard.next();

  const advanced = await wizard.expectPage('Advanced');
  await advanced.getByRole('checkbox', { name: 'Run another program first' }).check();
  await wizard.choose(advanced, 'Package', 'Runtime (A0100002)');
  await wizard.choose(advanced, 'Program', 'Install runtime');
  await advanced.getByRole('checkbox', { name: 'Always run this program first' }).check();
  await keepScreenshot(wizard.dialog, 'program-wizard-advanced');
  await wizard.next();

  const installer = await wizard.expectPage('Windows Installer');
  await installer.getByRole('textbox', { name: 'Windows Installer file' }).fill('office.msi');
  await installer.getByRole('textbox', { name: 'Windows Installer product code' }).fill('{90120000-0030-0000-0000-0000000FF1CE}');
  await wizard.next();

  const mom = await wizard.expectPage('MOM Maintenance Mode');
  await mom.getByRole('checkbox', { name: 'Disable Operations Manager alerts while this program runs' }).check();
  await wizard.next();

  await wizard.expectPage('Summary');
  await wizard.next();
  const confirmation = await wizard.expectPage('Confirmation');
  await expect(confirmation.getByText(/completed successfully/)).toBeVisible();
  await wizard.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(console_.details.getByRole('row', { name: /Per-system unattended/ })).toBeVisible();

  // The suite's numbers, as `courier program list --json` prints them.
  const [program] = courierJson<ProgramDto[]>(server.dataDir, 'program', 'list', 'A0100001');
  const F = ProgramFlags;
  expect(program).toMatchObject({
    name: 'Per-system unattended',
    dependentProgram: 'A0100002;;Install runtime',
    diskSpaceReq: '500 MB',
    platforms: ['winxp-x86', 'win7-x64'],
    programFlags: F.RUN_DEPENDANT_ALWAYS | F.UNATTENDED | F.ADMINRIGHTS | F.OKTOREBOOT | F.USEUNCPATH | F.HIDEWINDOW | F.DISABLEMOMALERTONRUNNING,
  });

  // Run another program first refuses a cycle across packages, and says so where the admin acted.
  await console_.openPackagePart('Runtime', 'Programs');
  await console_.details.getByRole('row', { name: /Install runtime/ }).click();
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Install runtime Properties' });
  await sheet.getByRole('tab', { name: 'Advanced' }).click();
  await sheet.getByRole('checkbox', { name: 'Run another program first' }).check();
  await sheet.getByRole('combobox', { name: 'Package' }).click();
  await page.getByRole('option', { name: 'Office (A0100001)', exact: true }).click();
  await sheet.getByRole('combobox', { name: 'Program' }).click();
  await page.getByRole('option', { name: 'Per-system unattended', exact: true }).click();
  await sheet.getByRole('button', { name: 'Apply' }).click();
  await expect(sheet.getByText(/A0100002:Install runtime → A0100001:Per-system unattended → A0100002:Install runtime/).first()).toBeVisible();
  await keepScreenshot(sheet, 'program-properties-cycle');
  await sheet.getByRole('button', { name: 'Cancel' }).click();

  // Deleting a program another one runs first is refused in plain words; then the dependent goes.
  await console_.details.getByRole('row', { name: /Install runtime/ }).click();
  await page.keyboard.press('Delete');
  let deletion = new WizardPage(page, 'Delete Program Wizard');
  await expect(deletion.dialog).toBeVisible();
  await deletion.dialog.getByRole('button', { name: 'Next >' }).click();
  await expect(deletion.dialog.getByText(/Per-system unattended/).first()).toBeVisible();
  await keepScreenshot(deletion.dialog, 'program-delete-refused');
  await deletion.dialog.getByRole('button', { name: /Cancel|Close/ }).first().click();

  await console_.openPackagePart('Office', 'Programs');
  await console_.details.getByRole('row', { name: /Per-system unattended/ }).click();
  await page.keyboard.press('Delete');
  deletion = new WizardPage(page, 'Delete Program Wizard');
  await deletion.dialog.getByRole('button', { name: 'Next >' }).click();
  await expect(deletion.dialog.getByText(/No advertisements offered it/)).toBeVisible();
  await deletion.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(console_.details.getByRole('row', { name: /Per-system unattended/ })).toHaveCount(0);
  expect(courierJson<ProgramDto[]>(server.dataDir, 'program', 'list', 'A0100001')).toEqual([]);
});

test('an admin adds a Windows group as an access account and removes it', async ({ page, request }) => {
  server = await startCourier();
  await call(request, 'packages:create', { name: 'Office' });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.openPackagePart('Office', 'Access Accounts');
  // A new package starts with the SMSPKGx$ defaults.
  await expect(console_.details.getByRole('row', { name: /Users.*Read/ })).toBeVisible();
  await expect(console_.details.getByRole('row', { name: /Administrators.*Full Control/ })).toBeVisible();

  await console_.tree.getByRole('treeitem', { name: 'Access Accounts', exact: true, selected: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New' }).click();
  await page.getByRole('menuitem', { name: 'Windows User Access Account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Windows User Access Account Properties' });
  await dialog.getByRole('button', { name: 'Set…' }).click();
  const picker = page.getByRole('dialog', { name: 'Windows User Account' });
  await picker.getByRole('textbox', { name: 'User name' }).fill('CONTOSO\\Sales');
  await picker.getByRole('radio', { name: 'Group' }).check();
  await picker.getByRole('button', { name: 'OK' }).click();
  await dialog.getByRole('combobox', { name: 'Permissions' }).click();
  await page.getByRole('option', { name: 'Change', exact: true }).click();
  await keepScreenshot(dialog, 'access-account-new-windows');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(console_.details.getByRole('row', { name: /CONTOSO\\Sales.*Change/ })).toBeVisible();
  const accounts = courierJson<AccessAccountDto[]>(server.dataDir, 'access-account', 'list', 'A0100001');
  expect(accounts.find((a) => a.accountName === 'CONTOSO\\Sales')).toMatchObject({ kind: 'windows', accountType: 'group', permission: 'change', access: 0x7f });

  await console_.details.getByRole('row', { name: /CONTOSO\\Sales/ }).click();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete Access Account' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(console_.details.getByRole('row', { name: /CONTOSO\\Sales/ })).toHaveCount(0);
});

test('deleting an advertised program lists its advertisements on Affected Advertisements, and deletes them with it once confirmed', async ({ page }) => {
  const dataDir = freshDataDir();
  courierJson(dataDir, 'package', 'create', '--name', 'Office');
  courierJson(dataDir, 'program', 'create', 'A0100001', '--name', 'Typical', '--command-line', 'setup.exe');
  courierJson(dataDir, 'collection', 'create', '--name', 'Pilot');
  const advertisement = courierJson<AdvertisementDto>(dataDir, 'advertisement', 'create', '--name', 'Office to pilot', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010');
  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.openPackagePart('Office', 'Programs');
  await console_.details.getByRole('row', { name: /Typical/ }).click();
  await page.keyboard.press('Delete');
  const deletion = new WizardPage(page, 'Delete Program Wizard');
  await deletion.dialog.getByRole('button', { name: 'Next >' }).click();
  await expect(deletion.dialog.getByText(`${advertisement.advertisementId} (Office to pilot)`, { exact: false })).toBeVisible();
  await keepScreenshot(deletion.dialog, 'program-delete-affected-advertisements');
  // Nothing goes without the second confirmation.
  await expect(deletion.dialog.getByRole('button', { name: 'Next >' })).toBeDisabled();
  await deletion.dialog.getByRole('checkbox', { name: 'Delete the program and all of these advertisements' }).check();
  await deletion.dialog.getByRole('button', { name: 'Next >' }).click();
  await expect(deletion.dialog.getByText(/These advertisements were deleted with it/)).toBeVisible();
  await deletion.dialog.getByRole('button', { name: 'Close' }).click();
  expect(courierJson<AdvertisementDto[]>(dataDir, 'advertisement', 'list')).toEqual([]);
  expect(courierJson<ProgramDto[]>(dataDir, 'program', 'list', 'A0100001')).toEqual([]);
});
