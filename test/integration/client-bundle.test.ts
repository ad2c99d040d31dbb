import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

/**
 * The client agent ships as one file, dist/cli/courier-client.cjs (scripts/build-cli.mjs), which
 * a computer runs with Node alone: no node_modules, no database, no native module. The globalSetup
 * has built it from the current sources.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function node(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let temp: TempDir;
beforeAll(() => {
  temp = makeTempDir('courier-client-bundle-');
  copyFileSync(join(repoRoot, 'dist', 'cli', 'courier-client.cjs'), join(temp.path, 'courier-client.cjs'));
  copyFileSync(join(repoRoot, 'test', 'fixtures', 'mif', 'success-crlf.mif'), join(temp.path, 'setup.mif'));
});
afterAll(() => temp.remove());

it('runs from its one file with nothing installed beside it, and holds no path of the checkout', async () => {
  expect(readFileSync(join(temp.path, 'courier-client.cjs'), 'utf8')).not.toContain(repoRoot);
  const parsed = await node(['courier-client.cjs', 'mif', 'parse', 'setup.mif', '--json'], temp.path);
  expect(parsed).toMatchObject({ code: 0, stderr: '' });
  expect(JSON.parse(parsed.stdout)).toMatchObject({ product: 'Widget Pro', status: 'Success' });

  const configured = await node(['courier-client.cjs', '--client-dir', 'client', 'configure', '--management-point', 'http://127.0.0.1:8530/', '--site-code', 'A01'], temp.path);
  expect(configured.code).toBe(0);
  expect(JSON.parse(readFileSync(join(temp.path, 'client', 'client.json'), 'utf8'))).toMatchObject({ managementPoint: 'http://127.0.0.1:8530/', siteCode: 'A01' });
  expect(await node(['courier-client.cjs', 'no-such-command'], temp.path)).toMatchObject({ code: 2 });
});
