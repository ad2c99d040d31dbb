import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../core';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';

let data: TempDir;
let core: Core;
const now = new Date('2026-12-02T08:00:00Z');
let pc: number;

async function advertise(name: string, collectionId: string, includeSubcollections = true): Promise<string> {
  return value(await core.client['advertisements:create']({ advertisementName: name, packageId: 'A0100001', programName: 'Typical', collectionId, includeSubcollections })).advertisementId;
}

beforeEach(async () => {
  data = makeTempDir('courier-policy-');
  core = createCore({ dataDir: join(data.path, 'site'), now: () => now });
  value(await core.client['packages:create']({ name: 'Office' })); // A0100001
  value(await core.client['programs:create']({ packageId: 'A0100001', program: { name: 'Typical', commandLine: 'setup.exe' } }));
  pc = value(await core.client['resources:create']({ resourceType: 'system', name: 'LAB-PC01' })).resourceId;
  value(await core.client['resources:create']({ resourceType: 'system', name: 'OFFICE-PC02' }));
});
afterEach(() => {
  core.close();
  data.remove();
});

describe('what a resource receives', () => {
  it('reaches it through the parent including subcollections, not through one that excludes them, and names each rule', async () => {
    const parent = value(await core.client['collections:create']({ name: 'Sites' })).collectionId;
    const child = value(await core.client['collections:create']({ name: 'Lab', parentCollectionId: parent, rules: [{ kind: 'direct', resourceId: pc }] })).collectionId;
    const lab = value(
      await core.client['collections:create']({ name: 'Lab by name', rules: [{ kind: 'query', name: 'Lab names', query: 'select * from SMS_R_System where Name like "LAB-%"' }] }),
    ).collectionId;
    for (const id of [parent, child, lab]) value(await core.client['collections:update-membership']({ collectionId: id }));
    const down = await advertise('Down the tree', parent);
    await advertise('Parent only', parent, false);
    const byQuery = await advertise('By query', lab);
    const everyone = await advertise('Everyone', 'SMS00001');

    const shown = value(await core.client['policy:show']({ resource: 'lab-pc01' }));
    expect(shown).toMatchObject({ resourceId: pc, resourceName: 'LAB-PC01', resourceType: 'system' });
    expect(shown.advertisements.map((a) => a.advertisement.advertisementId)).toEqual([down, byQuery, everyone].sort());
    const reasonsOf = (id: string) => shown.advertisements.find((a) => a.advertisement.advertisementId === id)?.reasons;
    expect(reasonsOf(down)).toEqual([
      {
        collectionId: child,
        collectionName: 'Lab',
        path: [{ collectionId: parent, name: 'Sites' }, { collectionId: child, name: 'Lab' }],
        rule: { kind: 'direct', ruleName: 'LAB-PC01', description: 'direct rule LAB-PC01' },
      },
    ]);
    expect(reasonsOf(byQuery)?.[0]?.rule).toEqual({ kind: 'query', ruleName: 'Lab names', description: 'query rule Lab names' });
    expect(reasonsOf(everyone)?.[0]?.rule).toEqual({ kind: 'builtIn', ruleName: 'All Systems', description: 'All Systems' });
    expect(shown.advertisements[0]?.advertisement.options.mandatory).toBe(false);

    // The other system is in none of them but All Systems.
    const other = value(await core.client['policy:show']({ resource: 'OFFICE-PC02' }));
    expect(other.advertisements.map((a) => a.advertisement.advertisementId)).toEqual([everyone]);
  });

  it('says the membership is as of the last update when no rule selects the resource now', async () => {
    const lab = value(
      await core.client['collections:create']({ name: 'Lab by name', rules: [{ kind: 'query', name: 'Lab names', query: 'select * from SMS_R_System where Name like "LAB-%"' }] }),
    ).collectionId;
    const update = value(await core.client['collections:update-membership']({ collectionId: lab }));
    const ad = await advertise('By query', lab);
    // Renamed behind the services (a change through them re-evaluates the rule for it at once).
    const db = new Database(join(data.path, 'site', 'courier.db'));
    db.prepare('UPDATE resources SET name = ? WHERE resource_id = ?').run('DESK-PC01', pc);
    db.close();
    const shown = value(await core.client['policy:show']({ resource: pc }));
    const reasons = shown.advertisements.find((a) => a.advertisement.advertisementId === ad)?.reasons;
    expect(reasons?.[0]?.rule).toEqual({ kind: 'membership', ruleName: null, description: `membership (as of ${update[0]?.evaluatedAt})` });
  });

  it('refuses a resource the site does not have, by name or ID', async () => {
    expect(await core.client['policy:show']({ resource: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'resource' } });
    expect(await core.client['policy:show']({ resource: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
