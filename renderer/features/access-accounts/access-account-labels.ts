import type { AccessAccountDto, AccessPermission } from '../../../core/api';

/** The Permissions drop-down's words. */
export const permissionLabels: Readonly<Record<AccessPermission, string>> = {
  noAccess: 'No Access',
  read: 'Read',
  change: 'Change',
  fullControl: 'Full Control',
};

/** The Type column: Windows user, Windows group, or a generic account. */
export function accountTypeLabel(account: Pick<AccessAccountDto, 'kind' | 'accountType'>): string {
  if (account.kind === 'generic') return 'Generic';
  return account.accountType === 'group' ? 'Windows Group' : 'Windows User';
}
