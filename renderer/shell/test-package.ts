import type { ApiResult, CourierClient, PackageDto, PackageListPageDto, RequestOf, SiteInfoDto } from '../../core/api';
import { packageDefaults, packageListRowOf } from '../../core/api';

/** A complete PackageDto for tests, with the site's defaults for everything not given. */
export function testPackage(packageId: string, name: string, extra: Partial<PackageDto> = {}): PackageDto {
  return {
    ...packageDefaults,
    name,
    packageId,
    updateSchedule: null,
    sourceVersion: 1,
    sourceDate: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastModified: '2026-01-01T00:00:00.000Z',
    pkgFlags: 0,
    pkgSourceFlag: 1,
    shareType: 1,
    shareName: '',
    priority: 2,
    refreshSchedule: '',
    ...extra,
  };
}

/** The site of the renderer tests: A01, Central Site, on SCCM01. */
export const testSite: SiteInfoDto = {
  siteCode: 'A01',
  siteName: 'Central Site',
  serverName: 'SCCM01',
  dataDir: '/data',
  siteRoot: '/data',
  databasePath: '/data/courier.db',
  productVersion: '0.1.0',
  platform: 'linux',
  createdAt: '2026-01-01T00:00:00.000Z',
};

/**
 * A `packages:list-page` answer for tests: every package on one page, as the site answers a list
 * shorter than the console's first screen. Refuses a page shorter than the list, which this
 * stand-in does not order or split; the paging itself is tested on the real database.
 */
export function listPageOf(packages: readonly PackageDto[], request: RequestOf<'packages:list-page'>): ApiResult<PackageListPageDto> {
  if (request.after !== undefined || (request.limit !== undefined && request.limit < packages.length)) {
    throw new Error(`listPageOf answers whole lists only; asked ${JSON.stringify(request)} of ${packages.length} packages`);
  }
  const rows = packages.map(packageListRowOf);
  return { ok: true, value: { rows, next: null } };
}

/**
 * The answers the whole console reads as it opens (the site, the Packages, Collections and
 * Distribution Points nodes), for a site that has none of them: spread into `fakeCourier`'s
 * answers, before the ones a test is about.
 */
export const emptySiteAnswers: Pick<CourierClient, 'site:info' | 'packages:list-page' | 'collections:list' | 'distribution-points:list' | 'dp-groups:list'> = {
  'site:info': async () => ({ ok: true, value: testSite }),
  'packages:list-page': async (request) => listPageOf([], request),
  'collections:list': async () => ({ ok: true, value: [] }),
  'distribution-points:list': async () => ({ ok: true, value: [] }),
  'dp-groups:list': async () => ({ ok: true, value: [] }),
};
