import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { resourcePlatforms, type ResourceChanges, type ResourceInput, type ResourceType } from '../api';
import type { Core } from '../core';
import { CliFailure, usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { formatResource, formatResourceDeleted, formatResourceImport, formatResourceList } from './format-resource';
import { parseWholeNumber } from './parse-integer';
import { collect } from './repeatable';

/** `--type user-group` on the command line is the contract's `userGroup`. */
const typeChoices = ['system', 'user', 'user-group'] as const;
const typeOf = (choice: string | undefined): ResourceType => (choice === 'user-group' ? 'userGroup' : ((choice ?? 'system') as ResourceType));

interface ResourceOptions {
  readonly name?: string;
  readonly smsUniqueIdentifier?: string;
  readonly domain?: string;
  readonly operatingSystem?: string;
  readonly platform?: (typeof resourcePlatforms)[number];
  readonly ipAddress?: string[];
  readonly ipSubnet?: string[];
  readonly adSite?: string;
  readonly systemOu?: string[];
  readonly lastLogonUser?: string;
  readonly client?: boolean;
  readonly clientVersion?: string;
  readonly assignedSite?: string[];
  readonly fullName?: string;
  readonly userGroup?: string[];
  readonly userOu?: string[];
}

/** Options named after the contract's fields; repeatable ones for the multi-valued properties. */
function addResourceOptions(command: Command): Command {
  return command
    .option('--sms-unique-identifier <guid>', "a system's SMSUniqueIdentifier, GUID:…")
    .option('--domain <domain>', "a system's domain or workgroup")
    .option('--operating-system <text>', 'OperatingSystemNameandVersion, e.g. "Microsoft Windows NT Workstation 6.1"')
    .addOption(new Option('--platform <platform>', 'the processor architecture').choices(resourcePlatforms))
    .option('--ip-address <address>', 'an IP address (repeat for more)', collect)
    .option('--ip-subnet <subnet>', 'an IP subnet (repeat for more)', collect)
    .option('--ad-site <name>', 'the Active Directory site')
    .option('--system-ou <ou>', 'a system OU, e.g. CONTOSO.COM/WORKSTATIONS (repeat for more)', collect)
    .option('--last-logon-user <name>', 'the last logged-on user')
    .option('--client', 'the Courier client is installed')
    .option('--no-client', 'the Courier client is not installed')
    .option('--client-version <version>', 'e.g. 4.00.6487.2000')
    .option('--assigned-site <code>', 'an assigned site code (repeat for more)', collect)
    .option('--full-name <name>', "a user's full name")
    .option('--user-group <DOMAIN\\group>', "a group a user is in (repeat for more)", collect)
    .option('--user-ou <ou>', "a user's OU (repeat for more)", collect);
}

function fieldsFrom(opts: ResourceOptions): ResourceChanges {
  const fields: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) fields[key] = value;
  };
  put('name', opts.name);
  put('smsUniqueIdentifier', opts.smsUniqueIdentifier);
  put('domain', opts.domain);
  put('operatingSystem', opts.operatingSystem);
  put('platform', opts.platform);
  put('ipAddresses', opts.ipAddress);
  put('ipSubnets', opts.ipSubnet);
  put('adSiteName', opts.adSite);
  put('systemOuNames', opts.systemOu);
  put('lastLogonUserName', opts.lastLogonUser);
  put('client', opts.client);
  put('clientVersion', opts.clientVersion);
  put('assignedSites', opts.assignedSite);
  put('fullName', opts.fullName);
  put('userGroups', opts.userGroup);
  put('userOuNames', opts.userOu);
  return fields as ResourceChanges;
}

const resourceIdArgument = (text: string): number => parseWholeNumber(text);

/**
 * A resource named on the command line: its resource ID, or its name (any case), which must
 * name one resource.
 */
export async function resolveResource(core: Core, text: string, unwrap: CommandContext['unwrap']): Promise<number> {
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  const found = unwrap(await core.client['resources:list']({ search: text.trim() })).filter((r) => r.name.toLowerCase() === text.trim().toLowerCase());
  if (found.length === 1 && found[0]) return found[0].resourceId;
  const why = found.length === 0 ? 'there is no resource of that name' : `${found.length} resources have that name (${found.map((r) => `${r.resourceId} ${r.resourceType}`).join(', ')}); give the resource ID`;
  throw new CliFailure({ code: found.length === 0 ? 'NOT_FOUND' : 'CONFLICT', message: `${text}: ${why}.` }, 1);
}

