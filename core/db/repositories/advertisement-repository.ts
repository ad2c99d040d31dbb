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
> & { readonly name: string };

type Row = Omit<AdvertisementRecord, 'includeSubcollections'> & { includeSubcollections: number };

const selectAdvertisement = `SELECT advertisement_id AS advertisementId, name, comment, package_id AS packageId, program_name AS programName,
  collection_id AS collectionId, include_subcollections AS includeSubcollections, source_site AS sourceSite, present_time AS presentTime,
  expiration_time AS expirationTime, advert_flags AS advertFlags, remote_client_flags AS remoteClientFlags, time_flags AS timeFlags,
  priority, assigned_schedule AS assignedSchedule, mandatory_countdown_minutes AS mandatoryCountdownMinutes,
  created_at AS createdAt, last_modified AS lastModified FROM advertisements`;

const fromRow = (row: Row): AdvertisementRecord => ({ ...row, includeSubcollections: row.includeSubcollections === 1 });
const toRow = (record: AdvertisementRecord): Row => ({ ...record, includeSubcollections: record.includeSubcollections ? 1 : 0 });

/** The site's advertisements (migration 0010). */
export class AdvertisementRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** In ID order; each filter given narrows the list (a program's name in any case). */
  list(filter: AdvertisementFilter = {}): AdvertisementRecord[] {
    const rows = prepared(
      this.db,
      `${selectAdvertisement} WHERE (@packageId IS NULL OR package_id = @packageId) AND (@programName IS NULL OR program_name = @programName)
       AND (@collectionId IS NULL OR collection_id = @collectionId) ORDER BY advertisement_id`,
    ).all({ packageId: filter.packageId ?? null, programName: filter.programName ?? null, collectionId: filter.collectionId ?? null }) as Row[];
    return rows.map(fromRow);
  }

  get(advertisementId: string): AdvertisementRecord | null {
    const row = prepared(this.db, `${selectAdvertisement} WHERE advertisement_id = ?`).get(advertisementId) as Row | undefined;
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
