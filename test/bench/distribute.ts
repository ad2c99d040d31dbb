// npm run bench:distribute [-- --size-mb N --targets N --threads N --fan-out clone|write]
// The content engine on a generated package of about 1 GiB (2,000 files from 1 KB to 200 MB,
// random and compressible mixed, nested folders; --size-mb scales it), beside the shell tools
// doing the same work in the same run: the manifest beside sha256sum of the tree, the copy to 8
// distribution point folders beside cp -r to each one after another (with and without a final
// sync, since the engine syncs every file), and the compressed package beside tar | zstd -1 and
// tar | gzip -1. Peak RSS is sampled while each step runs. Caches are warm for every row alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildManifest, buildPackageArchive, distributePackage, folderSource, openPackageArchive, type ContentManifest, type PackageTarget } from '../../core/content/distribution';
import { makeTempDir } from '../helpers/temp-dir';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number.`);
  return value;
}

const sizeMb = argument('size-mb', 1024);
const targetCount = argument('targets', 8);
const threads = argument('threads', 2);
const fanOutIndex = process.argv.indexOf('--fan-out');
const fanOut = fanOutIndex >= 0 ? (process.argv[fanOutIndex + 1] as 'clone' | 'write') : 'clone';
const mib = 1024 * 1024;
const work = makeTempDir('courier-bench-distribute-');
const source = join(work.path, 'source');

/** 2,000 sizes adding up to about 1 GiB at full scale: one of 200 MB, a few tens of MB, many small. */
function sizes(): number[] {
  const scale = sizeMb / 1024;
  const groups: [number, number][] = [
    [1, 200 * mib],
    [4, 50 * mib],
    [10, 20 * mib],
    [30, 5 * mib],
    [155, 1 * mib],
  ];
  const out: number[] = [];
  for (const [count, size] of groups) for (let i = 0; i < count; i++) out.push(size);
  // 1,800 small files from 1 KB to about 100 KB.
  for (let i = 0; i < 1800; i++) out.push(1024 + ((i * 7919) % 100) * 1024);
  return out.map((size) => Math.max(1024, Math.round(size * scale)));
}

const textLine = Buffer.from('[Setup]\r\nProductCode={8A3B0A2C-0000-4000-8000-00000000%s}\r\nInstallDir=C:\\Program Files\\Contoso\\%s\r\n');

/** Half the files random (cabinets, media), half text that compresses about 10:1. */
function contentOf(index: number, size: number): Buffer {
  if (index % 2 === 0) return randomBytes(size);
  const out = Buffer.alloc(size);
  let at = 0;
  let n = index;
  while (at < size) {
    const line = textLine.toString('latin1').replace(/%s/gu, () => String((n = (n * 1103515245 + 12345) % 2147483648) % 100000));
    at += out.write(line, at, 'latin1');
  }
  return out;
}

function generate(): { files: number; bytes: number } {
  let bytes = 0;
  const list = sizes();
  list.forEach((size, i) => {
    const folder = join(source, `Folder ${i % 20}`, `sub${i % 7}`);
    mkdirSync(folder, { recursive: true });
    // Large files are written in pieces so generating them does not hold them whole.
    const path = join(folder, `file${i}.${i % 2 === 0 ? 'cab' : 'ini'}`);
    if (size <= 8 * mib) writeFileSync(path, contentOf(i, size));
    else {
      writeFileSync(path, '');
      for (let done = 0; done < size; done += 8 * mib) writeFileSync(path, contentOf(i, Math.min(8 * mib, size - done)), { flag: 'a' });
    }
    bytes += size;
  });
  return { files: list.length, bytes };
}

/** Peak RSS of this process while `run` runs, sampled every 20 ms. */
async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    const value = await run();
    return { value, ms: performance.now() - started, peakRssMb: Math.max(peak, process.memoryUsage.rss()) / mib };
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

function has(tool: string): boolean {
  return spawnSync('bash', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

const rows: string[][] = [];
const mbps = (bytes: number, ms: number) => (bytes / mib / (ms / 1000)).toFixed(0);
const secs = (ms: number) => (ms / 1000).toFixed(2);

try {
  console.log(`Generating ${sizeMb} MB in 2,000 files under ${source} …`);
  const generated = generate();
  const totalMb = generated.bytes / mib;
  console.log(`${generated.files} files, ${totalMb.toFixed(0)} MB. ${cpus().length} CPUs, load ${loadavg().map((n) => n.toFixed(2)).join(' ')}.\n`);

  // The manifest, beside sha256sum reading the same files.
  const sha = shell("find . -type f -print0 | sort -z | xargs -0 sha256sum > /dev/null", source);
  const manifestRun = await measured(() => buildManifest(source));
  const manifest: ContentManifest = manifestRun.value;
  rows.push(['manifest (buildManifest, 2 hash threads)', secs(manifestRun.ms), mbps(generated.bytes, manifestRun.ms), `${manifestRun.peakRssMb.toFixed(0)} MB`]);
  rows.push(['  find | xargs sha256sum', secs(sha), mbps(generated.bytes, sha), '']);

  // The copy to N distribution point folders.
  const targets: PackageTarget[] = Array.from({ length: targetCount }, (_, i) => ({ root: join(work.path, `dp${i}`, 'SMSPKGD$'), folder: 'CRS00001' }));
  const clean = () => {
    for (let i = 0; i < targetCount; i++) rmSync(join(work.path, `dp${i}`), { recursive: true, force: true });
    execFileSync('sync');
  };
  clean();
  const cpCommand = targets.map((t) => `mkdir -p '${t.root}' && cp -r source '${join(t.root, t.folder)}'`).join(' && ');
  const cpPlain = shell(cpCommand, work.path);
  const syncAfter = shell('sync', work.path);
  clean();
  const copyRun = await measured(() => distributePackage({ packageId: 'CRS00001', version: 1, manifest, source: folderSource(source), targets, threads, fanOut }));
  const failed = copyRun.value.filter((r) => r.error !== null);
  if (failed.length > 0) throw failed[0]!.error!;
  const copied = generated.bytes * targetCount;
  rows.push([`copy to ${targetCount} DPs (distributePackage, ${threads} threads, ${fanOut}, synced)`, secs(copyRun.ms), mbps(copied, copyRun.ms), `${copyRun.peakRssMb.toFixed(0)} MB`]);
  rows.push([`  cp -r to ${targetCount} folders one after another, then sync`, secs(cpPlain + syncAfter), mbps(copied, cpPlain + syncAfter), '']);
  rows.push([`  cp -r alone (data left in the page cache)`, secs(cpPlain), mbps(copied, cpPlain), '']);

  // An update: 20 files changed; the rest are hard-linked from each DP's current copy.
  const changed = manifest.files.filter((_, i) => i % 100 === 0);
  for (const file of changed) writeFileSync(join(source, ...file.path.split('/')), contentOf(1, Math.min(file.size, 64 * 1024)));
  const manifest2 = await buildManifest(source);
  const updateRun = await measured(() => distributePackage({ packageId: 'CRS00001', version: 2, manifest: manifest2, source: folderSource(source), targets, threads }));
  const linked = updateRun.value[0]!.linkedFiles;
  rows.push([`update to ${targetCount} DPs: ${changed.length} files changed, ${linked} linked`, secs(updateRun.ms), '', `${updateRun.peakRssMb.toFixed(0)} MB`]);
  clean();

  // The compressed package, beside tar | zstd -1 and tar | gzip -1.
  const pkg = join(work.path, 'CRS00001.pkg');
  const archiveRun = await measured(() => buildPackageArchive({ path: pkg, packageId: 'CRS00001', version: 2, manifest: manifest2, source: folderSource(source) }));
  const ratio = (bytes: number) => `${((bytes / generated.bytes) * 100).toFixed(1)} %`;
  rows.push(['compressed package (Brotli q1 blocks, stored when no gain)', secs(archiveRun.ms), mbps(generated.bytes, archiveRun.ms), `${archiveRun.peakRssMb.toFixed(0)} MB`, ratio(archiveRun.value.bytes)]);
  for (const [label, tool, command] of [
    ['  tar | zstd -1', 'zstd', 'tar -cf - source | zstd -1 -q -T1 > tree.tar.zst'],
    ['  tar | gzip -1', 'gzip', 'tar -cf - source | gzip -1 > tree.tar.gz'],
  ] as const) {
    if (!has(tool)) continue;
    const ms = shell(command, work.path);
    const out = join(work.path, tool === 'zstd' ? 'tree.tar.zst' : 'tree.tar.gz');
    rows.push([label, secs(ms), mbps(generated.bytes, ms), '', ratio(statSync(out).size)]);
    rmSync(out);
  }

  // Copying to the DPs from the compressed package: each file decoded once for all targets.
  const archive = await openPackageArchive(pkg);
  const fromPackage = await measured(() => distributePackage({ packageId: 'CRS00001', version: 2, manifest: archive.manifest, source: archive.source, targets, threads }));
  await archive.close();
  rows.push([`copy to ${targetCount} DPs from the compressed package`, secs(fromPackage.ms), mbps(copied, fromPackage.ms), `${fromPackage.peakRssMb.toFixed(0)} MB`]);

  const header = ['', 's', 'MB/s', 'peak RSS', 'size'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : (cell ?? '').padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const ratioToCp = (cpPlain + syncAfter) / copyRun.ms;
  console.log(`\ncopy throughput / cp -r + sync: ${ratioToCp.toFixed(2)} (aim ≥ 0.9); / cp -r alone: ${(cpPlain / copyRun.ms).toFixed(2)}`);
  console.log(`manifest / sha256sum: ${(sha / manifestRun.ms).toFixed(2)}× as fast; load after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
} finally {
  work.remove();
}
