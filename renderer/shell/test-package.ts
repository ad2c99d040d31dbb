import type { PackageDto, SiteInfoDto } from '../../core/api';
import { packageDefaults } from '../../core/api';

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
