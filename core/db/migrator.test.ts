import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError } from '../api';
import { openDatabase, type SqliteDatabase } from './connection';
import { migrations, type Migration } from './migrations';
import { migrate, migrationHash } from './migrator';

const now = () => new Date('2026-11-26T10:00:00Z');
let dir: string;
let db: SqliteDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-migrate-'));
  db = openDatabase(join(dir, 'site.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const first: Migration = { version: 1, name: 'first', sql: 'CREATE TABLE a (x INTEGER);' };
const second: Migration = { version: 2, name: 'second', sql: 'CREATE TABLE b (y INTEGER);' };

function ledger() {
  return db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all();
}

function expectRefused(run: () => unknown, detail: RegExp) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CourierError);
    expect((error as CourierError).code).toBe('DATABASE_HISTORY_MISMATCH');
    expect((error as CourierError).message).toMatch(detail);
    return;
  }
  throw new Error('the migration history was accepted');
}

describe('migrate', () => {
  it('applies the real migrations to a new database in WAL mode with foreign keys, and records each with its hash', () => {
    expect(migrate(db, migrations, now).applied).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ledger()).toEqual(migrations.map((m) => ({ version: m.version, name: m.name, sha256: migrationHash(m) })));
  });

  it('applies nothing the second time', () => {
    migrate(db, [first], now);
    expect(migrate(db, [first], now).applied).toEqual([]);
  });

  it('applies only the new migrations appended since', () => {
    migrate(db, [first], now);
    expect(migrate(db, [first, second], now).applied).toEqual([2]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b') ORDER BY name").pluck().all()).toEqual(['a', 'b']);
  });

  it('refuses a database whose applied migration was edited since, and changes nothing', () => {
    migrate(db, [first], now);
    const edited = { ...first, sql: 'CREATE TABLE a (x INTEGER, z TEXT);' };
    expectRefused(() => migrate(db, [edited, second], now), /migration 1 "first" differs/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
  });

  it('refuses a ledger whose recorded hash was tampered with', () => {
    migrate(db, [first], now);
    db.prepare("UPDATE schema_migrations SET sha256 = 'beef' WHERE version = 1").run();
    expectRefused(() => migrate(db, [first], now), /differs/);
  });

  it('refuses a database made by a newer Courier', () => {
    migrate(db, [first, second], now);
    expectRefused(() => migrate(db, [first], now), /newer Courier/);
  });

  it('refuses a ledger with a hole in it', () => {
    migrate(db, [first, second], now);
    db.prepare('DELETE FROM schema_migrations WHERE version = 1').run();
    expectRefused(() => migrate(db, [first, second], now), /missing/);
  });

  it('rolls a failing migration back whole, leaving the ledger as it was', () => {
    migrate(db, [first], now);
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE c (x INTEGER); CREATE TABLE c (x INTEGER);' };
    expect(() => migrate(db, [first, broken], now)).toThrow(/already exists/);
    expect(ledger()).toHaveLength(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0);
  });

  it('insists the list is numbered 1, 2, 3 without gaps', () => {
    expect(() => migrate(db, [first, { ...second, version: 3 }], now)).toThrow(/expected 2/);
  });
});
