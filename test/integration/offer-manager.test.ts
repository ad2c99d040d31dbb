import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type ComponentRunner, type Core } from '../../core';
import { lookupFileName, parseLookupFile, type InstructionFile, type OfferFile } from '../../core/components/offermgr';
import { openDatabase } from '../../core/db/connection';
import { value } from '../helpers/api-result';
import { writeTree } from '../helpers/content-tree';
import { readVersions, snapshotOffers, startInlineOfferSite, statusCount, untilIdle } from '../helpers/offer-state';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
const site = () => join(temp.path, 'site');
const offerinf = (name: string) => join(site(), 'SMS', 'Inboxes', 'Offerinf.box', name);

interface Lab {
  packageId: string;
  pcs: number[];
  user: number;
  lab: string;
}

/** A package with a program, a DP (not yet holding it), three systems and a user, and a collection of the first two. */
async function setUp(): Promise<Lab> {
  writeTree(join(temp.path, 'source'), { 'setup.exe': 'MZ setup', 'data/readme.txt': 'read me' });
  writeTree(join(temp.path, 'vol-d'), {});
  const packageId = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: join(temp.path, 'source') })).packageId;
  value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'setup.exe /q' } }));
  value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'vol-d') }] }));
  const pcs: number[] = [];
  for (const name of ['PC01', 'PC02', 'PC03']) pcs.push(value(await core.client['resources:create']({ resourceType: 'system', name })).resourceId);
  const user = value(await core.client['resources:create']({ resourceType: 'user', name: 'CONTOSO\\ann' })).resourceId;
  const lab = value(await core.client['collections:create']({ name: 'Lab', rules: [{ kind: 'direct', resourceId: pcs[0]! }, { kind: 'direct', resourceId: pcs[1]! }] })).collectionId;
  return { packageId, pcs, user, lab };
}

async function advertise(packageId: string, collectionId: string, name = 'Viewer to the lab'): Promise<string> {
  return value(await core.client['advertisements:create']({ advertisementName: name, packageId, programName: 'Install', collectionId, includeSubcollections: true })).advertisementId;
}

async function distribute(packageId: string): Promise<void> {
  value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
  await untilIdle(site());
}

async function offered(resourceId: number): Promise<readonly string[]> {
  return value(await core.client['policy:show']({ resource: resourceId })).materialized.advertisementIds;
}

beforeEach(() => {
  temp = makeTempDir('courier-offermgr-');
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  temp.remove();
});

