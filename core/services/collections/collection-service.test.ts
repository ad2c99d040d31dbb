import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionChangedEvent, CollectionDto } from '../../api';
import { createCore, type Core } from '../../core';
import { listWakeUpFiles, siteRootAt } from '../../site/site-root';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';

let data: TempDir;
let core: Core;
const siteDir = () => join(data.path, 'site');

beforeEach(() => {
  data = makeTempDir('courier-collections-');
  core = createCore({ dataDir: siteDir() });
});
afterEach(() => {
  core.close();
  data.remove();
});

async function systems(...names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push(value(await core.client['resources:create']({ resourceType: 'system', name })).resourceId);
  return ids;
}

async function create(input: Parameters<Core['client']['collections:create']>[0]): Promise<CollectionDto> {
  return value(await core.client['collections:create'](input));
}

async function memberIds(collectionId: string): Promise<number[]> {
  return value(await core.client['collections:members']({ collectionId })).map((m) => m.resourceId);
}

describe('built-in collections', () => {
  it('are there from the start, hold every resource of their type, and cannot be deleted, renamed or given rules', async () => {
    const list = value(await core.client['collections:list']({}));
    expect(list.map((c) => [c.collectionId, c.name, c.builtInType])).toEqual([
      ['SMS00001', 'All Systems', 'system'],
      ['SMS00002', 'All Users', 'user'],
      ['SMS00003', 'All User Groups', 'userGroup'],
    ]);
    const [pc] = await systems('PC0001');
    value(await core.client['resources:create']({ resourceType: 'user', name: 'CONTOSO\\alice' }));
    expect(await memberIds('SMS00001')).toEqual([pc]);

    expect(await core.client['collections:delete']({ collectionId: 'SMS00001' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.client['collections:add-rule']({ collectionId: 'SMS00002', rule: { kind: 'direct', resourceId: pc ?? 0 } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/built-in collection/) },
    });
    expect(await core.client['collections:update']({ collectionId: 'sms00001', changes: { name: 'Everything' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    // Its schedule and maintenance windows may change.
    const changed = value(
      await core.client['collections:update']({
        collectionId: 'SMS00001',
        changes: { membershipSchedule: '00012CC0001A2000', maintenanceWindows: [{ name: 'Nightly', schedule: '00012CC0001A2000', durationMinutes: 120 }] },
      }),
    );
    expect(changed).toMatchObject({ membershipSchedule: '00012CC0001A2000', maintenanceWindows: [{ name: 'Nightly', durationMinutes: 120, enabled: true }] });
  });
});

describe('collections with rules', () => {
  it('counts IDs from A0100010, materializes direct-rule members at once and on Update Collection Membership, and wakes Offer Manager', async () => {
    const [a, b, c] = await systems('PC0001', 'PC0002', 'PC0003');
    const pilot = await create({ name: 'Pilot', comment: 'First wave', rules: [{ kind: 'direct', resourceId: a ?? 0 }, { kind: 'direct', resourceId: b ?? 0 }] });
    expect(pilot).toMatchObject({ collectionId: 'A0100010', memberCount: 2, membershipPending: false, rules: [{ kind: 'direct', ruleName: 'PC0001' }, { kind: 'direct', ruleName: 'PC0002' }] });
    expect(await memberIds('A0100010')).toEqual([a, b]);
    expect(listWakeUpFiles(siteRootAt(siteDir()), 'Offermgr.box')).toContain('A0100010.CMN');
    expect((await create({ name: 'Second' })).collectionId).toBe('A0100011');

    const added = value(await core.client['collections:add-rule']({ collectionId: 'A0100010', rule: { kind: 'direct', resourceId: c ?? 0 } }));
    expect(added.memberCount).toBe(3);
    expect(await core.client['collections:add-rule']({ collectionId: 'A0100010', rule: { kind: 'direct', resourceId: c ?? 0 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const removed = value(await core.client['collections:remove-rule']({ collectionId: 'A0100010', ruleName: 'pc0001' }));
    expect(removed.rules.map((r) => r.ruleName)).toEqual(['PC0002', 'PC0003']);
    expect(await memberIds('A0100010')).toEqual([b, c]);
    const byResource = value(await core.client['collections:remove-rule']({ collectionId: 'A0100010', resourceId: b ?? 0 }));
    expect(byResource.memberCount).toBe(1);

    const updates = value(await core.client['collections:update-membership']({ collectionId: 'A0100010' }));
    expect(updates).toEqual([expect.objectContaining({ collectionId: 'A0100010', memberCount: 1, added: 0, removed: 0 })]);
  });

  it('writes nothing of a refused create: no collection, no ID taken, no wake-up', async () => {
    const [a] = await systems('PC0001');
    const refused = await core.client['collections:create']({ name: 'Pilot', rules: [{ kind: 'direct', resourceId: a ?? 0 }, { kind: 'direct', resourceId: 99 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'rules.1.resourceId' } });
    expect(value(await core.client['collections:list']({})).map((c) => c.collectionId)).toEqual(['SMS00001', 'SMS00002', 'SMS00003']);
    expect(listWakeUpFiles(siteRootAt(siteDir()), 'Offermgr.box')).toEqual(['SMS00001.CMN']);
    expect((await create({ name: 'Pilot' })).collectionId).toBe('A0100010');
  });

  it('evaluates query rules in the database, stores them with their class, and refuses what WQL here cannot run, saying where', async () => {
    const add = async (name: string, input: Record<string, unknown>) =>
      value(await core.client['resources:create']({ resourceType: 'system', name, ...input })).resourceId;
    const xp = await add('PC-XP', { operatingSystem: 'Microsoft Windows NT Workstation 5.1', systemOuNames: ['CONTOSO.COM/LAPTOPS'] });
    await add('PC-XP-DESK', { operatingSystem: 'Microsoft Windows NT Workstation 5.1', systemOuNames: ['CONTOSO.COM/DESKTOPS'] });
    const vista = await add('PC-VISTA', { operatingSystem: 'Microsoft Windows NT Workstation 6.0', systemOuNames: ['contoso.com/laptops'], ipSubnets: ['10.1.2.0'] });
    const query = "select * from SMS_R_System where OperatingSystemNameandVersion like '%Workstation 5.1%' and SystemOUName = 'CONTOSO.COM/LAPTOPS'";
    const laptops = await create({ name: 'XP laptops', rules: [{ kind: 'query', name: 'XP laptops', query }] });
    expect(laptops.rules).toEqual([{ kind: 'query', ruleName: 'XP laptops', resourceClass: 'SMS_R_System', query }]);
    expect(laptops).toMatchObject({ membershipPending: false, memberCount: 1 });
    expect(await memberIds(laptops.collectionId)).toEqual([xp]);

    // The console's own form, double quotes and qualified names; OU names compare in any case.
    value(await core.client['collections:add-rule']({
      collectionId: laptops.collectionId,
      rule: { kind: 'query', name: 'Subnet', query: 'select SMS_R_SYSTEM.ResourceID, SMS_R_SYSTEM.Name from SMS_R_System where SMS_R_System.IPSubnets = "10.1.2.0"' },
    }));
    expect((await memberIds(laptops.collectionId)).sort()).toEqual([xp, vista].sort());
    // A resource added later joins at the next membership update.
    const later = await add('PC-XP-2', { operatingSystem: 'Windows XP Workstation 5.1', systemOuNames: ['CONTOSO.COM/LAPTOPS'] });
    value(await core.client['collections:update-membership']({ collectionId: laptops.collectionId }));
    expect((await memberIds(laptops.collectionId)).sort()).toEqual([xp, vista, later].sort());

    const refusedAt = async (q: string) => core.client['collections:add-rule']({ collectionId: laptops.collectionId, rule: { kind: 'query', name: 'Bad', query: q } });
    expect(await refusedAt('select * from Win32_Process')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'rule.query' } });
    expect(await refusedAt('select * from SMS_R_System inner join SMS_G_System_CDROM on SMS_G_System_CDROM.ResourceID = SMS_R_System.ResourceId')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/Line 1, column \d+: .*SMS_G_System_CDROM/) },
    });
    expect(await refusedAt('select * from SMS_R_System where Name = \u2018PC-XP\u2019')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/Line 1, column 41: .*typographic quote/) },
    });
    // A query on several lines, as pasted from a web page: its problem is placed on its own line.
    expect(await refusedAt('select *\r\n  from SMS_R_System\n\twhere Nmae = "PC-XP"')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^The query rule cannot be used\. Line 3, column 8: .*Nmae/) },
    });
    expect(await refusedAt('select * from SMS_R_System where Name = "PC-XP"\u0007')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/control character/) } });
    // Refused rules are not stored, and the rule names stay unique.
    expect(value(await core.client['collections:get']({ collectionId: laptops.collectionId })).rules.map((r) => r.ruleName)).toEqual(['XP laptops', 'Subnet']);
    expect(await core.client['collections:add-rule']({ collectionId: laptops.collectionId, rule: { kind: 'query', name: 'subnet', query: 'select * from SMS_R_User' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('limits members to the limiting collection\'s, evaluating it first, and refuses limits that make a cycle', async () => {
    const [a, b, c] = await systems('PC0001', 'PC0002', 'PC0003');
    const wide = await create({ name: 'Wide', rules: [{ kind: 'direct', resourceId: a ?? 0 }, { kind: 'direct', resourceId: b ?? 0 }] });
    const narrow = await create({ name: 'Narrow', limitToCollectionId: wide.collectionId, rules: [b, c].map((id) => ({ kind: 'direct' as const, resourceId: id ?? 0 })) });
    expect(await memberIds(narrow.collectionId)).toEqual([b]);

    // Wide gains c: Narrow's update evaluates Wide first, then takes c in.
    value(await core.client['collections:add-rule']({ collectionId: wide.collectionId, rule: { kind: 'direct', resourceId: c ?? 0 } }));
    const updates = value(await core.client['collections:update-membership']({ collectionId: narrow.collectionId }));
    expect(updates.map((u) => [u.collectionId, u.memberCount])).toEqual([
      [wide.collectionId, 3],
      [narrow.collectionId, 2],
    ]);
    const limitedToAll = await create({ name: 'All limited', limitToCollectionId: 'SMS00001', rules: [{ kind: 'direct', resourceId: a ?? 0 }] });
    expect(limitedToAll.memberCount).toBe(1);

    const cycle = await core.client['collections:update']({ collectionId: wide.collectionId, changes: { limitToCollectionId: narrow.collectionId } });
    expect(cycle).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'limitToCollectionId' } });
    const self = await core.client['collections:update']({ collectionId: wide.collectionId, changes: { limitToCollectionId: wide.collectionId } });
    expect(self).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Dropping the limit takes every rule's member back.
    expect(value(await core.client['collections:update']({ collectionId: narrow.collectionId, changes: { limitToCollectionId: null } })).memberCount).toBe(2);
    expect(await core.client['collections:delete']({ collectionId: 'SMS00001' })).toMatchObject({ ok: false });
    expect(await core.client['collections:delete']({ collectionId: wide.collectionId })).toMatchObject({ ok: true });
  });

  it('refuses to delete a collection others are limited to', async () => {
    const wide = await create({ name: 'Wide' });
    await create({ name: 'Narrow', limitToCollectionId: wide.collectionId });
    expect(await core.client['collections:delete']({ collectionId: wide.collectionId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/limited to/) } });
  });
});

