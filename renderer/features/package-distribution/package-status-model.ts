import type { PackageDpRow } from './package-dps-store';

/** One site's line of a package's status (the suite's SMS_PackageStatusDetailSummarizer). */
export interface SiteStatusSummary {
  readonly siteCode: string;
  /** DPs that have, or are to have, the package: every row but a removal. */
  readonly targeted: number;
  readonly installed: number;
  readonly retrying: number;
  readonly failed: number;
}

/** Per site, in site code order; a site with only removals left still has its line, at zero targeted. */
export function siteSummaries(rows: readonly PackageDpRow[]): readonly SiteStatusSummary[] {
  const bySite = new Map<string, { targeted: number; installed: number; retrying: number; failed: number }>();
  for (const row of rows) {
    const site = bySite.get(row.siteCode) ?? { targeted: 0, installed: 0, retrying: 0, failed: 0 };
    bySite.set(row.siteCode, site);
    if (row.state === 'removalPending' || row.state === 'removalFailed') continue;
    site.targeted += 1;
    // Installed means the version wanted is there: an update in progress counts as not installed.
    if (row.state === 'installed') site.installed += 1;
    if (row.state === 'installRetrying') site.retrying += 1;
    if (row.state === 'installFailed') site.failed += 1;
  }
  return [...bySite.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([siteCode, counts]) => ({ siteCode, ...counts }));
}
