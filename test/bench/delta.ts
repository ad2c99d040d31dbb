// npm run bench:delta [-- --size-mb N --files N --percent P --chunks-kib MIN,AVG,MAX]
// Binary differential replication on a few large files: the old versions are signed, 1% of their
// bytes are changed (in-place edits, an insertion that shifts what follows, a deletion), the
// deltas are planned and applied. Each step is printed beside a baseline run in the same process
// on the same files: signing beside `sha256sum`, applying beside `cp`. A second change, the same
// share of bytes in 4 KiB edits scattered over the file, shows where chunk-level deltas stop paying.
import { spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chunkLengths, chunkLengthsInJavaScript } from '../../core/content/delta/chunker';
import { applyDelta, chunkingProblem, defaultChunking, readSignature, writeDelta, writeSignature, type ChunkingParameters } from '../../core/content/delta';
import { makeTempDir } from '../helpers/temp-dir';
import { seededRandom } from '../helpers/seeded-random';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number.`);
  return value;
}

const sizeMb = argument('size-mb', 200);
const fileCount = Math.round(argument('files', 3));
const percent = argument('percent', 1);
const size = Math.round(sizeMb * 1024 * 1024);
const chunksIndex = process.argv.indexOf('--chunks-kib');
const chunking: ChunkingParameters =
  chunksIndex < 0
    ? defaultChunking
    : (() => {
        const [min, avg, max] = (process.argv[chunksIndex + 1] ?? '').split(',').map((n) => Number(n) * 1024);
        const given = { min: min ?? NaN, avg: avg ?? NaN, max: max ?? NaN };
        const problem = chunkingProblem(given);
        if (problem !== null) throw new Error(`--chunks-kib MIN,AVG,MAX: ${problem}.`);
        return given;
      })();
const random = seededRandom(2007);
const folder = makeTempDir('courier-bench-delta-');
const block = new Uint8Array(4 * 1024 * 1024);

interface Edit {
  readonly at: number;
  readonly kind: 'overwrite' | 'insert' | 'delete';
  readonly length: number;
}

async function writeRandomFile(path: string, length: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for (let done = 0; done < length; ) {
      const n = Math.min(block.length, length - done);
      randomFillSync(block, 0, n);
      await handle.write(block, 0, n);
      done += n;
    }
  } finally {
    await handle.close();
  }
}

/** Writes `oldPath` with `edits` (sorted, apart) applied to `newPath`, streaming. */
async function writeEdited(oldPath: string, newPath: string, edits: readonly Edit[]): Promise<void> {
  const source = await open(oldPath, 'r');
  const target = await open(newPath, 'w');
  const copy = async (from: number, to: number): Promise<void> => {
    for (let at = from; at < to; ) {
      const { bytesRead } = await source.read(block, 0, Math.min(block.length, to - at), at);
      await target.write(block, 0, bytesRead);
      at += bytesRead;
    }
  };
  const fresh = async (length: number): Promise<void> => {
    for (let done = 0; done < length; ) {
      const n = Math.min(block.length, length - done);
      randomFillSync(block, 0, n);
      await target.write(block, 0, n);
      done += n;
    }
  };
  try {
    let position = 0;
    for (const edit of edits) {
      await copy(position, edit.at);
      position = edit.at;
      if (edit.kind !== 'delete') await fresh(edit.length);
      if (edit.kind !== 'insert') position += edit.length;
    }
    await copy(position, size);
  } finally {
    await source.close();
    await target.close();
  }
}

/** `percent` of the bytes in ten edits, one in each tenth of the file: eight overwrites, an insertion, a deletion. */
function spreadEdits(): Edit[] {
  const budget = Math.round((size * percent) / 100);
  const kinds: Edit['kind'][] = ['overwrite', 'overwrite', 'overwrite', 'overwrite', 'insert', 'overwrite', 'overwrite', 'delete', 'overwrite', 'overwrite'];
  const share = { overwrite: (0.7 * budget) / 8, insert: 0.15 * budget, delete: 0.15 * budget };
  const tenth = size / 10;
  return kinds.map((kind, i) => {
    const length = Math.max(1, Math.round(share[kind]));
    return { kind, length, at: Math.floor(i * tenth + random.int(Math.max(1, tenth - length))) };
  });
}

/** The same share of bytes overwritten in 4 KiB edits, one in each stretch of equal size. */
function scatteredEdits(): Edit[] {
  const length = 4096;
  const count = Math.max(1, Math.round((size * percent) / 100 / length));
  const stretch = size / count;
  return Array.from({ length: count }, (_, i) => ({ kind: 'overwrite' as const, length, at: Math.floor(i * stretch + random.int(Math.max(1, stretch - length))) }));
}

/** Wall time and CPU time (user + system), in ms: on a shared machine the CPU time is the steadier figure. */
interface Timing {
  ms: number;
  cpuMs: number;
}

const cpuMsNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timed<T>(run: () => T): { value: T } & Timing {
  const started = performance.now();
  const cpu = cpuMsNow();
  const value = run();
  return { value, ms: performance.now() - started, cpuMs: cpuMsNow() - cpu };
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T } & Timing> {
  const started = performance.now();
  const cpu = cpuMsNow();
  const value = await run();
  return { value, ms: performance.now() - started, cpuMs: cpuMsNow() - cpu };
}

/** Runs a shell command line, timing it; its CPU time comes from the shell's `times` (its children's user and system time). */
function command(line: string): Timing {
  const started = performance.now();
  const run = spawnSync('bash', ['-c', `${line} >/dev/null && times`], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${line} failed: ${run.stderr}`);
  const children = run.stdout.trim().split('\n').at(-1)!.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  if (!children) throw new Error(`no times from: ${run.stdout}`);
  const cpuMs = (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000;
  return { ms, cpuMs };
}

