import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../core';
import { listWakeUpFiles, siteRootAt } from '../../site/site-root';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';

let data: TempDir;
let core: Core;
const siteDir = () => join(data.path, 'site');

beforeEach(() => {
  data = makeTempDir('courier-collection-preview-');
  core = createCore({ dataDir: siteDir() });
});
afterEach(() => {
  core.close();
  data.remove();
});

async function system(name: string, operatingSystem: string): Promise<number> {
  return value(await core.client['resources:create']({ resourceType: 'system', name, operatingSystem })).resourceId;
}

const xpQuery = 'select * from SMS_R_System where OperatingSystemNameandVersion like "%5.1%"';

describe('collections:preview', () => {
  it('gives the members of query and direct rules now, by name, counting all and listing the first, and saves nothing', async () => {
    const b = await system('PC-B', 'Microsoft Windows NT Workstation 5.1');
    const a = await system('pc-a', 'Microsoft Windows NT Workstation 5.1');
    const vista = await system('PC-C', 'Microsoft Windows NT Workstation 6.0');
    const wakeUps = listWakeUpFiles(siteRootAt(siteDir()), 'Offermgr.box');
    const before = value(await core.client['collections:list']({}));

    const preview = value(await core.client['collections:preview']({ rules: [{ kind: 'query', name: 'XP', query: xpQuery }, { kind: 'direct', resourceId: vista }], limit: 2 }));
    expect(preview.memberCount).toBe(3);
    expect(preview.members.map((m) => [m.resourceId, m.name, m.resourceType])).toEqual([
      [a, 'pc-a', 'system'],
      [b, 'PC-B', 'system'],
    ]);
    // A direct rule for the same resource as a query rule counts it once.
    expect(value(await core.client['collections:preview']({ rules: [{ kind: 'query', name: 'XP', query: xpQuery }, { kind: 'direct', resourceId: a }] })).memberCount).toBe(2);
    expect(value(await core.client['collections:preview']({ rules: [] }))).toEqual({ memberCount: 0, members: [] });

    expect(value(await core.client['collections:list']({}))).toEqual(before);
    expect(listWakeUpFiles(siteRootAt(siteDir()), 'Offermgr.box')).toEqual(wakeUps);
  });

  it('narrows to the limiting collection as of its last update, and matches what the saved collection gets', async () => {
    const a = await system('PC-A', 'Microsoft Windows NT Workstation 5.1');
    const b = await system('PC-B', 'Microsoft Windows NT Workstation 5.1');
    const pilot = value(await core.client['collections:create']({ name: 'Pilot', rules: [{ kind: 'direct', resourceId: b }] }));
    const rules = [{ kind: 'query' as const, name: 'XP', query: xpQuery }];
    const preview = value(await core.client['collections:preview']({ rules, limitToCollectionId: pilot.collectionId }));
    expect(preview.members.map((m) => m.resourceId)).toEqual([b]);
    const saved = value(await core.client['collections:create']({ name: 'XP pilot', rules, limitToCollectionId: pilot.collectionId }));
    const members = value(await core.client['collections:members']({ collectionId: saved.collectionId }));
    expect(members).toEqual(preview.members);
    expect(a).not.toBe(b);
  });

  it('refuses a query it cannot run with the rule\'s place and the line and column, an unknown limit, and a limit over 200', async () => {
    expect(await core.client['collections:preview']({ rules: [{ kind: 'direct', resourceId: 16777217 }, { kind: 'query', name: 'Bad', query: 'select * from SMS_R_System where Nmae = "x"' }] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'rules.1.query', message: expect.stringMatching(/Line 1, column \d+: .*Nmae/) },
    });
    expect(await core.client['collections:preview']({ rules: [], limitToCollectionId: 'A0100099' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'limitToCollectionId' } });
    expect(await core.client['collections:preview']({ rules: [], limit: 201 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
