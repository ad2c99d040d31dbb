// npm run bench:offers [-- --systems N --users N --collections N --advertisements N]
// Collection membership, and later the policy built from it, at scale. offers-seed.ts makes the
// site (100,000 systems, 20,000 users, 1,001 user groups, 2,000 collections, 5,000
// advertisements by default); then each phase below runs in turn on it and prints its time:
//  - membership from scratch: every collection evaluated, each after the one it is limited to,
//    in one unit of work (what the collection evaluator does for collections that are due);
//  - a direct rule added (collections:add-rule), until collection_members holds the resource;
//  - a property change (resources:update of a system's OUs) that makes a query rule match,
//    until collection_members holds it: re-evaluated for that resource only;
//  - Update Collection Membership of one query collection, the baseline of the two above;
//  - a bare better-sqlite3 INSERT … SELECT of every membership row into a table without
//    indexes, the floor of the first phase.
//  - all policy from scratch: Offer Manager's regenerateAllPolicy, every advertisement turned into
//    the per-resource policy and its Offerinf.box files, then the lookup files;
//  - the direct rule's collection change reaching policy: what Offer Manager does for that
//    `.CMN` (every advertisement reaching the collection processed, the lookup files rewritten);
//  - one advertisement changed (advertisements:update to another collection) until its
//    resources' policy says so: what Offer Manager does for its `.OFN`.
// The generated packages have no source files, so their advertisements need no DP and are offered.
// Peak RSS is this process's, sampled every 20 ms.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { processAdvertisement, processAdvertisements, offermgrRepositories, regenerateAllPolicy, writeLookupFiles, type OfferWorkDeps } from '../../core/components/offermgr';
import { createCore, type Core } from '../../core/core';
import { CollectionRepository } from '../../core/db/repositories/collection-repository';
import { MembershipRepository } from '../../core/db/repositories/membership-repository';
import { OfferRepository } from '../../core/db/repositories/offer-repository';
import { CollectionMembership } from '../../core/services/collections/collection-membership';
import { queryRuleResourceIds } from '../../core/services/collections/query-rules';
import { openSite, type OpenSite } from '../../core/site/open-site';
import { createSiteLog } from '../../core/site/site-log';
import { openSitePlumbing } from '../../core/site/site-plumbing';
import type { UnitOfWork } from '../../core/site/unit-of-work';
import { value } from '../helpers/api-result';
import { makeTempDir } from '../helpers/temp-dir';
import { defaultOffersSiteSize, offersSiteDir, seedOffersSite, type OffersSite } from './offers-seed';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const parsed = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} takes a whole number.`);
  return parsed;
}

export interface PhaseContext {
  readonly site: OffersSite;
  /** One core on the site, opened before the phases, as a console or `serve` holds one. */
  readonly core: Core;
  /** A connection of the bench's own, to check what the phases wrote. */
  readonly db: OpenSite['db'];
  /** Figures a phase adds beside its time ("1,234,567 members"). */
  readonly note: (text: string) => void;
}

export interface Phase {
  readonly name: string;
  readonly run: (context: PhaseContext) => Promise<void> | void;
}

/** The site's database with the services' membership wiring, as the core and the evaluator build it. */
function openMembership(dataDir: string): { site: OpenSite; membership: CollectionMembership; work: UnitOfWork } {
  const now = () => new Date();
  const site = openSite(dataDir, now);
  const log = createSiteLog(site.root, now);
  const { work } = openSitePlumbing({ db: site.db, root: site.root, log, logAs: { file: 'smsprov.log', component: 'SMS_PROVIDER' }, now });
  const membership = new CollectionMembership({ collections: new CollectionRepository(site.db), memberships: new MembershipRepository(site.db), now, evaluateQueryRule: queryRuleResourceIds });
  return { site, membership, work };
}

/** Offer Manager's work on the site, as its component runs it, on a connection of its own. */
async function withOfferWork<T>(dataDir: string, body: (deps: OfferWorkDeps) => Promise<T>): Promise<T> {
  const now = () => new Date();
  const site = openSite(dataDir, now);
  try {
    const log = createSiteLog(site.root, now);
    const { work } = openSitePlumbing({ db: site.db, root: site.root, log, logAs: { file: 'offermgr.log', component: 'SMS_OFFER_MANAGER' }, now });
    return await body({ repos: offermgrRepositories(site.db), work, root: site.root, siteCode: site.record.siteCode, now });
  } finally {
    site.db.close();
  }
}

/** The resource the direct-rule phase added, for the phase that takes it on to policy. */
let joined: { collectionId: string; resourceId: number } | null = null;

function policyOf(db: OpenSite['db'], resourceId: number): number {
  return new OfferRepository(db).offeredTo(resourceId).length;
}

function memberRows(db: OpenSite['db']): number {
  return db.prepare('SELECT count(*) FROM collection_members').pluck().get() as number;
}

function isMember(db: OpenSite['db'], collectionId: string, resourceId: number): boolean {
  return db.prepare('SELECT 1 FROM collection_members WHERE collection_id = ? AND resource_id = ?').get(collectionId, resourceId) !== undefined;
}

export const phases: Phase[] = [
  {
    name: 'membership from scratch (every collection)',
    run({ site, db, note }) {
      const opened = openMembership(site.dataDir);
      try {
        const updates = opened.work.run((change) => opened.membership.evaluateAll(change));
        note(`${updates.length} collections, ${memberRows(db).toLocaleString('en-US')} membership rows`);
      } finally {
        opened.site.db.close();
      }
    },
  },
  {
    name: 'baseline: bare INSERT … SELECT of those rows',
    run({ db, note }) {
      db.exec('CREATE TEMP TABLE copy (collection_id TEXT, resource_id INTEGER)');
      const rows = db.prepare('INSERT INTO temp.copy SELECT collection_id, resource_id FROM collection_members').run().changes;
      note(`${rows.toLocaleString('en-US')} rows`);
    },
  },
  {
    name: 'all policy from scratch (Offer Manager, every advertisement)',
    async run({ site, db, note }) {
      const counts = await withOfferWork(site.dataDir, (deps) => regenerateAllPolicy(deps));
      const targets = db
        .prepare("SELECT count(*) FROM (SELECT DISTINCT oc.advertisement_id, m.resource_id FROM offers o JOIN offer_collections oc ON oc.advertisement_id = o.advertisement_id JOIN collection_members m ON m.collection_id = oc.collection_id WHERE o.state = 'offered')")
        .pluck()
        .get() as number;
      const resources = db.prepare('SELECT count(*) FROM resource_policy').pluck().get() as number;
      note(`${counts.offered} offered, ${counts.deferred} deferred; ${targets.toLocaleString('en-US')} resource-advertisement rows, ${resources.toLocaleString('en-US')} resources with policy`);
    },
  },
  {
    name: 'a direct rule added (collections:add-rule)',
    async run({ site, core, db, note }) {
      const collectionId = site.directCollections.find((id) => !site.limitedCollections.includes(id))!;
      const resourceId = site.firstSystemId + Math.min(12_345, site.size.systems - 1);
      value(await core.client['collections:add-rule']({ collectionId, rule: { kind: 'direct', resourceId } }));
      if (!isMember(db, collectionId, resourceId)) throw new Error(`${resourceId} did not join ${collectionId}`);
      joined = { collectionId, resourceId };
      note(`${collectionId}, resource ${resourceId}`);
    },
  },
  {
    name: '… and its .CMN reaches that resource\'s policy (Offer Manager)',
    async run({ site, db, note }) {
      if (!joined) throw new Error('The direct-rule phase did not run.');
      const { collectionId, resourceId } = joined;
      const versionOf = () => new OfferRepository(db).resourceVersion(resourceId);
      const before = versionOf();
      const processed = await withOfferWork(site.dataDir, async (deps) => {
        const ids = deps.repos.offers.advertisementsReaching(collectionId);
        await processAdvertisements(deps, ids, { memberChangesOf: collectionId });
        await writeLookupFiles(deps.root, deps.siteCode, deps.repos.offers);
        return ids.length;
      });
      const after = versionOf();
      if (processed > 0 && after <= before) throw new Error(`Resource ${resourceId}'s policy version did not move for ${collectionId}.`);
      note(`${processed} advertisements reach ${collectionId}; the resource's policy version ${before} → ${after}, ${policyOf(db, resourceId)} advertisements`);
    },
  },
  {
    name: 'one advertisement changed (advertisements:update) to policy',
    async run({ site, core, db, note }) {
      const [ad] = value(await core.client['advertisements:list']({}));
      if (!ad) throw new Error('The site has no advertisement.');
      const collectionId = site.queryCollections.find((id) => id !== ad.collectionId)!;
      const versionBefore = db.prepare('SELECT max(version) FROM resource_policy').pluck().get() as number;
      value(await core.client['advertisements:update']({ advertisementId: ad.advertisementId, changes: { collectionId } }));
      await withOfferWork(site.dataDir, async (deps) => {
        await processAdvertisement(deps, ad.advertisementId);
        await writeLookupFiles(deps.root, deps.siteCode, deps.repos.offers);
      });
      const moved = db.prepare('SELECT count(*) FROM resource_policy WHERE version > ?').pluck().get(versionBefore) as number;
      note(`${ad.advertisementId} from ${ad.collectionId} to ${collectionId}: ${moved.toLocaleString('en-US')} resources' policy changed`);
    },
  },
  {
    name: 'a property change makes a query rule match (resources:update)',
    async run({ site, core, db, note }) {
      const { collectionId, ou } = site.ouCollection;
      const resourceId = site.firstSystemId + 1; // in SITE1, not in the collection's OU
      if (isMember(db, collectionId, resourceId)) throw new Error(`${resourceId} is already a member of ${collectionId}`);
      const before = value(await core.client['resources:get']({ resourceId }));
      value(await core.client['resources:update']({ resourceId, changes: { systemOuNames: [...before.systemOuNames, ou] } }));
      if (!isMember(db, collectionId, resourceId)) throw new Error(`${resourceId} did not join ${collectionId}`);
      note(`${collectionId} (${ou}), resource ${resourceId}`);
    },
  },
  {
    name: 'Update Collection Membership of that query collection',
    async run({ site, core, note }) {
      const [update] = value(await core.client['collections:update-membership']({ collectionId: site.ouCollection.collectionId }));
      note(`${update?.memberCount ?? 0} members`);
    },
  },
];

