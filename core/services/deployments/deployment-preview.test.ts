import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxDeploymentPreviewMembers, type DeploymentPreviewDto, type ResourceInput } from '../../api';
import { createCore, type ComponentRunner, type Core } from '../../index';
import { openDatabase, type SqliteDatabase } from '../../db/connection';
import { AdvertisementRepository } from '../../db/repositories/advertisement-repository';
import { ClientAgentRepository } from '../../db/repositories/client-agent-repository';
import { CollectionRepository } from '../../db/repositories/collection-repository';
import { DeploymentPreviewRepository } from '../../db/repositories/deployment-preview-repository';
import { DistributionPointRepository } from '../../db/repositories/distribution-point-repository';
import { PackageDpRepository } from '../../db/repositories/package-dp-repository';
import { PackageRepository } from '../../db/repositories/package-repository';
import { ProgramRepository } from '../../db/repositories/program-repository';
import { SiteBoundaryRepository } from '../../db/repositories/site-boundary-repository';
import { encodeScheduleToken } from '../../formats/schedule-token';
import { value } from '../../../test/helpers/api-result';
import { startInlineDistributionManager } from '../../../test/helpers/inline-distribution-manager';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { DeploymentPreviewService } from './deployment-preview';

// The dry run of an advertisement against a real site: resources, collections, boundaries and
// DPs made through the contract, Distribution Manager copying for real where a DP must hold the
// package, and the answer compared with what the pipelines would do.

let temp: TempDir;
let core: Core;
let runners: ComponentRunner[] = [];
let second: SqliteDatabase | null = null;
const site = () => join(temp.path, 'site');
/** Wednesday 08:00 UTC. */
const now = new Date('2026-12-02T08:00:00Z');
const sourceBytes = 5000 + 1234;

beforeEach(async () => {
  temp = makeTempDir('courier-deployment-preview-');
  core = createCore({ dataDir: site(), now: () => now });
  const source = join(temp.path, 'source');
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, 'setup.exe'), Buffer.alloc(5000, 1));
  writeFileSync(join(source, 'setup.ini'), Buffer.alloc(1234, 2));
  value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source })); // A0100001
  value(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Install', commandLine: 'setup.exe /q', maximumRunTime: 60 } }));
  value(
    await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Win7 x64 only', commandLine: 'setup.exe /q', anyPlatform: false, platforms: ['win7-x64'] } }),
  );
});
afterEach(async () => {
  for (const runner of runners) await runner.stop();
  runners = [];
  second?.close();
  second = null;
  core.close();
  temp.remove();
});

async function system(name: string, fields: Partial<Extract<ResourceInput, { resourceType: 'system' }>> = {}): Promise<number> {
  return value(await core.client['resources:create']({ resourceType: 'system', name, ...fields })).resourceId;
}

async function collection(name: string, resourceIds: readonly number[], more: Partial<Parameters<Core['client']['collections:create']>[0]> = {}): Promise<string> {
  return value(await core.client['collections:create']({ name, rules: resourceIds.map((resourceId) => ({ kind: 'direct' as const, resourceId })), ...more })).collectionId;
}

async function dp(name: string, more: { protected?: boolean; boundaries?: { kind: 'ipSubnet' | 'ipRange' | 'adSite'; value: string }[] } = {}): Promise<void> {
  const path = join(temp.path, 'volumes', name);
  mkdirSync(path, { recursive: true });
  value(await core.client['distribution-points:create']({ name, volumes: [{ letter: 'D', path }], ...more }));
}

async function advertise(collectionId: string, more: Partial<Parameters<Core['client']['advertisements:create']>[0]> = {}): Promise<string> {
  return value(await core.client['advertisements:create']({ advertisementName: 'Viewer', packageId: 'A0100001', programName: 'Install', collectionId, ...more })).advertisementId;
}

async function preview(advertisementId: string): Promise<DeploymentPreviewDto> {
  return value(await core.client['advertisements:preview']({ advertisementId }));
}

