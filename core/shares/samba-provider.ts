import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CourierError } from '../api';
import { aclText, shareRootPerms } from './posix-acl';
import { defaultSambaAccountMapping, mapAccounts, smbConfList, type MappedPermission, type SambaAccountMapping } from './samba-accounts';
import { sambaConnections, type SambaConnection } from './samba-status';
import { execFileRunner, mustRun, toolWords, type CommandRunner } from './command-runner';
import type { ShareProvider, ShareSpec } from './share-provider';
import { checkComment, checkPosixPath, checkShareFolder, checkShareName, isInFolder } from './share-inputs';

/**
 * Registry shares on the Samba server of this machine (smb.conf(5) "registry shares", net(8) "conf"),
 * folder permissions as POSIX ACLs, connections from smbstatus(1), disconnects through smbcontrol(1).
 * docs/share-providers.md#samba says what the server needs.
 */
export interface SambaProviderOptions {
  /** The smb.conf smbd runs with; every tool is given it with -s. */
  readonly configFile: string;
  readonly accounts?: SambaAccountMapping;
  /** Added to every tool's environment. */
  readonly env?: Readonly<Record<string, string>>;
  readonly runner?: CommandRunner;
  /** Where the tools are, when not on the PATH. */
  readonly tools?: Partial<Record<'net' | 'smbstatus' | 'smbcontrol' | 'setfacl', string>>;
}

/** Sections smb.conf gives a meaning of their own. */
const reservedSections = new Set(['global', 'homes', 'printers', 'print$']);

function checkSambaShareName(name: string): string {
  checkShareName(name);
  // net(8) and smbcontrol(1) would read a leading dash as one of their options.
  if (name.startsWith('-')) throw new CourierError('VALIDATION_FAILED', `The share name "${name}" starts with "-", which Samba's tools would take for an option.`, 'name');
  if (reservedSections.has(name.toLowerCase())) throw new CourierError('VALIDATION_FAILED', `"${name}" is a section smb.conf reserves; choose another share name.`, 'name');
  return name;
}

/** smb.conf substitutes %-variables in paths too, so a % would point the share somewhere else. */
function checkSambaPath(path: string, field = 'path'): string {
  const checked = checkPosixPath(path, field);
  if (checked.includes('%')) throw new CourierError('VALIDATION_FAILED', `The folder "${path}" contains "%", which smb.conf would read as a variable.`, field);
  return checked;
}

function principals(mapped: readonly MappedPermission[], wanted: (item: MappedPermission) => boolean): string {
  return smbConfList(mapped.filter(wanted).map((item) => item.principal));
}

/**
 * The whole share section. Everyone in `valid users` may read (read only = yes); `write list` may
 * also write; `invalid users` is refused whatever group lets it in, as a Windows deny is. A share
 * nobody may use is made unavailable, because an empty `valid users` would let everyone in.
 */
export function shareSection(spec: { name: string; path: string; comment: string }, mapped: readonly MappedPermission[]): string {
  const granted = (item: MappedPermission) => item.permission !== 'noAccess';
  const valid = principals(mapped, granted);
  const lines: [string, string][] = [
    ['path', spec.path],
    ['comment', spec.comment],
    ['read only', 'yes'],
    ['browseable', spec.name.endsWith('$') ? 'no' : 'yes'],
    ['guest ok', mapped.some((item) => item.guest && granted(item)) ? 'yes' : 'no'],
    ['available', valid === '' ? 'no' : 'yes'],
    ['valid users', valid],
    ['read list', principals(mapped, (item) => item.permission === 'read')],
    ['write list', principals(mapped, (item) => item.permission === 'change' || item.permission === 'fullControl')],
    ['invalid users', principals(mapped, (item) => item.permission === 'noAccess')],
  ];
  return [`[${spec.name}]`, ...lines.filter(([, value]) => value !== '').map(([key, value]) => `\t${key} = ${value}`), ''].join('\n');
}

