import { openSite } from '../../site/open-site';
import { createSiteLog } from '../../site/site-log';
import { openSitePlumbing } from '../../site/site-plumbing';
import { offerManagerLog, offerManagerName } from './names';
import { regenerateAllPolicy, type OfferOutcome } from './offer-work';
import { offermgrRepositories } from './repositories';

/**
 * Offer Manager's whole work on the site in `dataDir`, outside a runner: every advertisement
 * processed, every stray offer withdrawn, the lookup files written. Incremental in effect (only
 * resources whose policy changes get a new version), so safe beside a running Offer Manager; on a
 * site whose offer tables are empty it is a computation from scratch. For benches and checks.
 */
export async function regenerateSitePolicy(dataDir: string, now: () => Date = () => new Date()): Promise<Record<OfferOutcome, number>> {
  const site = openSite(dataDir, now);
  try {
    const log = createSiteLog(site.root, now);
    const { work } = openSitePlumbing({ db: site.db, root: site.root, log, logAs: { file: offerManagerLog, component: offerManagerName }, now });
    return await regenerateAllPolicy({ repos: offermgrRepositories(site.db), work, root: site.root, siteCode: site.record.siteCode, now });
  } finally {
    site.db.close();
  }
}
