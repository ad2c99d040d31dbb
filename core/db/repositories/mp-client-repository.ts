import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export type ClientApproval = 'approved' | 'pending' | 'blocked';

export interface MpClientRecord {
  readonly resourceId: number;
  readonly secretHash: string;
  readonly approval: ClientApproval;
  readonly registeredAt: string;
}

/** The management point's registered clients and the status message IDs they uploaded (migration 0015). */
export class MpClientRepository {
  constructor(private readonly db: SqliteDatabase) {}

  get(resourceId: number): MpClientRecord | null {
    return (
      (prepared(this.db, 'SELECT resource_id AS resourceId, secret_hash AS secretHash, approval, registered_at AS registeredAt FROM mp_clients WHERE resource_id = ?').get(resourceId) as
        | MpClientRecord
        | undefined) ?? null
    );
  }

  insert(record: MpClientRecord): void {
    prepared(this.db, 'INSERT INTO mp_clients (resource_id, secret_hash, approval, registered_at) VALUES (?, ?, ?, ?)').run(
      record.resourceId,
      record.secretHash,
      record.approval,
      record.registeredAt,
    );
  }

  replaceSecret(resourceId: number, secretHash: string): void {
    prepared(this.db, 'UPDATE mp_clients SET secret_hash = ? WHERE resource_id = ?').run(secretHash, resourceId);
  }

  setApproval(resourceId: number, approval: ClientApproval): boolean {
    return prepared(this.db, 'UPDATE mp_clients SET approval = ? WHERE resource_id = ?').run(approval, resourceId).changes === 1;
  }

  /** Claims a client's message ID; false when it was stored before (the primary key decides, not a read). */
  claimMessage(resourceId: number, messageUid: string): boolean {
    return prepared(this.db, 'INSERT INTO mp_status_receipts (resource_id, message_uid, record_id) VALUES (?, ?, 0) ON CONFLICT DO NOTHING').run(resourceId, messageUid).changes === 1;
  }

  recordMessage(resourceId: number, messageUid: string, recordId: number): void {
    prepared(this.db, 'UPDATE mp_status_receipts SET record_id = ? WHERE resource_id = ? AND message_uid = ?').run(recordId, resourceId, messageUid);
  }
}
