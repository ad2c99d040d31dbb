import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentPlanInput, DeploymentResultDto } from '../../api';
import { value } from '../../../test/helpers/api-result';
import { openOneTestSite, siteContents, type TestSite } from '../../../test/helpers/deployment-site';

// A step that fails part-way leaves the site exactly as it was: every row of every table (the ID
// counters, the outbox, the events and the status messages among them), every wake-up file and
// every log line; and the answer says which step failed and what became of the others.

let source: string;
let site: TestSite;
let close: () => void;

beforeEach(async () => {
  ({ site, source, close } = await openOneTestSite('courier-deploy-fail-'));
});
afterEach(() => close());

async function deploy(plan: DeploymentPlanInput): Promise<DeploymentResultDto> {
  return value(await site.core.client['deployments:run'](plan));
}

const outcomes = (result: DeploymentResultDto) => result.steps.map((step) => `${step.step}: ${step.outcome}`);

function newPackagePlan(extra: Partial<DeploymentPlanInput> = {}): DeploymentPlanInput {
  return {
    package: { kind: 'new', package: { name: 'Contoso Tool', version: '1.0', containsSourceFiles: true, sourceDirectory: source } },
    program: { kind: 'new', program: { name: 'Install', commandLine: 'setup.exe /s' } },
    distributionPoints: ['DP01'],
    ...extra,
  };
}

/** The IDs the next real creates get: the failed run used none of them up. */
async function nextIds(): Promise<string[]> {
  const pkg = value(await site.core.client['packages:create']({ name: 'Next', containsSourceFiles: true, sourceDirectory: source }));
  value(await site.core.client['programs:create']({ packageId: pkg.packageId, program: { name: 'Run', commandLine: 'setup.exe' } }));
  const collection = value(await site.core.client['collections:create']({ name: 'Next' }));
  const ad = value(await site.core.client['advertisements:create']({ advertisementName: 'Next', packageId: pkg.packageId, programName: 'Run', collectionId: collection.collectionId }));
  return [pkg.packageId, collection.collectionId, ad.advertisementId];
}

