import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientAgent } from '../../client/agent/client-agent';
import type { DownloadEntry } from '../../client/agent/download-state';
import type { MachineFacts } from '../../client/agent/machine-facts';
import { run } from '../../client/cli/main';
import { writeClientConfig } from '../../client/config/client-config';
import type { ComponentRunner, Core } from '../../core';
import type { AdvertisementCreateInput } from '../../core/api';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { value } from '../helpers/api-result';
import { startClientSite, windows7 } from '../helpers/client-site';
import { writeTree } from '../helpers/content-tree';
import { startHoldingProxy, type HoldingProxy } from '../helpers/holding-proxy';
import { untilIdle } from '../helpers/offer-state';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The Program Download Monitor against a real site: the agent downloads from the DPs' content
// service through a hop that holds the answer part way, so a download stays under way while
// `courier-client download-monitor` lists it, cancels it or changes "run when finished".

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let temp: TempDir;
let core: Core;
let runner: ComponentRunner;
let hold: HoldingProxy;
const site = () => join(temp.path, 'site');
const clientDir = () => join(temp.path, 'client');

const facts = windows7('WKS001', '10.1.2.3');
const agent = (machine: MachineFacts = facts) => new ClientAgent({ clientDir: clientDir(), facts: () => machine, timeoutMs: 10_000 });

async function client(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['--client-dir', clientDir(), ...args], { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: temp.path });
  return { code, out: out.join(''), err: err.join('') };
}
const listed = async (): Promise<DownloadEntry[]> => JSON.parse((await client('download-monitor', '--json')).out) as DownloadEntry[];
const underWay = (ad: string) => expect.poll(async () => (await listed()).find((e) => e.advertisementId === ad && e.state === 'downloading' && e.bytesDone > 0), { timeout: 30_000, interval: 100 });

beforeEach(async () => {
  temp = makeTempDir('courier-download-monitor-');
  const started = await startClientSite(site());
  ({ core, runner } = started);
  hold = await startHoldingProxy(started.contentUrl);
  value(await core.client['content-service:set']({ changes: { clientUrl: hold.url } }));
  mkdirSync(clientDir(), { recursive: true });
  writeClientConfig(clientDir(), { managementPoint: started.mpUrl, siteCode: 'A01', session: { user: null } });
}, 60_000);
afterEach(async () => {
  hold.release();
  await hold.close();
  await runner.stop();
  core.close();
  temp.remove();
}, 60_000);

/** A package of a 2 MiB file and a script that leaves `marker`, on DP01, its program advertised to the resource (assigned as soon as possible, or only offered). */
async function advertised(resourceId: number, name: string, marker: string, assigned: boolean, extra: Partial<AdvertisementCreateInput> = {}): Promise<{ packageId: string; ad: string }> {
  const source = join(temp.path, `source-${name}`);
  writeTree(source, { 'big.bin': randomBytes(2 * 1024 * 1024), 'install.sh': `echo ran > '${marker}'\n` });
  if (!existsSync(join(temp.path, 'vol-d'))) {
    writeTree(join(temp.path, 'vol-d'), {});
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'vol-d') }], bitsEnabled: true }));
  }
  const packageId = value(await core.client['packages:create']({ name, containsSourceFiles: true, sourceDirectory: source })).packageId;
  value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'sh install.sh', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
  value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
  await untilIdle(site());
  await expect.poll(async () => value(await core.client['packages:status']({ packageId })).distributionPoints.map((dp) => dp.state), { timeout: 30_000, interval: 50 }).toEqual(['installed']);
  const collectionId = value(await core.client['collections:create']({ name: `${name} targets`, rules: [{ kind: 'direct', resourceId }] })).collectionId;
  const ad = value(await core.client['advertisements:create']({ advertisementName: `${name} now`, packageId, programName: 'Install', collectionId, includeSubcollections: false, asSoonAsPossible: assigned, allowFallbackToUnprotectedDps: true, ...extra })).advertisementId;
  await untilIdle(site());
  await expect.poll(async () => value(await core.client['policy:show']({ resource: resourceId })).materialized.advertisementIds, { timeout: 30_000, interval: 50 }).toContain(ad);
  return { packageId, ad };
}

