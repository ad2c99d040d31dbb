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

/** The collections an advertisement reaches: its own and, with subcollections, every one below (links too). */
const reachCte = `WITH RECURSIVE down (collection_id) AS (
    SELECT @collectionId
    UNION
    SELECT l.child_id FROM collection_links l JOIN down d ON l.parent_id = d.collection_id WHERE @includeSubcollections = 1
  )`;

/**
 * The resources an advertisement reaches (`@collectionId`, and its subcollections when
 * `@includeSubcollections` is 1), each with the collection that brings it: the advertised one
 * where the resource is a member of it, else the first below. CROSS JOIN keeps the reached
 * collections outermost: left to itself SQLite walks every membership row in resource order for
 * the GROUP BY (42 ms an advertisement at 550,000 rows, against 0.3 ms).
 */
export const reachedMembersSql = `${reachCte}
  SELECT m.resource_id, substr(MIN((m.collection_id <> @collectionId) || m.collection_id), 2)
  FROM down d CROSS JOIN collection_members m ON m.collection_id = d.collection_id
  GROUP BY m.resource_id`;

/**
 * Offer Manager's tables, set-based: an advertisement's resources are computed, compared and
 * written in SQL (INSERT … SELECT, EXCEPT), never loaded into memory. The writes run inside the
 * caller's transaction.
 */
