import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type ComponentRunner, type Core } from '../../core';
import { openDatabase } from '../../core/db/connection';
import { value } from '../helpers/api-result';
import { writeTree } from '../helpers/content-tree';
import { fromScratch, snapshotOffers, startInlineOfferSite, untilIdle } from '../helpers/offer-state';
import { seededRandom } from '../helpers/seeded-random';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const child = fileURLToPath(new URL('../helpers/run-site-component.ts', import.meta.url));

let temp: TempDir;
let core: Core;
let distmgr: ComponentRunner | null = null;
const site = () => join(temp.path, 'site');

function startOfferManager(): { process: ChildProcess; running: Promise<void>; exited: Promise<void> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, site(), 'SMS_OFFER_MANAGER'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const running = new Promise<void>((resolve) => proc.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve()));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return { process: proc, running, exited };
}

beforeEach(() => {
  temp = makeTempDir('courier-offermgr-crash-');
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  await distmgr?.stop();
  distmgr = null;
  core.close();
  temp.remove();
});

describe('Offer Manager killed with SIGKILL', () => {
  it('loses nothing: after a restart its policy and Offerinf.box files equal a computation from scratch', async () => {
    const random = seededRandom(20261203);
    writeTree(join(temp.path, 'source'), { 'setup.exe': 'MZ setup' });
    writeTree(join(temp.path, 'vol-d'), {});
    const packageId = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: join(temp.path, 'source') })).packageId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'setup.exe /q' } }));
    const other = value(await core.client['packages:create']({ name: 'Never distributed', containsSourceFiles: true, sourceDirectory: join(temp.path, 'source') })).packageId;
    value(await core.client['programs:create']({ packageId: other, program: { name: 'Install', commandLine: 'setup.exe' } }));
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'vol-d') }] }));
    // Enough systems that a pass takes a while: the kills land inside it.
    const csv = join(temp.path, 'systems.csv');
    writeFileSync(csv, `Name\n${Array.from({ length: 4000 }, (_, i) => `PC${String(i).padStart(4, '0')}`).join('\n')}\n`);
    value(await core.client['resources:import']({ path: csv, resourceType: 'system', skipRefused: false }));
    const query = (name: string, like: string) => ({ name, rules: [{ kind: 'query' as const, name: `${name} rule`, query: `select * from SMS_R_System where Name like "${like}"` }] });
    const sites = value(await core.client['collections:create']({ name: 'Sites' })).collectionId;
    const lab = value(await core.client['collections:create']({ ...query('Lab', 'PC1%'), parentCollectionId: sites })).collectionId;
    const office = value(await core.client['collections:create']({ ...query('Office', 'PC2%'), parentCollectionId: sites })).collectionId;
    const ends = value(await core.client['collections:create']({ ...query('Ends in 7', '%7') })).collectionId;
    distmgr = startInlineOfferSite(site(), ['distmgr']);
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    await untilIdle(site(), ['Distmgr.box']);

    const ads: string[] = [];
    const advertise = async (name: string, collectionId: string, pkg = packageId) =>
      ads.push(value(await core.client['advertisements:create']({ advertisementName: name, packageId: pkg, programName: 'Install', collectionId, includeSubcollections: true })).advertisementId);
    for (let i = 0; i < 4; i++) await advertise(`Everyone ${i}`, 'SMS00001');
    await advertise('Sites', sites);
    await advertise('Lab', lab);
    await advertise('Ends in 7', ends);
    await advertise('Deferred', office, other);

    const db = openDatabase(join(site(), 'courier.db'));
    const claimed = db.prepare("SELECT count(*) FROM outbox WHERE inbox = 'Offermgr.box' AND claimed_by IS NOT NULL").pluck();
    let kills = 0;
    let inHand = 0;
    // Each round changes something, then kills the running Offer Manager a moment later.
    const changes: (() => Promise<unknown>)[] = [
      async () => value(await core.client['collections:update']({ collectionId: lab, changes: { limitToCollectionId: null } })),
      async () => value(await core.client['collections:add-rule']({ collectionId: lab, rule: { kind: 'query', name: `more ${kills}`, query: `select * from SMS_R_System where Name like "PC3${kills % 10}%"` } })),
      async () => value(await core.client['collections:remove-rule']({ collectionId: lab, ruleName: `more ${kills - 1}` })),
      async () => value(await core.client['advertisements:update']({ advertisementId: ads[kills % 4]!, changes: { comment: `round ${kills}` } })),
      async () => value(await core.client['collections:update']({ collectionId: ends, changes: { linkedUnder: kills % 2 === 0 ? [sites] : [] } })),
      async () => value(await core.client['advertisements:delete']({ advertisementId: ads.splice(1, 1)[0]! })),
    ];
    let window = 400;
    try {
      for (let round = 0; round < 12; round++) {
        const run = startOfferManager();
        await run.running;
        await changes[round % changes.length]!().catch(() => undefined);
        // Policy of a few thousand systems takes milliseconds: wait for the wake-up to be taken in
        // hand (or the window to pass), then kill within the work, at a random moment of it.
        const until = Date.now() + window;
        while ((claimed.get() as number) === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 1));
        await new Promise((resolve) => setTimeout(resolve, random.int(Math.min(window, 40))));
        if (claimed.get() as number > 0) inHand++;
        run.process.kill('SIGKILL');
        await run.exited;
        kills++;
        window = inHand * 2 >= kills ? Math.max(20, Math.round(window * 0.8)) : Math.min(2_000, Math.round(window * 1.3));
      }
    } finally {
      db.close();
    }

    const last = startOfferManager();
    await last.running;
    await untilIdle(site(), ['Offermgr.box', 'Distmgr.box'], 120_000);
    last.process.kill('SIGTERM');
    await last.exited;

    // The kills fell inside the work often enough for the test to mean something.
    expect(kills).toBe(12);
    expect(inHand).toBeGreaterThanOrEqual(3);
    const after = snapshotOffers(site());
    expect(after.offers.length).toBe(ads.length);
    expect(after.offers.filter((o) => o.packageId === other).map((o) => o.state)).toEqual(['deferred']);
    expect(after.offers.filter((o) => o.state === 'offered').length).toBe(ads.length - 1);
    // Every system is offered the advertisements to All Systems: the policy is not trivially empty.
    expect(after.targets.length).toBeGreaterThan(4000 * 2);
    expect(Object.keys(after.files).filter((name) => name.endsWith('.ofr')).length).toBe(ads.length - 1);
    expect(after).toEqual(await fromScratch(site(), join(temp.path, 'scratch')));
  }, 300_000);
});
