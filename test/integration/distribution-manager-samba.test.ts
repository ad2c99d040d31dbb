import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageStatusDto } from '../../core/api';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { sambaShareProvider } from '../../core/shares/samba-provider';
import { writeTree } from '../helpers/content-tree';
import { startSambaServer, type SambaServer } from '../helpers/samba-server';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';
import { value } from '../helpers/api-result';

let server: SambaServer;
let temp: TempDir;
let core: Core;
let runner: ComponentRunner;
const saved: Record<string, string | undefined> = {};


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

  it('disconnects a user who holds a file of the package open before replacing its files, and says so in status messages', async () => {
    const source = join(temp.path, 'source2');
    writeTree(source, { 'setup.exe': 'version 1\n', 'readme.txt': 'read me\n' });
    const id = value(
      await core.client['packages:create']({ name: 'Held', containsSourceFiles: true, sourceDirectory: source, disconnectUsers: true, userGracePeriod: 0, disconnectRetries: 0 }),
    ).packageId;
    value(await core.client['packages:distribute']({ packageId: id, distributionPoints: ['DP01'], groups: [] }));
    await expect.poll(async () => (await status(id)).distributionPoints[0]?.state, { timeout: 60_000, interval: 100 }).toBe('installed');

    const observer = sambaShareProvider({ configFile: server.configFile, env: server.env });
    const holder = server.openSession('alice', 'SMSPKGD$');
    try {
      holder.send(`open ${id}/setup.exe`);
      await expect.poll(async () => (await observer.connections('SMSPKGD$', { folder: id })).length, { timeout: 30_000, interval: 50 }).toBe(1);
      writeTree(source, { 'setup.exe': 'version 2\n' });
      value(await core.client['packages:update-dps']({ packageId: id }));
      await expect.poll(async () => (await status(id)).distributionPoints[0]?.sourceVersion, { timeout: 60_000, interval: 100 }).toBe(2);
      holder.send('ls');
      expect(await holder.finish()).toMatch(/NT_STATUS_NETWORK_NAME_DELETED/);
    } finally {
      await holder.close();
    }
    const messages = value(await core.client['status:messages']({ packageId: id, order: 'oldest', limit: 1000 })).messages;
    const connected = messages.find((m) => m.messageId === 2345);
    expect(connected?.insertionStrings.slice(2, 6)).toEqual(['alice from 127.0.0.1', '1', '1', '0']);
    expect(messages.find((m) => m.messageId === 2346)?.insertionStrings[2]).toBe('1');
    const fetched = await server.smbclient('alice', 'SMSPKGD$', `get ${id}/setup.exe -`);
    expect(fetched.stdout).toContain('version 2');
  });
});
