import type { BoundaryKind } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface SiteBoundaryRecord {
  readonly id: number;
  readonly kind: BoundaryKind;
  readonly value: string;
  readonly description: string;
  readonly connection: 'fast' | 'slow';
}

export interface NewSiteBoundary extends Omit<SiteBoundaryRecord, 'id'> {
  readonly ipLow: number | null;
  readonly ipHigh: number | null;
  readonly createdAt: string;
}

/** A DP holding a package at a source version, with what content location needs to rank it. */
export interface HoldingDpRow {
  readonly dpId: number;
  readonly dpName: string;
  readonly serverName: string;
  readonly serverShare: string | null;
  readonly shareName: string;
  readonly folder: string;
  readonly bitsEnabled: boolean;
  readonly protected: boolean;
}

const columns = 'id, kind, value, description, connection';

export class SiteBoundaryRepository {
  constructor(private readonly db: SqliteDatabase) {}

  insert(boundary: NewSiteBoundary): number {
    const result = prepared(this.db, 'INSERT INTO site_boundaries (kind, value, description, connection, ip_low, ip_high, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(boundary.kind, boundary.value, boundary.description, boundary.connection, boundary.ipLow, boundary.ipHigh, boundary.createdAt);
    return Number(result.lastInsertRowid);
  }

  list(): SiteBoundaryRecord[] {
    return prepared(this.db, `SELECT ${columns} FROM site_boundaries ORDER BY kind, value COLLATE NOCASE`).all() as SiteBoundaryRecord[];
  }

  get(id: number): SiteBoundaryRecord | null {
    return (prepared(this.db, `SELECT ${columns} FROM site_boundaries WHERE id = ?`).get(id) as SiteBoundaryRecord | undefined) ?? null;
  }

  update(id: number, boundary: Omit<NewSiteBoundary, 'createdAt'>): void {
    prepared(this.db, 'UPDATE site_boundaries SET kind = ?, value = ?, description = ?, connection = ?, ip_low = ?, ip_high = ? WHERE id = ?')
      .run(boundary.kind, boundary.value, boundary.description, boundary.connection, boundary.ipLow, boundary.ipHigh, id);
  }

  remove(id: number): boolean {
    return prepared(this.db, 'DELETE FROM site_boundaries WHERE id = ?').run(id).changes === 1;
  }

  /** The site boundaries holding any of the client's addresses or its AD site, in one query. */
  containing(addresses: readonly number[], adSite: string | null): SiteBoundaryRecord[] {
    return prepared(this.db, `SELECT ${columns} FROM site_boundaries b
        WHERE (b.ip_low IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(?) a WHERE a.value BETWEEN b.ip_low AND b.ip_high))
           OR (b.kind = 'adSite' AND b.value = ? COLLATE NOCASE)
        ORDER BY b.id`).all(JSON.stringify(addresses), adSite) as SiteBoundaryRecord[];
  }

  /** The DPs on which the package is installed at exactly that source version, by name. */
  holding(packageId: string, sourceVersion: number): HoldingDpRow[] {
    const rows = prepared(this.db, `SELECT d.id AS dpId, d.name AS dpName, s.server_name AS serverName, d.share_path AS serverShare,
             p.share_name AS shareName, p.folder, d.bits_enabled AS bitsEnabled, d.protected
        FROM package_dps p JOIN distribution_points d ON d.id = p.dp_id JOIN site_systems s ON s.id = d.site_system_id
        WHERE p.package_id = ? AND p.state = 'installed' AND p.source_version = ? AND d.deleting = 0
          AND p.share_name IS NOT NULL AND p.folder IS NOT NULL
        ORDER BY d.name COLLATE NOCASE`).all(packageId, sourceVersion) as (Omit<HoldingDpRow, 'bitsEnabled' | 'protected'> & { bitsEnabled: number; protected: number })[];
    return rows.map((row) => ({ ...row, bitsEnabled: row.bitsEnabled === 1, protected: row.protected === 1 }));
  }

  /** The boundaries of the given DPs only (the protected ones holding the package), not every DP's. */
  boundariesOfDps(dpIds: readonly number[]): { dpId: number; kind: BoundaryKind; value: string }[] {
    return prepared(this.db, 'SELECT dp_id AS dpId, kind, value FROM dp_boundaries WHERE dp_id IN (SELECT value FROM json_each(?)) ORDER BY dp_id, position')
      .all(JSON.stringify(dpIds)) as { dpId: number; kind: BoundaryKind; value: string }[];
  }
}
