import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientAgent } from '../../client/agent/client-agent';
import type { MachineFacts } from '../../client/agent/machine-facts';
import { RunHistory } from '../../client/agent/run-history';
import { writeClientConfig } from '../../client/config/client-config';
import type { ComponentRunner, Core } from '../../core';
import { value } from '../helpers/api-result';
import { startClientSite, windows7 } from '../helpers/client-site';
import { writeTree } from '../helpers/content-tree';
import { startCuttingProxy } from '../helpers/cutting-proxy';
import { untilIdle } from '../helpers/offer-state';
import { runCli } from '../helpers/run-cli';
import { seededRandom } from '../helpers/seeded-random';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The whole software distribution path on one machine: a real site (SMS_MP_CONTROL_MANAGER,
// Offer Manager, Distribution Manager and the DPs' content service) and real client agents, each
// with its own client folder and machine, over HTTP on the loopback, running real shell scripts.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner;
let mpUrl: string;
let contentUrl: string;
const site = () => join(temp.path, 'site');
const mifDir = () => join(temp.path, 'mif');

/** A client agent with its own folder, as `courier-client` makes it, for the machine `facts`. */
function client(facts: MachineFacts): ClientAgent {
  const clientDir = join(temp.path, `client-${facts.name}`);
  mkdirSync(clientDir, { recursive: true });
  writeClientConfig(clientDir, { managementPoint: mpUrl, siteCode: 'A01', session: { user: null }, mifFolders: [mifDir()] });
  return new ClientAgent({ clientDir, facts: () => facts, timeoutMs: 5_000 });
}

beforeEach(async () => {
  temp = makeTempDir('courier-e2e-distribution-');
  mkdirSync(mifDir());
  ({ core, runner, mpUrl, contentUrl } = await startClientSite(site()));
  value(await core.client['content-service:set']({ changes: { clientUrl: contentUrl } }));
});
afterEach(async () => {
  await runner.stop();
  core.close();
  temp.remove();
});

async function siteMessages(messageIds: number[]) {
  return value(await core.client['status:messages']({ messageIds })).messages;
}

/** A status MIF as an installer leaves it, naming this product. */
function statusMif(manufacturer: string, product: string, version: string, status = 'Success'): string {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', 'mif', 'success-crlf.mif'), 'utf8')
    .replace('"Contoso"', `"${manufacturer}"`)
    .replace('"Widget Pro"', `"${product}"`)
    .replace('"2.1"', `"${version}"`)
    .replace('"Success"', `"${status}"`);
}

async function installedOn(packageId: string, dps: string[]) {
  await untilIdle(site());
  await expect
    .poll(async () => value(await core.client['packages:status']({ packageId })).distributionPoints.map((dp) => dp.state), { timeout: 30_000, interval: 50 })
    .toEqual(dps.map(() => 'installed'));
}

describe('software distribution end to end', { timeout: 60_000 }, () => {
  it('three clients: the one in the protected DP boundary downloads, runs and reports its MIF; one outside every boundary waits; one on another platform refuses', async () => {
    const a = windows7('WKS-A', '10.1.2.3');
    const b = windows7('WKS-B', '10.9.0.5');
    const c: MachineFacts = { ...windows7('WKS-C', '10.1.2.4'), machine: { platform: 'I386', osName: 'Win NT', osVersion: '5.1.2600' } };
    const ids = new Map<string, number>();
    for (const facts of [a, b, c]) ids.set(facts.name, (await client(facts).runCycle(new Date())).registration!.resourceId);

    value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.1.0.0/16' }));
    value(await core.client['site-boundaries:create']({ kind: 'ipRange', value: '10.2.0.1-10.2.0.200', connection: 'slow' }));
    writeTree(join(temp.path, 'vol-d'), {});
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'vol-d') }], bitsEnabled: true, protected: true, boundaries: [{ kind: 'ipSubnet', value: '10.1.0.0/16' }] }));

    const target = join(temp.path, 'installed.txt');
    // The MIF names the package's MIF name, publisher and version, which differ from its name, publisher and version.
    // A newer MIF of another file name says Failed for the same product: only the package's MIF file name counts.
    writeTree(join(temp.path, 'source'), {
      'install.sh': `echo installed >> '${target}'\ncp widget.mif '${join(mifDir(), 'widget.mif')}'\nsleep 0.05\ncp other.mif '${join(mifDir(), 'other.mif')}'\nexit 0\n`,
      'widget.mif': statusMif('Contoso Ltd', 'Widget Suite', '2.1.0'),
      'other.mif': statusMif('Contoso Ltd', 'Widget Suite', '2.1.0', 'Failed'),
    });
    const packageId = value(
      await core.client['packages:create']({ name: 'Widget', publisher: 'Contoso', version: '2.1', mifMatching: 'customFields', mifFileName: 'widget', mifName: 'Widget Suite', mifPublisher: 'Contoso Ltd', mifVersion: '2.1.0', containsSourceFiles: true, sourceDirectory: join(temp.path, 'source') }),
    ).packageId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'sh install.sh', canRunWhen: 'whetherOrNot', runMode: 'adminRights', anyPlatform: false, platforms: ['win7-x64'] } }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    await installedOn(packageId, ['DP01']);
    const collectionId = value(await core.client['collections:create']({ name: 'Three', rules: [...ids.values()].map((resourceId) => ({ kind: 'direct' as const, resourceId })) })).collectionId;
    const ad = value(
      await core.client['advertisements:create']({ advertisementName: 'Widget now', packageId, programName: 'Install', collectionId, includeSubcollections: false, asSoonAsPossible: true, allowFallbackToUnprotectedDps: false }),
    ).advertisementId;
    await untilIdle(site());
    for (const resource of ids.values()) {
      await expect.poll(async () => value(await core.client['policy:show']({ resource })).materialized.advertisementIds, { timeout: 30_000, interval: 50 }).toContain(ad);
    }

    const ranA = await client(a).runCycle(new Date());
    expect(ranA.reported).toEqual([{ advertisementId: ad, messageId: 10002, reason: null }]);
    expect(ranA.actions).toEqual([expect.objectContaining({ advertisementId: ad, status: 'succeeded', messageIds: [10061, 10005, 10009] })]);
    expect(readFileSync(target, 'utf8')).toBe('installed\n');

    const waitedB = await client(b).runCycle(new Date());
    expect(waitedB.reported).toEqual([{ advertisementId: ad, messageId: 10002, reason: null }]);
    expect(waitedB.actions).toEqual([expect.objectContaining({ advertisementId: ad, status: 'deferred', messageIds: [10060], reason: expect.stringMatching(/in no site boundary and fallback is not allowed: no distribution point is offered/) })]);

    const refusedC = await client(c).runCycle(new Date());
    expect(refusedC.reported).toEqual([{ advertisementId: ad, messageId: 10018, reason: expect.stringMatching(/runs only on All x64 Windows 7; this client is Win NT 5\.1\.2600 on I386/) }]);
    expect(refusedC.actions).toEqual([]);

    // A second cycle each: nothing runs again and nothing is said twice.
    for (const facts of [a, b, c]) expect((await client(facts).runCycle(new Date())).reported).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe('installed\n');
    expect(new RunHistory(join(temp.path, 'client-WKS-A')).all()).toEqual([expect.objectContaining({ advertisementId: ad, result: 'success' })]);
    expect(new RunHistory(join(temp.path, 'client-WKS-B')).all()).toEqual([]);

    const byMachine = (await siteMessages([10002, 10005, 10008, 10009, 10018, 10060, 10061])).map((m) => `${m.machine} ${m.messageId}`).sort();
    expect(byMachine).toEqual(['WKS-A 10002', 'WKS-A 10005', 'WKS-A 10009', 'WKS-A 10061', 'WKS-B 10002', 'WKS-B 10060', 'WKS-C 10018']);
    const waiting = (await siteMessages([10060]))[0];
    expect(waiting).toMatchObject({ insertionStrings: [ad, '', expect.stringMatching(/no distribution point is offered/), packageId, 'Install'] });

    const states = value(await core.client['advertisements:client-states']({ advertisementId: ad }));
    expect(states.counts).toMatchObject({ succeeded: 1, waiting: 1, rejected: 1, failed: 0, accepted: 0, running: 0 });
    expect(states.clients.map((s) => [s.name, s.state, s.messageId])).toEqual([
      ['WKS-A', 'succeeded', 10009],
      ['WKS-B', 'waiting', 10060],
      ['WKS-C', 'rejected', 10018],
    ]);
    const cli = await runCli(['--data-dir', site(), 'advertisement', 'clients', ad, '--json']);
    expect(cli.code).toBe(0);
    const shown = JSON.parse(cli.stdout) as typeof states;
    expect(shown.counts).toEqual(states.counts);
    expect(shown.clients.map((s) => [s.name, s.state])).toEqual(states.clients.map((s) => [s.name, s.state]));
  });

  it('resumes a download the network cut part way on the next cycle, from where it stopped, and runs the program once', async () => {
    const proxy = await startCuttingProxy(contentUrl);
    try {
      value(await core.client['content-service:set']({ changes: { clientUrl: proxy.url } }));
      const a = windows7('WKS-A', '10.1.2.3');
      const resourceId = (await client(a).runCycle(new Date())).registration!.resourceId;
      const log = join(temp.path, 'runs.log');
      const payload = seededRandom(7).bytes(2 * 1024 * 1024);
      const { packageId, ad } = await distributed(resourceId, { 'install.sh': `echo ran >> '${log}'\n`, 'payload.bin': payload }, [['DP01', 'D']]);

      proxy.cutAfter(900 * 1024);
      const cut = await client(a).runCycle(new Date());
      expect(cut.actions).toEqual([expect.objectContaining({ advertisementId: ad, status: 'deferred', downloadFailed: true, messageIds: [10061, 10062] })]);
      expect(() => readFileSync(log)).toThrow();

      proxy.restore();
      proxy.received = 0;
      const resumed = await client(a).runCycle(new Date());
      expect(resumed.actions).toEqual([expect.objectContaining({ advertisementId: ad, status: 'succeeded', messageIds: [10061, 10005, 10008] })]);
      // The manifest and the rest of the file: less than the file, so the bytes on disk were kept and continued.
      expect(proxy.received).toBeGreaterThan(0);
      expect(proxy.received).toBeLessThan(payload.length);
      const cached = readFileSync(join(temp.path, 'client-WKS-A', 'cache', `${packageId}.1`, 'payload.bin'));
      expect(createHash('sha256').update(cached).digest('hex')).toBe(createHash('sha256').update(payload).digest('hex'));
      expect(readFileSync(log, 'utf8')).toBe('ran\n');
      expect((await client(a).runCycle(new Date())).actions).toEqual([]);
      expect(readFileSync(log, 'utf8')).toBe('ran\n');
      expect((await siteMessages([10062, 10005, 10008])).map((m) => m.messageId).sort()).toEqual([10005, 10008, 10062]);
    } finally {
      await proxy.close();
    }
  });

  it('does not run content a DP serves with other bytes than its manifest names, and takes it from the other DP', async () => {
    const a = windows7('WKS-A', '10.1.2.3');
    const resourceId = (await client(a).runCycle(new Date())).registration!.resourceId;
    const log = join(temp.path, 'runs.log');
    const data = 'the right bytes\n'.repeat(64);
    const { packageId, ad } = await distributed(resourceId, { 'install.sh': `cat data.txt >> '${log}'\n`, 'data.txt': data }, [
      ['DP01', 'D'],
      ['DP02', 'E'],
    ]);
    // The DP the client tries first: its copy gets other bytes of the same size and time, so the service still serves it.
    const first = value(await core.client['content:locate']({ client: 'WKS-A', packageId, advertisementId: ad })).dps;
    expect(first).toHaveLength(2);
    const letter = /SMS_DP_SMSPKG([A-Z])\$/.exec(first[0]!.httpUrl!)![1]!;
    const onDisk = join(temp.path, `vol-${letter.toLowerCase()}`, `SMSPKG${letter}$`, packageId, 'data.txt');
    const before = statSync(onDisk);
    writeFileSync(onDisk, 'X'.repeat(data.length));
    utimesSync(onDisk, before.atime, before.mtime);

    const ran = await client(a).runCycle(new Date());
    expect(ran.actions).toEqual([expect.objectContaining({ advertisementId: ad, status: 'succeeded', messageIds: [10061, 10064, 10005, 10008] })]);
    expect(readFileSync(log, 'utf8')).toBe(data);
    // The site hears which DP's copy is damaged, a warning that leaves the client's state alone.
    const damaged = await siteMessages([10064]);
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatchObject({ severity: 'warning', machine: 'WKS-A' });
    expect(damaged[0]!.insertionStrings.slice(0, 2)).toEqual([ad, first[0]!.name]);
    expect(damaged[0]!.insertionStrings[2]).toMatch(/^data\.txt: the bytes received do not hash to the manifest's SHA-256/);
    expect(damaged[0]!.insertionStrings[3]).toBe(packageId);
    expect(value(await core.client['advertisements:client-states']({ advertisementId: ad })).clients.map((c) => c.state)).toEqual(['succeeded']);
    expect(readFileSync(join(temp.path, 'client-WKS-A', 'cache', `${packageId}.1`, 'data.txt'), 'utf8')).toBe(data);
    const cas = readFileSync(join(temp.path, 'client-WKS-A', 'logs', 'cas.log'), 'utf8');
    expect(cas).toMatch(/data\.txt from .*SMSPKG.\$.* failed: .*do not hash to the manifest's SHA-256/);
  });
});

