import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../connection';
import { migrations } from '../migrations';
import { migrate } from '../migrator';
import { scheduledSql } from './update-schedule-run-repository';

let dir: string;
let db: SqliteDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-update-schedules-'));
  db = openDatabase(join(dir, 'site.db'));
  migrate(db, migrations, () => new Date('2026-12-02T08:00:00.000Z'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the update schedules Distribution Manager follows', () => {
  it('are found through the index of packages with a schedule, not by reading every package', () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${scheduledSql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
    // A scan of the partial index reads only the packages that have a schedule.
    expect(plan).toMatch(/SCAN p USING INDEX packages_update_scheduled/);
    expect(plan).not.toMatch(/SCAN p( |$)(?!USING INDEX packages_update_scheduled)/);
    expect(plan).not.toMatch(/SCAN (d|r)\b/);
  });
});
