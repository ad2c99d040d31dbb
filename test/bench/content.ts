// npm run bench:content [-- --size-mb N --seconds S --clients 1,8,32]
// The content service (SMS_DP_CONTENT_SERVICE) beside nginx serving the SAME folder in the same
// run. A real site with a BITS-enabled DP; Distribution Manager copies a generated package of
// about 1 GiB (distribute-tree.ts: a 200 MB file, tens of MB files, 1,800 small ones) to it. The
// content service then runs in a process of its own, as `courier site run` runs a component
// (test/helpers/run-site-component.ts), and nginx (`sendfile on`, one process, access log off)
// in another, on free ports on 127.0.0.1. This process is the client: N keep-alive connections
// (node:http), each asking one request after another for S seconds, against each server in turn:
//  - whole large files (the files of 5 MB and more), MB/s;
//  - 1 MiB ranges at random offsets of those files (BITS downloads in ranges), MB/s;
//  - small files (under 100 KB), requests/s.
// For each: the server process's CPU per second of the run (user + system, from /proc) and its
// RSS at the end, and the ratio Courier / nginx. The two servers alternate for each row, so a
// change of the machine's load touches both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../core';
import { readManifest } from '../../core/content/distribution';
import { startInlineDistributionManager } from '../helpers/inline-distribution-manager';
import { value } from '../helpers/api-result';
import { seededRandom } from '../helpers/seeded-random';
import { makeTempDir } from '../helpers/temp-dir';
import { generateTree } from './distribute-tree';
import { freePort, haveNginx, startNginx, waitForAnswer } from './nginx-server';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}
const sizeMb = Number(argument('size-mb', '1024'));
const seconds = Number(argument('seconds', '4'));
const clientCounts = argument('clients', '1,8,32').split(',').map(Number);
if (!(sizeMb > 0) || !(seconds > 0) || clientCounts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--size-mb and --seconds take numbers above 0, --clients whole numbers separated by commas.');

const mib = 1024 * 1024;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const componentChild = fileURLToPath(new URL('../helpers/run-site-component.ts', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** CPU seconds (user + system) a process has used, and its resident set now, from /proc. */
function processUse(pid: number): { cpuS: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  // USER_HZ is 100 on Linux.
  return { cpuS: ticks / 100, rssMb: rssKb / 1024 };
}

interface Target {
  readonly name: string;
  readonly base: string;
  readonly pid: number;
}

interface Work {
  readonly label: string;
  /** The path and Range of the next request of one client. */
  next(random: () => number): { path: string; range?: string };
  readonly unit: 'MB/s' | 'req/s';
}

interface Result {
  readonly bytes: number;
  readonly requests: number;
  readonly ms: number;
  readonly cpuPerS: number;
  readonly cpuS: number;
  readonly rssMb: number;
}

/** `clients` connections asking one request after another for `seconds`. */
async function drive(target: Target, work: Work, clients: number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL(target.base);
  let bytes = 0;
  let requests = 0;
  const before = processUse(target.pid);
  const started = performance.now();
  const until = started + seconds * 1000;
  const one = (random: () => number) =>
    new Promise<void>((resolve, reject) => {
      const { path, range } = work.next(random);
      request({ host: url.hostname, port: url.port, path, agent, headers: range ? { Range: range } : {} }, (res) => {
        if (res.statusCode !== 200 && res.statusCode !== 206) reject(new Error(`${target.name}: ${path} answered ${res.statusCode}`));
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          requests++;
          resolve();
        });
        res.on('error', reject);
      }).on('error', reject).end();
    });
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const seeded = seededRandom(i + 1);
      const random = () => seeded.next();
      while (performance.now() < until) await one(random);
    }),
  );
  const ms = performance.now() - started;
  const after = processUse(target.pid);
  agent.destroy();
  return { bytes, requests, ms, cpuS: after.cpuS - before.cpuS, cpuPerS: (after.cpuS - before.cpuS) / (ms / 1000), rssMb: after.rssMb };
}

async function installed(core: Core, packageId: string): Promise<void> {
  for (;;) {
    const status = value(await core.client['packages:status']({ packageId }));
    const row = status.distributionPoints[0];
    if (row?.state === 'installed') return;
    if (row?.state === 'installFailed' || row?.state === 'installRetrying') throw new Error(`The copy failed: ${row.lastError}`);
    await sleep(50);
  }
}

