// npm run bench:cli [-- --runs N --packages N --no-tsx]
// How long a `courier` command takes from start to exit, beside a bare `node -e 0` in the same
// run: the bundle as bin/courier.mjs runs it in a checkout, the bundle alone (what the packaged
// launchers run), and the sources through tsx (how bin/courier.mjs ran before the bundle).
// Runs are interleaved, so a busy machine slows every row alike; the ratio is the figure to read.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../core';
import { makeTempDir } from '../helpers/temp-dir';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number.`);
  return value;
}

/** Nearest rank: the smallest value at or above p percent of the runs. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const runs = argument('runs', 20);
const packageCount = argument('packages', 100);
const withTsx = !process.argv.includes('--no-tsx');
const repoRoot = join(import.meta.dirname, '..', '..');
const site = makeTempDir('courier-bench-cli-');

const core = createCore({ dataDir: site.path });
for (let i = 1; i <= packageCount; i++) {
  const created = await core.client['packages:create']({ name: `Package ${i}`, version: `${1 + (i % 9)}.0`, publisher: i % 2 ? 'Contoso' : 'Fabrikam' });
  if (!created.ok) throw new Error(created.error.message);
}
core.close();

interface Row {
  readonly label: string;
  readonly argv: readonly string[];
  readonly times: number[];
}

const commands: readonly (readonly [string, readonly string[]])[] = [
  ['--version', ['--version']],
  ['site info', ['--data-dir', site.path, 'site', 'info']],
  [`package list --json (${packageCount} packages)`, ['--data-dir', site.path, 'package', 'list', '--json']],
];
const ways: readonly (readonly [string, string])[] = [
  ['bin/courier.mjs', 'bin/courier.mjs'],
  ['dist/cli/courier.cjs', 'dist/cli/courier.cjs'],
  ...(withTsx ? ([['tsx, from the sources', 'test/bench/courier-from-sources.mjs']] as const) : []),
];
const rows: Row[] = [{ label: 'node -e 0', argv: ['-e', '0'], times: [] }];
for (const [way, script] of ways) for (const [command, args] of commands) rows.push({ label: `courier ${command}  [${way}]`, argv: [script, ...args], times: [] });

function once(row: Row): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, row.argv, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, COURIER_DATA_DIR: '' } });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`${row.label} exited with ${run.status}: ${run.stderr}`);
  // A run that rebuilt the bundle (bin/courier.mjs says so on stderr) would not be a start-up.
  if (run.stderr !== '') throw new Error(`${row.label} wrote to stderr: ${run.stderr}`);
  if (row.label.includes('package list') && (JSON.parse(run.stdout) as unknown[]).length !== packageCount) throw new Error(`${row.label} did not list every package`);
  return elapsed;
}

try {
  // Two unmeasured rounds: the file cache, the compile of each script, tsx's own cache.
  for (let round = 0; round < 2; round++) for (const row of rows) once(row);
  for (let round = 0; round < runs; round++) for (const row of rows) row.times.push(once(row));
} finally {
  rmSync(site.path, { recursive: true, force: true });
}

const baseline = percentile(rows[0]!.times, 50);
const width = Math.max(...rows.map((row) => row.label.length));
const ms = (value: number): string => `${value.toFixed(0).padStart(5)} ms`;
console.log(`CLI start-up: ${runs} runs each, interleaved. Node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}.`);
console.log(`${'command'.padEnd(width)}   median      p95   × node -e 0`);
for (const row of rows) {
  const median = percentile(row.times, 50);
  console.log(`${row.label.padEnd(width)}  ${ms(median)}  ${ms(percentile(row.times, 95))}   ${(median / baseline).toFixed(1).padStart(5)}`);
}
