import type { SiteInfoDto } from '../api';
import { textFields } from './text-table';

export function formatSite(site: SiteInfoDto): string {
  return textFields([
    ['Site code', site.siteCode],
    ['Site name', site.siteName],
    ['Site server', site.serverName],
    ['Data directory', site.dataDir],
    ['Site root', site.siteRoot],
    ['Database', site.databasePath],
    ['Platform', site.platform],
    ['Version', site.productVersion],
    ['Created', site.createdAt],
  ]);
}
