import type { DistributionManagerSettingsDto, DistributionPlanDto, DistributionPointDto, DpGroupDto, PackageDpStatusDto, StatusMessageDto } from '../../../core/api';

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

/** Distribution Manager's settings as components:get answers them, with the suite's defaults. */
export function testDistmgrSettings(extra: Partial<DistributionManagerSettingsDto> = {}): DistributionManagerSettingsDto {
  return { component: 'SMS_DISTRIBUTION_MANAGER', maxPackages: 3, threadsPerPackage: 5, retries: 100, retryDelayMinutes: 30, storedPackagesLocation: '/srv/site/SMSPKG', properties: {}, lastModified: null, ...extra };
}

/** A status message of Distribution Manager about package A0100001, 2330 (copied to DP01) unless told otherwise. */
export function testStatusMessage(recordId: number, extra: Partial<StatusMessageDto> = {}): StatusMessageDto {
  return {
    recordId,
    messageId: 2330,
    severity: 'info',
    type: 'milestone',
    moduleName: 'SMS Server',
    component: 'SMS_DISTRIBUTION_MANAGER',
    siteCode: 'A01',
    machine: 'SITESERVER',
    time: `2026-03-04T05:0${recordId % 10}:00.000Z`,
    processId: 100,
    threadId: 7,
    insertionStrings: ['A0100001', '\\\\DP01\\'],
    attributes: { '400': 'A0100001' },
    description: 'Distribution Manager successfully distributed package "A0100001" to distribution point "\\\\DP01\\".',
    ...extra,
  };
}
