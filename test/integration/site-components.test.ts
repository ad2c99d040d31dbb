import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComponentChangedEvent } from '../../core/api';
import { createCore, startComponentRunner, type ComponentEntry, type ComponentRunner, type Core } from '../../core';
import { openDatabase } from '../../core/db/connection';
import { ComponentLeaseRepository } from '../../core/db/repositories/component-lease-repository';
import { OutboxRepository } from '../../core/db/repositories/outbox-repository';
import { readLedger } from '../components/wake-up-ledger';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

const ledger: ComponentEntry = { name: 'SMS_WAKE_UP_LEDGER' };
const inboxManager = (pollMs: number): ComponentEntry => ({ name: 'SMS_INBOX_MANAGER', pollMs });
// The real component worker, with the ledger among its components.
const workerEntry = new URL('../components/ledger-worker.mjs', import.meta.url);

let data: TempDir;
let core: Core;
const runners: ComponentRunner[] = [];
const distmgr = () => join(data.path, 'SMS', 'Inboxes', 'Distmgr.box');

function run(components: readonly ComponentEntry[]): ComponentRunner {
  const runner = startComponentRunner({ dataDir: data.path, components, workerEntry, leaseMs: 1_500, restartDelayMs: 100 });
  runners.push(runner);
  return runner;
}

async function untilRunning(runner: ComponentRunner, name: string): Promise<void> {
  await expect.poll(() => runner.status().find((s) => s.name === name)?.state, { timeout: 30_000, interval: 50 }).toBe('running');
}

async function createPackages(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await core.client['packages:create']({ name: `Component test ${i}` });
    if (!result.ok) throw new Error(result.error.message);
    ids.push(result.value.packageId);
  }
  return ids;
}

/** Outbox rows still to do, read on a connection of the test's own. */
function pendingWakeUps(): string[] {
  const db = openDatabase(join(data.path, 'courier.db'));
  try {
    return new OutboxRepository(db).pending('Distmgr.box').map((e) => e.fileName);
  } finally {
    db.close();
  }
}

function processedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readLedger(data.path)) counts.set(line.fileName, (counts.get(line.fileName) ?? 0) + 1);
  return counts;
}

beforeEach(() => {
  data = makeTempDir('courier-components-');
  core = createCore({ dataDir: data.path, eventPollMs: 20 });
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  core.close();
  data.remove();
});

