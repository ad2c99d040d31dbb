import type { RecurringSchedule } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** A package whose update schedule Distribution Manager follows, with the occurrence it last ran. */
export interface ScheduledPackage {
  readonly packageId: string;
  readonly schedule: RecurringSchedule;
  readonly createdAt: string;
  readonly lastOccurrence: string | null;
}

/**
 * The update schedules of packages that always obtain files from the source directory and are on
 * at least one distribution point (not on its way off it): only those can be updated.
 */
export class UpdateScheduleRunRepository {
  constructor(private readonly db: SqliteDatabase) {}

  scheduled(): ScheduledPackage[] {
    return (prepared(this.db, scheduledSql).all() as { packageId: string; schedule: string; createdAt: string; lastOccurrence: string | null }[]).map((row) => ({
      ...row,
      schedule: JSON.parse(row.schedule) as RecurringSchedule,
    }));
  }

  lastOccurrence(packageId: string): string | null {
    const row = prepared(this.db, 'SELECT last_occurrence AS at FROM package_update_schedule_runs WHERE package_id = ?').get(packageId) as { at: string } | undefined;
    return row?.at ?? null;
  }

  record(packageId: string, occurrence: string, ranAt: string): void {
    prepared(this.db, `INSERT INTO package_update_schedule_runs (package_id, last_occurrence, ran_at) VALUES (?, ?, ?)
         ON CONFLICT (package_id) DO UPDATE SET last_occurrence = excluded.last_occurrence, ran_at = excluded.ran_at`).run(packageId, occurrence, ranAt);
  }
}

// Asked at every wake: `update_schedule IS NOT NULL` is spelled out so SQLite reads the partial
// index packages_update_scheduled (a package with a schedule), not every package of the site.
export const scheduledSql = `SELECT p.package_id AS packageId, p.update_schedule AS schedule, p.created_at AS createdAt, r.last_occurrence AS lastOccurrence
  FROM packages p LEFT JOIN package_update_schedule_runs r ON r.package_id = p.package_id
  WHERE p.update_schedule IS NOT NULL AND p.contains_source_files = 1 AND p.source_option = 'direct'
    AND EXISTS (SELECT 1 FROM package_dps d WHERE d.package_id = p.package_id AND d.state NOT IN ('removalPending', 'removalFailed'))
  ORDER BY p.package_id`;
