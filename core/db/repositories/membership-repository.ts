import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import type { CollectionWindow } from '../../domain/maintenance-windows';
import type { ResourceIdQuery } from './collection-repository';

/** A collection in evaluation order: `depth` 0 is not limited, 1 is limited to a depth-0 collection … */
export interface OrderedCollection {
  readonly collectionId: string;
  readonly depth: number;
}

/** A collection with a membership update schedule, and the occurrence it was last evaluated for. */
export interface ScheduledCollection {
  readonly collectionId: string;
  readonly membershipSchedule: string;
  readonly createdAt: string;
  readonly lastOccurrence: string | null;
  readonly nextOccurrence: string | null;
}

export interface ScopedChange {
  readonly added: number;
  readonly removed: number;
}

/**
 * The statement that puts the resources in scope that `source` selects (and the limiting
 * collection, the last parameter, holds) into the scoped selection. Driven from the scope: each
 * resource in it is looked up in the source by ID (a correlated EXISTS, which SQLite pushes into
 * the source's WHERE), so one resource costs one look-up per rule, however large the collection.
 */
export function scopedSelection(source: ResourceIdQuery, limited: boolean): string {
  const limit = limited ? ' AND EXISTS (SELECT 1 FROM collection_members l WHERE l.collection_id = ? AND l.resource_id = sc.resource_id)' : '';
  return `INSERT OR IGNORE INTO temp.membership_scope_selected (resource_id) SELECT sc.resource_id FROM temp.membership_scope AS sc
    WHERE EXISTS (SELECT 1 FROM (${source.sql}) AS s WHERE s.resource_id = sc.resource_id)
      AND EXISTS (SELECT 1 FROM resources e WHERE e.resource_id = sc.resource_id)${limit}`;
}

/**
 * Membership at scale (docs/collections.md#membership-evaluation): the order collections are
 * evaluated in, membership re-evaluated for a few resources only (the ones a change touched),
 * and the runs of the membership update schedules.
 */
