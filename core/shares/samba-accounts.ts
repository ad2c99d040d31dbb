import { CourierError, genericAccounts, type AccessAccountInput, type AccessPermission } from '../api';
import type { AccountPermission } from './share-provider';

/**
 * How a package's access accounts become Samba names (docs/share-providers.md#account-mapping).
 * A Samba name is a Unix user (`alice`) or a Unix group with a plus (`+users`), as smb.conf(5)
 * writes them in `valid users`; the same principal is named in the folder's POSIX ACL.
 */
export type GenericAccount = (typeof genericAccounts)[number];

export interface SambaAccountMapping {
  /** The Samba name of each generic account. */
  readonly generic: Readonly<Record<GenericAccount, string>>;
  /**
   * DOMAIN\name accounts: `winbind` names them as they are (`CONTOSO\alice`, `+CONTOSO\Sales`), for a
   * server joined to the domain with winbind (winbind separator \); `table` only through `accounts`.
   */
  readonly windowsAccounts: 'winbind' | 'table';
  /** DOMAIN\name (matched without case) to a Samba name; wins over winbind. */
  readonly accounts?: Readonly<Record<string, string>>;
}

/**
 * Debian's own groups: `users` (GID 100) holds ordinary users, `sudo` the administrators; Samba's
 * default guest account is `nobody`.
 */
export const defaultSambaAccountMapping: SambaAccountMapping = {
  generic: { Users: '+users', Guests: 'nobody', Administrators: '+sudo' },
  windowsAccounts: 'winbind',
};

export interface SambaPrincipal {
  readonly kind: 'user' | 'group';
  /** Without the plus. */
  readonly name: string;
}

export interface MappedPermission {
  /** What the admin sees: Users, CONTOSO\Sales. */
  readonly accountName: string;
  readonly principal: SambaPrincipal;
  readonly permission: AccessPermission;
  readonly guest: boolean;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function refuse(accountName: string, samba: string, why: string): never {
  throw new CourierError('VALIDATION_FAILED', `The access account ${accountName} cannot be given to Samba as "${samba}": ${why}`, 'permissions');
}

/**
 * smb.conf substitutes %U and the like in every value and splits lists at commas; a double quote
 * cannot be written inside a quoted name; a leading @ or & would make it a netgroup.
 */
function principalOf(accountName: string, samba: string): SambaPrincipal {
  const group = samba.startsWith('+');
  const name = group ? samba.slice(1) : samba;
  if (name.trim() === '') refuse(accountName, samba, 'the name is empty.');
  if (name.length > 256) refuse(accountName, samba, 'the name is longer than 256 characters.');
  if (controlCharacters.test(name)) refuse(accountName, samba, 'the name contains a control character.');
  const bad = /[%",]/.exec(name);
  if (bad) refuse(accountName, samba, `smb.conf cannot hold "${bad[0]}" in a user or group name; map the account to another name in the account table.`);
  if (/^[+@&]/.test(name)) refuse(accountName, samba, 'only one leading + (a Unix group) is understood.');
  if (name !== name.trim()) refuse(accountName, samba, 'the name starts or ends with a space.');
  return { kind: group ? 'group' : 'user', name };
}

function accountNameOf(account: AccessAccountInput): string {
  return account.name;
}

function sambaNameOf(account: AccessAccountInput, mapping: SambaAccountMapping): string {
  if (account.kind === 'generic') {
    if (!genericAccounts.includes(account.name)) throw new CourierError('VALIDATION_FAILED', `"${String(account.name)}" is not a generic account (Users, Guests or Administrators).`, 'permissions');
    return mapping.generic[account.name];
  }
  const wanted = account.name.toLowerCase();
  const entry = Object.entries(mapping.accounts ?? {}).find(([key]) => key.toLowerCase() === wanted);
  if (entry) return entry[1];
  if (mapping.windowsAccounts === 'winbind') return account.accountType === 'group' ? `+${account.name}` : account.name;
  throw new CourierError(
    'VALIDATION_FAILED',
    `The access account ${account.name} has no Samba name: this distribution point maps Windows accounts only through its account table, and ${account.name} is not in it.`,
    'permissions',
  );
}

/** Every account's Samba principal; refuses the whole list if one cannot be named, before anything changes. */
export function mapAccounts(permissions: readonly AccountPermission[], mapping: SambaAccountMapping): MappedPermission[] {
  const mapped: MappedPermission[] = [];
  const seen = new Set<string>();
  for (const { account, permission } of permissions) {
    const accountName = accountNameOf(account);
    const key = accountName.toLowerCase();
    if (seen.has(key)) throw new CourierError('VALIDATION_FAILED', `The access account ${accountName} is listed twice.`, 'permissions');
    seen.add(key);
    mapped.push({
      accountName,
      principal: principalOf(accountName, sambaNameOf(account, mapping)),
      permission,
      guest: account.kind === 'generic' && account.name === 'Guests',
    });
  }
  return mapped;
}

/** A name in a smb.conf list, quoted so spaces and semicolons stay in it: "alice", +"CONTOSO\Domain Users". */
export function smbConfName(principal: SambaPrincipal): string {
  return `${principal.kind === 'group' ? '+' : ''}"${principal.name}"`;
}

export function smbConfList(principals: readonly SambaPrincipal[]): string {
  return principals.map(smbConfName).join(' ');
}
