import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../..';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { openDatabase, type SqliteDatabase } from '../connection';
import { OfferRepository, throughSql, type OfferReach } from './offer-repository';

let data: TempDir;
let core: Core;
let db: SqliteDatabase;
let offers: OfferRepository;
let pc1: number;
let pc2: number;
let sites: string;
let lab: string;
let office: string;

/** What Offer Manager does for one advertisement (offered, or deleted when `reach` is null), without the component around it. */
function apply(reach: OfferReach | null, bodyChanged = false, advertisementId = reach?.advertisementId ?? 'A0120000') {
  return db.transaction(() => {
    const previous = offers.get(advertisementId);
    offers.beginBatch();
    const change = offers.applyOffer(advertisementId, reach, { offered: reach !== null, wasOffered: previous?.state === 'offered', bodyChanged });
    offers.finishBatch();
    if (!reach) offers.deleteOffer(advertisementId);
    else {
      const hash = bodyChanged || !previous ? String(Number(previous?.bodyHash.slice(0, 1) ?? 0) + 1).repeat(64).slice(0, 64) : previous.bodyHash;
      offers.saveOffer({ advertisementId, state: 'offered', packageId: 'A0100001', collectionId: reach.collectionId, body: '{}', bodyHash: hash, advertisementModified: 'now',
        resourceCount: change.resourceCount, version: change.version ?? previous?.version ?? 0, processedAt: 'now' });
    }
    return change;
  })();
}

beforeEach(async () => {
  data = makeTempDir('courier-offers-');
  const dataDir = join(data.path, 'site');
  core = createCore({ dataDir });
  pc1 = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC01' })).resourceId;
  pc2 = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC02' })).resourceId;
  sites = value(await core.client['collections:create']({ name: 'Sites' })).collectionId;
  lab = value(await core.client['collections:create']({ name: 'Lab', parentCollectionId: sites, rules: [{ kind: 'direct', resourceId: pc1 }] })).collectionId;
  office = value(await core.client['collections:create']({ name: 'Office', rules: [{ kind: 'direct', resourceId: pc2 }] })).collectionId;
  db = openDatabase(join(dataDir, 'courier.db'));
  offers = new OfferRepository(db);
});
afterEach(() => {
  db.close();
  core.close();
  data.remove();
});

