import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackageStatusDto } from '../../core/api';
import { createCore, type ComponentRunner, type Core } from '../../core';
import { buildManifest, writeManifest } from '../../core/content/distribution';
import { manifestPathFor } from '../../core/components/distmgr';
import { siteRootAt } from '../../core/site/site-root';
import { snapshotTree, writeTree } from '../helpers/content-tree';
import { startInlineDistributionManager } from '../helpers/inline-distribution-manager';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';
import { value } from '../helpers/api-result';

// Bad input the Distribution Manager must survive with a clear status message and state, losing
// nothing: a whole source folder gone mid-copy, a volume path gone and back, a DP volume that runs out of room mid-copy (a
// tmpfs with few inodes), a source of 10,000 small files.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
let clockOffsetMs = 0;
const clock = () => new Date(Date.now() + clockOffsetMs);
const site = () => join(temp.path, 'site');
const source = () => join(temp.path, 'source');
const mounted: string[] = [];


function startDistmgr(): ComponentRunner {
  runner = startInlineDistributionManager(site(), clock);
  return runner;
}

async function status(packageId: string): Promise<PackageStatusDto> {
  return value(await core.client['packages:status']({ packageId }));
}

async function stateBecomes(packageId: string, state: string, timeout = 30_000): Promise<PackageStatusDto> {
  await expect.poll(async () => (await status(packageId)).distributionPoints.map((row) => row.state), { timeout, interval: 50 }).toEqual([state]);
  return status(packageId);
}

async function messageIds(packageId: string): Promise<number[]> {
  return value(await core.client['status:messages']({ packageId, order: 'oldest', limit: 1000 })).messages.map((m) => m.messageId);
}

