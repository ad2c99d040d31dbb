import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from './main';

const fixtures = join(import.meta.dirname, '../../test/fixtures/mif');

it('mif parse --json prints the parsed MIF; a bad file is exit code 1 with the line', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: fixtures };
  expect(await run(['mif', 'parse', 'success-crlf.mif', '--json'], io)).toBe(0);
  expect(JSON.parse(out.join(''))).toMatchObject({ product: 'Widget Pro', status: 'Success' });
  expect(await run(['mif', 'parse', 'README.md'], io)).toBe(1);
  expect(err.join('')).toMatch(/courier-client: /);
});

it('configure saves client.json in the client folder, refuses a wrong field by name, and reads the folder from COURIER_CLIENT_DIR', async () => {
  const { mkdtempSync, readFileSync, existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const base = mkdtempSync(join(tmpdir(), 'courier-client-cli-'));
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: base, env: { COURIER_CLIENT_DIR: join(base, 'from-env') } };
  expect(await run(['configure', '--management-point', 'http://127.0.0.1:8530/', '--site-code', 'a01', '--no-session-user', '--json'], io)).toBe(0);
  expect(JSON.parse(out.join(''))).toMatchObject({ clientDir: join(base, 'from-env'), siteCode: 'A01', session: { user: null } });
  expect(await run(['--client-dir', 'lab', 'configure', '--management-point', 'http://mp/', '--site-code', 'A01', '--session-user', 'CONTOSO\\ann', '--cache-size', '100'], io)).toBe(0);
  expect(JSON.parse(readFileSync(join(base, 'lab', 'client.json'), 'utf8'))).toMatchObject({ cacheSizeMb: 100, session: { user: 'CONTOSO\\ann' } });
  expect(await run(['--client-dir', 'bad', 'configure', '--management-point', 'http://mp/', '--site-code', 'A01', '--cache-size', '1e9'], io)).toBe(1);
  expect(err.join('')).toMatch(/--cache-size takes a whole number, not "1e9"/);
  expect(await run(['--client-dir', 'bad', 'configure', '--management-point', 'gopher://mp/', '--site-code', 'A01'], io)).toBe(1);
  expect(err.join('')).toMatch(/managementPoint: the management point is an http/);
  expect(existsSync(join(base, 'bad', 'client.json'))).toBe(false);
  expect(await run(['configure', '--site-code', 'A01'], io)).toBe(2);
});
