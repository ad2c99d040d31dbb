// npm run bench:distribute [-- --size-mb N --dps N --packages N --small-dps N --change-percent P --parts folder,compressed,small]
// The Distribution Manager end to end, as `courier site run` runs it (the component inline in this
// process, a real site, DPs made through distribution-points:create, packages:distribute and
// packages:update-dps), on a generated package of about 1 GiB (distribute-tree.ts), beside the
// shell doing the same work in the same run:
//  1. the package to --dps DPs (default 8), beside `cp -r` of the tree to as many folders one
//     after another, then `sync` (Courier's time includes hashing the source for its manifest);
//  2. --change-percent (default 1) of the bytes changed in the three largest files, the update to
//     the DPs without and then with binary differential replication: bytes that reached the DPs
//     as a share of a full copy, measured on the DPs' volumes (files the update left under new
//     inodes, i.e. not hard-linked from the previous copy) and as the component counted what it
//     sent (2329's bytes: the bytes its writer wrote plus the deltas' sizes);
//  3. the same for the package with "Use a compressed copy of the source directory";
//  4. --packages small packages (default 1000, 3 files each) to --small-dps DPs (default 20):
//     packages a second and the component's CPU a package, per tenth of the run, beside cp -r of
//     the same files to the same folders with a sync of the volume per package.
// --parts runs only some of 1 and 2 (folder), 3 (compressed) and 4 (small); the baselines of
// the parts run are taken all the same. Peak RSS is this process's (the component and its file threads run in it), sampled every 20 ms.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, startComponentRunner, type Core } from '../../core';
import { buildManifest, defaultFileThreads } from '../../core/content/distribution';
import { value } from '../helpers/api-result';
import { makeTempDir } from '../helpers/temp-dir';
import { changeBytes, generateTree } from './distribute-tree';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const given = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(given) || given <= 0) throw new Error(`--${name} takes a number above 0.`);
  return given;
}

const mib = 1024 * 1024;
const sizeMb = argument('size-mb', 1024);
const dpCount = Math.round(argument('dps', 8));
const packageCount = Math.round(argument('packages', 1000));
const smallDpCount = Math.round(argument('small-dps', 20));
const changeShare = argument('change-percent', 1) / 100;
const partsIndex = process.argv.indexOf('--parts');
const parts = new Set(partsIndex >= 0 ? (process.argv[partsIndex + 1] ?? '').split(',') : ['folder', 'compressed', 'small']);
for (const part of parts) if (!['folder', 'compressed', 'small'].includes(part)) throw new Error(`--parts takes folder, compressed and small, separated by commas; not ${part}.`);

const rows: string[][] = [];
/** A row of the table, printed as soon as it is measured too, so a run that fails later keeps it. */
function row(...cells: string[]): void {
  rows.push(cells);
  console.log(cells.filter((cell) => cell !== '').join(' | '));
}
const secs = (ms: number) => (ms / 1000).toFixed(2);
const rate = (bytes: number, ms: number) => (bytes / mib / (ms / 1000)).toFixed(0);
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(2)} %`;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Peak RSS of this process while `run` runs, sampled every 20 ms. */
async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    const result = await run();
    return { value: result, ms: performance.now() - started, peakMb: Math.max(peak, process.memoryUsage.rss()) / mib };
  } finally {
    clearInterval(timer);
  }
}

function shell(command: string, cwd: string): number {
  const started = performance.now();
  const result = spawnSync('bash', ['-c', command], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status})`);
  return performance.now() - started;
}

/** Waits until every DP of the package holds `version`; a failed copy ends the bench. */
async function installed(core: Core, packageIds: readonly string[], version: number): Promise<void> {
  for (const packageId of packageIds) {
    for (;;) {
      const status = value(await core.client['packages:status']({ packageId }));
      if (status.distributionPoints.every((row) => row.state === 'installed' && row.sourceVersion === version)) break;
      const failed = status.distributionPoints.find((row) => row.state === 'installFailed' || row.state === 'installRetrying');
      if (failed) throw new Error(`${packageId} on ${failed.name}: ${failed.lastError}`);
      await sleep(20);
    }
  }
}

/** Every file under `folder` by device and inode, with its size: what a copy left on the volume. */
function filesOn(folder: string, into = new Map<string, number>()): Map<string, number> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) filesOn(path, into);
    else if (entry.isFile()) {
      const seen = statSync(path);
      into.set(`${seen.dev}:${seen.ino}`, seen.size);
    }
  }
  return into;
}

