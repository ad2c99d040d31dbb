// Shared by the deployment tests: a site with sources, DPs and resources, and everything it holds.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DeploymentPlanInput } from '../../core/api';
import { createCoreWithServices, type Core, type CoreServices } from '../../core/core';
import { openDatabase } from '../../core/db/connection';
import { value } from './api-result';
import { writeTree } from './content-tree';
import { makeTempDir } from './temp-dir';

/** One clock for every site of a test: records made at the same moment compare equal, stamps and IDs included. */
export const testClock = () => new Date('2026-12-02T08:00:00Z');

export interface TestSite {
  readonly dataDir: string;
  readonly core: Core;
  readonly services: CoreServices;
  /** PC01, PC02, PC03. */
  readonly resources: readonly number[];
}

/**
 * The source folder and the DP volumes live in `shared`, so that two sites made from them hold
 * the same paths; each site has its own database and SMS folder under `shared/name`.
 */
export async function openTestSite(shared: string, name: string): Promise<TestSite> {
  const dataDir = join(shared, name, 'site');
  const { core, services } = createCoreWithServices({ dataDir, now: testClock });
  for (const dp of ['DP01', 'DP02', 'DP03']) {
    const path = join(shared, 'volumes', dp);
    mkdirSync(path, { recursive: true });
    value(await core.client['distribution-points:create']({ name: dp, volumes: [{ letter: 'D', path }] }));
  }
  value(await core.client['dp-groups:create']({ name: 'West', members: ['DP02', 'DP03'] }));
  const resources: number[] = [];
  for (const pc of ['PC01', 'PC02', 'PC03']) resources.push(value(await core.client['resources:create']({ resourceType: 'system', name: pc })).resourceId);
  return { dataDir, core, services, resources };
}

/** A package source of two files, 1,000 and 24 bytes. */
export function writeSource(shared: string): string {
  const source = join(shared, 'source');
  writeTree(source, { 'setup.exe': Buffer.alloc(1000), 'Data/readme.txt': 'read me before you run.\n' });
  return source;
}

// Columns that differ between two connections whatever they write: who wrote an event.
const perConnection: Readonly<Record<string, readonly string[]>> = { events: ['origin'] };

// The built-in collections are stamped by the site's creation, on the real clock, not the test's.
const realClockStamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g;
const testStamp = testClock().toISOString();

function rowsOf(db: ReturnType<typeof openDatabase>, table: string): string[] {
  const drop = perConnection[table] ?? [];
  return (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
    .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([key]) => !drop.includes(key)))))
    .map((text) => text.replace(realClockStamp, (stamp) => (stamp === testStamp ? stamp : '(the real clock)')))
    .sort();
}

function filesUnder(root: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(root)) return out;
  for (const name of readdirSync(root).sort()) {
    const path = join(root, name);
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(path).isDirectory()) Object.assign(out, filesUnder(path, rel));
    else out[rel] = readFileSync(path, 'utf8');
  }
  return out;
}

/**
 * Everything a site holds, read as another process would: every row of every table (ID
 * counters, outbox, events and status messages included) and every file under SMS (the
 * inboxes' wake-up files and the logs).
 */
export function siteContents(dataDir: string): { tables: Record<string, string[]>; files: Record<string, string> } {
  const db = openDatabase(join(dataDir, 'courier.db'));
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    const tables = Object.fromEntries(names.map((name) => [name, rowsOf(db, name)]));
    return { tables, files: filesUnder(join(dataDir, 'SMS')) };
  } finally {
    db.close();
  }
}

/** One site (`openTestSite`) and its package source, in a folder of its own named from `prefix`. */
export interface OneTestSite {
  readonly site: TestSite;
  /** The package source `writeSource` wrote. */
  readonly source: string;
  /** Closes the site and removes the folder. */
  readonly close: () => void;
}

export async function openOneTestSite(prefix: string): Promise<OneTestSite> {
  const temp = makeTempDir(prefix);
  const source = writeSource(temp.path);
  const site = await openTestSite(temp.path, 'one');
  return {
    site,
    source,
    close: () => {
      site.core.close();
      temp.remove();
    },
  };
}

/** A new package and program from `source`, to DP01 and the group West, advertised to a new collection of PC01 and PC02 with one assigned time. */
export function pickedPlan(site: TestSite, source: string): DeploymentPlanInput {
  return {
    package: { kind: 'new', package: { name: 'Contoso Tool', version: '1.0', containsSourceFiles: true, sourceDirectory: source } },
    program: { kind: 'new', program: { name: 'Install', commandLine: 'setup.exe /s' } },
    distributionPoints: ['DP01'],
    groups: ['West'],
    advertisement: {
      target: { kind: 'newCollection', collection: { name: 'Picked', rules: site.resources.slice(0, 2).map((resourceId) => ({ kind: 'direct' as const, resourceId })) } },
      advertisementName: 'Contoso Tool to picked',
      assignedTime: '2026-12-05T20:00',
    },
  };
}
