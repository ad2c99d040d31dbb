import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentLocationDto, SiteBoundaryDto } from '../../core/api';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn of the CLI costs a second or more here, hence the long timeouts.
let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

beforeAll(() => {
  data = makeTempDir('courier-cli-boundaries-');
  for (const folder of ['vol/dp01', 'vol/dp02', 'source']) mkdirSync(join(data.path, folder), { recursive: true });
  writeFileSync(join(data.path, 'source', 'setup.exe'), 'setup');
});
afterAll(() => data.remove());

describe('courier boundary and content locate', () => {
  it('adds, lists, changes and removes site boundaries, refusing what the DP boundary parser refuses', async () => {
    const never = join(data.path, 'never');
    for (const args of [['boundary', 'add', '10.1.0.0/16'], ['boundary', 'add', 'net:10.1.0.0/16'], ['boundary', 'set', '1'], ['boundary', 'set', '1', '--fast', '--slow']]) {
      const run = await runCli(['--data-dir', never, ...args, '--json']);
      expect(run.code, args.join(' ')).toBe(2);
    }
    expect(existsSync(never)).toBe(false);

    const subnet = await courier('boundary', 'add', 'subnet:10.1.0.0/16', '--description', 'HQ LAN', '--json');
    expect(subnet.code, subnet.stderr).toBe(0);
    expect(json<SiteBoundaryDto>(subnet.stdout)).toEqual({ id: 1, kind: 'ipSubnet', value: '10.1.0.0/16', description: 'HQ LAN', connection: 'fast' });
    expect((await courier('boundary', 'add', 'range:10.9.0.1-10.9.0.200', '--slow')).code).toBe(0);
    expect((await courier('boundary', 'add', 'adsite:Branch-Office')).code).toBe(0);

    const refusals: [string[], string][] = [
      [['boundary', 'add', 'subnet:10.1.2.3/16'], 'courier: "10.1.2.3/16" has host bits set: the network of a /16 subnet is 10.1.0.0/16. (<boundary>)\n'],
      [['boundary', 'add', 'range:10.1.0.9-10.1.0.1'], 'courier: The IP range 10.1.0.9-10.1.0.1 ends before it starts: give the lower address first. (<boundary>)\n'],
      [['boundary', 'add', 'adsite:-bad'], 'courier: The Active Directory site name "-bad" cannot start or end with a hyphen. (<boundary>)\n'],
      [['boundary', 'add', 'SUBNET:10.1.0.0/16'], 'courier: The site already has the boundary 10.1.0.0/16 (ID 1). (<boundary>)\n'],
      [['boundary', 'remove', '99'], 'courier: There is no site boundary 99; see courier boundary list. (<boundary>)\n'],
      [['boundary', 'remove', 'subnet:10.2.0.0/16'], 'courier: The site has no boundary subnet:10.2.0.0/16; see courier boundary list.\n'],
      [['boundary', 'set', '1', '--value', 'subnet:10.1.0.1/16'], 'courier: "10.1.0.1/16" has host bits set: the network of a /16 subnet is 10.1.0.0/16. (--value)\n'],
      [['boundary', 'set', '1', '--value', 'adsite:branch-office'], 'courier: The site already has the boundary Branch-Office (ID 3). (--value)\n'],
    ];
    for (const [args, stderr] of refusals) {
      const run = await courier(...args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([1, stderr]);
    }

    const changed = await courier('boundary', 'set', 'subnet:10.1.0.0/16', '--value', 'subnet:10.1.0.0/20', '--slow', '--json');
    expect(json<SiteBoundaryDto>(changed.stdout)).toEqual({ id: 1, kind: 'ipSubnet', value: '10.1.0.0/20', description: 'HQ LAN', connection: 'slow' });
    expect((await courier('boundary', 'set', '1', '--fast')).code).toBe(0);
    const listed = await courier('boundary', 'list', '--json');
    expect(json<SiteBoundaryDto[]>(listed.stdout).map((b) => [b.id, b.kind, b.value, b.connection])).toEqual([
      [3, 'adSite', 'Branch-Office', 'fast'],
      [2, 'ipRange', '10.9.0.1-10.9.0.200', 'slow'],
      [1, 'ipSubnet', '10.1.0.0/20', 'fast'],
    ]);
    const text = await courier('boundary', 'list');
    expect(text.stdout).toMatch(/^1 +subnet:10\.1\.0\.0\/20 +fast +HQ LAN$/m);
    const left = await courier('boundary', 'remove', 'adsite:branch-office', '--json');
    expect(json<SiteBoundaryDto[]>(left.stdout).map((b) => b.id)).toEqual([2, 1]);
  }, 120_000);

  it('locates a package for a client by its addresses, the boundaries and the advertisement, with the content service URL', async () => {
    const setup = [
      ['dp', 'add', 'DP01', '--volume', `D=${join(data.path, 'vol/dp01')}`, '--bits'],
      ['dp', 'add', 'DP02', '--volume', `D=${join(data.path, 'vol/dp02')}`, '--protected', '--boundary', 'subnet:10.9.0.0/24'],
      ['package', 'create', '--name', 'Viewer', '--source', join(data.path, 'source')],
      ['program', 'create', 'A0100001', '--name', 'Typical', '--command-line', 'setup.exe'],
      ['package', 'distribute', 'A0100001', '--dp', 'DP01', '--dp', 'DP02', '--wait'],
      ['resource', 'add', 'PC0001', '--ip-address', '10.1.0.5', '--ip-address', 'fe80::1'],
      ['resource', 'add', 'PC0002', '--ip-address', '10.9.0.7'],
      ['resource', 'add', 'PC0003', '--ip-address', '192.168.1.1'],
      ['collection', 'create', '--name', 'Pilot'],
      ['advertisement', 'create', '--name', 'Viewer', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010', '--slow-network', 'download', '--allow-fallback'],
      ['content-service', 'set', '--port', '8531'],
    ];
    for (const args of setup) {
      const run = await courier(...args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    const locate = async (...args: string[]) => {
      const run = await courier('content', 'locate', ...args, '--json');
      expect(run.code, run.stderr).toBe(0);
      return json<ContentLocationDto>(run.stdout);
    };
    const fast = await locate('--client', 'pc0001', '--package', 'A0100001');
    expect(fast).toMatchObject({
      client: { name: 'PC0001', ipAddresses: ['10.1.0.5', 'fe80::1'], adSite: null },
      sourceVersion: 1,
      advertisementId: null,
      options: { fastNetwork: 'download', slowNetwork: 'doNotRun', allowFallback: false },
      network: 'fast',
      action: 'download',
    });
    expect(fast.dps).toEqual([{ name: 'DP01', uncPath: '\\\\DP01\\SMSPKGD$\\A0100001', httpUrl: 'http://DP01:8531/SMS_DP_SMSPKGD$/A0100001/', via: 'siteBoundary' }]);

    // On the slow range: no DP without an advertisement, the protected DP first and DP01 with one that downloads.
    expect((await locate('--client', 'PC0002', '--package', 'A0100001')).dps).toEqual([]);
    const slow = await locate('--client', 'PC0002', '--package', 'A0100001', '--advertisement', 'A0120000');
    expect([slow.network, slow.action, slow.dps.map((dp) => [dp.name, dp.via, dp.httpUrl === null])]).toEqual(['slow', 'download', [['DP02', 'protected', true], ['DP01', 'siteBoundary', false]]]);
    const outside = await locate('--client', 'PC0003', '--package', 'A0100001', '--advertisement', 'A0120000');
    expect([outside.network, outside.dps.map((dp) => [dp.name, dp.via])]).toEqual(['none', [['DP01', 'fallback']]]);
    expect((await locate('--client', 'PC0001', '--package', 'A0100001', '--source-version', '2')).reason).toMatch(/No distribution point holds version 2/);

    const refusals: [string[], string][] = [
      [['--client', 'PC0999', '--package', 'A0100001'], 'courier: There is no resource named PC0999 at this site; see courier resource list. (--client)\n'],
      [['--client', 'PC0001', '--package', 'A0100009'], 'courier: There is no package A0100009 at this site; see courier package list. (--package)\n'],
      [['--client', 'PC0001', '--package', 'A0100001', '--advertisement', 'A0129999'], 'courier: There is no advertisement A0129999 at this site; see courier advertisement list. (--advertisement)\n'],
    ];
    for (const [args, stderr] of refusals) {
      const run = await courier('content', 'locate', ...args);
      expect([run.code, run.stderr], args.join(' ')).toEqual([1, stderr]);
    }
    const text = await courier('content', 'locate', '--client', 'PC0001', '--package', 'A0100001');
    expect(text.stdout).toMatch(/^DP01 +siteBoundary +\\\\DP01\\SMSPKGD\$\\A0100001 +http:\/\/DP01:8531\/SMS_DP_SMSPKGD\$\/A0100001\/$/m);
  }, 180_000);
});
