import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageDto } from '../../core/api';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn costs about half a second, so a few command lines cover a lot.
let data: TempDir;
const courier = (...args: string[]) => runCli(['--data-dir', data.path, ...args]);

async function listIds(): Promise<string[]> {
  const listed = await courier('package', 'list', '--json');
  expect(listed.code).toBe(0);
  const packages = JSON.parse(listed.stdout) as PackageDto[];
  expect(Array.isArray(packages)).toBe(true);
  return packages.map((p) => p.packageId);
}

beforeAll(() => {
  data = makeTempDir('courier-cli-');
});
afterAll(() => data.remove());

describe('courier package: the round trip', () => {
  it('creates, lists, shows, updates and deletes', async () => {
    const created = await courier('package', 'create', '--name', 'Office', '--version', '12.0', '--source', data.path, '--compressed', '--json');
    expect(created.code).toBe(0);
    expect(created.stderr).toBe('');
    const pkg = JSON.parse(created.stdout) as PackageDto;
    expect(pkg).toMatchObject({ name: 'Office', version: '12.0', containsSourceFiles: true, sourceDirectory: data.path, sourceOption: 'compressed' });
    expect(pkg.packageId).toMatch(/^A01[0-9A-F]{5}$/);

    expect(await listIds()).toEqual([pkg.packageId]);

    const shown = await courier('package', 'show', pkg.packageId.toLowerCase(), '--json');
    expect(JSON.parse(shown.stdout)).toEqual(pkg);

    const updated = await courier('package', 'update', pkg.packageId, '--publisher', 'Contoso', '--no-source', '--user-grace-period', '30', '--json');
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({ packageId: pkg.packageId, publisher: 'Contoso', containsSourceFiles: false, userGracePeriod: 30, version: '12.0' });

    const text = await courier('package', 'show', pkg.packageId);
    expect(text.stdout).toMatch(/Publisher:\s+Contoso/);

    const deleted = await courier('package', 'delete', pkg.packageId, '--json');
    expect(JSON.parse(deleted.stdout)).toEqual({ packageId: pkg.packageId, name: 'Office' });
    expect(await listIds()).toEqual([]);
  });
});

describe('courier package: refused requests change nothing', () => {
  const refusals = [
    { why: 'a name over 50 characters', args: ['--name', 'n'.repeat(51)], code: 'VALIDATION_FAILED', exit: 1 },
    { why: 'a grace period of 60 minutes', args: ['--name', 'G', '--user-grace-period', '60'], code: 'VALIDATION_FAILED', exit: 1 },
    { why: 'a share that is not a UNC path', args: ['--name', 'S', '--share-folder', 'C:\\dist'], code: 'VALIDATION_FAILED', exit: 1 },
    { why: 'a source folder that does not exist', args: ['--name', 'M', '--source', '/no/such/folder'], code: 'SOURCE_NOT_FOUND', exit: 1 },
    { why: 'a number with trailing letters', args: ['--name', 'N', '--user-grace-period', '5x'], code: 'VALIDATION_FAILED', exit: 2 },
  ];

  it('exit ≠ 0, one line on stderr, {"error"} on stdout with --json, and no package', async () => {
    // Side by side: they are independent, and the spawns dominate the time.
    const runs = await Promise.all(refusals.map(({ args }) => courier('package', 'create', ...args, '--json')));
    runs.forEach((run, index) => {
      const { why, code, exit } = refusals[index]!;
      expect(run.code, why).toBe(exit);
      expect(run.stderr, why).toMatch(/^courier: [^\n]+\n$/);
      expect(JSON.parse(run.stdout), why).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    });
    expect(await listIds()).toEqual([]);
  });

  it('says which package is missing, in text mode on stderr only', async () => {
    const run = await courier('package', 'delete', 'A01FFFFF');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('courier: There is no package A01FFFFF at this site.\n');
  });
});

describe('courier site', () => {
  it('init creates a site with its own code; info reports it; a second init is refused', async () => {
    const fresh = join(data.path, 'fresh-site');
    const init = await runCli(['site', 'init', '--site-code', 'x42', '--site-name', 'Lab', '--json'], { COURIER_DATA_DIR: fresh });
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ siteCode: 'X42', siteName: 'Lab', dataDir: fresh });

    const info = await runCli(['site', 'info'], { COURIER_DATA_DIR: fresh });
    expect(info.stdout).toMatch(/Site code:\s+X42/);

    const again = await runCli(['site', 'init', '--site-code', 'B02'], { COURIER_DATA_DIR: fresh });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds site X42/);
  });
});
