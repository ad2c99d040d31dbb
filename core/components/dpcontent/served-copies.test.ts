import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../db/connection';
import { migrations } from '../../db/migrations';
import { migrate } from '../../db/migrator';
import { ContentServiceRepository } from '../../db/repositories/content-service-repository';
import { DistributionPointRepository } from '../../db/repositories/distribution-point-repository';
import { ServedCopies } from './served-copies';

let dir: string;
let db: SqliteDatabase;
const stamp = '2026-12-03T08:00:00.000Z';

function dp(name: string, bits: boolean, volume: string): number {
  const dps = new DistributionPointRepository(db);
  const siteSystemId = dps.siteSystemFor({ serverName: name, netbiosName: name, siteCode: 'A01' }, stamp);
  const id = dps.insert({
    name, siteSystemId, serverName: name, mode: 'server', kind: 'standard', serverShare: null, shareReserveMb: null,
    nalPath: `\\\\${name}\\`, bitsEnabled: bits, protected: false, shareProvider: 'local', sambaConf: null, createdAt: stamp, lastModified: stamp,
  });
  dps.replaceVolumes(id, [{ letter: 'D', path: volume, reserveMb: 0 }]);
  return id;
}

function copy(packageId: string, dpId: number, share: string, folder: string, state = 'installed', version = 1): void {
  db.prepare(`INSERT INTO package_dps (package_id, dp_id, state, target_version, volume_letter, share_name, folder, source_version, created_at, last_modified)
              VALUES (?, ?, ?, ?, 'D', ?, ?, ?, ?, ?)`).run(packageId, dpId, state, version, share, folder, version, stamp, stamp);
}

const served = () => new ServedCopies(new ContentServiceRepository(db).servedCopies(), []);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-served-'));
  db = openDatabase(join(dir, 'site.db'));
  migrate(db, migrations, () => new Date(stamp));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the copies the content service serves', () => {
  it('finds a standard copy, a folder of a custom share and a whole share by their URL folders, whatever their case', () => {
    const one = dp('DP01', true, '/srv/dp01/d');
    copy('A0100001', one, 'SMSPKGD$', 'A0100001');
    copy('A0100002', one, 'Apps', 'Office\\2007');
    copy('A0100003', one, 'Tools', '.');
    const copies = served();
    expect(copies.resolve('smspkgd$', ['a0100001', 'Data', 'setup.exe'], null)).toEqual({ target: { root: '/srv/dp01/d/SMSPKGD$', folder: 'A0100001' }, folderSegments: 1 });
    expect(copies.resolve('APPS', ['office', '2007', 'setup.exe'], null)).toEqual({ target: { root: '/srv/dp01/d/Apps/Office', folder: '2007' }, folderSegments: 2 });
    expect(copies.resolve('Tools', ['A0100003'], null)).toEqual({ target: { root: '/srv/dp01/d', folder: 'Tools' }, folderSegments: 1 });
    expect(copies.resolve('Apps', ['Office', 'setup.exe'], null)).toBeNull();
    expect(copies.resolve('SMSPKGE$', ['A0100001'], null)).toBeNull();
  });

  it('leaves out DPs without BITS, DPs being deleted, copies being removed and copies not made yet', () => {
    const plain = dp('DP02', false, '/srv/dp02/d');
    const going = dp('DP03', true, '/srv/dp03/d');
    const bits = dp('DP04', true, '/srv/dp04/d');
    copy('A0100001', plain, 'SMSPKGD$', 'A0100001');
    copy('A0100002', going, 'SMSPKGD$', 'A0100002');
    db.prepare('UPDATE distribution_points SET deleting = 1 WHERE id = ?').run(going);
    copy('A0100003', bits, 'SMSPKGD$', 'A0100003', 'removalPending');
    db.prepare(`INSERT INTO package_dps (package_id, dp_id, state, target_version, created_at, last_modified) VALUES ('A0100004', ?, 'installPending', 1, ?, ?)`).run(bits, stamp, stamp);
    copy('A0100005', bits, 'SMSPKGD$', 'A0100005', 'installPending');
    const copies = served();
    expect(['A0100001', 'A0100002', 'A0100003', 'A0100004', 'A0100005'].map((id) => copies.resolve('SMSPKGD$', [id], null) !== null)).toEqual([false, false, false, false, true]);
  });

  it("prefers the DP the request's Host names, then the newest source version", () => {
    const older = dp('DP05', true, '/srv/dp05/d');
    const newer = dp('DP06', true, '/srv/dp06/d');
    copy('A0100001', older, 'SMSPKGD$', 'A0100001', 'installed', 1);
    copy('A0100001', newer, 'SMSPKGD$', 'A0100001', 'installed', 2);
    const copies = served();
    expect(copies.resolve('SMSPKGD$', ['A0100001'], null)?.target.root).toBe('/srv/dp06/d/SMSPKGD$');
    expect(copies.resolve('SMSPKGD$', ['A0100001'], 'dp05')?.target.root).toBe('/srv/dp05/d/SMSPKGD$');
  });

  it('says which copies it cannot reach from here: a UNC volume with no path mapping', () => {
    const remote = dp('DP07', true, '\\\\dp07\\D$');
    copy('A0100001', remote, 'SMSPKGD$', 'A0100001');
    const copies = served();
    expect(copies.resolve('SMSPKGD$', ['A0100001'], null)).toBeNull();
    expect(copies.problems).toEqual([expect.stringMatching(/^A0100001 on DP07 cannot be served from this computer: /)]);
  });
});
