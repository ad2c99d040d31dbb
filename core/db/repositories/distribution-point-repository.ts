import type { BoundaryDto, DistributionPointDto } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** A distribution point as stored, with its site system's names: the DTO without what other tables hold. */
export interface DpRecord extends Omit<DistributionPointDto, 'boundaries' | 'volumes' | 'groups' | 'packageCount'> {
  readonly id: number;
  readonly siteSystemId: number;
}

export type NewDpRecord = Omit<DpRecord, 'id' | 'netbiosName' | 'siteCode' | 'deleting'>;

export interface DpVolumeRecord {
  readonly letter: string;
  readonly path: string;
  readonly reserveMb: number;
}

export interface SiteSystemInput {
  readonly serverName: string;
  readonly netbiosName: string;
  readonly siteCode: string;
}

type Row = Omit<DpRecord, 'bitsEnabled' | 'protected' | 'deleting'> & { bitsEnabled: number; protected: number; deleting: number };

const selectDp = `
  SELECT d.id, d.name, d.site_system_id AS siteSystemId, s.server_name AS serverName, s.netbios_name AS netbiosName,
         s.site_code AS siteCode, d.mode, d.kind, d.share_path AS serverShare, d.share_reserve_mb AS shareReserveMb,
         d.nal_path AS nalPath, d.bits_enabled AS bitsEnabled, d.protected, d.share_provider AS shareProvider,
         d.samba_conf AS sambaConf, d.deleting, d.created_at AS createdAt, d.last_modified AS lastModified
  FROM distribution_points d JOIN site_systems s ON s.id = d.site_system_id`;

function fromRow(row: Row): DpRecord {
  return { ...row, bitsEnabled: row.bitsEnabled === 1, protected: row.protected === 1, deleting: row.deleting === 1 };
}

/** Site systems, their distribution point role, its volumes and boundaries. */
export class DistributionPointRepository {
  constructor(private readonly db: SqliteDatabase) {}

  list(): DpRecord[] {
    return (prepared(this.db, `${selectDp} ORDER BY d.name COLLATE NOCASE`).all() as Row[]).map(fromRow);
  }

