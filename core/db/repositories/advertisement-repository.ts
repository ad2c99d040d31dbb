import type { AdvertisementDto, AdvertisementFilter } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** An advertisement as stored: the suite's numbers, not the options they decode to. */
export type AdvertisementRecord = Pick<
  AdvertisementDto,
  | 'advertisementId'
  | 'comment'
  | 'packageId'
  | 'programName'
  | 'collectionId'
  | 'includeSubcollections'
  | 'sourceSite'
  | 'presentTime'
  | 'expirationTime'
  | 'advertFlags'
  | 'remoteClientFlags'
  | 'timeFlags'
  | 'priority'
  | 'assignedSchedule'
  | 'mandatoryCountdownMinutes'
  | 'createdAt'
  | 'lastModified'
> & {
  readonly name: string;
  /** What Offer Manager made of it (read with it, never written): see docs/offer-manager.md. */
  readonly offerState?: AdvertisementDto['offerState'];
  readonly resourceCount?: number;
};

type Row = Omit<AdvertisementRecord, 'includeSubcollections'> & { includeSubcollections: number };

/**
 * With the offer: pending until Offer Manager has processed the advertisement as it now is (no
 * offer yet, an older one, or a wake-up waiting for it), else offered or deferred.
 */
const selectAdvertisement = `SELECT a.advertisement_id AS advertisementId, a.name, a.comment, a.package_id AS packageId, a.program_name AS programName,
  a.collection_id AS collectionId, a.include_subcollections AS includeSubcollections, a.source_site AS sourceSite, a.present_time AS presentTime,
  a.expiration_time AS expirationTime, a.advert_flags AS advertFlags, a.remote_client_flags AS remoteClientFlags, a.time_flags AS timeFlags,
  a.priority, a.assigned_schedule AS assignedSchedule, a.mandatory_countdown_minutes AS mandatoryCountdownMinutes,
  a.created_at AS createdAt, a.last_modified AS lastModified,
  CASE WHEN o.advertisement_id IS NULL OR o.advertisement_modified <> a.last_modified
         OR EXISTS (SELECT 1 FROM outbox w WHERE w.inbox = 'Offermgr.box' AND w.file_name = a.advertisement_id || '.OFN') THEN 'pending'
       ELSE o.state END AS offerState,
  coalesce(o.resource_count, 0) AS resourceCount
  FROM advertisements a LEFT JOIN offers o ON o.advertisement_id = a.advertisement_id`;

const fromRow = (row: Row): AdvertisementRecord => ({ ...row, includeSubcollections: row.includeSubcollections === 1 });
const toRow = ({ offerState: _state, resourceCount: _count, ...record }: AdvertisementRecord): Omit<Row, 'offerState' | 'resourceCount'> => ({
  ...record,
  includeSubcollections: record.includeSubcollections ? 1 : 0,
});

/** The site's advertisements (migration 0010). */
export class AdvertisementRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** In ID order; each filter given narrows the list (a program's name in any case). */
  list(filter: AdvertisementFilter = {}): AdvertisementRecord[] {
    const rows = prepared(
      this.db,
      `${selectAdvertisement} WHERE (@packageId IS NULL OR a.package_id = @packageId) AND (@programName IS NULL OR a.program_name = @programName)
       AND (@collectionId IS NULL OR a.collection_id = @collectionId) ORDER BY a.advertisement_id`,
    ).all({ packageId: filter.packageId ?? null, programName: filter.programName ?? null, collectionId: filter.collectionId ?? null }) as Row[];
    return rows.map(fromRow);
  }

  get(advertisementId: string): AdvertisementRecord | null {
    const row = prepared(this.db, `${selectAdvertisement} WHERE a.advertisement_id = ?`).get(advertisementId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  insert(record: AdvertisementRecord): void {
    prepared(
      this.db,
      `INSERT INTO advertisements (advertisement_id, name, comment, package_id, program_name, collection_id, include_subcollections, source_site,
         present_time, expiration_time, advert_flags, remote_client_flags, time_flags, priority, assigned_schedule, mandatory_countdown_minutes, created_at, last_modified)
       VALUES (@advertisementId, @name, @comment, @packageId, @programName, @collectionId, @includeSubcollections, @sourceSite,
         @presentTime, @expirationTime, @advertFlags, @remoteClientFlags, @timeFlags, @priority, @assignedSchedule, @mandatoryCountdownMinutes, @createdAt, @lastModified)`,
    ).run(toRow(record));
  }

  update(record: AdvertisementRecord): void {
    prepared(
      this.db,
      `UPDATE advertisements SET name = @name, comment = @comment, package_id = @packageId, program_name = @programName, collection_id = @collectionId,
         include_subcollections = @includeSubcollections, present_time = @presentTime, expiration_time = @expirationTime, advert_flags = @advertFlags,
         remote_client_flags = @remoteClientFlags, time_flags = @timeFlags, priority = @priority, assigned_schedule = @assignedSchedule,
         mandatory_countdown_minutes = @mandatoryCountdownMinutes, last_modified = @lastModified
       WHERE advertisement_id = @advertisementId`,
    ).run(toRow(record));
  }

  delete(advertisementId: string): boolean {
    return prepared(this.db, 'DELETE FROM advertisements WHERE advertisement_id = ?').run(advertisementId).changes === 1;
  }
}