export function sambaShareProvider(options: SambaProviderOptions): ShareProvider {
  const configFile = checkPosixPath(options.configFile, 'configFile');
  const mapping = options.accounts ?? defaultSambaAccountMapping;
  const runner = options.runner ?? execFileRunner;
  const tool = (name: 'net' | 'smbstatus' | 'smbcontrol' | 'setfacl') => options.tools?.[name] ?? name;
  const runOptions = options.env ? { env: options.env } : {};
  const net = (what: string, args: string[]) => mustRun(runner, what, tool('net'), ['-s', configFile, 'conf', ...args], runOptions);

  async function setAcl(what: string, path: string, text: string, recursive: boolean): Promise<void> {
    const args = [...(recursive ? ['-R', '-P'] : []), '--set', text, '--', path];
    const result = await runner(tool('setfacl'), args, runOptions);
    if (result.exitCode === 0) return;
    const words = toolWords(result);
    const hint = /Invalid argument near/.test(words)
      ? ' (a user or group in the access accounts is not known to this server)'
      : /not supported/i.test(words)
        ? ' (the file system does not support POSIX ACLs: mount it with acl)'
        : '';
    throw new CourierError('INTERNAL', `${what} failed${hint}: setfacl said: ${words}`);
  }

  /** The share's folder as the registry holds it, or undefined when the share is not there. */
  async function sharePath(name: string): Promise<string | undefined> {
    const result = await runner(tool('net'), ['-s', configFile, 'conf', 'getparm', name, 'path'], runOptions);
    if (result.exitCode === 0) return result.stdout.trim();
    if (/NO_SUCH_SERVICE|given service .* does not exist/.test(toolWords(result))) return undefined;
    throw new CourierError('INTERNAL', `Reading share ${name} failed: net said: ${toolWords(result)}`);
  }

  async function connections(name: string, folder: readonly string[] | undefined): Promise<SambaConnection[]> {
    const path = await sharePath(name);
    if (path === undefined) return [];
    const status = await mustRun(runner, `Asking who is connected to ${name}`, tool('smbstatus'), ['-s', configFile, '--json'], runOptions);
    const all = sambaConnections(status.stdout, name, path);
    if (folder === undefined) return all;
    return all.filter((connection) => connection.files.some((file) => isInFolder(file, folder))).map((connection) => ({ ...connection, files: connection.files.filter((file) => isInFolder(file, folder)) }));
  }

  return {
    describe: () => ({
      kind: 'samba',
      summary: `Samba registry shares (net conf, ${configFile}); access accounts become valid users, read list, write list and invalid users, and POSIX ACLs on package folders.`,
      createsShares: true,
      appliesPermissions: true,
      seesConnections: true,
    }),

    async ensureShare(spec: ShareSpec) {
      const name = checkSambaShareName(spec.name);
      const path = checkSambaPath(spec.path);
      const comment = checkComment(spec.comment).replace(/%/g, '');
      const mapped = mapAccounts(spec.permissions, mapping);
      const existing = await sharePath(name);
      if (existing !== undefined && existing.replace(/(.)\/+$/, '$1') !== path) throw new CourierError('CONFLICT', `The share ${name} already exists for another folder, ${existing}.`, 'name');
      await mkdir(path, { recursive: true });
      await setAcl(`Letting the accounts of ${name} into ${path}`, path, aclText(mapped, { inherit: false, perms: shareRootPerms }), false);
      // One import replaces the whole section in one registry transaction: a crash leaves the old
      // share or the new one, never a share with some of its settings (as a run of setparm could).
      const dir = await mkdtemp(join(tmpdir(), 'courier-share-'));
      try {
        const file = join(dir, 'share.conf');
        await writeFile(file, shareSection({ name, path, comment }, mapped), { mode: 0o600 });
        await net(`Writing share ${name}`, ['import', file, name]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async setFolderPermissions(path, permissions) {
      const folder = checkSambaPath(path);
      const mapped = mapAccounts(permissions, mapping);
      await setAcl(`Setting the permissions of ${folder}`, folder, aclText(mapped, { inherit: true }), true);
    },

    async removeShare(name) {
      checkSambaShareName(name);
      const result = await runner(tool('net'), ['-s', configFile, 'conf', 'delshare', name], runOptions);
      if (result.exitCode !== 0 && !/NO_SUCH_SERVICE/.test(toolWords(result))) throw new CourierError('INTERNAL', `Removing share ${name} failed: net said: ${toolWords(result)}`);
      // smbd drops a deleted share's connections when it next reloads; this does it now. With no
      // smbd running there is nobody to drop, so its failure is not one.
      await runner(tool('smbcontrol'), ['-s', configFile, 'smbd', 'close-share', name], runOptions);
    },

    async connections(name, scope) {
      checkSambaShareName(name);
      const found = await connections(name, checkShareFolder(scope?.folder));
      return found.map(({ user, machine, files }) => ({ user, machine, files }));
    },

    async disconnect(name, scope) {
      checkSambaShareName(name);
      const folder = checkShareFolder(scope?.folder);
      const found = await connections(name, folder);
      if (found.length === 0) return 0;
      // smbd has one process per client; close-share sent to a process ends only that client's
      // connection to the share, so users of other folders of the share stay connected.
      const targets = folder === undefined ? ['smbd'] : [...new Set(found.map((connection) => connection.pid).filter((pid) => /^\d+$/.test(pid)))];
      for (const target of targets) await mustRun(runner, `Disconnecting users from ${name}`, tool('smbcontrol'), ['-s', configFile, target, 'close-share', name], runOptions);
      return found.length;
    },
  };
}
