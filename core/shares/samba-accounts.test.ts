import { describe, expect, it } from 'vitest';
import { aclText } from './posix-acl';
import { defaultSambaAccountMapping, mapAccounts, type SambaAccountMapping } from './samba-accounts';
import { sambaShareProvider, shareSection } from './samba-provider';
import { sambaConnections } from './samba-status';
import type { AccountPermission } from './share-provider';

const users: AccountPermission = { account: { kind: 'generic', name: 'Users' }, permission: 'read' };
const admins: AccountPermission = { account: { kind: 'generic', name: 'Administrators' }, permission: 'fullControl' };
const windows = (name: string, accountType: 'user' | 'group', permission: AccountPermission['permission']): AccountPermission => ({ account: { kind: 'windows', name, accountType }, permission });

describe('the Samba account mapping', () => {
  it('names generic accounts by the table and Windows accounts as winbind does', () => {
    const mapped = mapAccounts([users, admins, windows('CONTOSO\\Domain Users', 'group', 'change'), windows('CONTOSO\\alice', 'user', 'noAccess')], defaultSambaAccountMapping);
    expect(mapped.map((item) => item.principal)).toEqual([
      { kind: 'group', name: 'users' },
      { kind: 'group', name: 'sudo' },
      { kind: 'group', name: 'CONTOSO\\Domain Users' },
      { kind: 'user', name: 'CONTOSO\\alice' },
    ]);
  });

  it('looks Windows accounts up in the table without case, and refuses one missing from it', () => {
    const mapping: SambaAccountMapping = { ...defaultSambaAccountMapping, windowsAccounts: 'table', accounts: { 'contoso\\SALES': '+sales' } };
    expect(mapAccounts([windows('CONTOSO\\Sales', 'group', 'read')], mapping)[0]?.principal).toEqual({ kind: 'group', name: 'sales' });
    expect(() => mapAccounts([windows('CONTOSO\\eve', 'user', 'read')], mapping)).toThrow(/CONTOSO\\eve has no Samba name/);
  });

  it('refuses names smb.conf would read as something else', () => {
    for (const [name, why] of [
      ['CONTOSO\\50%off', /"%"/],
      ['CONTOSO\\a,b', /","/],
    ] as const) {
      expect(() => mapAccounts([windows(name, 'user', 'read')], defaultSambaAccountMapping)).toThrow(why);
    }
    const netgroup: SambaAccountMapping = { ...defaultSambaAccountMapping, generic: { ...defaultSambaAccountMapping.generic, Users: '+@staff' } };
    expect(() => mapAccounts([users], netgroup)).toThrow(/only one leading \+/);
    expect(() => mapAccounts([users, users], defaultSambaAccountMapping)).toThrow(/listed twice/);
  });

  it('writes the share section from the permissions, a nobody-may-use share unavailable', () => {
    const mapped = mapAccounts([users, admins, windows('CONTOSO\\Domain Users', 'group', 'change'), windows('CONTOSO\\eve; x', 'user', 'noAccess')], defaultSambaAccountMapping);
    expect(shareSection({ name: 'SMSPKGD$', path: '/srv/dp/SMSPKGD$', comment: 'Packages' }, mapped)).toBe(
      [
        '[SMSPKGD$]',
        '\tpath = /srv/dp/SMSPKGD$',
        '\tcomment = Packages',
        '\tread only = yes',
        '\tbrowseable = no',
        '\tguest ok = no',
        '\tavailable = yes',
        '\tvalid users = +"users" +"sudo" +"CONTOSO\\Domain Users"',
        '\tread list = +"users"',
        '\twrite list = +"sudo" +"CONTOSO\\Domain Users"',
        '\tinvalid users = "CONTOSO\\eve; x"',
        '',
      ].join('\n'),
    );
    const closed = shareSection({ name: 'Apps', path: '/srv/apps', comment: '' }, mapAccounts([{ ...users, permission: 'noAccess' }], defaultSambaAccountMapping));
    expect(closed).toMatch(/available = no/);
    expect(closed).toMatch(/browseable = yes/);
    expect(closed).not.toMatch(/^\tvalid users/m);
    const guests = shareSection({ name: 'Apps', path: '/srv/apps', comment: '' }, mapAccounts([{ account: { kind: 'generic', name: 'Guests' }, permission: 'read' }], defaultSambaAccountMapping));
    expect(guests).toMatch(/guest ok = yes/);
  });

  it('writes POSIX ACL text with names escaped and inherited entries for new files', () => {
    const mapped = mapAccounts([users, windows('CONTOSO\\Domain Users', 'group', 'change'), windows('CONTOSO\\eve', 'user', 'noAccess')], defaultSambaAccountMapping);
    expect(aclText(mapped, { inherit: false })).toBe('u::rwX,g::---,o::---,m::rwX,g:users:rX,g:CONTOSO\\134Domain\\040Users:rwX,u:CONTOSO\\134eve:---');
    expect(aclText(mapped, { inherit: true }).split(',').filter((entry) => entry.startsWith('d:'))).toHaveLength(7);
  });
});

describe('connections from smbstatus --json', () => {
  // The shape smbstatus 4.17 writes, trimmed to the fields read: one client with a file open.
  const status = JSON.stringify({
    sessions: { '1318064782': { session_id: '1318064782', username: 'alice', remote_machine: '127.0.0.1' } },
    tcons: {
      '1463870633': { service: 'SMSPKGD$', server_id: { pid: '14286' }, session_id: '1318064782', machine: '127.0.0.1' },
      '1463870634': { service: 'Other', server_id: { pid: '14286' }, session_id: '1318064782', machine: '127.0.0.1' },
    },
    open_files: {
      '/srv/D/SMSPKGD$/A0100001/setup.exe': { service_path: '/srv/D/SMSPKGD$', filename: 'A0100001/setup.exe', opens: { '14286/3': { server_id: { pid: '14286' } } } },
      '/srv/other/x.txt': { service_path: '/srv/other', filename: 'x.txt', opens: { '14286/4': { server_id: { pid: '14286' } } } },
    },
  });

  it('finds the share without case and only its files', () => {
    expect(sambaConnections(status, 'smspkgd$', '/srv/D/SMSPKGD$')).toEqual([{ user: 'alice', machine: '127.0.0.1', files: ['A0100001/setup.exe'], pid: '14286' }]);
    expect(sambaConnections(status, 'Absent', '/srv/none')).toEqual([]);
  });

  it('says what is wrong when smbstatus answers no JSON', () => {
    expect(() => sambaConnections('Samba version 4.15.0\nPID Username', 'SMSPKGD$', '/srv')).toThrow(/Samba 4\.16 or later/);
  });
});

describe('the Samba tools', () => {
  it('says which tool is missing, before anything is made', async () => {
    const provider = sambaShareProvider({ configFile: '/nonexistent/smb.conf', tools: { net: '/nonexistent/bin/net' } });
    await expect(provider.ensureShare({ name: 'SMSPKGD$', path: '/nonexistent/dp/SMSPKGD$', permissions: [users] })).rejects.toThrow(
      '/nonexistent/bin/net is not installed (or not on the PATH), so this distribution point\'s shares cannot be managed.',
    );
  });
});
