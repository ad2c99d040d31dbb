import type { AccessPermission } from '../api';
import type { MappedPermission, SambaPrincipal } from './samba-accounts';

/**
 * A package folder's permissions as a POSIX ACL (acl(5)), the text setfacl(1) takes with --set.
 * The owner (the account the site server copies as) keeps full access; the owning group and
 * everyone else get nothing, so only the listed accounts get in. X is execute for folders only,
 * so Read lists folders and reads files without making them executable.
 */
const permsOf: Readonly<Record<AccessPermission, string>> = {
  noAccess: '---',
  read: 'rX',
  change: 'rwX',
  fullControl: 'rwX',
};

/** acl(5) text separates entries at commas and white space and fields at colons; names escape them as \ooo. */
function aclName(name: string): string {
  return name.replace(/[\s\\,:]/g, (character) => `\\${character.charCodeAt(0).toString(8).padStart(3, '0')}`);
}

function entry(principal: SambaPrincipal, perms: string): string {
  return `${principal.kind === 'group' ? 'g' : 'u'}:${aclName(principal.name)}:${perms}`;
}

/**
 * The ACL text; `inherit` adds the same entries as the default ACL, so files copied in later get them.
 * A named user with --- is refused even when a group entry would let it in; a group with --- cannot
 * refuse its members that way (acl(5) grants access when any matching group entry allows it).
 */
export function aclText(mapped: readonly MappedPermission[], options: { inherit: boolean; perms?: (permission: AccessPermission) => string }): string {
  const permsFor = options.perms ?? ((permission: AccessPermission) => permsOf[permission]);
  const entries = ['u::rwX', 'g::---', 'o::---', 'm::rwX', ...mapped.map((item) => entry(item.principal, permsFor(item.permission)))];
  const all = options.inherit ? [...entries, ...entries.map((text) => `d:${text}`)] : entries;
  return all.join(',');
}

/** The share's own folder: the share's accounts may enter and list it; what they see inside is each package folder's ACL. */
export function shareRootPerms(permission: AccessPermission): string {
  return permission === 'noAccess' ? '---' : 'rx';
}