describe('subcollections and linked collections', () => {
  it('builds a tree, links a collection under a second parent, refuses cycles, and deletes own subcollections but only unlinks linked ones', async () => {
    const root = await create({ name: 'Root' });
    const child = await create({ name: 'Child', parentCollectionId: root.collectionId });
    const grandchild = await create({ name: 'Grandchild', parentCollectionId: child.collectionId });
    const elsewhere = await create({ name: 'Elsewhere' });
    const linked = value(await core.client['collections:update']({ collectionId: elsewhere.collectionId, changes: { linkedUnder: [child.collectionId] } }));
    expect(linked).toMatchObject({ parentCollectionId: null, linkedUnder: [child.collectionId] });
    expect(value(await core.client['collections:get']({ collectionId: child.collectionId }))).toMatchObject({
      parentCollectionId: root.collectionId,
      subcollections: [
        { collectionId: grandchild.collectionId, name: 'Grandchild', linked: false },
        { collectionId: elsewhere.collectionId, name: 'Elsewhere', linked: true },
      ],
    });

    const cycle = await core.client['collections:update']({ collectionId: root.collectionId, changes: { linkedUnder: [grandchild.collectionId] } });
    expect(cycle).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'linkedUnder', message: expect.stringMatching(/cycle/) } });
    const throughLink = await core.client['collections:update']({ collectionId: root.collectionId, changes: { linkedUnder: [elsewhere.collectionId] } });
    expect(throughLink).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const selfLink = await core.client['collections:update']({ collectionId: root.collectionId, changes: { linkedUnder: [root.collectionId] } });
    expect(selfLink).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const events: CollectionChangedEvent[] = [];
    core.on('collections:changed', (event) => events.push(event));
    const deleted = value(await core.client['collections:delete']({ collectionId: root.collectionId }));
    expect(deleted).toEqual({
      deleted: [
        { collectionId: root.collectionId, name: 'Root' },
        { collectionId: child.collectionId, name: 'Child' },
        { collectionId: grandchild.collectionId, name: 'Grandchild' },
      ],
      unlinked: [{ parentCollectionId: child.collectionId, collectionId: elsewhere.collectionId, name: 'Elsewhere' }],
      deletedAdvertisements: [],
    });
    expect(value(await core.client['collections:get']({ collectionId: elsewhere.collectionId }))).toMatchObject({ linkedUnder: [], parentCollectionId: null });
    expect(value(await core.client['collections:list']({})).map((c) => c.collectionId)).toEqual(['A0100013', 'SMS00001', 'SMS00002', 'SMS00003']);
    expect(events.filter((e) => e.change === 'deleted').map((e) => e.collectionId).sort()).toEqual([root.collectionId, child.collectionId, grandchild.collectionId].sort());
  });

  it('updates the membership of a collection and everything below it', async () => {
    const [a, b] = await systems('PC0001', 'PC0002');
    const root = await create({ name: 'Root', rules: [{ kind: 'direct', resourceId: a ?? 0 }] });
    const child = await create({ name: 'Child', parentCollectionId: root.collectionId, rules: [{ kind: 'direct', resourceId: b ?? 0 }] });
    const updates = value(await core.client['collections:update-membership']({ collectionId: root.collectionId, includeSubcollections: true }));
    expect(updates.map((u) => [u.collectionId, u.memberCount])).toEqual([
      [root.collectionId, 1],
      [child.collectionId, 1],
    ]);
  });
});

