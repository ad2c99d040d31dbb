import type { SiteState } from './site-store';

/** The console tree's root: "Site Database (A01 - Central Site)", as the suite titles it. */
export function siteDatabaseLabel(site: Pick<SiteState, 'status' | 'info'>): string {
  if (site.info) return `Site Database (${site.info.siteCode} - ${site.info.siteName})`;
  return site.status === 'error' ? 'Site Database (not connected)' : 'Site Database (connecting…)';
}
