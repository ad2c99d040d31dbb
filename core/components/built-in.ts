import { createInboxManager, inboxManagerName } from './inbox-manager';
import type { SiteComponentFactory } from './site-component';

/**
 * The site components Courier ships, by name: a worker thread builds its component from here, so
 * a bundled worker needs no module paths. A new component (SMS_DISTRIBUTION_MANAGER) is added
 * here and to `siteComponents` below.
 */
export const builtInComponents: Readonly<Record<string, SiteComponentFactory>> = {
  [inboxManagerName]: createInboxManager,
};
