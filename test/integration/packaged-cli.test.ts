import { execFile, execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageDto } from '../../core/api';
import { componentLeases } from '../helpers/component-leases';
import { consoleUrlOf, stopChild } from '../helpers/console-url';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

/**
 * A real electron-builder run of electron-builder.yml (its `dir` target: the folder the AppImage
 * is made of) with a stand-in for the Electron binary, which cannot be downloaded here:
 * electron-builder takes an unpacked Electron from `electronDist`, renames its binary, packs
 * app.asar, unpacks what asarUnpack says, copies the launchers and flips the fuses in the
 * binary's fuse wire as it would in a real one. The stand-in is Node when run as Node
 * (ELECTRON_RUN_AS_NODE=1, if its runAsNode fuse allows it), which is all the command line asks
 * of Electron; better-sqlite3 is not rebuilt (npmRebuild off), so it stays built for this Node.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  // Fuse wire V1: the sentinel, version 1, eight fuses, all on; runAsNode is the first.
  const script = [
    '#!/bin/sh',
    '# A stand-in for the Electron binary (test/integration/packaged-cli.test.ts).',
    `# fuses: ${fuseSentinel}\u0001\u000811111111`,
    `run_as_node=$(sed -n 's/^# fuses: .\\{${fuseSentinel.length + 2}\\}\\(.\\).*/\\1/p' "$0")`,
    `if [ "$ELECTRON_RUN_AS_NODE" = 1 ] && [ "$run_as_node" = 1 ]; then exec "${process.execPath}" "$@"; fi`,
    'echo "stand-in Electron: there is no desktop here" >&2',
    'exit 3',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'electron'), script, { mode: 0o755 });
  writeFileSync(join(dir, 'version'), `v${electronVersion}`);
  for (const name of ['LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(dir, name), '');
}

/** The folders under node_modules of the production dependencies, nested ones included. */
function productionPackages(): string[] {
  const listed = execFileSync('npm', ['ls', '--omit', 'dev', '--all', '--parseable'], { cwd: repoRoot, encoding: 'utf8' });
  const dirs = listed
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => relative(repoRoot, line))
    .filter((dir) => dir.startsWith('node_modules'));
  expect(dirs).toContain(join('node_modules', 'bindings'));
  return dirs;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let temp: TempDir;
let app: string;
const courier = (...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    // The launcher needs no Node on PATH: it runs the app's own binary.
    execFile(join(app, 'bin', 'courier'), args, { cwd: temp.path, env: { PATH: '/usr/bin:/bin', HOME: temp.path }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });

beforeAll(async () => {
  temp = makeTempDir('courier-packaged-');
  const electronDist = join(temp.path, 'electron-dist');
  standInElectron(electronDist);
  // What `npm run build` leaves in dist/, staged so the test does not depend on the checkout's
  // dist/renderer (built only by test:e2e): the CLI bundle the globalSetup built, a console page.
  const stage = join(temp.path, 'stage');
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(repoRoot, file), join(stage, file));
  // A real node_modules holding the production closure, as `npm ci --omit dev` would leave it. A
  // symlink to the checkout's node_modules is not enough: electron-builder asks `npm list`, which
  // reports packages reached through a link without their dependencies once node_modules has
  // changed since npm last wrote its hidden lockfile (a fresh clone after one vitest run), and
  // the package then lacks what better-sqlite3 loads its binding with.
  for (const dir of productionPackages()) cpSync(join(repoRoot, dir), join(stage, dir), { recursive: true });
  cpSync(join(repoRoot, 'dist', 'cli'), join(stage, 'dist', 'cli'), { recursive: true });
  mkdirSync(join(stage, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(stage, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Packaged console</title>');
  const { buildElectron } = (await import(new URL('scripts/build-electron.mjs', new URL(`file://${repoRoot}/`)).href)) as {
    buildElectron: (options: { outDir: string }) => Promise<void>;
  };
  await buildElectron({ outDir: join(stage, 'dist', 'electron') });

  const output = join(temp.path, 'release');
  await build({
    projectDir: repoRoot,
    targets: Platform.LINUX.createTarget('dir'),
    // Merged over electron-builder.yml: only where the pieces come from and go to.
    config: { electronDist, electronVersion, npmRebuild: false, directories: { app: stage, output } },
  });
  app = join(output, 'linux-unpacked');
}, 180_000);

afterAll(() => temp?.remove());

describe('the packaged Linux app', () => {
  it('has the launcher in bin/, executable, beside the renamed Electron binary', () => {
    expect(() => accessSync(join(app, 'bin', 'courier'), constants.X_OK)).not.toThrow();
    expect(readFileSync(join(app, 'courier'), 'latin1')).toContain(`${fuseSentinel}\u0001\u000811111111`);
  });

  it('runs `courier` with its own runtime: the version package.json declares', async () => {
    expect(await courier('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('opens a site with the packaged better-sqlite3 and imports a packaged built-in definition', async () => {
    const data = join(temp.path, 'site');
    const imported = await courier('--data-dir', data, 'package', 'import', '--built-in', 'courier-client-agent.sms', '--no-source', '--json');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const listed = await courier('--data-dir', data, 'package', 'list', '--json');
    expect((JSON.parse(listed.stdout) as PackageDto[]).map((p) => p.name)).toEqual(['Courier Client Agent']);
  });

  it('runs `courier serve` on the packaged console, with the site components in their packaged worker', async () => {
    const served = join(temp.path, 'served');
    const child = spawn(join(app, 'bin', 'courier'), ['serve', '--port', '0', '--data-dir', served], {
      cwd: temp.path,
      env: { PATH: '/usr/bin:/bin', HOME: temp.path },
    });
    try {
      expect(await (await fetch(await consoleUrlOf(child))).text()).toContain('Packaged console');
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
