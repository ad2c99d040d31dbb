import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentPlanInput, DeploymentResultDto } from '../../api';
import { value } from '../../../test/helpers/api-result';
import { openTestSite, siteContents, writeSource, type TestSite } from '../../../test/helpers/deployment-site';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';

// Each plan is made twice on twin sites, through the separate requests on one and one
// deployments:run on the other: the two sites must then hold the same rows (IDs, flags and
// stamps included, one clock for both), the same outbox, events and status messages, and the
// same wake-up files and log lines.

let temp: TempDir;
let source: string;
const sites: TestSite[] = [];

async function twin(name: string): Promise<TestSite> {
  const site = await openTestSite(temp.path, name);
  sites.push(site);
  return site;
}

beforeEach(() => {
  temp = makeTempDir('courier-deploy-');
  source = writeSource(temp.path);
});
afterEach(() => {
  for (const site of sites.splice(0)) site.core.close();
  temp.remove();
});

async function deploy(site: TestSite, plan: DeploymentPlanInput): Promise<DeploymentResultDto> {
  return value(await site.core.client['deployments:run'](plan));
}

const outcomes = (result: DeploymentResultDto) => result.steps.map((step) => `${step.step}: ${step.outcome}`);

describe('deployments:run makes what the separate requests make', () => {
  it('a new package and program, copied to a DP and a group, advertised to a new collection of two resources, assigned at one UTC time', async () => {
    const separate = await twin('separate');
    const deployed = await twin('deployed');
    const [pc1, pc2] = separate.resources;
    const packageInput = { name: 'Contoso Tool', version: '1.0', publisher: 'Contoso', containsSourceFiles: true, sourceDirectory: source };
    const programInput = { name: 'Install', commandLine: 'setup.exe /s', canRunWhen: 'whetherOrNot' as const, runMode: 'adminRights' as const };
    const rules = [
      { kind: 'direct' as const, resourceId: pc1 ?? 0 },
      { kind: 'direct' as const, resourceId: pc2 ?? 0 },
    ];

    const pkg = value(await separate.core.client['packages:create'](packageInput));
    value(await separate.core.client['programs:create']({ packageId: pkg.packageId, program: programInput }));
    value(await separate.core.client['packages:distribute']({ packageId: pkg.packageId, distributionPoints: ['DP01'], groups: ['West'] }));
    const collection = value(await separate.core.client['collections:create']({ name: 'Picked', rules }));
    const token = value(await separate.core.client['schedules:encode']({ schedules: [{ type: 'nonRecurring', start: '2026-12-05T20:00', isGmt: true }] })).tokens[0];
    value(
      await separate.core.client['advertisements:create']({
        advertisementName: 'Contoso Tool to picked',
        packageId: pkg.packageId,
        programName: 'Install',
        collectionId: collection.collectionId,
        assignedSchedule: token,
      }),
    );

    const result = await deploy(deployed, {
      package: { kind: 'new', package: packageInput },
      program: { kind: 'new', program: programInput },
      distributionPoints: ['DP01'],
      groups: ['West'],
      advertisement: {
        target: { kind: 'newCollection', collection: { name: 'Picked', rules } },
        advertisementName: 'Contoso Tool to picked',
        assignedTime: '2026-12-05T20:00',
        assignedTimeIsGmt: true,
      },
    });

    expect(result).toMatchObject({ ok: true, packageId: 'A0100001', programName: 'Install', collectionId: 'A0100010', advertisementId: 'A0120000', error: null });
    expect(result.steps).toEqual([
      { step: 'package', title: 'Create package "Contoso Tool 1.0"', outcome: 'done', detail: 'Created package A0100001.', id: 'A0100001' },
      { step: 'program', title: 'Create program "Install"', outcome: 'done', detail: 'Created program "Install" in package A0100001.', id: 'Install' },
      {
        step: 'distribute',
        title: 'Copy the package to distribution point DP01 and the group West',
        outcome: 'done',
        detail: expect.stringMatching(/^Distribution Manager will copy source version 1 of package Contoso Tool \(A0100001\), 2 files .* to 3 distribution points DP01, DP02, DP03/),
        id: 'DP01, DP02, DP03',
      },
      { step: 'collection', title: 'Create collection "Picked"', outcome: 'done', detail: 'Created collection A0100010 with 2 rules; it has 2 members.', id: 'A0100010' },
      {
        step: 'advertisement',
        title: 'Create advertisement "Contoso Tool to picked"',
        outcome: 'done',
        detail: 'Created advertisement A0120000: program "Install" of A0100001 to A0100010, mandatory at 2026-12-05T20:00 UTC.',
        id: 'A0120000',
      },
    ]);
    const ad = value(await deployed.core.client['advertisements:get']({ advertisementId: 'A0120000' }));
    expect(ad).toMatchObject({ assignedSchedule: token, assignedScheduleEnabled: true, assignedScheduleIsGmt: true, presentTime: '2026-12-02T08:00' });
    expect(value(await deployed.core.client['collections:members']({ collectionId: 'A0100010' })).map((m) => m.name)).toEqual(['PC01', 'PC02']);

    const made = siteContents(deployed.dataDir);
    expect(made).toEqual(siteContents(separate.dataDir));
    // The wake-ups a site component needs: Distribution Manager's .PKN and Offer Manager's .OFN.
    expect(Object.keys(made.files).filter((path) => path.startsWith('Inboxes/'))).toEqual(expect.arrayContaining(['Inboxes/Distmgr.box/A0100001.PKN', 'Inboxes/Offermgr.box/A0120000.OFN']));
    expect(made.files['Logs/smsprov.log']).toMatch(/Created package A0100001[\s\S]*Created advertisement A0120000/);
  });

  it('a package from a definition, one of its programs, advertised to All Systems, without an assigned time nor DPs', async () => {
    const separate = await twin('separate');
    const deployed = await twin('deployed');
    const definition = { source: { kind: 'builtIn' as const, id: 'courier-client-agent.sms' }, sourceFiles: 'direct' as const, sourceDirectory: source };

    const imported = value(await separate.core.client['packages:import'](definition));
    value(
      await separate.core.client['advertisements:create']({
        advertisementName: 'Client agent everywhere',
        comment: 'From the wizard',
        packageId: imported.package.packageId,
        programName: 'Per-system unattended',
        collectionId: 'SMS00001',
        includeSubcollections: false,
      }),
    );

    const result = await deploy(deployed, {
      package: { kind: 'definition', definition },
      program: { kind: 'existing', programName: 'per-system UNATTENDED' },
      advertisement: {
        target: { kind: 'collection', collectionId: 'SMS00001' },
        advertisementName: 'Client agent everywhere',
        comment: 'From the wizard',
        includeSubcollections: false,
      },
    });

    expect(outcomes(result)).toEqual(['package: done', 'program: done', 'distribute: skipped', 'collection: used', 'advertisement: done']);
    expect(result.steps.map((s) => s.title)).toEqual([
      'Create package "Courier Client Agent 0.1" from the built-in definition courier-client-agent.sms',
      'Use program "per-system UNATTENDED"',
      'Copy the package to distribution points',
      'Use collection "All Systems" (SMS00001)',
      'Create advertisement "Client agent everywhere"',
    ]);
    expect(result.steps[1]).toMatchObject({ id: 'Per-system unattended', detail: 'Created program "Per-system unattended" with the package, as the definition lists it.' });
    expect(result.steps[2]?.detail).toBe('No distribution point or group was chosen: the package is copied nowhere for now.');
    expect(result).toMatchObject({ ok: true, programName: 'Per-system unattended', collectionId: 'SMS00001' });
    expect(siteContents(deployed.dataDir)).toEqual(siteContents(separate.dataDir));
  });

  it('a new program in an existing package, copied to one DP, advertised nowhere', async () => {
    const separate = await twin('separate');
    const deployed = await twin('deployed');
    const packageInput = { name: 'Viewer', containsSourceFiles: true, sourceDirectory: source };
    for (const site of [separate, deployed]) value(await site.core.client['packages:create'](packageInput));
    const program = { name: 'Per-user', commandLine: 'setup.exe /user', canRunWhen: 'userLoggedOn' as const };

    value(await separate.core.client['programs:create']({ packageId: 'A0100001', program }));
    value(await separate.core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['dp02'], groups: [] }));

    const result = await deploy(deployed, { package: { kind: 'existing', packageId: 'a0100001' }, program: { kind: 'new', program }, distributionPoints: ['dp02'] });
    expect(outcomes(result)).toEqual(['package: used', 'program: done', 'distribute: done', 'collection: skipped', 'advertisement: skipped']);
    expect(result.steps[0]).toMatchObject({ title: 'Use package "Viewer" (A0100001)', detail: 'Uses package A0100001.', id: 'A0100001' });
    expect(result.steps[2]?.id).toBe('DP02');
    expect(result).toMatchObject({ ok: true, packageId: 'A0100001', programName: 'Per-user', collectionId: null, advertisementId: null });
    expect(siteContents(deployed.dataDir)).toEqual(siteContents(separate.dataDir));
  });

  it('an existing program of an existing package, copied to a group only, assigned at a local time to an existing collection', async () => {
    const separate = await twin('separate');
    const deployed = await twin('deployed');
    for (const site of [separate, deployed]) {
      value(await site.core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source }));
      value(await site.core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Install', commandLine: 'setup.exe' } }));
      value(await site.core.client['collections:create']({ name: 'Lab', rules: [{ kind: 'direct', resourceId: site.resources[2] ?? 0 }] }));
    }
    const token = value(await separate.core.client['schedules:encode']({ schedules: [{ type: 'nonRecurring', start: '2026-12-24T18:30', isGmt: false }] })).tokens[0];
    value(await separate.core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: [], groups: ['west'] }));
    value(
      await separate.core.client['advertisements:create']({
        advertisementName: 'Viewer to the lab',
        packageId: 'A0100001',
        programName: 'Install',
        collectionId: 'A0100010',
        presentTime: '2026-12-20T09:00',
        expirationTimeEnabled: true,
        expirationTime: '2027-01-31T00:00',
        assignedSchedule: token,
      }),
    );

    const result = await deploy(deployed, {
      package: { kind: 'existing', packageId: 'A0100001' },
      program: { kind: 'existing', programName: 'install' },
      groups: ['west'],
      advertisement: {
        target: { kind: 'collection', collectionId: 'A0100010' },
        advertisementName: 'Viewer to the lab',
        presentTime: '2026-12-20T09:00',
        expirationTime: '2027-01-31T00:00',
        assignedTime: '2026-12-24T18:30',
      },
    });
    expect(outcomes(result)).toEqual(['package: used', 'program: used', 'distribute: done', 'collection: used', 'advertisement: done']);
    expect(result.steps[2]).toMatchObject({ title: 'Copy the package to the group west', id: 'DP02, DP03' });
    expect(result.steps[3]).toMatchObject({ title: 'Use collection "Lab" (A0100010)', detail: 'Targets collection A0100010, which has 1 member.' });
    expect(value(await deployed.core.client['advertisements:get']({ advertisementId: 'A0120000' }))).toMatchObject({ assignedSchedule: token, assignedScheduleIsGmt: false, expirationTimeEnabled: true });
    expect(siteContents(deployed.dataDir)).toEqual(siteContents(join(temp.path, 'separate', 'site')));
  });
});
