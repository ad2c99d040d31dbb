import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export type ClientApproval = 'approved' | 'pending' | 'blocked';

export interface MpClientRecord {
  readonly resourceId: number;
  readonly secretHash: string;
  readonly approval: ClientApproval;
  readonly registeredAt: string;
}

export interface MpClientRow extends MpClientRecord {
  readonly name: string;
  readonly smsUniqueIdentifier: string | null;
  readonly lastContactAt: string | null;
  /** The resource's IP addresses in the order the client reported them, as a JSON array. */
  readonly ipAddressesJson: string;
}

/**
 * What an admin's reset leaves as the secret's hash: 64 characters that are not hex, so no
 * secret hashes to it, and the next registration of that client is accepted without one.
 */
export const resetSecretHash = '-'.repeat(64);

const rowColumns = `c.resource_id AS resourceId, c.secret_hash AS secretHash, c.approval, c.registered_at AS registeredAt,
  c.last_contact_at AS lastContactAt, r.name, r.sms_unique_identifier AS smsUniqueIdentifier,
  (SELECT json_group_array(value) FROM (SELECT value FROM resource_ip_addresses i WHERE i.resource_id = c.resource_id ORDER BY position)) AS ipAddressesJson`;

/** The management point's registered clients and the status message IDs they uploaded (migrations 0017 and 0018). */
export class MpClientRepository {
  constructor(private readonly db: SqliteDatabase) {}

  get(resourceId: number): MpClientRecord | null {
    return (
      (prepared(this.db, 'SELECT resource_id AS resourceId, secret_hash AS secretHash, approval, registered_at AS registeredAt FROM mp_clients WHERE resource_id = ?').get(resourceId) as
        | MpClientRecord
        | undefined) ?? null
    );
  }

  /** The clients with their resource's name, by name; only those of one approval when given. */
  list(approval?: ClientApproval): MpClientRow[] {
    const where = approval === undefined ? '' : 'WHERE c.approval = ?';
    const statement = prepared(this.db, `SELECT ${rowColumns} FROM mp_clients c JOIN resources r ON r.resource_id = c.resource_id ${where} ORDER BY r.name COLLATE NOCASE, c.resource_id`);
    return (approval === undefined ? statement.all() : statement.all(approval)) as MpClientRow[];
  }

  row(resourceId: number): MpClientRow | null {
    return (prepared(this.db, `SELECT ${rowColumns} FROM mp_clients c JOIN resources r ON r.resource_id = c.resource_id WHERE c.resource_id = ?`).get(resourceId) as MpClientRow | undefined) ?? null;
  }

  counts(): Record<ClientApproval, number> {
    const rows = prepared(this.db, 'SELECT approval, count(*) AS n FROM mp_clients GROUP BY approval').all() as { approval: ClientApproval; n: number }[];
    const counts: Record<ClientApproval, number> = { approved: 0, pending: 0, blocked: 0 };
    for (const row of rows) counts[row.approval] = row.n;
    return counts;
  }

  /**
   * Notes that the client was heard from, at most once a minute: a poll every few seconds must not
   * become a write every few seconds. True when it wrote.
   */
  touch(resourceId: number, at: string, notBefore: string): boolean {
    return prepared(this.db, 'UPDATE mp_clients SET last_contact_at = ? WHERE resource_id = ? AND (last_contact_at IS NULL OR last_contact_at < ?)').run(at, resourceId, notBefore).changes === 1;
  }

  /** Replaces the users the client last said are logged on. */
  setLoggedOnUsers(resourceId: number, users: readonly string[]): void {
    prepared(this.db, 'DELETE FROM mp_client_users WHERE resource_id = ?').run(resourceId);
    const insert = prepared(this.db, 'INSERT OR IGNORE INTO mp_client_users (resource_id, user_name) VALUES (?, ?)');
    for (const user of users) insert.run(resourceId, user);
  }

  loggedOnUsers(resourceId: number): string[] {
    return prepared(this.db, 'SELECT user_name FROM mp_client_users WHERE resource_id = ? ORDER BY user_name').pluck().all(resourceId) as string[];
  }

  hasLoggedOnUser(resourceId: number, user: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM mp_client_users WHERE resource_id = ? AND user_name = ?').get(resourceId, user) !== undefined;
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
