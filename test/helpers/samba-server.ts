import { spawn, execFile, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from './temp-dir';

/**
 * A real smbd on 127.0.0.1 at a free high port, with a private smb.conf (registry shares on), its
 * own passdb and state under a temp folder, and Unix users that exist only for it through
 * libnss-wrapper (nss_wrapper(1)), so /etc/passwd is never touched. Tests that need it fail when
 * Samba is missing: .ci/run installs samba, smbclient, libnss-wrapper and acl.
 */
export const nssWrapperLibrary = '/usr/lib/x86_64-linux-gnu/libnss_wrapper.so';
const tools = ['smbd', 'smbclient', 'net', 'smbpasswd', 'smbstatus', 'smbcontrol', 'setfacl'];

export interface SambaUser {
  readonly name: string;
  /** Unix groups the user is in besides its own. */
  readonly groups?: readonly string[];
}

export interface SmbResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface OpenSession {
  /** Sends one smbclient command to the still-open session. */
  send(command: string): void;
  /** Ends the input and waits for smbclient to exit; everything it wrote (it buffers until then). */
  finish(): Promise<string>;
  /** Ends it, killing it if it does not quit. */
  close(): Promise<void>;
}

export interface SambaServer {
  readonly dir: string;
  readonly port: number;
  readonly configFile: string;
  /** nss_wrapper variables: what smbd, net, smbstatus and setfacl need to know the test users. */
  readonly env: Readonly<Record<string, string>>;
  passwordOf(user: string): string;
  /** smbclient against //127.0.0.1/<share> as a user, running `commands` (smbclient -c). */
  smbclient(user: string, share: string, commands: string): Promise<SmbResult>;
  /** smbclient -L: the shares the server lists. */
  listShares(user: string): Promise<SmbResult>;
  /** An smbclient that stays connected, fed commands on its standard input. */
  openSession(user: string, share: string): OpenSession;
  stop(): Promise<void>;
}

function whereIs(tool: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const path = join(folder, tool);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // next folder
    }
  }
  return undefined;
}

