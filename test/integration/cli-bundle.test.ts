import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageDto } from '../../core/api';
import { componentLeases } from '../helpers/component-leases';
import { consoleUrlOf, stopChild } from '../helpers/console-url';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

/**
 * dist/cli/courier.cjs is what every `courier` runs: bin/courier.mjs in a checkout, the launchers
 * of the desktop app (bin/launchers) once installed. The globalSetup has built it from the
 * current sources.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function node(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, COURIER_DATA_DIR: '' }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

let temp: TempDir;
beforeAll(() => {
  temp = makeTempDir('courier-cli-bundle-');
});
afterAll(() => temp.remove());

describe('the CLI bundle, installed away from the sources', () => {
  // The layout electron-builder.yml packages: dist/cli beside dist/renderer, better-sqlite3 in node_modules.
  let app: string;
  beforeAll(() => {
    app = join(temp.path, 'installed');
    cpSync(join(repoRoot, 'dist', 'cli'), join(app, 'dist', 'cli'), { recursive: true });
    mkdirSync(join(app, 'dist', 'renderer'));
    writeFileSync(join(app, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Installed console</title>');
    symlinkSync(join(repoRoot, 'node_modules'), join(app, 'node_modules'), 'dir');
  });

  it('holds no path of the checkout and nothing that resolves a file from its source', () => {
    const bundle = readFileSync(join(repoRoot, 'dist', 'cli', 'courier.cjs'), 'utf8');
    expect(bundle).not.toContain(repoRoot);
    expect(bundle).not.toContain('import.meta');
    expect(bundle).not.toContain('package.json');
  });

  it('reports the version package.json declares, with no package.json to read', async () => {
    const run = await node([join(app, 'dist', 'cli', 'courier.cjs'), '--version'], temp.path);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('imports a built-in definition from the copy installed beside it', async () => {
    const data = join(temp.path, 'site');
    const run = await node([join(app, 'dist', 'cli', 'courier.cjs'), '--data-dir', data, 'package', 'import', '--built-in', 'courier-client-agent.sms', '--no-source', '--json'], temp.path);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const created = JSON.parse(run.stdout) as PackageDto;
    expect(created).toMatchObject({ packageId: 'A0100001', name: 'Courier Client Agent' });
  });

  it('courier serve --help is the serve usage', async () => {
    const run = await node([join(app, 'dist', 'cli', 'courier.cjs'), 'serve', '--help'], temp.path);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: courier serve \[options\]/);
    expect(run.stdout).toContain('--data-dir DIR');
  });

  it('courier serve serves the console installed beside it and runs the site components from the worker beside it', async () => {
    const served = join(temp.path, 'served');
    const child = spawn(process.execPath, [join(app, 'dist', 'cli', 'courier.cjs'), 'serve', '--port', '0', '--data-dir', served], {
      cwd: temp.path,
      env: { ...process.env, COURIER_DATA_DIR: '' },
    });
    try {
      const page = await fetch(await consoleUrlOf(child));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Installed console');
      await expect.poll(() => componentLeases(served).map((lease) => [lease.component, lease.pid]), { timeout: 30_000 }).toEqual([
        ['SMS_COLLECTION_EVALUATOR', child.pid],
        ['SMS_DISTRIBUTION_MANAGER', child.pid],
        ['SMS_DP_CONTENT_SERVICE', child.pid],
        ['SMS_INBOX_MANAGER', child.pid],
        ['SMS_MP_CONTROL_MANAGER', child.pid],
        ['SMS_OFFER_MANAGER', child.pid],
      ]);
    } finally {
      await stopChild(child);
    }
  });
});

describe('bin/courier.mjs in a checkout', () => {
  // A copy of what the bundle is built from, so its sources can change without disturbing the
  // tests that run the real checkout's CLI meanwhile.
  let checkout: string;
  beforeAll(() => {
    checkout = join(temp.path, 'checkout');
    // esbuild reads the tsconfig files (their per-file options), so they come along.
    const tsconfigs = readdirSync(repoRoot).filter((name) => /^tsconfig.*\.json$/.test(name));
    for (const part of ['bin', 'core', 'client', 'scripts', 'assets', 'package.json', ...tsconfigs]) cpSync(join(repoRoot, part), join(checkout, part), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  });

  it('builds the missing bundle, rebuilds it when a source changed, and runs the current sources', async () => {
    const first = await node(['bin/courier.mjs', '--version'], checkout);
    expect(first.stderr).toBe('courier: dist/cli/courier.cjs has not been built yet; rebuilding it (npm run build:cli) …\n');
    expect(first.stdout).toBe(`${version}\n`);

    const fresh = await node(['bin/courier.mjs', '--version'], checkout);
    expect(fresh).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });

    const formatSite = join(checkout, 'core', 'cli', 'format-site.ts');
    writeFileSync(formatSite, readFileSync(formatSite, 'utf8').replace("['Site code', site.siteCode]", "['Site code (edited)', site.siteCode]"));
    const edited = await node(['bin/courier.mjs', '--data-dir', join(temp.path, 'checkout-site'), 'site', 'info'], checkout);
    expect(edited.stderr).toBe('courier: core/cli/format-site.ts changed since dist/cli was built; rebuilding it (npm run build:cli) …\n');
    expect(edited.stdout).toContain('Site code (edited):');
  }, 120_000);

  it('says what failed when the sources do not build, and runs nothing', async () => {
    const broken = join(checkout, 'core', 'cli', 'text-table.ts');
    writeFileSync(broken, `${readFileSync(broken, 'utf8')}\nexport const = ;\n`);
    const run = await node(['bin/courier.mjs', '--version'], checkout);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('courier: core/cli/text-table.ts changed since dist/cli was built; rebuilding it (npm run build:cli) …\n');
    expect(run.stderr).toContain('text-table.ts');
    expect(run.stderr).toMatch(/courier: rebuilding dist\/cli failed \(the errors are above\); fix them, or see them again with npm run build:cli\.\n$/);
  }, 60_000);

  it('without the sources, says the bundle is missing and to reinstall', async () => {
    const bare = join(temp.path, 'bare');
    cpSync(join(repoRoot, 'bin'), join(bare, 'bin'), { recursive: true });
    cpSync(join(repoRoot, 'scripts'), join(bare, 'scripts'), { recursive: true });
    const run = await node(['bin/courier.mjs', '--version'], bare);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'courier: dist/cli/courier.cjs has not been built yet, and there are no sources here to build it from; reinstall Courier.\n',
    });
  });
});
