import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, SiteInfoDto } from '../../core/api';
import { buildMsi } from '../helpers/build-msi';
import { writeCraftedMsi } from '../helpers/crafted-msi';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let data: TempDir;
let files: TempDir;
let hostile = '';

beforeAll(() => {
  data = makeTempDir('courier-hostile-serve-');
  files = makeTempDir('courier-hostile-files-');
  writeFileSync(join(files.path, 'index.html'), '<!doctype html><title>Courier</title>');
  const real = new Uint8Array(readFileSync(buildMsi(files.path, 'viewer.msi', { productCode: '{11111111-2222-3333-4444-555555555555}', name: 'Viewer', version: '1.0.0', manufacturer: 'Contoso' })));
  // The hostile file: a string pool claiming 605 MB, in a sparse file of a few MB on disk.
  hostile = join(files.path, 'hostile.msi');
  writeCraftedMsi(hostile, real, { stream: '!_StringPool', size: 605_000_000 });
});
afterAll(() => {
  data.remove();
  files.remove();
});

describe('a hostile MSI against the real processes', () => {
  it('courier msi info refuses it with exit 1 and the core\'s error, instead of aborting', async () => {
    const run = await runCli(['msi', 'info', hostile, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining(`The Windows Installer file ${hostile} is damaged`) } });
  });

  it('the site server answers files:msi-info with VALIDATION_FAILED and goes on serving', async () => {
    const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--data-dir', data.path, '--static-dir', files.path], {
      cwd: repoRoot,
      env: { ...process.env, COURIER_DATA_DIR: '' },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = await new Promise<URL>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed: ${stdout}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(new URL(match[1]));
          }
        });
      });
      const token = address.searchParams.get('token') ?? '';
      const post = async (channel: string, body: unknown) =>
        (await fetch(new URL(`/api/${channel}`, address), {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json())) as ApiResult<unknown>;

      expect(await post('files:msi-info', { path: hostile })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(await post('definitions:inspect', { source: { kind: 'file', path: hostile } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const info = (await post('site:info', {})) as ApiResult<SiteInfoDto>;
      expect(info.ok && info.value.dataDir).toBe(data.path);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