describe('offer targets, in SQL', () => {
  it('reaches members of subcollections through the collection that brings them, and moves versions only where policy changes', () => {
    const down: OfferReach = { advertisementId: 'A0120000', collectionId: sites, includeSubcollections: true };
    const own: OfferReach = { advertisementId: 'A0120001', collectionId: office, includeSubcollections: false };
    expect(apply(down)).toEqual({ added: 1, removed: 0, touched: 1, version: 1, resourceCount: 1, through: [{ collectionId: lab, resources: 1 }] });
    expect(apply(own)).toEqual({ added: 1, removed: 0, touched: 1, version: 2, resourceCount: 1, through: [{ collectionId: office, resources: 1 }] });
    expect(offers.offeredTo(pc1)).toEqual([{ advertisementId: 'A0120000', collectionId: lab }]);
    // What it reached is kept, so a change below finds it without an advertisement row to start from.
    expect(offers.collectionsOf('A0120000')).toEqual([sites, lab].sort());
    expect(offers.advertisementsReaching(lab)).toEqual(['A0120000']);

    // The same again: nothing moves.
    expect(apply(down)).toMatchObject({ added: 0, removed: 0, touched: 0, version: null, resourceCount: 1 });
    expect(offers.policyVersion()).toBe(2);
    // A new body moves every resource that keeps it, and no other.
    expect(apply(down, true)).toMatchObject({ touched: 1, version: 3 });
    expect([offers.resourceVersion(pc1), offers.resourceVersion(pc2)]).toEqual([3, 2]);
    expect(offers.policyChangedSince(pc1, 2)).toBe(true);
    expect(offers.policyChangedSince(pc1, 3)).toBe(false);
    expect(offers.policyChangedSince(pc2, 2)).toBe(false);

    // Withdrawn: it leaves every resource that had it.
    expect(apply(null)).toEqual({ added: 0, removed: 1, touched: 1, version: 4, resourceCount: 0, through: [] });
    expect(offers.offeredTo(pc1)).toEqual([]);
    expect(offers.resourceVersion(pc2)).toBe(2);
  });

  it('finds the advertisements a collection change concerns: on it, above it with subcollections, and where it was before it was unlinked', async () => {
    const insert = db.prepare(`INSERT INTO advertisements (advertisement_id, name, package_id, program_name, collection_id, include_subcollections, source_site, present_time,
       advert_flags, remote_client_flags, time_flags, priority, created_at, last_modified) VALUES (?, 'Ad', 'A0100001', 'Install', ?, ?, 'A01', '2026-12-02T08:00', 0, 0, 0, 2, 'now', 'now')`);
    insert.run('A0120000', sites, 1);
    insert.run('A0120001', sites, 0);
    insert.run('A0120002', office, 0);
    const down: OfferReach = { advertisementId: 'A0120000', collectionId: sites, includeSubcollections: true };
    apply(down);
    expect(offers.advertisementsReaching(lab)).toEqual(['A0120000']);
    expect(offers.advertisementsReaching(sites)).toEqual(['A0120000', 'A0120001']);
    expect(offers.advertisementsReaching(office)).toEqual(['A0120002']);

    value(await core.client['collections:update']({ collectionId: office, changes: { linkedUnder: [sites] } }));
    expect(offers.advertisementsReaching(office)).toEqual(['A0120000', 'A0120002']);
    expect(apply(down)).toMatchObject({ added: 1, removed: 0, resourceCount: 2 });
    expect(offers.offeredTo(pc2)).toEqual([{ advertisementId: 'A0120000', collectionId: office }]);

    value(await core.client['collections:update']({ collectionId: office, changes: { linkedUnder: [] } }));
    // No longer below Sites, but it was when A0120000 was last processed: the change still finds it.
    expect(offers.advertisementsReaching(office)).toEqual(['A0120000', 'A0120002']);
    expect(apply(down)).toMatchObject({ added: 0, removed: 1, resourceCount: 1 });
    expect(offers.advertisementsReaching(office)).toEqual(['A0120002']);
  });

  it('pages a lookup file by resource, each with its advertisements in ID order', () => {
    apply({ advertisementId: 'A0120001', collectionId: 'SMS00001', includeSubcollections: false });
    apply({ advertisementId: 'A0120000', collectionId: sites, includeSubcollections: true });
    expect(offers.lookupPage('system', 0, 1)).toEqual([{ resourceId: pc1, advertisementIds: ['A0120000', 'A0120001'] }]);
    expect(offers.lookupPage('system', pc1, 10)).toEqual([{ resourceId: pc2, advertisementIds: ['A0120001'] }]);
    expect(offers.lookupPage('system', pc2, 10)).toEqual([]);
    expect(offers.lookupPage('user', 0, 10)).toEqual([]);
  });
});

describe('joins and leaves of a collection an advertisement reaches', () => {
  it('are recorded with the membership change and move only those resources, once', async () => {
    apply({ advertisementId: 'A0120000', collectionId: sites, includeSubcollections: true });
    const pending = () => db.prepare('SELECT collection_id, resource_id FROM offer_member_changes ORDER BY 1, 2').raw().all();
    expect(pending()).toEqual([]);
    value(await core.client['collections:add-rule']({ collectionId: lab, rule: { kind: 'direct', resourceId: pc2 } }));
    expect(pending()).toEqual([[lab, pc2]]);
    expect(offers.offeredTo(pc2)).toEqual([{ advertisementId: 'A0120000', collectionId: lab }]);
    const consume = () =>
      db.transaction(() => {
        offers.beginBatch();
        const moved = offers.applyMemberChanges(lab);
        offers.finishBatch();
        return moved;
      })();
    expect(consume()).toBe(1);
    expect([offers.resourceVersion(pc1), offers.resourceVersion(pc2)]).toEqual([1, 2]);
    expect(pending()).toEqual([]);
    // The same wake-up again: nothing left to move.
    expect(consume()).toBe(0);
    expect(offers.policyVersion()).toBe(2);
    // Office is reached by no advertisement: its changes are not recorded at all.
    value(await core.client['collections:add-rule']({ collectionId: office, rule: { kind: 'direct', resourceId: pc1 } }));
    expect(pending()).toEqual([]);
  });
});

describe('the query of an advertisement\'s resources by collection', () => {
  it('reads the members of the reached collections by key, never every membership row', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${throughSql}`).all({ advertisementId: 'A0120000', collectionId: lab }) as { detail: string }[]).map((row) => row.detail);
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH m USING (PRIMARY KEY|INDEX \w+) \(collection_id=\?\)/));
    expect(plan.filter((detail) => /^SCAN m\b/.test(detail))).toEqual([]);
  });
});