describe('courier-client download-monitor', { timeout: 120_000 }, () => {
  it('lists a mandatory download under way and cancels it: bytes kept, cas.log says so, no status message, and the assignment waits for its next time', async () => {
    const a = agent();
    const resourceId = (await a.runCycle(new Date())).registration!.resourceId;
    const marker = join(temp.path, 'ran.txt');
    const { packageId, ad } = await advertised(resourceId, 'Tool', marker, true);
    expect(await listed()).toEqual([]);
    expect((await client('download-monitor')).out).toBe('No downloads are pending or running.\n');

    hold.holdAfter(600 * 1024);
    const cycle = a.runCycle(new Date());
    await underWay(ad).toMatchObject({
      advertisementId: ad,
      packageId,
      sourceVersion: 1,
      programName: 'Install',
      totalBytes: expect.any(Number),
      distributionPoint: `${hold.url}/SMS_DP_SMSPKGD$/${packageId}/`,
      startedAt: expect.any(String),
      mandatory: true,
      runWhenFinished: true,
      pid: process.pid,
    });
    expect((await client('download-monitor')).out).toMatch(new RegExp(`^${ad} ${packageId} \\(version 1\\) Install: downloading, [\\d.]+ MB of 2\\.0 MB from ${hold.url.replace(/[.]/g, '\\.')}/SMS_DP_SMSPKGD\\$/${packageId}/, started [\\d-]+T[\\d:.]+Z; runs when finished \\(mandatory\\)\\n$`));
    expect(await client('download-monitor', 'run-when-finished', ad, '--off')).toMatchObject({ code: 1, err: expect.stringMatching(/is a mandatory assignment: its program always runs when the download ends/) });

    const cancelled = await client('download-monitor', 'cancel', ad.toLowerCase(), '--json');
    expect(cancelled).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(cancelled.out)).toMatchObject({ advertisementId: ad, state: 'cancelled' });
    const report = await cycle;
    expect(report.actions).toEqual([expect.objectContaining({ advertisementId: ad, status: 'cancelled', messageIds: [10061], reason: expect.stringMatching(/cancelled from the Program Download Monitor.*runs again at its next time/) })]);
    expect(existsSync(marker)).toBe(false);
    expect(statSync(join(clientDir(), 'cache', `${packageId}.1.partial`, 'big.bin')).size).toBeGreaterThan(0);
    expect(readFileSync(join(clientDir(), 'logs', 'cas.log'), 'utf8')).toContain(`The download of ${packageId}.1 for ${ad} is cancelled from the Program Download Monitor.`);
    expect(await listed()).toEqual([expect.objectContaining({ advertisementId: ad, state: 'cancelled' })]);
    expect((await client('download-monitor')).out).toContain(`${ad} ${packageId} (version 1) Install: cancelled`);

    expect(await client('download-monitor', 'cancel', ad)).toMatchObject({ code: 1, err: expect.stringMatching(new RegExp(`${ad} is not downloading now \\(its download was cancelled\\), so it cannot be cancelled`)) });
    expect(await client('download-monitor', 'cancel', 'A0129999')).toMatchObject({ code: 1, err: expect.stringMatching(/A0129999 is not being downloaded/) });
    expect(await client('download-monitor', 'cancel', '../x')).toMatchObject({ code: 1 });

    // The assignment whose download was cancelled does not run again; the site heard nothing of the cancel.
    hold.release();
    const next = await a.runCycle(new Date());
    expect(next.actions).toEqual([]);
    expect(readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8')).toMatch(new RegExp(`${ad}: its download for the assignment due at .* was cancelled; it runs at its next assignment\\.`));
    expect(value(await core.client['status:messages']({ messageIds: [10062, 10060] })).messages).toEqual([]);
    expect(await listed()).toEqual([expect.objectContaining({ advertisementId: ad, state: 'cancelled' })]);
  });

  it('run-when-finished --off downloads an available program without running it; turned on again in a foreground run-advertised-programs, it runs', async () => {
    const a = agent();
    const resourceId = (await a.runCycle(new Date())).registration!.resourceId;
    const first = await advertised(resourceId, 'First', join(temp.path, 'first.txt'), false);
    const second = await advertised(resourceId, 'Second', join(temp.path, 'second.txt'), false);
    await a.runCycle(new Date());

    hold.holdAfter(600 * 1024);
    const running = a.runAdvertised(first.ad, new Date(), () => Promise.resolve(true));
    await underWay(first.ad).toMatchObject({ mandatory: false, runWhenFinished: true });
    expect(await client('download-monitor', 'run-when-finished', first.ad, '--off')).toMatchObject({ code: 0, out: `${first.ad}: the program does not run when its download finishes.\n` });
    expect((await listed())[0]).toMatchObject({ runWhenFinished: false });
    expect((await client('download-monitor')).out).toContain('; does not run when finished');
    hold.release();
    const done = await running;
    expect(done.reports).toEqual([expect.objectContaining({ status: 'declined', reason: expect.stringMatching(/"run when finished" was turned off/) })]);
    expect(existsSync(join(temp.path, 'first.txt'))).toBe(false);
    expect(existsSync(join(clientDir(), 'cache', `${first.packageId}.1`, 'install.sh'))).toBe(true);
    expect(await listed()).toEqual([]);

    // As `courier-client run-advertised-programs --run … --download-first` does it in the foreground (no agent runs).
    hold.holdAfter(600 * 1024);
    const foreground = client('run-advertised-programs', '--run', second.ad, '--download-first', '--json');
    await underWay(second.ad).toMatchObject({ pid: process.pid, mandatory: false });
    expect((await client('download-monitor', 'run-when-finished', second.ad, '--off')).code).toBe(0);
    expect(await client('download-monitor', 'run-when-finished', second.ad)).toMatchObject({ code: 0, out: `${second.ad}: the program runs when its download finishes.\n` });
    hold.release();
    const ran = await foreground;
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.out)).toMatchObject({ reports: [{ advertisementId: second.ad, status: 'succeeded', messageIds: [10061, 10005, 10008] }] });
    expect(readFileSync(join(temp.path, 'second.txt'), 'utf8')).toBe('ran\n');
    expect(await listed()).toEqual([]);
    expect(await client('download-monitor', 'run-when-finished', second.ad)).toMatchObject({ code: 1, err: expect.stringMatching(/is not being downloaded/) });
  });

  it('lists a mandatory assignment to come as pending, waiting for its time, until its content is in the cache', async () => {
    const a = agent();
    const resourceId = (await a.runCycle(new Date())).registration!.resourceId;
    const assignedSchedule = encodeScheduleToken({ type: 'nonRecurring', start: '2030-01-10T12:00', isGmt: true });
    const { packageId, ad } = await advertised(resourceId, 'Later', join(temp.path, 'later.txt'), false, { assignedSchedule });
    const cycle = await a.runCycle(new Date());
    expect(cycle.advertisements).toEqual([expect.objectContaining({ advertisementId: ad, decision: expect.objectContaining({ kind: 'scheduled' }) })]);
    expect(await listed()).toEqual([expect.objectContaining({ advertisementId: ad, packageId, state: 'pending', waitingFor: 'time', mandatory: true, reason: 'The assignment at 2030-01-10T12:00:00.000Z has not come yet; the content is downloaded then.', pid: process.pid })]);
    expect((await client('download-monitor')).out).toContain(`${ad} ${packageId} (version 1) Install: pending (waiting for its time), 0.0 MB of ?; runs when finished (mandatory)`);
    expect(await client('download-monitor', 'cancel', ad)).toMatchObject({ code: 1, err: expect.stringMatching(/is not downloading now \(it is pending: The assignment at 2030/) });
    // The user runs it early: the content is then in the cache, and no download waits for the assignment.
    expect((await a.runAdvertised(ad, new Date(), () => Promise.resolve(true))).reports).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    await a.runCycle(new Date());
    expect(await listed()).toEqual([]);
    a.downloads.close();
  });

  it("shows a killed agent's download as stopped, never as running, and refuses to cancel it", async () => {
    const resourceId = (await agent().runCycle(new Date())).registration!.resourceId;
    const { ad } = await advertised(resourceId, 'Killed', join(temp.path, 'killed.txt'), true);
    hold.holdAfter(600 * 1024);
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'courier-client.cjs'), '--client-dir', clientDir(), 'agent'], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await underWay(ad).toMatchObject({ pid: child.pid, mandatory: true });
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    expect(await listed()).toEqual([expect.objectContaining({ advertisementId: ad, state: 'stopped', pid: child.pid, reason: expect.stringMatching(/no longer runs/) })]);
    expect(await client('download-monitor', 'cancel', ad)).toMatchObject({ code: 1, err: expect.stringMatching(new RegExp(`the process that downloaded it \\(${child.pid}\\) no longer runs`)) });
  });
});

