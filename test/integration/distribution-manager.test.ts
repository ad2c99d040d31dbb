import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DistributionProgressEvent, DpVolumeInput, PackageStatusDto } from '../../core/api';
import { createCore, type ComponentRunner, type Core } from '../../core';
import { buildManifest, writeManifest } from '../../core/content/distribution';
import { manifestPathFor } from '../../core/components/distmgr';
import { openDatabase } from '../../core/db/connection';
import { siteRootAt } from '../../core/site/site-root';
import { writeTree } from '../helpers/content-tree';
import { seededRandom } from '../helpers/seeded-random';
import { startInlineDistributionManager } from '../helpers/inline-distribution-manager';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';
import { value } from '../helpers/api-result';

let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
/** The component's clock: moved forward by the tests, since Retry Delay is counted in minutes. */
let clockOffsetMs = 0;
const clock = () => new Date(Date.now() + clockOffsetMs);
const site = () => join(temp.path, 'site');


function startDistmgr(): ComponentRunner {
  runner = startInlineDistributionManager(site(), clock);
  return runner;
}

async function status(packageId: string): Promise<PackageStatusDto> {
  return value(await core.client['packages:status']({ packageId }));
}

const settledStates = new Set(['installed', 'installFailed', 'installRetrying', 'removalFailed']);

/** Until every row of the package is installed, given up, or waiting for a retry (or gone, for removals). */
async function settled(packageId: string, expectRows?: number): Promise<PackageStatusDto> {
  await until(packageId, expectRows);
  return status(packageId);
}

async function until(packageId: string, expectRows?: number): Promise<void> {
  try {
    await expect
    .poll(
      async () => {
        const s = await status(packageId);
        const done = s.distributionPoints.every((row) => settledStates.has(row.state));
        return done && (expectRows === undefined || s.distributionPoints.length === expectRows);
      },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
  } catch (error) {
    // Say what the rows and the component's log show, not only that time ran out.
    const log = existsSync(join(site(), 'SMS', 'Logs', 'distmgr.log')) ? readFileSync(join(site(), 'SMS', 'Logs', 'distmgr.log'), 'utf8').slice(-3000) : '(no log)';
    throw new Error(`${packageId} did not settle: ${JSON.stringify((await status(packageId)).distributionPoints)}\n${log}`, { cause: error });
  }
}

function volume(name: string): string {
  const path = join(temp.path, 'volumes', name);
  mkdirSync(path, { recursive: true });
  return path;
}

async function addDp(name: string, volumes: DpVolumeInput[]): Promise<void> {
  value(await core.client['distribution-points:create']({ name, volumes }));
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every file of a folder by path with its hash. */
function hashes(root: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, hashes(join(root, entry.name), rel));
    else out[rel] = sha256(join(root, entry.name));
  }
  return out;
}

const source = () => join(temp.path, 'source');

async function createPackage(extra: Record<string, unknown> = {}): Promise<string> {
  writeTree(source(), {
    'setup.exe': randomBytes(200_000),
    'Setup.ini': '[Setup]\r\nProduct=Viewer\r\n'.repeat(500),
    'Data/Sub Folder/readme.txt': 'read me',
    'Data/big.cab': randomBytes(1_000_000),
    'empty.txt': '',
  });
  const created = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source(), ...extra }));
  return created.packageId;
}

async function messages(packageId: string) {
  return value(await core.client['status:messages']({ packageId, order: 'oldest', limit: 1000 }));
}

beforeEach(() => {
  temp = makeTempDir('courier-distmgr-');
  clockOffsetMs = 0;
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  temp.remove();
});

