import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';
import { ContentCache } from '../cache/content-cache';
import { run } from './main';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir('courier-client-cli-');
});
afterEach(() => temp.remove());

async function courierClient(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: temp.path, env: { COURIER_CLIENT_DIR: join(temp.path, 'client') } });
  return { code, out: out.join(''), err: err.join('') };
}

async function seed(): Promise<void> {
  const { cache } = await ContentCache.open(join(temp.path, 'cache'), { sizeMb: 10 });
  for (const [packageId, bytes] of [['A0100001', 3 * 1024 * 1024], ['A0100002', 1024]] as const) {
    const room = await cache.reserve({ packageId, sourceVersion: 1, sizeBytes: bytes, advertisementId: 'A0120000' });
    if (room.outcome !== 'reserved') throw new Error('no room');
    mkdirSync(room.entry.path);
    writeFileSync(join(room.entry.path, 'f'), Buffer.alloc(bytes));
    await cache.complete(packageId, 1);
  }
  await cache.release('A0100001', 1, 'A0120000');
}

it('cache list, set-size, delete and move work on the cache folder', async () => {
  await seed();
  const listed = await courierClient('cache', 'list', '--cache', 'cache', '--json');
  expect(listed.code).toBe(0);
  expect(JSON.parse(listed.out)).toMatchObject({ sizeMb: 10, usedBytes: 3 * 1024 * 1024 + 1024, entries: [{ key: 'A0100001.1', locked: false }, { key: 'A0100002.1', locked: true }] });
  expect((await courierClient('cache', 'list', '--cache', 'cache')).out).toMatch(/A0100001\.1\t3\.0 MB\tunlocked\nA0100002\.1\t0\.0 MB\tlocked until /);

  expect(JSON.parse((await courierClient('cache', 'set-size', '1', '--cache', 'cache', '--json')).out)).toEqual({ sizeMb: 1, evicted: ['A0100001.1'], overBytes: 0 });
  expect((await courierClient('cache', 'delete', 'a0100002.1', '--cache', 'cache')).out).toBe('Deleted A0100002.1.\n');
  expect((await courierClient('cache', 'move', 'elsewhere', '--cache', 'cache')).out).toBe(`The cache is now ${join(temp.path, 'elsewhere')}.\n`);
  expect(existsSync(join(temp.path, 'elsewhere', 'cache-index.json'))).toBe(true);
});

it('refuses bad input with exit code 1 and the reason', async () => {
  await seed();
  expect(await courierClient('cache', 'set-size', 'lots', '--cache', 'cache')).toMatchObject({ code: 1, err: 'courier-client: The size "lots" is not a whole number of MB.\n' });
  expect(await courierClient('cache', 'set-size', '0', '--cache', 'cache')).toMatchObject({ code: 1, err: expect.stringMatching(/sizeMb 0 is not a whole number of MB from 1/) });
  expect(await courierClient('cache', 'delete', '../etc', '--cache', 'cache')).toMatchObject({ code: 1, err: expect.stringMatching(/"..\/etc" is not a content name/) });
  expect(await courierClient('cache', 'delete', 'A0100009.1', '--cache', 'cache')).toMatchObject({ code: 1, err: expect.stringMatching(/A0100009.1 is not in the cache/) });
  // Without --cache, the folder client.json names; without client.json, the reason.
  expect(await courierClient('cache', 'list')).toMatchObject({ code: 1, err: expect.stringMatching(/client\.json does not exist: run "courier-client configure/) });
  expect((await courierClient('configure', '--management-point', 'http://127.0.0.1:8580/', '--site-code', 'A01', '--cache-folder', 'cache')).code).toBe(0);
  expect(await courierClient('cache', 'list', '--json')).toMatchObject({ code: 0, out: expect.stringContaining(JSON.stringify(join(temp.path, 'cache'))) });
});