describe('schedules, maintenance windows and names', () => {
  it('checks schedule tokens with the suite\'s codec, window names and durations, and collection names (any case)', async () => {
    await create({ name: 'Pilot' });
    expect(await core.client['collections:create']({ name: 'PILOT' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    expect(await core.client['collections:create']({ name: 'X', membershipSchedule: 'nothex' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'membershipSchedule' } });
    // 16 hex digits whose type field is 7: no schedule type.
    expect(await core.client['collections:create']({ name: 'X', membershipSchedule: '0001200000380000' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'membershipSchedule', message: expect.stringMatching(/type code 7 .* is none of/) },
    });
    const windows = [
      { name: 'Nightly', schedule: '00012CC0001A2000', durationMinutes: 60 },
      { name: 'nightly', schedule: '00012CC0001A2000', durationMinutes: 60 },
    ];
    expect(await core.client['collections:create']({ name: 'X', maintenanceWindows: windows })).toMatchObject({ ok: false, error: { field: 'maintenanceWindows.1.name' } });
    expect(await core.client['collections:create']({ name: 'X', maintenanceWindows: [{ name: 'Long', schedule: '00012CC0001A2000', durationMinutes: 2000 }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await core.client['collections:get']({ collectionId: 'A0100099' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('membership is evaluated in SQL', () => {
  it('materializes 20,000 members of All Systems and narrows a limited collection to them, in seconds', async () => {
    core.close();
    // Resources written straight to the site database: the evaluation is what is measured here.
    const db = new Database(join(siteDir(), 'courier.db'));
    db.transaction(() => {
      const insert = db.prepare("INSERT INTO resources (resource_type, name, created_at, last_modified) VALUES ('system', ?, '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z')");
      for (let i = 0; i < 20_000; i++) insert.run(`PC${String(i).padStart(5, '0')}`);
    })();
    db.close();
    core = createCore({ dataDir: siteDir() });
    const started = performance.now();
    const [all] = value(await core.client['collections:update-membership']({ collectionId: 'SMS00001' }));
    expect(all).toMatchObject({ memberCount: 20_000, added: 20_000, removed: 0 });
    const limited = await create({ name: 'Limited', limitToCollectionId: 'SMS00001', rules: [{ kind: 'direct', resourceId: 16777217 }] });
    expect(limited.memberCount).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
    const again = value(await core.client['collections:update-membership']({ collectionId: 'SMS00001' }));
    expect(again[0]).toMatchObject({ added: 0, removed: 0, memberCount: 20_000 });
  });
});
