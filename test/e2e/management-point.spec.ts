import { expect, test, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { mpAuthorization, mpRegisterResponseSchema, type ContentServiceDto, type MpClientDto, type MpRegisterResponse, type MpStatusDto, type SiteInfoDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
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

/** A client agent's first registration, over real HTTP to the management point the serve process runs. */
async function register(mpUrl: string, name: string, ip: string, extra: Record<string, unknown> = {}): Promise<MpRegisterResponse> {
  const response = await fetch(new URL('register', mpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      domain: 'CONTOSO',
      operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 5.1',
      platform: 'I386',
      ipAddresses: [ip],
      ipSubnets: ['10.1.0.0'],
      loggedOnUsers: [],
      ...extra,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return mpRegisterResponseSchema.parse(await response.json());
}

/** The list's body scrolls down, never sideways: every shown column fits the pane. */
async function expectNoSidewaysScroll(grid: Locator): Promise<void> {
  const body = grid.locator('[role=rowgroup]').nth(1);
  const [client, scroll] = await body.evaluate((e) => [e.clientWidth, e.scrollWidth]);
  expect(scroll, `the list is ${scroll} px wide in ${client} px`).toBeLessThanOrEqual(client);
}

/** The list at both window sizes, light and dark, with its main columns shown and no sideways scrolling. */
async function listShots(page: Page, grid: Locator, columns: readonly string[], name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of [
      [1024, 768],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const column of columns) await expect(grid.getByRole('columnheader', { name: column })).toBeVisible();
      await expectNoSidewaysScroll(grid);
      await keepScreenshot(page, `${name}-${width}x${height}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 768 });
}

/** No cell of the column cuts its text: its content fits its box. */
async function expectColumnWhole(grid: Locator, columnIndex: number): Promise<void> {
  const cells = grid.locator(`[role=gridcell][aria-colindex="${columnIndex}"]`);
  await expect(cells.first()).toBeVisible();
  for (const cell of await cells.all()) {
    const [client, scroll, text] = await cell.evaluate((e) => [e.clientWidth, e.scrollWidth, e.textContent ?? ''] as const);
    expect(scroll, `"${text}" needs ${scroll} px in a ${client} px cell`).toBeLessThanOrEqual(client);
  }
}

/** Tab from where the focus is until the grid has it, as an admin moves from the tree to the list. */
async function tabTo(page: Page, grid: Locator): Promise<void> {
  for (let i = 0; i < 6; i++) {
    if (await grid.evaluate((e) => e === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(grid).toBeFocused();
}

async function dialogShots(page: Page, dialog: Locator, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await keepScreenshot(dialog, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('under manual approval an admin approves one registered client and blocks the other in the console; the MP then gives policy to one and refuses the other', async ({ page }) => {
  const dataDir = freshDataDir();
  // Port 0 before the site starts: the management point of the serve process takes any free port.
  courierJson(dataDir, 'mp', 'set', '--port', '0', '--approval', 'manual');
  server = await startCourier(dataDir);
  const site = courierJson<SiteInfoDto>(dataDir, 'site', 'info');
  let mpUrl = '';
  await expect
    .poll(
      () => {
        mpUrl = courierJson<{ status: MpStatusDto }>(dataDir, 'mp', 'show').status.url ?? '';
        return mpUrl;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ccm\/v1\/$/);
  const pc1 = await register(mpUrl, 'PC0001', '10.1.2.3');
  expect(pc1.approval).toBe('pending');

  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Site Settings$/);

  // Site Systems: the site server plays the management point role.
  await console_.treeItem(/^Site Systems$/).click();
  const systems = console_.details.getByRole('grid', { name: 'Site Systems' });
  await expect(systems.getByRole('row', { name: new RegExp(site.serverName) })).toContainText('ConfigMgr Management Point');
  await console_.expand(/^Site Systems$/);
  await console_.treeItem(new RegExp(`^${site.serverName}$`)).click();
  const roles = console_.details.getByRole('grid', { name: site.serverName });
  const role = roles.getByRole('row', { name: /ConfigMgr Management Point/ });
  await expect(role).toContainText(mpUrl);
  await expect(role).toContainText('Running');
  await listShots(page, roles, ['Role Name', 'Address', 'State'], 'mp-site-system-roles');

  // Its Properties, from the keyboard: the port it was given 0, manual approval.
  await role.click();
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'ConfigMgr Management Point Properties' });
  await expect(sheet.getByRole('textbox', { name: 'Port' })).toHaveValue('0');
  await expect(sheet.getByRole('radio', { name: /Manually approve each client/ })).toBeChecked();
  await expectPageFits(sheet, sheet.getByRole('tabpanel'));
  await dialogShots(page, sheet, 'mp-properties-general');
  // A refused value stays at its field, in the contract's words, and blocks OK.
  await sheet.getByRole('textbox', { name: 'IP address' }).fill('mp.contoso.com');
  await expect(sheet.getByText('The address must be an IP address, such as 127.0.0.1, 0.0.0.0 or ::1.').first()).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'OK' })).toBeDisabled();
  await sheet.getByRole('tab', { name: 'Status' }).click();
  await expect(sheet.getByRole('textbox', { name: 'Address clients use' })).toHaveValue(mpUrl);
  await expectPageFits(sheet, sheet.getByRole('tabpanel'));
  await dialogShots(page, sheet, 'mp-properties-status');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Pending Approval: PC0001; PC0002 registers while it is shown and appears without F5.
  await console_.treeItem(/^Pending Approval$/).click();
  const grid = console_.details.getByRole('grid', { name: 'Pending Approval' });
  await expect(grid.getByRole('row', { name: /PC0001/ })).toContainText('10.1.2.3');
  const pc2 = await register(mpUrl, 'PC0002', '10.1.2.4');
  const row2 = grid.getByRole('row', { name: /PC0002/ });
  await expect(row2).toContainText('Pending');
  await listShots(page, grid, ['Name', 'Resource ID', 'Approval'], 'mp-pending-approval');

  // Approve PC0001 from its context menu: it leaves the Pending list.
  await grid.getByRole('row', { name: /PC0001/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Approve' }).click();
  await expect(grid.getByRole('row', { name: /PC0001/ })).toHaveCount(0);
  // Block PC0002: the confirmation says what happens to the client.
  await row2.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Block…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Block Client' });
  await expect(confirm).toContainText('Block PC0002?');
  await expect(confirm).toContainText('403 BLOCKED');
  await dialogShots(page, confirm, 'mp-block-client');
  await confirm.getByRole('button', { name: 'Block' }).click();
  await expect(confirm).toBeHidden();
  await expect(console_.details.getByText(/No client waits for approval/)).toBeVisible();

  // All: one approved, one blocked.
  await console_.details.getByRole('radio', { name: /^All/ }).check();
  await expect(grid.getByRole('row', { name: /PC0001/ })).toContainText('Approved');
  await expect(grid.getByRole('row', { name: /PC0002/ })).toContainText('Blocked');
  await listShots(page, grid, ['Name', 'Resource ID', 'Approval'], 'mp-clients-all');

  // The CLI sees what the console did.
  const listed = courierJson<MpClientDto[]>(dataDir, 'client', 'list');
  expect(listed.map((c) => [c.name, c.resourceId, c.approval, c.ipAddresses])).toEqual([
    ['PC0001', pc1.resourceId, 'approved', ['10.1.2.3']],
    ['PC0002', pc2.resourceId, 'blocked', ['10.1.2.4']],
  ]);

  // And so does the management point: policy for the approved client, 403 BLOCKED for the other.
  const policy = await fetch(new URL('policy/machine', mpUrl), { headers: { authorization: mpAuthorization(pc1.resourceId, pc1.secret) } });
  expect(policy.status).toBe(200);
  expect(((await policy.json()) as { policyVersion: number }).policyVersion).toBeGreaterThanOrEqual(0);
  const refused = await fetch(new URL('policy/machine', mpUrl), { headers: { authorization: mpAuthorization(pc2.resourceId, pc2.secret) } });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('BLOCKED');

  // The role row counts them where the window has room for the column, and gives the time of the last request in a wider one.
  await page.setViewportSize({ width: 1280, height: 800 });
  await console_.treeItem(new RegExp(`^${site.serverName}$`)).click();
  await expect(role).toContainText('2 clients, 1 blocked');
  await expect(roles.getByRole('columnheader', { name: 'Clients' })).toBeVisible();
  await expectNoSidewaysScroll(roles);
  await keepScreenshot(page, 'mp-site-system-roles-counted-1280x800-light');
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(roles.getByRole('columnheader', { name: 'Last Request' })).toBeVisible();
  await expectNoSidewaysScroll(roles);
});

const root = resolve(import.meta.dirname, '../..');

/** The real client agent, once: it registers with the management point under this computer's name. */
function agentCycle(clientDir: string, mpBase: string): void {
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/courier-client.mjs', '--client-dir', clientDir, ...args], { cwd: root, encoding: 'utf8' });
  const configured = run('configure', '--management-point', mpBase, '--site-code', 'A01', '--session-user', 'CONTOSO\\ann');
  expect(configured.status, configured.stderr).toBe(0);
  // Pending approval, the cycle registers and is then refused its policy: it exits non-zero, registered.
  const cycle = run('policy', 'refresh');
  expect(cycle.stdout + cycle.stderr).toMatch(/pending/i);
}

test('keyboard alone, at 1024 px: a BITS DP shows its content service role and opens its Properties, the role names show whole, and a pending client opens its Properties and is approved from its menu', async ({ page }) => {
  const dataDir = freshDataDir();
  const volume = join(dataDir, 'dp01', 'd');
  mkdirSync(volume, { recursive: true });
  courierJson(dataDir, 'mp', 'set', '--port', '0', '--approval', 'manual');
  courierJson(dataDir, 'dp', 'add', 'dp01.contoso.com', '--volume', `D=${volume}`, '--bits');
  server = await startCourier(dataDir);
  const site = courierJson<SiteInfoDto>(dataDir, 'site', 'info');
  let mpUrl = '';
  await expect.poll(() => (mpUrl = courierJson<{ status: MpStatusDto }>(dataDir, 'mp', 'show').status.url ?? ''), { timeout: 30_000 }).toMatch(/^http:/);
  let listening = '';
  await expect.poll(() => (listening = courierJson<ContentServiceDto>(dataDir, 'content-service', 'show').listeningUrl ?? ''), { timeout: 30_000 }).toMatch(/^http:/);
  const contentPort = new URL(listening).port;
  agentCycle(join(dataDir, 'client'), mpUrl.replace(/ccm\/v1\/$/, ''));
  const agentName = (hostname().split('.')[0] ?? '').toUpperCase();
  const pc2 = await register(mpUrl, 'PC0002', '10.1.2.4', { adSiteName: 'HQ', loggedOnUsers: ['CONTOSO\\bob'], clientVersion: '4.00.6487.2000' });

  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Site Settings$/);
  await console_.treeItem(/^Site Systems$/).click();
  const systems = console_.details.getByRole('grid', { name: 'Site Systems' });
  await expect(systems.getByRole('row', { name: /dp01\.contoso\.com/ })).toContainText('ConfigMgr Distribution Point, Content Service (BITS)');
  await expect(systems.getByRole('row', { name: /dp01\.contoso\.com/ }).getByRole('gridcell').nth(2)).toHaveAttribute('title', 'ConfigMgr Distribution Point, Content Service (BITS)');
  await expectNoSidewaysScroll(systems);

  // The DP's server: its DP role and its content service role, the URL clients are given, running.
  await console_.expand(/^Site Systems$/);
  await console_.treeItem(/^dp01\.contoso\.com$/).click();
  const roles = console_.details.getByRole('grid', { name: 'dp01.contoso.com' });
  const contentRow = roles.getByRole('row', { name: /Content Service \(BITS\)/ });
  await expect(contentRow).toContainText(`http://dp01.contoso.com:${contentPort}`);
  await expect(contentRow).toContainText('Running');
  await expect(console_.details).toContainText('2 items');
  await expectColumnWhole(roles, 1);
  await expectColumnWhole(roles, 2);
  await listShots(page, roles, ['Role Name', 'Address', 'State'], 'content-service-role');

  // Tab from the tree to the list, Down to the content service, Shift+F10 for its menu, Enter for Properties.
  await console_.treeItem(/^dp01\.contoso\.com$/).focus();
  await tabTo(page, roles);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(contentRow).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Properties', exact: true })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Distribution Point Properties' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(roles).toBeFocused();
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Content Service (BITS) Properties' });
  await expect(sheet.getByRole('textbox', { name: 'Port' })).toHaveValue('0');
  await expect(sheet.getByRole('textbox', { name: 'IP address or host name' })).toHaveValue('127.0.0.1');
  await expectPageFits(sheet, sheet.getByRole('tabpanel'));
  await dialogShots(page, sheet, 'content-service-properties-general');
  // A client URL with a path is refused at its field in the contract's words; a bare one is saved.
  const clientUrl = sheet.getByRole('textbox', { name: 'Client URL' });
  await clientUrl.fill('http://dp01.contoso.com:8080/SMS_DP_SMSPKGD$/');
  await expect(sheet.getByText(/Courier adds \/SMS_DP_<share>\/<package>\/ itself/).first()).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'OK' })).toBeDisabled();
  await clientUrl.fill('http://dp01.contoso.com:8080');
  await page.keyboard.press('Control+Tab');
  await expect(sheet.getByRole('tab', { name: 'Status' })).toHaveAttribute('aria-selected', 'true');
  await expect(sheet.getByRole('textbox', { name: 'Listening at' })).toHaveValue(listening);
  await expectPageFits(sheet, sheet.getByRole('tabpanel'));
  await dialogShots(page, sheet, 'content-service-properties-status');
  await sheet.getByRole('button', { name: 'OK' }).press('Enter');
  await expect(sheet).toBeHidden();
  expect(courierJson<ContentServiceDto>(dataDir, 'content-service', 'show').clientUrl).toBe('http://dp01.contoso.com:8080');
  await expect(contentRow).toContainText('http://dp01.contoso.com:8080');

  // The site server: the management point's role name is whole at 1024 px, and so at 1920.
  await console_.treeItem(new RegExp(`^${site.serverName}$`)).click();
  const serverRoles = console_.details.getByRole('grid', { name: site.serverName });
  await expect(serverRoles.getByRole('row', { name: /ConfigMgr Management Point/ })).toContainText('Running');
  await expectColumnWhole(serverRoles, 1);
  await expectColumnWhole(serverRoles, 2);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectColumnWhole(serverRoles, 1);
  await expectColumnWhole(serverRoles, 2);
  await expect(serverRoles.getByRole('columnheader', { name: 'Clients' })).toBeVisible();
  await expectColumnWhole(serverRoles, 6);
  await keepScreenshot(page, 'mp-site-system-roles-1920x1080-light');
  await page.setViewportSize({ width: 1024, height: 768 });

  // Pending Approval from the keyboard: Tab past the Show filter to the list, type a name to find a client, Enter.
  await console_.treeItem(/^Pending Approval$/).click();
  const grid = console_.details.getByRole('grid', { name: 'Pending Approval' });
  await expect(grid.getByRole('row', { name: new RegExp(agentName) })).toContainText('Pending');
  await tabTo(page, grid);
  await page.keyboard.type('PC0002');
  const row2 = grid.getByRole('row', { name: /PC0002/ });
  await expect(row2).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const client = page.getByRole('dialog', { name: 'PC0002 Properties' });
  await expect(client.getByRole('textbox', { name: 'SMS unique identifier' })).toHaveValue(pc2.smsUniqueIdentifier);
  await expect(client.getByRole('textbox', { name: 'Operating system' })).toHaveValue('Microsoft Windows NT Workstation 5.1');
  await expect(client.getByRole('textbox', { name: 'Platform' })).toHaveValue('I386');
  await expect(client.getByRole('textbox', { name: 'Active Directory site' })).toHaveValue('HQ');
  await expect(client.getByRole('textbox', { name: 'IP subnets' })).toHaveValue('10.1.0.0');
  await expect(client.getByRole('textbox', { name: 'Logged-on users' })).toHaveValue('CONTOSO\\bob');
  await expectPageFits(client, client.getByRole('tabpanel'));
  await dialogShots(page, client, 'mp-client-properties-general');
  await page.keyboard.press('Control+Tab');
  await expect(client.getByRole('textbox', { name: 'Approval' })).toHaveValue('Pending');
  await expectPageFits(client, client.getByRole('tabpanel'));
  await dialogShots(page, client, 'mp-client-properties-approval');
  // Approved elsewhere (the CLI) while the sheet is open: the sheet follows.
  courierJson(dataDir, 'client', 'approve', 'PC0002');
  await expect(client.getByRole('textbox', { name: 'Approval' })).toHaveValue('Approved');
  await page.keyboard.press('Escape');
  await expect(client).toBeHidden();
  await expect(grid).toBeFocused();

  // The agent's own registration: this computer's name, the user it was told is logged on.
  await page.keyboard.type(agentName);
  const agentRow = grid.getByRole('row', { name: new RegExp(agentName) });
  await expect(agentRow).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const agent = page.getByRole('dialog', { name: `${agentName} Properties` });
  await expect(agent.getByRole('textbox', { name: 'Logged-on users' })).toHaveValue('CONTOSO\\ann');
  await expect(agent.getByRole('textbox', { name: 'Client version' })).not.toHaveValue('Not reported');
  await page.keyboard.press('Escape');
  await expect(agent).toBeHidden();

  // Its menu from the keyboard: Approve is the first item.
  await page.keyboard.press('Shift+F10');
  const clientMenu = page.getByRole('menu');
  await expect(clientMenu.getByRole('menuitem', { name: 'Approve' })).toBeVisible();
  await expect(clientMenu.getByRole('menuitem', { name: 'Properties' })).toBeVisible();
  await clientMenu.getByRole('menuitem', { name: 'Approve' }).press('Enter');
  await expect(grid.getByRole('row', { name: new RegExp(agentName) })).toHaveCount(0);
  await expect(console_.details.getByText(/No client waits for approval/)).toBeVisible();
  expect(courierJson<MpClientDto[]>(dataDir, 'client', 'list').map((c) => c.approval)).toEqual(['approved', 'approved']);
});
