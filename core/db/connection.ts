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
