import { statusAttributeIds as a } from '../../api';
import type { AdvertisementRecord } from '../../db/repositories/advertisement-repository';
import type { OfferChange, OfferRecord } from '../../db/repositories/offer-repository';
import type { SiteRoot } from '../../site/site-root';
import type { ChangeSet, UnitOfWork } from '../../site/unit-of-work';
import { hashOf, offerBodyOf, offerBodyText } from './offer-body';
import { canSyncVolumes, syncVolume } from '../../content/distribution/volume-sync';
import { offerFilesPath, removeOfferFiles, writeLookupFiles, writeOfferFiles } from './offer-files';
import { offerManagerName } from './names';
import type { OffermgrRepositories } from './repositories';

export interface OfferWorkDeps {
  readonly repos: OffermgrRepositories;
  readonly work: UnitOfWork;
  readonly root: SiteRoot;
  readonly siteCode: string;
  readonly now: () => Date;
}

export type OfferOutcome = 'offered' | 'deferred' | 'withdrawn' | 'gone';

/** The body an advertisement should have now, or why it cannot be offered at all. */
interface Plan {
  readonly text: string;
  readonly hash: string;
  /** Why nothing can be offered (its program or package is gone), or null. */
  readonly problem: string | null;
  readonly ready: boolean;
}

function planOf(deps: OfferWorkDeps, ad: AdvertisementRecord): Plan {
  const { packages, programs, clientAgents, offers } = deps.repos;
  const pkg = packages.get(ad.packageId);
  const program = pkg ? programs.get(ad.packageId, ad.programName) : null;
  if (!pkg || !program) {
    const problem = !pkg ? `Its package ${ad.packageId} no longer exists.` : `Package ${ad.packageId} has no program named ${ad.programName} any more.`;
    const text = JSON.stringify({ problem });
    return { text, hash: hashOf(text), problem, ready: false };
  }
  // A package without source files runs a command the client already has: no DP needs to hold it.
  // One with files is offered at the newest version a DP holds, never at one no DP has yet.
  const held = pkg.containsSourceFiles ? offers.versionOnDp(ad.packageId) : pkg.sourceVersion;
  const sourceVersion = Math.min(held ?? pkg.sourceVersion, pkg.sourceVersion);
  // The date of the version offered, not the newest one's: the body then changes (and clients are
  // given a new policy version) when a DP has the new version, not when Update Distribution Points
  // is asked for. A version older than the site's record of dates falls back to the package's.
  const sourceDate = sourceVersion === pkg.sourceVersion ? pkg.sourceDate : (packages.sourceDateOf(pkg.packageId, sourceVersion) ?? pkg.sourceDate);
  const text = offerBodyText(offerBodyOf(ad, program, pkg, clientAgents.advertisedPrograms(), { sourceVersion, sourceDate }));
  return { text, hash: hashOf(text), problem: null, ready: held !== null };
}

/** Whether the offer stored for the advertisement is what it should be now: the reconcile pass's test. */
export function offerIsCurrent(deps: OfferWorkDeps, ad: AdvertisementRecord, offer: OfferRecord | null): boolean {
  if (!offer) return false;
  const plan = planOf(deps, ad);
  return offer.bodyHash === plan.hash && offer.state === (plan.ready ? 'offered' : 'deferred') && offer.advertisementModified === ad.lastModified && offer.collectionId === ad.collectionId;
}

function strings(ad: { name: string; advertisementId: string; packageId: string; collectionId: string }): string[] {
  return [ad.name, ad.advertisementId, ad.packageId, ad.collectionId];
}

function attributes(ad: { advertisementId: string; packageId: string; collectionId: string }): Record<number, string> {
  return { [a.advertisementId]: ad.advertisementId, [a.packageId]: ad.packageId, [a.collectionId]: ad.collectionId };
}

interface Applied {
  readonly advertisementId: string;
  readonly outcome: OfferOutcome;
  readonly offer: OfferRecord | null;
  readonly includeSubcollections: boolean;
  readonly through: OfferChange['through'];
}

