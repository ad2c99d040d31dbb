import type { ResourceType } from '../../api';
import type { CollectionWindow } from '../../domain/maintenance-windows';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import { reachCte } from './offer-repository';

/** A member of an advertisement's reach with what its dry run needs: the platform and where it is. */
export interface PreviewMemberRow {
  readonly resourceId: number;
  readonly name: string;
  readonly resourceType: ResourceType;
  readonly operatingSystem: string | null;
  readonly platform: string | null;
  readonly adSiteName: string | null;
  readonly ipAddresses: readonly string[];
}

/**
 * The members an advertisement reaches, the same collections Offer Manager offers it through
 * (`reachCte`), each resource once; read in one statement whatever their number.
 */
const membersSql = `${reachCte}
  SELECT r.resource_id AS resourceId, r.name, r.resource_type AS resourceType, r.operating_system AS operatingSystem, r.platform,
         r.ad_site_name AS adSiteName,
         (SELECT json_group_array(v.value ORDER BY v.position) FROM resource_ip_addresses v WHERE v.resource_id = r.resource_id) AS ipAddresses
  FROM resources r
  WHERE r.resource_id IN (SELECT m.resource_id FROM down d JOIN collection_members m ON m.collection_id = d.collection_id)
  ORDER BY r.name COLLATE NOCASE, r.resource_id`;

/** Per collection with enabled maintenance windows, how many of the reached systems are its members. */
const windowCollectionsSql = `${reachCte},
  reached (resource_id) AS (
    SELECT DISTINCT m.resource_id FROM down d JOIN collection_members m ON m.collection_id = d.collection_id
    JOIN resources r ON r.resource_id = m.resource_id AND r.resource_type = 'system'
  )
  SELECT m.collection_id AS collectionId, c.name, count(*) AS members
  FROM collection_members m JOIN collections c ON c.collection_id = m.collection_id
  WHERE m.resource_id IN (SELECT resource_id FROM reached)
    AND EXISTS (SELECT 1 FROM maintenance_windows w WHERE w.collection_id = m.collection_id AND w.enabled = 1)
  GROUP BY m.collection_id ORDER BY c.name COLLATE NOCASE, m.collection_id`;

/** The reads of the dry run of an advertisement (docs/distribute-software.md#dry-run); it writes nothing. */
export class DeploymentPreviewRepository {
  constructor(private readonly db: SqliteDatabase) {}

  members(collectionId: string, includeSubcollections: boolean): PreviewMemberRow[] {
    const rows = prepared(this.db, membersSql).all({ collectionId, includeSubcollections: includeSubcollections ? 1 : 0 }) as (Omit<PreviewMemberRow, 'ipAddresses'> & { ipAddresses: string })[];
    return rows.map((row) => ({ ...row, ipAddresses: JSON.parse(row.ipAddresses) as string[] }));
  }

  /** The collections with enabled maintenance windows among the reached systems' collections, with how many each covers. */
  windowCollections(collectionId: string, includeSubcollections: boolean): { collectionId: string; name: string; members: number }[] {
    return prepared(this.db, windowCollectionsSql).all({ collectionId, includeSubcollections: includeSubcollections ? 1 : 0 }) as { collectionId: string; name: string; members: number }[];
  }

  /** The enabled windows of those collections, by collection and position. */
  windowsOf(collectionIds: readonly string[]): CollectionWindow[] {
    return prepared(
      this.db,
      `SELECT w.collection_id AS collectionId, c.name AS collectionName, w.name AS windowName, w.schedule_token AS schedule, w.duration_minutes AS durationMinutes
       FROM maintenance_windows w JOIN collections c ON c.collection_id = w.collection_id
       WHERE w.collection_id IN (SELECT value FROM json_each(?)) AND w.enabled = 1 ORDER BY w.collection_id, w.position`,
    ).all(JSON.stringify(collectionIds)) as CollectionWindow[];
  }
}
