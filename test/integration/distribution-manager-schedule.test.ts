import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type ComponentRunner, type Core } from '../../core';
import { distributionManagerName } from '../../core/components/distmgr';
import { writeTree } from '../helpers/content-tree';
import { startInlineDistributionManager } from '../helpers/inline-distribution-manager';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';
import { value } from '../helpers/api-result';

// A package that always obtains files from the source directory, with an update schedule of every
// hour: Distribution Manager sends a new source version when the schedule falls due, once per
// occurrence, and a restart neither repeats nor skips one. The component's clock is moved forward.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
let clockOffsetMs = 0;
const clock = () => new Date(Date.now() + clockOffsetMs);
const hour = 3_600_000;
const site = () => join(temp.path, 'site');
const source = () => join(temp.path, 'source');
const volumeD = () => join(temp.path, 'volumes', 'dp01-d');


function startDistmgr(): ComponentRunner {
  runner = startInlineDistributionManager(site(), clock);
  return runner;
}

async function installedAt(packageId: string, version: number): Promise<void> {
  await expect
    .poll(async () => {
      const s = value(await core.client['packages:status']({ packageId }));
      return { version: s.sourceVersion, rows: s.distributionPoints.map((row) => `${row.state} ${row.sourceVersion}`) };
    }, { timeout: 30_000, interval: 50 })
    .toEqual({ version, rows: [`installed ${version}`] });
}

async function scheduleMessages(packageId: string) {
  const all = value(await core.client['status:messages']({ packageId, order: 'oldest', limit: 1000 }));
  return all.messages.filter((m) => m.messageId === 2315);
}

async function versionOf(packageId: string): Promise<number> {
  return value(await core.client['packages:status']({ packageId })).sourceVersion ?? 0;
}

/** Gives the package one more DP and waits until it holds the package: proof of a whole wake since. */
async function distributeAndWait(packageId: string, dp: string): Promise<void> {
  writeTree(join(temp.path, 'volumes', dp), {});
  value(await core.client['distribution-points:create']({ name: dp, volumes: [{ letter: 'D', path: join(temp.path, 'volumes', dp) }] }));
  value(await core.client['packages:distribute']({ packageId, distributionPoints: [dp], groups: [] }));
  await expect
    .poll(async () => value(await core.client['packages:status']({ packageId })).distributionPoints.find((row) => row.name === dp)?.state, { timeout: 30_000, interval: 50 })
    .toBe('installed');
}

beforeEach(() => {
  temp = makeTempDir('courier-schedule-');
  clockOffsetMs = 0;
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  temp.remove();
});

describe('the update schedule of a package', { timeout: 90_000 }, () => {
  it('sends a new source version to its DPs when due, once per occurrence, across a restart', async () => {
    writeTree(source(), { 'setup.exe': 'version one', 'Data/readme.txt': 'read me' });
    writeTree(volumeD(), {});
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: volumeD() }] }));
    // Started an hour before now, every hour, in UTC: the next occurrence is within the hour.
    const start = new Date(Date.now() - hour).toISOString().slice(0, 16);
    const { packageId } = value(
      await core.client['packages:create']({
        name: 'Scheduled', containsSourceFiles: true, sourceDirectory: source(), sourceOption: 'direct',
        updateSchedule: { start, every: 1, unit: 'hours', utc: true },
      }),
    );
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    await installedAt(packageId, 1);
    expect(await scheduleMessages(packageId)).toEqual([]);

    // The schedule falls due: the source as it is now goes out as version 2.
    writeFileSync(join(source(), 'setup.exe'), 'version two');
    clockOffsetMs = hour;
    runner!.wake(distributionManagerName);
    await installedAt(packageId, 2);
    expect(readFileSync(join(volumeD(), 'SMSPKGD$', packageId, 'setup.exe'), 'utf8')).toBe('version two');
    const [first, ...more] = await scheduleMessages(packageId);
    expect(more).toEqual([]);
    expect(first).toMatchObject({ severity: 'info', attributes: { '400': packageId, '410': '2' } });
    expect(first!.description).toContain('every hour');
    expect(first!.description).toContain('source version 2');

    // Restarted within the same hour and woken by other work: nothing is repeated.
    await runner!.stop();
    startDistmgr();
    await distributeAndWait(packageId, 'DP02');
    expect(await versionOf(packageId)).toBe(2);

    // Down for three hours: the missed occurrences make one update, not three.
    await runner!.stop();
    clockOffsetMs = 4 * hour;
    startDistmgr();
    await expect.poll(() => versionOf(packageId), { timeout: 30_000, interval: 50 }).toBe(3);
    await distributeAndWait(packageId, 'DP03');
    expect(await versionOf(packageId)).toBe(3);
    const rows = value(await core.client['packages:status']({ packageId })).distributionPoints;
    expect(rows.map((row) => `${row.name} ${row.state} ${row.sourceVersion}`)).toEqual(['DP01 installed 3', 'DP02 installed 3', 'DP03 installed 3']);
    expect(await scheduleMessages(packageId)).toHaveLength(2);
  });

  it('is not followed for a package on no DP, and is remembered once it has one', async () => {
    writeTree(source(), { 'setup.exe': 'x' });
    const start = new Date(Date.now() - hour).toISOString().slice(0, 16);
    const { packageId } = value(
      await core.client['packages:create']({
        name: 'Unplaced', containsSourceFiles: true, sourceDirectory: source(), sourceOption: 'direct',
        updateSchedule: { start, every: 1, unit: 'hours', utc: true },
      }),
    );
    startDistmgr();
    clockOffsetMs = 2 * hour;
    const { packageId: other } = value(await core.client['packages:create']({ name: 'Other', containsSourceFiles: true, sourceDirectory: source() }));
    await distributeAndWait(other, 'DP01');
    expect(await versionOf(packageId)).toBe(1);
    expect(await scheduleMessages(packageId)).toEqual([]);
    // Given a DP after the occurrence was due: the due occurrence is run once, then not again.
    await distributeAndWait(packageId, 'DP02');
    await expect.poll(() => versionOf(packageId), { timeout: 30_000, interval: 50 }).toBe(2);
    await installedAt(packageId, 2);
    await distributeAndWait(other, 'DP03');
    expect(await versionOf(packageId)).toBe(2);
    expect(await scheduleMessages(packageId)).toHaveLength(1);
  });
});