/** The database side of one advertisement, inside the caller's unit of work. */
function applyAdvertisement(deps: OfferWorkDeps, change: ChangeSet, advertisementId: string): Applied {
  const { advertisements, offers } = deps.repos;
  const ad = advertisements.get(advertisementId);
  if (!ad) return { advertisementId, outcome: withdraw(deps, change, advertisementId), offer: null, includeSubcollections: false, through: [] };
  const plan = planOf(deps, ad);
  const previous = offers.get(advertisementId);
  const reach = { advertisementId, collectionId: ad.collectionId, includeSubcollections: ad.includeSubcollections };
  const bodyChanged = previous?.bodyHash !== plan.hash;
  const result = offers.applyOffer(advertisementId, reach, { offered: plan.ready, wasOffered: previous?.state === 'offered', bodyChanged });
  const state = plan.ready ? 'offered' : 'deferred';
  const offer: OfferRecord = {
    advertisementId,
    state,
    packageId: ad.packageId,
    collectionId: ad.collectionId,
    body: plan.text,
    bodyHash: plan.hash,
    advertisementModified: ad.lastModified,
    resourceCount: result.resourceCount,
    version: result.version ?? previous?.version ?? offers.policyVersion(),
    processedAt: deps.now().toISOString(),
  };
  const changed =
    !previous ||
    previous.state !== state ||
    bodyChanged ||
    result.touched > 0 ||
    previous.resourceCount !== offer.resourceCount ||
    previous.advertisementModified !== offer.advertisementModified ||
    previous.collectionId !== offer.collectionId ||
    previous.packageId !== offer.packageId;
  if (!changed) return { advertisementId, outcome: state, offer: previous, includeSubcollections: ad.includeSubcollections, through: result.through };
  offers.saveOffer(offer);
  report(change, ad, previous, offer, plan, result);
  change.emit('advertisements:changed', { change: 'updated', advertisementId });
  return { advertisementId, outcome: state, offer, includeSubcollections: ad.includeSubcollections, through: result.through };
}

/** How many advertisements share one transaction and one flush of Offerinf.box. */
const batchSize = 200;
/** How many advertisements' files are written at once. */
const filesInFlight = 16;

export interface ProcessOptions {
  /** Stops between batches when it says so. */
  readonly stopping?: () => boolean;
  /** A collection whose recorded joins and leaves (a `.CMN`) move versions in the first batch. */
  readonly memberChangesOf?: string;
  /** Advertisements per transaction; regenerateAllPolicy takes them all at once. */
  readonly batchSize?: number;
}

/**
 * Makes each advertisement's policy what the database says it should be now: the collections it
 * reaches recorded, versions moved only where policy really changed, then its Offerinf.box files.
 * Idempotent: run again, it changes nothing. Advertisements go in batches, each one transaction
 * whose touched resources take one version in one set statement and, where the volume can be
 * flushed whole (syncfs), one flush for all its files instead of an fsync each. A batch's files
 * are written after its commit, so a run killed in between leaves the wake-up to be redone, which
 * rewrites them. The lookup files are the caller's (writeLookupFiles), once per wake-up.
 */
export async function processAdvertisements(deps: OfferWorkDeps, advertisementIds: readonly string[], options: ProcessOptions = {}): Promise<OfferOutcome[]> {
  const outcomes: OfferOutcome[] = [];
  const grouped = canSyncVolumes();
  const size = options.batchSize ?? batchSize;
  const { offers } = deps.repos;
  let memberChangesOf = options.memberChangesOf ?? null;
  // Joins and leaves a run before this one consumed (it may have failed halfway) are not this run's.
  offers.forgetMemberChanges();
  try {
    for (let start = 0; start < advertisementIds.length || memberChangesOf !== null; start += size) {
      if (options.stopping?.()) throw new Error('Offer Manager is stopping.');
      const batch = advertisementIds.slice(start, start + size);
      const collectionId = memberChangesOf;
      const applied = deps.work.run((change) => {
        offers.beginBatch();
        if (collectionId !== null) {
          const moved = offers.applyMemberChanges(collectionId);
          if (moved > 0) change.log('offermgr.log', offerManagerName, `Collection ${collectionId}: ${moved} resources joined or left it; their policy version moves.`);
        }
        const items = batch.map((id) => applyAdvertisement(deps, change, id));
        offers.finishBatch();
        return items;
      });
      memberChangesOf = null;
      const writeOne = async (item: Applied) => {
        if (item.outcome === 'offered' && item.offer) await writeOfferFiles(deps.root, deps.siteCode, item.offer, deps.repos.offers, item.includeSubcollections, { fsync: !grouped, through: item.through });
        else await removeOfferFiles(deps.root, item.advertisementId);
      };
      // Files of different advertisements are independent: several in flight keep the file system's
      // threads busy instead of waiting on each open, write and rename in turn.
      for (let at = 0; at < applied.length; at += filesInFlight) await Promise.all(applied.slice(at, at + filesInFlight).map(writeOne));
      for (const item of applied) outcomes.push(item.outcome);
      if (grouped && applied.length > 0) await syncVolume(offerFilesPath(deps.root));
    }
  } finally {
    offers.forgetMemberChanges();
  }
  return outcomes;
}

