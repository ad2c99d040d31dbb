import { z } from 'zod';
import { packageIdSchema } from './ids';
import { requiredText, textSchema } from './text';

/**
 * Package access accounts (docs/software-distribution.md#access-accounts; the SMS_PackageAccessByUsers
 * class, docs/formats.md#access-accounts). Generic accounts
 * map to the distribution point's local Users, Guests and Administrators groups; Windows accounts
 * are DOMAIN\user or DOMAIN\group. Share providers apply them as share and folder permissions.
 */
export const genericAccounts = ['Users', 'Guests', 'Administrators'] as const;
export const accessPermissions = ['noAccess', 'read', 'change', 'fullControl'] as const;
export type AccessPermission = (typeof accessPermissions)[number];

/** The suite's Access masks (READ|EXECUTE|VIEW_FOLDERS|VIEW_FILES = 0x65 for Read). */
export const accessMasks: Readonly<Record<AccessPermission, number>> = {
  noAccess: 0x000,
  read: 0x065,
  change: 0x07f,
  fullControl: 0x1ff,
};

/** A domain (at most 15 characters), a backslash, a user or group (at most 104). */
export const maxAccountNameLength = 120;
export const windowsAccountPattern = /^[^\\/:*?"<>|\s][^\\/:*?"<>|]{0,14}\\[^\\/:*?"<>|@[\]]{1,104}$/;

export const accessAccountSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('windows'),
    /** DOMAIN\user or DOMAIN\group */
    name: textSchema({
      label: 'The account name',
      max: maxAccountNameLength,
      required: 'Type the account as DOMAIN\\user or DOMAIN\\group.',
      pattern: { test: (name) => windowsAccountPattern.test(name), message: 'Type the account as DOMAIN\\user or DOMAIN\\group.' },
    }),
    accountType: z.enum(['user', 'group']),
  }),
  z.strictObject({
    kind: z.literal('generic'),
    name: z.enum(genericAccounts),
  }),
]);
export type AccessAccountInput = z.input<typeof accessAccountSchema>;

export const accessAccountListSchema = z.strictObject({ packageId: packageIdSchema });
export const accessAccountAddSchema = z.strictObject({
  packageId: packageIdSchema,
  account: accessAccountSchema,
  permission: z.enum(accessPermissions),
});
export const accessAccountUpdateSchema = z.strictObject({
  packageId: packageIdSchema,
  /** The account's display name: Users, or CONTOSO\Sales. */
  accountName: requiredText('The access account', maxAccountNameLength, 'Name the access account.'),
  permission: z.enum(accessPermissions),
});
export const accessAccountRemoveSchema = z.strictObject({
  packageId: packageIdSchema,
  accountName: requiredText('The access account', maxAccountNameLength, 'Name the access account.'),
});

export interface AccessAccountDto {
  readonly packageId: string;
  /** What the console shows: Users, or CONTOSO\Sales. */
  readonly accountName: string;
  readonly kind: 'windows' | 'generic';
  readonly accountType: 'user' | 'group';
  readonly permission: AccessPermission;
  /** The suite's UserName: DOMAIN\user, or the NAL form ["Display=Users"]GENERIC:GROUP=Users. */
  readonly userName: string;
  /** The suite's Access mask. */
  readonly access: number;
}

/** What every new package gets: the permissions of the common SMSPKGx$ share (docs/software-distribution.md#access-accounts). */
export const defaultAccessAccounts: readonly { account: AccessAccountInput; permission: AccessPermission }[] = [
  { account: { kind: 'generic', name: 'Users' }, permission: 'read' },
  { account: { kind: 'generic', name: 'Administrators' }, permission: 'fullControl' },
];
