import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionChangedEvent } from '../../api';
import { createCore, type Core } from '../../core';
import { CollectionRepository } from '../../db/repositories/collection-repository';
import { MembershipRepository } from '../../db/repositories/membership-repository';
import { openSite } from '../../site/open-site';
import { createSiteLog } from '../../site/site-log';
import { openSitePlumbing } from '../../site/site-plumbing';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { CollectionMembership } from './collection-membership';
import { queryRuleResourceIds } from './query-rules';

let data: TempDir;
let core: Core;
const siteDir = () => join(data.path, 'site');

beforeEach(() => {
  data = makeTempDir('courier-resource-membership-');
  core = createCore({ dataDir: siteDir() });
});
afterEach(() => {
  core.close();
  data.remove();
});

const laptops = 'select * from SMS_R_System where SystemOUName = "CONTOSO.COM/LAPTOPS"';

async function memberIds(collectionId: string): Promise<number[]> {
  return value(await core.client['collections:members']({ collectionId })).map((m) => m.resourceId);
}

/** The collections whose membership a request changed, as the consoles hear it. */
async function membershipEvents(request: () => Promise<unknown>): Promise<string[]> {
  const heard: string[] = [];
  const off = core.on('collections:changed', (event: CollectionChangedEvent) => {
    if (event.change === 'membership') heard.push(event.collectionId);
  });
  try {
    await request();
  } finally {
    off();
  }
  return heard.sort();
}

