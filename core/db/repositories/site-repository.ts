import { idCounterStarts, type IdKind } from '../../domain/object-ids';
import type { SqliteDatabase } from '../connection';

export interface SiteRecord {
  readonly siteCode: string;
  readonly siteName: string;
  readonly createdAt: string;
}

interface SiteRow {
  site_code: string;
  site_name: string;
  created_at: string;
}

export class SiteRepository {
  constructor(private readonly db: SqliteDatabase) {}

  get(): SiteRecord | null {
    const row = this.db.prepare('SELECT site_code, site_name, created_at FROM site WHERE id = 1').get() as SiteRow | undefined;
    return row ? { siteCode: row.site_code, siteName: row.site_name, createdAt: row.created_at } : null;
  }

  /** Creates the site row and its ID counters in one transaction. */
  create(site: SiteRecord): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO site (id, site_code, site_name, created_at) VALUES (1, ?, ?, ?)')
        .run(site.siteCode, site.siteName, site.createdAt);
      const counter = this.db.prepare('INSERT INTO id_counters (kind, next_value) VALUES (?, ?)');
      for (const [kind, start] of Object.entries(idCounterStarts)) counter.run(kind, start);
    })();
  }

  /** Takes the next value of a counter; call inside the transaction that uses it. */
  takeNextId(kind: IdKind): number {
    const row = this.db
      .prepare('UPDATE id_counters SET next_value = next_value + 1 WHERE kind = ? RETURNING next_value - 1 AS value')
      .get(kind) as { value: number } | undefined;
    if (!row) throw new Error(`The ID counter "${kind}" is missing from the site database.`);
    return row.value;
  }

  /**
   * One write transaction, begun IMMEDIATE: a deferred one that reads first (checks, then the
   * write) fails at once with "database is locked" when another process (the CLI beside the
   * console) committed meanwhile; IMMEDIATE takes the write lock first, so busy_timeout waits.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