describe('Distribution Manager', { timeout: 90_000 }, () => {
  it('copies a package to two DPs with two volumes each, every hash matching, with its status messages, progress and pkginfo files', async () => {
    // The volumes share one file system, whose free space other work changes between two reads:
    // E keeps a reserve, so D always has the most free space after its reserve.
    await addDp('DP01', [
      { letter: 'D', path: volume('dp01-d') },
      { letter: 'E', path: volume('dp01-e'), reserveMb: 1024 },
    ]);
    await addDp('DP02', [
      { letter: 'D', path: volume('dp02-d') },
      { letter: 'E', path: volume('dp02-e'), reserveMb: 1024 },
    ]);
    const id = await createPackage();
    const progress: DistributionProgressEvent[] = [];
    core.on('distribution:progress', (event) => progress.push(event));
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01', 'DP02'], groups: [] }));
    startDistmgr();
    const done = await settled(id, 2);
    expect(done.distributionPoints.map((row) => [row.name, row.state, row.sourceVersion, row.files])).toEqual([
      ['DP01', 'installed', 1, 5],
      ['DP02', 'installed', 1, 5],
    ]);
    const expected = hashes(source());
    for (const dp of ['dp01', 'dp02']) {
      // D has the most free space after its reserve: it takes the package.
      expect(hashes(join(temp.path, 'volumes', `${dp}-d`, 'SMSPKGD$', id))).toEqual(expected);
      expect(existsSync(join(temp.path, 'volumes', `${dp}-e`, 'SMSPKGE$', id))).toBe(false);
    }
    expect(done.distributionPoints[0]!.path).toBe(`\\\\DP01\\SMSPKGD$\\${id}`);

    // 2301 comes once the package's pass is over, just after its rows settle.
    await expect.poll(async () => (await messages(id)).messages.some((m) => m.messageId === 2301), { timeout: 10_000, interval: 50 }).toBe(true);
    const list = (await messages(id)).messages;
    const ids = list.map((m) => m.messageId);
    for (const expectedId of [2300, 2342, 2330, 2301]) expect(ids).toContain(expectedId);
    expect(ids.indexOf(2300)).toBeLessThan(ids.indexOf(2342));
    expect(ids.lastIndexOf(2330)).toBeLessThan(ids.lastIndexOf(2301));
    const copied = list.filter((m) => m.messageId === 2330);
    expect(copied.map((m) => m.attributes['404'])).toEqual(['["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\', '["Display=\\\\DP02\\"]MSWNET:["SMS_SITE=A01"]\\\\DP02\\']);
    expect(copied.every((m) => m.attributes['400'] === id)).toBe(true);
    expect(readFileSync(join(site(), 'SMS', 'Logs', 'distmgr.log'), 'utf8')).toContain('STATMSG: ID=2330');

    const pkginfo = join(site(), 'SMS', 'Inboxes', 'Pkginfo.box');
    const info = JSON.parse(readFileSync(join(pkginfo, `${id}.pkg`), 'utf8')) as { format: string; package: { packageId: string; name: string } };
    expect(info).toMatchObject({ format: 'courier-package-info', package: { packageId: id, name: 'Viewer' } });
    const nal = JSON.parse(readFileSync(join(pkginfo, `${id}.nal`), 'utf8')) as { locations: { nalPath: string }[] };
    expect(nal.locations.map((l) => l.nalPath)).toEqual([
      `["Display=\\\\DP01\\SMSPKGD$\\${id}\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\SMSPKGD$\\${id}\\`,
      `["Display=\\\\DP02\\SMSPKGD$\\${id}\\"]MSWNET:["SMS_SITE=A01"]\\\\DP02\\SMSPKGD$\\${id}\\`,
    ]);
    expect(readFileSync(join(pkginfo, `${id}.ico`)).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    // The manifest of the version, computed once and kept.
    expect(existsSync(manifestPathFor(siteRootAt(site()), id, 1))).toBe(true);
    // Progress reached the end for each DP, and each DP's last event says so.
    // (Events from the component's connection reach this core through the event feed, a moment later.)
    for (const name of ['DP01', 'DP02']) {
      const last = () => progress.filter((event) => event.dpName === name).pop();
      await expect.poll(() => last()?.finished, { timeout: 10_000, interval: 50 }).toBe(true);
      expect(last()).toMatchObject({ filesDone: 5, filesTotal: 5, bytesDone: last()?.bytesTotal, etaSeconds: 0 });
    }
  });

  it('spills to the next volume when the first one`s reserve leaves no room', async () => {
    const d = volume('dp01-d');
    const freeMb = Math.floor((Number(statfsSync(d).bavail) * Number(statfsSync(d).bsize)) / 2 ** 20);
    await addDp('DP01', [
      // A reserve beyond the free space (by a margin, as other processes write to the same disk).
      { letter: 'D', path: d, reserveMb: freeMb + 1024 },
      { letter: 'E', path: volume('dp01-e') },
    ]);
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    const done = await settled(id, 1);
    expect(done.distributionPoints[0]).toMatchObject({ state: 'installed', path: `\\\\DP01\\SMSPKGE$\\${id}` });
    expect(hashes(join(temp.path, 'volumes', 'dp01-e', 'SMSPKGE$', id))).toEqual(hashes(source()));
    expect(existsSync(join(d, 'SMSPKGD$', id))).toBe(false);
  });

  it('copies into a share of the package`s own: the whole share, or one folder of it', async () => {
    const d = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: d }]);
    const whole = await createPackage({ dataAccess: 'shareFolder', shareFolder: '\\\\apps\\Viewer' });
    const part = value(
      await core.client['packages:create']({ name: 'Part', containsSourceFiles: true, sourceDirectory: source(), dataAccess: 'shareFolder', shareFolder: '\\\\apps\\Tools\\Office\\2007' }),
    ).packageId;
    writeTree(join(d, 'Tools', 'Other'), { 'keep.txt': 'another package' });
    for (const id of [whole, part]) value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    const first = await settled(whole, 1);
    const second = await settled(part, 1);
    expect(first.distributionPoints[0]).toMatchObject({ state: 'installed', path: '\\\\DP01\\Viewer' });
    expect(second.distributionPoints[0]).toMatchObject({ state: 'installed', path: '\\\\DP01\\Tools\\Office\\2007' });
    expect(hashes(join(d, 'Viewer'))).toEqual(hashes(source()));
    expect(hashes(join(d, 'Tools', 'Office', '2007'))).toEqual(hashes(source()));
    // Only that folder of the share is the package's: the rest of the share is left alone.
    expect(readFileSync(join(d, 'Tools', 'Other', 'keep.txt'), 'utf8')).toBe('another package');
  });

  it('removes a package from a DP: its folder goes, then the empty share folder, the row and the pkginfo files', async () => {
    const d = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: d }]);
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    await settled(id, 1);
    expect(existsSync(join(d, 'SMSPKGD$', id))).toBe(true);
    value(await core.client['packages:remove-dp']({ packageId: id, distributionPoint: 'DP01' }));
    await expect.poll(async () => (await status(id)).distributionPoints.length, { timeout: 60_000, interval: 50 }).toBe(0);
    expect(existsSync(join(d, 'SMSPKGD$', id))).toBe(false);
    expect(existsSync(join(d, 'SMSPKGD$'))).toBe(false);
    await expect.poll(() => existsSync(join(site(), 'SMS', 'Inboxes', 'Pkginfo.box', `${id}.nal`)), { timeout: 10_000, interval: 50 }).toBe(false);
    expect((await messages(id)).messages.map((m) => m.messageId)).toEqual(expect.arrayContaining([2343, 2332]));
  });

  it('an update copies only the files that changed', async () => {
    const d = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: d }]);
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    await settled(id, 1);
    writeFileSync(join(source(), 'Data', 'big.cab'), randomBytes(1_000_000));
    writeFileSync(join(source(), 'new.txt'), 'new file');
    value(await core.client['packages:update-dps']({ packageId: id }));
    await expect.poll(async () => (await status(id)).distributionPoints[0]?.sourceVersion, { timeout: 60_000, interval: 50 }).toBe(2);
    const done = await settled(id, 1);
    expect(done.distributionPoints[0]).toMatchObject({ state: 'installed', files: 6 });
    expect(hashes(join(d, 'SMSPKGD$', id))).toEqual(hashes(source()));
    const detail = (await messages(id)).messages.filter((m) => m.messageId === 2329).pop();
    // 2329: files and bytes read from the source and written; the others were linked from the copy in place.
    expect(detail?.insertionStrings.slice(2)).toEqual(['2', String(1_000_000 + 'new file'.length)]);
  });

  it('copies to no more DPs at once than the Package Thread Limit, each batch from one read, in one pass', async () => {
    value(await core.client['components:set']({ component: 'distmgr', changes: { threadsPerPackage: 2 } }));
    const names = ['DP01', 'DP02', 'DP03', 'DP04', 'DP05'];
    for (const name of names) await addDp(name, [{ letter: 'D', path: volume(`${name.toLowerCase()}-d`) }]);
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: names, groups: [] }));
    startDistmgr();
    const done = await settled(id, names.length);
    expect(done.distributionPoints.map((row) => row.state)).toEqual(names.map(() => 'installed'));
    for (const name of names) expect(hashes(join(temp.path, 'volumes', `${name.toLowerCase()}-d`, 'SMSPKGD$', id))).toEqual(hashes(source()));
    // Two DPs at a time: the next two start only once both have their copy (2342 starts one, 2329 ends it).
    const steps = (await messages(id)).messages.filter((m) => m.messageId === 2342 || m.messageId === 2329);
    expect(steps.map((m) => m.messageId)).toEqual([2342, 2342, 2329, 2329, 2342, 2342, 2329, 2329, 2342, 2329]);
    const dpsOf = (from: number, to: number) => steps.slice(from, to).map((m) => /DP0\d/.exec(m.attributes['404'] ?? '')?.[0]).sort();
    expect([dpsOf(0, 4), dpsOf(4, 8), dpsOf(8, 10)]).toEqual([
      ['DP01', 'DP01', 'DP02', 'DP02'],
      ['DP03', 'DP03', 'DP04', 'DP04'],
      ['DP05', 'DP05'],
    ]);
    expect((await messages(id)).messages.filter((m) => m.messageId === 2300)).toHaveLength(1);
  });

  it('retries a DP whose share folder cannot be written, and installs once it is fixed', async () => {
    value(await core.client['components:set']({ component: 'distmgr', changes: { retryDelayMinutes: 1, retries: 3 } }));
    const d = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: d }]);
    // A file where the SMSPKGD$ folder must go: no account, root included, can write the package there.
    writeFileSync(join(d, 'SMSPKGD$'), 'in the way');
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    const failed = await settled(id, 1);
    expect(failed.distributionPoints[0]).toMatchObject({ state: 'installRetrying', attempts: 1 });
    expect(failed.distributionPoints[0]!.lastError).toMatch(/SMSPKGD\$/);
    await expect.poll(async () => (await messages(id)).messages.some((m) => m.messageId === 2302), { timeout: 10_000, interval: 50 }).toBe(true);
    const ids = (await messages(id)).messages.map((m) => m.messageId);
    expect(ids).toEqual(expect.arrayContaining([2328, 2304, 2302]));
    expect(ids).not.toContain(2301);

    rmSync(join(d, 'SMSPKGD$'));
    clockOffsetMs = 61_000;
    runner!.wake();
    await expect.poll(async () => (await status(id)).distributionPoints[0]?.state, { timeout: 60_000, interval: 50 }).toBe('installed');
    expect(hashes(join(d, 'SMSPKGD$', id))).toEqual(hashes(source()));
    expect((await status(id)).distributionPoints[0]).toMatchObject({ attempts: 0, lastError: null });
  });

  it('a source file that vanishes after the snapshot fails the copy clearly and leaves the version in place alone', async () => {
    const d = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: d }]);
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    await settled(id, 1);
    const before = hashes(join(d, 'SMSPKGD$', id));
    await runner!.stop();
    runner = null;
    writeFileSync(join(source(), 'setup.exe'), randomBytes(200_000));
    value(await core.client['packages:update-dps']({ packageId: id }));
    // The snapshot of version 2 is taken; then a file goes before the copy reads it.
    const manifestPath = manifestPathFor(siteRootAt(site()), id, 2);
    mkdirSync(join(manifestPath, '..'), { recursive: true });
    await writeManifest(manifestPath, await buildManifest(source()));
    // A changed file: unchanged ones are linked from the copy in place and never read again.
    rmSync(join(source(), 'setup.exe'));
    startDistmgr();
    const failed = await settled(id, 1);
    expect(failed.distributionPoints[0]).toMatchObject({ state: 'installRetrying', sourceVersion: 1 });
    expect(failed.distributionPoints[0]!.lastError).toMatch(/setup\.exe/);
    expect(hashes(join(d, 'SMSPKGD$', id))).toEqual(before);
    expect(readdirSync(join(d, 'SMSPKGD$')).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(statSync(join(d, 'SMSPKGD$', id)).isDirectory()).toBe(true);
  });

  it('with binary differential replication, an update sends a changed large file as a delta: a fraction of its bytes', async () => {
    const d = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: d }]);
    // Seeded, so where the chunk boundaries fall (and so what the delta costs) is the same every run.
    const random = seededRandom(2026);
    const big = Buffer.from(random.bytes(4 * 1024 * 1024));
    writeTree(source(), { 'media.bin': big, 'small.txt': 'small' });
    const id = value(await core.client['packages:create']({ name: 'Media', containsSourceFiles: true, sourceDirectory: source(), binaryDifferentialReplication: true })).packageId;
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    await settled(id, 1);
    // About 1 % of the file, in three places.
    for (const at of [100_000, 2_000_000, 4_000_000]) Buffer.from(random.bytes(14_000)).copy(big, at);
    writeFileSync(join(source(), 'media.bin'), big);
    value(await core.client['packages:update-dps']({ packageId: id }));
    await expect.poll(async () => (await status(id)).distributionPoints[0]?.sourceVersion, { timeout: 60_000, interval: 50 }).toBe(2);
    expect(hashes(join(d, 'SMSPKGD$', id))).toEqual(hashes(source()));
    const detail = (await messages(id)).messages.filter((m) => m.messageId === 2329).pop();
    const sent = Number(detail?.insertionStrings[3]);
    expect(detail?.insertionStrings[2]).toBe('1');
    expect(sent).toBeGreaterThan(0);
    expect(sent / big.length).toBeLessThan(0.15);
  });

  it('with a compressed copy, builds the compressed package once (2311) and serves the DPs from it after the source is gone', async () => {
    const d = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: d }]);
    const id = await createPackage({ sourceOption: 'compressed' });
    const expected = hashes(source());
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    startDistmgr();
    await settled(id, 1);
    expect(existsSync(join(site(), 'SMSPKG', `${id}.pkg`))).toBe(true);
    expect((await messages(id)).messages.filter((m) => m.messageId === 2311).map((m) => m.attributes['410'])).toEqual(['1']);
    // The source's files go (the folder stays: a Refresh measures it to say what it will send).
    for (const name of readdirSync(source())) rmSync(join(source(), name), { recursive: true });
    rmSync(join(d, 'SMSPKGD$', id, 'Data'), { recursive: true });
    value(await core.client['packages:refresh-dp']({ packageId: id, distributionPoint: 'DP01' }));
    await expect.poll(async () => existsSync(join(d, 'SMSPKGD$', id, 'Data', 'big.cab')), { timeout: 60_000, interval: 50 }).toBe(true);
    await settled(id, 1);
    expect(hashes(join(d, 'SMSPKGD$', id))).toEqual(expected);
    expect((await messages(id)).messages.filter((m) => m.messageId === 2311)).toHaveLength(1);
  });

  it('finds work whose wake-up was lost (a crash between the commit and the file) in the database, and does it', async () => {
    await addDp('DP01', [{ letter: 'D', path: volume('dp01-d') }]);
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    // No outbox row and no file: only the package_dps row says what is wanted.
    const db = openDatabase(join(site(), 'courier.db'));
    db.prepare('DELETE FROM outbox').run();
    db.close();
    rmSync(join(site(), 'SMS', 'Inboxes', 'Distmgr.box', `${id}.PKN`), { force: true });
    startDistmgr();
    expect((await settled(id, 1)).distributionPoints[0]).toMatchObject({ state: 'installed', sourceVersion: 1 });
    expect(hashes(join(temp.path, 'volumes', 'dp01-d', 'SMSPKGD$', id))).toEqual(hashes(source()));
  });

  it('copies to a server share DP through the site`s path mapping of its UNC path', async () => {
    const share = volume('files-dist');
    value(await core.client['site:path-mappings:set']({ uncPrefix: '\\\\files\\dist', localPath: share }));
    value(await core.client['distribution-points:create']({ name: 'FILES', serverShare: '\\\\files\\dist', volumes: [] }));
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['FILES'], groups: [] }));
    startDistmgr();
    const done = await settled(id, 1);
    expect(done.distributionPoints[0]).toMatchObject({ state: 'installed', path: `\\\\files\\dist\\${id}` });
    expect(hashes(join(share, id))).toEqual(hashes(source()));
  });

  it('a DP whose volume folder is gone fails alone with a clear error, and the other DP gets the package', async () => {
    const gone = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: gone }]);
    await addDp('DP02', [{ letter: 'D', path: volume('dp02-d') }]);
    rmSync(gone, { recursive: true });
    const id = await createPackage();
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01', 'DP02'], groups: [] }));
    startDistmgr();
    const done = await settled(id, 2);
    expect(done.distributionPoints.map((row) => [row.name, row.state])).toEqual([
      ['DP01', 'installRetrying'],
      ['DP02', 'installed'],
    ]);
    expect(done.distributionPoints[0]!.lastError).toBe(`The volume D: at ${gone} cannot be measured (ENOENT).`);
    expect(hashes(join(temp.path, 'volumes', 'dp02-d', 'SMSPKGD$', id))).toEqual(hashes(source()));
  });

  it('a DP deleted while the package is being copied to it ends with the folder removed and the DP gone, the other DP served', async () => {
    const d1 = volume('dp01-d');
    await addDp('DP01', [{ letter: 'D', path: d1 }]);
    await addDp('DP02', [{ letter: 'D', path: volume('dp02-d') }]);
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 12; i++) files[`part${i}.bin`] = randomBytes(4 * 1024 * 1024);
    writeTree(source(), files);
    const id = value(await core.client['packages:create']({ name: 'Big', containsSourceFiles: true, sourceDirectory: source() })).packageId;
    let copying = false;
    core.on('distribution:progress', (event) => (copying ||= event.dpName === 'DP01' && !event.finished));
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01', 'DP02'], groups: [] }));
    startDistmgr();
    await expect.poll(() => copying, { timeout: 30_000, interval: 10 }).toBe(true);
    // The DP holds a package row, so it is marked for deletion and its package for removal.
    value(await core.client['distribution-points:delete']({ name: 'DP01' }));
    await expect.poll(async () => (await core.client['distribution-points:get']({ name: 'DP01' })).ok, { timeout: 60_000, interval: 50 }).toBe(false);
    expect(existsSync(join(d1, 'SMSPKGD$', id))).toBe(false);
    const done = await settled(id, 1);
    expect(done.distributionPoints.map((row) => [row.name, row.state])).toEqual([['DP02', 'installed']]);
    expect(hashes(join(temp.path, 'volumes', 'dp02-d', 'SMSPKGD$', id))).toEqual(hashes(source()));
  });
});
