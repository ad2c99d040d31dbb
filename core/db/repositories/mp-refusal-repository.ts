import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** One client's refused uploads for one reason (migration 0024). */
export interface MpRefusalRow {
  readonly resourceId: number;
  readonly clientName: string;
  readonly reason: string;
  readonly uploads: number;
  readonly messages: number;
  readonly lastDetail: string;
  readonly lastRefusedAt: string;
}

export interface MpRefusalTotals {
  readonly uploads: number;
  readonly messages: number;
}

const maxDetail = 1024;

/** The status uploads the management point refused as malformed, counted per client and reason. */
export class MpRefusalRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Counts one refused upload of `messages` messages. One statement, so it commits on its own:
   * the refusal is counted even though nothing of the upload is stored.
   */
  record(refusal: { resourceId: number; clientName: string; reason: string; messages: number; detail: string; at: string }): void {
    prepared(
      this.db,
      `INSERT INTO mp_refused_messages (resource_id, client_name, reason, uploads, messages, last_detail, last_refused_at)
       VALUES (?, ?, ?, 1, ?, ?, ?)
       ON CONFLICT (resource_id, reason) DO UPDATE SET uploads = uploads + 1, messages = messages + excluded.messages,
         client_name = excluded.client_name, last_detail = excluded.last_detail, last_refused_at = excluded.last_refused_at`,
    ).run(refusal.resourceId, refusal.clientName.slice(0, 256), refusal.reason.slice(0, 64), refusal.messages, refusal.detail.slice(0, maxDetail), refusal.at);
  }

  totals(): MpRefusalTotals {
    return prepared(this.db, 'SELECT coalesce(sum(uploads), 0) AS uploads, coalesce(sum(messages), 0) AS messages FROM mp_refused_messages').get() as MpRefusalTotals;
  }

  /** The most recent first, at most `limit` (the console shows the last few, not every client's). */
  recent(limit: number): MpRefusalRow[] {
    return prepared(
      this.db,
      `SELECT resource_id AS resourceId, client_name AS clientName, reason, uploads, messages, last_detail AS lastDetail, last_refused_at AS lastRefusedAt
       FROM mp_refused_messages ORDER BY last_refused_at DESC, resource_id, reason LIMIT ?`,
    ).all(limit) as MpRefusalRow[];
  }
}
