import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resourceTypes } from '../../api';
import { defineInboxComponent } from '../inbox-component';
import type { ComponentContext, SiteComponent } from '../site-component';
import { lookupFileName, offerFilesPath, removeStrayOfferTemporaries, writeLookupFiles } from './offer-files';
import { offerIsCurrent, processAdvertisements, type OfferWorkDeps } from './offer-work';
import { offerManagerInbox, offerManagerLog, offerManagerName } from './names';
import { offermgrRepositories, type OffermgrRepositories } from './repositories';

export interface OfferManagerOptions {
  /** How often the database is compared with what was offered, besides at start; default 2 minutes. */
  readonly reconcileEveryMs?: number;
}

const advertisementWakeUp = /^([A-Za-z0-9]{8})\.OFN$/i;
const collectionWakeUp = /^([A-Za-z0-9]{8})\.CMN$/i;

function workDeps(context: ComponentContext, repos: OffermgrRepositories): OfferWorkDeps {
  return { repos, work: context.work, root: context.root, siteCode: context.siteCode, now: context.now };
}

/**
 * Queues `<AdvertisementID>.OFN` for every advertisement whose offer is not what it should be
 * now (never processed, changed, its package put on or taken off its last DP, its program or the
 * client agent changed) and for every offer whose advertisement is gone. Membership changes come
 * as `.CMN` rows, which a crash does not lose. Returns how many were queued.
 */
export function reconcileOffers(context: ComponentContext, repos: OffermgrRepositories): number {
  const deps = workDeps(context, repos);
  const stored = new Map(repos.offers.list().map((offer) => [offer.advertisementId, offer]));
  const due: string[] = [];
  for (const ad of repos.advertisements.list()) {
    const offer = stored.get(ad.advertisementId) ?? null;
    const filesMissing = offer?.state === 'offered' && !existsSync(join(offerFilesPath(context.root), `${ad.advertisementId}.ofr`));
    if (filesMissing || !offerIsCurrent(deps, ad, offer)) due.push(ad.advertisementId);
  }
  due.push(...repos.offers.withoutAdvertisement());
  const queue = due.filter((id) => !repos.outbox.isWaiting(offerManagerInbox, `${id}.OFN`));
  if (queue.length === 0) return 0;
  context.work.run((change) => {
    for (const id of queue) change.wake(offerManagerInbox, `${id}.OFN`, `reconcile ${id}\r\n`);
  });
  return queue.length;
}

/**
 * SMS_OFFER_MANAGER (docs/offer-manager.md): turns advertisements into per-resource policy. Woken
 * by `<AdvertisementID>.OFN` (an advertisement created, changed or deleted, or its package put on a
 * DP) and `<CollectionID>.CMN` (a collection's members changed) in Offermgr.box; on start and every
 * few minutes it compares the database with what it offered and queues what differs.
 */
export function createOfferManager(options: OfferManagerOptions = {}): SiteComponent {
  const reconcileEveryMs = options.reconcileEveryMs ?? 2 * 60_000;
  let repos: OffermgrRepositories | null = null;
  let lastReconcile = Number.NEGATIVE_INFINITY;

  const base = defineInboxComponent({
    name: offerManagerName,
    inbox: offerManagerInbox,
    logFile: offerManagerLog,
    pollMs: 60_000,
    async start(context) {
      repos = offermgrRepositories(context.db);
      const stray = await removeStrayOfferTemporaries(context.root);
      if (stray > 0) context.log(`Removed ${stray} temporary files an earlier run left in Offerinf.box.`);
      lastReconcile = Number.NEGATIVE_INFINITY;
    },
    async process(item, context) {
      const r = repos;
      if (!r) throw new Error('Offer Manager is not started.');
      const ad = advertisementWakeUp.exec(item.fileName);
      const collection = collectionWakeUp.exec(item.fileName);
      let ids: string[];
      if (ad) ids = [ad[1]!.toUpperCase()];
      else if (collection) ids = r.offers.advertisementsReaching(collection[1]!.toUpperCase());
      else {
        context.log(`${item.fileName} is neither an advertisement (<AdvertisementID>.OFN) nor a collection (<CollectionID>.CMN) notification; it was dropped.`);
        return;
      }
      const deps = workDeps(context, r);
      await processAdvertisements(deps, ids, { stopping: () => context.stopping.aborted, memberChangesOf: collection ? collection[1]!.toUpperCase() : undefined });
      // Only when policy moved since they were written: a run killed before it wrote them left them behind it.
      await writeLookupFiles(context.root, context.siteCode, r.offers);
      if (collection) context.log(`Collection ${collection[1]!.toUpperCase()} changed: processed ${ids.length === 1 ? '1 advertisement' : `${ids.length} advertisements`} that reach it.`);
    },
    stop() {
      repos = null;
    },
  });

  let context: ComponentContext | null = null;
  return {
    ...base,
    async start(given) {
      context = given;
      await base.start(given);
    },
    async wake() {
      const ctx = context;
      const r = repos;
      if (ctx && r && !ctx.stopping.aborted && ctx.now().getTime() - lastReconcile >= reconcileEveryMs) {
        lastReconcile = ctx.now().getTime();
        const queued = reconcileOffers(ctx, r);
        if (queued > 0) ctx.log(`Found ${queued} advertisements whose offer differs from the site database.`);
        else if (resourceTypes.some((type) => !existsSync(join(offerFilesPath(ctx.root), lookupFileName(ctx.siteCode, type))))) {
          await writeLookupFiles(ctx.root, ctx.siteCode, r.offers, { force: true });
        }
      }
      await base.wake();
    },
    async stop() {
      await base.stop();
      context = null;
    },
  };
}