describe('resource changes and collection membership', () => {
  it('re-evaluates query rules (and the collections limited to them) for the changed resource only, telling only collections that changed', async () => {
    const query = value(await core.client['collections:create']({ name: 'Laptops', rules: [{ kind: 'query', name: 'Query 1', query: laptops }] }));
    const x64 = value(await core.client['collections:create']({ name: 'x64 laptops', limitToCollectionId: query.collectionId, rules: [{ kind: 'query', name: 'Query 1', query: 'select * from SMS_R_System where Platform = "x64"' }] }));
    const pc1 = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC1', platform: 'x64' })).resourceId;
    const direct = value(await core.client['collections:create']({ name: 'Pilot', rules: [{ kind: 'direct', resourceId: pc1 }] }));
    expect(await memberIds(query.collectionId)).toEqual([]);

    // A new resource in the OU joins at once, and so does the collection limited to it.
    const created = await membershipEvents(async () => value(await core.client['resources:create']({ resourceType: 'system', name: 'PC2', systemOuNames: ['contoso.com/laptops'], platform: 'x64' })));
    const pc2 = (await memberIds(query.collectionId))[0]!;
    expect(created).toEqual(['SMS00001', query.collectionId, x64.collectionId].sort());
    expect(await memberIds(x64.collectionId)).toEqual([pc2]);

    // A property change that makes the rule match: both query collections, not the direct one.
    const moved = await membershipEvents(async () => value(await core.client['resources:update']({ resourceId: pc1, changes: { systemOuNames: ['CONTOSO.COM/LAPTOPS'] } })));
    expect(moved).toEqual([query.collectionId, x64.collectionId].sort());
    expect(await memberIds(query.collectionId)).toEqual([pc1, pc2]);
    expect(await memberIds(direct.collectionId)).toEqual([pc1]);

    // A change no rule looks at tells no collection.
    expect(await membershipEvents(async () => value(await core.client['resources:update']({ resourceId: pc1, changes: { clientVersion: '4.00.6487.2000' } })))).toEqual([]);

    // Only the changed resource is looked at: PC2's membership, taken away behind the site's back,
    // stays away until the collection itself is evaluated.
    const db = new Database(join(siteDir(), 'courier.db'));
    db.prepare('DELETE FROM collection_members WHERE collection_id = ? AND resource_id = ?').run(query.collectionId, pc2);
    db.close();
    const left = await membershipEvents(async () => value(await core.client['resources:update']({ resourceId: pc1, changes: { platform: 'I386' } })));
    expect(left).toEqual([x64.collectionId]);
    expect(await memberIds(query.collectionId)).toEqual([pc1]);
    expect(await memberIds(x64.collectionId)).toEqual([pc2]);
    expect(value(await core.client['collections:get']({ collectionId: x64.collectionId })).memberCount).toBe(1);
    value(await core.client['collections:update-membership']({ collectionId: query.collectionId }));
    expect(await memberIds(query.collectionId)).toEqual([pc1, pc2]);
  });

  it('re-evaluates an import for its rows in one unit of work, and a leaving resource leaves', async () => {
    const query = value(await core.client['collections:create']({ name: 'Laptops', rules: [{ kind: 'query', name: 'Query 1', query: laptops }] }));
    const pc1 = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC1', systemOuNames: ['CONTOSO.COM/LAPTOPS'] })).resourceId;
    expect(await memberIds(query.collectionId)).toEqual([pc1]);
    const csv = join(data.path, 'systems.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(csv, 'Name,SystemOUName\r\nPC1,CONTOSO.COM/DESKTOPS\r\nPC2,CONTOSO.COM/LAPTOPS;CONTOSO.COM/ALL\r\nPC3,\r\n');
    const events = await membershipEvents(async () => value(await core.client['resources:import']({ path: csv })));
    const pc2 = value(await core.client['resources:list']({ search: 'PC2' }))[0]!.resourceId;
    expect(await memberIds(query.collectionId)).toEqual([pc2]);
    expect(events).toEqual(['SMS00001', query.collectionId].sort());
    expect(value(await core.client['collections:get']({ collectionId: query.collectionId })).memberCount).toBe(1);
  });

  it('evaluates every collection from scratch after the collections it is limited to, whatever their IDs', async () => {
    const a = value(await core.client['collections:create']({ name: 'A', rules: [{ kind: 'query', name: 'Query 1', query: 'select * from SMS_R_System' }] }));
    const b = value(await core.client['collections:create']({ name: 'B', rules: [{ kind: 'query', name: 'Query 1', query: laptops }] }));
    const c = value(await core.client['collections:create']({ name: 'C', rules: [{ kind: 'query', name: 'Query 1', query: 'select * from SMS_R_System where Name like "PC%"' }] }));
    value(await core.client['collections:update']({ collectionId: a.collectionId, changes: { limitToCollectionId: c.collectionId } }));
    value(await core.client['collections:update']({ collectionId: c.collectionId, changes: { limitToCollectionId: b.collectionId } }));
    for (const [name, ou] of [['PC1', 'CONTOSO.COM/LAPTOPS'], ['PC2', 'CONTOSO.COM/DESKTOPS'], ['SRV1', 'CONTOSO.COM/LAPTOPS']] as const) {
      value(await core.client['resources:create']({ resourceType: 'system', name, systemOuNames: [ou] }));
    }
    core.close();
    const db = new Database(join(siteDir(), 'courier.db'));
    db.exec('DELETE FROM collection_members');
    db.close();

    const now = () => new Date();
    const site = openSite(siteDir(), now);
    const { work } = openSitePlumbing({ db: site.db, root: site.root, log: createSiteLog(site.root, now), logAs: { file: 'smsprov.log', component: 'SMS_PROVIDER' }, now });
    const memberships = new MembershipRepository(site.db);
    const membership = new CollectionMembership({ collections: new CollectionRepository(site.db), memberships, now, evaluateQueryRule: queryRuleResourceIds });
    const order = memberships.evaluationOrder().map((o) => o.collectionId);
    expect(order.indexOf(b.collectionId)).toBeLessThan(order.indexOf(c.collectionId));
    expect(order.indexOf(c.collectionId)).toBeLessThan(order.indexOf(a.collectionId));
    const updates = work.run((change) => membership.evaluateAll(change));
    site.db.close();
    core = createCore({ dataDir: siteDir() });
    expect(updates).toHaveLength(6);
    const pc1 = value(await core.client['resources:list']({ search: 'PC1' }))[0]!.resourceId;
    expect(await memberIds(a.collectionId)).toEqual([pc1]);
    expect(await memberIds('SMS00001')).toHaveLength(3);
  });
});
