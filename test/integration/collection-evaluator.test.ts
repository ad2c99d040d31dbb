import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { collectionEvaluatorName, createCollectionEvaluator } from '../../core/components/colleval';
import { encodeScheduleToken } from '../../core/formats/schedule-token';
import { readWakeUpFile, removeWakeUpFile, siteRootAt } from '../../core/site/site-root';
import { value } from '../helpers/api-result';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// SMS_COLLECTION_EVALUATOR in a real component host (inline, on the test's clock, which is moved
// forward an hour at a time): a collection with an interval membership schedule is evaluated
// when an occurrence comes, once per occurrence and across a restart; only a collection whose
// members changed wakes Offer Manager and gets a 2500 status message.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
let clockOffsetMs = 0;
const clock = () => new Date(Date.now() + clockOffsetMs);
const hour = 3_600_000;
const site = () => join(temp.path, 'site');

function startEvaluator(): ComponentRunner {
  runner = startComponentRunner({
    dataDir: site(),
    components: [{ name: collectionEvaluatorName, thread: 'inline', pollMs: 100 }],
    factories: { [collectionEvaluatorName]: () => createCollectionEvaluator({ now: clock }) },
    leaseMs: 2_000,
  });
  return runner;
}

beforeEach(() => {
  temp = makeTempDir('courier-colleval-');
  clockOffsetMs = 0;
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  temp.remove();
});

async function collection(collectionId: string) {
  return value(await core.client['collections:get']({ collectionId }));
}

async function members(collectionId: string): Promise<string[]> {
  return value(await core.client['collections:members']({ collectionId })).map((m) => m.name);
}

describe('the membership update schedule', { timeout: 60_000 }, () => {
  it('re-evaluates a collection at each occurrence, once, and tells Offer Manager only when its members changed', async () => {
    // Every hour in UTC, from an hour ago: the next occurrence is within the hour.
    const start = new Date(Date.now() - hour).toISOString().slice(0, 16);
    const schedule = encodeScheduleToken({ type: 'interval', start, hourSpan: 1, isGmt: true });
    const pc1 = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC1', systemOuNames: ['CONTOSO.COM/DESKTOPS'] })).resourceId;
    const laptops = value(await core.client['collections:create']({
      name: 'Laptops',
      membershipSchedule: schedule,
      rules: [{ kind: 'query', name: 'Query 1', query: 'select * from SMS_R_System where SystemOUName = "CONTOSO.COM/LAPTOPS"' }],
    }));
    const pilot = value(await core.client['collections:create']({ name: 'Pilot', membershipSchedule: schedule, rules: [{ kind: 'direct', resourceId: pc1 }] }));
    const next = laptops.nextMembershipUpdate;
    expect(next).not.toBeNull();
    expect(Date.parse(next!)).toBeGreaterThan(Date.now());
    expect(Date.parse(next!) - Date.now()).toBeLessThanOrEqual(hour);
    expect((await collection('SMS00001')).nextMembershipUpdate).toBeNull();

    // Another writer changes the resource behind the services (a restored database, an older
    // discovery): nothing re-evaluates it until the schedule does.
    const db = new Database(join(site(), 'courier.db'));
    db.prepare('UPDATE resource_system_ous SET value = ? WHERE resource_id = ?').run('CONTOSO.COM/LAPTOPS', pc1);
    db.close();
    startEvaluator();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await members(laptops.collectionId)).toEqual([]);
    const before = { laptops: await collection(laptops.collectionId), pilot: await collection(pilot.collectionId) };
    // The wake-ups of their creation are taken away, as Offer Manager takes them, to see which come again.
    const root = siteRootAt(site());
    for (const id of [laptops.collectionId, pilot.collectionId]) removeWakeUpFile(root, 'Offermgr.box', `${id}.CMN`);

    clockOffsetMs = Date.parse(next!) - Date.now() + 1_000;
    await expect.poll(() => members(laptops.collectionId), { timeout: 20_000, interval: 50 }).toEqual(['PC1']);
    await expect.poll(async () => (await collection(pilot.collectionId)).nextMembershipUpdate, { timeout: 20_000, interval: 50 }).toBe(new Date(Date.parse(next!) + hour).toISOString());
    const after = { laptops: await collection(laptops.collectionId), pilot: await collection(pilot.collectionId) };
    expect(after.laptops).toMatchObject({ memberCount: 1, nextMembershipUpdate: new Date(Date.parse(next!) + hour).toISOString() });
    expect(after.laptops.lastMembershipUpdate! > before.laptops.lastMembershipUpdate!).toBe(true);
    expect(after.pilot.lastMembershipUpdate! > before.pilot.lastMembershipUpdate!).toBe(true);

    // Only the collection that changed wakes Offer Manager and reports 2500.
    expect(readWakeUpFile(root, 'Offermgr.box', `${laptops.collectionId}.CMN`)).toMatch(/^membership /);
    expect(readWakeUpFile(root, 'Offermgr.box', `${pilot.collectionId}.CMN`)).toBeNull();
    const messages = value(await core.client['status:messages']({ component: collectionEvaluatorName, order: 'oldest', limit: 100 })).messages;
    expect(messages.map((m) => [m.messageId, m.insertionStrings[1]])).toEqual([[2500, laptops.collectionId]]);
    expect(messages[0]!.description).toContain('1 members, 1 added, 0 removed');
    const log = readFileSync(join(root.logs, 'colleval.log'), 'utf8');
    expect(log).toContain(`Collection ${laptops.collectionId} "Laptops" evaluated for its schedule occurrence ${next}`);
    expect(log).toMatch(/SMS_COLLECTION_EVALUATOR/);

    // A restart on the same clock neither repeats the occurrence nor skips the next one.
    await runner!.stop();
    startEvaluator();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await collection(pilot.collectionId)).lastMembershipUpdate).toBe(after.pilot.lastMembershipUpdate);
    clockOffsetMs += hour;
    await expect.poll(async () => (await collection(pilot.collectionId)).lastMembershipUpdate !== after.pilot.lastMembershipUpdate, { timeout: 20_000, interval: 50 }).toBe(true);
    expect(value(await core.client['status:messages']({ component: collectionEvaluatorName, order: 'oldest', limit: 100 })).messages).toHaveLength(1);
  });
});