describe('the agent and the download monitor', { timeout: 120_000 }, () => {
  it('honours run-when-finished --off for a run asked of it, and leaves no state file when it stops', async () => {
    const resourceId = (await agent().runCycle(new Date())).registration!.resourceId;
    const marker = join(temp.path, 'asked.txt');
    const { packageId, ad } = await advertised(resourceId, 'Asked', marker, false);
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'courier-client.cjs'), '--client-dir', clientDir(), 'agent'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const execmgr = () => (existsSync(join(clientDir(), 'logs', 'execmgr.log')) ? readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8') : '');
    try {
      await expect.poll(() => readFileSync(join(clientDir(), 'logs', 'policyagent.log'), 'utf8'), { timeout: 30_000, interval: 100 }).toContain('Next cycle at');
      hold.holdAfter(600 * 1024);
      expect(await client('run-advertised-programs', '--run', ad, '--download-first')).toMatchObject({ code: 0, out: expect.stringContaining(`Asked the running client agent (process ${child.pid})`) });
      await underWay(ad).toMatchObject({ pid: child.pid, mandatory: false, runWhenFinished: true });
      expect(await client('download-monitor', 'run-when-finished', ad, '--off')).toMatchObject({ code: 0 });
      hold.release();
      await expect.poll(execmgr, { timeout: 30_000, interval: 100 }).toMatch(new RegExp(`Run Advertised Programs: ${ad} \\(${packageId} Install\\): declined \\[10061\\]: .*"run when finished" was turned off`));
      expect(existsSync(marker)).toBe(false);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(readdirSync(join(clientDir(), 'agent')).filter((name) => name.startsWith('downloads-'))).toEqual([]);
  });
});

const isRoot = process.getuid?.() === 0;
const hasUseradd = spawnSync('sh', ['-c', 'command -v useradd && command -v userdel']).status === 0;

// Needs root (to make a user and to start a program as one) and useradd/userdel.
describe.skipIf(!isRoot || !hasUseradd)("a program with the user's rights, as the agent running as root runs it", { timeout: 120_000 }, () => {
  it('runs as the logged-on user, with %VAR% expanded in its command line', async () => {
    const name = `crt${randomBytes(4).toString('hex')}`;
    execFileSync('useradd', ['--no-create-home', name]);
    try {
      // The program's output folder must be open to the user.
      const out = join(temp.path, 'out');
      mkdirSync(out);
      chmodSync(temp.path, 0o711);
      chmodSync(out, 0o777);
      const loggedOn: MachineFacts = { ...facts, session: { kind: 'user', user: `CONTOSO\\${name}` } };
      const resourceId = (await agent(loggedOn).runCycle(new Date())).registration!.resourceId;
      const packageId = value(await core.client['packages:create']({ name: 'Per user' })).packageId;
      value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: `id -u > '${out}/%USER%.uid'`, canRunWhen: 'userLoggedOn', runMode: 'userRights' } }));
      const collectionId = value(await core.client['collections:create']({ name: 'Users', rules: [{ kind: 'direct', resourceId }] })).collectionId;
      value(await core.client['advertisements:create']({ advertisementName: 'Per user now', packageId, programName: 'Install', collectionId, includeSubcollections: false, asSoonAsPossible: true }));
      await untilIdle(site(), ['Offermgr.box']);
      const ran = await agent(loggedOn).runCycle(new Date());
      expect(ran.actions).toEqual([expect.objectContaining({ status: 'succeeded', messageIds: [10005, 10008] })]);
      expect(readFileSync(join(out, `${name}.uid`), 'utf8').trim()).toBe(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    } finally {
      execFileSync('userdel', [name]);
    }
  });
});
