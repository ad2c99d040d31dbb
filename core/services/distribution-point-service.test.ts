import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DistributionPointDto, DpCreateInput } from '../api';
import { createCore, type Core } from '../core';
import { value } from '../../test/helpers/api-result';

let dir: string;
let core: Core;


function volume(name: string): string {
  const path = join(dir, 'volumes', name);
  mkdirSync(path, { recursive: true });
  return path;
}

const add = (input: DpCreateInput) => core.client['distribution-points:create'](input);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-dp-'));
  core = createCore({ dataDir: join(dir, 'site'), now: () => new Date('2026-12-02T08:00:00Z') });
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('distribution points', () => {
  it('adds a server DP with two volumes, in the suite forms', async () => {
    const d = volume('d');
    const e = volume('e');
    const dp = value(await add({ name: 'dp01.contoso.com', volumes: [{ letter: 'd', path: `${d}/` }, { letter: 'E:', path: e, reserveMb: 500 }], bitsEnabled: true }));
    expect(dp).toMatchObject({
      name: 'dp01.contoso.com',
      serverName: 'dp01.contoso.com',
      netbiosName: 'DP01',
      siteCode: 'A01',
      mode: 'server',
      kind: 'standard',
      serverShare: null,
      nalPath: '["Display=\\\\dp01.contoso.com\\"]MSWNET:["SMS_SITE=A01"]\\\\dp01.contoso.com\\',
      bitsEnabled: true,
      protected: false,
      shareProvider: 'local',
      sambaConf: null,
      volumes: [
        { letter: 'D', path: d, reserveMb: 0, shareName: 'SMSPKGD$' },
        { letter: 'E', path: e, reserveMb: 500, shareName: 'SMSPKGE$' },
      ],
      groups: [],
      packageCount: 0,
      deleting: false,
    } satisfies Partial<DistributionPointDto>);
    expect(value(await core.client['distribution-points:get']({ name: 'DP01.CONTOSO.COM' })).name).toBe('dp01.contoso.com');
    expect(value(await core.client['distribution-points:list']({})).map((p) => p.name)).toEqual(['dp01.contoso.com']);
  });

  it('adds a server share DP and a protected DP with boundaries in their normal spelling', async () => {
    const share = value(await add({ name: 'DP02', serverShare: '\\\\files\\dist\\', shareReserveMb: 100 }));
    expect(share).toMatchObject({
      mode: 'serverShare',
      serverName: 'files',
      serverShare: '\\\\files\\dist',
      shareReserveMb: 100,
      volumes: [],
      nalPath: '["Display=\\\\files\\dist\\"]MSWNET:["SMS_SITE=A01"]\\\\files\\dist\\',
    });
    const guarded = value(
      await add({
        name: 'DP03',
        volumes: [{ letter: 'D', path: volume('g') }],
        protected: true,
        boundaries: [
          { kind: 'ipSubnet', value: ' 10.1.0.0/16 ' },
          { kind: 'ipRange', value: '10.2.0.1 - 10.2.0.200' },
          { kind: 'adSite', value: 'Default-First-Site-Name' },
        ],
      }),
    );
    expect(guarded.boundaries).toEqual([
      { kind: 'ipSubnet', value: '10.1.0.0/16' },
      { kind: 'ipRange', value: '10.2.0.1-10.2.0.200' },
      { kind: 'adSite', value: 'Default-First-Site-Name' },
    ]);
  });

  it('refuses a second DP of the same name or on the same share, however spelled', async () => {
    value(await add({ name: 'DP01', volumes: [{ letter: 'D', path: volume('d') }] }));
    expect(await add({ name: 'dp01', volumes: [{ letter: 'D', path: volume('x') }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    value(await add({ name: 'DP02', serverShare: '\\\\files\\dist' }));
    expect(await add({ name: 'DP03', serverShare: '\\\\FILES\\Dist\\' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'serverShare', message: expect.stringContaining('already distribution point DP02') },
    });
    expect(await add({ name: 'DP04', volumes: [{ letter: 'F', path: join(dir, 'volumes', 'd') }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('already volume D of distribution point DP01') },
    });
    expect(value(await core.client['distribution-points:list']({})).map((p) => p.name)).toEqual(['DP01', 'DP02']);
  });

  it('keeps a server share apart from the packages\' own shares, and names a long or numeric share server', async () => {
    value(await core.client['packages:create']({ name: 'Office', dataAccess: 'shareFolder', shareFolder: '\\\\files\\dist\\office' }));
    expect(await add({ name: 'DP05', serverShare: '\\\\files\\dist' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'serverShare', message: expect.stringContaining('the share of package Office (A0100001)') },
    });
    value(await add({ name: 'DP08', serverShare: '\\\\files\\apps' }));
    expect(await core.client['packages:create']({ name: 'Viewer', dataAccess: 'shareFolder', shareFolder: '\\\\FILES\\apps\\viewer' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'shareFolder', message: expect.stringContaining('the share of distribution point DP08') },
    });
    expect(value(await add({ name: 'DP06', serverShare: '\\\\averyveryverylongservername.contoso.com\\dist' }))).toMatchObject({ netbiosName: 'AVERYVERYVERYLO' });
    expect(value(await add({ name: 'DP07', serverShare: '\\\\10.0.0.5\\dist' }))).toMatchObject({ serverName: '10.0.0.5', netbiosName: '10.0.0.5' });
  });

  it('refuses hostile names, letters, reserves, paths and boundaries, and writes nothing', async () => {
    const d = volume('d');
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const fifo = join(dir, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    const cases: [DpCreateInput, string, RegExp][] = [
      [{ name: 'DP\n01', volumes: [{ letter: 'D', path: d }] }, 'name', /line break/],
      [{ name: 'x'.repeat(300), volumes: [{ letter: 'D', path: d }] }, 'name', /at most 253/],
      [{ name: 'averyveryverylongname.contoso.com', volumes: [{ letter: 'D', path: d }] }, 'name', /NetBIOS name .* at most 15/],
      [{ name: 'DP"01', volumes: [{ letter: 'D', path: d }] }, 'name', /only letters, digits, hyphens and dots/],
      [{ name: 'dp_01.contoso.com', volumes: [{ letter: 'D', path: d }] }, 'name', /only letters, digits, hyphens and dots \(found "_"\)/],
      [{ name: '1234', volumes: [{ letter: 'D', path: d }] }, 'name', /all digits/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: '\\\\dp01\\D$\\..\\x' }] }, 'volumes.0.path', /cannot use \.\./],
      [{ name: 'DP01', volumes: [] }, 'volumes', /at least one volume/],
      [{ name: 'DP01', volumes: [{ letter: '1', path: d }] }, 'volumes.0.letter', /not a drive letter/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }, { letter: 'd', path: volume('e') }] }, 'volumes', /given twice/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d, reserveMb: -1 }] }, 'volumes.0.reserveMb', /cannot be negative/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d, reserveMb: 1e300 }] }, 'volumes.0.reserveMb', /at most/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d, reserveMb: 1.5 }] }, 'volumes.0.reserveMb', /whole number/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: `${dir}/../etc` }] }, 'volumes.0.path', /cannot use \.\./],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: 'relative/dir' }] }, 'volumes.0.path', /not a full path/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: file }] }, 'volumes.0.path', /is a file, not a folder/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: fifo }] }, 'volumes.0.path', /named pipe \(FIFO\), not a folder/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: join(dir, 'missing') }] }, 'volumes.0.path', /does not exist/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: '/proc/self' }] }, 'volumes.0.path', /proc/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: '\\\\dp01\\D$' }] }, 'volumes.0.path', /Path Mappings/],
      [{ name: 'DP01', serverShare: '\\\\files\\dist', volumes: [{ letter: 'D', path: d }] }, 'volumes', /has no volumes/],
      [{ name: 'DP01', serverShare: '\\\\files\\SMSPKGD$' }, 'serverShare', /keeps for itself/],
      [{ name: 'DP01', serverShare: 'C:\\dist' }, 'serverShare', /UNC path/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], protected: true }, 'boundaries', /at least one boundary/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], boundaries: [{ kind: 'adSite', value: 'X' }] }, 'boundaries', /make it protected/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], protected: true, boundaries: [{ kind: 'ipSubnet', value: '10.1.2.3/16' }] }, 'boundaries.0.value', /network of a \/16 subnet is 10\.1\.0\.0\/16/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], protected: true, boundaries: [{ kind: 'ipSubnet', value: '10.1.0.0/33' }] }, 'boundaries.0.value', /0 to 32/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], protected: true, boundaries: [{ kind: 'ipRange', value: '10.0.0.9-10.0.0.1' }] }, 'boundaries.0.value', /ends before it starts/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], protected: true, boundaries: [{ kind: 'ipRange', value: '10.0.0.256-10.0.1.1' }] }, 'boundaries.0.value', /not an IPv4 address/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], protected: true, boundaries: [{ kind: 'adSite', value: 'Site One' }] }, 'boundaries.0.value', /letters, digits and hyphens/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], shareProvider: 'samba' }, 'sambaConf', /needs the smb.conf/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], sambaConf: '/etc/samba/smb.conf' }, 'sambaConf', /samba share provider only/],
      [{ name: 'DP01', volumes: [{ letter: 'D', path: d }], shareProvider: 'samba', sambaConf: d }, 'sambaConf', /is a folder/],
    ];
    for (const [input, field, message] of cases) {
      const result = await add(input);
      expect(result, JSON.stringify(input).slice(0, 120)).toMatchObject({ ok: false, error: { field, message: expect.stringMatching(message) } });
    }
    expect(value(await core.client['distribution-points:list']({}))).toEqual([]);
  });

  it('changes settings, keeps the volumes a package is on, and wakes Distribution Manager for its packages', async () => {
    const source = join(dir, 'source');
    mkdirSync(source);
    writeFileSync(join(source, 'setup.exe'), 'x');
    value(await add({ name: 'DP01', volumes: [{ letter: 'D', path: volume('d') }, { letter: 'E', path: volume('e') }] }));
    const conf = join(dir, 'smb.conf');
    writeFileSync(conf, '[global]\n');
    const changed = value(await core.client['distribution-points:update']({ name: 'dp01', changes: { shareProvider: 'samba', sambaConf: conf, protected: true, boundaries: [{ kind: 'adSite', value: 'HQ' }] } }));
    expect(changed).toMatchObject({ shareProvider: 'samba', sambaConf: conf, protected: true, boundaries: [{ kind: 'adSite', value: 'HQ' }] });
    expect(value(await core.client['distribution-points:update']({ name: 'DP01', changes: { protected: false } })).boundaries).toEqual([]);
    expect(await core.client['distribution-points:update']({ name: 'DP01', changes: { volumes: [] } })).toMatchObject({ ok: false, error: { field: 'volumes' } });
    expect(await core.client['distribution-points:update']({ name: 'DP09', changes: { bitsEnabled: true } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.client['distribution-points:update']({ name: 'DP01', changes: { colour: 'red' } as never })).toMatchObject({ ok: false, error: { field: 'colour' } });
  });

  it('deletes a DP without packages at once, and its site system with it', async () => {
    value(await add({ name: 'DP01', volumes: [{ letter: 'D', path: volume('d') }] }));
    value(await core.client['dp-groups:create']({ name: 'West', members: ['DP01'] }));
    expect(value(await core.client['distribution-points:delete']({ name: 'dp01' }))).toMatchObject({ name: 'DP01', deleted: true, removalPending: [] });
    expect(value(await core.client['dp-groups:get']({ name: 'West' })).members).toEqual([]);
    expect(await core.client['distribution-points:get']({ name: 'DP01' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The name and the folder are free again.
    value(await add({ name: 'DP01', volumes: [{ letter: 'D', path: join(dir, 'volumes', 'd') }] }));
  });
});

describe('distribution point groups', () => {
  it('creates, renames, lists members both ways, and deletes without touching the DPs', async () => {
    value(await add({ name: 'DP01', volumes: [{ letter: 'D', path: volume('d') }] }));
    value(await add({ name: 'DP02', serverShare: '\\\\files\\dist' }));
    expect(value(await core.client['dp-groups:create']({ name: 'West', description: 'Western offices', members: ['dp02'] }))).toMatchObject({
      name: 'West',
      description: 'Western offices',
      members: ['DP02'],
    });
    expect(value(await core.client['dp-groups:add-member']({ name: 'west', distributionPoint: 'DP01' })).members).toEqual(['DP01', 'DP02']);
    expect(await core.client['dp-groups:add-member']({ name: 'West', distributionPoint: 'DP01' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.client['dp-groups:create']({ name: 'WEST' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    expect(await core.client['dp-groups:create']({ name: 'East', members: ['DP09'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'members' } });
    expect(value(await core.client['distribution-points:get']({ name: 'DP01' })).groups).toEqual(['West']);
    expect(value(await core.client['dp-groups:update']({ name: 'West', changes: { name: 'Pacific' } })).name).toBe('Pacific');
    expect(value(await core.client['distribution-points:get']({ name: 'DP01' })).groups).toEqual(['Pacific']);
    expect(value(await core.client['dp-groups:remove-member']({ name: 'Pacific', distributionPoint: 'DP02' })).members).toEqual(['DP01']);
    expect(await core.client['dp-groups:remove-member']({ name: 'Pacific', distributionPoint: 'DP02' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(value(await core.client['dp-groups:delete']({ name: 'Pacific' }))).toEqual([]);
    expect(value(await core.client['distribution-points:list']({})).map((dp) => dp.name)).toEqual(['DP01', 'DP02']);
    expect(await core.client['dp-groups:create']({ name: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { field: 'name', message: expect.stringMatching(/at most 64/) } });
  });
});

describe('Distribution Manager settings', () => {
  it('starts at the suite defaults and keeps changes within the suite ranges', async () => {
    expect(value(await core.client['components:get']({ component: 'distmgr' }))).toMatchObject({
      component: 'SMS_DISTRIBUTION_MANAGER',
      maxPackages: 3,
      threadsPerPackage: 5,
      retries: 100,
      retryDelayMinutes: 30,
      storedPackagesLocation: '',
      properties: { 'Thread Limit': 3, 'Package Thread Limit': 5, 'Number of Retries': 100, 'Retry Delay': 30 },
    });
    const stored = join(dir, 'stored');
    mkdirSync(stored);
    expect(
      value(await core.client['components:set']({ component: 'distmgr', changes: { maxPackages: 50, threadsPerPackage: 999, retries: 1, retryDelayMinutes: 1440, storedPackagesLocation: stored } })),
    ).toMatchObject({ maxPackages: 50, threadsPerPackage: 999, retries: 1, retryDelayMinutes: 1440, storedPackagesLocation: stored, lastModified: '2026-12-02T08:00:00.000Z' });
    for (const [changes, field] of [
      [{ maxPackages: 51 }, 'maxPackages'],
      [{ maxPackages: 0 }, 'maxPackages'],
      [{ threadsPerPackage: 1000 }, 'threadsPerPackage'],
      [{ retries: 1001 }, 'retries'],
      [{ retryDelayMinutes: 2.5 }, 'retryDelayMinutes'],
      [{ retryDelayMinutes: Number.MAX_SAFE_INTEGER * 4 }, 'retryDelayMinutes'],
      [{ storedPackagesLocation: join(dir, 'nowhere') }, 'storedPackagesLocation'],
      [{ storedPackagesLocation: 'stored' }, 'storedPackagesLocation'],
    ] as const) {
      expect(await core.client['components:set']({ component: 'distmgr', changes }), JSON.stringify(changes)).toMatchObject({ ok: false, error: { field } });
    }
    expect(value(await core.client['components:get']({ component: 'distmgr' })).maxPackages).toBe(50);
  });
});