const duration = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function main(): Promise<void> {
  const size = {
    ...defaultOffersSiteSize,
    systems: argument('systems', defaultOffersSiteSize.systems),
    users: argument('users', defaultOffersSiteSize.users),
    collections: argument('collections', defaultOffersSiteSize.collections),
    advertisements: argument('advertisements', defaultOffersSiteSize.advertisements),
  };
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const temp = makeTempDir('courier-bench-offers-');
  try {
    console.log(`${size.systems} systems, ${size.users} users, ${size.userGroups + 1} user groups, ${size.collections} collections, ${size.advertisements} advertisements; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    let started = performance.now();
    const site = await seedOffersSite(offersSiteDir(temp.path), size);
    console.log(`${'seed (repositories, one transaction)'.padEnd(64)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
    const core = createCore({ dataDir: site.dataDir });
    const own = openSite(site.dataDir, () => new Date());
    try {
      for (const phase of phases) {
        const notes: string[] = [];
        const cpu = process.cpuUsage();
        started = performance.now();
        await phase.run({ site, core, db: own.db, note: (text) => notes.push(text) });
        const ms = performance.now() - started;
        const used = process.cpuUsage(cpu);
        const cpuMs = (used.user + used.system) / 1000;
        console.log(`${phase.name.padEnd(64)} ${duration(ms)} (CPU ${duration(cpuMs)})${notes.length > 0 ? `  ${notes.join('; ')}` : ''}`);
      }
    } finally {
      own.db.close();
      core.close();
    }
    console.log(`${'peak RSS'.padEnd(64)} ${(Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024).toFixed(0)} MiB; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    clearInterval(sampler);
    temp.remove();
  }
}

void main();
