import { expect, test } from '@playwright/test';
import { createSiteLog } from '../../core/site/site-log';
import { openSite } from '../../core/site/open-site';
import { openSitePlumbing } from '../../core/site/site-plumbing';
import { ConsolePage } from './pages/console-page';
import { freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

const dm = 'SMS_DISTRIBUTION_MANAGER';
const dp = '["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\';

/** Messages as Distribution Manager reports them, through a unit of work on the site, an hour ago and after. */
function seedMessages(dataDir: string): void {
  let clock = Date.now() - 3_600_000;
  const now = () => new Date(clock);
  const site = openSite(dataDir, now);
  const plumbing = openSitePlumbing({ db: site.db, root: site.root, log: createSiteLog(site.root, now), logAs: { file: 'distmgr.log', component: dm }, now });
  const report = (messageId: number, strings: string[], attributes: Record<number, string>) => {
    clock += 60_000;
    plumbing.work.run((change) => change.status({ component: dm, messageId, insertionStrings: strings, attributes }));
  };
  report(2300, ['Reader', 'A0100001'], { 400: 'A0100001' });
  report(2328, ['A0100001', dp, 'Access is denied.'], { 400: 'A0100001', 404: dp });
  report(2330, ['A0100002', dp], { 400: 'A0100002', 404: dp });
  site.db.close();
}

test('an admin makes a status message query, and runs a built-in one with a prompt into the viewer', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = freshDataDir();
  seedMessages(dataDir);
  server = await startCourier(dataDir);
  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^System Status$/);
  await console_.treeItem(/^Status Message Queries$/).click();
  const grid = console_.details.getByRole('grid', { name: 'Status Message Queries' });
  await expect(grid.getByRole('row', { name: /All Status Messages for a Specific Package/ }).first()).toBeVisible();

  // New Query…: a query of the site's own, listed as not built-in.
  await console_.treeItem(/^Status Message Queries$/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'New Query…' }).click();
  const sheet = page.getByRole('dialog', { name: 'New Status Message Query' });
  await sheet.getByRole('textbox', { name: 'Name' }).fill('DP01 copy failures');
  await sheet.getByRole('textbox', { name: 'Comment' }).fill('Copies Distribution Manager could not make');
  await sheet.getByRole('textbox', { name: 'Component' }).fill(dm);
  await sheet.getByRole('textbox', { name: 'Message IDs' }).fill('2328');
  await sheet.getByRole('radio', { name: 'The last hours or days' }).check();
  await keepScreenshot(sheet, 'status-queries-new-query');
  await sheet.getByRole('button', { name: 'OK' }).click();
  await expect(sheet).toBeHidden();
  const mine = grid.getByRole('row', { name: /DP01 copy failures/ });
  await expect(mine).toBeVisible();
  await expect(mine).toContainText('No');

  // Show Messages on a built-in query with a prompt: the package ID, then the viewing period, then the viewer.
  const builtIn = grid.getByRole('row').filter({ has: page.getByRole('gridcell', { name: 'All Status Messages for a Specific Package', exact: true }) });
  await expect(builtIn).toContainText('Yes');
  await builtIn.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Show Messages' }).click();
  const prompts = page.getByRole('dialog', { name: 'Status Message Query Prompts' });
  await prompts.getByRole('textbox', { name: 'Package ID' }).fill('A0100001');
  await keepScreenshot(prompts, 'status-queries-prompts');
  await prompts.getByRole('button', { name: 'OK' }).click();
  const period = page.getByRole('dialog', { name: 'Set Viewing Period' });
  await expect(period).toBeVisible();
  await period.getByRole('radio', { name: 'Specify number of hours or days' }).check();
  await period.getByRole('textbox', { name: 'Number' }).fill('1');
  const popup = page.waitForEvent('popup');
  await period.getByRole('button', { name: 'OK' }).click();
  const viewer = await popup;
  await viewer.waitForLoadState();
  expect(new URL(viewer.url()).pathname).toBe('/status-viewer.html');
  expect(new URL(viewer.url()).searchParams.get('packageId')).toBe('A0100001');
  const messages = viewer.getByRole('grid', { name: 'Status messages' });
  await expect(messages.getByRole('row', { name: /2328/ })).toBeVisible();
  await expect(messages.getByRole('row', { name: /2300/ })).toBeVisible();
  // A0100002's message is not the package's.
  await expect(messages.getByRole('row', { name: /2330/ })).toHaveCount(0);

  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await keepScreenshot(page, `status-queries-${width}x${height}`);
  }
});
