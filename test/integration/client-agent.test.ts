import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientAgent } from '../../client/agent/client-agent';
import { ContentCache } from '../../client/cache/content-cache';
import { stepsNotAvailable, type ExecutionSteps } from '../../client/agent/execution-steps';
import type { MachineFacts } from '../../client/agent/machine-facts';
import { PolicyStore } from '../../client/agent/policy-store';
import { RunHistory } from '../../client/agent/run-history';
import { writeClientConfig } from '../../client/config/client-config';
import { readIdentity } from '../../client/mp/client-identity';
import { StatusOutbox } from '../../client/status/status-outbox';
import type { ComponentRunner, Core } from '../../core';
import type { AdvertisementCreateInput } from '../../core/api';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { value } from '../helpers/api-result';
import { startClientSite, windows7 } from '../helpers/client-site';
import { writeTree } from '../helpers/content-tree';
import { startMpProxy, type MpProxy } from '../helpers/mp-proxy';
import { untilIdle } from '../helpers/offer-state';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The client agent's cycle against a real site: SMS_MP_CONTROL_MANAGER, Offer Manager and
// Distribution Manager run by a real runner, the agent talking to the management point over HTTP
// on the loopback through a forwarder that can lose status uploads.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner;
let proxy: MpProxy;
let contentUrl: string;
const site = () => join(temp.path, 'site');
const clientDir = () => join(temp.path, 'client');

/** A Windows 7 x64 workstation in 10.1.0.0, nobody logged on. */
const facts = windows7('WKS001', '10.1.2.3');

const agent = (steps?: ExecutionSteps, machine: MachineFacts = facts) => new ClientAgent({ clientDir: clientDir(), facts: () => machine, timeoutMs: 5_000, ...(steps !== undefined ? { steps } : {}) });

beforeEach(async () => {
  temp = makeTempDir('courier-client-agent-');
  let mpUrl: string;
  ({ core, runner, mpUrl, contentUrl } = await startClientSite(site()));
  proxy = await startMpProxy(mpUrl);
  // The DPs' content service, at an address this test machine reaches (not the DP's name).
  value(await core.client['content-service:set']({ changes: { clientUrl: contentUrl } }));
  mkdirSync(clientDir(), { recursive: true });
  writeClientConfig(clientDir(), { managementPoint: proxy.url, siteCode: 'A01', session: { user: null } });
});
afterEach(async () => {
  await proxy.close();
  await runner.stop();
  core.close();
  temp.remove();
});

async function siteMessages(messageIds: number[]) {
  return value(await core.client['status:messages']({ messageIds })).messages;
}

/** A package without source files and its programs, advertised to a collection of the client's resource. */
async function advertiseTo(resourceId: number, programs: { name: string; platforms?: string[] }[], extra: Partial<AdvertisementCreateInput> = {}) {
  const packageId = value(await core.client['packages:create']({ name: 'Script' })).packageId;
  const collectionId = value(await core.client['collections:create']({ name: 'Lab', rules: [{ kind: 'direct', resourceId }] })).collectionId;
  const ads: string[] = [];
  for (const p of programs) {
    value(await core.client['programs:create']({ packageId, program: { name: p.name, commandLine: 'cscript fix.vbs', ...(p.platforms !== undefined ? { anyPlatform: false, platforms: p.platforms } : {}) } }));
    ads.push(value(await core.client['advertisements:create']({ advertisementName: `${p.name} for the lab`, packageId, programName: p.name, collectionId, includeSubcollections: false, ...extra })).advertisementId);
  }
  await untilIdle(site(), ['Offermgr.box']);
  return { packageId, ads };
}

/** A package with these source files on DP01 (made with the first), with one program advertised to the resource as soon as possible. */
async function distributedAdvertisement(resourceId: number, name: string, files: Record<string, string | Uint8Array>, commandLine: string, assigned = true, extra: Partial<AdvertisementCreateInput> = {}): Promise<{ packageId: string; ad: string }> {
  const source = join(temp.path, `source-${name}`);
  writeTree(source, files);
  if (!existsSync(join(temp.path, 'vol-d'))) {
    writeTree(join(temp.path, 'vol-d'), {});
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'vol-d') }], bitsEnabled: true }));
  }
  const packageId = value(await core.client['packages:create']({ name, containsSourceFiles: true, sourceDirectory: source })).packageId;
  value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine, canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
  value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
  await untilIdle(site());
  await expect
    .poll(async () => value(await core.client['packages:status']({ packageId })).distributionPoints.map((dp) => dp.state), { timeout: 30_000, interval: 50 })
    .toEqual(['installed']);
  const collectionId = value(await core.client['collections:create']({ name: `${name} targets`, rules: [{ kind: 'direct', resourceId }] })).collectionId;
  const ad = value(await core.client['advertisements:create']({ advertisementName: `${name} now`, packageId, programName: 'Install', collectionId, includeSubcollections: false, asSoonAsPossible: assigned, allowFallbackToUnprotectedDps: true, ...extra })).advertisementId;
  await untilIdle(site());
  await expect.poll(async () => value(await core.client['policy:show']({ resource: resourceId })).materialized.advertisementIds, { timeout: 30_000, interval: 50 }).toContain(ad);
  return { packageId, ad };
}

