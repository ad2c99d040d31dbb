import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
// tmpfs with few inodes), source file names a Windows DP cannot hold, a source of 10,000 small files.

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

  it('refuses a source with names a Windows DP cannot hold, naming the file, copying nothing, and installs once they are renamed', async () => {
    value(await core.client['components:set']({ component: 'distmgr', changes: { retryDelayMinutes: 1, retries: 3 } }));
    const d = join(temp.path, 'volumes', 'dp01-d');
    mkdirSync(d, { recursive: true });
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: d }] }));
    // Each source holds good files beside one bad name (the Win32 naming rules), deep or at the top.
    const cases: { name: string; files: Record<string, string>; bad: string; why: RegExp }[] = [
      { name: 'Device name', files: { 'Docs/CON.txt': 'console' }, bad: 'Docs/CON.txt', why: /reserved Windows device name \(CON\)/ },
      { name: 'Port name', files: { 'lpt1': 'printer' }, bad: 'lpt1', why: /reserved Windows device name \(LPT1\)/ },
      { name: 'Trailing dot', files: { 'Docs/readme.': 'dot' }, bad: 'Docs/readme.', why: /ends in a dot or a space/ },
      { name: 'Trailing space', files: { 'notes ': 'space' }, bad: 'notes ', why: /ends in a dot or a space/ },
      { name: 'Colon', files: { 'Data/a:b.cab': 'colon' }, bad: 'Data/a:b.cab', why: /holds ":"/ },
      { name: 'Star', files: { 'Data/*.ini': 'star' }, bad: 'Data/*.ini', why: /holds "\*"/ },
      { name: 'Case twins', files: { 'Data/Setup.ini': 'one', 'Data/SETUP.INI': 'two' }, bad: 'Data/', why: /differ only in case/ },
    ];
    const packages: { packageId: string; folder: string; bad: string; why: RegExp }[] = [];
    for (const [i, c] of cases.entries()) {
      const folder = join(temp.path, 'sources', String(i));
      writeTree(folder, { 'setup.exe': 'the installer', 'Data/big.cab': 'x'.repeat(50_000), ...c.files });
      const { packageId } = value(await core.client['packages:create']({ name: c.name, containsSourceFiles: true, sourceDirectory: folder }));
      value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
      packages.push({ packageId, folder, bad: c.bad, why: c.why });
    }
    startDistmgr();
    for (const { packageId, bad, why } of packages) {
      const failed = await stateBecomes(packageId, 'installRetrying');
      const lastError = failed.distributionPoints[0]!.lastError ?? '';
      expect(lastError).toContain(JSON.stringify(bad).slice(0, -1));
      expect(lastError).toMatch(why);
      // The messages say so: the source cannot be read (2307, with the reason), the copy failed (2328), will retry (2304).
      await expect.poll(() => messageIds(packageId), { timeout: 10_000, interval: 50 }).toEqual(expect.arrayContaining([2307, 2328, 2304, 2302]));
      const refused = value(await core.client['status:messages']({ packageId, messageIds: [2307] })).messages[0]!;
      expect(refused.severity).toBe('error');
      expect(refused.description).toMatch(why);
      // Nor is a snapshot of the refused source kept for a later copy to trust.
      expect(existsSync(manifestPathFor(siteRootAt(site()), packageId, 1))).toBe(false);
    }
    // Nothing of any of them reached the DP: no package folder, no staging folder.
    expect(readdirSync(d).flatMap((name) => (name.startsWith('SMSPKG') ? readdirSync(join(d, name)) : [name]))).toEqual([]);

    // The admin renames the device name; the next retry copies the package whole.
    const first = packages[0]!;
    renameSync(join(first.folder, 'Docs', 'CON.txt'), join(first.folder, 'Docs', 'CON_.txt'));
    clockOffsetMs = 61_000;
    runner!.wake();
    await stateBecomes(first.packageId, 'installed', 60_000);
    expect(snapshotTree(join(d, 'SMSPKGD$', first.packageId))).toEqual(snapshotTree(first.folder));
    // Only it, with the manifest a copy keeps beside its folder; the others are still refused.
    expect(readdirSync(join(d, 'SMSPKGD$')).sort()).toEqual([first.packageId, `${first.packageId}.manifest`]);
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
