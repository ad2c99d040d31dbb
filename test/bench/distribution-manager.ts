// npm run bench:distmgr [-- --size-mb N --targets N --packages N --dps N]
// The Distribution Manager end to end, through the site component as the console drives it: a
// site, its DPs, packages:distribute, the component (inline, as `courier site run` runs it)
// doing the copy. Printed beside work measured in the same run:
//  1. one package of --size-mb (default 256; files from 1 KB to 64 MB, random and text mixed)
//     to --targets DPs (default 8), beside cp -r of the same tree to each one after another;
//  2. --packages small packages (default 200, 3 files each) to --dps DPs (default 20): packages
//     a second, per tenth of the run, to show whether the component's overhead grows with them.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, startComponentRunner, type Core } from '../../core';
import { makeTempDir } from '../helpers/temp-dir';
import { value } from '../helpers/api-result';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a whole number above 0.`);
  return value;
}

const mib = 1024 * 1024;
const sizeMb = argument('size-mb', 256);
const targets = argument('targets', 8);
const packageCount = argument('packages', 200);
const dpCount = argument('dps', 20);


function generate(root: string): number {
  let bytes = 0;
  let i = 0;
  const budget = sizeMb * mib;
  const sizes = [64 * mib, 16 * mib, 4 * mib, mib, 256 * 1024, 64 * 1024, 1024];
  while (bytes < budget) {
    const size = Math.min(sizes[i % sizes.length]!, budget - bytes);
    const folder = join(root, `folder${i % 5}`, `sub${i % 3}`);
    mkdirSync(folder, { recursive: true });
    const content = i % 2 === 0 ? randomBytes(size) : Buffer.alloc(size, `line ${i} of a text file\r\n`);
    writeFileSync(join(folder, `file${i}.bin`), content);
    bytes += size;
    i++;
  }
  return bytes;
}

async function settled(core: Core, packageIds: readonly string[]): Promise<void> {
  for (const packageId of packageIds) {
    for (;;) {
      const status = value(await core.client['packages:status']({ packageId }));
      if (status.distributionPoints.every((row) => row.state === 'installed')) break;
      if (status.distributionPoints.some((row) => row.state === 'installFailed' || row.state === 'installRetrying')) throw new Error(`${packageId} failed: ${JSON.stringify(status.distributionPoints)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function main(): Promise<void> {
  const temp = makeTempDir('courier-bench-distmgr-');
  try {
    console.log(`Distribution Manager end to end on ${cpus().length} cores (load ${loadavg()[0]!.toFixed(2)}).`);
    // ---- 1. one large package to several DPs -------------------------------------------------
    const site = join(temp.path, 'site');
    const core = createCore({ dataDir: site });
    const source = join(temp.path, 'source');
    const bytes = generate(source);
    for (let t = 0; t < targets; t++) {
      const path = join(temp.path, 'dps', `dp${t}`);
      mkdirSync(path, { recursive: true });
      value(await core.client['distribution-points:create']({ name: `DP${t}`, volumes: [{ letter: 'D', path }] }));
    }
    const big = value(await core.client['packages:create']({ name: 'Large', containsSourceFiles: true, sourceDirectory: source })).packageId;
    const cp = performance.now();
    for (let t = 0; t < targets; t++) {
      const result = spawnSync('cp', ['-r', source, join(temp.path, `cp${t}`)], { stdio: 'inherit' });
      if (result.status !== 0) throw new Error('cp -r failed');
    }
    spawnSync('sync');
    const cpMs = performance.now() - cp;
    const runner = startComponentRunner({ dataDir: site, components: [{ name: 'SMS_DISTRIBUTION_MANAGER', thread: 'inline' }] });
    let peak = process.memoryUsage.rss();
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
    const started = performance.now();
    value(await core.client['packages:distribute']({ packageId: big, distributionPoints: Array.from({ length: targets }, (_, t) => `DP${t}`), groups: [] }));
    await settled(core, [big]);
    const courierMs = performance.now() - started;
    clearInterval(sampler);
    const rate = (ms: number) => ((bytes * targets) / mib / (ms / 1000)).toFixed(0);
    console.log(`\n1. ${(bytes / mib).toFixed(0)} MB to ${targets} DPs (the manifest included):`);
    console.log(`   Courier (component)   ${(courierMs / 1000).toFixed(1)} s   ${rate(courierMs)} MB/s   peak RSS ${(peak / mib).toFixed(0)} MB`);
    console.log(`   cp -r ×${targets} + sync      ${(cpMs / 1000).toFixed(1)} s   ${rate(cpMs)} MB/s`);
    console.log(`   ratio (cp time / Courier time): ${(cpMs / courierMs).toFixed(2)}`);

    // ---- 2. many small packages to many DPs -------------------------------------------------
    for (let t = targets; t < dpCount; t++) {
      const path = join(temp.path, 'dps', `dp${t}`);
      mkdirSync(path, { recursive: true });
      value(await core.client['distribution-points:create']({ name: `DP${t}`, volumes: [{ letter: 'D', path }] }));
    }
    const names = Array.from({ length: dpCount }, (_, t) => `DP${t}`);
    const ids: string[] = [];
    for (let p = 0; p < packageCount; p++) {
      const folder = join(temp.path, 'small', `p${p}`);
      mkdirSync(folder, { recursive: true });
      for (const [name, size] of [['setup.exe', 20_000], ['setup.ini', 500], ['readme.txt', 2_000]] as const) writeFileSync(join(folder, name), randomBytes(size));
      ids.push(value(await core.client['packages:create']({ name: `Small ${p}`, containsSourceFiles: true, sourceDirectory: folder })).packageId);
    }
    const tenth = Math.max(1, Math.floor(packageCount / 10));
    const rates: string[] = [];
    const all = performance.now();
    for (let from = 0; from < ids.length; from += tenth) {
      const batch = ids.slice(from, from + tenth);
      const at = performance.now();
      for (const id of batch) value(await core.client['packages:distribute']({ packageId: id, distributionPoints: names, groups: [] }));
      await settled(core, batch);
      rates.push((batch.length / ((performance.now() - at) / 1000)).toFixed(1));
    }
    const allMs = performance.now() - all;
    console.log(`\n2. ${packageCount} packages of 3 files to ${dpCount} DPs each (${packageCount * dpCount} copies):`);
    console.log(`   ${(packageCount / (allMs / 1000)).toFixed(1)} packages/s, ${((packageCount * dpCount) / (allMs / 1000)).toFixed(0)} copies/s`);
    console.log(`   packages/s per tenth of the run: ${rates.join(', ')}`);
    await runner.stop();
    core.close();
  } finally {
    temp.remove();
  }
}

await main();
