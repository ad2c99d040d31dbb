import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../connection';
import { migrations } from '../migrations';
import { migrate } from '../migrator';
import { ComponentSettingsRepository } from './component-settings-repository';
import { DistributionPointRepository, type NewDpRecord } from './distribution-point-repository';
import { DpGroupRepository } from './dp-group-repository';
import { nextAttemptSql, PackageDpRepository, workDueSql } from './package-dp-repository';

/** The database's own guards under the services, and the queries Distribution Manager will rely on. */
let dir: string;
let db: SqliteDatabase;
let dps: DistributionPointRepository;
let packageDps: PackageDpRepository;
let groups: DpGroupRepository;
const stamp = '2026-12-02T08:00:00.000Z';

function newDp(name: string, overrides: Partial<NewDpRecord> = {}): number {
  const siteSystemId = dps.siteSystemFor({ serverName: name, netbiosName: name.toUpperCase(), siteCode: 'A01' }, stamp);
  return dps.insert({
    name,
    siteSystemId,
    serverName: name,
    mode: 'server',
    kind: 'standard',
    serverShare: null,
    shareReserveMb: null,
    nalPath: `["Display=\\\\${name}\\"]MSWNET:["SMS_SITE=A01"]\\\\${name}\\`,
    bitsEnabled: false,
    protected: false,
    shareProvider: 'local',
    sambaConf: null,
    createdAt: stamp,
    lastModified: stamp,
    ...overrides,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-dp-repo-'));
  db = openDatabase(join(dir, 'site.db'));
  migrate(db, migrations, () => new Date(stamp));
  dps = new DistributionPointRepository(db);
  packageDps = new PackageDpRepository(db);
  groups = new DpGroupRepository(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('distribution point tables', () => {
  it('keeps names unique whatever their case, and one site system per server with the DP role', () => {
    const id = newDp('DP01');
    expect(() => newDp('dp01')).toThrow(/UNIQUE/);
    expect(dps.get('dp01')?.id).toBe(id);
    expect(dps.siteSystemRoles(dps.get('DP01')?.siteSystemId ?? -1)).toEqual(['distributionPoint']);
    expect(db.prepare('SELECT count(*) AS n FROM site_systems').get()).toEqual({ n: 1 });
  });

  it('refuses what the model does not allow, whatever the service says', () => {
    const id = newDp('DP01');
    const volume = db.prepare('INSERT INTO dp_volumes (dp_id, letter, path, reserve_mb) VALUES (?, ?, ?, ?)');
    expect(() => volume.run(id, 'd', '/srv', 0)).toThrow(/CHECK/);
    expect(() => volume.run(id, '1', '/srv', 0)).toThrow(/CHECK/);
    expect(() => volume.run(id, 'D', '/srv', -1)).toThrow(/CHECK/);
    volume.run(id, 'D', '/srv', 0);
    expect(() => volume.run(id, 'D', '/srv2', 0)).toThrow(/UNIQUE|PRIMARY/);
    // A server share DP has its share, a server DP none; samba needs its smb.conf.
    expect(() => newDp('DP02', { mode: 'serverShare' })).toThrow(/CHECK/);
    expect(() => newDp('DP03', { serverShare: '\\\\files\\dist' })).toThrow(/CHECK/);
    expect(() => newDp('DP04', { shareProvider: 'samba' })).toThrow(/CHECK/);
    expect(() => packageDps.assign('A0100001', 9999, 1, stamp)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO package_dps (package_id, dp_id, state, target_version, created_at, last_modified) VALUES ('A0100001', ?, 'copying', 1, ?, ?)").run(id, stamp, stamp)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE distribution_manager_settings SET max_packages = 51').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE distribution_manager_settings SET retry_delay_minutes = 0').run()).toThrow(/CHECK/);
  });

  it('will not delete a DP that still holds a package row, and takes its volumes, boundaries and memberships with it otherwise', () => {
    const id = newDp('DP01');
    dps.replaceVolumes(id, [{ letter: 'D', path: '/srv/d', reserveMb: 0 }]);
    dps.replaceBoundaries(id, [{ kind: 'adSite', value: 'HQ' }]);
    const group = groups.insert({ name: 'West', description: '', createdAt: stamp, lastModified: stamp });
    groups.addMember(group, id);
    packageDps.assign('A0100001', id, 1, stamp);
    expect(() => dps.delete(id)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM package_dps').run();
    expect(dps.delete(id)).toBe(true);
    expect(db.prepare('SELECT (SELECT count(*) FROM dp_volumes) + (SELECT count(*) FROM dp_boundaries) + (SELECT count(*) FROM dp_group_members) AS n').get()).toEqual({ n: 0 });
  });

  it('lists the DPs without a package (removals count as without), and moves rows through their states', () => {
    const one = newDp('DP01');
    const two = newDp('DP02');
    newDp('DP03');
    dps.setDeleting(dps.get('DP03')?.id ?? -1, stamp);
    packageDps.assign('A0100001', one, 1, stamp);
    packageDps.assign('A0100001', two, 1, stamp);
    expect(dps.withoutPackage('A0100001').map((d) => d.name)).toEqual([]);
    expect(dps.withoutPackage('A0100002').map((d) => d.name)).toEqual(['DP01', 'DP02']);
    packageDps.requestRemoval('A0100001', two, stamp);
    expect(dps.withoutPackage('A0100001').map((d) => d.name)).toEqual(['DP02']);
    expect(packageDps.requestVersion('A0100001', 2, stamp)).toBe(1);
    packageDps.requestRefresh('A0100001', one, 2, stamp);
    expect(packageDps.forPackage('A0100001').map((r) => [r.dpName, r.state, r.targetVersion, r.forceCopy])).toEqual([
      ['DP01', 'installPending', 2, true],
      ['DP02', 'removalPending', 1, false],
    ]);
    // Distributing again takes a row on its way out back, with its attempts started afresh.
    db.prepare("UPDATE package_dps SET attempts = 7, last_error = 'x' WHERE dp_id = ?").run(two);
    packageDps.assign('A0100001', two, 2, stamp);
    expect(packageDps.get('A0100001', two)).toMatchObject({ state: 'installPending', targetVersion: 2, attempts: 0, lastError: null });
    expect(packageDps.requestRemovalEverywhere('A0100001', stamp)).toBe(2);
    expect(packageDps.packagesOn(one)).toEqual(['A0100001']);
  });

  it('records what Distribution Manager did: installed only at the version wanted, retries then failure, removals and a drained DP', () => {
    const one = newDp('DP01');
    const two = newDp('DP02');
    packageDps.assign('A0100001', one, 1, stamp);
    packageDps.assign('A0100001', two, 1, stamp);
    const copy = { volumeLetter: 'D', shareName: 'SMSPKGD$', folder: 'A0100001', sourceVersion: 1, files: 3, bytes: 3048, stamp: '2026-12-02T09:00:00.000Z' };
    expect(packageDps.recordInstalled('A0100001', one, copy)).toBe(true);
    expect(packageDps.get('A0100001', one)).toMatchObject({ state: 'installed', sourceVersion: 1, files: 3, lastCopied: copy.stamp, lastRefreshed: copy.stamp, volumeLetter: 'D' });
    // Refresh: the same version again moves last_refreshed only.
    packageDps.requestRefresh('A0100001', one, 1, stamp);
    expect(packageDps.recordInstalled('A0100001', one, { ...copy, stamp: '2026-12-02T10:00:00.000Z' })).toBe(true);
    expect(packageDps.get('A0100001', one)).toMatchObject({ state: 'installed', forceCopy: false, lastCopied: copy.stamp, lastRefreshed: '2026-12-02T10:00:00.000Z' });
    // An update asked for while version 1 was being copied: the row stays pending for version 2.
    packageDps.requestVersion('A0100001', 2, stamp);
    expect(packageDps.recordInstalled('A0100001', one, copy)).toBe(false);
    expect(packageDps.get('A0100001', one)).toMatchObject({ state: 'installPending', targetVersion: 2, sourceVersion: 1 });

    const now = new Date('2026-12-02T11:00:00.000Z');
    expect(packageDps.recordFailure('A0100001', two, 'EACCES', { retries: 2, retryDelayMinutes: 30 }, now)).toBe('installRetrying');
    expect(packageDps.get('A0100001', two)).toMatchObject({ attempts: 1, lastError: 'EACCES', nextAttemptAt: '2026-12-02T11:30:00.000Z' });
    expect(packageDps.packagesWithWorkDue(now)).toEqual(['A0100001']); // DP01 is pending with no retry time
    packageDps.recordInstalled('A0100001', one, { ...copy, sourceVersion: 2 });
    expect(packageDps.packagesWithWorkDue(now)).toEqual([]);
    expect(packageDps.packagesWithWorkDue(new Date('2026-12-02T11:30:00.000Z'))).toEqual(['A0100001']);
    packageDps.recordFailure('A0100001', two, 'EACCES', { retries: 2, retryDelayMinutes: 30 }, now);
    expect(packageDps.recordFailure('A0100001', two, 'EACCES', { retries: 2, retryDelayMinutes: 30 }, now)).toBe('installFailed');
    expect(packageDps.get('A0100001', two)).toMatchObject({ attempts: 3, nextAttemptAt: null });

    packageDps.requestRemoval('A0100001', two, stamp);
    expect(packageDps.recordFailure('A0100001', two, 'busy', { retries: 1, retryDelayMinutes: 5 }, now)).toBe('removalPending');
    expect(packageDps.recordFailure('A0100001', two, 'busy', { retries: 1, retryDelayMinutes: 5 }, now)).toBe('removalFailed');
    expect(packageDps.recordInstalled('A0100001', two, copy)).toBe(false);
    dps.setDeleting(two, stamp);
    expect(dps.deleteIfDrained(two)).toBe(false);
    expect(packageDps.finishRemoval('A0100001', one)).toBe(false); // installed: not being removed
    expect(packageDps.finishRemoval('A0100001', two)).toBe(true);
    expect(dps.deleteIfDrained(two)).toBe(true);
    expect(dps.deleteIfDrained(one)).toBe(false); // not being deleted
    expect(dps.list().map((d) => d.name)).toEqual(['DP01']);
    expect(db.prepare('SELECT count(*) AS n FROM site_systems').get()).toEqual({ n: 1 });
  });

  it('finds the work due and the next retry through the index of rows not installed, not by reading every row', () => {
    for (const sql of [workDueSql, nextAttemptSql]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-12-02T08:00:00.000Z') as { detail: string }[]).map((row) => row.detail).join(' | ');
      expect(plan).toMatch(/SEARCH package_dps USING INDEX package_dps_pending/);
      expect(plan).not.toMatch(/SCAN package_dps/);
    }
  });

  it('starts the Distribution Manager settings at the suite defaults', () => {
    expect(new ComponentSettingsRepository(db).distmgr()).toEqual({
      maxPackages: 3,
      threadsPerPackage: 5,
      retries: 100,
      retryDelayMinutes: 30,
      storedPackagesLocation: '',
      lastModified: null,
    });
  });
});
