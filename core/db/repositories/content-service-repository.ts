import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import type { DpRecord, DpVolumeRecord } from './distribution-point-repository';
import type { PackageDpRecord } from './package-dp-repository';

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
  readonly dp: Pick<DpRecord, 'name' | 'mode' | 'serverShare' | 'serverName'>;
  readonly volumes: readonly DpVolumeRecord[];
  readonly row: Pick<PackageDpRecord, 'packageId' | 'volumeLetter' | 'shareName' | 'folder'>;
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
    // Two statements however many copies: the service reads this again whenever the database changed.
    const read = this.db.transaction(() => {
      const rows = prepared(this.db, `SELECT p.package_id AS packageId, p.dp_id AS dpId, p.volume_letter AS volumeLetter, p.share_name AS shareName, p.folder,
               d.name, d.mode, d.share_path AS serverShare, s.server_name AS serverName
          FROM package_dps p JOIN distribution_points d ON d.id = p.dp_id JOIN site_systems s ON s.id = d.site_system_id
          WHERE d.bits_enabled = 1 AND d.deleting = 0 AND p.share_name IS NOT NULL AND p.folder IS NOT NULL
            AND p.state NOT IN ('removalPending', 'removalFailed')
          ORDER BY p.source_version DESC, d.name COLLATE NOCASE`).all() as (ServedCopyRow['row'] & ServedCopyRow['dp'] & { dpId: number })[];
      const volumes = prepared(this.db, `SELECT v.dp_id AS dpId, v.letter, v.path, v.reserve_mb AS reserveMb FROM dp_volumes v JOIN distribution_points d ON d.id = v.dp_id
          WHERE d.bits_enabled = 1 AND d.deleting = 0 ORDER BY v.dp_id, v.letter`).all() as (DpVolumeRecord & { dpId: number })[];
      return { rows, volumes };
    });
    const { rows, volumes } = read();
    const byDp = new Map<number, DpVolumeRecord[]>();
    for (const { dpId, ...volume } of volumes) byDp.set(dpId, [...(byDp.get(dpId) ?? []), volume]);
    return rows.map((r) => ({
      dp: { name: r.name, mode: r.mode, serverShare: r.serverShare, serverName: r.serverName },
      volumes: byDp.get(r.dpId) ?? [],
      row: { packageId: r.packageId, volumeLetter: r.volumeLetter, shareName: r.shareName, folder: r.folder },
    }));
  }

}
