import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../client/cli/main';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { createMpControlManager, mpControlName } from '../../core/components/mpcontrol';
import { createOfferManager, offerManagerName } from '../../core/components/offermgr';
import { value } from '../helpers/api-result';
import { untilIdle } from '../helpers/offer-state';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// courier-client's agent commands against a real site: in-process through run(), and the
// `agent` loop as the real bundle in its own process, stopped by SIGTERM.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let temp: TempDir;
let core: Core;
let runner: ComponentRunner;
let url: string;
const site = () => join(temp.path, 'site');
const clientDir = () => join(temp.path, 'client');

async function client(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['--client-dir', clientDir(), ...args], { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: temp.path });
  return { code, out: out.join(''), err: err.join('') };
}

beforeEach(async () => {
  temp = makeTempDir('courier-client-agent-cli-');
  core = createCore({ dataDir: site() });
  value(await core.client['management-point:update']({ changes: { port: 0 } }));
  runner = startComponentRunner({
    dataDir: site(),
    components: [mpControlName, offerManagerName].map((name) => ({ name, thread: 'inline' as const })),
    factories: { [mpControlName]: () => createMpControlManager(), [offerManagerName]: () => createOfferManager() },
    leaseMs: 2_000,
  });
  await expect.poll(async () => value(await core.client['management-point:status']({})).url ?? '', { timeout: 20_000, interval: 50 }).toMatch(/^http:/);
  url = value(await core.client['management-point:status']({})).url!;
  expect((await client('configure', '--management-point', url, '--site-code', 'A01', '--no-session-user')).code).toBe(0);
});
afterEach(async () => {
  await runner.stop();
  core.close();
  temp.remove();
});

