import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../core';
import { writeTree } from '../helpers/content-tree';
import { seededRandom } from '../helpers/seeded-random';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';
import { value } from '../helpers/api-result';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const child = fileURLToPath(new URL('../helpers/run-site-component.ts', import.meta.url));

let temp: TempDir;
let core: Core;
const site = () => join(temp.path, 'site');
const source = () => join(temp.path, 'source');


function start(): { process: ChildProcess; running: Promise<void>; exited: Promise<void> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, site()], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const running = new Promise<void>((resolve) => proc.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve()));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return { process: proc, running, exited };
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

beforeEach(() => {
  temp = makeTempDir('courier-distmgr-crash-');
  core = createCore({ dataDir: site() });
});
afterEach(() => {
  core.close();
  temp.remove();
});

describe('Distribution Manager killed with SIGKILL', () => {
  it('completes a distribution killed at random points 20 times, every hash matching, and no partial package folder was ever visible', async () => {
    const random = seededRandom(20261202);
    // Flat, so one readdir of the package folder sees one version's names: each version adds a
    // file of its own, so a folder missing any file of the version it claims is a partial copy.
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 24; i++) files[`file${String(i).padStart(2, '0')}.bin`] = randomBytes(1_000_000 + i * 37_000);
    writeTree(source(), files);
    writeTree(join(temp.path, 'vol', 'd'), {});
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'vol', 'd') }] }));
    const id = value(await core.client['packages:create']({ name: 'Crash', containsSourceFiles: true, sourceDirectory: source() })).packageId;
    const folder = join(temp.path, 'vol', 'd', 'SMSPKGD$', id);
    const versions: Set<string>[] = [new Set(readdirSync(source()))];

    // Watches the share as a client would, as often as it can, while the rounds run.
    let watching = true;
    let samples = 0;
    const partial: string[] = [];
    const watch = (async () => {
      while (watching) {
        if (existsSync(folder)) {
          let names: string[] | null;
          try {
            names = readdirSync(folder);
          } catch {
            names = null; // renamed away between the two calls: the next sample sees what came in
          }
          if (names !== null) {
            samples++;
            const seen = new Set(names);
            if (!versions.some((v) => v.size === seen.size && [...v].every((name) => seen.has(name)))) partial.push(names.sort().join(','));
          }
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    let kills = 0;
    let interrupted = 0;
    // How long after start a kill may come. A round the copy finished before the kill narrows it,
    // one it interrupted widens it, so the kills land inside the work on a fast machine and a slow one.
    let window = 700;
    for (let round = 1; (kills < 20 || interrupted < 10) && kills < 60; round++) {
      if (round > 1) {
        // A new version each round: a file of its own and a changed one, so every round has a copy to interrupt.
        writeFileSync(join(source(), `version${round}.txt`), `version ${round}`);
        writeFileSync(join(source(), `file${String(round % 24).padStart(2, '0')}.bin`), randomBytes(1_000_000 + round));
        versions.push(new Set(readdirSync(source())));
        value(await core.client['packages:update-dps']({ packageId: id }));
      }
      const run = start();
      await run.running;
      await new Promise((resolve) => setTimeout(resolve, random.int(window)));
      run.process.kill('SIGKILL');
      await run.exited;
      kills++;
      const row = value(await core.client['packages:status']({ packageId: id })).distributionPoints[0];
      if (row?.state !== 'installed') {
        interrupted++;
        window = Math.min(2000, Math.round(window * 1.25));
      } else {
        window = Math.max(20, Math.round(window * 0.5));
      }
    }

    const last = start();
    await last.running;
    const wanted = value(await core.client['packages:status']({ packageId: id })).sourceVersion;
    await expect
      .poll(async () => value(await core.client['packages:status']({ packageId: id })).distributionPoints.map((row) => [row.state, row.sourceVersion]), {
        timeout: 120_000,
        interval: 100,
      })
      .toEqual([['installed', wanted]]);
    last.process.kill('SIGTERM');
    await last.exited;
    watching = false;
    await watch;

    expect(partial).toEqual([]);
    expect(samples).toBeGreaterThan(0);
    // The kills fell inside the work often enough for the test to mean something.
    expect(kills).toBeGreaterThanOrEqual(20);
    expect(interrupted).toBeGreaterThanOrEqual(10);
    const expected = Object.fromEntries(readdirSync(source()).map((name) => [name, sha(join(source(), name))]));
    expect(Object.fromEntries(readdirSync(folder).map((name) => [name, sha(join(folder, name))]))).toEqual(expected);
    // Nothing of the interrupted copies is left beside the package.
    expect(readdirSync(join(temp.path, 'vol', 'd', 'SMSPKGD$')).sort()).toEqual([id, `${id}.manifest`]);
  }, 300_000);
});
