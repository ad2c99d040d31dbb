import { describe, expect, it } from 'vitest';
import type { PackageDpRow } from './package-dps-store';
import { siteSummaries } from './package-status-model';
import { testDpStatus } from './test-distribution';

const row = (name: string, siteCode: string, state: PackageDpRow['state']): PackageDpRow => ({ ...testDpStatus(name, { state }), packageId: 'A0100001', siteCode });

describe('Package Status per site', () => {
  it('counts targeted, installed, retrying and failed DPs per site; removals are not targeted', () => {
    const rows = [
      row('DP01', 'A01', 'installed'),
      row('DP02', 'A01', 'installRetrying'),
      row('DP03', 'A01', 'installFailed'),
      row('DP04', 'A01', 'installPending'),
      row('DP05', 'A01', 'removalPending'),
      row('DP06', 'B02', 'removalFailed'),
    ];
    expect(siteSummaries(rows)).toEqual([
      { siteCode: 'A01', targeted: 4, installed: 1, retrying: 1, failed: 1 },
      { siteCode: 'B02', targeted: 0, installed: 0, retrying: 0, failed: 0 },
    ]);
  });

  it('has no line for a package on no DP', () => {
    expect(siteSummaries([])).toEqual([]);
  });
});