// A worker thread compiles the sources through tsx as it starts: seconds on a busy machine.
describe('a site component in a worker thread', { timeout: 90_000 }, () => {
  it('processes every wake-up once, and a restart neither loses nor repeats one', async () => {
    let runner = run([ledger]);
    await untilRunning(runner, 'SMS_WAKE_UP_LEDGER');
    const first = await createPackages(8);
    await expect.poll(() => readLedger(data.path).length, { timeout: 15_000 }).toBe(8);
    // Off the thread that answers requests, and the inbox is empty once the work is done.
    expect(new Set(readLedger(data.path).map((line) => line.thread))).not.toContain(threadId);
    await expect.poll(() => readdirSync(distmgr()), { timeout: 5_000 }).toEqual([]);

    // Stopped mid-way through slow work: the wake-up in hand is finished, the rest wait.
    await runner.stop();
    writeFileSync(join(data.path, 'ledger-delay-ms'), '150');
    runner = run([ledger]);
    await untilRunning(runner, 'SMS_WAKE_UP_LEDGER');
    const second = await createPackages(8);
    await expect.poll(() => readLedger(data.path).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
    await runner.stop();
    const doneAtStop = readLedger(data.path).length;
    expect(doneAtStop).toBeLessThan(16);
    expect(pendingWakeUps()).toHaveLength(16 - doneAtStop);

    // Changes while no component runs queue up, and the next run does them.
    const third = await createPackages(4);
    rmSync(join(data.path, 'ledger-delay-ms'));
    runner = run([ledger]);
    await expect.poll(() => readLedger(data.path).length, { timeout: 30_000 }).toBe(20);
    // Stopped, it can do no more: what the ledger holds now is all it did.
    await runner.stop();
    const counts = processedCounts();
    expect([...counts.keys()].sort()).toEqual([...first, ...second, ...third].map((id) => `${id}.PKN`).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(pendingWakeUps()).toEqual([]);
  });

  it('gets the wake-up it had in hand again after its thread died, and is started again', async () => {
    writeFileSync(join(data.path, 'crash-on-A0100003.PKN'), '');
    const runner = run([ledger]);
    await untilRunning(runner, 'SMS_WAKE_UP_LEDGER');
    const ids = await createPackages(5);
    await expect.poll(() => processedCounts().size, { timeout: 30_000 }).toBe(5);
    await expect.poll(() => pendingWakeUps(), { timeout: 10_000 }).toEqual([]);
    const counts = processedCounts();
    // At least once: the crash came after the work and before its completion.
    expect(ids.map((id) => counts.get(`${id}.PKN`))).toEqual([1, 1, 2, 1, 1]);
    expect(runner.status()).toEqual([{ name: 'SMS_WAKE_UP_LEDGER', state: 'running', restarts: 1 }]);
    expect(readFileSync(join(data.path, 'SMS', 'Logs', 'sitecomp.log'), 'utf8')).toMatch(/SMS_WAKE_UP_LEDGER stopped unexpectedly: its thread ended with code 3/);
    expect(readFileSync(join(data.path, 'SMS', 'Logs', 'ledger.log'), 'utf8')).toMatch(/Took back 1 wake-ups a previous run of SMS_WAKE_UP_LEDGER had claimed/);
  });

  it('runs once per site: a second runner stands by and takes over when the first stops', async () => {
    const one = run([ledger]);
    await untilRunning(one, 'SMS_WAKE_UP_LEDGER');
    const two = run([ledger]);
    await expect.poll(() => two.status()[0]?.state, { timeout: 30_000 }).toBe('standby');
    await createPackages(3);
    await expect.poll(() => readLedger(data.path).length, { timeout: 15_000 }).toBe(3);
    const firstThreads = new Set(readLedger(data.path).map((line) => line.thread));
    expect(firstThreads.size).toBe(1);

    await one.stop();
    await untilRunning(two, 'SMS_WAKE_UP_LEDGER');
    await createPackages(2);
    await expect.poll(() => readLedger(data.path).length, { timeout: 15_000 }).toBe(5);
    expect(processedCounts().size).toBe(5);
  });

  it('tells the consoles that it runs and that it stopped, from its own thread', async () => {
    const heard: ComponentChangedEvent[] = [];
    core.on('components:changed', (event) => heard.push(event));
    const runner = run([ledger]);
    await expect.poll(() => heard.map((e) => e.state), { timeout: 30_000 }).toEqual(['running']);
    expect(heard[0]).toMatchObject({ component: 'SMS_WAKE_UP_LEDGER', host: expect.stringMatching(new RegExp(`^worker thread \\d+ of process ${process.pid} on `)) });
    await runner.stop();
    await expect.poll(() => heard.map((e) => e.state), { timeout: 5_000 }).toEqual(['running', 'stopped']);
    const db = openDatabase(join(data.path, 'courier.db'));
    try {
      expect(new ComponentLeaseRepository(db).list()).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('takes in a wake-up file an admin dropped into its inbox by hand', async () => {
    await createPackages(1);
    const runner = run([ledger]);
    await untilRunning(runner, 'SMS_WAKE_UP_LEDGER');
    await expect.poll(() => readLedger(data.path).length, { timeout: 15_000 }).toBe(1);
    writeFileSync(join(distmgr(), 'A0100001.PKN'), 'look again\r\n');
    await expect.poll(() => readLedger(data.path).map((line) => line.fileName), { timeout: 15_000 }).toEqual(['A0100001.PKN', 'A0100001.PKN']);
  });
});

describe('Inbox Manager', { timeout: 90_000 }, () => {
  it('writes a wake-up as soon as the folder that blocked it is gone, with no other change', async () => {
    mkdirSync(join(distmgr(), 'A0100001.PKN'));
    const created = await core.client['packages:create']({ name: 'Blocked' });
    expect(created.ok && created.notices?.length).toBe(1);
    const runner = run([inboxManager(100)]);
    await untilRunning(runner, 'SMS_INBOX_MANAGER');
    rmSync(join(distmgr(), 'A0100001.PKN'), { recursive: true });
    await expect.poll(() => existsSync(join(distmgr(), 'A0100001.PKN')) && readFileSync(join(distmgr(), 'A0100001.PKN'), 'utf8'), { timeout: 15_000 }).toBe(
      'created A0100001\r\n',
    );
    expect(readFileSync(join(data.path, 'SMS', 'Logs', 'inboxmgr.log'), 'utf8')).toMatch(/Wrote the wake-up file SMS\\Inboxes\\Distmgr\.box\\A0100001\.PKN after \d+ failed attempts/);
  });
});
