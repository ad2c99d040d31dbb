import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, PackageStatusDto } from '../../core/api';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { writeTree } from '../helpers/content-tree';
import { startSambaServer, type SambaServer } from '../helpers/samba-server';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let server: SambaServer;
let temp: TempDir;
let core: Core;
let runner: ComponentRunner;
const saved: Record<string, string | undefined> = {};

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function status(packageId: string): Promise<PackageStatusDto> {
  return value(await core.client['packages:status']({ packageId }));
}

beforeAll(async () => {
  // Users are in `users` (the default mapping's Users); dave is an administrator (`sudo`); carol is in neither.
  server = await startSambaServer([{ name: 'alice', groups: ['users'] }, { name: 'carol' }, { name: 'dave', groups: ['sudo'] }]);
  // The component runs the Samba tools as the site would: with this process's environment, which
  // must know the test users (nss_wrapper) as the server does.
  for (const [key, val] of Object.entries(server.env)) {
    saved[key] = process.env[key];
    process.env[key] = val;
  }
  temp = makeTempDir('courier-distmgr-samba-');
  core = createCore({ dataDir: join(temp.path, 'site') });
  mkdirSync(join(server.dir, 'D'), { recursive: true });
  value(
    await core.client['distribution-points:create']({
      name: 'DP01',
      volumes: [{ letter: 'D', path: join(server.dir, 'D') }],
      shareProvider: 'samba',
      sambaConf: server.configFile,
    }),
  );
  runner = startComponentRunner({ dataDir: join(temp.path, 'site'), components: [{ name: 'SMS_DISTRIBUTION_MANAGER', thread: 'inline' }] });
}, 60_000);

afterAll(async () => {
  await runner?.stop();
  core?.close();
  temp?.remove();
  for (const [key, val] of Object.entries(saved)) {
    if (val === undefined) delete process.env[key];
    else process.env[key] = val;
  }
  await server?.stop();
}, 30_000);

describe('Distribution Manager with the Samba share provider and a real smbd', { timeout: 90_000 }, () => {
  it('shares the package as SMSPKGD$ with its access accounts, hidden, and takes the share away with the last package', async () => {
    writeTree(join(temp.path, 'source'), { 'setup.exe': 'the installer\n', 'sub/data.cab': 'cabinet\n' });
    const id = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: join(temp.path, 'source') })).packageId;
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    await expect.poll(async () => (await status(id)).distributionPoints[0]?.state, { timeout: 60_000, interval: 100 }).toBe('installed');

    const listed = await server.smbclient('alice', 'SMSPKGD$', `ls ${id}/*`);
    expect(listed.stdout).toMatch(/setup\.exe/);
    const refused = await server.smbclient('carol', 'SMSPKGD$', 'ls');
    expect(refused.stdout + refused.stderr).toMatch(/NT_STATUS_ACCESS_DENIED/);
    const shares = await server.listShares('alice');
    expect(shares.stdout).not.toMatch(/SMSPKGD\$/);

    value(await core.client['packages:remove-dp']({ packageId: id, distributionPoint: 'DP01' }));
    await expect.poll(async () => (await status(id)).distributionPoints.length, { timeout: 60_000, interval: 100 }).toBe(0);
    const gone = await server.smbclient('alice', 'SMSPKGD$', 'ls');
    expect(gone.stdout + gone.stderr).toMatch(/NT_STATUS_BAD_NETWORK_NAME/);
  });
});