/** A package with these files on these DPs (name, volume letter), one program advertised as soon as possible to the resource, in a fast site boundary. */
async function distributed(resourceId: number, files: Record<string, string | Uint8Array>, dps: [string, string][]): Promise<{ packageId: string; ad: string }> {
  value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.1.0.0/16' }));
  for (const [name, letter] of dps) {
    const path = join(temp.path, `vol-${letter.toLowerCase()}`);
    writeTree(path, {});
    value(await core.client['distribution-points:create']({ name, volumes: [{ letter, path }], bitsEnabled: true }));
  }
  writeTree(join(temp.path, 'source'), files);
  const packageId = value(await core.client['packages:create']({ name: 'Tool', containsSourceFiles: true, sourceDirectory: join(temp.path, 'source') })).packageId;
  value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'sh install.sh', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
  value(await core.client['packages:distribute']({ packageId, distributionPoints: dps.map(([name]) => name), groups: [] }));
  await installedOn(packageId, dps.map(([name]) => name));
  const collectionId = value(await core.client['collections:create']({ name: 'Target', rules: [{ kind: 'direct', resourceId }] })).collectionId;
  const ad = value(
    await core.client['advertisements:create']({ advertisementName: 'Tool now', packageId, programName: 'Install', collectionId, includeSubcollections: false, asSoonAsPossible: true, allowFallbackToUnprotectedDps: false }),
  ).advertisementId;
  await untilIdle(site());
  await expect.poll(async () => value(await core.client['policy:show']({ resource: resourceId })).materialized.advertisementIds, { timeout: 30_000, interval: 50 }).toContain(ad);
  return { packageId, ad };
}