/** `courier resource add|import|list|show|update|remove` (docs/collections.md#the-cli). */
export function registerResourceCommands(root: Command, { io, withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const resource = root.command('resource').description('add, import, list, show, change and remove systems, users and user groups').helpCommand(false);

  const add = withGlobalOptions(
    addResourceOptions(
      resource
        .command('add')
        .description('add a system, user or user group by hand')
        .argument('<name>', 'a system name, or DOMAIN\\name for users and user groups')
        .addOption(new Option('--type <type>', 'what the resource is').choices(typeChoices).default('system')),
    ),
  );
  add.addHelpText(
    'after',
    `
Examples:
  courier resource add PC0001 --sms-unique-identifier GUID:6F5E0A1B-2C3D-4E5F-8091-A2B3C4D5E6F7 --ip-address 10.1.2.3 --client --json
  courier resource add 'CONTOSO\\alice' --type user --full-name "Alice Smith" --user-group 'CONTOSO\\Sales'`,
  );
  add.action((name: string, opts: ResourceOptions & { type: string }, command: Command) => {
    const input = { ...fieldsFrom(opts), name, resourceType: typeOf(opts.type) } as ResourceInput;
    return withCore(command, async (core, globals) => {
      const created = unwrap(await core.client['resources:create'](input));
      print(globals, created, () => `Added resource ${created.resourceId} (${created.name}).\n\n${formatResource(created)}`);
    });
  });

  const importCommand = withGlobalOptions(
    resource
      .command('import')
      .description('import resources from a CSV file whose header row names SMS_R_System (SMS_R_User …) properties')
      .argument('<file>', 'the CSV file')
      .addOption(new Option('--type <type>', 'what every row is').choices(typeChoices).default('system'))
      .option('--skip-refused', 'import the good rows and list the refused ones (by default one refused row refuses the file)'),
  );
  importCommand.addHelpText(
    'after',
    `
The header row names the properties, any case, for example:
  Name,SMSUniqueIdentifier,ResourceDomainORWorkgroup,OperatingSystemNameandVersion,IPAddresses,IPSubnets,Client
Multi-valued cells separate their values with ";"; an empty cell is not known (NULL).
A row naming a resource already at the site (by SMSUniqueIdentifier, else by name) updates it.

Examples:
  courier resource import systems.csv --json
  courier resource import users.csv --type user --skip-refused`,
  );
  importCommand.action((file: string, opts: { type: string; skipRefused?: boolean }, command: Command) =>
    withCore(command, async (core, globals) => {
      const result = unwrap(await core.client['resources:import']({ path: resolve(io.cwd, file), resourceType: typeOf(opts.type), skipRefused: opts.skipRefused === true }));
      print(globals, result, () => formatResourceImport(result));
    }),
  );

  withGlobalOptions(
    resource
      .command('list')
      .description('list resources in name order')
      .addOption(new Option('--type <type>', 'only this type').choices(typeChoices))
      .option('--search <text>', 'only names containing this, any case')
      .option('--limit <count>', 'at most this many', parseWholeNumber),
  ).action((opts: { type?: string; search?: string; limit?: number }, command: Command) =>
    withCore(command, async (core, globals) => {
      const list = unwrap(
        await core.client['resources:list']({
          ...(opts.type !== undefined ? { resourceType: typeOf(opts.type) } : {}),
          ...(opts.search !== undefined ? { search: opts.search } : {}),
          ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
        }),
      );
      print(globals, list, () => formatResourceList(list));
    }),
  );

  withGlobalOptions(resource.command('show').description('show every property of a resource').argument('<resource>', 'a resource ID, or a name')).action(
    (text: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const found = unwrap(await core.client['resources:get']({ resourceId: await resolveResource(core, text, unwrap) }));
        print(globals, found, () => formatResource(found));
      }),
  );

  withGlobalOptions(
    addResourceOptions(resource.command('update').description('change the properties given').argument('<resource-id>', 'for example 16777217', resourceIdArgument).option('--name <name>', 'a new name')),
  ).action((resourceId: number, opts: ResourceOptions, command: Command) => {
    const changes = fieldsFrom(opts);
    if (Object.keys(changes).length === 0) throw usageFailure('Nothing to change: give at least one property (see courier resource update --help).');
    return withCore(command, async (core, globals) => {
      const updated = unwrap(await core.client['resources:update']({ resourceId, changes }));
      print(globals, updated, () => `Updated resource ${updated.resourceId} (${updated.name}).\n\n${formatResource(updated)}`);
    });
  });

  withGlobalOptions(
    resource.command('remove').description('remove a resource at once, with its memberships and the direct rules naming it').argument('<resource>', 'a resource ID, or a name'),
  ).action((text: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const deleted = unwrap(await core.client['resources:delete']({ resourceId: await resolveResource(core, text, unwrap) }));
      print(globals, deleted, () => formatResourceDeleted(deleted));
    }),
  );
}
