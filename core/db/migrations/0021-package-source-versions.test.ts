import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../../../test/helpers/api-result';
import { writeTree } from '../../../test/helpers/content-tree';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { createCore } from '../../core';
import { openDatabase, type SqliteDatabase } from '../connection';
import { migrate } from '../migrator';
import { PackageRepository } from '../repositories/package-repository';
import { migrations } from '.';

let temp: TempDir;
let db: SqliteDatabase | null = null;
let clock: number;

beforeEach(() => {
  temp = makeTempDir('courier-migration-0021-');
  clock = Date.parse('2026-12-03T08:00:00.000Z');
});
afterEach(() => {
  db?.close();
  db = null;
  temp.remove();
});

describe('the dates of source versions', () => {
  it('are kept per version as packages are written, backfilled for an upgraded site, and go with the package', async () => {
    const dataDir = join(temp.path, 'site');
    const core = createCore({ dataDir, now: () => new Date(clock) });
    writeTree(join(temp.path, 'v1'), { 'setup.exe': 'MZ one' });
    writeTree(join(temp.path, 'v2'), { 'setup.exe': 'MZ two' });
    const kept = value(await core.client['packages:create']({ name: 'Kept', containsSourceFiles: true, sourceDirectory: join(temp.path, 'v1') })).packageId;
    const gone = value(await core.client['packages:create']({ name: 'Gone' })).packageId;
    clock += 60_000;
    // Another source directory: a new source version with a new date.
    value(await core.client['packages:update']({ packageId: kept, changes: { sourceDirectory: join(temp.path, 'v2') } }));
    const current = value(await core.client['packages:get']({ packageId: kept }));
    core.close();

    db = openDatabase(join(dataDir, 'courier.db'));
    const packages = new PackageRepository(db);
    const first = '2026-12-03T08:00:00.000Z';
    expect(current).toMatchObject({ sourceVersion: 2, sourceDate: '2026-12-03T08:01:00.000Z' });
    expect([packages.sourceDateOf(kept, 1), packages.sourceDateOf(kept, 2), packages.sourceDateOf(kept, 3)]).toEqual([first, current.sourceDate, null]);

    // A site made before the table: each package's current version is recorded by the migration.
    db.exec('DROP TABLE package_source_versions; DELETE FROM schema_migrations WHERE version = 21;');
    expect(migrate(db, migrations, () => new Date(clock)).applied).toEqual([21]);
    expect(db.prepare('SELECT package_id, source_version, source_date FROM package_source_versions ORDER BY 1, 2').raw().all()).toEqual([
      [kept, 2, current.sourceDate],
      [gone, 1, first],
    ]);
    expect(packages.delete(gone)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM package_source_versions WHERE package_id = ?').pluck().get(gone)).toBe(0);
  });
});
