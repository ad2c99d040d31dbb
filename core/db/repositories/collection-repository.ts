import type { CollectionMemberDto, CollectionRuleDto, MaintenanceWindowDto, ResourceClassName, ResourceType } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface CollectionRecord {
  readonly collectionId: string;
  readonly name: string;
  readonly comment: string;
  readonly builtInType: ResourceType | null;
  readonly limitTo: string | null;
  readonly membershipSchedule: string | null;
  readonly membersEvaluatedAt: string | null;
  readonly memberCount: number;
  readonly rulesChangedAt: string;
  readonly createdAt: string;
  readonly lastModified: string;
}

export interface CollectionLink {
  readonly parentId: string;
  readonly childId: string;
  readonly kind: 'sub' | 'link';
}

/** A SELECT of one column, resource_id, with positional parameters: one source of members. */
export interface ResourceIdQuery {
  readonly sql: string;
  readonly params: readonly (string | number | null)[];
}

export interface MembershipChange {
  readonly added: number;
  readonly removed: number;
  readonly memberCount: number;
}

const selectCollection = `SELECT collection_id AS collectionId, name, comment, built_in_type AS builtInType, limit_to AS limitTo,
  membership_schedule AS membershipSchedule, members_evaluated_at AS membersEvaluatedAt, member_count AS memberCount,
  rules_changed_at AS rulesChangedAt, created_at AS createdAt, last_modified AS lastModified FROM collections`;

interface RuleRow {
  kind: 'direct' | 'query';
  ruleName: string;
  resourceId: number | null;
  resourceClass: ResourceClassName | null;
  query: string | null;
}

type MemberRow = Omit<CollectionMemberDto, 'client'> & { client: number | null };
const memberOfRow = (row: MemberRow): CollectionMemberDto => ({ ...row, client: row.client === null ? null : row.client === 1 });

/**
 * The resource IDs `source` selects that exist (a query over another table must not add IDs of
 * nothing) and, when `limited`, that the limiting collection (the last parameter) holds. Both are
 * correlated look-ups of each selected ID, so SQLite never walks every resource or every member
 * of the limiting collection to drive the source.
 */
export function membershipSelection(source: ResourceIdQuery, limited: boolean): string {
  const narrowed = limited ? ' AND EXISTS (SELECT 1 FROM collection_members l WHERE l.collection_id = ? AND l.resource_id = s.resource_id)' : '';
  return `SELECT s.resource_id FROM (${source.sql}) AS s WHERE EXISTS (SELECT 1 FROM resources e WHERE e.resource_id = s.resource_id)${narrowed}`;
}

/** The parameters of membershipSelection: the source's, then the limiting collection's ID. */
const selectionParams = (source: ResourceIdQuery, limitTo: string | null): unknown[] => [...source.params, ...(limitTo === null ? [] : [limitTo])];

/** Collections, their rules, links, maintenance windows and materialized members. */
export class CollectionRepository {
  constructor(private readonly db: SqliteDatabase) {
    // The evaluation's scratch set of resource IDs: the connection's own, never in the site file.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS membership_evaluation (resource_id INTEGER PRIMARY KEY)');
  }

  list(): CollectionRecord[] {
    return prepared(this.db, `${selectCollection} ORDER BY collection_id`).all() as CollectionRecord[];
  }

  get(collectionId: string): CollectionRecord | null {
    return (prepared(this.db, `${selectCollection} WHERE collection_id = ?`).get(collectionId) as CollectionRecord | undefined) ?? null;
  }

  idByName(name: string): string | null {
    return (prepared(this.db, 'SELECT collection_id FROM collections WHERE name = ?').pluck().get(name) as string | undefined) ?? null;
  }

  insert(record: Omit<CollectionRecord, 'builtInType' | 'membersEvaluatedAt' | 'memberCount'>): void {
    prepared(
      this.db,
      `INSERT INTO collections (collection_id, name, comment, limit_to, membership_schedule, rules_changed_at, created_at, last_modified)
       VALUES (@collectionId, @name, @comment, @limitTo, @membershipSchedule, @rulesChangedAt, @createdAt, @lastModified)`,
    ).run(record);
  }

  update(record: CollectionRecord): void {
    prepared(
      this.db,
      `UPDATE collections SET name = @name, comment = @comment, limit_to = @limitTo, membership_schedule = @membershipSchedule,
       rules_changed_at = @rulesChangedAt, last_modified = @lastModified WHERE collection_id = @collectionId`,
    ).run(record);
  }