describe('courier-client agent commands', { timeout: 90_000 }, () => {
  it('policy refresh registers and receives; status and run-advertised-programs answer from the client\'s own files', async () => {
    const registered = await client('policy', 'refresh', '--json');
    expect(registered).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(registered.out) as { registration: { kind: string; resourceId: number } };
    expect(report.registration.kind).toBe('new');

    const packageId = value(await core.client['packages:create']({ name: 'Script' })).packageId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'cscript fix.vbs', canRunWhen: 'whetherOrNot', runMode: 'adminRights' } }));
    const collectionId = value(await core.client['collections:create']({ name: 'Lab', rules: [{ kind: 'direct', resourceId: report.registration.resourceId }] })).collectionId;
    const ad = value(await core.client['advertisements:create']({ advertisementName: 'Fix', packageId, programName: 'Install', collectionId, includeSubcollections: false })).advertisementId;
    await untilIdle(site(), ['Offermgr.box']);

    const received = await client('policy', 'refresh');
    expect(received.code).toBe(0);
    expect(received.out).toContain(`Reported 10002 for ${ad}`);
    expect(received.out).toMatch(new RegExp(`${ad} Fix \\(${packageId} Install, machine\\): available: `));

    const status = await client('status', '--json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({
      siteCode: 'A01',
      managementPoint: url,
      registration: { resourceId: report.registration.resourceId, approval: 'approved' },
      policy: { machine: { version: expect.any(Number) }, user: null },
      advertisements: [{ advertisementId: ad, decision: { kind: 'available', listed: true, mandatory: false } }],
      outbox: 0,
      restartPending: null,
      agentProcess: null,
    });
    expect((await client('status')).out).toMatch(/Registered as resource \d+ .*; approved/);

    const listed = await client('run-advertised-programs', '--json');
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ advertisementId: ad, packageName: 'Script', programName: 'Install', commandLine: 'cscript fix.vbs' })]);
    expect((await client('run-advertised-programs')).out).toBe(`${ad}\tFix\tScript\tInstall\tcscript fix.vbs\n`);

    expect(await client('run-advertised-programs', '--run', 'A0129999')).toMatchObject({ code: 1, err: expect.stringMatching(/A0129999 is not in this client's policy/) });
    // A package without source files runs its command line alone, which fails here (no cscript).
    const tried = await client('run-advertised-programs', '--run', ad, '--json');
    expect(tried.code).toBe(1);
    expect(JSON.parse(tried.out)).toMatchObject({ reports: [{ advertisementId: ad, status: 'failed', messageIds: [10005, 10006] }], outbox: { remaining: 0, problem: null } });
    expect(tried.err).toMatch(new RegExp(`${ad} did not run to success`));
    expect(readFileSync(join(clientDir(), 'logs', 'execmgr.log'), 'utf8')).toContain(`${ad} (${packageId} Install): failed.`);
  });

  it('policy refresh against a management point that does not answer: exit code 1 with the reason, the report still printed', async () => {
    await runner.stop();
    const refused = await client('policy', 'refresh', '--json');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/courier-client: .*could not be reached/);
    expect(JSON.parse(refused.out)).toMatchObject({ registration: null, managementPoint: { reachable: false } });
    runner = startComponentRunner({ dataDir: site(), components: [], factories: {}, leaseMs: 2_000 });
  });

  it('agent runs cycles until SIGTERM, finishing the cycle in hand, and logs to policyagent.log', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'courier-client.cjs'), '--client-dir', clientDir(), 'agent'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const log = join(clientDir(), 'logs', 'policyagent.log');
    const logText = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    await expect.poll(logText, { timeout: 30_000, interval: 100 }).toContain('Next cycle at');
    expect(readFileSync(join(clientDir(), 'agent', 'agent.pid'), 'utf8')).toBe(`${child.pid}\n`);
    // One agent per client folder; a refresh beside it asks it for a cycle now.
    expect(await client('agent')).toMatchObject({ code: 1, err: expect.stringMatching(new RegExp(`A client agent \\(process ${child.pid}\\) already runs`)) });
    expect(await client('policy', 'refresh', '--json')).toMatchObject({ code: 0, out: `${JSON.stringify({ askedAgent: child.pid })}\n` });
    await expect.poll(() => logText().match(/Next cycle at/g)?.length ?? 0, { timeout: 30_000, interval: 100 }).toBe(2);
    expect(logText()).toContain('A policy refresh was asked for: the cycle runs now.');
    // Run Advertised Programs beside it: the agent, which owns the cache, runs it and logs how it went.
    expect(await client('run-advertised-programs', '--run', '../../x')).toMatchObject({ code: 1, err: expect.stringMatching(/--run "\.\.\/\.\.\/x": /) });
    expect(await client('run-advertised-programs', '--run', 'a0129999', '--json')).toMatchObject({ code: 0, out: `${JSON.stringify({ askedAgent: child.pid, advertisementId: 'A0129999' })}\n` });
    const execmgr = join(clientDir(), 'logs', 'execmgr.log');
    await expect.poll(() => (existsSync(execmgr) ? readFileSync(execmgr, 'utf8') : ''), { timeout: 30_000, interval: 100 }).toContain("Run Advertised Programs: Advertisement A0129999 is not in this client's policy");
    expect(existsSync(join(clientDir(), 'agent', 'run-A0129999.request'))).toBe(false);
    expect(JSON.parse((await client('status', '--json')).out)).toMatchObject({ agentProcess: child.pid });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const text = readFileSync(log, 'utf8');
    expect(text).toContain('The client agent started.');
    expect(text).toMatch(/Registered with .* as resource \d+ \(new: this client has not registered yet\)/);
    expect(text).toContain('SIGTERM received: the step in hand finishes, then the agent stops.');
    expect(text).toContain('The client agent stopped after 3 cycle(s).');
    expect(existsSync(join(clientDir(), 'agent', 'agent.pid'))).toBe(false);
    expect(text).toMatch(/^<!\[LOG\[.*\]LOG\]!><time="[\d:.+-]+" date="[\d-]+" component="PolicyAgent" context="" type="1" thread="\d+" file="">\r$/m);
    expect(stdout).toMatch(/cycle: management point answered; 0 advertisement\(s\)/);
  });
});