/** One advertisement: processAdvertisements of one. */
export async function processAdvertisement(deps: OfferWorkDeps, advertisementId: string): Promise<OfferOutcome> {
  const [outcome] = await processAdvertisements(deps, [advertisementId]);
  return outcome!;
}

function report(change: ChangeSet, ad: AdvertisementRecord, previous: OfferRecord | null, offer: OfferRecord, plan: Plan, result: { added: number; removed: number; resourceCount: number; version: number | null }): void {
  const about = { name: ad.name, advertisementId: ad.advertisementId, packageId: ad.packageId, collectionId: ad.collectionId };
  if (offer.state === 'deferred') {
    // Once, when it becomes deferred: each later pass that finds the package still not ready is silent.
    if (previous?.state === 'deferred') return;
    if (plan.problem !== null) change.status({ component: offerManagerName, messageId: 3904, insertionStrings: [...strings(about), plan.problem], attributes: attributes(about) });
    else change.status({ component: offerManagerName, messageId: 3902, insertionStrings: strings(about), attributes: attributes(about) });
    change.log('offermgr.log', offerManagerName, `Package ${ad.packageId} is not ready, will not offer clients advertisement ${ad.advertisementId}${plan.problem ? `: ${plan.problem}` : ' (on no distribution point yet).'}`);
    return;
  }
  const version = String(offer.version);
  if (previous?.state !== 'offered') {
    change.status({ component: offerManagerName, messageId: 3900, insertionStrings: [...strings(about), String(result.resourceCount), version], attributes: attributes(about) });
  } else if (result.added + result.removed > 0) {
    change.status({
      component: offerManagerName,
      messageId: 3903,
      insertionStrings: [...strings(about), String(result.added), String(result.removed), String(result.resourceCount), version],
      attributes: attributes(about),
    });
  }
  change.log('offermgr.log', offerManagerName, `Advertisement ${ad.advertisementId}: ${result.resourceCount} resources (${result.added} added, ${result.removed} removed), policy version ${version}.`);
}

/** A deleted advertisement leaves every resource's policy, and its rows go. */
function withdraw(deps: OfferWorkDeps, change: ChangeSet, advertisementId: string): OfferOutcome {
  const { offers } = deps.repos;
  const previous = offers.get(advertisementId);
  if (!previous) return 'gone';
  const result = offers.applyOffer(advertisementId, null, { offered: false, wasOffered: previous.state === 'offered', bodyChanged: false });
  offers.deleteOffer(advertisementId);
  let name = advertisementId;
  try {
    name = (JSON.parse(previous.body) as { advertisement?: { advertisementName?: string } }).advertisement?.advertisementName ?? advertisementId;
  } catch {
    // A body that is not JSON names nothing; the ID stands in for the name.
  }
  const about = { name, advertisementId, packageId: previous.packageId, collectionId: previous.collectionId };
  change.status({ component: offerManagerName, messageId: 3901, insertionStrings: [...strings(about), String(result.removed)], attributes: attributes(about) });
  change.log('offermgr.log', offerManagerName, `Withdrew deleted advertisement ${advertisementId} from ${result.removed} resources.`);
  return 'withdrawn';
}

/**
 * Every advertisement processed and every stray offer withdrawn, then the lookup files: what the
 * reconcile pass's incremental work must always equal. The lead's bench times it.
 */
export async function regenerateAllPolicy(deps: OfferWorkDeps): Promise<Record<OfferOutcome, number>> {
  const counts: Record<OfferOutcome, number> = { offered: 0, deferred: 0, withdrawn: 0, gone: 0 };
  const ids = [...deps.repos.advertisements.list().map((ad) => ad.advertisementId), ...deps.repos.offers.withoutAdvertisement()];
  for (const outcome of await processAdvertisements(deps, ids, { batchSize: Math.max(1, ids.length) })) counts[outcome]++;
  await writeLookupFiles(deps.root, deps.siteCode, deps.repos.offers, { force: true });
  return counts;
}
