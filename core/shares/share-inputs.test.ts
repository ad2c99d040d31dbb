import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disconnectUsers } from './disconnect-users';
import { createShareProvider } from './index';
import { localShareProvider } from './local-provider';
import { checkPosixPath, checkShareFolder, checkShareName, checkWindowsPath, isInFolder } from './share-inputs';

describe('share inputs', () => {
  it('accepts share names Windows accepts and names what is wrong with the others', () => {
    expect(checkShareName('SMSPKGD$')).toBe('SMSPKGD$');
    expect(checkShareName('x'.repeat(80))).toHaveLength(80);
    expect(() => checkShareName('')).toThrow(/Name the share/);
    expect(() => checkShareName('x'.repeat(81))).toThrow(/81 characters long; at most 80/);
    for (const character of ['\\', '/', '[', ']', ':', '|', '<', '>', '+', '=', ';', ',', '?', '*', '"']) {
      expect(() => checkShareName(`SMS${character}PKG`)).toThrow(`contains "${character}"`);
    }
    for (const control of ['\n', '\r', '\t', '\0', '\u007f', '\u2028']) expect(() => checkShareName(`SMS${control}PKG`)).toThrow(/control character/);
    expect(() => checkShareName(' SMSPKG')).toThrow(/starts or ends with a space/);
  });

  it('takes absolute paths only, without a way up', () => {
    expect(checkPosixPath('/srv/dp//SMSPKGD$/')).toBe('/srv/dp/SMSPKGD$');
    expect(() => checkPosixPath('srv/dp')).toThrow(/not an absolute path/);
    expect(() => checkPosixPath('/srv/../etc')).toThrow(/goes up/);
    expect(checkWindowsPath('D:\\SMSPKGD$\\')).toBe('D:\\SMSPKGD$');
    expect(checkWindowsPath('D:\\')).toBe('D:\\');
    expect(() => checkWindowsPath('\\\\server\\share')).toThrow(/on a drive/);
    expect(() => checkWindowsPath('D:\\a|b')).toThrow(/cannot hold/);
  });

  it('compares folders of a share without case, part by part', () => {
    const folder = checkShareFolder('A0100001/');
    expect(isInFolder('a0100001\\setup.exe', folder)).toBe(true);
    expect(isInFolder('A0100001', folder)).toBe(true);
    expect(isInFolder('A01000010/setup.exe', folder)).toBe(false);
    expect(isInFolder('anything', undefined)).toBe(true);
    expect(() => checkShareFolder('A0100001/../..')).toThrow(/goes up/);
    expect(() => checkShareFolder('C:\\Windows')).toThrow(/relative to the share/);
  });
});

describe('the local provider', () => {
  it('makes the folder, and says it makes no share', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'courier-local-dp-'));
    try {
      const provider = localShareProvider();
      const path = join(dir, 'D', 'SMSPKGD$');
      await provider.ensureShare({ name: 'SMSPKGD$', path, permissions: [] });
      await provider.ensureShare({ name: 'SMSPKGD$', path, permissions: [] });
      expect(statSync(path).isDirectory()).toBe(true);
      expect(provider.describe()).toMatchObject({ kind: 'local', createsShares: false, appliesPermissions: false, seesConnections: false });
      expect(await provider.connections('SMSPKGD$')).toEqual([]);
      await expect(provider.ensureShare({ name: 'bad|name', path, permissions: [] })).rejects.toThrow(/contains "\|"/);
      await expect(provider.ensureShare({ name: 'SMSPKGD$', path: 'relative', permissions: [] })).rejects.toThrow(/not an absolute path/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets disconnectUsers through at once when nobody can be seen', async () => {
    const events: unknown[] = [];
    const outcome = await disconnectUsers({ provider: localShareProvider(), share: 'SMSPKGD$', folder: 'A0100001', graceMinutes: 5, retries: 2, report: (event) => void events.push(event), clock: { sleep: () => Promise.reject(new Error('no wait expected')) } });
    expect(outcome).toEqual({ outcome: 'clear', checks: 1, disconnected: 0 });
    expect(events).toEqual([]);
  });

  it('refuses grace periods and retries outside the package settings', async () => {
    const request = { provider: localShareProvider(), share: 'SMSPKGD$', report: () => undefined };
    await expect(disconnectUsers({ ...request, graceMinutes: 60, retries: 0 })).rejects.toThrow(/graceMinutes must be a whole number from 0 to 59/);
    await expect(disconnectUsers({ ...request, graceMinutes: 5, retries: 100 })).rejects.toThrow(/retries must be a whole number from 0 to 99/);
    await expect(disconnectUsers({ ...request, graceMinutes: 1.5, retries: 1 })).rejects.toThrow(/whole number/);
  });
});

describe('createShareProvider', () => {
  it('makes the provider a distribution point names', () => {
    expect(createShareProvider({ kind: 'local' }).describe().kind).toBe('local');
    expect(createShareProvider({ kind: 'samba', configFile: '/etc/samba/smb.conf' }).describe()).toMatchObject({ kind: 'samba', createsShares: true, seesConnections: true });
    expect(createShareProvider({ kind: 'windows' }).describe()).toMatchObject({ kind: 'windows', appliesPermissions: true });
    expect(() => createShareProvider({ kind: 'samba', configFile: 'smb.conf' })).toThrow(/not an absolute path/);
  });
});
