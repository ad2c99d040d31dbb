import { join } from 'node:path';
import { writeTree } from '../../../test/helpers/content-tree';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../../../test/helpers/api-result';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { createCore, type Core } from '../../core';
import { openSite } from '../../site/open-site';
import { createSiteLog } from '../../site/site-log';
import { openSitePlumbing } from '../../site/site-plumbing';
import { offerManagerLog, offerManagerName } from './names';
import { processAdvertisements, type OfferWorkDeps } from './offer-work';
import { offermgrRepositories } from './repositories';

let temp: TempDir;
let core: Core;
let site: ReturnType<typeof openSite>;
let deps: OfferWorkDeps;
const dataDir = () => join(temp.path, 'site');

let clock: number;
beforeEach(() => {
  clock = Date.parse('2026-12-03T08:00:00.000Z');
  temp = makeTempDir('courier-offer-work-');
  core = createCore({ dataDir: dataDir(), now: () => new Date(clock) });
  const now = () => new Date(clock);
  site = openSite(dataDir(), now);
  const { work } = openSitePlumbing({ db: site.db, root: site.root, log: createSiteLog(site.root, now), logAs: { file: offerManagerLog, component: offerManagerName }, now });
  deps = { repos: offermgrRepositories(site.db), work, root: site.root, siteCode: site.record.siteCode, now };
});
afterEach(() => {
  site.db.close();
  core.close();
  temp.remove();
});

/** Offer Manager's 3903s of each advertisement: [added, removed, resources, policy version]. */
function updates(advertisementId: string): string[][] {
  return site.db
    .prepare(
      `SELECT m.ins_string_5, m.ins_string_6, m.ins_string_7, m.ins_string_8 FROM status_messages m JOIN status_message_attributes x ON x.record_id = m.record_id
       WHERE m.component = 'SMS_OFFER_MANAGER' AND m.message_id = 3903 AND x.attribute_id = 401 AND x.attribute_value = ? ORDER BY m.record_id`,
    )
    .raw()
    .all(advertisementId) as string[][];
}

describe('Offer Manager on a collection change', () => {
  it('reports 3903 for every advertisement reaching the collection, in every batch, with the version its new member took', async () => {
    const script = value(await core.client['packages:create']({ name: 'Script' })).packageId;
    value(await core.client['programs:create']({ packageId: script, program: { name: 'Install', commandLine: 'cscript //nologo fix.vbs' } }));
    const [first, second] = [value(await core.client['resources:create']({ resourceType: 'system', name: 'PC01' })).resourceId, value(await core.client['resources:create']({ resourceType: 'system', name: 'PC02' })).resourceId];
    const lab = value(await core.client['collections:create']({ name: 'Lab', rules: [{ kind: 'direct', resourceId: first }] })).collectionId;
    const ads: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ads.push(value(await core.client['advertisements:create']({ advertisementName: `Fix ${i}`, packageId: script, programName: 'Install', collectionId: lab, includeSubcollections: false })).advertisementId);
    }
    expect(await processAdvertisements(deps, ads)).toEqual(ads.map(() => 'offered'));

    // PC02 joins the lab: a .CMN for it, processed two advertisements to a transaction, as 200 are in the component.
    value(await core.client['collections:add-rule']({ collectionId: lab, rule: { kind: 'direct', resourceId: second } }));
    const reaching = deps.repos.offers.advertisementsReaching(lab);
    expect(reaching).toEqual(ads);
    await processAdvertisements(deps, reaching, { memberChangesOf: lab, batchSize: 2 });

    const version = site.db.prepare('SELECT version FROM resource_policy WHERE resource_id = ?').pluck().get(second) as number;
    for (const ad of ads) expect(updates(ad), ad).toEqual([['1', '0', '2', String(version)]]);
    // The first member kept its version: nothing of its policy changed.
    expect(site.db.prepare('SELECT version FROM resource_policy WHERE resource_id = ?').pluck().get(first)).toBeLessThan(version);
    // Again, with no member change recorded: nothing more to report.
    await processAdvertisements(deps, reaching, { memberChangesOf: lab, batchSize: 2 });
    for (const ad of ads) expect(updates(ad), ad).toHaveLength(1);
  });
});

describe('the policy body while distribution points are updated', () => {
  it('carries the version a DP holds with that version\'s date, and changes only when a DP has the new one', async () => {
    writeTree(join(temp.path, 'source'), { 'setup.exe': 'MZ setup' });
    writeTree(join(temp.path, 'vol-d'), {});
    const packageId = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: join(temp.path, 'source') })).packageId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'setup.exe /q' } }));
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'vol-d') }] }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    // What Distribution Manager records once the copy is installed.
    const installed = (version: number) => site.db.prepare("UPDATE package_dps SET state = 'installed', source_version = ? WHERE package_id = ?").run(version, packageId);
    installed(1);
    const pc = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC01' })).resourceId;
    const lab = value(await core.client['collections:create']({ name: 'Lab', rules: [{ kind: 'direct', resourceId: pc }] })).collectionId;
    const ad = value(await core.client['advertisements:create']({ advertisementName: 'Viewer', packageId, programName: 'Install', collectionId: lab, includeSubcollections: false })).advertisementId;
    const firstDate = value(await core.client['packages:get']({ packageId })).sourceDate;
    expect(await processAdvertisements(deps, [ad])).toEqual(['offered']);
    const body = () => (JSON.parse(deps.repos.offers.get(ad)!.body) as { package: { sourceVersion: number; sourceDate: string } }).package;
    const policyVersion = () => site.db.prepare('SELECT version FROM resource_policy WHERE resource_id = ?').pluck().get(pc) as number;
    expect(body()).toMatchObject({ sourceVersion: 1, sourceDate: firstDate });
    const offeredAt = policyVersion();

    // Update Distribution Points an hour later: the package is at version 2, no DP holds it yet.
    clock += 3_600_000;
    value(await core.client['packages:update-dps']({ packageId }));
    const secondDate = value(await core.client['packages:get']({ packageId })).sourceDate;
    expect(secondDate).not.toBe(firstDate);
    await processAdvertisements(deps, [ad]);
    expect(body()).toMatchObject({ sourceVersion: 1, sourceDate: firstDate });
    // Nothing a client sees changed: its policy version stays.
    expect(policyVersion()).toBe(offeredAt);

    installed(2);
    await processAdvertisements(deps, [ad]);
    expect(body()).toMatchObject({ sourceVersion: 2, sourceDate: secondDate });
    expect(policyVersion()).toBeGreaterThan(offeredAt);
  });
});
