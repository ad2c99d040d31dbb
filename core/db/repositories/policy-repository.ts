import type { ResourceType } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import type { ResourceIdQuery } from './collection-repository';

/** One way an advertisement reaches a resource: the collection it is a member of, and the path to it. */
export interface PolicyReach {
  readonly advertisementId: string;
  readonly memberCollectionId: string;
  /** Collection IDs from the advertised collection down to the member collection. */
  readonly path: readonly string[];
}

export interface ResourceName {
  readonly resourceId: number;
  readonly name: string;
  readonly resourceType: ResourceType;
}

/**
 * Upwards from every collection the resource is a member of, through subcollections and links
 * alike; an advertisement counts where it is on the member collection itself, or above it when it
 * includes subcollections. The tree has no cycles (the collections feature refuses them).
 */
const reachSql = `WITH RECURSIVE up (member_id, collection_id, path, depth) AS (
    SELECT collection_id, collection_id, collection_id, 0 FROM collection_members WHERE resource_id = ?
    UNION ALL
    SELECT u.member_id, l.parent_id, l.parent_id || ',' || u.path, u.depth + 1 FROM collection_links l JOIN up u ON l.child_id = u.collection_id
  )
  SELECT a.advertisement_id AS advertisementId, u.member_id AS memberCollectionId, u.path AS path
  FROM up u JOIN advertisements a ON a.collection_id = u.collection_id
  WHERE u.depth = 0 OR a.include_subcollections = 1
  ORDER BY a.advertisement_id, u.depth, u.path`;

/** What a resource receives, in SQL: no collection is loaded that does not lead to it. */
export class PolicyRepository {
  constructor(private readonly db: SqliteDatabase) {}

  reach(resourceId: number): PolicyReach[] {
    const rows = prepared(this.db, reachSql).all(resourceId) as { advertisementId: string; memberCollectionId: string; path: string }[];
    return rows.map((row) => ({ ...row, path: row.path.split(',') }));
  }

  /** Resources of any type with that name, any case. */
  resourcesNamed(name: string): ResourceName[] {
    return prepared(this.db, 'SELECT resource_id AS resourceId, name, resource_type AS resourceType FROM resources WHERE name = ? COLLATE NOCASE ORDER BY resource_id').all(
      name,
    ) as ResourceName[];
  }

  resource(resourceId: number): ResourceName | null {
    return (prepared(this.db, 'SELECT resource_id AS resourceId, name, resource_type AS resourceType FROM resources WHERE resource_id = ?').get(resourceId) as ResourceName | undefined) ?? null;
  }

  /** The name of the collection's direct rule naming the resource, if it has one. */
  directRuleName(collectionId: string, resourceId: number): string | null {
    return (
      (prepared(this.db, "SELECT rule_name FROM collection_rules WHERE collection_id = ? AND kind = 'direct' AND resource_id = ?").pluck().get(collectionId, resourceId) as
        | string
        | undefined) ?? null
    );
  }

  /** Whether a member source (a compiled query rule) selects the resource: one lookup, not its members. */
  selects(source: ResourceIdQuery, resourceId: number): boolean {
    return this.db.prepare(`SELECT 1 FROM (${source.sql}) WHERE resource_id = ? LIMIT 1`).pluck().get(...source.params, resourceId) !== undefined;
  }
}
