import type { DistributionPlanDto, DistributionPointDto, DpGroupDto, PackageDpStatusDto } from '../../../core/api';

/** A complete DistributionPointDto for tests: a server DP of site A01 with volume D. */
export function testDp(name: string, extra: Partial<DistributionPointDto> = {}): DistributionPointDto {
  return {
    name,
    serverName: name,
    netbiosName: name.split('.')[0]?.toUpperCase() ?? name,
    siteCode: 'A01',
    mode: 'server',
    kind: 'standard',
    serverShare: null,
    shareReserveMb: null,
    nalPath: `["Display=\\\\${name}\\"]MSWNET:["SMS_SITE=A01"]\\\\${name}\\`,
    bitsEnabled: false,
    protected: false,
    boundaries: [],
    shareProvider: 'local',
    sambaConf: null,
    volumes: [{ letter: 'D', path: `/srv/${name.toLowerCase()}/d`, reserveMb: 0, shareName: 'SMSPKGD$' }],
    groups: [],
    packageCount: 0,
    deleting: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastModified: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

export function testGroup(name: string, members: readonly string[]): DpGroupDto {
  return { name, description: '', members, createdAt: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-01T00:00:00.000Z' };
}

/** A package's row on a DP, Install Pending at version 1 unless told otherwise. */
export function testDpStatus(name: string, extra: Partial<PackageDpStatusDto> = {}): PackageDpStatusDto {
  return {
    name,
    nalPath: `["Display=\\\\${name}\\"]MSWNET:["SMS_SITE=A01"]\\\\${name}\\`,
    state: 'installPending',
    path: null,
    sourceVersion: null,
    targetVersion: 1,
    files: null,
    bytes: null,
    lastCopied: null,
    lastRefreshed: null,
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    ...extra,
  };
}

export function testPlan(extra: Partial<DistributionPlanDto> = {}): DistributionPlanDto {
  return {
    packageId: 'A0100001',
    packageName: 'Reader',
    action: 'distribute',
    sourceVersion: 1,
    distributionPoints: ['DP01'],
    skipped: [],
    files: 3,
    bytes: 3072,
    summary: 'Distribution Manager will copy source version 1 of package Reader (A0100001), 3 files (3 KB), to 1 distribution point DP01: 3 KB in all.',
    ...extra,
  };
}
