import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** A wake-up waiting in the outbox: what it wakes, and the file that says so. */
export interface OutboxEntry {
  readonly id: number;
  readonly inbox: string;
  readonly fileName: string;
  readonly body: string;
  readonly revision: number;
  readonly queuedAt: string;
  readonly deliveryFailures: number;
  readonly deliveryError: string | null;
  /** Earlier attempts to process it that failed. */
  readonly failures: number;
}

const selectList =
  'id, inbox, file_name AS fileName, body, revision, queued_at AS queuedAt, delivery_failures AS deliveryFailures, delivery_error AS deliveryError, failures';

export class OutboxRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /**
   * Queues a wake-up inside the caller's transaction. A later change for the same file folds into
   * the row still waiting (newer body, delivered again); one already claimed by a component is
   * left alone, so the change after it gets a row of its own and is processed after it.
   *
   * A change that folds in the same body while the row's file is in the inbox already (written,
   * not yet claimed, never failed) is not delivered again: the file there says the same and has
   * woken, or will wake, the component, which takes the row with this change in it. Clients
   * registering one after another each queue `SMS00001.CMN`; writing and renaming that file
   * again for each of them was most of a registration's time at the management point.
   */
  enqueue(inbox: string, fileName: string, body: string, queuedAt: string): number {
    // SQLite evaluates every SET expression against the row as it was, so `body` and `failures`
    // in the CASE are the folded-into row's.
    const row = prepared(
      this.db,
      `INSERT INTO outbox (inbox, file_name, body, queued_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (inbox, file_name) WHERE claimed_by IS NULL DO UPDATE SET
         body = excluded.body, revision = revision + 1,
         delivered_at = CASE WHEN body = excluded.body AND failures = 0 AND retry_at IS NULL THEN delivered_at END,
         failures = 0, retry_at = NULL
       RETURNING id`,
    ).get(inbox, fileName, body, queuedAt) as { id: number };
    return row.id;
  }

  /** A wake-up file found in the inbox without a row: queued as delivered, unless one waits already. */
  adopt(inbox: string, fileName: string, body: string, at: string): boolean {
    return (
      prepared(
        this.db,
        `INSERT INTO outbox (inbox, file_name, body, queued_at, delivered_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (inbox, file_name) WHERE claimed_by IS NULL DO NOTHING`,
      ).run(inbox, fileName, body, at, at).changes === 1
    );
  }

  /** Wake-ups whose file is not known to be written yet, oldest first; claimed ones need none. */
  undelivered(limit: number): OutboxEntry[] {
    return prepared(this.db, `SELECT ${selectList} FROM outbox WHERE delivered_at IS NULL AND claimed_by IS NULL ORDER BY id LIMIT ?`)
      .all(limit) as OutboxEntry[];
  }

  /**
   * Only the revision that was written counts: a change folded in meanwhile is delivered again.
   * False when the row was claimed (or completed) while its file was being written.
   */
  markDelivered(id: number, revision: number, at: string): boolean {
    return (
      prepared(this.db, 'UPDATE outbox SET delivered_at = ?, delivery_error = NULL WHERE id = ? AND revision = ? AND delivered_at IS NULL AND claimed_by IS NULL')
        .run(at, id, revision).changes === 1
    );
  }

  /** Returns the failures counted so far, 0 when the row is gone. */
  markDeliveryFailed(id: number, error: string): number {
    const row = prepared(this.db, 'UPDATE outbox SET delivery_failures = delivery_failures + 1, delivery_error = ? WHERE id = ? RETURNING delivery_failures AS failures')
      .get(error, id) as { failures: number } | undefined;
    return row?.failures ?? 0;
  }

  /**
   * Claims the oldest waiting wake-up of `inbox` for `owner`, or null when none is due. One
   * statement, so two claimants never get the same row.
   */
  claim(inbox: string, owner: string, at: string, nowMs: number): OutboxEntry | null {
    return (
      (prepared(
        this.db,
        `UPDATE outbox SET claimed_by = ?, claimed_at = ?
         WHERE id = (SELECT id FROM outbox WHERE inbox = ? AND claimed_by IS NULL AND (retry_at IS NULL OR retry_at <= ?) ORDER BY id LIMIT 1)
         RETURNING ${selectList}`,
      ).get(owner, at, inbox, nowMs) as OutboxEntry | undefined) ?? null
    );
  }

  /** Done: the row goes. False when `owner` no longer holds the claim (it was taken back). */
  complete(id: number, owner: string): boolean {
    return prepared(this.db, 'DELETE FROM outbox WHERE id = ? AND claimed_by = ?').run(id, owner).changes === 1;
  }

  /**
   * Puts a claimed row back. A row that waits for the same file meanwhile already stands for the
   * newer state, so the claimed one folds into it instead of waiting twice. Run in a transaction.
   */
  release(id: number, owner: string, failed: { readonly retryAt: number } | null): boolean {
    const row = prepared(this.db, 'SELECT inbox, file_name AS fileName FROM outbox WHERE id = ? AND claimed_by = ?').get(id, owner) as
      | { inbox: string; fileName: string }
      | undefined;
    if (!row) return false;
    const waiting = prepared(this.db, 'SELECT id FROM outbox WHERE inbox = ? AND file_name = ? AND claimed_by IS NULL').get(row.inbox, row.fileName);
    if (waiting) return prepared(this.db, 'DELETE FROM outbox WHERE id = ?').run(id).changes === 1;
    prepared(
      this.db,
      failed
        ? 'UPDATE outbox SET claimed_by = NULL, claimed_at = NULL, failures = failures + 1, retry_at = @retryAt WHERE id = @id'
        : 'UPDATE outbox SET claimed_by = NULL, claimed_at = NULL WHERE id = @id',
    ).run(failed ? { id, retryAt: failed.retryAt } : { id });
    return true;
  }

  /** Claims in `inbox` held by anyone but `owner`: left by a component that died mid-way. */
  claimedByOthers(inbox: string, owner: string): { id: number; owner: string }[] {
    return prepared(this.db, 'SELECT id, claimed_by AS owner FROM outbox WHERE inbox = ? AND claimed_by IS NOT NULL AND claimed_by <> ?').all(inbox, owner) as {
      id: number;
      owner: string;
    }[];
  }

  /** True when a wake-up for this file waits unclaimed. */
  isWaiting(inbox: string, fileName: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM outbox WHERE inbox = ? AND file_name = ? AND claimed_by IS NULL').get(inbox, fileName) !== undefined;
  }

  /** Wake-ups of `inbox` not yet done, claimed or not (for tests and diagnostics). */
  pending(inbox: string): OutboxEntry[] {
    return prepared(this.db, `SELECT ${selectList} FROM outbox WHERE inbox = ? ORDER BY id`).all(inbox) as OutboxEntry[];
  }

  /** The earliest time a waiting row of `inbox` becomes due again after failures, if any. */
  nextRetryAt(inbox: string): number | null {
    const row = prepared(this.db, 'SELECT min(retry_at) AS at FROM outbox WHERE inbox = ? AND claimed_by IS NULL AND retry_at IS NOT NULL').get(inbox) as {
      at: number | null;
    };
    return row.at;
  }
}
