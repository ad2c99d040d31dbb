import { createHash } from 'node:crypto';
import { CourierError } from '../api';
import type { SqliteDatabase } from './connection';
import type { Migration } from './migrations';
import { searchFold } from '../domain/status-messages/text-search';

/** The functions of this code a migration's SQL may call: each folds, reads, or checks as the running code does. */
function registerMigrationFunctions(db: SqliteDatabase): void {
  // Migration 27 indexes the insertion strings as the viewer's text search folds them.
  db.function('courier_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchFold(text) : null));
}

export function migrationHash(migration: Migration): string {
  return createHash('sha256').update(`${migration.version}\n${migration.name}\n${migration.sql}`).digest('hex');
}

interface LedgerRow {
  version: number;
  name: string;
  sha256: string;
}

function historyMismatch(detail: string): CourierError {
  return new CourierError(
    'DATABASE_HISTORY_MISMATCH',
    `The site database's migration history does not match this Courier (${detail}). It was not opened, so nothing in it was changed.`,
  );
}

/**
 * Brings the database up to date, or refuses it. Every applied migration is recorded with a
 * hash of its SQL; a database whose recorded history differs from ours (edited, reordered or
 * written by a newer Courier) is never touched, because guessing would corrupt a site.
 */
export function migrate(db: SqliteDatabase, known: readonly Migration[], now: () => Date): { applied: number[] } {
  known.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}; expected ${index + 1}.`);
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const ledger = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as LedgerRow[];
  ledger.forEach((row, index) => {
    const migration = known[index];
    if (row.version !== index + 1) throw historyMismatch(`migration ${index + 1} is missing from the ledger`);
    if (!migration) throw historyMismatch(`it has migration ${row.version} "${row.name}", which this version does not know; it was made by a newer Courier`);
    if (row.sha256 !== migrationHash(migration)) {
      throw historyMismatch(`migration ${row.version} "${row.name}" differs from the one that was applied`);
    }
  });
  const applied: number[] = [];
  if (known.length > ledger.length) registerMigrationFunctions(db);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of known.slice(ledger.length)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, migrationHash(migration), now().toISOString());
    })();
    applied.push(migration.version);
  }
  return { applied };
}