describe('the client agent against a real site', { timeout: 90_000 }, () => {
  it('registers, reports a received advertisement (10002) and one its platform excludes (10018) once, and fetches no bodies while the version is unchanged', async () => {
    const first = await agent().runCycle(new Date());
    expect(first.registration).toMatchObject({ kind: 'new', approval: 'approved' });
    expect(first.managementPoint).toEqual({ url: proxy.url, reachable: true, problem: null });
    const resourceId = first.registration!.resourceId;
    expect(readIdentity(clientDir())).toMatchObject({ resourceId, siteCode: 'A01', approval: 'approved' });
    expect(statSync(join(clientDir(), 'identity.json')).mode & 0o777).toBe(0o600);
    expect(value(await core.client['resources:get']({ resourceId }))).toMatchObject({ name: 'WKS001', ipAddresses: ['10.1.2.3'], platform: 'x64' });

    const { packageId, ads } = await advertiseTo(resourceId, [{ name: 'Install' }, { name: 'Legacy', platforms: ['winxp-x86'] }]);
    const [install, legacy] = ads as [string, string];
    const second = await agent().runCycle(new Date());
    expect(second.registration?.kind).toBe('unchanged');
    expect(second.policy.machine).toMatchObject({ changed: true, bodies: 2 });
    expect(second.reported).toEqual(
      expect.arrayContaining([
        { advertisementId: install, messageId: 10002, reason: null },
        { advertisementId: legacy, messageId: 10018, reason: expect.stringMatching(/runs only on All x86 Windows XP; this client is Win NT 6\.1\.7601 on x64/) },
      ]),
    );
    expect(second.outbox).toEqual({ sent: 2, remaining: 0 });
    const stored = await siteMessages([10002, 10018]);
    expect(stored).toHaveLength(2);
    const accepted = stored.find((m) => m.messageId === 10002)!;
    expect(accepted).toMatchObject({ moduleName: 'SMS Client', machine: 'WKS001', component: 'Software Distribution', severity: 'info', insertionStrings: [install, 'A01', '', packageId, 'Install'], attributes: { 400: packageId, 401: install } });
    expect(stored.find((m) => m.messageId === 10018)).toMatchObject({ severity: 'warning', insertionStrings: [legacy, 'A01', expect.stringMatching(/Windows XP/), packageId, 'Legacy'] });
    expect(second.advertisements.map((a) => [a.advertisementId, a.decision.kind]).sort()).toEqual([
      [install, 'available'],
      [legacy, 'notApplicable'],
    ]);

    const third = await agent().runCycle(new Date());
    const version = second.policy.machine!.version;
    expect(third.policy.machine).toEqual({ changed: false, version, bodies: 0 });
    expect(third.reported).toEqual([]);
    const lastPolicy = proxy.exchanges.filter((e) => e.path.startsWith('/ccm/v1/policy/machine')).at(-1)!;
    expect(lastPolicy.path).toBe(`/ccm/v1/policy/machine?since=${version}`);
    expect(JSON.parse(lastPolicy.body)).toEqual({ changed: false, policyVersion: version });
    expect(await siteMessages([10002, 10018])).toHaveLength(2);
    // The bodies it keeps are still there to evaluate.
    expect(new PolicyStore(clientDir()).state.machine?.bodies).toHaveLength(2);
  });

  it('keeps status messages while uploads fail and sends them, once, on the next cycle; works from its stored policy while the management point is away', async () => {
    const first = await agent().runCycle(new Date());
    const { ads } = await advertiseTo(first.registration!.resourceId, [{ name: 'Install' }]);
    proxy.drop.add('status');
    const lost = await agent().runCycle(new Date());
    expect(lost.reported).toEqual([{ advertisementId: ads[0], messageId: 10002, reason: null }]);
    expect(lost.managementPoint.reachable).toBe(false);
    expect(lost.managementPoint.problem).toMatch(/could not be reached|broke off/);
    expect(lost.outbox).toEqual({ sent: 0, remaining: 1 });
    expect(new StatusOutbox(clientDir()).count()).toBe(1);
    expect(await siteMessages([10002])).toHaveLength(0);

    proxy.drop.clear();
    const back = await agent().runCycle(new Date());
    expect(back.outbox).toEqual({ sent: 1, remaining: 0 });
    expect(back.reported).toEqual([]);
    expect(await siteMessages([10002])).toHaveLength(1);

    // Nothing answers at all: the cycle says so and still evaluates what it has.
    await proxy.close();
    const away = await agent().runCycle(new Date());
    expect(away.managementPoint).toMatchObject({ reachable: false, problem: expect.stringMatching(/could not be reached/) });
    expect(away.advertisements.map((a) => a.decision.kind)).toEqual(['available']);
    proxy = await startMpProxy(value(await core.client['management-point:status']({})).url!);
  });

  it('runs a mandatory program when due: deferred with the reason without a cache and runner, then downloaded, run, 10005 and 10008, and not again', async () => {
    const first = await agent().runCycle(new Date());
    const target = join(temp.path, 'installed.txt');
    writeTree(join(temp.path, 'source'), { 'install.sh': `echo installed > '${target}'\nexit 0\n` });
    writeTree(join(temp.path, 'vol-d'), {});
    const packageId = value(await core.client['packages:create']({ name: 'Tool', containsSourceFiles: true, sourceDirectory: join(temp.path, 'source') })).packageId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'sh install.sh', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'vol-d') }], bitsEnabled: true }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    await untilIdle(site());
    const collectionId = value(await core.client['collections:create']({ name: 'Lab', rules: [{ kind: 'direct', resourceId: first.registration!.resourceId }] })).collectionId;
    const ad = value(await core.client['advertisements:create']({ advertisementName: 'Tool now', packageId, programName: 'Install', collectionId, includeSubcollections: false, asSoonAsPossible: true, allowFallbackToUnprotectedDps: true })).advertisementId;
    await untilIdle(site());

    const deferred = await agent(stepsNotAvailable).runCycle(new Date());
    expect(deferred.advertisements.map((a) => a.decision.kind)).toEqual(['run']);
    expect(deferred.actions).toEqual([expect.objectContaining({ advertisementId: ad, status: 'deferred', messageIds: [10060], reason: expect.stringMatching(/no download cache and program runner/) })]);
    expect(new RunHistory(clientDir()).all()).toEqual([]);
    expect(await siteMessages([10005, 10006, 10008])).toHaveLength(0);
    expect(new PolicyStore(clientDir()).state.advertisements[ad]?.lastAction).toMatchObject({ status: 'deferred' });

    // As the agent is made: the download cache, the downloader and the program runner.
    const ran = await agent().runCycle(new Date());
    expect(ran.actions).toEqual([expect.objectContaining({ advertisementId: ad, status: 'succeeded', messageIds: [10061, 10005, 10008] })]);
    expect(readFileSync(target, 'utf8')).toBe('installed\n');
    expect(new RunHistory(clientDir()).all()).toEqual([expect.objectContaining({ advertisementId: ad, packageId, programName: 'Install', result: 'success', user: null })]);
    const messages = await siteMessages([10005, 10008]);
    expect(messages.map((m) => m.messageId).sort()).toEqual([10005, 10008]);
    expect(messages.find((m) => m.messageId === 10008)).toMatchObject({ insertionStrings: [ad, '0', '', packageId, 'Install'], attributes: { 400: packageId, 401: ad } });

    const after = await agent().runCycle(new Date());
    expect(after.actions).toEqual([]);
    expect(after.advertisements[0]?.decision.kind).not.toBe('run');
    expect(readFileSync(join(clientDir(), 'cache', `${packageId}.1`, 'install.sh'), 'utf8')).toBe(readFileSync(join(temp.path, 'source', 'install.sh'), 'utf8'));
    const cas = readFileSync(join(clientDir(), 'logs', 'cas.log'), 'utf8');
    expect(cas).toContain(`from ${contentUrl}/SMS_DP_SMSPKGD$/${packageId}/ into`);
    expect(cas).toContain(`Content ${packageId}.1 is complete in the cache`);
    expect(readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8')).toMatch(/Program sh install\.sh exited with exit code 0/);

    // The run locks the content for 24 hours; the advertisement deleted at the site lets it go at once.
    const cacheIndex = () => JSON.parse(readFileSync(join(clientDir(), 'cache', 'cache-index.json'), 'utf8')) as { entries: { packageId: string; pending: string[] }[] };
    expect(cacheIndex().entries.find((e) => e.packageId === packageId)?.pending).toEqual([ad]);
    value(await core.client['advertisements:delete']({ advertisementId: ad }));
    await untilIdle(site());
    const gone = await agent().runCycle(new Date());
    expect(gone.advertisements).toEqual([]);
    expect(cacheIndex().entries.find((e) => e.packageId === packageId)?.pending).toEqual([]);
    expect(readFileSync(join(clientDir(), 'logs', 'cas.log'), 'utf8')).toContain(`Content ${packageId}.1 is held now for no advertisement: the others left policy or expired; it may be deleted to make room.`);
  });

  it('registers again with its credentials when a fact changes, anew after an admin reset, and waits while pending approval', async () => {
    const first = await agent().runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    const secret = readIdentity(clientDir())!.secret;
    const moved: MachineFacts = { ...facts, ipAddresses: ['10.2.0.7'], ipSubnets: ['10.2.0.0'], session: { kind: 'user', user: 'CONTOSO\\ann' } };
    const again = await agent(undefined, moved).runCycle(new Date());
    expect(again.registration).toMatchObject({ kind: 'updated', resourceId, why: 'a fact of this machine the site keeps has changed' });
    expect(readIdentity(clientDir())!.secret).toBe(secret);
    expect(value(await core.client['resources:get']({ resourceId }))).toMatchObject({ ipAddresses: ['10.2.0.7'] });
    // The logged-on user was reported, so the site serves that user's policy.
    expect(again.policy.user).toMatchObject({ user: 'CONTOSO\\ann', changed: expect.any(Boolean) });
    expect(again.managementPoint.problem).toBeNull();
    expect((await agent(undefined, moved).runCycle(new Date())).registration?.kind).toBe('unchanged');

    value(await core.client['mp-clients:reset']({ client: resourceId }));
    const reset = await agent(undefined, moved).runCycle(new Date());
    expect(reset.registration).toMatchObject({ kind: 'updated', resourceId, why: expect.stringMatching(/reset/) });
    expect(reset.managementPoint.problem).toBeNull();
    expect(readIdentity(clientDir())!.secret).not.toBe(secret);

    value(await core.client['management-point:update']({ changes: { approval: 'manual' } }));
    await expect.poll(async () => value(await core.client['management-point:get']({})).approval).toBe('manual');
    const other = join(temp.path, 'other');
    mkdirSync(other);
    writeClientConfig(other, { managementPoint: proxy.url, siteCode: 'A01', session: { user: null } });
    const second = new ClientAgent({ clientDir: other, facts: () => ({ ...facts, name: 'WKS002' }), timeoutMs: 5_000 });
    const pending = await second.runCycle(new Date());
    expect(pending.registration).toMatchObject({ kind: 'new', approval: 'pending' });
    expect(pending.managementPoint).toMatchObject({ reachable: true, problem: expect.stringMatching(/PENDING|approv/i) });
    expect(pending.policy.machine).toBeNull();
    value(await core.client['mp-clients:set-approval']({ client: 'WKS002', action: 'approve' }));
    const approved = await second.runCycle(new Date());
    expect(approved.managementPoint.problem).toBeNull();
    expect(readIdentity(other)?.approval).toBe('approved');
    // The cycle tells the approval the site answered with, not the one it registered with.
    expect(approved.registration).toMatchObject({ kind: 'unchanged', approval: 'approved' });
    expect(readFileSync(join(other, 'logs', 'policyagent.log'), 'utf8')).toContain("The site's approval of this client is now approved (was pending).");
    value(await core.client['mp-clients:set-approval']({ client: 'WKS002', action: 'block' }));
    const blocked = await second.runCycle(new Date());
    expect(blocked.registration).toMatchObject({ approval: 'blocked' });
    expect(readIdentity(other)?.approval).toBe('blocked');
    expect((await second.runCycle(new Date())).registration).toMatchObject({ kind: 'unchanged', approval: 'blocked' });
  });

  it('reports a failed program (10005, 10006) and content larger than the cache (10050, once), and records the failure', async () => {
    // A cache of 1 MB, made at its first use.
    writeClientConfig(clientDir(), { managementPoint: proxy.url, siteCode: 'A01', session: { user: null }, cacheSizeMb: 1 });
    const first = await agent().runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    const failing = await distributedAdvertisement(resourceId, 'Failing', { 'fail.sh': 'exit 1\n' }, 'sh fail.sh');
    const big = await distributedAdvertisement(resourceId, 'Big', { 'big.bin': new Uint8Array(1536 * 1024).fill(7), 'setup.sh': 'exit 0\n' }, 'sh setup.sh');
    const ran = await agent().runCycle(new Date());
    const byAd = new Map(ran.actions.map((a) => [a.advertisementId, a]));
    expect(byAd.get(failing.ad)).toMatchObject({ status: 'failed', messageIds: [10061, 10005, 10006], reason: expect.stringMatching(/exit code 1; 10006/) });
    expect(byAd.get(big.ad)).toMatchObject({ status: 'tooLarge', messageIds: [10050], reason: expect.stringMatching(/larger than the whole cache \(1048576 bytes\)/) });
    expect(new RunHistory(clientDir()).all()).toEqual([expect.objectContaining({ advertisementId: failing.ad, result: 'failure' })]);
    const failed = (await siteMessages([10006]))[0];
    expect(failed).toMatchObject({ severity: 'error', insertionStrings: [failing.ad, '1', '', failing.packageId, 'Install'] });
    expect(await siteMessages([10050])).toEqual([expect.objectContaining({ severity: 'error', attributes: { 400: big.packageId, 401: big.ad } })]);

    // The failed run was the assignment's run; the content too large stays so, and is said once.
    const again = await agent().runCycle(new Date());
    expect(again.actions).toEqual([expect.objectContaining({ advertisementId: big.ad, status: 'tooLarge', messageIds: [] })]);
    expect(await siteMessages([10050])).toHaveLength(1);
    expect(await siteMessages([10005])).toHaveLength(1);
  });

  it('defers a download the full cache has no room for (10060, once) and runs it once room is freed', async () => {
    writeClientConfig(clientDir(), { managementPoint: proxy.url, siteCode: 'A01', session: { user: null }, cacheSizeMb: 1 });
    const resourceId = (await agent().runCycle(new Date())).registration!.resourceId;
    const first = await distributedAdvertisement(resourceId, 'First', { 'a.bin': new Uint8Array(700 * 1024).fill(1), 'setup.sh': 'exit 0\n' }, 'sh setup.sh');
    expect((await agent().runCycle(new Date())).actions).toEqual([expect.objectContaining({ advertisementId: first.ad, status: 'succeeded' })]);
    // The first content is locked for 24 hours after its run: the second does not fit beside it.
    const second = await distributedAdvertisement(resourceId, 'Second', { 'b.bin': new Uint8Array(700 * 1024).fill(2), 'setup.sh': 'exit 0\n' }, 'sh setup.sh');
    const full = await agent().runCycle(new Date());
    expect(full.actions).toEqual([expect.objectContaining({ advertisementId: second.ad, status: 'deferred', messageIds: [10060], reason: expect.stringMatching(/no room for it yet/) })]);
    expect(existsSync(join(clientDir(), 'cache', `${second.packageId}.1`))).toBe(false);
    expect((await agent().runCycle(new Date())).actions).toEqual([expect.objectContaining({ advertisementId: second.ad, status: 'deferred', messageIds: [] })]);
    expect(await siteMessages([10060])).toHaveLength(1);

    // Room is freed (courier-client cache delete): the next cycle downloads and runs it.
    const { cache } = await ContentCache.open(join(clientDir(), 'cache'));
    await cache.delete(first.packageId, 1);
    const freed = await agent().runCycle(new Date());
    expect(freed.actions).toEqual([expect.objectContaining({ advertisementId: second.ad, status: 'succeeded', messageIds: [10061, 10005, 10008] })]);
    expect(existsSync(join(clientDir(), 'cache', `${second.packageId}.1`, 'b.bin'))).toBe(true);
  });

  it('runs a program the user chooses (Run Advertised Programs): asks before downloading, declined runs nothing, accepted downloads and runs it', async () => {
    const first = await agent().runCycle(new Date());
    const offered = await distributedAdvertisement(first.registration!.resourceId, 'Optional', { 'setup.sh': 'exit 0\n' }, 'sh setup.sh', false);
    const received = await agent().runCycle(new Date());
    expect(received.advertisements).toEqual([expect.objectContaining({ advertisementId: offered.ad, decision: expect.objectContaining({ kind: 'available', listed: true, mandatory: false }) })]);
    expect(received.actions).toEqual([]);
    let asked = 0;
    const declined = await agent().runAdvertised(offered.ad, new Date(), () => Promise.resolve(++asked > 1));
    expect(declined.reports).toEqual([expect.objectContaining({ status: 'declined', messageIds: [] })]);
    expect(existsSync(join(clientDir(), 'cache', `${offered.packageId}.1`))).toBe(false);
    const accepted = await agent().runAdvertised(offered.ad, new Date(), () => Promise.resolve(++asked > 1));
    expect(accepted.reports).toEqual([expect.objectContaining({ status: 'succeeded', messageIds: [10061, 10005, 10008] })]);
    expect(accepted.outbox).toEqual({ sent: 3, remaining: 0, problem: null });
    expect(asked).toBe(2);
    // In the cache now: a second run does not ask.
    const cached = await agent().runAdvertised(offered.ad, new Date(), () => Promise.reject(new Error('asked again')));
    expect(cached.reports[0]?.status).toBe('succeeded');
    expect(new RunHistory(clientDir()).all()).toHaveLength(2);
    await expect(agent().runAdvertised('A0129999', new Date(), () => Promise.resolve(true))).rejects.toThrow(/not in this client's policy/);
  });

  it('an assignment at logon waits for a logon the agent sees, then falls due', async () => {
    const first = await agent(stepsNotAvailable).runCycle(new Date());
    const { ads } = await advertiseTo(first.registration!.resourceId, [{ name: 'Install' }], { atLogon: true });
    const received = await agent(stepsNotAvailable).runCycle(new Date());
    expect(received.advertisements.map((a) => a.decision.kind)).toEqual(['available']);
    const ann: MachineFacts = { ...facts, session: { kind: 'user', user: 'CONTOSO\\ann' } };
    const loggedOn = await agent(stepsNotAvailable, ann).runCycle(new Date(Date.now() + 1000));
    expect(loggedOn.advertisements).toEqual([expect.objectContaining({ advertisementId: ads[0], decision: expect.objectContaining({ kind: 'run', assignment: expect.objectContaining({ kind: 'logon', user: 'CONTOSO\\ann' }) }) })]);
    // A package without source files needs no content location: only the runner is missing here.
    expect(loggedOn.actions).toEqual([expect.objectContaining({ advertisementId: ads[0], status: 'deferred', reason: expect.stringMatching(/The program cannot be run: /) })]);
    expect(new PolicyStore(clientDir()).state.events).toEqual([expect.objectContaining({ kind: 'logon', user: 'CONTOSO\\ann' })]);
    expect(readFileSync(join(clientDir(), 'logs', 'policyagent.log'), 'utf8')).toContain('Saw CONTOSO\\ann log on at');
  });

  it('refuses a management point of another site than client.json names, and registers nothing', async () => {
    writeClientConfig(clientDir(), { managementPoint: proxy.url, siteCode: 'B02', session: { user: null } });
    const refused = await agent().runCycle(new Date());
    expect(refused.registration).toBeNull();
    expect(refused.managementPoint).toMatchObject({ reachable: true, problem: expect.stringMatching(/is of site A01; this client is assigned to site B02/) });
    expect(readIdentity(clientDir())).toBeNull();
    expect(value(await core.client['resources:list']({})).filter((r) => r.name === 'WKS001')).toEqual([]);
  });

  it('runs the program to run first, then the program, each with its own advertisement, messages and run', async () => {
    const first = await agent().runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    // Prepare comes with its own advertisement (the chain is found in the client's policy), Install is assigned.
    const log = join(temp.path, 'order.log');
    const base = await distributedAdvertisement(resourceId, 'Base', { 'prepare.sh': `echo prepared >> '${log}'\n`, 'install.sh': `echo installed >> '${log}'\n` }, 'sh prepare.sh', false);
    value(await core.client['programs:create']({ packageId: base.packageId, program: { name: 'Main', commandLine: 'sh install.sh', canRunWhen: 'whetherOrNot', runMode: 'adminRights', runFirst: { packageId: base.packageId, programName: 'Install' } } }));
    const collectionId = value(await core.client['collections:create']({ name: 'Chain', rules: [{ kind: 'direct', resourceId }] })).collectionId;
    const main = value(await core.client['advertisements:create']({ advertisementName: 'Main now', packageId: base.packageId, programName: 'Main', collectionId, includeSubcollections: false, asSoonAsPossible: true, allowFallbackToUnprotectedDps: true })).advertisementId;
    await untilIdle(site());
    const ran = await agent().runCycle(new Date());
    expect(ran.actions.map((a) => [a.advertisementId, a.programName, a.status, a.messageIds])).toEqual([
      [base.ad, 'Install', 'succeeded', [10061, 10005, 10008]],
      [main, 'Main', 'succeeded', [10005, 10008]],
    ]);
    expect(readFileSync(log, 'utf8')).toBe('prepared\ninstalled\n');
    expect(new RunHistory(clientDir()).all().map((r) => [r.advertisementId, r.programName, r.result])).toEqual([
      [base.ad, 'Install', 'success'],
      [main, 'Main', 'success'],
    ]);
    expect((await siteMessages([10008])).map((m) => m.attributes['401']).sort()).toEqual([base.ad, main].sort());
  });

  it('runs a program of a package without source files from its command line alone: in the temp folder, or its start-in folder', async () => {
    const first = await agent().runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    const packageId = value(await core.client['packages:create']({ name: 'Settings' })).packageId;
    const where = join(temp.path, 'where.txt');
    const startIn = join(temp.path, 'start here');
    mkdirSync(startIn);
    value(await core.client['programs:create']({ packageId, program: { name: 'Temp', commandLine: `pwd > '${where}'`, canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
    value(await core.client['programs:create']({ packageId, program: { name: 'Here', commandLine: `pwd >> '${where}'`, startIn, canRunWhen: 'whetherOrNot', runMode: 'adminRights', runFirst: { packageId, programName: 'Temp' } } }));
    const collectionId = value(await core.client['collections:create']({ name: 'Settings targets', rules: [{ kind: 'direct', resourceId }] })).collectionId;
    const ad = value(await core.client['advertisements:create']({ advertisementName: 'Settings now', packageId, programName: 'Here', collectionId, includeSubcollections: false, asSoonAsPossible: true })).advertisementId;
    value(await core.client['advertisements:create']({ advertisementName: 'Settings first', packageId, programName: 'Temp', collectionId, includeSubcollections: false }));
    await untilIdle(site(), ['Offermgr.box']);
    const ran = await agent().runCycle(new Date());
    expect(ran.actions).toEqual([expect.objectContaining({ programName: 'Temp', status: 'succeeded', messageIds: [10005, 10008] }), expect.objectContaining({ advertisementId: ad, programName: 'Here', status: 'succeeded', messageIds: [10005, 10008] })]);
    expect(readFileSync(where, 'utf8')).toBe(`${realpathSync(tmpdir())}\n${realpathSync(startIn)}\n`);
    expect(existsSync(join(clientDir(), 'cache', `${packageId}.1`))).toBe(false);
    expect(readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8')).toContain(`package ${packageId} has no source files; the program runs in ${startIn} without content`);
  });

  it('runs a program whose advertisement says to run from the distribution point in the DP folder, through client.json\'s mapping, and downloads nothing', async () => {
    const first = await agent().runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    const where = join(temp.path, 'where.txt');
    const tool = await distributedAdvertisement(resourceId, 'Remote', { 'install.sh': `pwd > '${where}'\nexit 0\n` }, 'sh install.sh', true, { fastNetwork: 'runFromDp' });
    // Off Windows a UNC path cannot be opened: without a mapping the run waits, with why.
    const unmapped = await agent().runCycle(new Date());
    expect(unmapped.actions).toEqual([expect.objectContaining({ advertisementId: tool.ad, status: 'deferred', reason: expect.stringMatching(/runs from the distribution point, .*DP01: this agent runs on \w+ and cannot open \\\\DP01\\SMSPKGD\$\\/) })]);
    writeClientConfig(clientDir(), { managementPoint: proxy.url, siteCode: 'A01', session: { user: null }, dpPathMappings: [{ uncPrefix: '\\\\dp01\\smspkgd$', localPath: join(temp.path, 'vol-d', 'SMSPKGD$') }] });
    const ran = await agent().runCycle(new Date());
    expect(ran.actions).toEqual([expect.objectContaining({ advertisementId: tool.ad, status: 'succeeded', messageIds: [10005, 10008] })]);
    expect(readFileSync(where, 'utf8')).toBe(`${realpathSync(join(temp.path, 'vol-d', 'SMSPKGD$', tool.packageId))}\n`);
    expect(existsSync(join(clientDir(), 'cache', `${tool.packageId}.1`))).toBe(false);
    const dpFolder = join(temp.path, 'vol-d', 'SMSPKGD$', tool.packageId);
    const execmgr = readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8');
    expect(execmgr).toContain(`runs from distribution point DP01, \\\\DP01\\SMSPKGD$\\${tool.packageId} (opened as ${dpFolder}); nothing is downloaded.`);
    expect(execmgr).toContain(`Executing program sh install.sh in ${dpFolder} (administrative rights, from the distribution point).`);
    expect(existsSync(join(clientDir(), 'logs', 'cas.log')) ? readFileSync(join(clientDir(), 'logs', 'cas.log'), 'utf8') : '').not.toContain(tool.packageId);
  });

  it('tells each reminder and the countdown of a mandatory run to come in execmgr.log at its time, once, wakes for them, and lists them for status', async () => {
    const t = (hhmm: string) => new Date(`2027-01-10T${hhmm}:00.000Z`);
    const first = await agent(stepsNotAvailable).runCycle(t('08:00'));
    const packageId = value(await core.client['packages:create']({ name: 'Noon' })).packageId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'true', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
    const collectionId = value(await core.client['collections:create']({ name: 'Noon targets', rules: [{ kind: 'direct', resourceId: first.registration!.resourceId }] })).collectionId;
    const assignedSchedule = encodeScheduleToken({ type: 'nonRecurring', start: '2027-01-10T12:00', isGmt: true });
    const ad = value(await core.client['advertisements:create']({ advertisementName: 'Noon', packageId, programName: 'Install', collectionId, includeSubcollections: false, assignedSchedule, displayReminders: true, mandatoryCountdownMinutes: 10 })).advertisementId;
    await untilIdle(site(), ['Offermgr.box']);
    const log = () => readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8');
    const told = (kind: string) => log().split('\n').filter((line) => line.includes(`${kind}: ${ad} `));
    const runs = `${ad} (${packageId} Install) runs at 2027-01-10T12:00:00.000Z`;

    // Received at 09:00: the first reminder then; within 24 hours every 4 hours, but the last hour starts at 11:00.
    const received = await agent(stepsNotAvailable).runCycle(t('09:00'));
    expect(received.advertisements).toEqual([expect.objectContaining({ advertisementId: ad, decision: expect.objectContaining({ kind: 'scheduled' }) })]);
    expect(told('Reminder')).toEqual([expect.stringContaining(`Reminder: ${runs}; reminder of 2027-01-10T09:00:00.000Z.`)]);
    expect(received.nextEvaluation).toBe('2027-01-10T11:00:00.000Z');
    expect((await agent(stepsNotAvailable).runCycle(t('09:30'))).nextEvaluation).toBe('2027-01-10T11:00:00.000Z');
    expect(told('Reminder')).toHaveLength(1);

    // Woken late: the latest reminder passed is told, not each one missed.
    const late = await agent(stepsNotAvailable).runCycle(t('11:20'));
    expect(told('Reminder').slice(1)).toEqual([expect.stringContaining(`Reminder: ${runs}; reminder of 2027-01-10T11:15:00.000Z.`)]);
    expect(late.nextEvaluation).toBe('2027-01-10T11:30:00.000Z');
    expect(agent(stepsNotAvailable).evaluateNow(t('11:20')).upcoming).toEqual([
      { advertisementId: ad, name: 'Noon', packageId, programName: 'Install', runAt: '2027-01-10T12:00:00.000Z', nextReminder: '2027-01-10T11:30:00.000Z', countdownStart: '2027-01-10T11:50:00.000Z', countdownMinutes: 10 },
    ]);

    const counting = await agent(stepsNotAvailable).runCycle(t('11:50'));
    expect(told('Countdown')).toEqual([expect.stringContaining(`Countdown: ${runs}; the 10-minute countdown started at 2027-01-10T11:50:00.000Z.`)]);
    expect(told('Reminder')).toHaveLength(3);
    expect(counting.nextEvaluation).toBe('2027-01-10T12:00:00.000Z');
    await agent(stepsNotAvailable).runCycle(t('11:55'));
    expect(told('Countdown')).toHaveLength(1);
    expect(agent(stepsNotAvailable).evaluateNow(t('11:55')).upcoming).toEqual([expect.objectContaining({ nextReminder: null, countdownStart: '2027-01-10T11:50:00.000Z' })]);
  });

  it('keeps a mandatory run outside its maintenance window waiting (10060, once) until the window opens; one that ignores windows runs at once', async () => {
    const t = (hhmm: string) => new Date(`2027-01-10T${hhmm}:00.000Z`);
    const resourceId = (await agent().runCycle(t('08:00'))).registration!.resourceId;
    const log = join(temp.path, 'runs.log');
    const packageId = value(await core.client['packages:create']({ name: 'Nightly' })).packageId;
    for (const name of ['Install', 'Urgent']) {
      value(await core.client['programs:create']({ packageId, program: { name, commandLine: `echo ${name} >> '${log}'`, canRunWhen: 'whetherOrNot', runMode: 'adminRights', maximumRunTime: 60 } }));
    }
    // Every night at 22:00 UTC for two hours.
    const nights = encodeScheduleToken({ type: 'interval', start: '2027-01-01T22:00', daySpan: 1, isGmt: true });
    const collectionId = value(await core.client['collections:create']({ name: 'Night shift', rules: [{ kind: 'direct', resourceId }], maintenanceWindows: [{ name: 'Nights', schedule: nights, durationMinutes: 120 }] })).collectionId;
    const advertise = async (programName: string, extra: Partial<AdvertisementCreateInput> = {}) =>
      value(await core.client['advertisements:create']({ advertisementName: programName, packageId, programName, collectionId, includeSubcollections: false, asSoonAsPossible: true, ...extra })).advertisementId;
    const install = await advertise('Install');
    const urgent = await advertise('Urgent', { ignoreMaintenanceWindows: true });
    await untilIdle(site(), ['Offermgr.box']);
    const ran = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');

    const noon = await agent().runCycle(t('12:00'));
    expect(noon.advertisements.find((a) => a.advertisementId === install)?.decision).toMatchObject({ kind: 'maintenanceWindow' });
    expect(noon.actions).toEqual([expect.objectContaining({ advertisementId: urgent, status: 'succeeded', messageIds: [10005, 10008] })]);
    expect(noon.nextEvaluation).toBe('2027-01-10T22:00:00.000Z');
    expect(ran()).toBe('Urgent\n');
    const later = await agent().runCycle(t('21:59'));
    expect(later.actions).toEqual([]);
    expect(await siteMessages([10060])).toEqual([expect.objectContaining({ insertionStrings: [install, '', expect.stringMatching(/maintenance window/), packageId, 'Install'] })]);

    const night = await agent().runCycle(t('22:00'));
    expect(night.actions).toEqual([expect.objectContaining({ advertisementId: install, status: 'succeeded', messageIds: [10005, 10008] })]);
    expect(ran()).toBe('Urgent\nInstall\n');
    expect(await siteMessages([10060])).toHaveLength(1);
  });

  it('runs a recurring assignment at each occurrence of the cycle\'s clock, again or not as its rerun behaviour says', async () => {
    const at = (day: number, hhmm: string) => new Date(`2027-01-${day}T${hhmm}:00.000Z`);
    const resourceId = (await agent().runCycle(at(10, '08:00'))).registration!.resourceId;
    const log = join(temp.path, 'runs.log');
    const packageId = value(await core.client['packages:create']({ name: 'Daily' })).packageId;
    const collectionId = value(await core.client['collections:create']({ name: 'Daily targets', rules: [{ kind: 'direct', resourceId }] })).collectionId;
    // Every day at 09:00 UTC.
    const daily = encodeScheduleToken({ type: 'interval', start: '2027-01-10T09:00', daySpan: 1, isGmt: true });
    const ads = new Map<string, string>();
    for (const [name, rerun] of [['Always', 'always'], ['Never', 'never'], ['IfFailed', 'ifFailed']] as const) {
      value(await core.client['programs:create']({ packageId, program: { name, commandLine: `echo ${name} >> '${log}'`, canRunWhen: 'whetherOrNot', runMode: 'adminRights', maximumRunTime: 60 } }));
      ads.set(value(await core.client['advertisements:create']({ advertisementName: name, packageId, programName: name, collectionId, includeSubcollections: false, assignedSchedule: daily, rerun })).advertisementId, name);
    }
    await untilIdle(site(), ['Offermgr.box']);
    const runs = (report: Awaited<ReturnType<ClientAgent['runCycle']>>) => report.actions.filter((a) => a.status === 'succeeded').map((a) => ads.get(a.advertisementId)).sort();

    const before = await agent().runCycle(at(10, '08:30'));
    expect(before.advertisements.map((a) => a.decision.kind)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    // It wakes for the client agent's 5-minute countdown before the occurrence.
    expect(before.nextEvaluation).toBe('2027-01-10T08:55:00.000Z');
    expect(runs(await agent().runCycle(at(10, '09:00')))).toEqual(['Always', 'IfFailed', 'Never']);
    expect(runs(await agent().runCycle(at(10, '12:00')))).toEqual([]);
    // The next day's occurrence, found late: only the one that always reruns runs again (the others succeeded).
    const next = await agent().runCycle(at(11, '09:30'));
    expect(runs(next)).toEqual(['Always']);
    expect(next.advertisements.filter((a) => a.decision.kind === 'wontRerun').map((a) => ads.get(a.advertisementId)).sort()).toEqual(['IfFailed', 'Never']);
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean).sort()).toEqual(['Always', 'Always', 'IfFailed', 'Never']);
  });

  it('sets aside a status message the site refuses, so it does not hold back the others', async () => {
    await agent().runCycle(new Date());
    const outbox = new StatusOutbox(clientDir());
    const good = outbox.add({ messageId: 10002, severity: 'info', component: 'Software Distribution', insertionStrings: ['A0120000'], attributes: { 401: 'A0120000' } });
    // As an older agent or a hand might have left it: a severity the site does not know.
    const bad = outbox.add({ messageId: 10002, severity: 'fatal' as never, component: 'Software Distribution', insertionStrings: [], attributes: {} }, Date.now() - 60_000);
    const later = outbox.add({ messageId: 10018, severity: 'warning', component: 'Software Distribution', insertionStrings: ['A0120000'], attributes: { 401: 'A0120000' } });
    const cycle = await agent().runCycle(new Date());
    expect(cycle.outbox).toEqual({ sent: 2, remaining: 0 });
    expect(cycle.managementPoint.problem).toBeNull();
    const refused = JSON.parse(readFileSync(join(clientDir(), 'status', 'refused', `${bad.uid}.json`), 'utf8')) as { reason: string; message: { uid: string } };
    expect(refused).toMatchObject({ reason: expect.stringMatching(/severity/), message: { uid: bad.uid } });
    expect((await siteMessages([10002, 10018])).map((m) => m.messageId).sort()).toEqual([10002, 10018]);
    expect([good.uid, later.uid].every((uid) => !existsSync(join(clientDir(), 'status', 'outbox', `${uid}.json`)))).toBe(true);
    expect(readFileSync(join(clientDir(), 'logs', 'policyagent.log'), 'utf8')).toContain(`Status message ${bad.uid} (10002) is refused by the management point and set aside`);
  });

  it('runs a due program from the cache when content location does not answer; without the content in the cache it waits', async () => {
    const first = await agent().runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    const log = join(temp.path, 'runs.log');
    const tool = await distributedAdvertisement(resourceId, 'Tool', { 'install.sh': `echo install >> '${log}'\n`, 'repair.sh': `echo repair >> '${log}'\n` }, 'sh install.sh');
    expect((await agent().runCycle(new Date())).actions).toEqual([expect.objectContaining({ advertisementId: tool.ad, status: 'succeeded' })]);

    // A second program of the same package, assigned later, and a package never downloaded.
    value(await core.client['programs:create']({ packageId: tool.packageId, program: { name: 'Repair', commandLine: 'sh repair.sh', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
    const collectionId = value(await core.client['collections:create']({ name: 'Repairs', rules: [{ kind: 'direct', resourceId }] })).collectionId;
    const repair = value(await core.client['advertisements:create']({ advertisementName: 'Repair now', packageId: tool.packageId, programName: 'Repair', collectionId, includeSubcollections: false, asSoonAsPossible: true, allowFallbackToUnprotectedDps: true })).advertisementId;
    const other = await distributedAdvertisement(resourceId, 'Other', { 'setup.sh': 'exit 0\n' }, 'sh setup.sh');
    proxy.drop.add('content-location');
    const away = await agent().runCycle(new Date());
    const byAd = new Map(away.actions.map((a) => [a.advertisementId, a]));
    expect(byAd.get(repair)).toMatchObject({ status: 'succeeded', messageIds: [10005, 10008] });
    expect(byAd.get(other.ad)).toMatchObject({ status: 'deferred', messageIds: [10060], reason: expect.stringMatching(/did not answer\) and the content of .* is not in the cache/) });
    expect(readFileSync(log, 'utf8')).toBe('install\nrepair\n');
    expect(readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8')).toContain(`${repair}: the management point did not answer; the content of ${tool.packageId} is in the cache`);
    // Policy and status still come through this forwarder: the run's messages reached the site.
    expect((await siteMessages([10008])).map((m) => m.attributes['401']).sort()).toEqual([tool.ad, repair].sort());
  });

  it('tells the site, once each, that a due program waits (10060) and that a download failed and is tried again (10062)', async () => {
    const first = await agent().runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    // Runs only when a user is logged on, and nobody is.
    const { ads } = await advertiseTo(resourceId, [{ name: 'Install' }], { asSoonAsPossible: true });
    const tool = await distributedAdvertisement(resourceId, 'Tool', { 'setup.sh': 'exit 0\n' }, 'sh setup.sh');
    value(await core.client['content-service:set']({ changes: { clientUrl: 'http://127.0.0.1:9' } }));
    const failing = await agent().runCycle(new Date());
    expect(failing.advertisements.find((a) => a.advertisementId === ads[0])?.decision).toMatchObject({ kind: 'waiting', needs: 'user' });
    expect(failing.actions).toEqual([expect.objectContaining({ advertisementId: tool.ad, status: 'deferred', downloadFailed: true, messageIds: [10062] })]);
    const again = await agent().runCycle(new Date());
    expect(again.actions).toEqual([expect.objectContaining({ advertisementId: tool.ad, status: 'deferred', messageIds: [] })]);
    const waiting = await siteMessages([10060]);
    expect(waiting).toEqual([expect.objectContaining({ insertionStrings: [ads[0], '', expect.stringMatching(/runs only when a user is logged on/), expect.any(String), 'Install'] })]);
    expect(await siteMessages([10062])).toEqual([expect.objectContaining({ severity: 'warning', insertionStrings: [tool.ad, '', expect.stringMatching(/The download stopped/), tool.packageId, 'Install'] })]);

    // The site's view of this client, as the console shows it.
    const stateOf = async (advertisementId: string) => value(await core.client['advertisements:client-states']({ advertisementId })).clients[0]?.state;
    expect(await stateOf(ads[0]!)).toBe('waiting');
    expect(await stateOf(tool.ad)).toBe('retrying');

    value(await core.client['content-service:set']({ changes: { clientUrl: contentUrl } }));
    const ran = await agent().runCycle(new Date());
    expect(ran.actions).toEqual([expect.objectContaining({ advertisementId: tool.ad, status: 'succeeded', messageIds: [10061, 10005, 10008] })]);
    expect(await siteMessages([10060])).toHaveLength(1);
    expect(await stateOf(tool.ad)).toBe('succeeded');
  });

  it('tries a run that failed with an exit code worth another try again after the interval (10063), then counts it failed (10006)', async () => {
    const retrying = new ClientAgent({ clientDir: clientDir(), facts: () => facts, timeoutMs: 5_000, retry: { count: 2, intervalMs: 600_000 } });
    const t0 = Date.now();
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const first = await retrying.runCycle(at(0));
    // Exit code 5 (access denied) is one of ExecutionFailureRetryErrorCodes.
    const busy = await distributedAdvertisement(first.registration!.resourceId, 'Busy', { 'busy.sh': 'exit 5\n' }, 'sh busy.sh');
    const one = await retrying.runCycle(at(1));
    expect(one.actions).toEqual([expect.objectContaining({ advertisementId: busy.ad, status: 'retrying', messageIds: [10061, 10005, 10063] })]);
    expect(one.nextEvaluation).toBe(at(11).toISOString());
    expect(new RunHistory(clientDir()).all()).toEqual([]);
    expect((await retrying.runCycle(at(5))).actions).toEqual([]);
    expect((await retrying.runCycle(at(12))).actions).toEqual([expect.objectContaining({ status: 'retrying', messageIds: [10005, 10063] })]);
    const last = await retrying.runCycle(at(23));
    expect(last.actions).toEqual([expect.objectContaining({ status: 'failed', messageIds: [10005, 10006] })]);
    expect(new RunHistory(clientDir()).all()).toEqual([expect.objectContaining({ advertisementId: busy.ad, result: 'failure' })]);
    expect((await retrying.runCycle(at(34))).actions).toEqual([]);
    expect(await siteMessages([10063])).toEqual([
      expect.objectContaining({ severity: 'warning', insertionStrings: [busy.ad, '5', '', busy.packageId, 'Install'] }),
      expect.objectContaining({ insertionStrings: [busy.ad, '5', '', busy.packageId, 'Install'] }),
    ]);
    expect(value(await core.client['advertisements:client-states']({ advertisementId: busy.ad })).clients[0]?.state).toBe('failed');
  });
  it("carries out each program's After running at the end of the cycle, after its status messages went: a restart once for all, a logoff only with a user, none after a failure", async () => {
    const restarts = join(temp.path, 'restarts.log');
    const logoffs = join(temp.path, 'logoffs.log');
    const note = (file: string) => [process.execPath, '-e', `require('fs').appendFileSync(${JSON.stringify(file)}, 'x')`];
    writeClientConfig(clientDir(), { managementPoint: proxy.url, siteCode: 'A01', session: { user: null }, restartCommand: note(restarts), logoffCommand: note(logoffs) });
    const bootedAt = new Date(Date.now() - 3_600_000);
    const machine = { ...facts, bootedAt };
    const first = await agent(undefined, machine).runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    const packageId = value(await core.client['packages:create']({ name: 'Settings' })).packageId;
    const collectionId = value(await core.client['collections:create']({ name: 'Settings targets', rules: [{ kind: 'direct', resourceId }] })).collectionId;
    const programs = [
      ['Restart', 'exit 0', 'configMgrRestarts'],
      ['Restart too', 'exit 0', 'configMgrRestarts'],
      ['Failed', 'exit 7', 'configMgrRestarts'],
      ['Log off', 'exit 0', 'configMgrLogsOff'],
    ] as const;
    const ads: Record<string, string> = {};
    for (const [name, commandLine, afterRunning] of programs) {
      value(await core.client['programs:create']({ packageId, program: { name, commandLine, afterRunning, canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
      ads[name] = value(await core.client['advertisements:create']({ advertisementName: name, packageId, programName: name, collectionId, includeSubcollections: false, asSoonAsPossible: true })).advertisementId;
    }
    await untilIdle(site(), ['Offermgr.box']);

    const ran = await agent(undefined, machine).runCycle(new Date());
    expect(ran.actions.map((a) => [a.programName, a.status])).toEqual(expect.arrayContaining([['Restart', 'succeeded'], ['Restart too', 'succeeded'], ['Failed', 'failed'], ['Log off', 'succeeded']]));
    // A restart wins over the logoff, once for both programs that asked, and after the messages were sent.
    expect(ran.afterRunning).toEqual({ action: 'restart', advertisementIds: expect.arrayContaining([ads.Restart, ads['Restart too']]), command: note(restarts), problem: null });
    expect(ran.afterRunning!.advertisementIds).toHaveLength(2);
    expect(ran.outbox.remaining).toBe(0);
    await expect.poll(() => (existsSync(restarts) ? readFileSync(restarts, 'utf8') : ''), { timeout: 10_000, interval: 50 }).toBe('x');
    expect(existsSync(logoffs)).toBe(false);
    expect(ran.restartPending).toEqual({ since: expect.any(String), advertisementIds: [ads.Restart, ads['Restart too']] });

    // Still owed until the computer boots after it; then done, and nothing runs again.
    expect((await agent(undefined, machine).runCycle(new Date())).restartPending).not.toBeNull();
    const rebooted = await agent(undefined, { ...machine, bootedAt: new Date(Date.now() + 120_000) }).runCycle(new Date(Date.now() + 180_000));
    expect(rebooted.restartPending).toBeNull();
    expect(rebooted.afterRunning).toBeNull();
    expect(readFileSync(restarts, 'utf8')).toBe('x');
  });

  it('logs a user off for "ConfigMgr logs user off" when one is logged on, and says so when no command is set', async () => {
    const logoffs = join(temp.path, 'logoffs.log');
    writeClientConfig(clientDir(), { managementPoint: proxy.url, siteCode: 'A01', session: { user: 'CONTOSO\\ann' }, logoffCommand: [process.execPath, '-e', `require('fs').appendFileSync(${JSON.stringify(logoffs)}, 'x')`] });
    const withUser: MachineFacts = { ...facts, session: { kind: 'user', user: 'CONTOSO\\ann' } };
    const first = await agent(undefined, withUser).runCycle(new Date());
    const resourceId = first.registration!.resourceId;
    const packageId = value(await core.client['packages:create']({ name: 'Settings' })).packageId;
    const collectionId = value(await core.client['collections:create']({ name: 'Settings targets', rules: [{ kind: 'direct', resourceId }] })).collectionId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Log off', commandLine: 'exit 0', afterRunning: 'configMgrLogsOff', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
    value(await core.client['programs:create']({ packageId, program: { name: 'Restart', commandLine: 'exit 0', afterRunning: 'configMgrRestarts', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
    const logoff = value(await core.client['advertisements:create']({ advertisementName: 'Log off', packageId, programName: 'Log off', collectionId, includeSubcollections: false, asSoonAsPossible: true })).advertisementId;
    await untilIdle(site(), ['Offermgr.box']);
    const ran = await agent(undefined, withUser).runCycle(new Date());
    expect(ran.afterRunning).toEqual({ action: 'logoff', advertisementIds: [logoff], command: expect.any(Array), problem: null });
    await expect.poll(() => (existsSync(logoffs) ? readFileSync(logoffs, 'utf8') : ''), { timeout: 10_000, interval: 50 }).toBe('x');
    expect(ran.restartPending).toBeNull();

    // No restart command here (not Windows): the restart is only kept pending, and the log says why.
    const restart = value(await core.client['advertisements:create']({ advertisementName: 'Restart', packageId, programName: 'Restart', collectionId, includeSubcollections: false, asSoonAsPossible: true })).advertisementId;
    await untilIdle(site(), ['Offermgr.box']);
    const next = await agent(undefined, withUser).runCycle(new Date());
    expect(next.afterRunning).toEqual({ action: 'restart', advertisementIds: [restart], command: null, problem: expect.stringMatching(/No restartCommand is set in client\.json/) });
    expect(next.restartPending?.advertisementIds).toEqual([restart]);
    expect(readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8')).toMatch(/asked the agent to restart the computer \("ConfigMgr restarts computer"\): No restartCommand is set/);
  });
});
