import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComponentRunner, type ComponentRunner } from '../../core';
import { mpAuthScheme, mpRegisterResponseSchema, type MpClientDto, type MpSettingsDto } from '../../core/api';
import { createMpControlManager, mpControlName } from '../../core/components/mpcontrol';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn of the CLI costs a second or more here, hence the long timeout.
let data: TempDir;
let runner: ComponentRunner | null = null;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

beforeAll(() => {
  data = makeTempDir('courier-cli-mp-');
});
afterAll(async () => {
  await runner?.stop();
  data.remove();
});

describe('courier mp and courier client', { timeout: 120_000 }, () => {
  it('shows and sets the settings, naming the option of a refused value; lists, approves, blocks and resets clients by name or ID', async () => {
    const set = await courier('mp', 'set', '--port', '0', '--approval', 'manual', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(json<MpSettingsDto>(set.stdout)).toMatchObject({ address: '127.0.0.1', port: 0, approval: 'manual', certificateFile: null });
    const badPort = await courier('mp', 'set', '--port', '70000');
    expect([badPort.code, badPort.stderr]).toEqual([1, 'courier: The port is 0 (any free one) to 65535. (--port)\n']);
    const halfTls = await courier('mp', 'set', '--certificate', '/nowhere/mp.crt');
    expect(halfTls.code).toBe(1);
    expect(halfTls.stderr).toContain('(--key)');
    expect((await courier('mp', 'set')).code).toBe(2);

    runner = startComponentRunner({ dataDir: site(), components: [{ name: mpControlName, thread: 'inline' }], factories: { [mpControlName]: () => createMpControlManager() }, leaseMs: 2_000 });
    let url = '';
    await expect
      .poll(
        async () => {
          const shown = await courier('mp', 'show', '--json');
          url = json<{ status: { url: string | null } }>(shown.stdout).status.url ?? '';
          return url;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ccm\/v1\/$/);
    const text = await courier('mp', 'show');
    expect(text.stdout).toMatch(/Running:\s+yes, at http:\/\/127\.0\.0\.1:\d+\/ccm\/v1\//);

    const registered = await fetch(new URL('register', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'PC0001', operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 5.1', platform: 'I386', ipAddresses: [], ipSubnets: [], loggedOnUsers: [] }),
    });
    const pc = mpRegisterResponseSchema.parse(await registered.json());
    expect(pc.approval).toBe('pending');

    const shown = await courier('client', 'show', 'PC0001');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Operating system:\s+Microsoft Windows NT Workstation 5\.1/);
    expect(shown.stdout).toMatch(/Approval:\s+pending/);
    expect(shown.stdout).toMatch(/Logged-on users:\s+\(none\)/);
    expect(json<{ resourceId: number; platform: string; policyVersion: number }>((await courier('client', 'show', String(pc.resourceId), '--json')).stdout)).toMatchObject({
      resourceId: pc.resourceId,
      platform: 'I386',
      policyVersion: 0,
    });
    const pending = await courier('client', 'list', '--pending', '--json');
    expect(json<MpClientDto[]>(pending.stdout).map((c) => [c.name, c.approval])).toEqual([['PC0001', 'pending']]);
    const approved = await courier('client', 'approve', 'pc0001');
    expect([approved.code, approved.stdout]).toEqual([0, `PC0001 (resource ${pc.resourceId}) is approved.\n`]);
    const policy = await fetch(new URL('policy/machine', url), { headers: { authorization: `${mpAuthScheme} ${pc.resourceId}:${pc.secret}` } });
    expect(policy.status).toBe(200);
    expect(json<MpClientDto>((await courier('client', 'block', String(pc.resourceId), '--json')).stdout).approval).toBe('blocked');
    const reset = await courier('client', 'reset', 'PC0001', '--json');
    expect(json<MpClientDto>(reset.stdout)).toMatchObject({ resourceId: pc.resourceId, approval: 'blocked', secretReset: true });
    const listed = await courier('client', 'list');
    expect(listed.stdout).toMatch(/PC0001\s+blocked \(secret reset\)/);
    const unknown = await courier('client', 'approve', 'PC9999');
    expect([unknown.code, unknown.stderr]).toEqual([1, 'courier: PC9999 is not a client of this management point; see courier client list. (<client>)\n']);
  });
});
