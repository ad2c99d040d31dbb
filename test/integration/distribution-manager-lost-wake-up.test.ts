import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { distributionManagerName } from '../../core/components/distmgr';
import { openDatabase } from '../../core/db/connection';
import { OutboxRepository } from '../../core/db/repositories/outbox-repository';
import { writeTree } from '../helpers/content-tree';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';
import { value } from '../helpers/api-result';

// A process killed after a change committed and before its <PackageID>.PKN was written: the
// change is still distributed when the site comes back, from the outbox row committed with it,
// and, when that is gone too, from the component's reconcile of package_dps.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
const site = () => join(temp.path, 'site');
const source = () => join(temp.path, 'source');
const volumeD = () => join(temp.path, 'volumes', 'dp01-d');


function distributeThenDie(packageId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/distribute-then-die.ts', site(), packageId, 'DP01'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the child ended with ${code}: ${stderr}`))));
  });
}

async function setUp(): Promise<string> {
  writeTree(source(), { 'setup.exe': 'the installer', 'Data/readme.txt': 'read me' });
  writeTree(volumeD(), {});
  value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: volumeD() }] }));
  const packageId = value(await core.client['packages:create']({ name: 'Lost', containsSourceFiles: true, sourceDirectory: source() })).packageId;
  // The package's creation woke Distribution Manager too: let a site take that wake-up and stop.
  const first = startComponentRunner({ dataDir: site(), components: [{ name: distributionManagerName, thread: 'inline' }], leaseMs: 2_000 });
  await expect.poll(() => wakeUpsOf(packageId), { timeout: 30_000, interval: 50 }).toEqual([]);
  await first.stop();
  return packageId;
}

const inbox = () => join(site(), 'SMS', 'Inboxes', 'Distmgr.box');
function wakeUpsOf(packageId: string): string[] {
  const db = openDatabase(join(site(), 'courier.db'));
  try {
    const rows = new OutboxRepository(db).pending('Distmgr.box').map((entry) => `outbox ${entry.fileName}`);
    const files = readdirSync(inbox()).filter((name) => name.toUpperCase().startsWith(packageId));
    return [...rows, ...files];
  } finally {
    db.close();
  }
}

async function killedAfterCommit(packageId: string): Promise<void> {
  await distributeThenDie(packageId);
  const rows = value(await core.client['packages:status']({ packageId })).distributionPoints;
  expect(rows.map((row) => `${row.name} ${row.state}`)).toEqual(['DP01 installPending']);
  expect(wakeUpsOf(packageId)).toEqual([`outbox ${packageId}.PKN`]);
}

async function installedByARestartedSite(packageId: string): Promise<void> {
  runner = startComponentRunner({ dataDir: site(), components: [{ name: distributionManagerName, thread: 'inline' }], leaseMs: 2_000 });
  await expect
    .poll(async () => value(await core.client['packages:status']({ packageId })).distributionPoints.map((row) => row.state), { timeout: 30_000, interval: 50 })
    .toEqual(['installed']);
  const folder = join(volumeD(), 'SMSPKGD$', packageId);
  const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  expect(digest(join(folder, 'setup.exe'))).toBe(digest(join(source(), 'setup.exe')));
  expect(existsSync(join(folder, 'Data', 'readme.txt'))).toBe(true);
}

beforeEach(() => {
  temp = makeTempDir('courier-lost-wake-');
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  temp.remove();
});

describe('a kill between a change’s commit and its wake-up file', { timeout: 60_000 }, () => {
  it('still gets the package distributed: the outbox row committed with the change writes the file', async () => {
    const packageId = await setUp();
    await killedAfterCommit(packageId);
    await installedByARestartedSite(packageId);
  });

  it('still gets it distributed with the outbox row gone too: the component reconciles from package_dps', async () => {
    const packageId = await setUp();
    await killedAfterCommit(packageId);
    // The signal lost as well (taken and dropped, as a file deleted by hand would be): only the row says what is wanted.
    const db = openDatabase(join(site(), 'courier.db'));
    try {
      const outbox = new OutboxRepository(db);
      const entry = outbox.claim('Distmgr.box', 'lost', new Date().toISOString(), Date.now());
      expect(entry?.fileName).toBe(`${packageId}.PKN`);
      expect(outbox.complete(entry!.id, 'lost')).toBe(true);
    } finally {
      db.close();
    }
    expect(wakeUpsOf(packageId)).toEqual([]);
    await installedByARestartedSite(packageId);
  });
});
