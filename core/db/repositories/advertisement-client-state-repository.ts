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
  readonly acceptanceMessageId: number | null;
  readonly acceptanceTime: number | null;
  readonly executionMessageId: number | null;
  readonly executionTime: number | null;
  readonly executionResult: string | null;
}

/** What one message tells besides the state: an acceptance, or an execution with its exit code. */
export type ClientStatusPart = { readonly kind: 'acceptance' } | { readonly kind: 'execution'; readonly result: string | null };

/** Each client's last state per advertisement (migration 0020). */
export class AdvertisementClientStateRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Records the state a message sets unless the stored one came from a message the client made
   * later (the same time: the later record wins, as it arrived last); and, as the suite keeps them
   * apart, the last acceptance or the last execution alike. A message about an advertisement the
   * site does not have (deleted since, or made up) sets nothing.
   */
  record(advertisementId: string, resourceId: number, state: AdvertisementClientState, messageId: number, messageTime: number, recordId: number, part: ClientStatusPart): void {
    const acceptance = part.kind === 'acceptance';
    const result = part.kind === 'execution' ? part.result : null;
    // In an upsert's SET every expression reads the row as it was, so the order of the columns does not matter.
    prepared(
      this.db,
      `INSERT INTO advertisement_client_states (advertisement_id, resource_id, state, message_id, message_time, record_id,
         acceptance_message_id, acceptance_time, execution_message_id, execution_time, execution_result)
       SELECT advertisement_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM advertisements WHERE advertisement_id = ?
       ON CONFLICT (advertisement_id, resource_id) DO UPDATE SET
         state = CASE WHEN excluded.message_time >= message_time THEN excluded.state ELSE state END,
         message_id = CASE WHEN excluded.message_time >= message_time THEN excluded.message_id ELSE message_id END,
         record_id = CASE WHEN excluded.message_time >= message_time THEN excluded.record_id ELSE record_id END,
         message_time = max(message_time, excluded.message_time),
         acceptance_message_id = CASE WHEN excluded.acceptance_time >= coalesce(acceptance_time, excluded.acceptance_time) THEN excluded.acceptance_message_id ELSE acceptance_message_id END,
         acceptance_time = CASE WHEN excluded.acceptance_time >= coalesce(acceptance_time, excluded.acceptance_time) THEN excluded.acceptance_time ELSE acceptance_time END,
         execution_message_id = CASE WHEN excluded.execution_time >= coalesce(execution_time, excluded.execution_time) THEN excluded.execution_message_id ELSE execution_message_id END,
         execution_result = CASE WHEN excluded.execution_time >= coalesce(execution_time, excluded.execution_time) THEN excluded.execution_result ELSE execution_result END,
         execution_time = CASE WHEN excluded.execution_time >= coalesce(execution_time, excluded.execution_time) THEN excluded.execution_time ELSE execution_time END`,
    ).run(
      resourceId, state, messageId, messageTime, recordId,
      acceptance ? messageId : null, acceptance ? messageTime : null,
      acceptance ? null : messageId, acceptance ? null : messageTime, result,
      advertisementId,
    );
  }

  counts(advertisementId: string): { state: AdvertisementClientState; n: number }[] {
    return prepared(this.db, 'SELECT state, count(*) AS n FROM advertisement_client_states WHERE advertisement_id = ? GROUP BY state').all(advertisementId) as { state: AdvertisementClientState; n: number }[];
  }

  page(advertisementId: string, state: AdvertisementClientState | null, after: number, limit: number): ClientStateRow[] {
    return prepared(
      this.db,
      `SELECT s.resource_id AS resourceId, r.name, s.state, s.message_id AS messageId, s.message_time AS messageTime, s.record_id AS recordId,
              s.acceptance_message_id AS acceptanceMessageId, s.acceptance_time AS acceptanceTime, s.execution_message_id AS executionMessageId,
              s.execution_time AS executionTime, s.execution_result AS executionResult
       FROM advertisement_client_states s JOIN resources r ON r.resource_id = s.resource_id
       WHERE s.advertisement_id = ? AND s.resource_id > ? AND (? IS NULL OR s.state = ?)
       ORDER BY s.resource_id LIMIT ?`,
    ).all(advertisementId, after, state, state, limit) as ClientStateRow[];
  }
}
