import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointWal, deferCheckpoints, openDatabase, type SqliteDatabase } from './connection';

let dir: string;
let db: SqliteDatabase;
const path = () => join(dir, 'courier.db');
const walBytes = () => (existsSync(`${path()}-wal`) ? statSync(`${path()}-wal`).size : 0);

/** 40 commits of about 100 pages each: four times SQLite's automatic checkpoint of 1,000 pages. */
function writeManyPages(): void {
  const insert = db.prepare('INSERT INTO pages (data) VALUES (randomblob(4000))');
  for (let commit = 0; commit < 40; commit++) db.transaction(() => {
    for (let row = 0; row < 100; row++) insert.run();
  })();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-connection-'));
  db = openDatabase(path());
  db.exec('CREATE TABLE pages (id INTEGER PRIMARY KEY, data BLOB)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints', () => {
  it('happen on the commits of a connection as SQLite does them by default: the WAL is reused from its start', () => {
    writeManyPages();
    // About 1,000 pages of 4 KiB, not the 4,000 written.
    expect(walBytes()).toBeLessThan(6 * 1024 * 1024);
  });

  it('deferred, leave the WAL to grow until the connection checkpoints it, which brings every page into the database', () => {
    deferCheckpoints(db);
    const before = statSync(path()).size;
    writeManyPages();
    expect(walBytes()).toBeGreaterThan(15 * 1024 * 1024);
    expect(statSync(path()).size).toBe(before);
    checkpointWal(db);
    expect(statSync(path()).size).toBeGreaterThan(15 * 1024 * 1024);
    // Every row is there for a connection opened afresh.
    db.close();
    db = openDatabase(path());
    expect(db.prepare('SELECT count(*) FROM pages').pluck().get()).toBe(4_000);
  });
});