describe('Offer Manager', { timeout: 60_000 }, () => {
  it('offers at once an advertisement of a package without source files: no DP has to hold it', async () => {
    const { pcs, lab } = await setUp();
    const script = value(await core.client['packages:create']({ name: 'Script' })).packageId;
    value(await core.client['programs:create']({ packageId: script, program: { name: 'Install', commandLine: 'cscript //nologo fix.vbs' } }));
    runner = startInlineOfferSite(site());
    const ad = await advertise(script, lab, 'Fix the lab');
    await untilIdle(site());
    expect(value(await core.client['advertisements:get']({ advertisementId: ad }))).toMatchObject({ offerState: 'offered', resourceCount: 2 });
    expect(statusCount(site(), 3902, ad)).toBe(0);
    expect(await offered(pcs[0]!)).toEqual([ad]);
    // courier policy show agrees: no DP is expected to hold a package without source files.
    expect(value(await core.client['policy:show']({ resource: pcs[0]! })).materialized).toMatchObject({ advertisementIds: [ad], agrees: true });
  });

  it('defers an advertisement whose package is on no DP, says so once, and offers it when Distribution Manager installs the package', async () => {
    const { packageId, pcs, lab } = await setUp();
    runner = startInlineOfferSite(site());
    const ad = await advertise(packageId, lab);
    await untilIdle(site());
    expect(value(await core.client['advertisements:get']({ advertisementId: ad }))).toMatchObject({ offerState: 'deferred', resourceCount: 0 });
    expect(statusCount(site(), 3902, ad)).toBe(1);
    expect(existsSync(offerinf(`${ad}.ofr`))).toBe(false);
    const deferredPolicy = value(await core.client['policy:show']({ resource: pcs[0]! }));
    expect(deferredPolicy.advertisements.map((a) => a.advertisement.advertisementId)).toEqual([ad]);
    // Deferred is rightly missing from the stored policy.
    expect(deferredPolicy.materialized).toMatchObject({ advertisementIds: [], agrees: true, policyVersion: 0 });

    // Another pass over it (its collection changes) finds the package still not ready: no second message.
    value(await core.client['collections:add-rule']({ collectionId: lab, rule: { kind: 'direct', resourceId: pcs[2]! } }));
    await untilIdle(site());
    expect(statusCount(site(), 3902, ad)).toBe(1);

    // No polling: Distribution Manager's install wakes Offer Manager (its reconcile pass is minutes away).
    await distribute(packageId);
    expect(value(await core.client['advertisements:get']({ advertisementId: ad }))).toMatchObject({ offerState: 'offered', resourceCount: 3 });
    expect(statusCount(site(), 3900, ad)).toBe(1);
    for (const pc of pcs) expect(await offered(pc)).toEqual([ad]);
    const shown = value(await core.client['policy:show']({ resource: pcs[0]! })).materialized;
    expect(shown.agrees).toBe(true);
    expect(shown.policyVersion).toBeGreaterThan(0);
    expect(shown.kind).toBe('machine');
    const file = JSON.parse(readFileSync(offerinf(`${ad}.ofr`), 'utf8')) as OfferFile;
    expect(file.offer.package).toMatchObject({ packageId, sourceVersion: 1 });
  });

  it('re-offers at once when the program changes, and offers a new source version only once a DP holds it', async () => {
    const { packageId, lab } = await setUp();
    runner = startInlineOfferSite(site());
    await distribute(packageId);
    const ad = await advertise(packageId, lab);
    await untilIdle(site());
    const offerFile = () => (JSON.parse(readFileSync(offerinf(`${ad}.ofr`), 'utf8')) as OfferFile).offer;
    expect(offerFile().package.sourceVersion).toBe(1);
    // Offer Manager alone, started and settled, so its reconcile pass (every two minutes) is not what finds the changes.
    await runner.stop();
    runner = startInlineOfferSite(site(), ['offermgr']);
    await untilIdle(site(), ['Offermgr.box']);
    value(await core.client['packages:update-dps']({ packageId }));
    value(await core.client['programs:update']({ packageId, programName: 'Install', changes: { commandLine: 'setup.exe /quiet' } }));
    await untilIdle(site(), ['Offermgr.box']);
    expect(value(await core.client['packages:get']({ packageId })).sourceVersion).toBe(2);
    expect(offerFile().program).toMatchObject({ commandLine: 'setup.exe /quiet' });
    // No DP holds version 2 yet: clients are still offered version 1, which DP01 has.
    expect(offerFile().package.sourceVersion).toBe(1);
    expect(value(await core.client['advertisements:get']({ advertisementId: ad })).offerState).toBe('offered');

    await runner.stop();
    runner = startInlineOfferSite(site());
    await untilIdle(site());
    expect(offerFile().package.sourceVersion).toBe(2);
  });

  it('moves the policy version only of the resources that join or leave a targeted collection', async () => {
    const { packageId, pcs, user, lab } = await setUp();
    runner = startInlineOfferSite(site());
    await distribute(packageId); // nothing to offer yet
    const ad = await advertise(packageId, lab);
    const everyone = await advertise(packageId, 'SMS00002', 'Viewer to every user');
    await untilIdle(site());
    const before = readVersions(site());
    expect(Object.keys(before).map(Number).sort()).toEqual([pcs[0]!, pcs[1]!, user].sort());
    expect(await offered(pcs[2]!)).toEqual([]);

    value(await core.client['collections:add-rule']({ collectionId: lab, rule: { kind: 'direct', resourceId: pcs[2]! } }));
    await untilIdle(site());
    const joined = readVersions(site());
    expect(joined[pcs[2]!]).toBeGreaterThan(Math.max(...Object.values(before)));
    expect(await offered(pcs[2]!)).toEqual([ad]);
    for (const id of [pcs[0]!, pcs[1]!, user]) expect(joined[id], `resource ${id}`).toBe(before[id]);

    value(await core.client['collections:remove-rule']({ collectionId: lab, resourceId: pcs[0]! }));
    await untilIdle(site());
    const left = readVersions(site());
    expect(left[pcs[0]!]).toBeGreaterThan(joined[pcs[2]!]!);
    expect(await offered(pcs[0]!)).toEqual([]);
    for (const id of [pcs[1]!, pcs[2]!, user]) expect(left[id], `resource ${id}`).toBe(joined[id]);
    expect(await offered(user)).toEqual([everyone]);
    expect(value(await core.client['advertisements:get']({ advertisementId: ad })).resourceCount).toBe(2);
    expect(statusCount(site(), 3903, ad)).toBe(2);
  });

  it('changes nothing when the same wake-ups come again', async () => {
    const { packageId, lab } = await setUp();
    runner = startInlineOfferSite(site());
    await distribute(packageId);
    const ad = await advertise(packageId, lab);
    await untilIdle(site());
    const snapshot = snapshotOffers(site());
    const versions = readVersions(site());
    const db = openDatabase(join(site(), 'courier.db'));
    const counter = () => db.prepare('SELECT version FROM policy_counter').pluck().get();
    const processedAt = () => db.prepare('SELECT processed_at FROM offers WHERE advertisement_id = ?').pluck().get(ad);
    const messages = () => db.prepare("SELECT count(*) FROM status_messages WHERE component = 'SMS_OFFER_MANAGER'").pluck().get();
    const [counterBefore, processedBefore, messagesBefore] = [counter(), processedAt(), messages()];
    // The lookup files list every resource of the site: with policy unchanged they are not written again (same inode).
    const lookupName = readdirSync(join(site(), 'SMS', 'Inboxes', 'Offerinf.box')).find((name) => name.endsWith('systm.lkp'))!;
    const lookupInode = () => statSync(offerinf(lookupName)).ino;
    const inodeBefore = lookupInode();
    try {
      for (let round = 0; round < 2; round++) {
        // As an admin drops them by hand: the advertisement's and its collection's notifications.
        for (const name of [`${ad}.OFN`, `${lab}.CMN`]) writeFileSync(join(site(), 'SMS', 'Inboxes', 'Offermgr.box', name), 'again\r\n');
        runner.wake();
        await expect.poll(() => existsSync(join(site(), 'SMS', 'Inboxes', 'Offermgr.box', `${lab}.CMN`)) || existsSync(join(site(), 'SMS', 'Inboxes', 'Offermgr.box', `${ad}.OFN`)), { timeout: 15_000 }).toBe(false);
        await untilIdle(site());
      }
      expect(snapshotOffers(site())).toEqual(snapshot);
      expect(readVersions(site())).toEqual(versions);
      expect([counter(), processedAt(), messages()]).toEqual([counterBefore, processedBefore, messagesBefore]);
      expect(lookupInode()).toBe(inodeBefore);
    } finally {
      db.close();
    }
  });

  it('writes Offerinf.box files that parse back to the stored policy, and withdraws a deleted advertisement everywhere', async () => {
    const { packageId, pcs, user, lab } = await setUp();
    runner = startInlineOfferSite(site());
    await distribute(packageId);
    const ad = await advertise(packageId, lab);
    const users = await advertise(packageId, 'SMS00002', 'Viewer to every user');
    await untilIdle(site());
    const siteCode = value(await core.client['site:info']({})).siteCode;

    const offer = JSON.parse(readFileSync(offerinf(`${ad}.ofr`), 'utf8')) as OfferFile;
    expect(offer).toMatchObject({ format: 'courier-offer', formatVersion: 1, siteCode, advertisementId: ad });
    expect(offer.offer.advertisement).toMatchObject({ advertisementId: ad, collectionId: lab, programName: 'Install' });
    expect(offer.offer.program).toMatchObject({ name: 'Install', commandLine: 'setup.exe /q' });
    expect(offer.offer.clientAgent.enabled).toBe(true);
    const instructions = JSON.parse(readFileSync(offerinf(`${ad}.ins`), 'utf8')) as InstructionFile;
    expect(instructions).toMatchObject({ format: 'courier-offer-instructions', collectionId: lab, collections: [lab], resourceCount: 2, through: [{ collectionId: lab, resources: 2 }] });

    const systems = parseLookupFile(readFileSync(offerinf(lookupFileName(siteCode, 'system')), 'utf8'));
    expect(systems.header).toMatchObject({ format: 'courier-offer-lookup', resourceType: 'system', siteCode });
    expect([...systems.entries]).toEqual([
      [pcs[0]!, [ad]],
      [pcs[1]!, [ad]],
    ]);
    for (const [resourceId, ids] of systems.entries) expect(await offered(resourceId)).toEqual(ids);
    const people = parseLookupFile(readFileSync(offerinf(lookupFileName(siteCode, 'user')), 'utf8'));
    expect([...people.entries]).toEqual([[user, [users]]]);
    expect(parseLookupFile(readFileSync(offerinf(lookupFileName(siteCode, 'userGroup')), 'utf8')).entries.size).toBe(0);
    const text = readFileSync(offerinf(lookupFileName(siteCode, 'system')), 'utf8');
    expect(() => parseLookupFile(text.slice(0, -3))).toThrow(/cut short/);

    const before = readVersions(site());
    value(await core.client['advertisements:delete']({ advertisementId: ad }));
    await untilIdle(site());
    expect(existsSync(offerinf(`${ad}.ofr`))).toBe(false);
    expect(existsSync(offerinf(`${ad}.ins`))).toBe(false);
    expect(parseLookupFile(readFileSync(offerinf(lookupFileName(siteCode, 'system')), 'utf8')).entries.size).toBe(0);
    const after = readVersions(site());
    for (const pc of [pcs[0]!, pcs[1]!]) expect(after[pc]).toBeGreaterThan(before[pc]!);
    expect(after[user]).toBe(before[user]);
    expect(statusCount(site(), 3901, ad)).toBe(1);
    expect(snapshotOffers(site()).offers.map((o) => o.advertisementId)).toEqual([users]);
  });
});
