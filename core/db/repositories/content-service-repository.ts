import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import type { DpRecord, DpVolumeRecord } from './distribution-point-repository';
import type { PackageDpRecord } from './package-dp-repository';
import { DistributionPointRepository } from './distribution-point-repository';
import { PackageDpRepository } from './package-dp-repository';

export interface ContentServiceSettingsRecord {
  readonly address: string;
  readonly port: number;
  readonly certificate: string | null;
  readonly key: string | null;
  /** The base URL clients are given (http://dp01.contoso.com:8080); null: built from each DP's server name and the port. */
  readonly clientUrl: string | null;
  readonly lastModified: string | null;
}

export interface ContentServiceListening {
  readonly url: string | null;
  readonly since: string | null;
}

/** A copy of a package on a BITS-enabled distribution point, with what placeFromRow needs to find it. */
export interface ServedCopyRow {
  readonly dp: DpRecord;
  readonly volumes: readonly DpVolumeRecord[];
  readonly row: PackageDpRecord;
}

export class ContentServiceRepository {
  constructor(private readonly db: SqliteDatabase) {}

  settings(): ContentServiceSettingsRecord {
    return prepared(this.db, `SELECT address, port, certificate, key, client_url AS clientUrl, last_modified AS lastModified FROM content_service_settings WHERE id = 1`).get() as ContentServiceSettingsRecord;
  }

  setSettings(record: ContentServiceSettingsRecord): void {
    prepared(this.db, `UPDATE content_service_settings SET address = @address, port = @port, certificate = @certificate, key = @key, client_url = @clientUrl,
           last_modified = @lastModified WHERE id = 1`).run(record);
  }

  listening(): ContentServiceListening {
    return prepared(this.db, 'SELECT listening_url AS url, listening_since AS since FROM content_service_settings WHERE id = 1').get() as ContentServiceListening;
  }

  setListening(url: string | null, since: string | null): void {
    prepared(this.db, 'UPDATE content_service_settings SET listening_url = ?, listening_since = ? WHERE id = 1').run(url, since);
  }

  /**
   * Every copy a BITS-enabled DP (not being deleted) holds or held until an update began: rows
   * that know where the package is and are not on their way out. Whether the copy is whole is
   * the manifest's to say, read from the share at each request.
   */
  servedCopies(): ServedCopyRow[] {
    const ids = prepared(this.db, `SELECT p.package_id AS packageId, p.dp_id AS dpId FROM package_dps p JOIN distribution_points d ON d.id = p.dp_id
        WHERE d.bits_enabled = 1 AND d.deleting = 0 AND p.share_name IS NOT NULL AND p.folder IS NOT NULL
          AND p.state NOT IN ('removalPending', 'removalFailed')
        ORDER BY p.source_version DESC, d.name COLLATE NOCASE`).all() as { packageId: string; dpId: number }[];
    const dps = new DistributionPointRepository(this.db);
    const packageDps = new PackageDpRepository(this.db);
    const byDp = new Map<number, { dp: DpRecord; volumes: DpVolumeRecord[] } | null>();
    const copies: ServedCopyRow[] = [];
    for (const { packageId, dpId } of ids) {
      if (!byDp.has(dpId)) {
        const dp = dps.getById(dpId);
        byDp.set(dpId, dp ? { dp, volumes: dps.volumes(dpId) } : null);
      }
      const found = byDp.get(dpId);
      const row = packageDps.get(packageId, dpId);
      if (found && row) copies.push({ dp: found.dp, volumes: found.volumes, row });
    }
    return copies;
  }
}
