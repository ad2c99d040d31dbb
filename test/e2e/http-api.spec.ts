import { expect, test } from '@playwright/test';
import { startCourier, type CourierServer } from './support/courier-server';

// Bad input sent straight to the browser transport of `npm run serve`, bypassing the console.
let server: CourierServer;
test.beforeEach(async () => {
  server = await startCourier();
});
test.afterEach(async () => {
  await server.stop();
});

function api(channel: string) {
  return `${server.origin}/api/${channel}`;
}

test('malformed and unauthorized requests get clear errors and change nothing', async ({ request }) => {
  const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };

  const noToken = await request.post(api('packages:create'), { data: { name: 'Sneaky' } });
  expect(noToken.status()).toBe(401);
  expect((await noToken.json()).error.code).toBe('UNAUTHORIZED');

  const malformed = await request.post(api('packages:create'), { headers: auth, data: Buffer.from('{"name": "Broken",') });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/not valid JSON/) } });

  const tooLong = await request.post(api('packages:create'), { headers: auth, data: { name: 'x'.repeat(51) } });
  expect(tooLong.status()).toBe(400);
  expect(await tooLong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'name' } });

  const grace = await request.post(api('packages:create'), { headers: auth, data: { name: 'A', userGracePeriod: 60 } });
  expect(await grace.json()).toMatchObject({ error: { field: 'userGracePeriod', message: 'The user grace period is 0 to 59 minutes.' } });

  const share = await request.post(api('packages:create'), { headers: auth, data: { name: 'A', dataAccess: 'shareFolder', shareFolder: 'apps/word' } });
  expect(await share.json()).toMatchObject({ error: { field: 'shareFolder' } });

  const source = await request.post(api('packages:create'), {
    headers: auth,
    data: { name: 'A', containsSourceFiles: true, sourceDirectory: '/no/such/source' },
  });
  expect(source.status()).toBe(422);
  expect(await source.json()).toMatchObject({ error: { code: 'SOURCE_NOT_FOUND', field: 'sourceDirectory' } });

  const foreign = await request.post(api('packages:create'), { headers: { ...auth, Origin: 'http://evil.example' }, data: { name: 'A' } });
  expect(foreign.status()).toBe(403);

  const list = await request.post(api('packages:list'), { headers: auth, data: {} });
  expect(await list.json()).toEqual({ ok: true, value: [] });
});
