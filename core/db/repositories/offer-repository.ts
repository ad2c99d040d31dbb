import type { ResourceType } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export type OfferState = 'offered' | 'deferred';

/** What Offer Manager last made of an advertisement (migration 0011). */
export interface OfferRecord {
  readonly advertisementId: string;
  readonly state: OfferState;
  readonly packageId: string;
  readonly collectionId: string;
  /** The policy body as JSON text: what a client evaluates. */
  readonly body: string;
  readonly bodyHash: string;
  /** The advertisement's last_modified the offer was made from. */
  readonly advertisementModified: string;
  readonly resourceCount: number;
  /** The policy version at which this offer last changed. */
  readonly version: number;
  readonly processedAt: string;
}

/** Where an advertisement should reach: its collection, with or without those below it. */
export interface OfferReach {
  readonly advertisementId: string;
  readonly collectionId: string;
  readonly includeSubcollections: boolean;
}

export interface OfferChange {
  /** Resources that gained the advertisement. */
  readonly added: number;
  /** Resources that lost it. */
  readonly removed: number;
  /** Resources whose policy version moved: those added, removed, and with a new body all that keep it. */
  readonly touched: number;
  /** How many resources each reached collection brings it (for the `.ins`). */
  readonly through: readonly { readonly collectionId: string; readonly resources: number }[];
  /** The version those resources now have, or null when none moved. */
  readonly version: number | null;
  readonly resourceCount: number;
}

/** One line of a lookup file: a resource and the advertisements it is offered, in ID order. */
export interface LookupEntry {
  readonly resourceId: number;
  readonly advertisementIds: readonly string[];
}

export interface OfferedTo {
  readonly advertisementId: string;
  /** The collection the resource is a member of that brings it the advertisement. */
  readonly collectionId: string;
}

/** A resource's materialized policy: machine policy for a system, user policy for users and groups. */
export interface ResourcePolicy {
  readonly resourceId: number;
  readonly resourceType: ResourceType;
  readonly kind: 'machine' | 'user';
  /** 0 when it never had policy. */
  readonly version: number;
  readonly advertisements: readonly (OfferedTo & { readonly body: string })[];
}

const offerColumns = `advertisement_id AS advertisementId, state, package_id AS packageId, collection_id AS collectionId, body, body_hash AS bodyHash,
  advertisement_modified AS advertisementModified, resource_count AS resourceCount, version, processed_at AS processedAt`;

/**
 * The collections an advertisement reaches: its own and, with subcollections, every one below
 * (links too). Shared with the dry run of an advertisement, so it counts the members Offer
 * Manager offers it to.
 */
export const reachCte = `WITH RECURSIVE down (collection_id) AS (
    SELECT @collectionId
    UNION
    SELECT l.child_id FROM collection_links l JOIN down d ON l.parent_id = d.collection_id WHERE @includeSubcollections = 1
  )`;

/**
 * How many resources an advertisement reaches through each of its reached collections (already
 * in `offer_collections`), each resource counted once, under the collection that brings it: the
 * advertised one (`@collectionId`) where the resource is a member of it, else the first below.
 * CROSS JOIN keeps the reached collections outermost: left to itself SQLite walks every membership
 * row in resource order for the GROUP BY.
 */
export const throughSql = `SELECT via AS collectionId, count(*) AS resources FROM (
    SELECT substr(MIN((m.collection_id <> @collectionId) || m.collection_id), 2) AS via
    FROM offer_collections oc CROSS JOIN collection_members m ON m.collection_id = oc.collection_id
    WHERE oc.advertisement_id = @advertisementId GROUP BY m.resource_id
  ) GROUP BY via ORDER BY via`;

