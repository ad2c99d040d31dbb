import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistributionManagerSettingsDto, DistributionPlanDto, DistributionPointDto, DpGroupDto } from '../../core/api';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each spawn of the CLI costs a second or more here, hence the long timeouts.
let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);
const json = <T>(stdout: string): T => JSON.parse(stdout) as T;

beforeAll(() => {
  data = makeTempDir('courier-cli-dp-');
  for (const folder of ['vol/d', 'vol/e', 'vol/f', 'source']) mkdirSync(join(data.path, folder), { recursive: true });
  writeFileSync(join(data.path, 'source', 'setup.exe'), Buffer.alloc(2048));
  writeFileSync(join(data.path, 'source', 'data.cab'), Buffer.alloc(1024));
});
afterAll(() => data.remove());

describe('courier dp and dp-group', () => {
  it('adds, lists, shows and removes distribution points and groups, with the contract JSON', async () => {
    const added = await courier('dp', 'add', 'DP01', '--volume', `D=${join(data.path, 'vol/d')}`, '--volume', `e=${join(data.path, 'vol/e')}/`, '--reserve-mb', '500', '--bits', '--json');
    expect(added.code, added.stderr).toBe(0);
    const dp = json<DistributionPointDto>(added.stdout);
    expect(dp).toMatchObject({
      name: 'DP01',
      mode: 'server',
      bitsEnabled: true,
      nalPath: '["Display=\\\\DP01\\"]MSWNET:["SMS_SITE=A01"]\\\\DP01\\',
      volumes: [
        { letter: 'D', path: join(data.path, 'vol/d'), reserveMb: 500, shareName: 'SMSPKGD$' },
        { letter: 'E', path: join(data.path, 'vol/e'), reserveMb: 500, shareName: 'SMSPKGE$' },
      ],
    });

    const share = await courier('dp', 'add', 'DP02', '--server-share', '\\\\files\\dist', '--protected', '--boundary', 'subnet:10.1.0.0/16', '--boundary', 'adsite:HQ', '--json');
    expect(share.code, share.stderr).toBe(0);
    expect(json<DistributionPointDto>(share.stdout)).toMatchObject({ mode: 'serverShare', serverShare: '\\\\files\\dist', protected: true, boundaries: [{ kind: 'ipSubnet' }, { kind: 'adSite' }] });

    const list = await courier('dp', 'list');
    expect(list.stdout).toMatch(/^Name\s+Mode\s+Provider\s+Packages\s+State\s+Volumes or share\n/);
    expect(list.stdout).toContain('DP02  serverShare');
    const shown = await courier('dp', 'show', 'dp02');
    expect(shown.stdout).toContain('Protected:      yes: ipSubnet 10.1.0.0/16, adSite HQ');

    const updated = await courier('dp', 'update', 'DP01', '--no-bits', '--protected', '--boundary', 'range:10.0.0.1-10.0.0.9', '--add-volume', `F=${join(data.path, 'vol/f')}`, '--reserve-mb', '7', '--remove-volume', 'e', '--json');
    expect(updated.code, updated.stderr).toBe(0);
    expect(json<DistributionPointDto>(updated.stdout)).toMatchObject({
      bitsEnabled: false,
      protected: true,
      boundaries: [{ kind: 'ipRange', value: '10.0.0.1-10.0.0.9' }],
      volumes: [{ letter: 'D', reserveMb: 500 }, { letter: 'F', reserveMb: 7 }],
    });
    const noVolume = await courier('dp', 'update', 'DP01', '--remove-volume', 'Q');
    expect([noVolume.code, noVolume.stderr]).toEqual([1, 'courier: DP01 has no volume Q; see courier dp show DP01. (--volume)\n']);
    expect((await courier('dp', 'update', 'DP01', '--no-protected', '--remove-volume', 'F')).code).toBe(0);

    const group = await courier('dp-group', 'create', 'West', '--member', 'DP01', '--description', 'Western offices', '--json');
    expect(json<DpGroupDto>(group.stdout)).toMatchObject({ name: 'West', members: ['DP01'], description: 'Western offices' });
    expect(json<DpGroupDto>((await courier('dp-group', 'add-member', 'West', 'DP02', '--json')).stdout).members).toEqual(['DP01', 'DP02']);
    expect((await courier('dp-group', 'remove-member', 'West', 'DP02')).stdout).toContain('Removed DP02 from group West.');
    expect((await courier('dp-group', 'list')).stdout).toMatch(/West\s+DP01\s+Western offices/);
    expect((await courier('dp-group', 'rename', 'West', 'Pacific')).stdout).toBe('Renamed distribution point group West to Pacific.\n');
    const deletedGroup = await courier('dp-group', 'delete', 'Pacific', '--json');
    expect(json<DpGroupDto[]>(deletedGroup.stdout)).toEqual([]);

    const removed = await courier('dp', 'remove', 'DP02', '--json');
    expect(json(removed.stdout)).toMatchObject({ name: 'DP02', deleted: true });
  }, 120_000);

  it('refuses a wrong command line with exit 2 before opening a site, and a refused request with exit 1 naming the option', async () => {
    const never = join(data.path, 'never');
    const usage = [
      ['dp', 'add', 'DP09'],
      ['dp', 'add', 'DP09', '--volume', 'D'],
      ['dp', 'add', 'DP09', '--volume', 'D=/x', '--server-share', '\\\\a\\b'],
      ['dp', 'add', 'DP09', '--volume', 'D=/x', '--boundary', '10.0.0.0/8'],
      ['dp', 'add', 'DP09', '--volume', 'D=/x', '--reserve-mb', '-5'],
      ['dp', 'add', 'DP09', '--volume', 'D=/x', '--share-provider', 'nfs'],
      ['package', 'distribute', 'A0100001'],
      ['package', 'refresh', 'A0100001'],
      ['package', 'retry', 'A0100001'],
      ['package', 'cancel', 'A0100001'],
      ['component', 'show', 'offermgr'],
      ['component', 'set', 'distmgr'],
      ['component', 'set', 'distmgr', '--retries', 'many'],
    ];
    for (const args of usage) {
      const run = await runCli(['--data-dir', never, ...args, '--json']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(json<{ error: { code: string } }>(run.stdout).error.code, args.join(' ')).toBe('VALIDATION_FAILED');
    }
    expect(existsSync(never)).toBe(false);

    const refused = await courier('dp', 'add', 'DP"9', '--volume', `D=${join(data.path, 'vol/f')}`);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(/^courier: The server name "DP"9" may hold only letters.*\(<name>\)\n$/)]);
    const fileVolume = await courier('dp', 'add', 'DP09', '--volume', `D=${join(data.path, 'source', 'setup.exe')}`, '--json');
    expect(fileVolume.code).toBe(1);
    expect(json(fileVolume.stdout)).toMatchObject({ error: { code: 'SOURCE_NOT_FOUND', field: 'volumes.0.path' } });
    expect(fileVolume.stderr).toContain('(--volume)');
    const unprotected = await courier('dp', 'add', 'DP09', '--volume', `D=${join(data.path, 'vol/f')}`, '--protected');
    expect([unprotected.code, unprotected.stderr]).toEqual([1, expect.stringContaining('needs at least one boundary')]);
    expect((await courier('dp', 'show', 'DP09')).code).toBe(1);
  }, 120_000);
});

describe('courier package distribute, update-dps, refresh, remove-dp, status', () => {
  it('puts a package on DPs, says what it will transfer, and prints the status in the contract shape', async () => {
    expect((await courier('dp', 'add', 'DP03', '--volume', `F=${join(data.path, 'vol/f')}`)).code).toBe(0);
    const created = await courier('package', 'create', '--name', 'Office', '--source', join(data.path, 'source'), '--json');
    const packageId = json<{ packageId: string }>(created.stdout).packageId;

    const plan = await courier('package', 'distribute', packageId, '--dp', 'DP01', '--dp', 'DP03', '--json');
    expect(plan.code, plan.stderr).toBe(0);
    expect(json<DistributionPlanDto>(plan.stdout)).toMatchObject({ packageId, action: 'distribute', distributionPoints: ['DP01', 'DP03'], files: 2, bytes: 3072 });
    expect(existsSync(join(site(), 'SMS', 'Inboxes', 'Distmgr.box', `${packageId}.PKN`))).toBe(true);

    const twice = await courier('package', 'distribute', packageId, '--dp', 'DP01');
    expect([twice.code, twice.stderr]).toEqual([1, expect.stringContaining('DP01: it already has the package (installPending). (--dp)')]);

    const update = await courier('package', 'update-dps', packageId);
    expect(update.stdout).toContain('is now at source version 2');
    const refresh = await courier('package', 'refresh', packageId, '--dp', 'DP03');
    expect(refresh.stdout).toContain('to DP03 again, 2 files (3 KB)');
    const removal = await courier('package', 'remove-dp', packageId, '--dp', 'DP01');
    expect(removal.stdout).toContain('delete its folder there');

    const status = await courier('package', 'status', packageId, '--json');
    const parsed = json<{ packageId: string; sourceVersion: number; distributionPoints: Record<string, unknown>[] }>(status.stdout);
    expect(Object.keys(parsed)).toEqual(['packageId', 'sourceVersion', 'distributionPoints']);
    expect(parsed.sourceVersion).toBe(2);
    expect(parsed.distributionPoints.map((d) => [d.name, d.state])).toEqual([
      ['DP01', 'removalPending'],
      ['DP03', 'installPending'],
    ]);
    for (const key of ['name', 'nalPath', 'state', 'path', 'sourceVersion', 'files', 'bytes', 'lastCopied', 'attempts', 'lastError']) {
      expect(parsed.distributionPoints[0], key).toHaveProperty(key);
    }
    expect((await courier('package', 'status', packageId)).stdout).toMatch(/DP03\s+installPending\s+- → 2/);
    // Retry Now and Cancel: a row that is not retrying is refused in the core's words; one that is, is answered with its new state.
    const notRetrying = await courier('package', 'cancel', packageId, '--dp', 'DP03');
    expect([notRetrying.code, notRetrying.stderr]).toEqual([1, `courier: Package ${packageId} on DP03 is installPending, not retrying: there are no retries to cancel. (--dp)\n`]);
    const nothingDue = await courier('package', 'retry', packageId, '--dp', 'DP03', '--json');
    expect(nothingDue.code).toBe(1);
    expect(json(nothingDue.stdout)).toMatchObject({ error: { code: 'CONFLICT', field: 'distributionPoint' } });

    const noSource = await courier('package', 'create', '--name', 'Script', '--no-source', '--json');
    const scriptId = json<{ packageId: string }>(noSource.stdout).packageId;
    const refusedNoSource = await courier('package', 'distribute', scriptId, '--dp', 'DP03');
    expect([refusedNoSource.code, refusedNoSource.stderr]).toEqual([1, expect.stringContaining('contains no source files, so it needs no distribution point')]);
  }, 120_000);
});

describe('courier component show|set distmgr', () => {
  it('shows the defaults and changes them within bounds', async () => {
    const shown = await courier('component', 'show', 'distmgr', '--json');
    expect(json<DistributionManagerSettingsDto>(shown.stdout)).toMatchObject({ maxPackages: 3, threadsPerPackage: 5, retries: 100, retryDelayMinutes: 30 });
    const set = await courier('component', 'set', 'distmgr', '--max-packages', '5', '--threads-per-package', '10', '--retries', '20', '--retry-delay', '15', '--json');
    expect(json<DistributionManagerSettingsDto>(set.stdout)).toMatchObject({ maxPackages: 5, threadsPerPackage: 10, retries: 20, retryDelayMinutes: 15 });
    const tooMany = await courier('component', 'set', 'distmgr', '--threads-per-package', '1000');
    expect([tooMany.code, tooMany.stderr]).toEqual([1, 'courier: The maximum threads per package must be from 1 to 999. (--threads-per-package)\n']);
    expect((await courier('component', 'show', 'distmgr')).stdout).toContain('Maximum threads per package: 10');
  }, 120_000);
});
