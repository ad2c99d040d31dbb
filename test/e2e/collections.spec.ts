import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionDto, CollectionMemberDto, ResourceImportDto } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { courierJson } from './support/courier-cli';
import { freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});
test.describe.configure({ timeout: 180_000 });

const systemsCsv = [
  'Name,ResourceDomainORWorkgroup,OperatingSystemNameandVersion,Client',
  'PC-XP-01,CONTOSO,Microsoft Windows NT Workstation 5.1,1',
  'PC-XP-02,CONTOSO,Microsoft Windows NT Workstation 5.1,0',
  'PC-W7-01,CONTOSO,Microsoft Windows NT Workstation 6.1,1',
  'SRV-01,FABRIKAM,Microsoft Windows NT Server 6.1,1',
].join('\r\n');

test('a collection made with the CLI, its members in the console, and a query rule added through Properties', async ({ page }) => {
  const dataDir = freshDataDir();
  const csv = join(dataDir, 'systems.csv');
  writeFileSync(csv, systemsCsv);
  expect(courierJson<ResourceImportDto>(dataDir, 'resource', 'import', csv)).toMatchObject({ created: 4, updated: 0, refused: [] });
  const xp = courierJson<CollectionDto>(dataDir, 'collection', 'create', '--name', 'Windows XP', '--query', 'select * from SMS_R_System where OperatingSystemNameandVersion like "%5.1%"');

  server = await startCourier(dataDir);
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Collections$/);
  // The built-ins first, as the suite lists them, then the others.
  await expect(console_.treeItem(/^All Systems$/)).toBeVisible();
  await expect(console_.treeItem(/^Windows XP$/)).toBeVisible();

  await console_.treeItem(/^Windows XP$/).click();
  const grid = console_.details.getByRole('grid', { name: 'Windows XP' });
  await expect(grid.getByRole('row', { name: /PC-XP-01/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /PC-XP-02/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /PC-W7-01/ })).toHaveCount(0);
  await expect(console_.details.getByText(/^2 members, last membership update/)).toBeVisible();
  await keepScreenshot(page, 'collections-members');

  // Properties › Membership Rules › New Query Rule: a typo is refused at the field, with its line and column.
  await console_.treeItem(/^Windows XP$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Properties' }).click();
  const sheet = page.getByRole('dialog', { name: 'Windows XP Properties' });
  await sheet.getByRole('tab', { name: 'Membership Rules' }).click();
  await expect(sheet.getByRole('table', { name: 'Membership rules' }).getByRole('row', { name: /Query 1/ })).toContainText('SMS_R_System');
  await sheet.getByRole('button', { name: 'New Query Rule…' }).click();
  const rule = page.getByRole('dialog', { name: 'Query Rule Properties' });
  await rule.getByRole('textbox', { name: 'Name' }).fill('Windows 7');
  const query = rule.getByRole('textbox', { name: 'Query (WQL)' });
  await query.fill('select * from SMS_R_System\nwhere OperatingSystemNameandVersion lik "%6.1%"');
  await rule.getByRole('button', { name: 'OK' }).click();
  // The place at the field, on the line it was typed on; the whole reason under it.
  // "lik" starts at column 37 of line 2.
  await expect(rule.getByText('Line 2, column 37', { exact: true })).toBeVisible();
  await expect(rule.getByRole('alert').filter({ hasText: 'The query rule cannot be used' })).toContainText('Line 2, column 37: ');
  await expect(query).toHaveAttribute('aria-invalid', 'true');
  await keepScreenshot(rule, 'collections-query-rule-refused');
  await query.fill('select * from SMS_R_System\nwhere OperatingSystemNameandVersion like "%Workstation 6.1%"');
  await rule.getByRole('button', { name: 'OK' }).click();
  await expect(rule).toHaveCount(0);
  await expect(sheet.getByRole('table', { name: 'Membership rules' }).getByRole('row', { name: /Windows 7/ })).toBeVisible();
  await keepScreenshot(sheet, 'collections-properties-rules');
  await sheet.getByRole('button', { name: 'Cancel' }).click();
  await expect(sheet).toHaveCount(0);

  // A rule change re-evaluates the collection: PC-W7-01 is a member at once.
  await expect(grid.getByRole('row', { name: /PC-W7-01/ })).toBeVisible();

  // A resource imported later joins the query collections it matches at once (evaluated for that
  // resource only), and the console shows it without F5; Update Collection Membership then finds nothing to do.
  writeFileSync(csv, ['Name,OperatingSystemNameandVersion', 'PC-XP-03,Microsoft Windows NT Workstation 5.1'].join('\n'));
  courierJson<ResourceImportDto>(dataDir, 'resource', 'import', csv);
  await expect(grid.getByRole('row', { name: /PC-XP-03/ })).toBeVisible();
  await console_.treeItem(/^Windows XP$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Update Collection Membership' }).click();
  const update = page.getByRole('dialog', { name: 'Update Collection Membership' });
  await expect(update).toContainText('Update the membership of Windows XP?');
  await update.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updated membership of Windows XP: 0 added, 0 removed' })).toBeVisible();
  await expect(grid.getByRole('row', { name: /PC-XP-03/ })).toBeVisible();
  await keepScreenshot(page, 'collections-after-update');

  const members = courierJson<CollectionMemberDto[]>(dataDir, 'collection', 'members', xp.collectionId);
  expect(members.map((m) => m.name).sort()).toEqual(['PC-W7-01', 'PC-XP-01', 'PC-XP-02', 'PC-XP-03']);
});
