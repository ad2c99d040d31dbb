import type { SqliteDatabase } from '../connection';

export interface DpGroupRecord {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
  readonly lastModified: string;
}

const selectGroup = 'SELECT id, name, description, created_at AS createdAt, last_modified AS lastModified FROM dp_groups';

/** Distribution point groups and who is in them (many to many). */
export class DpGroupRepository {
  constructor(private readonly db: SqliteDatabase) {}

  list(): DpGroupRecord[] {
    return this.db.prepare(`${selectGroup} ORDER BY name COLLATE NOCASE`).all() as DpGroupRecord[];
  }

  get(name: string): DpGroupRecord | null {
    return (this.db.prepare(`${selectGroup} WHERE name = ? COLLATE NOCASE`).get(name) as DpGroupRecord | undefined) ?? null;
  }

  insert(record: Omit<DpGroupRecord, 'id'>): number {
    return Number(
      this.db
        .prepare('INSERT INTO dp_groups (name, description, created_at, last_modified) VALUES (@name, @description, @createdAt, @lastModified)')
        .run(record).lastInsertRowid,
    );
  }

  update(record: DpGroupRecord): void {
    this.db.prepare('UPDATE dp_groups SET name = @name, description = @description, last_modified = @lastModified WHERE id = @id').run(record);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM dp_groups WHERE id = ?').run(id).changes === 1;
  }

  /** Member DP names in name order. */
  members(groupId: number): string[] {
    return (
      this.db
        .prepare('SELECT d.name FROM dp_group_members m JOIN distribution_points d ON d.id = m.dp_id WHERE m.group_id = ? ORDER BY d.name COLLATE NOCASE')
        .all(groupId) as { name: string }[]
    ).map((row) => row.name);
  }

  /** Group names a DP is in: its Group Membership list. */
  groupsOf(dpId: number): string[] {
    return (
      this.db
        .prepare('SELECT g.name FROM dp_group_members m JOIN dp_groups g ON g.id = m.group_id WHERE m.dp_id = ? ORDER BY g.name COLLATE NOCASE')
        .all(dpId) as { name: string }[]
    ).map((row) => row.name);
  }

  /** false when the DP already was a member. */
  addMember(groupId: number, dpId: number): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO dp_group_members (group_id, dp_id) VALUES (?, ?)').run(groupId, dpId).changes === 1;
  }

  removeMember(groupId: number, dpId: number): boolean {
    return this.db.prepare('DELETE FROM dp_group_members WHERE group_id = ? AND dp_id = ?').run(groupId, dpId).changes === 1;
  }

  touch(groupId: number, stamp: string): void {
    this.db.prepare('UPDATE dp_groups SET last_modified = ? WHERE id = ?').run(stamp, groupId);
  }
}
