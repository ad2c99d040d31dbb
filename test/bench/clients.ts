// npm run bench:clients [-- --clients N --load-processes N --concurrency N --seconds S --advertisements N
//   --poll-interval S --steady-seconds S --burst-rate N --burst-seconds S --status-messages N
//   --download-mb N --downloaders N --connections N --profile-site DIR]
// The management point and a DP as a site with many clients sees them. A real site in a temp
// folder, its components started in a process of its own as `courier serve` starts them
// (clients-site.ts: every component in its worker thread, SMS_MP_CONTROL_MANAGER and
// SMS_DP_CONTENT_SERVICE among them), one package with a source file of random bytes on the
// BITS-enabled DP01 and the rest without, an advertisement of each to All Systems, a fast site
// boundary holding the clients' subnets. The clients are played by load processes of their own
// (clients-load.ts), each client a ManagementPointClient of the agent on --connections keep-alive
// connections in all (Node's global agent). In turn:
//  - every client registers, then Offer Manager gives them all policy; every client fetches it;
//  - every client polls every --poll-interval ± 10 % for --steady-seconds, nothing new (the
//    60-minute interval scaled down), latency from when each poll was due (clients-pacing.ts);
//  - polls at 1, 16 and 64 at once, each beside a bare node:http server in a process of its own
//    answering the same small JSON body to the same client code (clients-bare.ts);
//  - one advertisement changed (advertisements:update), then a burst of --burst-rate polls a
//    second for --burst-seconds from an open-loop pacer, client after client in turn; the
//    clients whose version moved take their whole policy in the answer, as the agent does;
//  - every client uploads status messages, some twice at once, some again after a lost answer,
//    some split and re-sent, each upload retried while the MP is busy; then every batch again;
//    the rows in the site's status store counted by client and uid: each exactly once;
//  - content location for the package;
//  - --downloaders clients at once download the package (content location, the manifest, the
//    file: the agent's client/download code) from the content service, then from nginx serving
//    the same DP folder (nginx-server.ts);
//  - an extrapolation on paper from the site CPU each kind of request cost.
// For each: the site process's CPU (user + system of all its threads, from /proc), steadier than
// rates on a shared machine, and its resident set. The bench exits non-zero when an answer was
// not what its phase expects or a status message is stored other than once.
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
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
import { freePort, haveNginx, startNginx, waitForAnswer } from './nginx-server';

function argument(name: string, fallback: number, min = 1): number {
  const index = process.argv.indexOf(`--${name}`);
  const parsed = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(parsed) || parsed < min) throw new Error(`--${name} takes a whole number from ${min}.`);
  return parsed;
}
const clientCount = argument('clients', 10_000);
const loadProcesses = argument('load-processes', 2);
const concurrency = argument('concurrency', 32);
const seconds = argument('seconds', 5);
const advertisementCount = argument('advertisements', 20);
const pollIntervalS = argument('poll-interval', 10);
const steadySeconds = argument('steady-seconds', 20);
const burstRate = argument('burst-rate', 2_000);
const burstSeconds = argument('burst-seconds', 30);
const statusMessages = argument('status-messages', 10, 3);
const downloadMb = argument('download-mb', 100);
const downloaders = argument('downloaders', 200, 0);
/** Keep-alive connections to each server, over all the load processes. */
const connections = argument('connections', 512);
const pollConcurrencies = [1, 16, 64];
/** --profile-site DIR: the site process writes V8 CPU profiles (one a thread) into DIR when it stops. */
const profileIndex = process.argv.indexOf('--profile-site');
const profileDir = profileIndex >= 0 ? process.argv[profileIndex + 1] : undefined;
if (statusMessages > 500) throw new Error('--status-messages takes at most 500, what one upload may carry.');

const mib = 1024 * 1024;
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

/** A file of random bytes (incompressible, as an installer mostly is), a MiB at a time. */
function writeRandomFile(path: string, megabytes: number): void {
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < megabytes; i++) writeSync(fd, randomBytes(mib));
  } finally {
    closeSync(fd);
  }
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

  get pid(): number {
    return this.child.pid!;
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

/** `total` spread over the load processes (a process may get none). */
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
  /** The site's largest resident set sampled during the phase (every 100 ms). */
  readonly siteRssPeakMb: number;
  readonly serverCpuS: number;
  readonly changed: number;
  readonly changedLatencies: Float64Array;
  readonly sendLag: Float64Array;
  readonly fromSent: Float64Array;
  readonly sent: string[];
  readonly retries: number;
}