export class MembershipRepository {
  constructor(private readonly db: SqliteDatabase) {
    // The resources a scoped evaluation looks at, and those of them the collection's rules take in:
    // the connection's own scratch tables, never in the site file.
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS membership_scope (resource_id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE IF NOT EXISTS membership_scope_selected (resource_id INTEGER PRIMARY KEY)`);
  }

  /**
   * Every collection (or those of `only`), each after the collection it is limited to, so a
   * collection is always narrowed by members that are current; by ID within a depth.
   */
  evaluationOrder(only: readonly string[] | null = null): OrderedCollection[] {
    const rows = prepared(
      this.db,
      `WITH RECURSIVE depth (id, depth) AS (
         SELECT collection_id, 0 FROM collections WHERE limit_to IS NULL
         UNION ALL SELECT c.collection_id, d.depth + 1 FROM collections c JOIN depth d ON c.limit_to = d.id)
       SELECT id AS collectionId, depth FROM depth
       WHERE ? IS NULL OR id IN (SELECT value FROM json_each(?))
       ORDER BY depth, id`,
    ).all(only === null ? null : 1, only === null ? '[]' : JSON.stringify(only)) as OrderedCollection[];
    return rows;
  }

  /**
   * The collections whose members a change to an existing resource's properties can change: those
   * with a query rule, and those limited (at any depth) to one of them; in evaluation order.
   */
  propertyDependent(): string[] {
    return prepared(
      this.db,
      `WITH RECURSIVE dependent (id) AS (
         SELECT DISTINCT collection_id FROM collection_rules WHERE kind = 'query'
         UNION SELECT c.collection_id FROM collections c JOIN dependent d ON c.limit_to = d.id)
       SELECT id FROM dependent`,
    )
      .pluck()
      .all() as string[];
  }

  /** The resources the next scoped evaluations look at. */
  setScope(resourceIds: readonly number[]): void {
    prepared(this.db, 'DELETE FROM temp.membership_scope').run();
    prepared(this.db, 'INSERT OR IGNORE INTO temp.membership_scope (resource_id) SELECT value FROM json_each(?)').run(JSON.stringify(resourceIds));
  }

  clearScope(): void {
    prepared(this.db, 'DELETE FROM temp.membership_scope').run();
    prepared(this.db, 'DELETE FROM temp.membership_scope_selected').run();
  }

  /**
   * Re-evaluates one collection for the resources in scope only: which of them `sources` select
   * (narrowed to `limitTo`'s current members) become or stay members, the others in scope leave;
   * members outside the scope are not looked at. Keeps member_count; call inside the change's
   * transaction, after setScope.
   */
  evaluateScoped(collectionId: string, sources: readonly ResourceIdQuery[], limitTo: string | null): ScopedChange {
    prepared(this.db, 'DELETE FROM temp.membership_scope_selected').run();
    for (const source of sources) prepared(this.db, scopedSelection(source, limitTo !== null)).run(...source.params, ...(limitTo === null ? [] : [limitTo]));
    const removed = prepared(
      this.db,
      `DELETE FROM collection_members WHERE collection_id = ? AND resource_id IN (SELECT resource_id FROM temp.membership_scope)
         AND resource_id NOT IN (SELECT resource_id FROM temp.membership_scope_selected)`,
    ).run(collectionId).changes;
    const added = prepared(this.db, 'INSERT OR IGNORE INTO collection_members (collection_id, resource_id) SELECT ?, resource_id FROM temp.membership_scope_selected').run(collectionId).changes;
    if (added !== removed) prepared(this.db, 'UPDATE collections SET member_count = member_count + ? WHERE collection_id = ?').run(added - removed, collectionId);
    return { added, removed };
  }

  /**
   * The enabled maintenance windows of every collection the resource is a member of (as of their
   * last membership update), by collection and position.
   */
  windowsOfResource(resourceId: number): CollectionWindow[] {
    return prepared(
      this.db,
      `SELECT w.collection_id AS collectionId, c.name AS collectionName, w.name AS windowName, w.schedule_token AS schedule, w.duration_minutes AS durationMinutes
       FROM collection_members m JOIN maintenance_windows w ON w.collection_id = m.collection_id JOIN collections c ON c.collection_id = m.collection_id
       WHERE m.resource_id = ? AND w.enabled = 1 ORDER BY w.collection_id, w.position`,
    ).all(resourceId) as CollectionWindow[];
  }

  /** Collections with a membership update schedule, with their last run. */
  scheduled(): ScheduledCollection[] {
    return prepared(
      this.db,
      `SELECT c.collection_id AS collectionId, c.membership_schedule AS membershipSchedule, c.created_at AS createdAt,
         r.last_occurrence AS lastOccurrence, r.next_occurrence AS nextOccurrence
       FROM collections c LEFT JOIN collection_membership_runs r ON r.collection_id = c.collection_id
       WHERE c.membership_schedule IS NOT NULL ORDER BY c.collection_id`,
    ).all() as ScheduledCollection[];
  }

  lastOccurrence(collectionId: string): string | null {
    return (prepared(this.db, 'SELECT last_occurrence FROM collection_membership_runs WHERE collection_id = ?').pluck().get(collectionId) as string | undefined) ?? null;
  }

  /** The next occurrence the evaluator recorded for a collection, if it ran its schedule. */
  nextOccurrence(collectionId: string): string | null {
    return (prepared(this.db, 'SELECT next_occurrence FROM collection_membership_runs WHERE collection_id = ?').pluck().get(collectionId) as string | undefined) ?? null;
  }

  recordRun(collectionId: string, occurrence: string, evaluatedAt: string, nextOccurrence: string | null): void {
    prepared(
      this.db,
      `INSERT INTO collection_membership_runs (collection_id, last_occurrence, evaluated_at, next_occurrence) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection_id) DO UPDATE SET last_occurrence = excluded.last_occurrence, evaluated_at = excluded.evaluated_at, next_occurrence = excluded.next_occurrence`,
    ).run(collectionId, occurrence, evaluatedAt, nextOccurrence);
  }
}
