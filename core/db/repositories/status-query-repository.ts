import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** A site-made Status Message Query as stored; `criteria` is its checked filter as JSON. */
export interface StatusQueryRecord {
  readonly id: number;
  readonly name: string;
  readonly comment: string;
  readonly criteria: string;
  readonly createdAt: string;
  readonly lastModified: string;
}

const columns = 'id, name, comment, criteria, created_at AS createdAt, last_modified AS lastModified';

export class StatusQueryRepository {
  constructor(private readonly db: SqliteDatabase) {}

  list(): StatusQueryRecord[] {
    return prepared(this.db, `SELECT ${columns} FROM status_message_queries ORDER BY name COLLATE NOCASE, id`).all() as StatusQueryRecord[];
  }

  get(id: number): StatusQueryRecord | null {
    return (prepared(this.db, `SELECT ${columns} FROM status_message_queries WHERE id = ?`).get(id) as StatusQueryRecord | undefined) ?? null;
  }

  /** By name, compared as the UNIQUE index compares (ASCII letters fold). */
  byName(name: string): StatusQueryRecord | null {
    return (prepared(this.db, `SELECT ${columns} FROM status_message_queries WHERE name = ?`).get(name) as StatusQueryRecord | undefined) ?? null;
  }

  insert(query: Omit<StatusQueryRecord, 'id'>): number {
    const result = prepared(this.db, 'INSERT INTO status_message_queries (name, comment, criteria, created_at, last_modified) VALUES (?, ?, ?, ?, ?)')
      .run(query.name, query.comment, query.criteria, query.createdAt, query.lastModified);
    return Number(result.lastInsertRowid);
  }

  update(query: Omit<StatusQueryRecord, 'createdAt'>): void {
    prepared(this.db, 'UPDATE status_message_queries SET name = ?, comment = ?, criteria = ?, last_modified = ? WHERE id = ?')
      .run(query.name, query.comment, query.criteria, query.lastModified, query.id);
  }

  remove(id: number): boolean {
    return prepared(this.db, 'DELETE FROM status_message_queries WHERE id = ?').run(id).changes === 1;
  }
}
