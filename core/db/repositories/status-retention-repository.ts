import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** Delete Aged Status Messages as the site keeps it (migration 0025). */
export interface StatusRetentionRecord {
  readonly enabled: boolean;
  readonly keepDays: number;
  readonly everyHours: number;
  readonly lastModified: string;
  /** When Inbox Manager last ran the task, and how many messages it deleted then. */
  readonly lastRunAt: string | null;
  readonly lastDeleted: number | null;
}

export class StatusRetentionRepository {
  constructor(private readonly db: SqliteDatabase) {}

  get(): StatusRetentionRecord {
    const row = prepared(
      this.db,
      'SELECT enabled, keep_days AS keepDays, every_hours AS everyHours, last_modified AS lastModified, last_run_at AS lastRunAt, last_deleted AS lastDeleted FROM status_retention_settings WHERE id = 1',
    ).get() as Omit<StatusRetentionRecord, 'enabled'> & { enabled: number };
    return { ...row, enabled: row.enabled === 1 };
  }

  save(settings: Pick<StatusRetentionRecord, 'enabled' | 'keepDays' | 'everyHours' | 'lastModified'>): void {
    prepared(this.db, 'UPDATE status_retention_settings SET enabled = ?, keep_days = ?, every_hours = ?, last_modified = ? WHERE id = 1').run(
      settings.enabled ? 1 : 0,
      settings.keepDays,
      settings.everyHours,
      settings.lastModified,
    );
  }

  noteRun(at: string, deleted: number): void {
    prepared(this.db, 'UPDATE status_retention_settings SET last_run_at = ?, last_deleted = ? WHERE id = 1').run(at, deleted);
  }
}
