import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/** One connection per process: WAL so the CLI can read while `serve` writes, foreign keys on. */
export function openDatabase(path: string): SqliteDatabase {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * Takes WAL checkpoints off this connection's commits: SQLite otherwise checkpoints on the
 * commit that takes the WAL past 1,000 pages, with two fsyncs and a copy of every page, inside
 * the request that happened to commit. The caller checkpoints on a schedule instead
 * (checkpointWal); other connections of the site still checkpoint as they commit.
 */
export function deferCheckpoints(db: SqliteDatabase): void {
  db.pragma('wal_autocheckpoint = 0');
}

/** Copies what the WAL holds into the database as far as no reader needs it; never waits. */
export function checkpointWal(db: SqliteDatabase): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}
