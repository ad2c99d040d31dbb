import { expect, test, type Locator } from '@playwright/test';
import { ConsolePage } from './pages/console-page';
import { startCourier, type CourierServer } from './support/courier-server';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Whether the header's label is cut (ellipsized) in the real browser's layout. */
async function labelIsCut(header: Locator): Promise<boolean> {
  return header.locator('span').first().evaluate((label) => label.scrollWidth > label.clientWidth);
}

test('the Packages list: IDs sort as the suite sorts them, headers stay whole when sorted, 24 px rows, type-ahead and one date format', async ({
  page,
  request,
}) => {
  // 170 packages made over HTTP take a while on a busy machine.
  test.setTimeout(120_000);
  server = await startCourier();
  const auth = { Authorization: `Bearer ${server.token}` };
  // 170 packages: A0100001 … A01000AA, so hex IDs with letters (A01000A0) are among them.
  for (let i = 1; i <= 170; i++) {
    const name = i === 120 ? 'Tailspin Toys' : i === 60 ? 'Tailspin Bulk App 0003' : `Package ${i}`;
    const created = await request.post(`${server.origin}/api/packages:create`, { headers: auth, data: { name } });
    expect(created.ok()).toBe(true);
  }
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.selectPackagesNode();
  const grid = console_.packagesGrid;
  const headers = grid.getByRole('columnheader');
  await expect(headers).toHaveCount(8);

  // At the default widths no header is cut, before sorting and with the sort arrow shown.
  for (const header of await headers.all()) expect(await labelIsCut(header), await header.innerText()).toBe(false);
  const packageId = grid.getByRole('columnheader', { name: 'Package ID' });
  await packageId.getByRole('button').click();
  await expect(packageId).toHaveAttribute('aria-sort', 'ascending');
  await expect(packageId.locator('svg')).toBeVisible();
  expect(await labelIsCut(packageId)).toBe(false);
  await expect(packageId).toHaveText('Package ID');

  // Ascending: A0100001 is row 1, and …09 comes before …0A (a natural-number sort put A01000A0 first).
  const idColumn = await packageId.getAttribute('aria-colindex');
  const idCell = (row: number) => grid.locator(`[aria-rowindex="${row + 1}"] [role="gridcell"][aria-colindex="${idColumn}"]`);
  await expect(idCell(1)).toHaveText('A0100001');
  await expect(idCell(10)).toHaveText('A010000A');

  // The dense rows of an MMC list.
  const rowBox = await grid.locator('[aria-rowindex="2"]').boundingBox();
  expect(rowBox?.height).toBe(24);

  // Type-ahead: "Tailspin T", typed as one word, selects Tailspin Toys (by name, not by ID).
  await grid.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
  await grid.focus();
  await page.keyboard.type('Tailspin T', { delay: 40 });
  await expect(grid.getByRole('row', { selected: true })).toHaveCount(1);
  await expect(grid.getByRole('row', { selected: true })).toContainText('Tailspin Toys');

  // Last Modified: the Windows short date with the full year and the short time (en-US here).
  const modifiedColumn = await grid.getByRole('columnheader', { name: 'Last Modified' }).getAttribute('aria-colindex');
  const modified = await grid.getByRole('row', { selected: true }).locator(`[role="gridcell"][aria-colindex="${modifiedColumn}"]`).innerText();
  expect(modified).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2} [AP]M$/);
});
