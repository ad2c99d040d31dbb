import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, SiteInfoDto } from '../../core/api';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let data: TempDir;
let web: TempDir;

beforeAll(() => {
  data = makeTempDir('courier-serve-');
  web = makeTempDir('courier-serve-web-');
  writeFileSync(join(web.path, 'index.html'), '<!doctype html><title>Courier</title>');
});
afterAll(() => {
  data.remove();
  web.remove();
});

describe('npm run serve', () => {
  it('prints the console address with its token, serves, and closes the site on SIGTERM', async () => {
    // --static-dir skips the renderer build, which is not what this test is about.
    const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--data-dir', data.path, '--static-dir', web.path], {
      cwd: repoRoot,
      env: { ...process.env, COURIER_DATA_DIR: '' },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${stdout}`)), 15_000);
      child.stdout.on('data', () => {
        const match = /^Courier console for site A01 \(Central Site\) at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(stdout);
        if (match?.[1] && stdout.includes('Press Ctrl-C')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(stdout).toContain(`Data directory: ${data.path}`);

    const address = new URL(line);
    const token = address.searchParams.get('token')!;
    const response = await fetch(new URL('/api/site:info', address), { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    const result = (await response.json()) as ApiResult<SiteInfoDto>;
    expect(result.ok && result.value.dataDir).toBe(data.path);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // better-sqlite3 folds the write-ahead log back in when the last connection closes cleanly.
    expect(existsSync(join(data.path, 'courier.db-wal'))).toBe(false);
  });

  it('rejects a bad option with one line and exit status 2', () => {
    const run = spawnSync(process.execPath, ['scripts/serve.mjs', '--port', '80x'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('courier serve: --port must be a whole number from 0 to 65535, not "80x". (see --help)\n');
  });
});