async function main(): Promise<void> {
  const temp = makeTempDir('courier-bench-distribute-');
  try {
    const source = join(temp.path, 'source');
    console.log(`Generating ${sizeMb} MB in 2,000 files under ${source} …`);
    const tree = generateTree(source, sizeMb);
    console.log(`${tree.files} files, ${(tree.bytes / mib).toFixed(0)} MB. ${cpus().length} CPUs, load ${load()}.\n`);
    const loadBefore = load();

    // The manifest alone (the content engine), beside sha256sum reading the same files.
    const sha = shell('find . -type f -print0 | sort -z | xargs -0 sha256sum > /dev/null', source);
    const manifestRun = await measured(() => buildManifest(source));
    row(`manifest alone (buildManifest, ${defaultFileThreads()} hash threads)`, secs(manifestRun.ms), rate(tree.bytes, manifestRun.ms), `${manifestRun.peakMb.toFixed(0)} MB`, '');
    row('  baseline: find | xargs sha256sum', secs(sha), rate(tree.bytes, sha), '', '');

    // The baseline copy: cp -r to each folder one after another, then sync; then it is deleted.
    const cpTargets = Array.from({ length: dpCount }, (_, i) => join(temp.path, 'cp', `dp${i}`));
    const cpMs = shell(cpTargets.map((target) => `mkdir -p '${target}' && cp -r source '${target}/pkg'`).join(' && '), temp.path);
    const cpSyncMs = cpMs + shell('sync', temp.path);
    rmSync(join(temp.path, 'cp'), { recursive: true, force: true });
    shell('sync', temp.path);
    const copied = tree.bytes * dpCount;

    const site = join(temp.path, 'site');
    const core = createCore({ dataDir: site });
    const dpNames: string[] = [];
    for (let i = 0; i < Math.max(dpCount, smallDpCount); i++) {
      const path = join(temp.path, 'dps', `dp${i}`);
      mkdirSync(path, { recursive: true });
      dpNames.push(value(await core.client['distribution-points:create']({ name: `DP${i}`, volumes: [{ letter: 'D', path }] })).name);
    }
    const bigDps = dpNames.slice(0, dpCount);
    // Every DP of a package at once, as an admin who wants the copy done soonest sets Maximum
    // threads per package (default 5: 8 DPs would go in two batches, reading the source twice).
    value(await core.client['components:set']({ component: 'distmgr', changes: { threadsPerPackage: Math.max(dpCount, smallDpCount) } }));
    const runner = startComponentRunner({ dataDir: site, components: [{ name: 'SMS_DISTRIBUTION_MANAGER', thread: 'inline' }] });
    let variant = 1;

    /** What an update of the package put on its DPs: new data on the volumes, and what the component says it sent. */
    const update = async (packageId: string): Promise<{ ms: number; onDisk: number; sent: number; full: number; peakMb: number }> => {
      const folders = bigDps.map((_, i) => join(temp.path, 'dps', `dp${i}`, 'SMSPKGD$', packageId));
      const before = new Map<string, number>();
      for (const folder of folders) filesOn(folder, before);
      const mark = value(await core.client['status:messages']({ packageId, limit: 1 })).messages[0]?.recordId ?? 0;
      const run = await measured(async () => {
        value(await core.client['packages:update-dps']({ packageId }));
        await installed(core, [packageId], value(await core.client['packages:get']({ packageId })).sourceVersion);
      });
      let onDisk = 0;
      const after = new Map<string, number>();
      for (const folder of folders) filesOn(folder, after);
      for (const [inode, size] of after) if (!before.has(inode)) onDisk += size;
      const messages = value(await core.client['status:messages']({ packageId, limit: 1000 })).messages;
      const sent = messages.filter((m) => m.recordId > mark && m.messageId === 2329).reduce((sum, m) => sum + Number(m.insertionStrings[3]), 0);
      const status = value(await core.client['packages:status']({ packageId }));
      const full = status.distributionPoints.reduce((sum, row) => sum + (row.bytes ?? 0), 0);
      return { ms: run.ms, onDisk, sent, full, peakMb: run.peakMb };
    };

    for (const compressed of [false, true].filter((c) => parts.has(c ? 'compressed' : 'folder'))) {
      const kind = compressed ? 'compressed package' : 'package';
      const packageId = value(
        await core.client['packages:create']({ name: compressed ? 'Large (compressed)' : 'Large', containsSourceFiles: true, sourceDirectory: source, ...(compressed ? { sourceOption: 'compressed' as const } : {}) }),
      ).packageId;
      const asked = Date.now();
      const first = await measured(async () => {
        value(await core.client['packages:distribute']({ packageId, distributionPoints: bigDps, groups: [] }));
        await installed(core, [packageId], 1);
      });
      // When the compressed package was ready (2311), from the component's own status message.
      const built = value(await core.client['status:messages']({ packageId, limit: 1000 })).messages.find((m) => m.messageId === 2311);
      const archiveNote = built ? `; archive built in the first ${secs(Date.parse(built.time) - asked)} s` : '';
      row(`${kind} to ${dpCount} DPs through the component`, secs(first.ms), rate(copied, first.ms), `${first.peakMb.toFixed(0)} MB`, `${(cpSyncMs / first.ms).toFixed(2)} × cp -r + sync${archiveNote}`);
      if (!compressed || !parts.has('folder')) {
        row(`  baseline: cp -r to ${dpCount} folders one after another, then sync`, secs(cpSyncMs), rate(copied, cpSyncMs), '', '');
        row('  baseline: cp -r alone (data left in the page cache)', secs(cpMs), rate(copied, cpMs), '', '');
      }
      const changed = changeBytes(tree.largest.slice(0, 3), tree.bytes, changeShare, variant++);
      const plain = await update(packageId);
      row(`  update, ${percent(changed, tree.bytes)} changed in 3 files, no delta replication`, secs(plain.ms), '', `${plain.peakMb.toFixed(0)} MB`, `on DPs ${percent(plain.onDisk, plain.full)}, sent ${percent(plain.sent, plain.full)}`);
      // Delta replication needs the DPs' version signed: one pass over the same content signs it.
      value(await core.client['packages:update']({ packageId, changes: { binaryDifferentialReplication: true } }));
      const signing = await update(packageId);
      row('  delta replication turned on: the same content again, signed', secs(signing.ms), '', `${signing.peakMb.toFixed(0)} MB`, `on DPs ${percent(signing.onDisk, signing.full)}, sent ${percent(signing.sent, signing.full)}`);
      const changedAgain = changeBytes(tree.largest.slice(0, 3), tree.bytes, changeShare, variant++);
      const delta = await update(packageId);
      row(`  update, ${percent(changedAgain, tree.bytes)} changed, with delta replication`, secs(delta.ms), '', `${delta.peakMb.toFixed(0)} MB`, `on DPs ${percent(delta.onDisk, delta.full)}, sent ${percent(delta.sent, delta.full)}`);
    }

    const perTenth: string[] = [];
    const cpuPerTenth: string[] = [];
    // Many small packages to many DPs: the component's fixed cost a package.
    if (parts.has('small')) {
      const smallDps = dpNames.slice(0, smallDpCount);
      const ids: string[] = [];
      for (let p = 0; p < packageCount; p++) {
        const folder = join(temp.path, 'small', `p${p}`);
        mkdirSync(folder, { recursive: true });
        for (const [name, size] of [['setup.exe', 20_000], ['setup.ini', 500], ['readme.txt', 2_000]] as const) writeFileSync(join(folder, name), Buffer.alloc(size, `${p} ${name}`));
        ids.push(value(await core.client['packages:create']({ name: `Small ${p}`, containsSourceFiles: true, sourceDirectory: folder })).packageId);
      }
      const baselineCount = Math.min(50, packageCount);
      const cpSmall = shell(
        `set -e; for p in $(seq 0 ${baselineCount - 1}); do for d in $(seq 0 ${smallDpCount - 1}); do mkdir -p cp-small/dp$d; cp -r small/p$p cp-small/dp$d/p$p; done; sync --file-system cp-small/dp0; done`,
        temp.path,
      );
      const tenth = Math.max(1, Math.floor(packageCount / 10));
      const all = performance.now();
      for (let from = 0; from < ids.length; from += tenth) {
        const batch = ids.slice(from, from + tenth);
        const at = performance.now();
        const cpu = process.cpuUsage();
        for (const id of batch) value(await core.client['packages:distribute']({ packageId: id, distributionPoints: smallDps, groups: [] }));
        await installed(core, batch, 1);
        const used = process.cpuUsage(cpu);
        perTenth.push((batch.length / ((performance.now() - at) / 1000)).toFixed(1));
        cpuPerTenth.push(((used.user + used.system) / 1000 / batch.length).toFixed(0));
        console.log(`  packages ${from + 1} to ${from + batch.length}: ${perTenth.at(-1)} packages/s, ${cpuPerTenth.at(-1)} ms CPU a package`);
      }
      const allMs = performance.now() - all;
      row(`${packageCount} packages of 3 files to ${smallDpCount} DPs each`, secs(allMs), '', '', `${(packageCount / (allMs / 1000)).toFixed(1)} packages/s, ${((packageCount * smallDpCount) / (allMs / 1000)).toFixed(0)} copies/s`);
      row(`  baseline: cp -r to the ${smallDpCount} folders, then sync --file-system, ${baselineCount} packages`, secs(cpSmall), '', '', `${(baselineCount / (cpSmall / 1000)).toFixed(1)} packages/s`);
    }
    await runner.stop();
    core.close();

    const header = ['', 's', 'MB/s', 'peak RSS', ''];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (r: string[]) => r.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    if (parts.has('small')) {
      console.log(`\nsmall packages, packages/s per tenth of the run: ${perTenth.join(', ')}`);
      console.log(`small packages, CPU ms of this process a package per tenth: ${cpuPerTenth.join(', ')}`);
    }
    console.log(`manifest / sha256sum: ${(sha / manifestRun.ms).toFixed(2)} × as fast. Load before ${loadBefore}, after ${load()}; peak RSS of the whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.`);
  } finally {
    temp.remove();
  }
}

await main();