/** Throws, naming what is missing, so CI cannot pass by skipping. */
export function requireSamba(): Record<string, string> {
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const tool of tools) {
    const path = whereIs(tool);
    if (path) found[tool] = path;
    else missing.push(tool);
  }
  if (!existsSync(nssWrapperLibrary)) missing.push(nssWrapperLibrary);
  if (missing.length > 0) throw new Error(`The Samba share tests need ${missing.join(', ')}: apt-get install samba smbclient libnss-wrapper acl (.ci/run does).`);
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function listening(port: number, child: { exitCode: number | null }, log: () => string): Promise<void> {
  for (let tries = 0; tries < 400; tries += 1) {
    if (child.exitCode !== null) throw new Error(`smbd exited with ${child.exitCode}:\n${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`smbd did not listen on ${port}:\n${log()}`);
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<SmbResult> {
  return new Promise((resolve) => {
    const child = execFile(file, [...args], { env, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof (error as NodeJS.ErrnoException).code === 'number' ? Number((error as NodeJS.ErrnoException).code) : -1;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

export async function startSambaServer(users: readonly SambaUser[]): Promise<SambaServer> {
  const found = requireSamba();
  const temp: TempDir = makeTempDir('courier-smbd-');
  const dir = temp.path;
  // smbd serves as each user, who must be able to walk down to the shares under this folder.
  chmodSync(dir, 0o755);
  for (const sub of ['private', 'lock', 'state', 'cache', 'pid', 'ncalrpc']) mkdirSync(join(dir, sub), { mode: 0o755 });
  const port = await freePort();

  const groups = new Map<string, string[]>();
  const passwd = ['root:x:0:0:root:/root:/bin/false', 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false'];
  users.forEach((user, index) => {
    const uid = 2001 + index;
    passwd.push(`${user.name}:x:${uid}:${uid}:${user.name}:/nonexistent:/bin/false`);
    groups.set(user.name, []);
    for (const group of user.groups ?? []) groups.set(group, [...(groups.get(group) ?? []), user.name]);
  });
  const groupLines = ['root:x:0:', 'nogroup:x:65534:'];
  let gid = 3001;
  for (const [group, members] of groups) {
    const own = users.findIndex((user) => user.name === group);
    groupLines.push(`${group}:x:${own >= 0 ? 2001 + own : gid++}:${members.join(',')}`);
  }
  writeFileSync(join(dir, 'passwd'), `${passwd.join('\n')}\n`);
  writeFileSync(join(dir, 'group'), `${groupLines.join('\n')}\n`);
  const env = { LD_PRELOAD: nssWrapperLibrary, NSS_WRAPPER_PASSWD: join(dir, 'passwd'), NSS_WRAPPER_GROUP: join(dir, 'group') };

  const configFile = join(dir, 'smb.conf');
  writeFileSync(
    configFile,
    [
      '[global]',
      `smb ports = ${port}`,
      'interfaces = 127.0.0.1',
      'bind interfaces only = yes',
      'disable netbios = yes',
      'server role = standalone server',
      'security = user',
      'map to guest = never',
      `passdb backend = tdbsam:${join(dir, 'private', 'passdb.tdb')}`,
      `private dir = ${join(dir, 'private')}`,
      `lock directory = ${join(dir, 'lock')}`,
      `state directory = ${join(dir, 'state')}`,
      `cache directory = ${join(dir, 'cache')}`,
      `pid directory = ${join(dir, 'pid')}`,
      `ncalrpc dir = ${join(dir, 'ncalrpc')}`,
      `log file = ${join(dir, 'log.%m')}`,
      'load printers = no',
      'printcap name = /dev/null',
      'disable spoolss = yes',
      'registry shares = yes',
      'include = registry',
      '',
    ].join('\n'),
  );
  // smbclient reads the system smb.conf otherwise; an empty one keeps the machine's out of the tests.
  const clientConfig = join(dir, 'client.conf');
  writeFileSync(clientConfig, '[global]\n');

  const toolEnv = { ...process.env, ...env };
  const passwords = new Map(users.map((user) => [user.name, `Pw-${user.name}-7`]));
  for (const user of users) {
    const password = passwords.get(user.name) ?? '';
    const added = await run(found.smbpasswd ?? 'smbpasswd', ['-c', configFile, '-a', '-s', user.name], toolEnv, `${password}\n${password}\n`);
    if (added.code !== 0) throw new Error(`smbpasswd -a ${user.name} failed: ${added.stderr}${added.stdout}`);
  }

  let log = '';
  const smbd = spawn(found.smbd ?? 'smbd', ['-F', '--no-process-group', '-s', configFile, '--debug-stdout'], { env: toolEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  smbd.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  smbd.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => smbd.once('exit', () => resolve()));
  await listening(port, smbd, () => log);

  const clientEnv = { ...process.env };
  delete clientEnv.LD_PRELOAD;
  /** '' connects anonymously (-N), as a guest. */
  const auth = (user: string) => (user === '' ? ['-N'] : ['-U', `${user}%${passwords.get(user) ?? 'not-a-user'}`]);
  const sessions = new Set<ChildProcessWithoutNullStreams>();

  return {
    dir,
    port,
    configFile,
    env,
    passwordOf: (user) => passwords.get(user) ?? '',
    smbclient: (user, share, commands) => run(found.smbclient ?? 'smbclient', ['-s', clientConfig, '-p', String(port), `//127.0.0.1/${share}`, ...auth(user), '-c', commands], clientEnv),
    listShares: (user) => run(found.smbclient ?? 'smbclient', ['-s', clientConfig, '-p', String(port), '-L', '127.0.0.1', ...auth(user)], clientEnv),
    openSession(user, share) {
      const child = spawn(found.smbclient ?? 'smbclient', ['-s', clientConfig, '-p', String(port), `//127.0.0.1/${share}`, ...auth(user)], { env: clientEnv, stdio: ['pipe', 'pipe', 'pipe'] });
      sessions.add(child);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const finish = async () => {
        if (child.exitCode === null) {
          child.stdin.end('quit\n');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await gone;
          clearTimeout(timer);
        }
        sessions.delete(child);
        return output;
      };
      return {
        send: (command) => child.stdin.write(`${command}\n`),
        finish,
        close: async () => void (await finish()),
      };
    },
    async stop() {
      for (const child of sessions) if (child.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
      // samba-dcerpcd is started by smbd on the first RPC call (smbclient -L) and outlives it.
      // Every daemon of this server writes its PID file into its own pid directory.
      const helperPids = readdirSync(join(dir, 'pid'))
        .filter((file) => file.endsWith('.pid') && file !== 'smbd.pid')
        .map((file) => Number(readFileSync(join(dir, 'pid', file), 'utf8').trim()));
      if (smbd.pid !== undefined && smbd.exitCode === null) {
        try {
          process.kill(-smbd.pid, 'SIGTERM');
        } catch {
          smbd.kill('SIGTERM');
        }
        const timer = setTimeout(() => smbd.pid !== undefined && process.kill(-smbd.pid, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      for (const helperPid of helperPids) {
        if (!Number.isInteger(helperPid) || helperPid <= 1) continue;
        try {
          process.kill(helperPid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      temp.remove();
    },
  };
}