async function main(): Promise<void> {
  if (!haveNginx()) throw new Error('bench:content needs nginx (apt-get install nginx).');
  const temp = makeTempDir('courier-bench-content-');
  const children: ChildProcess[] = [];
  try {
    const source = join(temp.path, 'source');
    console.log(`Generating ${sizeMb} MB under ${source} …`);
    const tree = generateTree(source, sizeMb);
    const site = join(temp.path, 'site');
    const volume = join(temp.path, 'dp01');
    mkdirSync(volume, { recursive: true });
    const core = createCore({ dataDir: site });
    value(await core.client['distribution-points:create']({ name: 'DP01', volumes: [{ letter: 'D', path: volume }], bitsEnabled: true }));
    const { packageId } = value(await core.client['packages:create']({ name: 'Bench', containsSourceFiles: true, sourceDirectory: source }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01'], groups: [] }));
    const distmgr = startInlineDistributionManager(site, () => new Date());
    await installed(core, packageId);
    await distmgr.stop();
    const shareRoot = join(volume, 'SMSPKGD$');
    const manifest = await readManifest(join(shareRoot, `${packageId}.manifest`));
    const large = manifest.files.filter((f) => f.size >= 5 * mib);
    const small = manifest.files.filter((f) => f.size < 100 * 1024);
    const pathOf = (file: { path: string }) => `/SMS_DP_SMSPKGD$/${packageId}/${file.path.split('/').map(encodeURIComponent).join('/')}`;
    console.log(`${tree.files} files, ${(tree.bytes / mib).toFixed(0)} MB on DP01: ${large.length} of 5 MB and more, ${small.length} under 100 KB. ${cpus().length} CPUs, load ${load()}.`);

    const service = spawn(process.execPath, ['--import', 'tsx', componentChild, site, 'SMS_DP_CONTENT_SERVICE'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(service);
    let courierBase: string | null = null;
    for (let i = 0; i < 400 && courierBase === null; i++) {
      courierBase = value(await core.client['content-service:get']({})).listeningUrl;
      if (courierBase === null) await sleep(50);
    }
    if (courierBase === null) throw new Error('The content service did not start.');
    const nginxPort = await freePort();
    const nginx = startNginx(join(temp.path, 'nginx'), shareRoot, nginxPort);
    children.push(nginx);
    const nginxBase = `http://127.0.0.1:${nginxPort}`;
    await waitForAnswer(`${nginxBase}/SMS_DP_SMSPKGD$/${packageId}.manifest`);
    await waitForAnswer(`${courierBase}/SMS_DP_SMSPKGD$/${packageId}/`);
    const courier: Target = { name: 'Courier', base: courierBase, pid: service.pid ?? 0 };
    const reference: Target = { name: 'nginx', base: nginxBase, pid: nginx.pid ?? 0 };
    // Read once, so both servers start from the page cache.
    spawnSync('bash', ['-c', `cat $(find '${shareRoot}' -type f) > /dev/null`]);

    const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;
    const works: Work[] = [
      { label: 'whole large files', unit: 'MB/s', next: (random) => ({ path: pathOf(pick(large, random)) }) },
      {
        label: '1 MiB ranges',
        unit: 'MB/s',
        next: (random) => {
          const file = pick(large, random);
          const start = Math.floor(random() * (file.size - mib));
          return { path: pathOf(file), range: `bytes=${start}-${start + mib - 1}` };
        },
      },
      { label: 'small files', unit: 'req/s', next: (random) => ({ path: pathOf(pick(small, random)) }) },
    ];
    const lines = [
      '| workload | clients | Courier | nginx | Courier / nginx | server CPU s/s, Courier / nginx | server CPU ms per MB or per 100 requests, Courier / nginx | RSS Courier / nginx |',
      '|---|---|---|---|---|---|---|---|',
    ];
    console.log(`\n${lines.join('\n')}`);
    for (const work of works) {
      for (const clients of clientCounts) {
        const ours = await drive(courier, work, clients);
        const theirs = await drive(reference, work, clients);
        const figure = (r: Result) => (work.unit === 'MB/s' ? r.bytes / mib / (r.ms / 1000) : r.requests / (r.ms / 1000));
        // CPU per unit of work is steadier than throughput on a shared machine: it does not depend on how often the client got a core.
        const cpuPer = (r: Result) => (r.cpuS * 1000) / (work.unit === 'MB/s' ? r.bytes / mib : r.requests / 100);
        const line = `| ${work.label} | ${clients} | ${figure(ours).toFixed(0)} ${work.unit} | ${figure(theirs).toFixed(0)} ${work.unit} | ${(figure(ours) / figure(theirs)).toFixed(2)} | ${ours.cpuPerS.toFixed(2)} / ${theirs.cpuPerS.toFixed(2)} | ${cpuPer(ours).toFixed(2)} / ${cpuPer(theirs).toFixed(2)} | ${ours.rssMb.toFixed(0)} / ${theirs.rssMb.toFixed(0)} MB |`;
        lines.push(line);
        console.log(line);
      }
    }
    console.log(`\nLoad after: ${load()}.`);
    core.close();
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await sleep(500);
    temp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