/** The offered advertisements a resource gets, each with the collection that brings it. */
const offeredToSql = `SELECT oc.advertisement_id AS advertisementId, substr(MIN((m.collection_id <> o.collection_id) || m.collection_id), 2) AS collectionId, o.body AS body
  FROM collection_members m JOIN offer_collections oc ON oc.collection_id = m.collection_id
  JOIN offers o ON o.advertisement_id = oc.advertisement_id AND o.state = 'offered'
  WHERE m.resource_id = ? GROUP BY oc.advertisement_id ORDER BY oc.advertisement_id`;

export class OfferRepository {
  /** The version the current batch's changes take, once one is taken. */
  private batchVersion: number | null = null;
  /**
   * The collection whose joins and leaves a run consumed (applyMemberChanges), or null; kept for
   * every batch of the run until forgetMemberChanges, so an advertisement in a later batch counts
   * the resources it gained or lost by them as one in the first does.
   */
  private changedCollection: string | null = null;
  /** The version the joined and left resources took, in the batch that consumed their changes. */
  private memberChangesVersion: number | null = null;
  /** The offered advertisements by collection, for the lookup pages being written (prepareLookup). */
  private lookup: { byCollection: Map<string, string[]>; byCollections: Map<string, string[]> } | null = null;

  constructor(private readonly db: SqliteDatabase) {
    // Per connection: an advertisement's reached collections before and after, and what a batch touched.
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS offer_old_collections (collection_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS offer_new_collections (collection_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS offer_touched_collections (collection_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS offer_touched (resource_id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE IF NOT EXISTS offer_joined (resource_id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE IF NOT EXISTS offer_left (resource_id INTEGER PRIMARY KEY);`);
  }

  get(advertisementId: string): OfferRecord | null {
    return (prepared(this.db, `SELECT ${offerColumns} FROM offers WHERE advertisement_id = ?`).get(advertisementId) as OfferRecord | undefined) ?? null;
  }

  list(): OfferRecord[] {
    return prepared(this.db, `SELECT ${offerColumns} FROM offers ORDER BY advertisement_id`).all() as OfferRecord[];
  }

  /** Offers whose advertisement is gone: to be withdrawn. */
  withoutAdvertisement(): string[] {
    return prepared(this.db, 'SELECT advertisement_id FROM offers WHERE advertisement_id NOT IN (SELECT advertisement_id FROM advertisements) ORDER BY advertisement_id')
      .pluck()
      .all() as string[];
  }

  /**
   * The newest source version of the package clients could fetch now: held by a distribution point
   * that is not removing it, or null when none holds any. A DP getting a new source version still
   * holds the previous one, which it reports until the new one is installed.
   */
  versionOnDp(packageId: string): number | null {
    return (
      (prepared(this.db, "SELECT max(source_version) FROM package_dps WHERE package_id = ? AND source_version IS NOT NULL AND state NOT IN ('removalPending', 'removalFailed')")
        .pluck()
        .get(packageId) as number | null | undefined) ?? null
    );
  }

  /**
   * The advertisements a change of the collection's members can concern: those on it, those on a
   * collection above it that include subcollections, and those that reached it when last
   * processed (it may since have been unlinked from under them).
   */
  advertisementsReaching(collectionId: string): string[] {
    return prepared(
      this.db,
      `WITH RECURSIVE up (collection_id, depth) AS (
         SELECT @collectionId, 0
         UNION
         SELECT l.parent_id, u.depth + 1 FROM collection_links l JOIN up u ON l.child_id = u.collection_id
       )
       SELECT a.advertisement_id FROM up u JOIN advertisements a ON a.collection_id = u.collection_id WHERE u.depth = 0 OR a.include_subcollections = 1
       UNION
       SELECT advertisement_id FROM offer_collections WHERE collection_id = @collectionId
       ORDER BY 1`,
    )
      .pluck()
      .all({ collectionId }) as string[];
  }

  /**
   * Starts a batch of advertisements (one transaction): the resources whose policy they change
   * are gathered, and take one version together in finishBatch, one set statement however many
   * advertisements share them. The joins and leaves of a collection a run consumed stay.
   */
  beginBatch(): void {
    prepared(this.db, 'DELETE FROM temp.offer_touched').run();
    prepared(this.db, 'DELETE FROM temp.offer_touched_collections').run();
    this.batchVersion = null;
  }

  /** Ends a run that consumed a collection's joins and leaves: the next run counts none of them. */
  forgetMemberChanges(): void {
    prepared(this.db, 'DELETE FROM temp.offer_joined').run();
    prepared(this.db, 'DELETE FROM temp.offer_left').run();
    this.changedCollection = null;
    this.memberChangesVersion = null;
  }

  /** Gives every resource the batch touched its version; returns how many. */
  finishBatch(): number {
    if (this.batchVersion === null) return 0;
    const moved = prepared(
      this.db,
      `INSERT INTO resource_policy (resource_id, version)
       SELECT resource_id, @version FROM (
         SELECT m.resource_id FROM temp.offer_touched_collections t CROSS JOIN collection_members m ON m.collection_id = t.collection_id
         UNION SELECT resource_id FROM temp.offer_touched WHERE resource_id IN (SELECT resource_id FROM resources)
       ) WHERE true
       ON CONFLICT (resource_id) DO UPDATE SET version = excluded.version`,
    ).run({ version: this.batchVersion }).changes;
    this.beginBatch();
    return moved;
  }

  private version(): number {
    this.batchVersion ??= this.nextVersion();
    return this.batchVersion;
  }

  /**
   * Records what the advertisement reaches now (`reach`; null when it is deleted) and, inside a
   * batch, which resources' policy that changes. `offered` is whether clients get it now,
   * `wasOffered` whether they did. When it is offered both times with the same body, the resources
   * that change are the members of the collections gained or lost, less those still reached;
   * otherwise every member of what it reached and reaches. Nothing per advertisement and resource
   * is stored: a resource's advertisements come from its memberships (offeredTo).
   */
  applyOffer(advertisementId: string, reach: OfferReach | null, state: { offered: boolean; wasOffered: boolean; bodyChanged: boolean }): OfferChange {
    const id = advertisementId;
    prepared(this.db, 'DELETE FROM temp.offer_old_collections').run();
    prepared(this.db, 'DELETE FROM temp.offer_new_collections').run();
    if (state.wasOffered) prepared(this.db, 'INSERT INTO temp.offer_old_collections SELECT collection_id FROM offer_collections WHERE advertisement_id = ?').run(id);
    prepared(this.db, 'DELETE FROM offer_collections WHERE advertisement_id = ?').run(id);
    if (reach) {
      const params = { advertisementId: id, collectionId: reach.collectionId, includeSubcollections: reach.includeSubcollections ? 1 : 0 };
      prepared(this.db, `${reachCte} INSERT INTO offer_collections (advertisement_id, collection_id) SELECT @advertisementId, collection_id FROM down`).run(params);
      if (state.offered) prepared(this.db, 'INSERT INTO temp.offer_new_collections SELECT collection_id FROM offer_collections WHERE advertisement_id = ?').run(id);
    }
    const oldCount = prepared(this.db, 'SELECT count(*) FROM temp.offer_old_collections').pluck().get() as number;
    const newCount = prepared(this.db, 'SELECT count(*) FROM temp.offer_new_collections').pluck().get() as number;
    const through = state.offered && reach ? this.throughOf(id, reach.collectionId, newCount) : [];
    const resourceCount = through.reduce((sum, row) => sum + row.resources, 0);
    const membersOf = (table: string) => `SELECT m.resource_id FROM temp.${table} c CROSS JOIN collection_members m ON m.collection_id = c.collection_id`;
    let added = 0;
    let removed = 0;
    let touched = 0;
    let byMemberChanges = 0;
    if (oldCount === 0) {
      added = resourceCount;
      touched = added;
      if (touched > 0) prepared(this.db, 'INSERT OR IGNORE INTO temp.offer_touched_collections SELECT collection_id FROM temp.offer_new_collections').run();
    } else {
      const same =
        oldCount === newCount &&
        prepared(this.db, 'SELECT count(*) FROM temp.offer_old_collections WHERE collection_id IN (SELECT collection_id FROM temp.offer_new_collections)').pluck().get() === oldCount;
      if (!same || state.bodyChanged) {
        added = prepared(this.db, `INSERT OR IGNORE INTO temp.offer_touched (resource_id) ${membersOf('offer_new_collections')} EXCEPT ${membersOf('offer_old_collections')}`).run().changes;
        removed = prepared(this.db, `INSERT OR IGNORE INTO temp.offer_touched (resource_id) ${membersOf('offer_old_collections')} EXCEPT ${membersOf('offer_new_collections')}`).run().changes;
        touched = added + removed;
        if (state.bodyChanged && resourceCount > 0) {
          prepared(this.db, 'INSERT OR IGNORE INTO temp.offer_touched_collections SELECT collection_id FROM temp.offer_new_collections').run();
          touched += resourceCount - added;
        }
      }
    }
    if (this.changedCollection !== null && state.wasOffered && state.offered) {
      // Joins and leaves of a collection it reaches (its .CMN): those that gained or lost it by
      // them, the resources not brought by another collection it reaches.
      const params = { collectionId: this.changedCollection };
      const reaches = prepared(this.db, 'SELECT 1 FROM temp.offer_new_collections WHERE collection_id = @collectionId').get(params) !== undefined;
      if (reaches) {
        const elsewhere = (alias: string) =>
          `EXISTS (SELECT 1 FROM temp.offer_new_collections c CROSS JOIN collection_members m ON m.collection_id = c.collection_id AND m.resource_id = ${alias}.resource_id WHERE c.collection_id <> @collectionId)`;
        const joined = prepared(this.db, `SELECT count(*) FROM temp.offer_joined j WHERE NOT ${elsewhere('j')}`).pluck().get(params) as number;
        const left = prepared(this.db, `SELECT count(*) FROM temp.offer_left l WHERE NOT ${elsewhere('l')}`).pluck().get(params) as number;
        added += joined;
        removed += left;
        byMemberChanges = joined + left;
      }
    }
    // Those resources took their version in the batch that consumed the changes, perhaps an
    // earlier one: that is the version this advertisement's change is at, unless it moved others now.
    const version = touched > 0 ? this.version() : byMemberChanges > 0 ? this.memberChangesVersion : null;
    return { added, removed, touched: touched + byMemberChanges, version, resourceCount, through };
  }

  private throughOf(advertisementId: string, collectionId: string, collections: number): { collectionId: string; resources: number }[] {
    if (collections === 1) {
      // One collection: its members, counted on its primary key without grouping.
      const resources = prepared(this.db, 'SELECT count(*) FROM collection_members WHERE collection_id = ?').pluck().get(collectionId) as number;
      return resources > 0 ? [{ collectionId, resources }] : [];
    }
    return prepared(this.db, throughSql).all({ advertisementId, collectionId }) as { collectionId: string; resources: number }[];
  }

  /**
   * The resources that joined or left the collection since its last `.CMN` (recorded by the
   * triggers of migration 0015) take the batch's version when an offered advertisement reaches
   * it; the record is consumed either way. Returns how many resources that was. Called before the
   * first batch's advertisements, so each advertisement of the run that reaches the collection, in
   * this batch or a later one, counts those it gained or lost by it (until forgetMemberChanges).
   */
  applyMemberChanges(collectionId: string): number {
    this.forgetMemberChanges();
    const offered = prepared(
      this.db,
      "SELECT 1 FROM offer_collections oc JOIN offers o ON o.advertisement_id = oc.advertisement_id AND o.state = 'offered' WHERE oc.collection_id = ? LIMIT 1",
    ).get(collectionId);
    let moved = 0;
    if (offered !== undefined) {
      const params = { collectionId };
      prepared(this.db, 'INSERT INTO temp.offer_joined SELECT c.resource_id FROM offer_member_changes c JOIN collection_members m ON m.collection_id = c.collection_id AND m.resource_id = c.resource_id WHERE c.collection_id = @collectionId').run(params);
      prepared(
        this.db,
        'INSERT INTO temp.offer_left SELECT c.resource_id FROM offer_member_changes c WHERE c.collection_id = @collectionId AND NOT EXISTS (SELECT 1 FROM collection_members m WHERE m.collection_id = c.collection_id AND m.resource_id = c.resource_id)',
      ).run(params);
      moved = prepared(this.db, 'INSERT OR IGNORE INTO temp.offer_touched (resource_id) SELECT resource_id FROM offer_member_changes WHERE collection_id = ?').run(collectionId).changes;
      if (moved > 0) this.memberChangesVersion = this.version();
      this.changedCollection = collectionId;
    }
    prepared(this.db, 'DELETE FROM offer_member_changes WHERE collection_id = ?').run(collectionId);
    return moved;
  }

  collectionsOf(advertisementId: string): string[] {
    return prepared(this.db, 'SELECT collection_id FROM offer_collections WHERE advertisement_id = ? ORDER BY collection_id').pluck().all(advertisementId) as string[];
  }

  /** How many resources the offered advertisement reaches through each member collection. */
  targetsByCollection(advertisementId: string): { collectionId: string; resources: number }[] {
    const offer = this.get(advertisementId);
    if (offer?.state !== 'offered') return [];
    return prepared(this.db, throughSql).all({ advertisementId, collectionId: offer.collectionId }) as { collectionId: string; resources: number }[];
  }

  saveOffer(record: OfferRecord): void {
    prepared(
      this.db,
      `INSERT INTO offers (advertisement_id, state, package_id, collection_id, body, body_hash, advertisement_modified, resource_count, version, processed_at)
       VALUES (@advertisementId, @state, @packageId, @collectionId, @body, @bodyHash, @advertisementModified, @resourceCount, @version, @processedAt)
       ON CONFLICT (advertisement_id) DO UPDATE SET state = excluded.state, package_id = excluded.package_id, collection_id = excluded.collection_id,
         body = excluded.body, body_hash = excluded.body_hash, advertisement_modified = excluded.advertisement_modified,
         resource_count = excluded.resource_count, version = excluded.version, processed_at = excluded.processed_at`,
    ).run(record);
  }

  /** A withdrawn advertisement's rows; its resources' versions must have been moved first (applyOffer with null). */
  deleteOffer(advertisementId: string): void {
    prepared(this.db, 'DELETE FROM offer_collections WHERE advertisement_id = ?').run(advertisementId);
    prepared(this.db, 'DELETE FROM offers WHERE advertisement_id = ?').run(advertisementId);
  }

  /** The site-wide policy version: the highest any policy has. */
  policyVersion(): number {
    return prepared(this.db, 'SELECT version FROM policy_counter WHERE id = 1').pluck().get() as number;
  }

  /** The policy version the lookup files were last written at (0: never). */
  lookupVersion(): number {
    return prepared(this.db, 'SELECT lookup_version FROM policy_counter WHERE id = 1').pluck().get() as number;
  }

  /** The lookup files now hold policy as of `version`. */
  recordLookupVersion(version: number): void {
    prepared(this.db, 'UPDATE policy_counter SET lookup_version = ? WHERE id = 1').run(version);
  }

  private nextVersion(): number {
    return prepared(this.db, 'UPDATE policy_counter SET version = version + 1 WHERE id = 1 RETURNING version').pluck().get() as number;
  }

  /** The version at which the resource's policy last changed; 0 when it never had any. */
  resourceVersion(resourceId: number): number {
    return (prepared(this.db, 'SELECT version FROM resource_policy WHERE resource_id = ?').pluck().get(resourceId) as number | undefined) ?? 0;
  }

  /** "Anything new since version N?": one primary-key lookup, for the management point. */
  policyChangedSince(resourceId: number, version: number): boolean {
    return this.resourceVersion(resourceId) > version;
  }

  /** The advertisements the resource is offered, in ID order. */
  offeredTo(resourceId: number): OfferedTo[] {
    return (prepared(this.db, offeredToSql).all(resourceId) as (OfferedTo & { body: string })[]).map(({ advertisementId, collectionId }) => ({ advertisementId, collectionId }));
  }

  /** What the management point serves the resource, or null when there is no such resource. */
  policyFor(resourceId: number): ResourcePolicy | null {
    const resourceType = prepared(this.db, 'SELECT resource_type FROM resources WHERE resource_id = ?').pluck().get(resourceId) as ResourceType | undefined;
    if (resourceType === undefined) return null;
    const advertisements = prepared(this.db, offeredToSql).all(resourceId) as (OfferedTo & { body: string })[];
    return { resourceId, resourceType, kind: resourceType === 'system' ? 'machine' : 'user', version: this.resourceVersion(resourceId), advertisements };
  }

  /**
   * One page of a lookup file: resources of the type after `afterResourceId` that are offered
   * anything, with their advertisements. Paged so a lookup file of any size is written without
   * holding every resource. Call prepareLookup first.
   */
  lookupPage(resourceType: ResourceType, afterResourceId: number, limit: number): LookupEntry[] {
    // The first page reads what is offered now; the pages after it go on from the same.
    const lookup = afterResourceId === 0 || !this.lookup ? this.prepareLookup() : this.lookup;
    const entries: LookupEntry[] = [];
    let after = afterResourceId;
    // Each resource's collections come from the primary key and collection_members_resource, in
    // resource order (`+` keeps the type's index out of it, which would need a sort); resources
    // in the same collections, most of them, share one computed list of advertisements.
    const page = prepared(
      this.db,
      `SELECT r.resource_id AS resourceId, (SELECT group_concat(m.collection_id, ',') FROM collection_members m WHERE m.resource_id = r.resource_id) AS collections
       FROM resources r WHERE r.resource_id > ? AND +r.resource_type = ? ORDER BY r.resource_id LIMIT ?`,
    );
    while (entries.length < limit) {
      const rows = page.all(after, resourceType, limit) as { resourceId: number; collections: string | null }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        if (entries.length === limit) break;
        after = row.resourceId;
        if (row.collections === null) continue;
        let advertisementIds = lookup.byCollections.get(row.collections);
        if (advertisementIds === undefined) {
          const union = new Set<string>();
          for (const collectionId of row.collections.split(',')) for (const id of lookup.byCollection.get(collectionId) ?? []) union.add(id);
          advertisementIds = [...union].sort();
          lookup.byCollections.set(row.collections, advertisementIds);
        }
        if (advertisementIds.length > 0) entries.push({ resourceId: row.resourceId, advertisementIds });
      }
    }
    return entries;
  }

  /** What the lookup pages that follow read: the offered advertisements reaching each collection, as the database holds them now. */
  private prepareLookup(): { byCollection: Map<string, string[]>; byCollections: Map<string, string[]> } {
    const rows = prepared(
      this.db,
      "SELECT oc.collection_id AS collectionId, oc.advertisement_id AS advertisementId FROM offer_collections oc JOIN offers o ON o.advertisement_id = oc.advertisement_id AND o.state = 'offered'",
    ).all() as { collectionId: string; advertisementId: string }[];
    const byCollection = new Map<string, string[]>();
    for (const row of rows) {
      const list = byCollection.get(row.collectionId);
      if (list) list.push(row.advertisementId);
      else byCollection.set(row.collectionId, [row.advertisementId]);
    }
    this.lookup = { byCollection, byCollections: new Map() };
    return this.lookup;
  }
}
