import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { openDatabase, type SqliteDatabase } from '../connection';
import { migrate } from '../migrator';
import { migrations } from '.';

const now = () => new Date('2026-12-02T10:00:00Z');
let temp: TempDir;
let db: SqliteDatabase;

beforeEach(() => {
  temp = makeTempDir('courier-migration-0015-');
  db = openDatabase(join(temp.path, 'courier.db'));
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('migration 0015 on a site with materialized policy', () => {
  it('drops offer_targets and gives each resource it named the next version once; the others keep theirs', () => {
    migrate(db, migrations.filter((m) => m.version <= 14), now);
    const insert = db.prepare("INSERT INTO resources (resource_type, name, created_at, last_modified) VALUES ('system', ?, 'now', 'now')");
    const [pc1, pc2, pc3] = ['PC01', 'PC02', 'PC03'].map((name) => Number(insert.run(name).lastInsertRowid));
    db.exec('UPDATE policy_counter SET version = 7');
    db.prepare('INSERT INTO resource_policy (resource_id, version) VALUES (?, 5), (?, 7), (?, 6)').run(pc1, pc2, pc3);
    db.prepare("INSERT INTO offer_targets (advertisement_id, resource_id, collection_id) VALUES ('A0120000', ?, 'SMS00001'), ('A0120001', ?, 'SMS00001'), ('A0120000', ?, 'SMS00001')").run(pc1, pc1, pc2);

    expect(migrate(db, migrations, now).applied).toContain(15);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'offer_targets'").all()).toEqual([]);
    expect(db.prepare('SELECT version FROM policy_counter').pluck().get()).toBe(8);
    const versions = db.prepare('SELECT resource_id, version FROM resource_policy ORDER BY resource_id').raw().all();
    expect(versions).toEqual([[pc1, 8], [pc2, 8], [pc3, 6]]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all()).toEqual(['offer_member_joined', 'offer_member_left']);
  });

  it('moves no version on a site that never had policy', () => {
    migrate(db, migrations, now);
    expect(db.prepare('SELECT version FROM policy_counter').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM resource_policy').pluck().get()).toBe(0);
  });
});