export class OfferRepository {
  constructor(private readonly db: SqliteDatabase) {
    // Per connection: the resources an advertisement should reach now, and those whose policy moves.
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS offer_desired (resource_id INTEGER PRIMARY KEY, collection_id TEXT NOT NULL);
      CREATE TEMP TABLE IF NOT EXISTS offer_touched (resource_id INTEGER PRIMARY KEY);`);
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
   * Whether clients could fetch the package now: a copy on at least one distribution point that is
   * not being removed. A DP getting a new source version still holds the previous one.
   */
  packageOnDp(packageId: string): boolean {
    return (
      prepared(this.db, "SELECT 1 FROM package_dps WHERE package_id = ? AND source_version IS NOT NULL AND state NOT IN ('removalPending', 'removalFailed') LIMIT 1")
        .pluck()
        .get(packageId) !== undefined
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
   * Makes the advertisement's targets what `reach` says now (or none, when `reach` is null: it is
   * deferred or deleted). Only resources whose policy really changes get the next policy version:
   * those that gain or lose it, and, when `bodyChanged`, every resource that keeps it.
   */
  applyTargets(advertisementId: string, reach: OfferReach | null, bodyChanged: boolean): OfferChange {
    const id = advertisementId;
    prepared(this.db, 'DELETE FROM temp.offer_desired').run();
    prepared(this.db, 'DELETE FROM temp.offer_touched').run();
    if (reach) {
      const params = { collectionId: reach.collectionId, includeSubcollections: reach.includeSubcollections ? 1 : 0 };
      prepared(this.db, `INSERT INTO temp.offer_desired (resource_id, collection_id) ${reachedMembersSql}`).run(params);
    }
    const added = prepared(this.db, 'INSERT OR IGNORE INTO temp.offer_touched (resource_id) SELECT resource_id FROM temp.offer_desired EXCEPT SELECT resource_id FROM offer_targets WHERE advertisement_id = ?').run(id).changes;
    const removed = prepared(this.db, 'INSERT OR IGNORE INTO temp.offer_touched (resource_id) SELECT resource_id FROM offer_targets WHERE advertisement_id = ? EXCEPT SELECT resource_id FROM temp.offer_desired').run(id).changes;
    if (bodyChanged) prepared(this.db, 'INSERT OR IGNORE INTO temp.offer_touched (resource_id) SELECT resource_id FROM temp.offer_desired').run();
    const touched = prepared(this.db, 'SELECT count(*) FROM temp.offer_touched').pluck().get() as number;
    let version: number | null = null;
    if (touched > 0) {
      version = this.nextVersion();
      prepared(
        this.db,
        `INSERT INTO resource_policy (resource_id, version) SELECT resource_id, ? FROM temp.offer_touched WHERE true
         ON CONFLICT (resource_id) DO UPDATE SET version = excluded.version`,
      ).run(version);
    }
    if (removed > 0) prepared(this.db, 'DELETE FROM offer_targets WHERE advertisement_id = ? AND resource_id NOT IN (SELECT resource_id FROM temp.offer_desired)').run(id);
    prepared(
      this.db,
      `INSERT INTO offer_targets (advertisement_id, resource_id, collection_id) SELECT ?, resource_id, collection_id FROM temp.offer_desired WHERE true
       ON CONFLICT (advertisement_id, resource_id) DO UPDATE SET collection_id = excluded.collection_id WHERE collection_id <> excluded.collection_id`,
    ).run(id);
    const resourceCount = prepared(this.db, 'SELECT count(*) FROM temp.offer_desired').pluck().get() as number;
    return { added, removed, touched, version, resourceCount };
  }

  /** Records the collections the advertisement reaches now, so a change to any of them finds it. */
  recordCollections(reach: OfferReach): void {
    prepared(this.db, 'DELETE FROM offer_collections WHERE advertisement_id = ?').run(reach.advertisementId);
    prepared(this.db, `${reachCte} INSERT INTO offer_collections (advertisement_id, collection_id) SELECT @advertisementId, collection_id FROM down`).run({
      advertisementId: reach.advertisementId,
      collectionId: reach.collectionId,
      includeSubcollections: reach.includeSubcollections ? 1 : 0,
    });
  }

  collectionsOf(advertisementId: string): string[] {
    return prepared(this.db, 'SELECT collection_id FROM offer_collections WHERE advertisement_id = ? ORDER BY collection_id').pluck().all(advertisementId) as string[];
  }

  /** How many resources the advertisement reaches through each member collection. */
  targetsByCollection(advertisementId: string): { collectionId: string; resources: number }[] {
    return prepared(this.db, 'SELECT collection_id AS collectionId, count(*) AS resources FROM offer_targets WHERE advertisement_id = ? GROUP BY collection_id ORDER BY collection_id').all(
      advertisementId,
    ) as { collectionId: string; resources: number }[];
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

  /** A withdrawn advertisement's rows; its targets must have been emptied first (applyTargets with null). */
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
    return prepared(this.db, 'SELECT advertisement_id AS advertisementId, collection_id AS collectionId FROM offer_targets WHERE resource_id = ? ORDER BY advertisement_id').all(
      resourceId,
    ) as OfferedTo[];
  }

  /** What the management point serves the resource, or null when there is no such resource. */
  policyFor(resourceId: number): ResourcePolicy | null {
    const resourceType = prepared(this.db, 'SELECT resource_type FROM resources WHERE resource_id = ?').pluck().get(resourceId) as ResourceType | undefined;
    if (resourceType === undefined) return null;
    const advertisements = prepared(
      this.db,
      `SELECT t.advertisement_id AS advertisementId, t.collection_id AS collectionId, o.body AS body
       FROM offer_targets t JOIN offers o ON o.advertisement_id = t.advertisement_id WHERE t.resource_id = ? ORDER BY t.advertisement_id`,
    ).all(resourceId) as (OfferedTo & { body: string })[];
    return { resourceId, resourceType, kind: resourceType === 'system' ? 'machine' : 'user', version: this.resourceVersion(resourceId), advertisements };
  }

  /**
   * One page of a lookup file: resources of the type after `afterResourceId` that are offered
   * anything, with their advertisements. Paged so a lookup file of any size is written without
   * holding every resource.
   */
  lookupPage(resourceType: ResourceType, afterResourceId: number, limit: number): LookupEntry[] {
    // Walks resources by primary key (`+` keeps the type's index out of it, which would need a sort),
    // each resource's advertisements read in order from the covering offer_targets_resource index.
    const rows = prepared(
      this.db,
      `SELECT r.resource_id AS resourceId,
         (SELECT group_concat(advertisement_id, ',') FROM (SELECT t.advertisement_id FROM offer_targets t WHERE t.resource_id = r.resource_id ORDER BY t.advertisement_id)) AS ids
       FROM resources r
       WHERE r.resource_id > ? AND +r.resource_type = ? AND EXISTS (SELECT 1 FROM offer_targets t WHERE t.resource_id = r.resource_id)
       ORDER BY r.resource_id LIMIT ?`,
    ).all(afterResourceId, resourceType, limit) as { resourceId: number; ids: string }[];
    return rows.map((row) => ({ resourceId: row.resourceId, advertisementIds: row.ids.split(',') }));
  }
}
