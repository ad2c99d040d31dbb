import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface StoredEvent {
  readonly id: number;
  readonly channel: string;
  readonly payload: string;
  readonly origin: string;
}

/** The append-only event feed every open core tails (docs/site-components.md). */
export class EventRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** Inside the transaction of the change the event tells of. */
  append(channel: string, payload: string, origin: string, createdAtMs: number): void {
    prepared(this.db, 'INSERT INTO events (channel, payload, origin, created_at) VALUES (?, ?, ?, ?)').run(channel, payload, origin, createdAtMs);
  }

  lastId(): number {
    return (prepared(this.db, 'SELECT coalesce(max(id), 0) AS id FROM events').get() as { id: number }).id;
  }

  after(id: number, limit: number): StoredEvent[] {
    return prepared(this.db, 'SELECT id, channel, payload, origin FROM events WHERE id > ? ORDER BY id LIMIT ?').all(id, limit) as StoredEvent[];
  }

  hasOlderThan(beforeMs: number): boolean {
    return prepared(this.db, 'SELECT 1 FROM events WHERE created_at < ? LIMIT 1').get(beforeMs) !== undefined;
  }

  /** Drops events older than `beforeMs`; a core that slept longer than that refreshes instead. */
  prune(beforeMs: number): number {
    return prepared(this.db, 'DELETE FROM events WHERE created_at < ?').run(beforeMs).changes;
  }

  /**
   * SQLite's counter of commits made by other connections: unchanged means nothing new to read,
   * so an idle tailer costs one pragma per tick (https://sqlite.org/pragma.html#pragma_data_version).
   */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
}