const sorted = (values: Iterable<number>) => Float64Array.from(values).sort();
const percentile = (values: Float64Array, p: number) => (values.length === 0 ? NaN : values[Math.min(values.length - 1, Math.floor(p * (values.length - 1)))]!);

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const loadBefore = load();
  const temp = makeTempDir('courier-bench-clients-');
  const children: ChildProcess[] = [];
  const loads: LoadProcess[] = [];
  try {
    const site = join(temp.path, 'site');
    const source = join(temp.path, 'source');
    const volume = join(temp.path, 'dp01');
    mkdirSync(source, { recursive: true });
    mkdirSync(volume, { recursive: true });
    writeRandomFile(join(source, 'setup.exe'), downloadMb);
    const core = createCore({ dataDir: site });
    value(await core.client['management-point:update']({ changes: { port: 0 } }));
    value(await core.client['site-boundaries:create']({ kind: 'ipSubnet', value: '10.0.0.0/8', description: 'Bench clients', connection: 'fast' }));
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: volume }], bitsEnabled: true }));
    const packageIds: string[] = [];
    for (let p = 0; p < advertisementCount; p++) {
      const withSource = p === 0;
      const { packageId } = value(await core.client['packages:create']({ name: `Bench Application ${p}`, ...(withSource ? { containsSourceFiles: true, sourceDirectory: source } : {}) }));
      value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'setup.exe /q' } }));
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
    const until = async (what: string, done: () => boolean | Promise<boolean>, timeoutMs = 600_000) => {
      const started = performance.now();
      while (!(await done())) {
        if (performance.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
        await sleep(50);
      }
      return performance.now() - started;
    };
    let url: string | null = null;
    await until('the management point to listen', async () => (url = value(await core.client['management-point:status']({})).url) !== null, 60_000);
    let contentUrl: string | null = null;
    await until('the content service to listen', async () => (contentUrl = value(await core.client['content-service:get']({})).listeningUrl) !== null, 60_000);
    // Content location names a BITS-enabled DP by its server name, which does not resolve here:
    // clients are given the address the service listens at instead.
    value(await core.client['content-service:set']({ changes: { clientUrl: new URL(contentUrl!).origin } }));
    await until(`the package on DP01 (${downloadMb} MB) and every advertisement offered`, async () => {
      const row = value(await core.client['packages:status']({ packageId: onDp })).distributionPoints[0];
      if (row?.state === 'installFailed') throw new Error(`The copy to DP01 failed: ${row.lastError}`);
      return row?.state === 'installed' && count("SELECT count(*) FROM offers WHERE state = 'offered'") === advertisementCount;
    });

    for (let i = 0; i < loadProcesses; i++) loads.push(new LoadProcess());
    const perProcess = Math.ceil(clientCount / loadProcesses);
    await Promise.all(loads.map((l, i) => l.send({ kind: 'init', url: url!, bareUrl, first: i * perProcess, count: Math.max(0, Math.min(perProcess, clientCount - i * perProcess)), randomSeed: i + 1, packageId: onDp, connections: Math.max(1, shareOf(connections, i)) })));

    const sitePid = siteProcess.pid!;
    const barePid = bare.pid!;
    const measure = async (command: (index: number) => LoadCommand, server = sitePid): Promise<Measured> => {
      const siteBefore = processUse(sitePid);
      const serverBefore = processUse(server);
      let rssPeak = siteBefore.rssMb;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, processUse(sitePid).rssMb)), 100);
      const started = performance.now();
      const results = (await Promise.all(loads.map((l, i) => l.send(command(i))))) as LoadResult[];
      const ms = performance.now() - started;
      clearInterval(sampler);
      const siteAfter = processUse(sitePid);
      const serverAfter = processUse(server);
      return {
        requests: results.reduce((n, r) => n + r.requests, 0),
        ms,
        latencies: sorted(results.flatMap((r) => r.latencies)),
        bytes: results.reduce((n, r) => n + r.bytes, 0),
        unexpected: results.reduce((n, r) => n + r.unexpected, 0),
        errors: results.flatMap((r) => r.errors),
        siteCpuS: siteAfter.cpuS - siteBefore.cpuS,
        siteRssMb: siteAfter.rssMb,
        siteRssPeakMb: Math.max(rssPeak, siteAfter.rssMb),
        serverCpuS: serverAfter.cpuS - serverBefore.cpuS,
        changed: results.reduce((n, r) => n + (r.changed ?? 0), 0),
        changedLatencies: sorted(results.flatMap((r) => r.changedLatencies ?? [])),
        sendLag: sorted(results.flatMap((r) => r.sendLag ?? [])),
        fromSent: sorted(results.flatMap((r) => r.fromSent ?? [])),
        sent: results.flatMap((r) => r.sent ?? []),
        retries: results.reduce((n, r) => n + (r.retries ?? 0), 0),
      };
    };

    // What the site's components cost doing nothing (Offer Manager, the content service and the others polling), so the rows below can be read against it.
    const idleBefore = processUse(sitePid);
    const idleStarted = performance.now();
    await sleep(3_000);
    const idleCpuPerS = (processUse(sitePid).cpuS - idleBefore.cpuS) / ((performance.now() - idleStarted) / 1000);
    console.log(`${clientCount.toLocaleString('en-US')} clients in ${loadProcesses} load processes, ${advertisementCount} advertisements to All Systems, a ${downloadMb} MB package on DP01; ${cpus().length} CPUs, load ${loadBefore}; site process RSS ${processUse(sitePid).rssMb.toFixed(0)} MB at rest, its CPU at rest ${(idleCpuPerS * 100).toFixed(1)} % of a core.`);
    const lines = ['| phase | requests | wall | rate | p50 | p99 | site CPU, % of a core | site CPU per request | site RSS |', '|---|---|---|---|---|---|---|---|---|'];
    const print = (line: string) => {
      lines.push(line);
      console.log(line);
    };
    console.log(`\n${lines.join('\n')}`);
    const ms = (n: number) => (Number.isNaN(n) ? '–' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : n >= 10 ? `${n.toFixed(0)} ms` : `${n.toFixed(2)} ms`);
    const perSecond = (n: number, m: Measured) => Math.round(n / (m.ms / 1000)).toLocaleString('en-US');
    const percentOfCore = (m: Measured, cpuS = m.siteCpuS) => `${((cpuS / (m.ms / 1000)) * 100).toFixed(0)} %`;
    const notes: string[] = [];
    const check = (label: string, m: Measured) => {
      if (m.unexpected > 0) notes.push(`${label}: ${m.unexpected} answers not as expected${m.errors.length > 0 ? ` (${m.errors.join('; ')})` : ''}`);
    };
    const row = (label: string, m: Measured, unit = 'req', units = m.requests, cpuS = m.siteCpuS) => {
      check(label, m);
      print(`| ${label} | ${m.requests.toLocaleString('en-US')} | ${ms(m.ms)} | ${perSecond(units, m)} ${unit}/s | ${ms(percentile(m.latencies, 0.5))} | ${ms(percentile(m.latencies, 0.99))} | ${percentOfCore(m, cpuS)} | ${ms((cpuS * 1000) / Math.max(1, m.requests))} | ${m.siteRssMb.toFixed(0)} MB |`);
    };
    const event = (label: string, wallMs: number, note: string) => print(`| ${label} | | ${ms(wallMs)} | | | | | | ${note} |`);

    const registered = await measure((i) => ({ kind: 'register', concurrency: shareOf(concurrency, i) }));
    row(`register every client (${concurrency} at once)`, registered, 'registrations');
    const clientPolicy = () => count('SELECT count(*) FROM mp_clients c JOIN resource_policy p ON p.resource_id = c.resource_id WHERE p.version > 0');
    const offered = await until('every client to have policy', () => clientPolicy() === clientCount);
    event('… until Offer Manager gave every client policy', offered, `${clientPolicy()} clients`);

    const first = await measure((i) => ({ kind: 'full-policy', concurrency: shareOf(concurrency, i) }));
    row(`whole policy, every client (${concurrency} at once)`, first);
    print(`| … sent | | | | | | | | ${(first.bytes / mib).toFixed(1)} MB, ${(first.bytes / Math.max(1, first.requests) / 1024).toFixed(1)} KiB a client |`);

    // Latency is counted from when a poll was due; how late the load processes sent, and the time from sending, say how much of it was theirs.
    const lag = (m: Measured) => `sent late by the load processes: p99 ${ms(percentile(m.sendLag, 0.99))}, max ${ms(percentile(m.sendLag, 1))}; from sending, p50 ${ms(percentile(m.fromSent, 0.5))}, p99 ${ms(percentile(m.fromSent, 0.99))}`;
    const steady = await measure(() => ({ kind: 'steady', intervalMs: pollIntervalS * 1000, seconds: steadySeconds }));
    row(`steady: every client polls every ${pollIntervalS} s ± 10 %, nothing new (latency from when due)`, steady, 'polls');
    if (steady.changed > 0) notes.push(`steady polls: ${steady.changed} answers told of a change that was not made`);
    print(`| … aimed at | | | ${Math.round(clientCount / pollIntervalS).toLocaleString('en-US')} polls/s | | | | | ${lag(steady)} |`);

    const pollRows: { c: number; mp: Measured; bare: Measured }[] = [];
    for (const c of pollConcurrencies) {
      const mp = await measure((i) => ({ kind: 'poll', concurrency: shareOf(c, i), seconds, target: 'mp' }));
      row(`poll, nothing new (${c} at once)`, mp);
      const baseline = await measure((i) => ({ kind: 'poll', concurrency: shareOf(c, i), seconds, target: 'bare' }), barePid);
      row(`baseline: bare node:http, same client (${c} at once)`, baseline, 'req', baseline.requests, baseline.serverCpuS);
      pollRows.push({ c, mp, bare: baseline });
    }

    const versionBefore = count('SELECT max(version) FROM resource_policy');
    const changeStarted = performance.now();
    value(await core.client['advertisements:update']({ advertisementId: advertisementIds[advertisementCount - 1]!, changes: { advertisementName: 'Bench, renamed' } }));
    const moved = () => count('SELECT count(*) FROM mp_clients c JOIN resource_policy p ON p.resource_id = c.resource_id WHERE p.version > ?', versionBefore);
    await until('the change to reach every client', () => moved() === clientCount);
    event("one advertisement changed, until every client's version moved", performance.now() - changeStarted, `${moved()} clients`);
    const burst = await measure((i) => ({ kind: 'burst', rate: burstRate / loadProcesses, seconds: burstSeconds, offsetMs: (i * 1000) / burstRate }));
    const burstLabel = `burst: ${burstRate.toLocaleString('en-US')} polls/s for ${burstSeconds} s, open loop (latency from when due)`;
    check(burstLabel, burst);
    print(
      `| ${burstLabel} | ${burst.requests.toLocaleString('en-US')} | ${ms(burst.ms)} | ${perSecond(burst.requests, burst)} polls/s | ${ms(percentile(sorted([...burst.latencies, ...burst.changedLatencies]), 0.5))} | ${ms(percentile(sorted([...burst.latencies, ...burst.changedLatencies]), 0.99))} | ${percentOfCore(burst)} | ${ms((burst.siteCpuS * 1000) / Math.max(1, burst.requests))} | ${burst.siteRssMb.toFixed(0)} MB (peak ${burst.siteRssPeakMb.toFixed(0)} MB) |`,
    );
    print(`| … of them, answered with the whole policy (the version moved) | ${burst.changed.toLocaleString('en-US')} | | | ${ms(percentile(burst.changedLatencies, 0.5))} | ${ms(percentile(burst.changedLatencies, 0.99))} | | | ${(burst.bytes / mib).toFixed(0)} MB sent in the burst |`);
    print(`| … of them, nothing new | ${burst.latencies.length.toLocaleString('en-US')} | | | ${ms(percentile(burst.latencies, 0.5))} | ${ms(percentile(burst.latencies, 0.99))} | | | ${lag(burst)} (every poll of the burst) |`);
    // Each client's first poll of the burst is told of the change, and none after it.
    if (burst.changed !== clientCount) notes.push(`burst: ${burst.changed} answers carried the changed policy, where ${clientCount} clients' versions moved`);

    const clientMessages = () => count("SELECT count(*) FROM status_messages WHERE module_name = 'SMS Client'");
    const uploaded = await measure((i) => ({ kind: 'status', concurrency: shareOf(concurrency, i), messages: statusMessages, again: false }));
    const distinctSent = new Set(uploaded.sent);
    row(`status: ${statusMessages} messages a client, 1 in 5 batches twice at once, 1 in 5 again after a lost answer, 2 in 5 split and re-sent (uploads; ${concurrency} clients at once)`, uploaded, 'messages', distinctSent.size);
    const storedOnce = clientMessages();
    const again = await measure((i) => ({ kind: 'status', concurrency: shareOf(concurrency, i), messages: statusMessages, again: true }));
    row(`status: every batch once more (${concurrency} at once)`, again, 'messages', again.requests * statusMessages);
    const rows = db.prepare("SELECT machine_name AS machine, ins_string_3 AS uid, count(*) AS n FROM status_messages WHERE module_name = 'SMS Client' GROUP BY machine_name, ins_string_3").all() as { machine: string; uid: string; n: number }[];
    let stored = 0;
    let duplicates = 0;
    let strays = 0;
    for (const r of rows) {
      if (!distinctSent.has(`${r.machine}\t${r.uid}`)) strays += r.n;
      else stored++;
      duplicates += r.n - 1;
    }
    const missing = distinctSent.size - stored;
    const exactlyOnce = `sent ${distinctSent.size.toLocaleString('en-US')} distinct, stored ${stored.toLocaleString('en-US')}, duplicates ${duplicates}, missing ${missing}${strays > 0 ? `, ${strays} rows nobody sent` : ''}`;
    print(`| … stored, counted by client and uid | | | | | | | | ${exactlyOnce} (${storedOnce.toLocaleString('en-US')} rows after the uploads, ${clientMessages().toLocaleString('en-US')} after the batches again; ${uploaded.retries + again.retries} uploads retried) |`);
    if (distinctSent.size !== clientCount * statusMessages || stored !== distinctSent.size || duplicates !== 0 || missing !== 0 || strays !== 0) notes.push(`status messages not stored exactly once: ${exactlyOnce}`);

    const located = await measure((i) => ({ kind: 'content-location', concurrency: shareOf(concurrency, i), seconds }));
    row(`content location (${concurrency} at once)`, located);

    const downloadRows: { name: string; m: Measured }[] = [];
    if (downloaders > 0) {
      if (downloaders > clientCount) throw new Error('--downloaders takes at most the number of --clients.');
      if (!haveNginx()) throw new Error('The downloads beside nginx need nginx (apt-get install nginx); --downloaders 0 leaves them out.');
      const shareRoot = join(volume, 'SMSPKGD$');
      const nginxPort = await freePort();
      const nginx = startNginx(join(temp.path, 'nginx'), shareRoot, nginxPort, 4 * downloaders + 64);
      children.push(nginx);
      const nginxOrigin = `http://127.0.0.1:${nginxPort}`;
      await waitForAnswer(`${nginxOrigin}/SMS_DP_SMSPKGD$/${onDp}.manifest`);
      // Read once, so both servers start from the page cache.
      spawnSync('bash', ['-c', `cat $(find '${shareRoot}' -type f) > /dev/null`]);
      const verify = 1;
      for (const [name, origin, pid] of [['the content service', null, sitePid], ['nginx, the same folder', nginxOrigin, nginx.pid!]] as const) {
        const m = await measure((i) => ({ kind: 'download', count: shareOf(downloaders, i), origin, verify }), pid);
        check(`download from ${name}`, m);
        downloadRows.push({ name, m });
        print(
          `| ${downloaders} clients download the ${downloadMb} MB package at once: ${name} | ${m.requests} | ${ms(m.ms)} | ${(m.bytes / mib / (m.ms / 1000)).toFixed(0)} MB/s | ${ms(percentile(m.latencies, 0.5))} | ${ms(percentile(m.latencies, 0.99))} | ${percentOfCore(m, m.serverCpuS)} | ${((m.serverCpuS * 1000) / Math.max(1, m.bytes / mib)).toFixed(2)} ms per MB | ${pid === sitePid ? `${m.siteRssMb.toFixed(0)} MB (peak ${m.siteRssPeakMb.toFixed(0)} MB)` : `${processUse(pid).rssMb.toFixed(0)} MB`} |`,
        );
      }
      const [ours, theirs] = downloadRows.map((d) => d.m) as [Measured, Measured];
      const rate = (m: Measured) => m.bytes / (m.ms / 1000);
      const cpuPerMb = (m: Measured) => m.serverCpuS / (m.bytes / mib);
      print(`| … content service / nginx | | | ${(rate(ours) / rate(theirs)).toFixed(2)} × | | | | ${(cpuPerMb(ours) / cpuPerMb(theirs)).toFixed(1)} × | ${loadProcesses * verify} of each ${downloaders} hashed against the manifest |`);
    }

    console.log('\n| polls at once | MP / bare node, requests/s | p50, MP / bare | p99, MP / bare | server CPU per request, MP / bare |');
    console.log('|---|---|---|---|---|');
    for (const { c, mp, bare: b } of pollRows) {
      const r = (m: Measured) => m.requests / (m.ms / 1000);
      console.log(`| ${c} | ${(r(mp) / r(b)).toFixed(2)} | ${(percentile(mp.latencies, 0.5) / percentile(b.latencies, 0.5)).toFixed(2)} | ${(percentile(mp.latencies, 0.99) / percentile(b.latencies, 0.99)).toFixed(2)} | ${(mp.siteCpuS / Math.max(1, mp.requests) / (b.serverCpuS / Math.max(1, b.requests))).toFixed(2)} |`);
    }

    // On paper: what a client costs the site in an hour at the default 60-minute polling interval,
    // from the CPU the rows above measured, and so how many one core (or half of one) carries.
    const pollMs = (steady.siteCpuS * 1000) / steady.requests;
    const policyMs = (first.siteCpuS * 1000) / first.requests;
    const uploadMs = (uploaded.siteCpuS * 1000) / clientCount;
    const perHour = (changesPerDay: number) => pollMs + (changesPerDay / 24) * (policyMs + uploadMs);
    const f = (n: number, digits = 3) => n.toFixed(digits);
    console.log('\nOn paper, one management point on one core, clients polling every 60 minutes (site CPU only; idle cost of the components left in):');
    console.log(`  a poll that finds nothing new: ${f(pollMs)} ms (steady phase: ${f(steady.siteCpuS, 2)} s of site CPU / ${steady.requests.toLocaleString('en-US')} polls)`);
    console.log(`  a whole policy (${advertisementCount} advertisements): ${f(policyMs)} ms (${f(first.siteCpuS, 2)} s / ${first.requests.toLocaleString('en-US')})`);
    console.log(`  a client's ${statusMessages} status messages, with the bench's duplicates and splits: ${f(uploadMs)} ms (${f(uploaded.siteCpuS, 2)} s / ${clientCount.toLocaleString('en-US')} clients)`);
    for (const changesPerDay of [0, 1, 24]) {
      const cost = perHour(changesPerDay);
      const what = changesPerDay === 0 ? 'polls only' : changesPerDay === 1 ? 'a policy change and a status upload a day' : 'a policy change and a status upload every hour';
      const formula = changesPerDay === 0 ? `${f(pollMs)} ms` : `${f(pollMs)} + ${changesPerDay}/24 × (${f(policyMs)} + ${f(uploadMs)}) = ${f(cost)} ms`;
      console.log(`  ${what}: ${formula} a client an hour; 3,600,000 ms / ${f(cost)} = ${Math.round(3_600_000 / cost).toLocaleString('en-US')} clients on a core, ${Math.round(1_800_000 / cost).toLocaleString('en-US')} on half of one (a management point of SMS 2003 / SCCM 2007 is sized for 25,000)`);
    }

    const end = processUse(sitePid);
    const loadPeaks = loads.map((l) => processUse(l.pid).peakMb.toFixed(0)).join(', ');
    console.log(`\nSite process: RSS ${end.rssMb.toFixed(0)} MB now, peak ${end.peakMb.toFixed(0)} MB; bare server RSS ${processUse(barePid).rssMb.toFixed(0)} MB; load processes' peak RSS ${loadPeaks} MB. Whole run ${ms(performance.now() - benchStarted)}. Load before: ${loadBefore}; after: ${load()}.`);
    console.log(`Status messages: ${exactlyOnce}.`);
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
