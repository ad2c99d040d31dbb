import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountPermission } from '../../core/shares/share-provider';
import { sambaShareProvider } from '../../core/shares/samba-provider';
import { disconnectUsers, type DisconnectEvent } from '../../core/shares/disconnect-users';
import { startSambaServer, type SambaServer } from '../helpers/samba-server';

const run = promisify(execFile);

/** The common package share's permissions, as every new package starts. */
const commonShare: AccountPermission[] = [
  { account: { kind: 'generic', name: 'Users' }, permission: 'read' },
  { account: { kind: 'generic', name: 'Administrators' }, permission: 'fullControl' },
];
const sales: AccountPermission = { account: { kind: 'windows', name: 'CONTOSO\\Sales', accountType: 'group' }, permission: 'read' };

let server: SambaServer;
let root: string;
let provider: ReturnType<typeof sambaShareProvider>;

/** Polls until smbd reports what a client has just done (smbclient shows nothing until it exits). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    const value = await read();
    if (done(value) || tries === 200) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const hasFile = (file: string) => (connections: readonly { files: readonly string[] }[]) => connections.some((connection) => connection.files.includes(file));

async function showShare(name: string): Promise<string> {
  const { stdout } = await run('net', ['-s', server.configFile, 'conf', 'showshare', name], { env: { ...process.env, ...server.env } });
  return stdout;
}

beforeAll(async () => {
  server = await startSambaServer([
    { name: 'alice', groups: ['users', 'sales'] },
    { name: 'bob', groups: ['users'] },
    { name: 'carol' },
    { name: 'dave', groups: ['courieradmins'] },
  ]);
  provider = sambaShareProvider({
    configFile: server.configFile,
    env: server.env,
    accounts: {
      generic: { Users: '+users', Guests: 'nobody', Administrators: '+courieradmins' },
      windowsAccounts: 'table',
      accounts: { 'contoso\\sales': '+sales', 'CONTOSO\\carol': 'carol', 'CONTOSO\\bob': 'bob', 'CONTOSO\\Ghost': '+nosuchgroup' },
    },
  });
  root = join(server.dir, 'D', 'SMSPKGD$');
  for (const packageId of ['A0100001', 'A0100002']) {
    mkdirSync(join(root, packageId, 'sub'), { recursive: true });
    writeFileSync(join(root, packageId, 'setup.exe'), `the installer of ${packageId}\n`);
    writeFileSync(join(root, packageId, 'sub', 'data.cab'), 'cabinet\n');
  }
  await provider.ensureShare({ name: 'SMSPKGD$', path: root, comment: 'Courier package share', permissions: commonShare });
  await provider.setFolderPermissions(join(root, 'A0100001'), commonShare);
  await provider.setFolderPermissions(join(root, 'A0100002'), [sales]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
}, 30_000);

// Generous limits: on a busy machine smbd starts samba-dcerpcd for the first smbclient -L in seconds.
describe('the Samba share provider against a real smbd', { timeout: 60_000 }, () => {
  it('makes a hidden registry share that a Read account lists and fetches from', async () => {
    const section = await showShare('SMSPKGD$');
    expect(section).toMatch(/browseable = no/);
    expect(section).toMatch(/valid users = \+"users" \+"courieradmins"/);
    expect(section).toMatch(/write list = \+"courieradmins"/);

    const listed = await server.smbclient('bob', 'SMSPKGD$', 'ls A0100001/*');
    expect(listed.stdout).toMatch(/setup\.exe/);
    expect(listed.stdout).toMatch(/sub\s+D/);
    const copy = join(server.dir, 'fetched.exe');
    const fetched = await server.smbclient('bob', 'SMSPKGD$', `get A0100001/sub/data.cab ${copy}`);
    expect(fetched.code).toBe(0);
    expect(readFileSync(copy, 'utf8')).toBe('cabinet\n');
  });

  it('refuses an account the share does not list', async () => {
    const refused = await server.smbclient('carol', 'SMSPKGD$', 'ls');
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/NT_STATUS_ACCESS_DENIED/);
  });

  it('does not show the hidden share in the server list, which shows a visible one', async () => {
    await provider.ensureShare({ name: 'Visible', path: join(server.dir, 'visible'), permissions: commonShare });
    const list = await server.listShares('bob');
    expect(list.stdout).toMatch(/^\s*Visible\s+Disk/m);
    expect(list.stdout).not.toMatch(/SMSPKGD\$/);
    await provider.removeShare('Visible');
  });

  it("applies a package's own access accounts to its folder", async () => {
    const member = await server.smbclient('alice', 'SMSPKGD$', 'ls A0100002/*');
    expect(member.stdout).toMatch(/setup\.exe/);
    const other = await server.smbclient('bob', 'SMSPKGD$', 'ls A0100002/*');
    expect(other.stdout + other.stderr).toMatch(/NT_STATUS_ACCESS_DENIED/);
    // Files copied in later get the folder's default ACL.
    writeFileSync(join(root, 'A0100002', 'later.txt'), 'later\n');
    const { stdout } = await run('getfacl', ['-c', join(root, 'A0100002', 'later.txt')], { env: { ...process.env, ...server.env } });
    expect(stdout).toMatch(/^group:sales:r-x\s+#effective:r--$/m);
    expect(stdout).toMatch(/^other::---$/m);
  });

  it('does not follow a symbolic link out of the package folder', async () => {
    const outside = join(server.dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'not a package\n');
    symlinkSync(outside, join(root, 'A0100001', 'escape'));
    try {
      await provider.setFolderPermissions(join(root, 'A0100001'), commonShare);
      const { stdout } = await run('getfacl', ['-c', join(outside, 'secret.txt'), outside], { env: { ...process.env, ...server.env } });
      expect(stdout).not.toMatch(/users|courieradmins/);
    } finally {
      rmSync(join(root, 'A0100001', 'escape'));
    }
  });

  it('takes a removed access account away, at the share and at the folder', async () => {
    await provider.setFolderPermissions(join(root, 'A0100002'), [{ account: { kind: 'windows', name: 'CONTOSO\\carol', accountType: 'user' }, permission: 'read' }]);
    const before = await server.smbclient('alice', 'SMSPKGD$', 'ls A0100002/*');
    expect(before.stdout + before.stderr).toMatch(/NT_STATUS_ACCESS_DENIED/);

    await provider.ensureShare({ name: 'SMSPKGD$', path: root, comment: 'Courier package share', permissions: [commonShare[1] as AccountPermission] });
    const dropped = await server.smbclient('bob', 'SMSPKGD$', 'ls');
    expect(dropped.stdout + dropped.stderr).toMatch(/NT_STATUS_ACCESS_DENIED/);
    const admin = await server.smbclient('dave', 'SMSPKGD$', 'ls A0100001/*');
    expect(admin.stdout).toMatch(/setup\.exe/);

    await provider.ensureShare({ name: 'SMSPKGD$', path: root, comment: 'Courier package share', permissions: commonShare });
    await provider.setFolderPermissions(join(root, 'A0100002'), [sales]);
    expect((await server.smbclient('bob', 'SMSPKGD$', 'ls A0100001/*')).stdout).toMatch(/setup\.exe/);
  });

  it('refuses a No Access account even when its group is granted', async () => {
    const denyBob: AccountPermission = { account: { kind: 'windows', name: 'CONTOSO\\bob', accountType: 'user' }, permission: 'noAccess' };
    await provider.ensureShare({ name: 'SMSPKGD$', path: root, permissions: [...commonShare, denyBob] });
    expect(await showShare('SMSPKGD$')).toMatch(/invalid users = "bob"/);
    const refused = await server.smbclient('bob', 'SMSPKGD$', 'ls');
    expect(refused.stdout + refused.stderr).toMatch(/NT_STATUS_ACCESS_DENIED/);
    expect((await server.smbclient('alice', 'SMSPKGD$', 'ls A0100001/*')).stdout).toMatch(/setup\.exe/);
    await provider.ensureShare({ name: 'SMSPKGD$', path: root, comment: 'Courier package share', permissions: commonShare });
  });

  it('lets anonymous guests through the share only where the Guests account is granted', async () => {
    const guests: AccountPermission = { account: { kind: 'generic', name: 'Guests' }, permission: 'read' };
    const open = join(server.dir, 'P', 'Public$');
    await provider.ensureShare({ name: 'Public$', path: open, permissions: [guests, ...commonShare] });
    expect(await showShare('Public$')).toMatch(/guest ok = yes/);
    // The share lets the guest connect; what it may then read is the folder's (see docs/share-providers.md).
    const guest = await server.smbclient('', 'Public$', 'ls');
    expect(guest.stdout + guest.stderr).toMatch(/Anonymous login successful/);
    expect(guest.stdout + guest.stderr).not.toMatch(/tree connect failed/);
    const refused = await server.smbclient('', 'SMSPKGD$', 'ls');
    expect(refused.stdout + refused.stderr).toMatch(/tree connect failed: NT_STATUS_ACCESS_DENIED/);
    await provider.removeShare('Public$');
  });

  it('is idempotent: the same definition twice gives the same share', async () => {
    const once = await showShare('SMSPKGD$');
    await provider.ensureShare({ name: 'SMSPKGD$', path: root, comment: 'Courier package share', permissions: commonShare });
    expect(await showShare('SMSPKGD$')).toBe(once);
  });

  it('sees an open session and disconnects only the clients of one folder', async () => {
    const holder = server.openSession('alice', 'SMSPKGD$');
    const bystander = server.openSession('bob', 'SMSPKGD$');
    try {
      holder.send('open A0100001/setup.exe');
      const all = await until(() => provider.connections('SMSPKGD$'), (found) => found.length === 2 && hasFile('A0100001/setup.exe')(found));
      expect(all).toEqual([
        { user: 'alice', machine: '127.0.0.1', files: ['A0100001/setup.exe'] },
        { user: 'bob', machine: '127.0.0.1', files: [] },
      ]);
      expect(await provider.connections('SMSPKGD$', { folder: 'A0100001' })).toEqual([{ user: 'alice', machine: '127.0.0.1', files: ['A0100001/setup.exe'] }]);
      expect(await provider.connections('SMSPKGD$', { folder: 'A0100002' })).toEqual([]);

      expect(await provider.disconnect('SMSPKGD$', { folder: 'a0100001' })).toBe(1);
      expect((await provider.connections('SMSPKGD$')).map((connection) => connection.user)).toEqual(['bob']);
      holder.send('ls');
      expect(await holder.finish()).toMatch(/NT_STATUS_NETWORK_NAME_DELETED/);
      bystander.send('ls A0100001/*');
      const seen = await bystander.finish();
      expect(seen).toMatch(/setup\.exe/);
      expect(seen).not.toMatch(/NT_STATUS/);
    } finally {
      await holder.close();
      await bystander.close();
    }
  });

  it('disconnects users who stay connected through every grace period', async () => {
    const holder = server.openSession('alice', 'SMSPKGD$');
    try {
      holder.send('open A0100001/sub/data.cab');
      await until(() => provider.connections('SMSPKGD$'), hasFile('A0100001/sub/data.cab'));
      const events: DisconnectEvent[] = [];
      const waits: number[] = [];
      const outcome = await disconnectUsers({
        provider,
        share: 'SMSPKGD$',
        folder: 'A0100001',
        graceMinutes: 5,
        retries: 2,
        report: (event) => void events.push(event),
        clock: { sleep: async (ms) => void waits.push(ms) },
      });
      expect(outcome).toEqual({ outcome: 'disconnected', checks: 4, disconnected: 1 });
      expect(waits).toEqual([300_000, 300_000, 300_000]);
      expect(events.map((event) => event.kind)).toEqual(['usersConnected', 'usersConnected', 'usersConnected', 'disconnecting', 'disconnected']);
      expect(events[0]).toMatchObject({ attempt: 1, attempts: 3, connections: [{ user: 'alice', files: ['A0100001/sub/data.cab'] }] });
      holder.send('ls');
      expect(await holder.finish()).toMatch(/NT_STATUS_NETWORK_NAME_DELETED/);
    } finally {
      await holder.close();
    }
  });

  it('does not disconnect a user who leaves during the grace period', async () => {
    const holder = server.openSession('alice', 'SMSPKGD$');
    holder.send('open A0100001/setup.exe');
    await until(() => provider.connections('SMSPKGD$'), hasFile('A0100001/setup.exe'));
    const events: DisconnectEvent[] = [];
    const outcome = await disconnectUsers({
      provider,
      share: 'SMSPKGD$',
      folder: 'A0100001',
      graceMinutes: 1,
      retries: 3,
      report: (event) => void events.push(event),
      // The user closes the file and leaves while the grace period runs; smbd notes it at once.
      clock: { sleep: async () => void (await holder.finish(), await until(() => provider.connections('SMSPKGD$'), (found) => found.length === 0)) },
    });
    expect(outcome).toEqual({ outcome: 'clear', checks: 2, disconnected: 0 });
    expect(events.map((event) => event.kind)).toEqual(['usersConnected']);
  });

  it('keeps a hostile comment a comment', async () => {
    const comment = '; valid users = carol [global] # path = /etc';
    await provider.ensureShare({ name: 'Notes$', path: join(server.dir, 'N'), comment, permissions: commonShare });
    const section = await showShare('Notes$');
    expect(section).toContain(`comment = ${comment}`);
    expect(section).toMatch(/valid users = \+"users" \+"courieradmins"\n/);
    expect((await server.smbclient('carol', 'Notes$', 'ls')).stdout).not.toMatch(/blocks available/);
    await provider.removeShare('Notes$');
  });

  it('turns tool failures into clear errors and changes nothing on bad input', async () => {
    const before = await showShare('SMSPKGD$');
    const ghost: AccountPermission = { account: { kind: 'windows', name: 'CONTOSO\\Ghost', accountType: 'group' }, permission: 'read' };
    await expect(provider.setFolderPermissions(join(root, 'A0100001'), [ghost])).rejects.toThrow(/not known to this server/);
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: root, permissions: [ghost] })).rejects.toThrow(/not known to this server/);
    const unmapped: AccountPermission = { account: { kind: 'windows', name: 'FABRIKAM\\eve', accountType: 'user' }, permission: 'read' };
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: root, permissions: [unmapped] })).rejects.toThrow(/FABRIKAM\\eve is not in it/);
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: join(server.dir, 'elsewhere'), permissions: commonShare })).rejects.toThrow(/already exists for another folder/);
    await expect(provider.ensureShare({ name: 'bad;name', path: root, permissions: commonShare })).rejects.toThrow(/contains ";"/);
    await expect(provider.ensureShare({ name: 'global', path: root, permissions: commonShare })).rejects.toThrow(/reserves/);
    await expect(provider.ensureShare({ name: '-d10', path: root, permissions: commonShare })).rejects.toThrow(/take for an option/);
    await expect(provider.ensureShare({ name: 'X$', path: 'relative/path', permissions: commonShare })).rejects.toThrow(/not an absolute path/);
    await expect(provider.ensureShare({ name: 'X$', path: `${root}\n\tpath = /etc`, permissions: commonShare })).rejects.toThrow(/control character/);
    expect(await showShare('SMSPKGD$')).toBe(before);
    expect((await server.smbclient('bob', 'SMSPKGD$', 'ls A0100001/*')).stdout).toMatch(/setup\.exe/);
  });

  it('removes the share but never its files, and removing it again is no error', async () => {
    const other = join(server.dir, 'E', 'SMSPKGE$');
    await provider.ensureShare({ name: 'SMSPKGE$', path: other, permissions: commonShare });
    writeFileSync(join(other, 'keep.txt'), 'kept\n');
    expect((await server.smbclient('bob', 'SMSPKGE$', 'ls')).stdout).toMatch(/keep\.txt/);
    await provider.removeShare('SMSPKGE$');
    const gone = await server.smbclient('bob', 'SMSPKGE$', 'ls');
    expect(gone.stdout + gone.stderr).toMatch(/NT_STATUS_BAD_NETWORK_NAME/);
    await provider.removeShare('SMSPKGE$');
    expect(statSync(join(other, 'keep.txt')).size).toBe(5);
    expect(await provider.connections('SMSPKGE$')).toEqual([]);
  });
});
