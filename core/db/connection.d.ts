import Database from 'better-sqlite3';
export type SqliteDatabase = Database.Database;
/** One connection per process: WAL so the CLI can read while `serve` writes, foreign keys on. */
export declare function openDatabase(path: string): SqliteDatabase;
