import { Option, type Command } from 'commander';
import { accessPermissions, genericAccounts, type AccessAccountInput } from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { formatAccessAccount, formatAccessAccounts } from './format-program';

const flagByField: Readonly<Record<string, string>> = {
  'account.name': '--windows/--generic',
  'account.accountType': '--user/--group',
  permission: '--permission',
  accountName: '<account-name>',
};

export function accessAccountFlagForField(field: string | undefined): string | undefined {
  return field === undefined ? undefined : flagByField[field];
}

function permissionOption(): Option {
  return new Option('--permission <permission>', 'the permission on the package share and folder').choices(accessPermissions).makeOptionMandatory();
}

interface AddOptions {
  readonly windows?: string;
  readonly generic?: string;
  readonly user?: boolean;
  readonly group?: boolean;
  readonly permission: (typeof accessPermissions)[number];
}

function accountOf(opts: AddOptions): AccessAccountInput {
  if (opts.generic !== undefined) {
    if (opts.user || opts.group) throw usageFailure('--user and --group are for Windows accounts; a generic account is a local group.');
    return { kind: 'generic', name: opts.generic as (typeof genericAccounts)[number] };
  }
  if (opts.windows !== undefined) {
    if (!opts.user && !opts.group) throw usageFailure('Say whether the Windows account is a --user or a --group.');
    return { kind: 'windows', name: opts.windows, accountType: opts.group ? 'group' : 'user' };
  }
  throw usageFailure('Give the account: --windows DOMAIN\\name (with --user or --group), or --generic Users|Guests|Administrators.');
}

/**
 * `courier access-account add|list|update|remove`: who may read the package on distribution
 * points (docs/software-distribution.md#access-accounts). New packages start with Users (Read) and
 * Administrators (Full Control).
 */
export function registerAccessAccountCommands(root: Command, { withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const accounts = root
    .command('access-account')
    .description("list and change a package's access accounts (share and folder permissions on distribution points)")
    .helpCommand(false);

  withGlobalOptions(accounts.command('list').description("list a package's access accounts").argument('<package-id>', 'for example A0100001')).action(
    (packageId: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const list = unwrap(await core.client['access-accounts:list']({ packageId }));
        print(globals, list, () => formatAccessAccounts(packageId.toUpperCase(), list));
      }),
  );

  const add = withGlobalOptions(
    accounts
      .command('add')
      .description('give a Windows user or group, or a generic account, a permission on the package')
      .argument('<package-id>', 'for example A0100001')
      .addOption(new Option('--windows <account>', 'a Windows account as DOMAIN\\user or DOMAIN\\group').conflicts('generic'))
      .addOption(new Option('--user', 'the Windows account is a user').conflicts('group'))
      .addOption(new Option('--group', 'the Windows account is a group'))
      .addOption(new Option('--generic <account>', "a generic account: the distribution point's local group").choices(genericAccounts))
      .addOption(permissionOption()),
  );
  add.addHelpText(
    'after',
    `
Examples:
  courier access-account add A0100001 --windows 'CONTOSO\\Sales' --group --permission change
  courier access-account add A0100001 --generic Guests --permission read`,
  );
  add.action((packageId: string, opts: AddOptions, command: Command) => {
    const account = accountOf(opts);
    return withCore(command, async (core, globals) => {
      const added = unwrap(await core.client['access-accounts:add']({ packageId, account, permission: opts.permission }));
      print(globals, added, () => `Added ${formatAccessAccount(added)}`);
    });
  });

  withGlobalOptions(
    accounts
      .command('update')
      .description("change an access account's permission")
      .argument('<package-id>', 'for example A0100001')
      .argument('<account-name>', 'Users, or CONTOSO\\Sales (any case)')
      .addOption(permissionOption()),
  ).action((packageId: string, accountName: string, opts: { permission: (typeof accessPermissions)[number] }, command: Command) =>
    withCore(command, async (core, globals) => {
      const updated = unwrap(await core.client['access-accounts:update']({ packageId, accountName, permission: opts.permission }));
      print(globals, updated, () => `Updated ${formatAccessAccount(updated)}`);
    }),
  );

  withGlobalOptions(
    accounts
      .command('remove')
      .description('remove an access account from the package; prints the accounts left')
      .argument('<package-id>', 'for example A0100001')
      .argument('<account-name>', 'Users, or CONTOSO\\Sales (any case)'),
  ).action((packageId: string, accountName: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const left = unwrap(await core.client['access-accounts:remove']({ packageId, accountName }));
      print(globals, left, () => `Removed ${accountName} from package ${packageId.toUpperCase()}.\n\n${formatAccessAccounts(packageId.toUpperCase(), left)}`);
    }),
  );
}
