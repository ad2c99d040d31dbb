import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackageDpsChangedEvent } from '../api';
import { createCore, type Core } from '../core';
import { openDatabase } from '../db/connection';
import { PackageDpRepository } from '../db/repositories/package-dp-repository';
import { value } from '../../test/helpers/api-result';

let dir: string;
let core: Core;


const pkn = (packageId: string) => join(core.site.siteRoot, 'SMS', 'Inboxes', 'Distmgr.box', `${packageId}.PKN`);

/** The outbox rows waiting for Distribution Manager, read from the site database as another process would. */
function outbox(): { fileName: string; body: string }[] {
  const db = openDatabase(join(dir, 'site', 'courier.db'));
  try {
    return db.prepare("SELECT file_name AS fileName, body FROM outbox WHERE inbox = 'Distmgr.box' ORDER BY id").all() as { fileName: string; body: string }[];
  } finally {
    db.close();
  }
}

async function dp(name: string): Promise<void> {
  const path = join(dir, 'volumes', name);
  mkdirSync(path, { recursive: true });
  value(await core.client['distribution-points:create']({ name, volumes: [{ letter: 'D', path }] }));
}

/** Office (A0100001) with 3 files, 1,000 + 2,000 + 48 bytes, one in a subfolder. */
async function packageWithSource(): Promise<void> {
  const source = join(dir, 'source');
  mkdirSync(join(source, 'sub'), { recursive: true });
  writeFileSync(join(source, 'setup.exe'), Buffer.alloc(1000));
  writeFileSync(join(source, 'data.cab'), Buffer.alloc(2000));
  writeFileSync(join(source, 'sub', 'readme.txt'), Buffer.alloc(48));
  value(await core.client['packages:create']({ name: 'Office', containsSourceFiles: true, sourceDirectory: source }));
}