describe('the collection evaluator killed mid-run', { timeout: 90_000 }, () => {
  it('keeps the batches it committed and evaluates the others after a restart, each occurrence once', async () => {
    const start = new Date(Date.now() - hour).toISOString().slice(0, 16);
    const schedule = encodeScheduleToken({ type: 'interval', start, hourSpan: 1, isGmt: true });
    const pc1 = value(await core.client['resources:create']({ resourceType: 'system', name: 'PC1' })).resourceId;
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) ids.push(value(await core.client['collections:create']({ name: `Scheduled ${i}`, membershipSchedule: schedule, rules: [{ kind: 'direct', resourceId: pc1 }] })).collectionId);
    // Their members taken away behind the site's back: each evaluation puts PC1 back and reports 2500.
    const db = new Database(join(site(), 'courier.db'));
    db.prepare("DELETE FROM collection_members WHERE collection_id LIKE 'A01%'").run();
    // Half an hour after the next occurrence, on both clocks.
    const at = new Date(Date.parse((await collection(ids[0]!)).nextMembershipUpdate!) + hour / 2).toISOString();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/evaluate-then-die.ts', site(), at], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    const recorded = () => db.prepare('SELECT count(*) FROM collection_membership_runs').pluck().get() as number;
    const committed = recorded();
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(ids.length);

    clockOffsetMs = Date.parse(at) - Date.now();
    startEvaluator();
    await expect.poll(recorded, { timeout: 30_000, interval: 100 }).toBe(ids.length);
    await expect.poll(() => db.prepare("SELECT count(*) FROM collection_members WHERE collection_id LIKE 'A01%'").pluck().get(), { timeout: 10_000 }).toBe(ids.length);
    db.close();
    const messages = value(await core.client['status:messages']({ component: collectionEvaluatorName, order: 'oldest', limit: 1000 })).messages;
    expect(messages.map((m) => m.insertionStrings[1]).sort()).toEqual([...ids].sort());
  });
});