const add = (a: Timing, b: Timing): Timing => ({ ms: a.ms + b.ms, cpuMs: a.cpuMs + b.cpuMs });
const zero = (): Timing => ({ ms: 0, cpuMs: 0 });
const rate = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
const mbps = (bytes: number, t: Timing): string => `${rate(bytes, t.ms).padStart(10)}  ${rate(bytes, t.cpuMs).padStart(10)}`;
const times = (baseline: Timing, ours: Timing): string => `${(baseline.ms / ours.ms).toFixed(2)} × / ${(baseline.cpuMs / ours.cpuMs).toFixed(2)} ×`;
const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(2)}%`;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

try {
  const files = Array.from({ length: fileCount }, (_, i) => ({
    old: join(folder.path, `old-${i}.bin`),
    spread: join(folder.path, `new-${i}.bin`),
    scattered: join(folder.path, `scattered-${i}.bin`),
    signature: join(folder.path, `old-${i}.sig`),
  }));
  for (const file of files) {
    await writeRandomFile(file.old, size);
    await writeEdited(file.old, file.spread, spreadEdits());
    await writeEdited(file.old, file.scattered, scatteredEdits());
  }
  const total = size * fileCount;
  const rssBefore = process.memoryUsage().rss;
  const quoted = (paths: readonly string[]): string => paths.map((path) => `'${path}'`).join(' ');

  // Signing, beside sha256sum of the same files (both read them from the page cache).
  const sha256sum = command(`sha256sum ${quoted(files.map((f) => f.old))}`);
  // And Node's own SHA-256 (OpenSSL, with the CPU's SHA extensions where it has them), the floor of any read that hashes.
  const nodeSha256 = await timedAsync(async () => {
    for (const file of files) {
      const hash = createHash('sha256');
      const handle = await open(file.old, 'r');
      try {
        for (let at = 0; ; ) {
          const { bytesRead } = await handle.read(block, 0, block.length, at);
          if (bytesRead === 0) break;
          hash.update(block.subarray(0, bytesRead));
          at += bytesRead;
        }
      } finally {
        await handle.close();
      }
      hash.digest();
    }
  });
  const signing = await timedAsync(async () => {
    for (const file of files) await writeSignature(file.old, file.signature, chunking);
  });

  // Planning and applying the deltas, beside cp (a copy inside the kernel) and dd (a copy through a 4 MiB buffer) of the same files.
  let deltaBytes = 0;
  let literalBytes = 0;
  let newBytes = 0;
  let plan = zero();
  let apply = zero();
  let cp = zero();
  let dd = zero();
  for (const [i, file] of files.entries()) {
    const deltaPath = join(folder.path, `delta-${i}`);
    const planned = await timedAsync(async () => writeDelta(await readSignature(file.signature), file.spread, deltaPath, { newSignaturePath: join(folder.path, `new-${i}.sig`) }));
    plan = add(plan, planned);
    deltaBytes += planned.value.deltaBytes;
    literalBytes += planned.value.literalBytes;
    newBytes += planned.value.newSize;
    const patchedPath = join(folder.path, `patched-${i}.bin`);
    const applied = await timedAsync(() => applyDelta(file.old, deltaPath, patchedPath));
    apply = add(apply, applied);
    if (!applied.value.sha256.equals(planned.value.newSha256)) throw new Error(`patched file ${i} differs from the new version`);
    await rm(patchedPath);
    const copyPath = join(folder.path, `copy-${i}.bin`);
    cp = add(cp, command(`cp '${file.old}' '${copyPath}'`));
    await rm(copyPath);
    dd = add(dd, command(`dd if='${file.old}' of='${copyPath}' bs=4M status=none`));
    await rm(copyPath);
  }

  let scatteredDelta = 0;
  let scatteredNew = 0;
  for (const [i, file] of files.entries()) {
    const planned = await writeDelta(await readSignature(file.signature), file.scattered, join(folder.path, `scattered-${i}.delta`));
    scatteredDelta += planned.deltaBytes;
    scatteredNew += planned.newSize;
  }
  const signatureBytes = (await Promise.all(files.map((f) => stat(f.signature)))).reduce((sum, s) => sum + s.size, 0);
  const peak = process.resourceUsage().maxRSS * 1024;

  // Last, as it holds its data in memory (which would count in the peak above).
  const memory = new Uint8Array(64 * 1024 * 1024);
  randomFillSync(memory);
  const boundaries = timed(() => chunkLengths(memory, chunking));
  const boundariesInJavaScript = timed(() => chunkLengthsInJavaScript(memory, chunking));

  console.log(
    `Binary differential replication: ${fileCount} × ${sizeMb} MiB, ${percent}% of the bytes changed. Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}.`,
  );
  console.log(`Chunks of ${chunking.min / 1024}/${chunking.avg / 1024}/${chunking.max / 1024} KiB (min/avg/max). Rates: bytes over wall time, and over CPU time.`);
  const rows: [string, string][] = [
    ['', `${'wall'.padStart(10)}  ${'CPU'.padStart(10)}`],
    ['baseline: sha256sum of the old files', mbps(total, sha256sum)],
    ['baseline: Node SHA-256 of the old files, 4 MiB reads', mbps(total, nodeSha256)],
    ['sign (chunks, SHA-256 of each and of the file)', `${mbps(total, signing)}   ${times(sha256sum, signing)} sha256sum, ${times(nodeSha256, signing)} Node SHA-256`],
    ['chunk boundaries alone, in memory (WebAssembly)', mbps(memory.length, boundaries)],
    ['the same in JavaScript (the reference loop)', mbps(memory.length, boundariesInJavaScript)],
    ['plan and write delta + new signature', mbps(newBytes, plan)],
    ['baseline: cp old new (copy in the kernel)', mbps(total, cp)],
    ['baseline: dd bs=4M (copy through a buffer)', mbps(total, dd)],
    ['apply delta (copies checked, result hashed)', `${mbps(newBytes, apply)}   ${times(cp, apply)} cp, ${times(dd, apply)} dd`],
    ['signatures, as % of the files', `${pct(signatureBytes, total)} (${mib(signatureBytes)})`],
    [`delta, ${percent}% changed in 10 edits a file`, `${pct(deltaBytes, newBytes)} of the new files (literal bytes ${pct(literalBytes, newBytes)})`],
    [`delta, ${percent}% changed in 4 KiB edits`, `${pct(scatteredDelta, scatteredNew)} of the new files`],
    ['peak RSS', `${mib(peak)} (${mib(rssBefore)} before the first step)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
} finally {
  folder.remove();
}