/** A tmpfs the test may mount: only as root on Linux. */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = makeTempDir('courier-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.path], { stdio: 'ignore' });
    execFileSync('umount', [probe.path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    probe.remove();
  }
}

beforeEach(() => {
  temp = makeTempDir('courier-bad-input-');
  clockOffsetMs = 0;
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  for (const path of mounted.splice(0)) execFileSync('umount', [path], { stdio: 'ignore' });
  temp.remove();
}, 60_000);

describe('Distribution Manager given bad input', { timeout: 120_000 }, () => {
  it('a whole source folder gone after the snapshot fails the copy clearly and leaves the version in place alone', async () => {
    const d = join(temp.path, 'volumes', 'dp01-d');
    mkdirSync(d, { recursive: true });
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: d }] }));
    writeTree(source(), { 'setup.exe': 'one', 'Data/a.cab': 'a'.repeat(5000), 'Data/Sub/b.cab': 'b'.repeat(5000) });
    const { packageId } = value(await core.client['packages:create']({ name: 'Folder', containsSourceFiles: true, sourceDirectory: source() }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    await stateBecomes(packageId, 'installed');
    const before = snapshotTree(join(d, 'SMSPKGD$', packageId));
    await runner!.stop();
    runner = null;
    writeTree(source(), { 'Data/a.cab': 'A'.repeat(5000), 'Data/Sub/b.cab': 'B'.repeat(5000) });
    value(await core.client['packages:update-dps']({ packageId }));
    // Version 2's snapshot is taken, then the whole Data folder goes before the copy reads it.
    const manifestPath = manifestPathFor(siteRootAt(site()), packageId, 2);
    mkdirSync(join(manifestPath, '..'), { recursive: true });
    await writeManifest(manifestPath, await buildManifest(source()));
    rmSync(join(source(), 'Data'), { recursive: true });
    startDistmgr();
    const failed = await stateBecomes(packageId, 'installRetrying');
    expect(failed.distributionPoints[0]).toMatchObject({ sourceVersion: 1, attempts: 1 });
    expect(failed.distributionPoints[0]!.lastError).toMatch(/Data/);
    expect(snapshotTree(join(d, 'SMSPKGD$', packageId))).toEqual(before);
    expect(readdirSync(join(d, 'SMSPKGD$')).filter((name) => name.startsWith('.'))).toEqual([]);
    await expect.poll(() => messageIds(packageId), { timeout: 10_000, interval: 50 }).toEqual(expect.arrayContaining([2302]));
  });

  it.skipIf(!canMount())('a DP volume that runs out of room mid-copy fails clearly, leaves nothing half-copied, and installs once it has room', async () => {
    value(await core.client['components:set']({ component: 'distmgr', changes: { retryDelayMinutes: 1, retries: 3 } }));
    const d = join(temp.path, 'volumes', 'small');
    mkdirSync(d, { recursive: true });
    // Plenty of bytes but 60 inodes: the free space check passes, and the copy runs out of files partway.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m,nr_inodes=60', 'tmpfs', d]);
    mounted.push(d);
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: d }] }));
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`Files/file-${String(i).padStart(3, '0')}.txt`] = `file ${i}\n`;
    writeTree(source(), files);
    const { packageId } = value(await core.client['packages:create']({ name: 'Many', containsSourceFiles: true, sourceDirectory: source() }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    const failed = await stateBecomes(packageId, 'installRetrying');
    expect(failed.distributionPoints[0]!.lastError).toMatch(/ENOSPC|no space|room/i);
    await expect.poll(() => messageIds(packageId), { timeout: 10_000, interval: 50 }).toEqual(expect.arrayContaining([2328, 2304, 2302]));
    // Nothing half-copied is left where a client could see it, nor a staging folder.
    expect(readdirSync(d).flatMap((name) => (name.startsWith('SMSPKG') ? readdirSync(join(d, name)) : [name]))).toEqual([]);

    execFileSync('mount', ['-o', 'remount,nr_inodes=1000', d]);
    clockOffsetMs = 61_000;
    runner!.wake();
    await stateBecomes(packageId, 'installed', 60_000);
    expect(snapshotTree(join(d, 'SMSPKGD$', packageId))).toEqual(snapshotTree(source()));
  });

  it('a DP volume path that no longer exists fails with the path named, and installs on the retry once it is back', async () => {
    value(await core.client['components:set']({ component: 'distmgr', changes: { retryDelayMinutes: 1, retries: 3 } }));
    // Adding the DP checks that the volume exists; it goes afterwards (a drive unmounted, a folder deleted).
    const d = join(temp.path, 'volumes', 'unmounted');
    mkdirSync(d, { recursive: true });
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'E', path: d }] }));
    rmSync(d, { recursive: true });
    writeTree(source(), { 'setup.exe': 'the installer' });
    const { packageId } = value(await core.client['packages:create']({ name: 'Later', containsSourceFiles: true, sourceDirectory: source() }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    const failed = await stateBecomes(packageId, 'installRetrying');
    expect(failed.distributionPoints[0]).toMatchObject({ attempts: 1, lastError: `The volume E: at ${d} cannot be measured (ENOENT).` });

    mkdirSync(d, { recursive: true });
    clockOffsetMs = 61_000;
    runner!.wake();
    const done = await stateBecomes(packageId, 'installed', 60_000);
    expect(done.distributionPoints[0]).toMatchObject({ attempts: 0, lastError: null, path: expect.stringContaining('SMSPKGE$') });
    expect(snapshotTree(join(d, 'SMSPKGE$', packageId))).toEqual(snapshotTree(source()));
  });

  it('copies a source of 10,000 small files to a DP', async () => {
    const d = join(temp.path, 'volumes', 'dp01-d');
    mkdirSync(d, { recursive: true });
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: d }] }));
    for (let folder = 0; folder < 100; folder++) {
      const path = join(source(), `Folder ${folder}`);
      mkdirSync(path, { recursive: true });
      for (let i = 0; i < 100; i++) writeFileSync(join(path, `file-${i}.txt`), `${folder}/${i}`);
    }
    const { packageId } = value(await core.client['packages:create']({ name: 'Small files', containsSourceFiles: true, sourceDirectory: source() }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    const done = await stateBecomes(packageId, 'installed', 100_000);
    expect(done.distributionPoints[0]).toMatchObject({ files: 10_000 });
    const folder = join(d, 'SMSPKGD$', packageId);
    expect(readdirSync(folder).length).toBe(100);
    expect(readdirSync(join(folder, 'Folder 99')).length).toBe(100);
  });
});
