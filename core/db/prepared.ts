import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './connection';

const caches = new WeakMap<SqliteDatabase, Map<string, Database.Statement>>();

/**
 * The statement for `sql` on this connection, prepared once: every change runs the outbox and
 * event statements, and preparing them each time cost more than running them.
 */
export function prepared(db: SqliteDatabase, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