/** The service itself on a second connection to the site's database, for what the channel does not take (`addingDps`). */
function service(): DeploymentPreviewService {
  second ??= openDatabase(join(site(), 'courier.db'));
  const db = second;
  return new DeploymentPreviewService({
    advertisements: new AdvertisementRepository(db),
    packages: new PackageRepository(db),
    programs: new ProgramRepository(db),
    collections: new CollectionRepository(db),
    packageDps: new PackageDpRepository(db),
    distributionPoints: new DistributionPointRepository(db),
    boundaries: new SiteBoundaryRepository(db),
    clientAgents: new ClientAgentRepository(db),
    preview: new DeploymentPreviewRepository(db),
    now: () => now,
  });
}

async function copiedTo(names: string[]): Promise<void> {
  value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: names, groups: [] }));
  runners.push(startInlineDistributionManager(site(), () => new Date()));
  await expect
    .poll(async () => value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints.filter((d) => names.includes(d.name)).map((d) => d.state).join(), {
      timeout: 30_000,
      interval: 50,
    })
    .toBe(names.map(() => 'installed').join());
  await runners.pop()!.stop();
}

describe('the dry run of an advertisement', { timeout: 60_000 }, () => {
  it('counts the members of the collection and, when the advertisement says so, of its subcollections, users told apart', async () => {
    await dp('DP01');
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'], groups: [] }));
    const pc1 = await system('PC1');
    const pc2 = await system('PC2');
    const user = value(await core.client['resources:create']({ resourceType: 'user', name: 'CONTOSO\\ann' })).resourceId;
    const parent = await collection('Sales', [pc1]);
    await collection('Sales laptops', [pc2, user, pc1], { parentCollectionId: parent });

    const withSubs = await preview(await advertise(parent));
    expect(withSubs.collection).toEqual({ collectionId: parent, name: 'Sales', includeSubcollections: true });
    expect(withSubs.counts.members).toBe(3);
    expect(withSubs.members.map((m) => [m.name, m.resourceType])).toEqual([['CONTOSO\\ann', 'user'], ['PC1', 'system'], ['PC2', 'system']]);
    expect(withSubs.members[0]).toMatchObject({ platform: null, excludedBy: null, contentFrom: null, via: null });
    expect(withSubs.notices).toContain('1 member is a user or user group: their computers decide, where they log on, whether the program can run and which distribution point serves it.');

    const own = await preview(await advertise(parent, { includeSubcollections: false }));
    expect(own.counts.members).toBe(1);
    expect(own.members.map((m) => m.name)).toEqual(['PC1']);
  });

  it("excludes the systems the program's platforms leave out, by the client agent's rule", async () => {
    await dp('DP01');
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'], groups: [] }));
    const ids = [
      await system('XP1', { operatingSystem: 'Microsoft Windows NT Workstation 5.1', platform: 'I386' }),
      await system('XP2', { operatingSystem: 'Microsoft Windows NT Workstation 5.1', platform: 'I386' }),
      await system('W7X64', { operatingSystem: 'Microsoft Windows NT Workstation 6.1', platform: 'x64' }),
      await system('W7X86', { operatingSystem: 'Microsoft Windows NT Workstation 6.1', platform: 'I386' }),
      await system('NEW1'),
    ];
    const target = await collection('Mixed', ids);
    const answer = await preview(await advertise(target, { programName: 'Win7 x64 only' }));
    expect(answer.counts).toMatchObject({ members: 5, excludedByPlatform: 3 });
    const byName = Object.fromEntries(answer.members.map((m) => [m.name, m]));
    expect(byName.XP1?.excludedBy).toBe('The program runs only on All x64 Windows 7; this client is Win NT 5.1 on I386.');
    expect(byName.W7X86?.excludedBy).toMatch(/runs only on All x64 Windows 7; this client is Win NT 6\.1 on I386/);
    expect(byName.W7X64).toMatchObject({ excludedBy: null, platform: 'Microsoft Windows NT Workstation 6.1 (x64)' });
    expect(byName.NEW1).toMatchObject({ excludedBy: null, platform: null });
    expect(answer.notices).toContain("1 system has no operating system or platform on record: the client agent checks the program's platforms there when it runs.");

    // Any platform: nobody is excluded.
    const any = await preview(await advertise(target));
    expect(any.counts.excludedByPlatform).toBe(0);
  });

  it('finds each member its DP through protected and site boundaries, and says which unreachable ones fallback would rescue', async () => {
    value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.1.0.0/16', connection: 'fast' }));
    value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.9.0.0/16', connection: 'slow' }));
    await dp('DPOPEN');
    await dp('DPPROT', { protected: true, boundaries: [{ kind: 'ipSubnet', value: '10.2.0.0/24' }, { kind: 'adSite', value: 'Branch' }] });
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DPOPEN', 'DPPROT'], groups: [] }));
    const ids = [
      await system('INSIDE', { ipAddresses: ['10.1.4.5'] }),
      await system('BRANCH', { ipAddresses: ['10.2.0.7'] }),
      await system('BYSITE', { ipAddresses: ['172.16.0.1'], adSiteName: 'branch' }),
      await system('HOME1', { ipAddresses: ['192.168.1.10'] }),
      await system('HOME2', { ipAddresses: ['fe80::1'] }),
      await system('SLOW', { ipAddresses: ['10.9.0.3'] }),
    ];
    const target = await collection('Everywhere', ids);
    const advertisementId = await advertise(target);
    const answer = await preview(advertisementId);
    const where = Object.fromEntries(answer.members.map((m) => [m.name, [m.contentFrom, m.via]]));
    expect(where).toEqual({
      BRANCH: ['DPPROT', 'protected'],
      BYSITE: ['DPPROT', 'protected'],
      HOME1: [null, null],
      HOME2: [null, null],
      INSIDE: ['DPOPEN', 'siteBoundary'],
      // A slow boundary and "do not run over a slow network": no DP, and fallback would not change it.
      SLOW: [null, null],
    });
    expect(answer.counts).toMatchObject({ members: 6, unreachable: 3, rescuedByFallback: 2 });
    expect(answer.notices).toContain('2 of the 3 members no distribution point reaches would be served if the advertisement allowed fallback to unprotected distribution points.');

    // The same answer content:locate gives one client, once the DPs hold the package.
    value(await core.client['advertisements:update']({ advertisementId, changes: { allowFallbackToUnprotectedDps: true, slowNetwork: 'download' } }));
    const allowed = await preview(advertisementId);
    expect(Object.fromEntries(allowed.members.map((m) => [m.name, m.via]))).toMatchObject({ HOME1: 'fallback', HOME2: 'fallback', SLOW: 'siteBoundary' });
    expect(allowed.counts).toMatchObject({ unreachable: 0, rescuedByFallback: 0 });
  });

  it('lists the DPs that have the package, are getting it or are added, with the bytes each will receive', async () => {
    for (const name of ['DP01', 'DP02', 'DP03']) await dp(name);
    await copiedTo(['DP01']);
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP02'], groups: [] }));
    const pc = await system('PC1');
    const advertisementId = await advertise(await collection('One', [pc]));

    const answer = await preview(advertisementId);
    expect(answer).toMatchObject({ advertisementId, packageId: 'A0100001', sourceVersion: 1, sourceFiles: 2, sourceBytes, sourceSize: 'copied' });
    expect(answer.distributionPoints).toEqual([
      { name: 'DP01', state: 'has', bytesToSend: 0, sourceVersion: 1, recordState: 'installed' },
      { name: 'DP02', state: 'pending', bytesToSend: sourceBytes, sourceVersion: null, recordState: 'installPending' },
    ]);
    const plan = service().ofAdvertisement(advertisementId, { addingDps: ['dp03'] });
    expect(plan.distributionPoints.map((d) => [d.name, d.state, d.bytesToSend])).toEqual([['DP01', 'has', 0], ['DP02', 'pending', sourceBytes], ['DP03', 'adding', sourceBytes]]);
    expect(service().ofProgram('A0100001', 'install', { addingDps: ['DP03'] })).toMatchObject({ advertisementId: null, collection: null, programName: 'Install', counts: { members: 0 }, members: [], mandatoryAt: null });

    // A new source version: every DP gets it, and no copy of it says its size yet.
    value(await core.client['packages:update-dps']({ packageId: 'A0100001' }));
    const unknown = service().ofAdvertisement(advertisementId);
    expect(unknown).toMatchObject({ sourceVersion: 2, sourceFiles: null, sourceBytes: null, sourceSize: 'unknown' });
    expect(unknown.distributionPoints.map((d) => [d.name, d.state, d.bytesToSend, d.sourceVersion])).toEqual([['DP01', 'pending', null, 1], ['DP02', 'pending', null, null]]);
    expect(unknown.notices).toContain('The size of source version 2 of A0100001 is not known until it is measured or copied to a distribution point: the bytes to send are unknown.');
    // The channel measures the source first, as packages:source-size does.
    const measured = await preview(advertisementId);
    expect(measured).toMatchObject({ sourceFiles: 2, sourceBytes, sourceSize: 'measured' });
    expect(measured.distributionPoints.map((d) => d.bytesToSend)).toEqual([sourceBytes, sourceBytes]);
  });

  it('gives the assigned time and the first run a maintenance window allows after it', async () => {
    await dp('DP01');
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'], groups: [] }));
    const pcs = [await system('PC1'), await system('PC2'), await system('PC3')];
    const user = value(await core.client['resources:create']({ resourceType: 'user', name: 'CONTOSO\\bob' })).resourceId;
    const target = await collection('Pilot', [...pcs, user]);
    // Nightly 22:00 UTC for two hours; the program's maximum run time is 60 minutes.
    const nightly = encodeScheduleToken({ type: 'interval', start: '2026-11-01T22:00', daySpan: 1, isGmt: true, minuteDuration: 0 });
    await collection('Nightly', [pcs[0]!, pcs[1]!, user], { maintenanceWindows: [{ name: 'Night', schedule: nightly, durationMinutes: 120 }] });
    // 23:30 UTC for 45 minutes: never room for 60.
    const short = encodeScheduleToken({ type: 'interval', start: '2026-11-01T23:30', daySpan: 1, isGmt: true });
    await collection('Short', [pcs[2]!], { maintenanceWindows: [{ name: 'Short', schedule: short, durationMinutes: 45 }] });
    const assigned = encodeScheduleToken({ type: 'nonRecurring', start: '2026-12-03T10:00', isGmt: true });
    const advertisementId = await advertise(target, { presentTime: '2026-12-02T07:00', presentTimeIsGmt: true, expirationTimeEnabled: true, expirationTime: '2026-12-31T00:00', expirationTimeIsGmt: true, assignedSchedule: assigned });

    const answer = await preview(advertisementId);
    expect(answer.availableAt).toEqual({ time: '2026-12-02T07:00', isGmt: true });
    expect(answer.expiresAt).toEqual({ time: '2026-12-31T00:00', isGmt: true });
    expect(answer.mandatoryAt).toEqual({ time: '2026-12-03T10:00', isGmt: true });
    expect(answer.maintenanceWindows).toEqual([
      { collectionId: expect.any(String), name: 'Nightly', members: 2, firstRunAt: '2026-12-03T22:00:00.000Z' },
      { collectionId: expect.any(String), name: 'Short', members: 1, firstRunAt: null },
    ]);
    expect(answer.notices).toContain('No maintenance window of Short is long enough for the program, which needs its maximum run time of 60 minutes: their members do not run it inside those windows.');

    // Ignoring maintenance windows: the run waits for none, and the notice says whose are ignored.
    value(await core.client['advertisements:update']({ advertisementId, changes: { ignoreMaintenanceWindows: true } }));
    const ignoring = await preview(advertisementId);
    expect(ignoring.maintenanceWindows).toEqual([]);
    expect(ignoring.notices).toContain('The advertisement ignores maintenance windows: the assigned run does not wait for the windows of Nightly, Short.');

    // An assignment already past is due now, as a client that gets the policy runs a missed one.
    value(await core.client['advertisements:update']({ advertisementId, changes: { ignoreMaintenanceWindows: false, assignedSchedule: encodeScheduleToken({ type: 'nonRecurring', start: '2026-12-01T10:00', isGmt: true }) } }));
    const missed = await preview(advertisementId);
    expect(missed.mandatoryAt).toEqual({ time: '2026-12-02T08:00', isGmt: true });
    expect(missed.maintenanceWindows[0]?.firstRunAt).toBe('2026-12-02T22:00:00.000Z');
  });

  it("repeats what saving the advertisement warns of", async () => {
    const pc = await system('PC1');
    value(await core.client['programs:update']({ packageId: 'A0100001', programName: 'Install', changes: { disabled: true } }));
    value(await core.client['client-agents:set']({ agent: 'advertised-programs', changes: { enabled: false } }));
    const answer = await preview(await advertise(await collection('One', [pc]), { atLogon: true }));
    expect(answer.distributionPoints).toEqual([]);
    expect(answer.notices.slice(0, 3)).toEqual([
      'Program Install of A0100001 is disabled: clients receive the advertisement but will not run the program until it is enabled.',
      'Package A0100001 is on no distribution point yet: clients cannot run the program until it is distributed (courier package distribute A0100001 --dp NAME).',
      'The Advertised Programs Client Agent is disabled: clients will not run advertised programs until it is enabled (courier client-agent set advertised-programs --enabled true).',
    ]);
    expect(answer.notices).toContain('The program is also assigned at logon: it becomes mandatory on each client at its next logon, which cannot be foreseen.');
    expect(answer.counts).toMatchObject({ members: 1, unreachable: 1 });
    expect(await core.client['advertisements:preview']({ advertisementId: 'A01200FF' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'advertisementId' } });
  });

  it('changes nothing: every table and the outbox are as they were', async () => {
    value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.1.0.0/16', connection: 'fast' }));
    await dp('DP01');
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'], groups: [] }));
    const pc = await system('PC1', { ipAddresses: ['10.1.0.1'] });
    const target = await collection('One', [pc], { maintenanceWindows: [{ name: 'Night', schedule: encodeScheduleToken({ type: 'interval', start: '2026-11-01T22:00', daySpan: 1 }), durationMinutes: 120 }] });
    const advertisementId = await advertise(target, { asSoonAsPossible: true });
    const snapshot = () => {
      const db = new Database(join(site(), 'courier.db'), { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
        return {
          counts: Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()])),
          outbox: db.prepare('SELECT * FROM outbox ORDER BY id').all(),
          changes: db.prepare('PRAGMA data_version').pluck().get(),
        };
      } finally {
        db.close();
      }
    };
    const before = snapshot();
    await preview(advertisementId);
    service().ofAdvertisement(advertisementId, { addingDps: ['DP01'] });
    expect(snapshot()).toEqual(before);
  });

  it('answers for 10,000 members in one pass: all counted, the first ones listed', async () => {
    value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.1.0.0/16', connection: 'fast' }));
    await dp('DP01');
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'], groups: [] }));
    const rows = ['Name,OperatingSystemNameandVersion,Platform,IPAddresses'];
    for (let i = 0; i < 10_000; i++) {
      // Every fourth one outside the boundary; every fifth an XP machine.
      const ip = i % 4 === 0 ? `192.168.${Math.floor(i / 250)}.${i % 250}` : `10.1.${Math.floor(i / 250)}.${i % 250}`;
      rows.push(`PC${String(i).padStart(5, '0')},Microsoft Windows NT Workstation ${i % 5 === 0 ? '5.1' : '6.1'},${i % 5 === 0 ? 'I386' : 'x64'},${ip}`);
    }
    const csv = join(temp.path, 'systems.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);
    value(await core.client['resources:import']({ path: csv }));
    value(await core.client['collections:update-membership']({ collectionId: 'SMS00001', includeSubcollections: false }));
    const answer = await preview(await advertise('SMS00001', { programName: 'Win7 x64 only' }));
    const xp = 2000;
    // Outside the boundary and not XP: i % 4 === 0 and i % 5 !== 0.
    const unreachable = 2500 - 500;
    expect(answer.counts).toEqual({ members: 10_000, excludedByPlatform: xp, unreachable, rescuedByFallback: unreachable });
    expect(answer.members).toHaveLength(maxDeploymentPreviewMembers);
    expect(answer.members[0]).toMatchObject({ name: 'PC00000', excludedBy: expect.stringMatching(/runs only on All x64 Windows 7/) });
    expect(answer.members[1]).toMatchObject({ name: 'PC00001', excludedBy: null, contentFrom: 'DP01', via: 'siteBoundary' });
    expect(answer.members.at(-1)?.name).toBe(`PC${String(maxDeploymentPreviewMembers - 1).padStart(5, '0')}`);
  });
});
