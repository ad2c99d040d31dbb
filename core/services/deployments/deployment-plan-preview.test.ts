import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentPlanInput } from '../../api';
import { value } from '../../../test/helpers/api-result';
import { openOneTestSite, pickedPlan, siteContents, type TestSite } from '../../../test/helpers/deployment-site';

// deployments:preview: the plan applied and read as an advertisement's dry run, then rolled back.

let source: string;
let site: TestSite;
let close: () => void;

beforeEach(async () => {
  ({ site, source, close } = await openOneTestSite('courier-deploy-preview-'));
});
afterEach(() => close());

/** The shared plan, offered from a fixed time so that the answer's availability can be compared. */
function newPackagePlan(): DeploymentPlanInput {
  const plan = pickedPlan(site, source);
  return { ...plan, advertisement: { ...plan.advertisement!, presentTime: '2026-12-02T09:00' } };
}

describe('deployments:preview', () => {
  it('answers what the plan would do, names no object it would make, and leaves the site as it was', async () => {
    const before = siteContents(site.dataDir);
    const preview = value(await site.core.client['deployments:preview'](newPackagePlan()));

    expect(preview.packageId).toBeNull();
    expect(preview.advertisementId).toBeNull();
    expect(preview.packageName).toContain('Contoso Tool');
    expect(preview.programName).toBe('Install');
    expect(preview.collection).toMatchObject({ collectionId: null, name: 'Picked' });
    expect(preview.counts.members).toBe(2);
    expect(preview.members.map((m) => m.name).sort()).toEqual(['PC01', 'PC02']);
    // The measured source (1,000 + 24 bytes in two files) goes to each DP the plan adds: DP01 and West's DP02, DP03.
    expect(preview.sourceFiles).toBe(2);
    expect(preview.sourceBytes).toBe(1024);
    expect(preview.distributionPoints.map((dp) => [dp.name, dp.state, dp.bytesToSend])).toEqual([
      ['DP01', 'adding', 1024],
      ['DP02', 'adding', 1024],
      ['DP03', 'adding', 1024],
    ]);
    expect(preview.availableAt).toEqual({ time: '2026-12-02T09:00', isGmt: false });
    expect(preview.mandatoryAt).toEqual({ time: '2026-12-05T20:00', isGmt: false });

    expect(siteContents(site.dataDir)).toEqual(before);
  });

  it('previews a program it does not advertise: the DPs and content only', async () => {
    const plan = { ...newPackagePlan(), advertisement: null };
    const preview = value(await site.core.client['deployments:preview'](plan));
    expect(preview.collection).toBeNull();
    expect(preview.counts.members).toBe(0);
    expect(preview.mandatoryAt).toBeNull();
    expect(preview.distributionPoints.map((dp) => dp.state)).toEqual(['adding', 'adding', 'adding']);
  });

  it('refuses a plan whose step would fail, as the request error the real run would report', async () => {
    const plan = { ...newPackagePlan(), distributionPoints: ['DP09'] };
    const result = await site.core.client['deployments:preview'](plan);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('DP09');
  });
});
