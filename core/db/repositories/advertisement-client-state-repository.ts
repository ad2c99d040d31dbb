import type { AdvertisementClientState } from '../../api/advertisement-client-states';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface ClientStateRow {
  readonly resourceId: number;
  readonly name: string;
  readonly state: AdvertisementClientState;
  readonly messageId: number;
  readonly messageTime: number;
  readonly recordId: number;
}

/** Each client's last state per advertisement (migration 0020). */
export class AdvertisementClientStateRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Records the state a message sets unless the stored one came from a message the client made
   * later (the same time: the later record wins, as it arrived last). A message about an
   * advertisement the site does not have (deleted since, or made up) sets nothing.
   */
  record(advertisementId: string, resourceId: number, state: AdvertisementClientState, messageId: number, messageTime: number, recordId: number): void {
    prepared(
      this.db,
      `INSERT INTO advertisement_client_states (advertisement_id, resource_id, state, message_id, message_time, record_id)
       SELECT advertisement_id, ?, ?, ?, ?, ? FROM advertisements WHERE advertisement_id = ?
       ON CONFLICT (advertisement_id, resource_id) DO UPDATE SET state = excluded.state, message_id = excluded.message_id, message_time = excluded.message_time, record_id = excluded.record_id
       WHERE excluded.message_time >= advertisement_client_states.message_time`,
    ).run(resourceId, state, messageId, messageTime, recordId, advertisementId);
  }

  counts(advertisementId: string): { state: AdvertisementClientState; n: number }[] {
    return prepared(this.db, 'SELECT state, count(*) AS n FROM advertisement_client_states WHERE advertisement_id = ? GROUP BY state').all(advertisementId) as { state: AdvertisementClientState; n: number }[];
  }

  page(advertisementId: string, state: AdvertisementClientState | null, after: number, limit: number): ClientStateRow[] {
    return prepared(
      this.db,
      `SELECT s.resource_id AS resourceId, r.name, s.state, s.message_id AS messageId, s.message_time AS messageTime, s.record_id AS recordId
       FROM advertisement_client_states s JOIN resources r ON r.resource_id = s.resource_id
       WHERE s.advertisement_id = ? AND s.resource_id > ? AND (? IS NULL OR s.state = ?)
       ORDER BY s.resource_id LIMIT ?`,
    ).all(advertisementId, after, state, state, limit) as ClientStateRow[];
  }
}
