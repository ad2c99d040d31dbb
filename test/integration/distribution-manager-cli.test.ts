import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageStatusDto, PackageValidationDto } from '../../core/api';
import { writeTree } from '../helpers/content-tree';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn of the CLI costs a second or more here, hence the long timeouts.
let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const folder = (...parts: string[]) => join(data.path, 'vol', 'd', 'SMSPKGD$', ...parts);

beforeAll(async () => {
  data = makeTempDir('courier-cli-distmgr-');
  writeTree(join(data.path, 'source'), { 'setup.exe': Buffer.alloc(4096, 7), 'Data/readme.txt': 'read me' });
  writeTree(join(data.path, 'vol', 'd'), {});
  writeTree(join(data.path, 'vol', 'e'), {});
  expect((await courier('site', 'init')).code).toBe(0);
  expect((await courier('package', 'create', '--name', 'Viewer', '--source', join(data.path, 'source'))).code).toBe(0);
  expect((await courier('dp', 'add', 'DP01', '--volume', `D=${join(data.path, 'vol', 'd')}`)).code).toBe(0);
  expect((await courier('dp', 'add', 'DP02', '--volume', `E=${join(data.path, 'vol', 'e')}`)).code).toBe(0);
}, 60_000);
afterAll(() => data.remove());

describe('courier and Distribution Manager', { timeout: 90_000 }, () => {
  it('distribute --wait runs Distribution Manager in the command and prints the final status', async () => {
    const run = await courier('package', 'distribute', 'A0100001', '--dp', 'DP01', '--dp', 'DP02', '--wait', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Distribution Manager will copy source version 1');
    const status = json<PackageStatusDto>(run.stdout);
    expect(status.distributionPoints.map((dp) => [dp.name, dp.state, dp.files])).toEqual([
      ['DP01', 'installed', 2],
      ['DP02', 'installed', 2],
    ]);
    expect(readFileSync(folder('A0100001', 'Data', 'readme.txt'), 'utf8')).toBe('read me');
  });

  it('validate finds what was changed by hand on a DP, and --repair puts only that right', async () => {
    writeFileSync(folder('A0100001', 'setup.exe'), 'tampered');
    rmSync(folder('A0100001', 'Data', 'readme.txt'));
    writeFileSync(folder('A0100001', 'extra.dll'), 'not ours');
    const found = await courier('package', 'validate', 'A0100001', '--dp', 'DP01', '--json');
    expect(found.code).toBe(1);
    expect(json<PackageValidationDto>(found.stdout).distributionPoints[0]).toMatchObject({ name: 'DP01', ok: false, missing: ['Data/readme.txt'], changed: ['setup.exe'], extra: ['extra.dll'] });
    const repaired = await courier('package', 'validate', 'A0100001', '--dp', 'DP01', '--repair', '--json');
    expect(repaired.code, repaired.stdout).toBe(0);
    expect(json<PackageValidationDto>(repaired.stdout).distributionPoints[0]).toMatchObject({ ok: true, repaired: { rewritten: ['Data/readme.txt', 'setup.exe'], removed: ['extra.dll'] } });
    expect(readFileSync(folder('A0100001', 'setup.exe'))).toEqual(Buffer.alloc(4096, 7));
    const all = await courier('package', 'validate', 'A0100001');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/DP01 \(\\\\DP01\\SMSPKGD\$\\A0100001\): matches its manifest/);
    expect(all.stdout).toMatch(/DP02 .*: matches its manifest/);
  });

  it('site run does the work a command queued without --wait, until SIGTERM stops it', async () => {
    const removed = await courier('package', 'remove-dp', 'A0100001', '--dp', 'DP02');
    expect(removed.code, removed.stderr).toBe(0);
    const child = spawn(process.execPath, ['bin/courier.mjs', '--data-dir', site(), 'site', 'run'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect
        .poll(async () => json<PackageStatusDto>((await courier('package', 'status', 'A0100001', '--json')).stdout).distributionPoints.map((dp) => dp.name), {
          timeout: 60_000,
          interval: 500,
        })
        .toEqual(['DP01']);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('site components running');
    expect(stderr).toContain('stopping the site components');
    expect(() => readFileSync(join(data.path, 'vol', 'e', 'SMSPKGE$', 'A0100001', 'setup.exe'))).toThrow();
  });
});