/** Clears the wake-ups so each step's own can be seen. */
function forgetWakeUps(): void {
  if (existsSync(pkn('A0100001'))) unlinkSync(pkn('A0100001'));
  const db = openDatabase(join(dir, 'site', 'courier.db'));
  db.prepare('DELETE FROM outbox').run();
  db.close();
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'courier-distribute-'));
  core = createCore({ dataDir: join(dir, 'site'), now: () => new Date('2026-12-02T08:00:00Z') });
  await packageWithSource();
  await dp('DP01');
  await dp('DP02');
  await dp('DP03');
  forgetWakeUps();
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('packages on distribution points', () => {
  it('distributes to named DPs and a group, in installPending, with the .PKN and its outbox row, and says what it will copy', async () => {
    value(await core.client['dp-groups:create']({ name: 'West', members: ['DP02', 'DP01'] }));
    const events: PackageDpsChangedEvent[] = [];
    core.on('package-dps:changed', (event) => events.push(event));
    const plan = value(await core.client['packages:distribute']({ packageId: 'a0100001', distributionPoints: ['dp01'], groups: ['west'] }));
    expect(plan).toMatchObject({ packageId: 'A0100001', action: 'distribute', sourceVersion: 1, distributionPoints: ['DP01', 'DP02'], skipped: [], files: 3, bytes: 3048 });
    expect(plan.summary).toBe(
      'Distribution Manager will copy source version 1 of package Office (A0100001), 3 files (3 KB), to 2 distribution points DP01, DP02: 6 KB in all.',
    );
    expect(readFileSync(pkn('A0100001'), 'utf8')).toBe('distribute to DP01, DP02\r\n');
    expect(outbox()).toEqual([{ fileName: 'A0100001.PKN', body: 'distribute to DP01, DP02\r\n' }]);
    expect(events).toEqual([{ packageId: 'A0100001' }]);

    const status = value(await core.client['packages:status']({ packageId: 'A0100001' }));
    expect(status).toEqual({
      packageId: 'A0100001',
      sourceVersion: 1,
      distributionPoints: ['DP01', 'DP02'].map((name) => ({
        name,
        nalPath: `["Display=\\\\${name}\\"]MSWNET:["SMS_SITE=A01"]\\\\${name}\\`,
        state: 'installPending',
        path: null,
        sourceVersion: null,
        targetVersion: 1,
        files: null,
        bytes: null,
        lastCopied: null,
        lastRefreshed: null,
        attempts: 0,
        lastError: null,
        nextAttemptAt: null,
      })),
    });
    // Copy Package lists only the DPs without the package.
    expect(value(await core.client['distribution-points:list']({ withoutPackage: 'A0100001' })).map((d) => d.name)).toEqual(['DP03']);
    expect(value(await core.client['distribution-points:get']({ name: 'DP01' })).packageCount).toBe(1);
  });

  it('does not add a DP twice: skips it with the reason, and refuses when nothing is new, writing no wake-up', async () => {
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'] }));
    forgetWakeUps();
    const again = value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02'] }));
    expect(again.distributionPoints).toEqual(['DP02']);
    expect(again.skipped).toEqual([{ name: 'DP01', reason: 'it already has the package (installPending)' }]);
    expect(again.summary).toContain('DP01: it already has the package (installPending).');
    forgetWakeUps();
    expect(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('was given no new distribution point') },
    });
    expect(existsSync(pkn('A0100001'))).toBe(false);
    expect(outbox()).toEqual([]);
  });

  it('two consoles distributing the same package to the same DP at once give it one row', async () => {
    const other = createCore({ dataDir: join(dir, 'site') });
    try {
      const [a, b] = await Promise.all([
        core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02'] }),
        other.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP02', 'DP03'] }),
      ]);
      const given = [a, b].flatMap((result) => (result.ok ? result.value.distributionPoints : []));
      expect([...given].sort()).toEqual(['DP01', 'DP02', 'DP03']);
      expect(value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints.map((d) => d.name)).toEqual(['DP01', 'DP02', 'DP03']);
    } finally {
      other.close();
    }
  });

  it('refuses a package without source files, an unknown DP or group, and an empty request', async () => {
    value(await core.client['packages:create']({ name: 'Script only', containsSourceFiles: false }));
    expect(await core.client['packages:distribute']({ packageId: 'A0100002', distributionPoints: ['DP01'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'packageId', message: expect.stringContaining('contains no source files, so it needs no distribution point') },
    });
    expect(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP09'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'distributionPoints' } });
    expect(await core.client['packages:distribute']({ packageId: 'A0100001', groups: ['Nowhere'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'groups' } });
    expect(await core.client['packages:distribute']({ packageId: 'A0100001' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'distributionPoints' } });
    expect(await core.client['packages:distribute']({ packageId: 'A0100009', distributionPoints: ['DP01'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'packageId' } });
    // Only the creation of the second package woke Distribution Manager.
    expect(outbox().map((row) => row.body)).toEqual(['created A0100002\r\n']);
  });

  it('a source directory that has gone is named, and nothing is assigned', async () => {
    rmSync(join(dir, 'source'), { recursive: true });
    expect(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'] })).toMatchObject({ ok: false, error: { code: 'SOURCE_NOT_FOUND' } });
    expect(value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints).toEqual([]);
  });

  it('measures a source directory outside the source roots the console is limited to', async () => {
    const roots = join(dir, 'roots');
    mkdirSync(roots);
    value(await core.client['site:source-roots:set']({ roots: [roots], limitBrowsing: true }));
    expect(value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'] }))).toMatchObject({ files: 3, bytes: 3048 });
  });

  it('update-dps bumps the source version and sends it to every DP of the package, not to those being removed', async () => {
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02', 'DP03'] }));
    value(await core.client['packages:remove-dp']({ packageId: 'A0100001', distributionPoint: 'DP03' }));
    forgetWakeUps();
    const plan = value(await core.client['packages:update-dps']({ packageId: 'A0100001' }));
    expect(plan).toMatchObject({ action: 'update', sourceVersion: 2, distributionPoints: ['DP01', 'DP02'], files: 3, bytes: 3048 });
    expect(plan.summary).toContain('is now at source version 2');
    expect(value(await core.client['packages:get']({ packageId: 'A0100001' })).sourceVersion).toBe(2);
    const states = value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints.map((d) => [d.name, d.state, d.targetVersion]);
    expect(states).toEqual([
      ['DP01', 'installPending', 2],
      ['DP02', 'installPending', 2],
      ['DP03', 'removalPending', 1],
    ]);
    expect(outbox()).toEqual([{ fileName: 'A0100001.PKN', body: 'update distribution points to version 2\r\n' }]);
  });

  it('source-size counts what a copy would transfer and writes nothing; a package without source files is refused', async () => {
    const size = value(await core.client['packages:source-size']({ packageId: 'a0100001' }));
    expect(size).toEqual({ packageId: 'A0100001', sourceDirectory: join(dir, 'source'), files: 3, bytes: 3048 });
    expect(outbox()).toEqual([]);
    expect(value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints).toEqual([]);
    value(await core.client['packages:create']({ name: 'Notepad' }));
    const refused = await core.client['packages:source-size']({ packageId: 'A0100002' });
    expect(refused.ok === false && refused.error.message).toMatch(/contains no source files, so it needs no distribution point/);
  });

  it('status-summary counts each package\'s DPs by state in one read', async () => {
    expect(value(await core.client['packages:status-summary']({}))).toEqual([]);
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02', 'DP03'] }));
    value(await core.client['packages:remove-dp']({ packageId: 'A0100001', distributionPoint: 'DP03' }));
    expect(value(await core.client['packages:status-summary']({}))).toEqual([
      { packageId: 'A0100001', targeted: 2, installed: 0, retrying: 0, failed: 0, removing: 1 },
    ]);
  });

  it('update-dps on a package with no DP is refused and keeps the version', async () => {
    expect(await core.client['packages:update-dps']({ packageId: 'A0100001' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('on no distribution point yet') } });
    expect(value(await core.client['packages:get']({ packageId: 'A0100001' })).sourceVersion).toBe(1);
  });

  it('refresh re-copies one DP at the same version; remove-dp marks removalPending; distributing again takes it back', async () => {
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02'] }));
    forgetWakeUps();
    const refresh = value(await core.client['packages:refresh-dp']({ packageId: 'A0100001', distributionPoint: 'dp02' }));
    expect(refresh).toMatchObject({ action: 'refresh', sourceVersion: 1, distributionPoints: ['DP02'], files: 3, bytes: 3048 });
    expect(refresh.summary).toContain('no other distribution point is touched');
    expect(outbox()).toEqual([{ fileName: 'A0100001.PKN', body: 'refresh on DP02\r\n' }]);
    expect(await core.client['packages:refresh-dp']({ packageId: 'A0100001', distributionPoint: 'DP03' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'distributionPoint' } });

    const removal = value(await core.client['packages:remove-dp']({ packageId: 'A0100001', distributionPoint: 'DP02' }));
    expect(removal).toMatchObject({ action: 'remove', distributionPoints: ['DP02'], files: 0, bytes: 0 });
    expect(removal.summary).toContain('delete its folder there');
    expect(await core.client['packages:remove-dp']({ packageId: 'A0100001', distributionPoint: 'DP02' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.client['packages:refresh-dp']({ packageId: 'A0100001', distributionPoint: 'DP02' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(value(await core.client['distribution-points:list']({ withoutPackage: 'A0100001' })).map((d) => d.name)).toEqual(['DP02', 'DP03']);

    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP02'] }));
    expect(value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints.map((d) => d.state)).toEqual(['installPending', 'installPending']);
  });

  it('deleting a DP that holds packages marks them removalPending and keeps the DP until they are gone', async () => {
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'] }));
    forgetWakeUps();
    const deleted = value(await core.client['distribution-points:delete']({ name: 'DP01' }));
    expect(deleted).toMatchObject({ name: 'DP01', deleted: false, removalPending: ['A0100001'] });
    expect(deleted.summary).toContain('then deletes the distribution point');
    expect(outbox()).toEqual([{ fileName: 'A0100001.PKN', body: 'remove from DP01\r\n' }]);
    expect(value(await core.client['distribution-points:get']({ name: 'DP01' })).deleting).toBe(true);
    expect(value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints.map((d) => d.state)).toEqual(['removalPending']);
    expect(value(await core.client['distribution-points:list']({ withoutPackage: 'A0100001' })).map((d) => d.name)).toEqual(['DP02', 'DP03']);
    expect(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('DP01: it is being deleted') },
    });
    expect(await core.client['distribution-points:update']({ name: 'DP01', changes: { bitsEnabled: true } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('changing a DP that holds packages wakes Distribution Manager for each of them in the same unit', async () => {
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01'] }));
    forgetWakeUps();
    const added = join(dir, 'volumes', 'DP01-e');
    mkdirSync(added);
    const current = value(await core.client['distribution-points:get']({ name: 'DP01' }));
    value(await core.client['distribution-points:update']({ name: 'DP01', changes: { volumes: [...current.volumes.map(({ letter, path, reserveMb }) => ({ letter, path, reserveMb })), { letter: 'E', path: added }] } }));
    expect(outbox()).toEqual([{ fileName: 'A0100001.PKN', body: 'distribution point DP01 changed\r\n' }]);
    expect(readFileSync(pkn('A0100001'), 'utf8')).toBe('distribution point DP01 changed\r\n');
    forgetWakeUps();
    value(await core.client['distribution-points:update']({ name: 'DP02', changes: { bitsEnabled: true } }));
    expect(outbox()).toEqual([]);
  });

  it('deleting a package leaves its DP rows in removalPending, so Distribution Manager can still remove its folders', async () => {
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02'] }));
    value(await core.client['packages:delete']({ packageId: 'A0100001' }));
    expect(value(await core.client['packages:status']({ packageId: 'A0100001' }))).toMatchObject({
      packageId: 'A0100001',
      sourceVersion: null,
      distributionPoints: [{ name: 'DP01', state: 'removalPending' }, { name: 'DP02', state: 'removalPending' }],
    });
    expect(await core.client['packages:status']({ packageId: 'A0100009' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

/** Records failed attempts on a DP row as Distribution Manager does (another connection, as another process would). */
function failAttempts(dpName: string, times: number, retries = 3): void {
  const db = openDatabase(join(dir, 'site', 'courier.db'));
  try {
    const { id } = db.prepare('SELECT id FROM distribution_points WHERE name = ?').get(dpName) as { id: number };
    const rows = new PackageDpRepository(db);
    for (let i = 0; i < times; i++) rows.recordFailure('A0100001', id, `Access is denied: attempt ${i + 1}`, { retries, retryDelayMinutes: 30 }, new Date('2026-12-02T08:00:00Z'));
  } finally {
    db.close();
  }
}

describe('Retry Now and Cancel on a DP row', () => {
  beforeEach(async () => {
    value(await core.client['packages:distribute']({ packageId: 'A0100001', distributionPoints: ['DP01', 'DP02'] }));
    forgetWakeUps();
  });

  it('Retry Now makes a retrying row due at once, keeps its count and wakes Distribution Manager', async () => {
    failAttempts('DP01', 2);
    const events: PackageDpsChangedEvent[] = [];
    core.on('package-dps:changed', (event) => events.push(event));
    const row = value(await core.client['packages:retry-dp']({ packageId: 'a0100001', distributionPoint: 'dp01' }));
    expect(row).toMatchObject({ name: 'DP01', state: 'installRetrying', attempts: 2, lastError: 'Access is denied: attempt 2', nextAttemptAt: null });
    expect(outbox()).toEqual([{ fileName: 'A0100001.PKN', body: 'retry now on DP01\r\n' }]);
    expect(events).toEqual([{ packageId: 'A0100001' }]);
  });

  it('Retry Now on a row that gave up starts it again from attempt 1', async () => {
    failAttempts('DP01', 4);
    expect(value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints[0]).toMatchObject({ state: 'installFailed', attempts: 4 });
    expect(value(await core.client['packages:retry-dp']({ packageId: 'A0100001', distributionPoint: 'DP01' }))).toMatchObject({ state: 'installPending', attempts: 0, nextAttemptAt: null });
  });

  it('Cancel stops a retrying copy: installFailed with its last error, no next try, no other DP touched', async () => {
    failAttempts('DP01', 1);
    const row = value(await core.client['packages:cancel-dp']({ packageId: 'A0100001', distributionPoint: 'DP01' }));
    expect(row).toMatchObject({ state: 'installFailed', attempts: 1, lastError: 'Access is denied: attempt 1', nextAttemptAt: null });
    expect(outbox()).toEqual([{ fileName: 'A0100001.PKN', body: 'cancel retries on DP01\r\n' }]);
    expect(value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints[1]).toMatchObject({ name: 'DP02', state: 'installPending' });
    expect(await core.client['packages:cancel-dp']({ packageId: 'A0100001', distributionPoint: 'DP01' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'distributionPoint', message: 'Package A0100001 on DP01 is installFailed, not retrying: there are no retries to cancel.' },
    });
  });

  it('an attempt that fails after its row was cancelled leaves it given up', async () => {
    failAttempts('DP01', 1);
    value(await core.client['packages:cancel-dp']({ packageId: 'A0100001', distributionPoint: 'DP01' }));
    failAttempts('DP01', 1);
    expect(value(await core.client['packages:status']({ packageId: 'A0100001' })).distributionPoints[0]).toMatchObject({ state: 'installFailed', attempts: 2, nextAttemptAt: null });
  });

  it('Cancel abandons a removal that is retrying: removalFailed, and Retry Now takes the removal up again', async () => {
    value(await core.client['packages:remove-dp']({ packageId: 'A0100001', distributionPoint: 'DP02' }));
    failAttempts('DP02', 1);
    expect(value(await core.client['packages:cancel-dp']({ packageId: 'A0100001', distributionPoint: 'DP02' }))).toMatchObject({ state: 'removalFailed', nextAttemptAt: null });
    expect(value(await core.client['packages:retry-dp']({ packageId: 'A0100001', distributionPoint: 'DP02' }))).toMatchObject({ state: 'removalPending', attempts: 0 });
  });

  it('refuses rows with nothing to retry or cancel, unknown DPs and packages, and writes no wake-up', async () => {
    expect(await core.client['packages:retry-dp']({ packageId: 'A0100001', distributionPoint: 'DP01' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Package A0100001 on DP01 is installPending and not waiting for a retry: there is no attempt to make now.' },
    });
    expect(await core.client['packages:cancel-dp']({ packageId: 'A0100001', distributionPoint: 'DP01' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.client['packages:retry-dp']({ packageId: 'A0100001', distributionPoint: 'DP03' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'distributionPoint' } });
    expect(await core.client['packages:retry-dp']({ packageId: 'A0100009', distributionPoint: 'DP01' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.client['packages:cancel-dp']({ packageId: 'A0100001', distributionPoint: 'NODP' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'distributionPoint' } });
    expect(await core.client['packages:cancel-dp']({ packageId: 'A0100001' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'distributionPoint' } });
    expect(outbox()).toEqual([]);
  });
});
