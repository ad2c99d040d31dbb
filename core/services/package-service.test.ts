import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageListItemFromRow, packageListItemOf, type PackageChangedEvent, type PackageDto } from '../api';
import { createCore, type Core } from '../core';

let dataDir: string;
let sources: string;
let core: Core;
let clock = new Date('2026-11-26T09:00:00Z');

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'courier-packages-'));
  sources = join(dataDir, 'sources', 'viewer');
  mkdirSync(sources, { recursive: true });
  writeFileSync(join(sources, 'setup.exe'), 'MZ');
  clock = new Date('2026-11-26T09:00:00Z');
  core = createCore({ dataDir: join(dataDir, 'site'), now: () => clock });
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function create(input: Parameters<Core['client']['packages:create']>[0]): Promise<PackageDto> {
  const result = await core.client['packages:create'](input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function listIds(): Promise<string[]> {
  const result = await core.client['packages:list']({});
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((p) => p.packageId);
}

describe('packages', () => {
  it('creates packages with the site code and counting IDs, and the New Package Wizard\'s defaults', async () => {
    const first = await create({ name: 'Contoso Viewer', version: '2.1', publisher: 'Contoso', language: 'English' });
    const second = await create({ name: 'Fabrikam Tools' });
    expect([first.packageId, second.packageId]).toEqual(['A0100001', 'A0100002']);
    expect(first).toMatchObject({
      name: 'Contoso Viewer',
      version: '2.1',
      userGracePeriod: 5,
      disconnectRetries: 2,
      sendingPriority: 'medium',
      dataAccess: 'commonShare',
      branchContent: 'downloadAutomatically',
      sourceVersion: 1,
      pkgSourceFlag: 1,
      shareType: 1,
      priority: 2,
      pkgFlags: 0,
      createdAt: '2026-11-26T09:00:00.000Z',
    });
    expect(await listIds()).toEqual(['A0100001', 'A0100002']);
  });

  it('puts packageId first in every package it gives, created, listed, read or changed', async () => {
    const created = await create({ name: 'Contoso Viewer' });
    const listed = await core.client['packages:list']({});
    const read = await core.client['packages:get']({ packageId: created.packageId });
    const updated = await core.client['packages:update']({ packageId: created.packageId, changes: { comment: 'Reviewed' } });
    if (!listed.ok || !read.ok || !updated.ok) throw new Error('a request failed');
    for (const dto of [created, ...listed.value, read.value, updated.value]) expect(Object.keys(dto)[0]).toBe('packageId');
    // Every field a record has, and the suite's numeric fields beside them.
    expect(Object.keys(listed.value[0] ?? {}).sort()).toEqual(Object.keys(read.value).sort());
  });

  it('never reuses an ID after a delete', async () => {
    const first = await create({ name: 'One' });
    await core.client['packages:delete']({ packageId: first.packageId });
    expect((await create({ name: 'Two' })).packageId).toBe('A0100002');
  });

  it('keeps the data across a restart of the core', async () => {
    const made = await create({ name: 'Persisted', containsSourceFiles: true, sourceDirectory: sources, sourceOption: 'compressed' });
    core.close();
    core = createCore({ dataDir: join(dataDir, 'site'), now: () => clock });
    const again = await core.client['packages:get']({ packageId: 'a0100001' });
    expect(again).toEqual({ ok: true, value: made });
  });

  it('derives PkgSourceFlag, ShareType, PkgFlags and the refresh schedule token', async () => {
    const pkg = await create({
      name: 'Monthly Update',
      containsSourceFiles: true,
      sourceDirectory: sources,
      sourceOption: 'direct',
      updateSchedule: { start: '2019-11-19T01:04', every: 2, unit: 'days' },
      persistInClientCache: true,
      dataAccess: 'shareFolder',
      shareFolder: '\\\\dp01\\apps\\viewer\\',
      branchContent: 'administratorCopies',
      mifMatching: 'customFields',
      mifName: 'Viewer',
    });
    expect(pkg).toMatchObject({
      pkgSourceFlag: 2,
      shareType: 2,
      shareName: '\\\\dp01\\apps\\viewer',
      shareFolder: '\\\\dp01\\apps\\viewer',
      pkgFlags: 0x01000000 | 0x02000000 | 0x20000000,
      refreshSchedule: '1033BC4000100010',
      updateSchedule: { start: '2019-11-19T01:04', every: 2, unit: 'days', utc: false },
    });
  });

  it('increments the source version only when content settings change', async () => {
    const pkg = await create({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: sources });
    clock = new Date('2026-11-27T09:00:00Z');
    const renamed = await core.client['packages:update']({ packageId: pkg.packageId, changes: { version: '3.0' } });
    expect(renamed).toMatchObject({ ok: true, value: { version: '3.0', sourceVersion: 1, sourceDate: pkg.sourceDate, lastModified: '2026-11-27T09:00:00.000Z' } });
    const compressed = await core.client['packages:update']({ packageId: pkg.packageId, changes: { sourceOption: 'compressed' } });
    expect(compressed).toMatchObject({ ok: true, value: { sourceVersion: 2, sourceDate: '2026-11-27T09:00:00.000Z', pkgSourceFlag: 3 } });
  });

  it('leaves a package untouched when an update changes nothing', async () => {
    const pkg = await create({ name: 'Viewer' });
    clock = new Date('2026-12-01T00:00:00Z');
    expect(await core.client['packages:update']({ packageId: pkg.packageId, changes: { name: 'Viewer' } })).toEqual({ ok: true, value: pkg });
  });

  it('wakes Distribution Manager with a .PKN file, tells listeners and writes the provider log', async () => {
    const seen: PackageChangedEvent[] = [];
    core.on('packages:changed', (event) => seen.push(event));
    const pkg = await create({ name: 'Viewer' });
    await core.client['packages:update']({ packageId: pkg.packageId, changes: { comment: 'Line-of-business viewer' } });
    await core.client['packages:delete']({ packageId: pkg.packageId });
    expect(seen.map((e) => [e.change, e.packageId, e.package?.comment ?? null])).toEqual([
      ['created', 'A0100001', ''],
      ['updated', 'A0100001', 'Line-of-business viewer'],
      ['deleted', 'A0100001', null],
    ]);
    expect(existsSync(join(core.site.siteRoot, 'SMS', 'Inboxes', 'Distmgr.box', 'A0100001.PKN'))).toBe(true);
    const log = readFileSync(join(core.site.siteRoot, 'SMS', 'Logs', 'smsprov.log'), 'utf8');
    expect(log).toMatch(/^Created package A0100001 "Viewer"\.~ {2}\$\$<SMS_PROVIDER><11-26-2026 \d\d:00:00\.000[+-]\d+><thread=\d+ \(0x[0-9A-F]+\)>\r$/m);
    expect(log).toMatch(/Modified package A0100001 "Viewer" \(comment\)/);
    expect(log).toMatch(/Deleted package A0100001/);
  });

  it('gives a new package the default access accounts in the same transaction: Users Read, Administrators Full Control', async () => {
    const pkg = await create({ name: 'Viewer' });
    expect(await core.client['access-accounts:list']({ packageId: pkg.packageId })).toEqual({
      ok: true,
      value: [
        { packageId: 'A0100001', accountName: 'Users', kind: 'generic', accountType: 'group', permission: 'read', userName: '["Display=Users"]GENERIC:GROUP=Users', access: 0x65 },
        {
          packageId: 'A0100001',
          accountName: 'Administrators',
          kind: 'generic',
          accountType: 'group',
          permission: 'fullControl',
          userName: '["Display=Administrators"]GENERIC:GROUP=Administrators',
          access: 0x1ff,
        },
      ],
    });
    // A refused package leaves no accounts behind for the ID it did not take.
    await core.invoke('packages:create', { name: '' });
    expect(await core.client['access-accounts:list']({ packageId: 'A0100002' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('deletes a package and answers NOT_FOUND for it afterwards', async () => {
    const pkg = await create({ name: 'Viewer' });
    expect(await core.client['packages:delete']({ packageId: pkg.packageId })).toEqual({ ok: true, value: { packageId: 'A0100001', name: 'Viewer' } });
    expect(await core.client['packages:get']({ packageId: pkg.packageId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.client['packages:delete']({ packageId: pkg.packageId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('bad package input changes nothing', () => {
  it.each([
    ['a name over 50 characters', { name: 'x'.repeat(51) }, 'VALIDATION_FAILED', 'name', /at most 50/],
    ['an empty name', { name: '   ' }, 'VALIDATION_FAILED', 'name', /Name is required/],
    ['a comment over 127 characters', { name: 'A', comment: 'c'.repeat(128) }, 'VALIDATION_FAILED', 'comment', /127/],
    ['a grace period of 60', { name: 'A', userGracePeriod: 60 }, 'VALIDATION_FAILED', 'userGracePeriod', /0 to 59/],
    ['100 retries', { name: 'A', disconnectRetries: 100 }, 'VALIDATION_FAILED', 'disconnectRetries', /0 to 99/],
    ['a fractional grace period', { name: 'A', userGracePeriod: 2.5 }, 'VALIDATION_FAILED', 'userGracePeriod', /whole number/],
    ['an unknown share path form', { name: 'A', dataAccess: 'shareFolder', shareFolder: 'dp01/apps' }, 'VALIDATION_FAILED', 'shareFolder', /\\\\server\\share/],
    ['a share without its setting', { name: 'A', shareFolder: '\\\\dp01\\apps' }, 'VALIDATION_FAILED', 'shareFolder', /only set/],
    ['a source directory that does not exist', { name: 'A', containsSourceFiles: true, sourceDirectory: '/no/such/folder' }, 'SOURCE_NOT_FOUND', 'sourceDirectory', /does not exist/],
    ['a source path of no known form', { name: 'A', containsSourceFiles: true, sourceDirectory: 'relative\\dir' }, 'VALIDATION_FAILED', 'sourceDirectory', /local path/],
    ['source files without a directory', { name: 'A', containsSourceFiles: true }, 'VALIDATION_FAILED', 'sourceDirectory', /Set the source directory/],
    ['a schedule with a compressed copy', { name: 'A', containsSourceFiles: true, sourceDirectory: '/tmp', sourceOption: 'compressed', updateSchedule: { start: '2026-11-26T22:00', every: 1, unit: 'days' } }, 'VALIDATION_FAILED', 'updateSchedule', /on a schedule only/],
    ['a schedule interval out of range', { name: 'A', containsSourceFiles: true, sourceDirectory: '/tmp', updateSchedule: { start: '2026-11-26T22:00', every: 24, unit: 'hours' } }, 'VALIDATION_FAILED', 'updateSchedule.every', /at most 23/],
    ['protected on-request with manual copies', { name: 'A', branchContent: 'administratorCopies', availableOnProtectedOnRequest: true }, 'VALIDATION_FAILED', 'availableOnProtectedOnRequest', /automatically/],
    ['MIF fields without custom matching', { name: 'A', mifName: 'Viewer' }, 'VALIDATION_FAILED', 'mifName', /MIF fields/],
    ['an unknown priority', { name: 'A', sendingPriority: 'urgent' }, 'VALIDATION_FAILED', 'sendingPriority', /sendingPriority: Invalid option/],
    ['an unknown field', { name: 'A', colour: 'blue' }, 'VALIDATION_FAILED', 'colour', /Unknown field "colour"/],
    ['a number for the name', { name: 42 }, 'VALIDATION_FAILED', 'name', /name: Invalid input/],
  ])('%s', async (_label, input, code, field, message) => {
    const before = await listIds();
    const result = await core.invoke('packages:create', input);
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(await listIds()).toEqual(before);
    expect(existsSync(join(core.site.siteRoot, 'SMS', 'Inboxes', 'Distmgr.box', 'A0100001.PKN'))).toBe(false);
  });

  it('refuses a share already used by another package, case-insensitively, and one that overlaps it', async () => {
    await create({ name: 'Word', dataAccess: 'shareFolder', shareFolder: '\\\\dp01\\apps\\word' });
    const same = await core.invoke('packages:create', { name: 'Word 2', dataAccess: 'shareFolder', shareFolder: '\\\\DP01\\Apps\\Word' });
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'shareFolder' } });
    const parent = await core.invoke('packages:create', { name: 'All apps', dataAccess: 'shareFolder', shareFolder: '\\\\dp01\\apps' });
    expect(parent).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'shareFolder' } });
    if (!parent.ok) expect(parent.error.message).toMatch(/refreshing one would delete the other/);
    expect(await create({ name: 'Excel', dataAccess: 'shareFolder', shareFolder: '\\\\dp01\\apps\\wordpad' })).toMatchObject({ packageId: 'A0100002' });
    expect(await listIds()).toEqual(['A0100001', 'A0100002']);
  });

  it.each([
    ['\\\\srv\\base.', /ends with a period/],
    ['\\\\srv\\base \\x', /ends with a space/],
    ['\\\\srv\\other\\..\\base', /\.\. as a folder/],
    ['\\\\.\\pipe\\x', /device path/],
    ['\\\\.\\C$', /device path/],
    ['\\\\srv\\CON', /reserved device name/],
    ['\\\\srv\\share\\NUL.txt', /reserved device name/],
    ['\\\\srv\\share\\.\\x', /\. as a folder/],
    ['\\\\srv\\share\\a\u0007b', /control character/],
    ['\\\\srv\\share\\\u202egnp.exe', /bidirectional/],
    ['\\\\srv\\%PATH%;', /contains ;/],
    [`\\\\srv\\${'s'.repeat(81)}`, /at most 80/],
  ])('refuses the share %s, which no real share can be, and creates nothing', async (shareFolder, message) => {
    const result = await core.invoke('packages:create', { name: 'A', dataAccess: 'shareFolder', shareFolder });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'shareFolder' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(await listIds()).toEqual([]);
  });

  it('finds an overlap with a share saved before its spelling was refused (\\\\srv\\base., \\\\srv\\base \\x, \\\\srv\\other\\..\\base)', async () => {
    for (const [index, legacy] of ['\\\\srv\\base.', '\\\\srv\\base \\x', '\\\\srv\\other\\..\\base'].entries()) {
      const pkg = await create({ name: `Legacy ${index}`, dataAccess: 'shareFolder', shareFolder: `\\\\legacy${index}\\x` });
      // What an earlier Courier accepted and stored, written as it wrote it.
      const db = openDatabase(join(dataDir, 'site', 'courier.db'));
      db.prepare('UPDATE packages SET share_folder = ? WHERE package_id = ?').run(legacy, pkg.packageId);
      db.close();
      const result = await core.invoke('packages:create', { name: 'Base', dataAccess: 'shareFolder', shareFolder: '\\\\SRV\\Base' });
      expect(result, legacy).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'shareFolder' } });
      const db2 = openDatabase(join(dataDir, 'site', 'courier.db'));
      db2.prepare('DELETE FROM packages WHERE package_id = ?').run(pkg.packageId);
      db2.close();
    }
    expect(await create({ name: 'Base', dataAccess: 'shareFolder', shareFolder: '\\\\SRV\\Base' })).toMatchObject({ shareFolder: '\\\\SRV\\Base' });
  });

  it('refuses an update that breaks a rule and keeps the stored package as it was', async () => {
    const pkg = await create({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: sources });
    const bad = await core.client['packages:update']({ packageId: pkg.packageId, changes: { userGracePeriod: 60, version: '9' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'userGracePeriod' } });
    const moved = await core.client['packages:update']({ packageId: pkg.packageId, changes: { sourceDirectory: join(sources, 'gone') } });
    expect(moved).toMatchObject({ ok: false, error: { code: 'SOURCE_NOT_FOUND', field: 'sourceDirectory' } });
    expect(await core.client['packages:get']({ packageId: pkg.packageId })).toEqual({ ok: true, value: pkg });
  });

  it('names an unknown field of an update without the changes prefix', async () => {
    const pkg = await create({ name: 'Viewer' });
    const result = await core.invoke('packages:update', { packageId: pkg.packageId, changes: { colour: 'blue' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'colour', message: 'Unknown field "colour".' } });
  });

  it('answers malformed requests with a specific error', async () => {
    expect(await core.invoke('packages:get', { packageId: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'packageId' } });
    expect(await core.invoke('packages:update', { packageId: 'A0100001' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'changes' } });
    expect(await core.invoke('packages:create', 'not an object')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await core.invoke('packages:explode', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

describe('packages:list-page', () => {
  it('gives what packages:list gives of each package, a page at a time, through the checked contract', async () => {
    await create({ name: 'visio', version: '2010', publisher: 'Contoso', language: 'English', comment: 'Pilot' });
    await create({ name: 'Access' });
    await create({ name: 'Excel' });
    const first = await core.client['packages:list-page']({ limit: 2 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.rows.map((row) => row[1])).toEqual(['Access', 'Excel']);
    expect(first.value.next).toEqual({ value: 'Excel', packageId: 'A0100003' });
    const rest = await core.client['packages:list-page']({ after: first.value.next ?? undefined });
    if (!rest.ok) throw new Error(rest.error.message);
    expect(rest.value).toEqual({ rows: [expect.arrayContaining(['A0100001', 'visio'])], next: null });

    const whole = await core.client['packages:list']({});
    if (!whole.ok) throw new Error(whole.error.message);
    const items = [...first.value.rows, ...rest.value.rows].map(packageListItemFromRow);
    expect(items.sort((a, b) => a.packageId.localeCompare(b.packageId))).toEqual(whole.value.map(packageListItemOf));
  });

  it('refuses a request the contract does not allow, saying what is wrong', async () => {
    const result = await core.client['packages:list-page']({ sort: 'sourceVersion', after: { value: 'Excel', packageId: 'A0100001' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.message).toContain('The cursor of a list sorted by Source Version carries a number.');
  });
});