describe('a deployment that fails part-way makes nothing', () => {
  it('an advertisement assigned before it is offered: the package, program, distribution and collection are rolled back', async () => {
    const before = siteContents(site.dataDir);
    const result = await deploy(
      newPackagePlan({
        advertisement: {
          target: { kind: 'newCollection', collection: { name: 'Picked', rules: [{ kind: 'direct', resourceId: site.resources[0] ?? 0 }] } },
          advertisementName: 'Too early',
          presentTime: '2026-12-10T09:00',
          assignedTime: '2026-12-09T09:00',
        },
      }),
    );
    expect(outcomes(result)).toEqual(['package: undone', 'program: undone', 'distribute: undone', 'collection: undone', 'advertisement: failed']);
    expect(result).toMatchObject({ ok: false, packageId: null, programName: null, collectionId: null, advertisementId: null });
    const message =
      'The assigned time (2026-12-09T09:00) is before the advertisement is offered (2026-12-10T09:00); the program cannot become mandatory before it is available.';
    expect(result.error).toEqual({ code: 'VALIDATION_FAILED', message, field: 'assignedTime' });
    expect(result.steps[4]).toMatchObject({ detail: message, id: null });
    expect(result.steps[0]).toMatchObject({ detail: 'Created package A0100001. Rolled back: the advertisement step failed, so nothing was kept.', id: null });
    expect(result.steps[3]?.detail).toMatch(/^Created collection A0100010 with 1 rule; it has 1 member\. Rolled back/);
    expect(siteContents(site.dataDir)).toEqual(before);
    expect(await nextIds()).toEqual(['A0100001', 'A0100010', 'A0120000']);
  });

  it('a distribution point that does not exist: the package and program made before it are rolled back', async () => {
    const before = siteContents(site.dataDir);
    const result = await deploy(newPackagePlan({ distributionPoints: ['DP01', 'DP09'] }));
    expect(outcomes(result)).toEqual(['package: undone', 'program: undone', 'distribute: failed', 'collection: skipped', 'advertisement: skipped']);
    expect(result.error).toMatchObject({ code: 'NOT_FOUND', field: 'distributionPoints', message: expect.stringContaining('DP09') });
    expect(result.steps[1]?.detail).toBe('Created program "Install" in package A0100001. Rolled back: the distribution step failed, so nothing was kept.');
    // The plan advertises nothing: those two said so from the start, whatever failed.
    expect(result.steps[3]?.detail).toBe('The plan advertises nothing, so it targets no collection.');
    expect(siteContents(site.dataDir)).toEqual(before);
    expect(await nextIds()).toEqual(['A0100001', 'A0100010', 'A0120000']);
  });

  it('a share another package already uses: refused before anything is written', async () => {
    const share = { dataAccess: 'shareFolder' as const, shareFolder: '\\\\dp01\\apps\\tool' };
    value(await site.core.client['packages:create']({ name: 'First', containsSourceFiles: true, sourceDirectory: source, ...share }));
    const before = siteContents(site.dataDir);
    const result = await deploy({ ...newPackagePlan(), package: { kind: 'new', package: { name: 'Second', containsSourceFiles: true, sourceDirectory: source, ...share } } });
    expect(outcomes(result)).toEqual(['package: failed', 'program: skipped', 'distribute: skipped', 'collection: skipped', 'advertisement: skipped']);
    expect(result.error).toEqual({
      code: 'CONFLICT',
      field: 'shareFolder',
      message: 'The share \\\\dp01\\apps\\tool is already used by package First (A0100001); each package needs its own.',
    });
    expect(result.steps[1]?.detail).toBe('Not run: the package step failed.');
    expect(siteContents(site.dataDir)).toEqual(before);
  });

  it('a program name the package already has, in another case', async () => {
    value(await site.core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source }));
    value(await site.core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Install', commandLine: 'setup.exe' } }));
    const before = siteContents(site.dataDir);
    const result = await deploy({ package: { kind: 'existing', packageId: 'A0100001' }, program: { kind: 'new', program: { name: 'INSTALL', commandLine: 'setup.exe /q' } }, distributionPoints: ['DP01'] });
    expect(outcomes(result)).toEqual(['package: used', 'program: failed', 'distribute: skipped', 'collection: skipped', 'advertisement: skipped']);
    expect(result.error).toMatchObject({ code: 'CONFLICT', field: 'name', message: 'Package A0100001 already has a program named "Install"; a program name is unique in its package.' });
    expect(result.steps[0]).toMatchObject({ outcome: 'used', id: 'A0100001' });
    expect(result.steps[2]?.detail).toBe('Not run: the program step failed.');
    expect(siteContents(site.dataDir)).toEqual(before);
  });

  it('a collection that is gone, and a program the definition does not list', async () => {
    const before = siteContents(site.dataDir);
    const gone = await deploy(
      newPackagePlan({ distributionPoints: [], advertisement: { target: { kind: 'collection', collectionId: 'A0100099' }, advertisementName: 'Nowhere' } }),
    );
    expect(outcomes(gone)).toEqual(['package: undone', 'program: undone', 'distribute: skipped', 'collection: failed', 'advertisement: skipped']);
    expect(gone.error).toMatchObject({ code: 'NOT_FOUND', field: 'collectionId', message: expect.stringContaining('A0100099') });
    expect(gone.steps[2]?.detail).toBe('No distribution point or group was chosen: the package is copied nowhere for now.');

    const unlisted = await deploy({
      package: { kind: 'definition', definition: { source: { kind: 'builtIn', id: 'courier-client-agent.sms' }, sourceFiles: 'none' } },
      program: { kind: 'existing', programName: 'Repair' },
    });
    expect(outcomes(unlisted)).toEqual(['package: undone', 'program: failed', 'distribute: skipped', 'collection: skipped', 'advertisement: skipped']);
    expect(unlisted.error).toEqual({ code: 'NOT_FOUND', field: 'programName', message: 'The definition lists no program "Repair"; it lists "Per-system unattended", "Uninstall".' });
    expect(unlisted.steps[0]?.detail).toMatch(/^Created package A0100001 with its 2 programs "Per-system unattended", "Uninstall"\. Rolled back/);
    expect(siteContents(site.dataDir)).toEqual(before);
  });

  it('a package without source files given distribution points: the distribution service\'s own refusal', async () => {
    const before = siteContents(site.dataDir);
    const result = await deploy({ ...newPackagePlan(), package: { kind: 'new', package: { name: 'Script only' } } });
    expect(outcomes(result)).toEqual(['package: undone', 'program: undone', 'distribute: failed', 'collection: skipped', 'advertisement: skipped']);
    expect(result.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Package Script only \(A0100001\) contains no source files, so it needs no distribution point/) });
    expect(siteContents(site.dataDir)).toEqual(before);
  });

  it('a source directory that is gone: the package step fails before anything is written', async () => {
    const before = siteContents(site.dataDir);
    const result = await deploy({ ...newPackagePlan(), package: { kind: 'new', package: { name: 'Lost', containsSourceFiles: true, sourceDirectory: `${source}-gone` } } });
    expect(outcomes(result)).toEqual(['package: failed', 'program: skipped', 'distribute: skipped', 'collection: skipped', 'advertisement: skipped']);
    expect(result.error?.field).toBe('sourceDirectory');
    expect(siteContents(site.dataDir)).toEqual(before);
  });

  it('an existing package that is not there: its step fails, and no other step runs', async () => {
    const result = await deploy({ package: { kind: 'existing', packageId: 'A0100099' }, program: { kind: 'existing', programName: 'Install' }, distributionPoints: ['DP01'] });
    expect(outcomes(result)).toEqual(['package: failed', 'program: skipped', 'distribute: skipped', 'collection: skipped', 'advertisement: skipped']);
    expect(result.steps[0]).toMatchObject({ title: 'Use package A0100099', detail: 'There is no package A0100099 at this site.' });
    expect(result.error).toEqual({ code: 'NOT_FOUND', field: 'packageId', message: 'There is no package A0100099 at this site.' });
  });

  it('a plan that breaks the contract is a request error, not a failed step', async () => {
    const answer = await site.core.client['deployments:run']({ package: { kind: 'new', package: { name: 'A' } }, program: { kind: 'existing', programName: 'Install' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('A new package has no programs yet') } });
  });
});
