// npm run bench:clients [-- --clients N --load-processes N --concurrency N --seconds S --advertisements N --profile-site DIR]
// The management point as a site with many clients sees it. A real site in a temp folder, its
// components started in a process of its own as `courier serve` starts them (clients-site.ts:
// every component in its worker thread, SMS_MP_CONTROL_MANAGER among them), one package with a
// source file on DP01 and the rest without, an advertisement of each to All Systems, a fast site
// boundary holding the clients' subnets. The clients are played by load processes of their own
// (clients-load.ts), each client a ManagementPointClient of the agent, on keep-alive connections
// (Node's global agent). In turn:
//  - every client registers (registrations/s), then Offer Manager gives them all policy;
//  - every client fetches its whole policy (MB, time);
//  - polls "since the version I hold" that find nothing new (the cheap path) at 1, 16 and 64 at
//    once, each beside a bare node:http server in a process of its own answering the same small
//    JSON body to the same client code (clients-bare.ts), interleaved row by row;
//  - one advertisement changed (advertisements:update): the time until every client's policy
//    version moved, then every client fetching its whole policy again;
//  - 10 status messages uploaded by every client (messages/s), then the same uploads again (the
//    idempotent path: acknowledged, nothing stored twice, which the bench checks in the database);
//  - content location for the package on DP01 (requests/s).
// For each: the site process's CPU (user + system of all its threads, from /proc) per request,
// steadier than rates on a shared machine, and its resident set.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../core';
import { openDatabase } from '../../core/db/connection';
import { value } from '../helpers/api-result';
import { makeTempDir } from '../helpers/temp-dir';
import type { LoadCommand, LoadResult } from './clients-load';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const parsed = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} takes a whole number from 1.`);
  return parsed;
}
const clientCount = argument('clients', 5_000);
const loadProcesses = argument('load-processes', 2);
const concurrency = argument('concurrency', 32);
const seconds = argument('seconds', 5);
const advertisementCount = argument('advertisements', 20);
const pollConcurrencies = [1, 16, 64];
/** --profile-site DIR: the site process writes V8 CPU profiles (one a thread) into DIR when it stops. */
const profileIndex = process.argv.indexOf('--profile-site');
const profileDir = profileIndex >= 0 ? process.argv[profileIndex + 1] : undefined;

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** CPU seconds (user + system, every thread) a process has used, its resident set and its peak, from /proc. */
function processUse(pid: number): { cpuS: number; rssMb: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  // USER_HZ is 100 on Linux.
  return { cpuS: (Number(fields[11]) + Number(fields[12])) / 100, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

function firstLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`${what} ended (${code}) before it started.`)));
  });
}

class LoadProcess {
  private readonly child: ChildProcess;
  private waiting: ((message: unknown) => void) | null = null;

  constructor() {
    this.child = fork(script('./clients-load.ts'), [], { cwd: repoRoot, execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message) => {
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.(message);
    });
    // A load process that dies mid-phase must fail the bench, not leave it waiting.
    this.child.on('exit', (code, signal) => {
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.({ failed: `it ended (${signal ?? code})` });
    });
  }

  send(command: LoadCommand): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting = (message) => {
        const failed = (message as { failed?: string }).failed;
        if (failed !== undefined) reject(new Error(`A load process failed: ${failed}`));
        else resolve(message);
      };
      this.child.send(command);
    });
  }

  end(): void {
    if (this.child.connected) this.child.send({ kind: 'exit' } satisfies LoadCommand);
  }
}

/** `total` at once, spread over the load processes (a process may get none). */
const shareOf = (total: number, index: number) => Math.floor(total / loadProcesses) + (index < total % loadProcesses ? 1 : 0);

interface Measured {
  readonly requests: number;
  readonly ms: number;
  readonly latencies: Float64Array;
  readonly bytes: number;
  readonly unexpected: number;
  readonly errors: string[];
  readonly siteCpuS: number;
  readonly siteRssMb: number;
  readonly serverCpuS: number;
}

const percentile = (sorted: Float64Array, p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!);

async function main(): Promise<void> {
  const temp = makeTempDir('courier-bench-clients-');
  const children: ChildProcess[] = [];
  const loads: LoadProcess[] = [];
  try {
    const site = join(temp.path, 'site');
    const source = join(temp.path, 'source');
    mkdirSync(source, { recursive: true });
    mkdirSync(join(temp.path, 'dp01'), { recursive: true });
    writeFileSync(join(source, 'setup.cmd'), '@echo Installing the bench viewer\r\n');
    const core = createCore({ dataDir: site });
    value(await core.client['management-point:update']({ changes: { port: 0 } }));
    value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.0.0.0/8', description: 'Bench clients', connection: 'fast' }));
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: join(temp.path, 'dp01') }] }));
    const packageIds: string[] = [];
    for (let p = 0; p < advertisementCount; p++) {
      const withSource = p === 0;
      const { packageId } = value(await core.client['packages:create']({ name: `Bench Application ${p}`, ...(withSource ? { containsSourceFiles: true, sourceDirectory: source } : {}) }));
      value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: withSource ? 'setup.cmd' : 'setup.exe /q' } }));
      packageIds.push(packageId);
    }
    const onDp = packageIds[0]!;
    value(await core.client['packages:distribute']({ packageId: onDp, distributionPoints: ['DP01'], groups: [] }));
    const advertisementIds: string[] = [];
    for (const packageId of packageIds) {
      advertisementIds.push(value(await core.client['advertisements:create']({ advertisementName: `Bench ${packageId}`, packageId, programName: 'Install', collectionId: 'SMS00001', includeSubcollections: true })).advertisementId);
    }

    const siteProcess = spawn(process.execPath, [...(profileDir !== undefined ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), '--import', 'tsx', script('./clients-site.ts'), site], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(siteProcess);
    await firstLine(siteProcess, 'The site process');
    const bare = spawn(process.execPath, ['--import', 'tsx', script('./clients-bare.ts')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(bare);
    const bareUrl = `http://127.0.0.1:${await firstLine(bare, 'The bare server')}/`;

    const db = openDatabase(join(site, 'courier.db'));
    const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
    const until = async (what: string, done: () => boolean, timeoutMs = 600_000) => {
      const started = performance.now();
      while (!done()) {
        if (performance.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
        await sleep(50);
      }
      return performance.now() - started;
    };
    let url: string | null = null;
    for (let i = 0; url === null; i++) {
      if (i > 1_200) throw new Error('The management point did not start listening within a minute.');
      url = value(await core.client['management-point:status']({})).url;
      if (url === null) await sleep(50);
    }
    await until('package on DP01 and every advertisement offered', () => count("SELECT count(*) FROM offers WHERE state = 'offered'") === advertisementCount);

    for (let i = 0; i < loadProcesses; i++) loads.push(new LoadProcess());
    const perProcess = Math.ceil(clientCount / loadProcesses);
    await Promise.all(loads.map((l, i) => l.send({ kind: 'init', url: url!, bareUrl, first: i * perProcess, count: Math.max(0, Math.min(perProcess, clientCount - i * perProcess)) })));

    const sitePid = siteProcess.pid!;
    const barePid = bare.pid!;
    const measure = async (command: (share: number, index: number) => LoadCommand, total: number, server = sitePid): Promise<Measured> => {
      const siteBefore = processUse(sitePid);
      const serverBefore = processUse(server);
      const started = performance.now();
      const results = (await Promise.all(loads.map((l, i) => l.send(command(shareOf(total, i), i))))) as LoadResult[];
      const ms = performance.now() - started;
      const siteAfter = processUse(sitePid);
      const serverAfter = processUse(server);
      const latencies = Float64Array.from(results.flatMap((r) => r.latencies)).sort();
      return {
        requests: results.reduce((n, r) => n + r.requests, 0),
        ms,
        latencies,
        bytes: results.reduce((n, r) => n + r.bytes, 0),
        unexpected: results.reduce((n, r) => n + r.unexpected, 0),
        errors: results.flatMap((r) => r.errors),
        siteCpuS: siteAfter.cpuS - siteBefore.cpuS,
        siteRssMb: siteAfter.rssMb,
        serverCpuS: serverAfter.cpuS - serverBefore.cpuS,
      };
    };

    console.log(`${clientCount} clients in ${loadProcesses} load processes, ${advertisementCount} advertisements to All Systems; ${cpus().length} CPUs, load ${load()}; site process RSS ${processUse(sitePid).rssMb.toFixed(0)} MB at rest.`);
    const lines = ['| phase | requests | wall | rate | p50 | p99 | site CPU per request | site RSS |', '|---|---|---|---|---|---|---|---|'];
    const print = (line: string) => {
      lines.push(line);
      console.log(line);
    };
    console.log(`\n${lines.join('\n')}`);
    const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : n >= 10 ? `${n.toFixed(0)} ms` : `${n.toFixed(2)} ms`);
    const rate = (m: Measured, unit: string, per = 1) => `${Math.round((m.requests * per) / (m.ms / 1000)).toLocaleString('en-US')} ${unit}/s`;
    const notes: string[] = [];
    const row = (label: string, m: Measured, unit = 'req', per = 1, cpuS = m.siteCpuS) => {
      if (m.unexpected > 0) notes.push(`${label}: ${m.unexpected} answers not as expected${m.errors.length > 0 ? ` (${m.errors.join('; ')})` : ''}`);
      print(`| ${label} | ${m.requests.toLocaleString('en-US')} | ${ms(m.ms)} | ${rate(m, unit, per)} | ${ms(percentile(m.latencies, 0.5))} | ${ms(percentile(m.latencies, 0.99))} | ${ms((cpuS * 1000) / Math.max(1, m.requests))} | ${m.siteRssMb.toFixed(0)} MB |`);
    };
    const event = (label: string, wallMs: number, note: string) => print(`| ${label} | | ${ms(wallMs)} | | | | | ${note} |`);

    const registered = await measure((share) => ({ kind: 'register', concurrency: share }), concurrency);
    row(`register every client (${concurrency} at once)`, registered, 'registrations');
    const clientPolicy = () => count('SELECT count(*) FROM mp_clients c JOIN resource_policy p ON p.resource_id = c.resource_id WHERE p.version > 0');
    const offered = await until('every client to have policy', () => clientPolicy() === clientCount);
    event('… until Offer Manager gave every client policy', offered, `${clientPolicy()} clients`);

    const first = await measure((share) => ({ kind: 'full-policy', concurrency: share }), concurrency);
    row(`whole policy, every client (${concurrency} at once)`, first);
    print(`| … sent | | | | | | | ${(first.bytes / 1024 / 1024).toFixed(1)} MB, ${(first.bytes / Math.max(1, first.requests) / 1024).toFixed(1)} KiB a client |`);

    const pollRows: { c: number; mp: Measured; bare: Measured }[] = [];
    for (const c of pollConcurrencies) {
      const mp = await measure((share) => ({ kind: 'poll', concurrency: share, seconds, target: 'mp' }), c);
      row(`poll, nothing new (${c} at once)`, mp);
      const baseline = await measure((share) => ({ kind: 'poll', concurrency: share, seconds, target: 'bare' }), c, barePid);
      row(`baseline: bare node:http, same client (${c} at once)`, baseline, 'req', 1, baseline.serverCpuS);
      pollRows.push({ c, mp, bare: baseline });
    }

    const versionBefore = count('SELECT max(version) FROM resource_policy');
    const changeStarted = performance.now();
    value(await core.client['advertisements:update']({ advertisementId: advertisementIds[advertisementCount - 1]!, changes: { advertisementName: 'Bench, renamed' } }));
    const moved = () => count('SELECT count(*) FROM mp_clients c JOIN resource_policy p ON p.resource_id = c.resource_id WHERE p.version > ?', versionBefore);
    await until('the change to reach every client', () => moved() === clientCount);
    event('one advertisement changed, until every client\'s version moved', performance.now() - changeStarted, `${moved()} clients`);
    const again = await measure((share) => ({ kind: 'full-policy', concurrency: share }), concurrency);
    row(`… every client fetches its whole policy (${concurrency} at once)`, again);
    print(`| … sent | | | | | | | ${(again.bytes / 1024 / 1024).toFixed(1)} MB |`);

    const clientMessages = () => count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client'");
    const uploaded = await measure((share) => ({ kind: 'status', concurrency: share, retry: false }), concurrency);
    row(`status: 10 messages a client (${concurrency} at once)`, uploaded, 'messages', 10);
    const storedOnce = clientMessages();
    const retried = await measure((share) => ({ kind: 'status', concurrency: share, retry: true }), concurrency);
    row(`status: the same uploads again (${concurrency} at once)`, retried, 'messages', 10);
    const storedAfter = clientMessages();
    print(`| … stored | | | | | | | ${storedOnce.toLocaleString('en-US')} after the uploads, ${storedAfter.toLocaleString('en-US')} after the retries |`);
    if (storedOnce !== clientCount * 10 || storedAfter !== storedOnce) notes.push(`status messages stored: ${storedOnce} then ${storedAfter}, expected ${clientCount * 10} both times`);

    const located = await measure((share) => ({ kind: 'content-location', concurrency: share, seconds, packageId: onDp }), concurrency);
    row(`content location (${concurrency} at once)`, located);

    console.log('\n| polls at once | MP / bare node, requests/s | p50, MP / bare | p99, MP / bare | server CPU per request, MP / bare |');
    console.log('|---|---|---|---|---|');
    for (const { c, mp, bare: b } of pollRows) {
      const r = (m: Measured) => m.requests / (m.ms / 1000);
      console.log(`| ${c} | ${(r(mp) / r(b)).toFixed(2)} | ${(percentile(mp.latencies, 0.5) / percentile(b.latencies, 0.5)).toFixed(2)} | ${(percentile(mp.latencies, 0.99) / percentile(b.latencies, 0.99)).toFixed(2)} | ${(mp.siteCpuS / Math.max(1, mp.requests) / (b.serverCpuS / Math.max(1, b.requests))).toFixed(2)} |`);
    }
    const end = processUse(sitePid);
    console.log(`\nSite process: RSS ${end.rssMb.toFixed(0)} MB now, peak ${end.peakMb.toFixed(0)} MB; bare server RSS ${processUse(barePid).rssMb.toFixed(0)} MB. Load after: ${load()}.`);
    for (const note of notes) console.log(`NOTE: ${note}`);
    db.close();
    core.close();
    if (notes.length > 0) process.exitCode = 1;
  } finally {
    for (const l of loads) l.end();
    for (const child of children) child.kill('SIGTERM');
    await sleep(1_000);
    temp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
