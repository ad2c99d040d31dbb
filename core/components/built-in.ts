import { collectionEvaluatorName, createCollectionEvaluator } from './colleval';
import { createDistributionManager, distributionManagerName } from './distmgr';
import { contentServiceName, createContentService } from './dpcontent';
import { createInboxManager, inboxManagerName } from './inbox-manager';
import { createMpControlManager, mpControlName } from './mpcontrol';
import { createOfferManager, offerManagerName } from './offermgr';
import type { SiteComponentFactory } from './site-component';

/**
 * The site components Courier ships, by name: its worker thread (component-worker.ts) builds a
 * component from here, so a bundled worker needs no module paths. A new component is added here
 * and to `siteComponents` in runner.ts.
 */
export const builtInComponents: Readonly<Record<string, SiteComponentFactory>> = {
  [inboxManagerName]: createInboxManager,
  [distributionManagerName]: () => createDistributionManager(),
  [offerManagerName]: () => createOfferManager(),
  [collectionEvaluatorName]: () => createCollectionEvaluator(),
  [mpControlName]: () => createMpControlManager(),
  [contentServiceName]: () => createContentService(),
};
