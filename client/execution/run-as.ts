import { execFileSync } from 'node:child_process';

/** The account a program runs in, when it is not the agent's own. */
export interface RunAccount {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
}

export type RunAs =
  /** As the agent: administrative rights, or the agent cannot change account. */
  | { readonly kind: 'agent'; readonly warning: string | null }
  | { readonly kind: 'user'; readonly account: RunAccount }
  /** It cannot run in the account its mode asks for (nobody logged on, no such account). */
  | { readonly kind: 'refused'; readonly reason: string };

/** POSIX portable user names (and a trailing $ as Samba's machine accounts have). */
const userNamePattern = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}\$?$/;

/** `getent passwd NAME`: the account of a user name on this machine, or null when it has none. */
export function lookUpAccount(name: string): RunAccount | null {
  if (!userNamePattern.test(name)) return null;
  let line: string;
  try {
    line = execFileSync('getent', ['passwd', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).split('\n')[0] ?? '';
  } catch {
    return null;
  }
  // name:password:uid:gid:gecos:home:shell
  const fields = line.split(':');
  const uid = Number(fields[2]);
  const gid = Number(fields[3]);
  if (fields.length < 7 || !Number.isSafeInteger(uid) || !Number.isSafeInteger(gid) || uid < 0 || gid < 0) return null;
  return { name: fields[0] ?? name, uid, gid, home: fields[5] || '/' };
}

/**
 * Whose account a program runs in. "Run with user's rights" runs as the logged-on user when the
 * agent can change account (root off Windows); the agent's account otherwise, with a warning.
 * "Run with administrative rights" runs as the agent. A `DOMAIN\name` session user is looked up
 * by its name part, as a machine joined to a domain (sssd, winbind) lists it without the domain.
 */
export function runAsOf(runMode: 'adminRights' | 'userRights', sessionUser: string | null, options: { readonly platform?: NodeJS.Platform; readonly uid?: number; readonly lookUp?: (name: string) => RunAccount | null } = {}): RunAs {
  if (runMode === 'adminRights') return { kind: 'agent', warning: null };
  const platform = options.platform ?? process.platform;
  const uid = options.uid ?? process.getuid?.() ?? -1;
  if (platform === 'win32') return { kind: 'agent', warning: "Programs that run with the user's rights run in the agent's account: this build cannot start a program in a user's session on Windows." };
  if (uid !== 0) return { kind: 'agent', warning: `Programs that run with the user's rights run in the agent's account (uid ${uid}): only an agent running as root can start them as the logged-on user.` };
  if (sessionUser === null) return { kind: 'refused', reason: "it runs with the user's rights and nobody is logged on" };
  const name = sessionUser.slice(sessionUser.lastIndexOf('\\') + 1);
  const account = (options.lookUp ?? lookUpAccount)(name);
  if (account === null) return { kind: 'refused', reason: `it runs with the user's rights and the logged-on user ${sessionUser} has no account on this machine (getent passwd ${name})` };
  return { kind: 'user', account };
}
