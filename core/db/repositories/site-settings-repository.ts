import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface PathMappingRecord {
  readonly id: number;
  readonly uncPrefix: string;
  readonly localPath: string;
  readonly createdAt: string;
  readonly lastModified: string;
}

interface PathMappingRow {
  id: number;
  unc_prefix: string;
  local_path: string;
  created_at: string;
  last_modified: string;
}

function mappingOf(row: PathMappingRow): PathMappingRecord {
  return { id: row.id, uncPrefix: row.unc_prefix, localPath: row.local_path, createdAt: row.created_at, lastModified: row.last_modified };
}

/** Site Properties kept in site_settings, path_mappings and source_roots (migration 0004). */
export class SiteSettingsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  listPathMappings(): PathMappingRecord[] {
    const rows = prepared(this.db, 'SELECT id, unc_prefix, local_path, created_at, last_modified FROM path_mappings ORDER BY unc_prefix COLLATE NOCASE, id')
      .all() as PathMappingRow[];
    return rows.map(mappingOf);
  }

  insertPathMapping(mapping: Omit<PathMappingRecord, 'id'>): PathMappingRecord {
    const result = prepared(this.db, 'INSERT INTO path_mappings (unc_prefix, local_path, created_at, last_modified) VALUES (?, ?, ?, ?)')
      .run(mapping.uncPrefix, mapping.localPath, mapping.createdAt, mapping.lastModified);
    return { ...mapping, id: Number(result.lastInsertRowid) };
  }

  updatePathMapping(mapping: PathMappingRecord): void {
    prepared(this.db, 'UPDATE path_mappings SET unc_prefix = ?, local_path = ?, last_modified = ? WHERE id = ?')
      .run(mapping.uncPrefix, mapping.localPath, mapping.lastModified, mapping.id);
  }

  deletePathMapping(id: number): boolean {
    return prepared(this.db, 'DELETE FROM path_mappings WHERE id = ?').run(id).changes === 1;
  }

  limitBrowsing(): boolean {
    const row = prepared(this.db, 'SELECT limit_browsing FROM site_settings WHERE id = 1').get() as { limit_browsing: number } | undefined;
    return row?.limit_browsing === 1;
  }

  setLimitBrowsing(limit: boolean): void {
    prepared(this.db, 'UPDATE site_settings SET limit_browsing = ? WHERE id = 1').run(limit ? 1 : 0);
  }

  listSourceRoots(): string[] {
    return (prepared(this.db, 'SELECT path FROM source_roots ORDER BY id').all() as { path: string }[]).map((row) => row.path);
  }

  /** Replaces the whole list; call inside the caller's transaction. */
  replaceSourceRoots(paths: readonly string[], stamp: string): void {
    prepared(this.db, 'DELETE FROM source_roots').run();
    const insert = prepared(this.db, 'INSERT INTO source_roots (path, created_at) VALUES (?, ?)');
    for (const path of paths) insert.run(path, stamp);
  }
}
