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
