import { expect, test } from '@playwright/test';
import { mpAuthorization, mpRegisterResponseSchema, type MpRegisterResponse, type MpStatusDto, type MpStatusMessage } from '../../core/api';
import { ConsolePage } from './pages/console-page';
import { courierJson } from './support/courier-cli';
import { callApi, freshDataDir, startCourier, type CourierServer } from './support/courier-server';
import { keepScreenshot } from './support/screenshots';

let server: CourierServer | null = null;
test.afterEach(async () => {
  await server?.stop();
  server = null;
});
test.describe.configure({ timeout: 120_000 });

async function register(mpUrl: string, name: string): Promise<MpRegisterResponse> {
  const response = await fetch(new URL('register', mpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 6.1', platform: 'x64', ipAddresses: ['10.1.2.3'], ipSubnets: ['10.1.0.0'], loggedOnUsers: [] }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return mpRegisterResponseSchema.parse(await response.json());
}

let uid = 0;
async function report(mpUrl: string, client: MpRegisterResponse, advertisementId: string, messageId: number, at: string): Promise<void> {
  uid += 1;
  const message: MpStatusMessage = { uid: `e2e-${uid}`, messageId, severity: messageId === 10006 ? 'error' : 'info', time: at, component: 'Software Distribution', insertionStrings: [advertisementId, '0', '', 'A0100001', 'Install'], attributes: { 400: 'A0100001', 401: advertisementId } };
  const response = await fetch(new URL('status', mpUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: mpAuthorization(client.resourceId, client.secret) },
    body: JSON.stringify({ messages: [message] }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

test("an advertisement's Client Status shows each client's last state and the counts, and follows new status messages without F5", async ({ page, request }) => {
  const dataDir = freshDataDir();
  courierJson(dataDir, 'mp', 'set', '--port', '0');
  server = await startCourier(dataDir);
  let mpUrl = '';
  await expect.poll(() => (mpUrl = courierJson<{ status: MpStatusDto }>(dataDir, 'mp', 'show').status.url ?? ''), { timeout: 30_000 }).toMatch(/^http:/);
  await callApi(server, request, 'packages:create', { name: 'Viewer' });
  await callApi(server, request, 'programs:create', { packageId: 'A0100001', program: { name: 'Install', commandLine: 'setup.exe /q' } });
  await callApi(server, request, 'advertisements:create', { advertisementName: 'Viewer to everyone', packageId: 'A0100001', programName: 'Install', collectionId: 'SMS00001' });
  const one = await register(mpUrl, 'WKS001');
  const two = await register(mpUrl, 'WKS002');
  await report(mpUrl, one, 'A0120000', 10002, '2026-12-03T09:00:00Z');
  await report(mpUrl, one, 'A0120000', 10008, '2026-12-03T09:05:00Z');
  await report(mpUrl, two, 'A0120000', 10005, '2026-12-03T09:01:00Z');

  await page.setViewportSize({ width: 1024, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(server.url);
  await console_.expand(/^Computer Management$/);
  await console_.expand(/^Software Distribution$/);
  await console_.treeItem(/^Advertisements$/).click();
  const row = console_.details.getByRole('grid', { name: 'Advertisements' }).getByRole('row', { name: /Viewer to everyone/ });
  await row.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Client Status' }).click();
  const dialog = page.getByRole('dialog', { name: 'Client Status: Viewer to everyone' });
  const counts = dialog.getByRole('list', { name: 'Clients by state' });
  await expect(counts).toContainText('Clients: 2');
  await expect(counts).toContainText('Succeeded: 1');
  await expect(counts).toContainText('Running: 1');
  // The bars of the states tell the same counts as their table.
  const chart = dialog.getByRole('region', { name: 'Chart of clients by state' });
  await expect(chart.getByRole('table', { name: 'Chart of clients by state: 2 in all' })).toBeAttached();
  await expect(chart.getByRole('row', { name: 'Succeeded 1' })).toBeAttached();
  await expect(chart.getByRole('row', { name: 'Running 1' })).toBeAttached();
  await expect(chart.getByRole('row', { name: 'Failed 0' })).toBeAttached();
  await expect(chart.locator('svg').first()).toBeVisible();
  const clients = dialog.getByRole('grid', { name: 'Clients' });
  await expect(clients.getByRole('row', { name: /WKS001/ })).toContainText('Succeeded');
  await expect(clients.getByRole('row', { name: /WKS002/ })).toContainText('Running');
  // The ten counts stand in aligned columns inside the dialog, at both window sizes, light and dark.
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    const [box, items] = await Promise.all([counts.boundingBox(), counts.getByRole('listitem').evaluateAll((list) => list.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))]);
    expect(items).toHaveLength(10);
    for (const item of items) expect(item.right, 'a count past the right edge of its box').toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0) + 0.5);
    // Two rows of five: the sixth count starts where the first does.
    expect(Math.abs((items[5]?.left ?? 0) - (items[0]?.left ?? 0))).toBeLessThan(1);
    expect(Math.abs((items[6]?.left ?? 0) - (items[1]?.left ?? 0))).toBeLessThan(1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await keepScreenshot(dialog, `advertisement-client-status-${width}x${height}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 768 });

  // WKS002's program fails while the dialog is open: the row and the counts follow.
  await report(mpUrl, two, 'A0120000', 10006, '2026-12-03T09:09:00Z');
  await expect(clients.getByRole('row', { name: /WKS002/ })).toContainText('Failed');
  await expect(counts).toContainText('Failed: 1');
  await expect(counts).toContainText('Running: 0');
  await expect(chart.getByRole('row', { name: 'Failed 1' })).toBeAttached();
  await expect(chart.getByRole('row', { name: 'Running 0' })).toBeAttached();
  expect(courierJson<{ counts: Record<string, number> }>(dataDir, 'advertisement', 'clients', 'A0120000').counts).toMatchObject({ succeeded: 1, failed: 1, running: 0 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // An advertisement no client has reported on says so, with every count 0.
  await callApi(server, request, 'advertisements:create', { advertisementName: 'Viewer to users', packageId: 'A0100001', programName: 'Install', collectionId: 'SMS00002' });
  const other = console_.details.getByRole('grid', { name: 'Advertisements' }).getByRole('row', { name: /Viewer to users/ });
  await other.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Client Status' }).click();
  const empty = page.getByRole('dialog', { name: 'Client Status: Viewer to users' });
  await expect(empty.getByText('No client has reported a state for this advertisement yet.')).toBeVisible();
  await expect(empty.getByRole('list', { name: 'Clients by state' })).toContainText('Clients: 0');
  await expect(empty.getByRole('region', { name: 'Chart of clients by state' })).toContainText('No client has reported a state yet');
  await keepScreenshot(empty, 'advertisement-client-status-empty');
  await page.keyboard.press('Escape');
  await expect(empty).toBeHidden();
});