  /** Names compare as Windows compares computer names: case-insensitively. */
  get(name: string): DpRecord | null {
    const row = prepared(this.db, `${selectDp} WHERE d.name = ? COLLATE NOCASE`).get(name) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  getById(id: number): DpRecord | null {
    const row = prepared(this.db, `${selectDp} WHERE d.id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** The Copy Package page's list: DPs that are not being deleted and hold no live row of the package. */
  withoutPackage(packageId: string): DpRecord[] {
    return (
      prepared(this.db, `${selectDp} WHERE d.deleting = 0 AND NOT EXISTS (
             SELECT 1 FROM package_dps p WHERE p.dp_id = d.id AND p.package_id = ? AND p.state NOT IN ('removalPending', 'removalFailed'))
           ORDER BY d.name COLLATE NOCASE`).all(packageId) as Row[]
    ).map(fromRow);
  }

  /** The server share DP on this share, compared case-insensitively (the caller also compares them as Windows paths). */
  shares(): { name: string; serverShare: string }[] {
    return prepared(this.db, 'SELECT name, share_path AS serverShare FROM distribution_points WHERE share_path IS NOT NULL').all() as { name: string; serverShare: string }[];
  }

  /** The site system of `serverName`, created with its distribution point role when it is new. */
  siteSystemFor(input: SiteSystemInput, stamp: string): number {
    const found = prepared(this.db, 'SELECT id FROM site_systems WHERE server_name = ? COLLATE NOCASE').get(input.serverName) as { id: number } | undefined;
    const id =
      found?.id ??
      Number(
        prepared(this.db, 'INSERT INTO site_systems (server_name, netbios_name, site_code, created_at, last_modified) VALUES (?, ?, ?, ?, ?)')
          .run(input.serverName, input.netbiosName, input.siteCode, stamp, stamp).lastInsertRowid,
      );
    prepared(this.db, "INSERT OR IGNORE INTO site_system_roles (site_system_id, role) VALUES (?, 'distributionPoint')").run(id);
    return id;
  }

  /** A site system left without a distribution point has no role left, so it goes too. */
  removeSiteSystemIfUnused(siteSystemId: number): void {
    const used = prepared(this.db, 'SELECT 1 FROM distribution_points WHERE site_system_id = ?').get(siteSystemId);
    if (!used) prepared(this.db, 'DELETE FROM site_systems WHERE id = ?').run(siteSystemId);
  }

  siteSystemRoles(siteSystemId: number): string[] {
    return (prepared(this.db, 'SELECT role FROM site_system_roles WHERE site_system_id = ? ORDER BY role').all(siteSystemId) as { role: string }[]).map((r) => r.role);
  }

  insert(record: NewDpRecord): number {
    return Number(
      prepared(this.db, `INSERT INTO distribution_points (name, site_system_id, mode, kind, share_path, share_reserve_mb, nal_path, bits_enabled, protected,
             share_provider, samba_conf, created_at, last_modified)
           VALUES (@name, @siteSystemId, @mode, @kind, @serverShare, @shareReserveMb, @nalPath, @bitsEnabled, @protected,
             @shareProvider, @sambaConf, @createdAt, @lastModified)`).run({ ...record, bitsEnabled: record.bitsEnabled ? 1 : 0, protected: record.protected ? 1 : 0 }).lastInsertRowid,
    );
  }

  updateSettings(record: DpRecord): void {
    prepared(this.db, `UPDATE distribution_points SET share_reserve_mb = @shareReserveMb, bits_enabled = @bitsEnabled, protected = @protected,
           share_provider = @shareProvider, samba_conf = @sambaConf, last_modified = @lastModified WHERE id = @id`).run({
        id: record.id,
        shareReserveMb: record.shareReserveMb,
        bitsEnabled: record.bitsEnabled ? 1 : 0,
        protected: record.protected ? 1 : 0,
        shareProvider: record.shareProvider,
        sambaConf: record.sambaConf,
        lastModified: record.lastModified,
      });
  }

  setDeleting(id: number, stamp: string): void {
    prepared(this.db, 'UPDATE distribution_points SET deleting = 1, last_modified = ? WHERE id = ?').run(stamp, id);
  }

  /**
   * A DP being deleted goes once its last package row is gone (Distribution Manager calls this
   * after each removal), with its site system if that has no other DP. Answers whether it went.
   */
  deleteIfDrained(id: number): boolean {
    const dp = prepared(this.db, 'SELECT site_system_id AS siteSystemId FROM distribution_points WHERE id = ? AND deleting = 1').get(id) as { siteSystemId: number } | undefined;
    if (!dp || prepared(this.db, 'SELECT 1 FROM package_dps WHERE dp_id = ?').get(id)) return false;
    this.delete(id);
    this.removeSiteSystemIfUnused(dp.siteSystemId);
    return true;
  }

  /** Its volumes, boundaries and group memberships go with it (ON DELETE CASCADE); package rows must be gone first. */
  delete(id: number): boolean {
    return prepared(this.db, 'DELETE FROM distribution_points WHERE id = ?').run(id).changes === 1;
  }

  volumes(dpId: number): DpVolumeRecord[] {
    return prepared(this.db, 'SELECT letter, path, reserve_mb AS reserveMb FROM dp_volumes WHERE dp_id = ? ORDER BY letter').all(dpId) as DpVolumeRecord[];
  }

  /** Every volume of every other DP, to refuse two volumes on one folder. */
  otherVolumes(exceptDpId: number | null): (DpVolumeRecord & { dpName: string })[] {
    return prepared(this.db, 'SELECT v.letter, v.path, v.reserve_mb AS reserveMb, d.name AS dpName FROM dp_volumes v JOIN distribution_points d ON d.id = v.dp_id WHERE v.dp_id IS NOT ?')
      .all(exceptDpId) as (DpVolumeRecord & { dpName: string })[];
  }

  replaceVolumes(dpId: number, volumes: readonly DpVolumeRecord[]): void {
    prepared(this.db, 'DELETE FROM dp_volumes WHERE dp_id = ?').run(dpId);
    const insert = prepared(this.db, 'INSERT INTO dp_volumes (dp_id, letter, path, reserve_mb) VALUES (?, ?, ?, ?)');
    for (const volume of volumes) insert.run(dpId, volume.letter, volume.path, volume.reserveMb);
  }

  boundaries(dpId: number): BoundaryDto[] {
    return prepared(this.db, 'SELECT kind, value FROM dp_boundaries WHERE dp_id = ? ORDER BY position').all(dpId) as BoundaryDto[];
  }

  replaceBoundaries(dpId: number, boundaries: readonly BoundaryDto[]): void {
    prepared(this.db, 'DELETE FROM dp_boundaries WHERE dp_id = ?').run(dpId);
    const insert = prepared(this.db, 'INSERT INTO dp_boundaries (dp_id, position, kind, value) VALUES (?, ?, ?, ?)');
    boundaries.forEach((boundary, position) => insert.run(dpId, position, boundary.kind, boundary.value));
  }
}
