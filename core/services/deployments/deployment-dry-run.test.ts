import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError, deploymentPlanSchema, type DeploymentPlanInput } from '../../api';
import { value } from '../../../test/helpers/api-result';
import { openOneTestSite, pickedPlan, siteContents, type TestSite } from '../../../test/helpers/deployment-site';
import { withRequestScope } from '../request-scope';
import type { DeploymentMade } from './deployment-service';

// The dry run applies a plan inside a transaction that is always rolled back: what it reads
// inside is what the real run then makes, and nothing of it survives, not even the IDs.

let source: string;
let site: TestSite;
let close: () => void;

beforeEach(async () => {
  ({ site, source, close } = await openOneTestSite('courier-deploy-dry-'));
});
afterEach(() => close());

function plan(): DeploymentPlanInput {
  return pickedPlan(site, source);
}

/** What the site holds for a deployment, read through the services (synchronously, as inside the transaction). */
function recordsOf(made: DeploymentMade) {
  const { packages, programs, distribution, collections, advertisements } = site.services;
  return {
    package: packages.get(made.packageId),
    programs: programs.list(made.packageId),
    onDps: distribution.status(made.packageId),
    collection: made.collectionId === null ? null : collections.get(made.collectionId),
    members: made.collectionId === null ? [] : collections.members(made.collectionId).map((m) => m.name),
    advertisement: made.advertisementId === null ? null : advertisements.get(made.advertisementId),
  };
}

describe('DeploymentService.whatIf', () => {
  it('reads the plan applied, then rolls it all back: no row, wake-up, event or log line is left and no ID is used up', async () => {
    const events: string[] = [];
    site.core.on('packages:changed', (event) => events.push(`packages:changed ${event.packageId}`));
    site.core.on('advertisements:changed', (event) => events.push(`advertisements:changed ${event.advertisementId}`));
    const before = siteContents(site.dataDir);

    const seen = await site.services.deployments.whatIf(deploymentPlanSchema.parse(plan()), (made) => ({ made, records: recordsOf(made) }));

    expect(seen.made).toEqual({ packageId: 'A0100001', programName: 'Install', collectionId: 'A0100010', advertisementId: 'A0120000', addedDps: ['DP01', 'DP02', 'DP03'], sourceSize: { files: 2, bytes: 1024 } });
    expect(seen.records.members).toEqual(['PC01', 'PC02']);
    expect(seen.records.onDps.distributionPoints.map((dp) => `${dp.name} ${dp.state}`)).toEqual(['DP01 installPending', 'DP02 installPending', 'DP03 installPending']);
    expect(siteContents(site.dataDir)).toEqual(before);
    expect(events).toEqual([]);

    // The real run gets the same IDs and makes the very records the dry run saw.
    const result = value(await site.core.client['deployments:run'](plan()));
    expect(result).toMatchObject({ ok: true, packageId: 'A0100001', collectionId: 'A0100010', advertisementId: 'A0120000' });
    expect(recordsOf(seen.made)).toEqual(seen.records);
    expect(events).toEqual(expect.arrayContaining(['packages:changed A0100001', 'advertisements:changed A0120000']));
  });

  it('a dry run of a plan with nothing to advertise nor distribute, on an existing package and program', async () => {
    value(await site.core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source }));
    value(await site.core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Install', commandLine: 'setup.exe' } }));
    const before = siteContents(site.dataDir);
    const made = await site.services.deployments.whatIf(
      deploymentPlanSchema.parse({ package: { kind: 'existing', packageId: 'A0100001' }, program: { kind: 'existing', programName: 'INSTALL' } }),
      (made) => made,
    );
    expect(made).toEqual({ packageId: 'A0100001', programName: 'Install', collectionId: null, advertisementId: null, addedDps: [], sourceSize: null });
    expect(siteContents(site.dataDir)).toEqual(before);
  });

  it('says none of what the rolled-back steps advised: the request it runs in gets no notices from it', async () => {
    // Advertised without a DP, a real run tells that clients cannot run the program yet.
    const undistributed = { ...plan(), distributionPoints: [], groups: [] };
    const ran = await site.core.client['deployments:run'](undistributed);
    expect(ran).toMatchObject({ ok: true, notices: [expect.stringContaining('is on no distribution point yet')] });

    const notices = await withRequestScope(async (request) => {
      await site.services.deployments.whatIf(deploymentPlanSchema.parse({ ...undistributed, advertisement: { ...undistributed.advertisement, target: { kind: 'collection', collectionId: 'SMS00001' } } }), (made) => made);
      return request.notices;
    });
    expect(notices).toEqual([]);
  });

  it('a step that fails throws its error, and leaves nothing either', async () => {
    const before = siteContents(site.dataDir);
    let read = false;
    const failing = deploymentPlanSchema.parse({ ...plan(), distributionPoints: ['DP09'] });
    const error = await site.services.deployments.whatIf(failing, () => (read = true)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CourierError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'distributionPoints' });
    expect(read).toBe(false);
    expect(siteContents(site.dataDir)).toEqual(before);
  });
});