  /** Before a subtree is deleted: a limit between two of its collections must not hold up the delete. */
  clearLimits(collectionIds: readonly string[]): void {
    prepared(this.db, 'UPDATE collections SET limit_to = NULL WHERE collection_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(collectionIds));
  }

  delete(collectionId: string): void {
    prepared(this.db, 'DELETE FROM collections WHERE collection_id = ?').run(collectionId);
  }

  rules(collectionId: string): CollectionRuleDto[] {
    const rows = prepared(
      this.db,
      'SELECT kind, rule_name AS ruleName, resource_id AS resourceId, resource_class AS resourceClass, query FROM collection_rules WHERE collection_id = ? ORDER BY rule_id',
    ).all(collectionId) as RuleRow[];
    return rows.map((row) =>
      row.kind === 'direct'
        ? { kind: 'direct', ruleName: row.ruleName, resourceId: row.resourceId as number }
        : { kind: 'query', ruleName: row.ruleName, resourceClass: row.resourceClass as ResourceClassName, query: row.query as string },
    );
  }

  /** The rule with that name (any case), if any. */
  ruleNamed(collectionId: string, ruleName: string): CollectionRuleDto | null {
    return this.rules(collectionId).find((rule) => rule.ruleName.toLowerCase() === ruleName.toLowerCase()) ?? null;
  }

  hasDirectRule(collectionId: string, resourceId: number): boolean {
    return prepared(this.db, "SELECT 1 FROM collection_rules WHERE collection_id = ? AND kind = 'direct' AND resource_id = ?").pluck().get(collectionId, resourceId) !== undefined;
  }

  insertRule(collectionId: string, rule: CollectionRuleDto): void {
    prepared(this.db, 'INSERT INTO collection_rules (collection_id, kind, rule_name, resource_id, resource_class, query) VALUES (?, ?, ?, ?, ?, ?)').run(
      collectionId,
      rule.kind,
      rule.ruleName,
      rule.kind === 'direct' ? rule.resourceId : null,
      rule.kind === 'query' ? rule.resourceClass : null,
      rule.kind === 'query' ? rule.query : null,
    );
  }

  deleteRule(collectionId: string, ruleName: string): boolean {
    return prepared(this.db, 'DELETE FROM collection_rules WHERE collection_id = ? AND rule_name = ?').run(collectionId, ruleName).changes === 1;
  }

  /** The links into and out of a collection. */
  linksOf(collectionId: string): CollectionLink[] {
    return prepared(this.db, 'SELECT parent_id AS parentId, child_id AS childId, kind FROM collection_links WHERE parent_id = ? OR child_id = ? ORDER BY parent_id, child_id').all(
      collectionId,
      collectionId,
    ) as CollectionLink[];
  }

  addLink(link: CollectionLink): void {
    prepared(this.db, 'INSERT INTO collection_links (parent_id, child_id, kind) VALUES (@parentId, @childId, @kind)').run(link);
  }

  removeLink(parentId: string, childId: string): void {
    prepared(this.db, 'DELETE FROM collection_links WHERE parent_id = ? AND child_id = ?').run(parentId, childId);
  }

  /** Every collection below it in the tree, through subcollections and links alike. */
  descendants(collectionId: string): string[] {
    return prepared(
      this.db,
      `WITH RECURSIVE below (id) AS (SELECT child_id FROM collection_links WHERE parent_id = ?
         UNION SELECT l.child_id FROM collection_links l JOIN below b ON l.parent_id = b.id)
       SELECT id FROM below ORDER BY id`,
    )
      .pluck()
      .all(collectionId) as string[];
  }

  /** It and its own subcollections all the way down (not the collections linked under them). */
  ownSubtree(collectionId: string): string[] {
    return prepared(
      this.db,
      `WITH RECURSIVE own (id, depth) AS (SELECT ?, 0
         UNION SELECT l.child_id, o.depth + 1 FROM collection_links l JOIN own o ON l.parent_id = o.id AND l.kind = 'sub')
       SELECT id FROM own ORDER BY depth DESC, id`,
    )
      .pluck()
      .all(collectionId) as string[];
  }

  /** The collections its membership is limited by: its limiting collection, that one's, and so on. */
  limitChain(collectionId: string): string[] {
    return prepared(
      this.db,
      `WITH RECURSIVE chain (id, depth) AS (SELECT limit_to, 1 FROM collections WHERE collection_id = ? AND limit_to IS NOT NULL
         UNION SELECT c.limit_to, ch.depth + 1 FROM collections c JOIN chain ch ON c.collection_id = ch.id WHERE c.limit_to IS NOT NULL)
       SELECT id FROM chain ORDER BY depth`,
    )
      .pluck()
      .all(collectionId) as string[];
  }

  /** Collections limited to one of these. */
  limitedTo(collectionIds: readonly string[]): { collectionId: string; name: string; limitTo: string }[] {
    if (collectionIds.length === 0) return [];
    return prepared(this.db, `SELECT collection_id AS collectionId, name, limit_to AS limitTo FROM collections WHERE limit_to IN (SELECT value FROM json_each(?)) ORDER BY collection_id`).all(
      JSON.stringify(collectionIds),
    ) as { collectionId: string; name: string; limitTo: string }[];
  }

  names(collectionIds: readonly string[]): Map<string, string> {
    const rows = prepared(this.db, 'SELECT collection_id AS id, name FROM collections WHERE collection_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(collectionIds)) as {
      id: string;
      name: string;
    }[];
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  maintenanceWindows(collectionId: string): MaintenanceWindowDto[] {
    const rows = prepared(
      this.db,
      'SELECT name, schedule_token AS schedule, duration_minutes AS durationMinutes, enabled FROM maintenance_windows WHERE collection_id = ? ORDER BY position',
    ).all(collectionId) as (Omit<MaintenanceWindowDto, 'enabled'> & { enabled: number })[];
    return rows.map((row) => ({ ...row, enabled: row.enabled === 1 }));
  }

  replaceMaintenanceWindows(collectionId: string, windows: readonly MaintenanceWindowDto[]): void {
    prepared(this.db, 'DELETE FROM maintenance_windows WHERE collection_id = ?').run(collectionId);
    const insert = prepared(this.db, 'INSERT INTO maintenance_windows (collection_id, position, name, schedule_token, duration_minutes, enabled) VALUES (?, ?, ?, ?, ?, ?)');
    windows.forEach((w, position) => insert.run(collectionId, position, w.name, w.schedule, w.durationMinutes, w.enabled ? 1 : 0));
  }

  /**
   * Replaces the materialized members with what `sources` select (their union), narrowed to the
   * current members of `limitTo`: all in SQL, through a scratch table, so no resource is read
   * into memory however many the site has. Call inside the change's transaction.
   */
  evaluateMembership(collectionId: string, sources: readonly ResourceIdQuery[], limitTo: string | null, evaluatedAt: string): MembershipChange {
    if (prepared(this.db, 'SELECT 1 FROM collection_members WHERE collection_id = ? LIMIT 1').get(collectionId) === undefined) {
      // No members yet (a new collection, a site evaluated from scratch): nothing to diff, so the
      // members are written once, straight from the sources.
      let added = 0;
      for (const source of sources) {
        added += prepared(this.db, `INSERT OR IGNORE INTO collection_members (collection_id, resource_id) SELECT ?, resource_id FROM (${membershipSelection(source, limitTo !== null)})`).run(
          collectionId,
          ...selectionParams(source, limitTo),
        ).changes;
      }
      prepared(this.db, 'UPDATE collections SET members_evaluated_at = ?, member_count = ? WHERE collection_id = ?').run(evaluatedAt, added, collectionId);
      return { added, removed: 0, memberCount: added };
    }
    this.gatherMembers(sources, limitTo);
    const removed = prepared(
      this.db,
      'DELETE FROM collection_members WHERE collection_id = ? AND resource_id NOT IN (SELECT resource_id FROM temp.membership_evaluation)',
    ).run(collectionId).changes;
    const added = prepared(this.db, 'INSERT OR IGNORE INTO collection_members (collection_id, resource_id) SELECT ?, resource_id FROM temp.membership_evaluation').run(collectionId).changes;
    const memberCount = prepared(this.db, 'SELECT count(*) FROM temp.membership_evaluation').pluck().get() as number;
    prepared(this.db, 'DELETE FROM temp.membership_evaluation').run();
    prepared(this.db, 'UPDATE collections SET members_evaluated_at = ?, member_count = ? WHERE collection_id = ?').run(evaluatedAt, memberCount, collectionId);
    return { added, removed, memberCount };
  }

  /**
   * The members `sources` would give now, narrowed to `limitTo`'s current members: their count
   * and the first `limit` by name. Nothing is stored: the scratch table is the connection's own
   * (temp), and it is emptied again.
   */
  previewMembership(sources: readonly ResourceIdQuery[], limitTo: string | null, limit: number): { memberCount: number; members: CollectionMemberDto[] } {
    try {
      this.gatherMembers(sources, limitTo);
      const memberCount = prepared(this.db, 'SELECT count(*) FROM temp.membership_evaluation').pluck().get() as number;
      const rows = prepared(
        this.db,
        `SELECT r.resource_id AS resourceId, r.name, r.resource_type AS resourceType, r.domain, r.sms_unique_identifier AS smsUniqueIdentifier, r.client
         FROM temp.membership_evaluation e JOIN resources r ON r.resource_id = e.resource_id ORDER BY r.name COLLATE NOCASE, r.resource_id LIMIT ?`,
      ).all(limit) as MemberRow[];
      return { memberCount, members: rows.map(memberOfRow) };
    } finally {
      prepared(this.db, 'DELETE FROM temp.membership_evaluation').run();
    }
  }

  /** Fills the scratch table with the union of `sources`, narrowed to the current members of `limitTo`. */
  private gatherMembers(sources: readonly ResourceIdQuery[], limitTo: string | null): void {
    prepared(this.db, 'DELETE FROM temp.membership_evaluation').run();
    for (const source of sources) {
      prepared(this.db, `INSERT OR IGNORE INTO temp.membership_evaluation (resource_id) ${membershipSelection(source, limitTo !== null)}`).run(...selectionParams(source, limitTo));
    }
  }

  /** Resource IDs given in the request (a preview's direct rules) as a source. */
  listedResourcesSource(resourceIds: readonly number[]): ResourceIdQuery {
    return { sql: 'SELECT value AS resource_id FROM json_each(?)', params: [JSON.stringify(resourceIds)] };
  }

  /** The direct-rule members as a source of evaluateMembership. */
  directRuleSource(collectionId: string): ResourceIdQuery {
    return { sql: "SELECT resource_id FROM collection_rules WHERE collection_id = ? AND kind = 'direct'", params: [collectionId] };
  }

  /** Every resource of a type: a built-in collection's source. */
  everyResourceSource(resourceType: ResourceType): ResourceIdQuery {
    return { sql: 'SELECT resource_id FROM resources WHERE resource_type = ?', params: [resourceType] };
  }

  /** The members as of the last evaluation, in name order. */
  members(collectionId: string): CollectionMemberDto[] {
    const rows = prepared(
      this.db,
      `SELECT r.resource_id AS resourceId, r.name, r.resource_type AS resourceType, r.domain, r.sms_unique_identifier AS smsUniqueIdentifier, r.client
       FROM collection_members m JOIN resources r ON r.resource_id = m.resource_id WHERE m.collection_id = ? ORDER BY r.name COLLATE NOCASE, r.resource_id`,
    ).all(collectionId) as MemberRow[];
    return rows.map(memberOfRow);
  }

  /** The rules changed (a direct rule went with its resource): the members shown are older. */
  touchRules(collectionId: string, stamp: string): void {
    prepared(this.db, 'UPDATE collections SET rules_changed_at = ?, last_modified = ? WHERE collection_id = ?').run(stamp, stamp, collectionId);
  }

  /** One member more, its count kept (a built-in collection's new resource); false when it was one. */
  addMember(collectionId: string, resourceId: number): boolean {
    const added = prepared(this.db, 'INSERT OR IGNORE INTO collection_members (collection_id, resource_id) VALUES (?, ?)').run(collectionId, resourceId).changes === 1;
    if (added) prepared(this.db, 'UPDATE collections SET member_count = member_count + 1 WHERE collection_id = ?').run(collectionId);
    return added;
  }

  /** Keeps member_count true after members went with their resources (ON DELETE CASCADE). */
  recountMembers(collectionIds: readonly string[]): void {
    const update = prepared(this.db, 'UPDATE collections SET member_count = (SELECT count(*) FROM collection_members WHERE collection_id = ?) WHERE collection_id = ?');
    for (const id of collectionIds) update.run(id, id);
  }
}
