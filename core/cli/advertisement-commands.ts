import type { Command } from 'commander';
import type { AdvertisementClientState, DeploymentPlanInput } from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { readPlan } from './deploy-commands';
import { addAdvertisementOptions, advertisementFieldsFrom, type AdvertisementOptionValues } from './advertisement-options';
import { formatAdvertisement, formatAdvertisementClientStates, formatAdvertisementDeleted, formatAdvertisementList } from './format-advertisement';
import { formatDeploymentPreview } from './format-deployment-preview';
import { parseWholeNumber } from './parse-integer';

interface CreateOptions extends AdvertisementOptionValues {
  readonly name: string;
  readonly package: string;
  readonly program: string;
  readonly collection: string;
}

interface UpdateOptions extends AdvertisementOptionValues {
  readonly name?: string;
  readonly package?: string;
  readonly program?: string;
  readonly collection?: string;
}

/** `courier advertisement create|list|show|clients|preview|update|delete` (docs/advertisements.md#the-cli). */
export function registerAdvertisementCommands(root: Command, { io, withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const advertisement = root.command('advertisement').description('offer a program of a package to a collection').helpCommand(false);

  const create = withGlobalOptions(
    addAdvertisementOptions(
      advertisement
        .command('create')
        .description('create an advertisement, as the New Advertisement Wizard does')
        .requiredOption('--name <name>', 'up to 100 characters')
        .requiredOption('--package <package-id>', 'the package, for example A0100001')
        .requiredOption('--program <name>', 'the program of the package to run')
        .requiredOption('--collection <collection-id>', 'the collection to offer it to, for example SMS00001'),
      false,
    ),
  );
  create.addHelpText(
    'after',
    `
Examples:
  courier advertisement create --name "Office to pilot" --package A0100001 --program Typical --collection A0100010 --json
  courier advertisement create --name "Nightly" --package A0100001 --program Unattended --collection SMS00001 \\
      --mandatory asap --mandatory 00012CC0001A2000 --rerun if-failed --wake-on-lan --no-allow-users-run-independently`,
  );
  create.action((opts: CreateOptions, command: Command) =>
    withCore(command, async (core, globals) => {
      const created = unwrap(
        await core.client['advertisements:create']({
          advertisementName: opts.name,
          packageId: opts.package,
          programName: opts.program,
          collectionId: opts.collection,
          ...advertisementFieldsFrom(opts),
        }),
      );
      print(globals, created, () => `Created advertisement ${created.advertisementId} (${created.advertisementName}).\n\n${formatAdvertisement(created)}`);
    }),
  );

  withGlobalOptions(
    advertisement
      .command('list')
      .description('list the advertisements, or those of a package, program or collection')
      .option('--package <package-id>', 'only those of this package')
      .option('--program <name>', 'only those of this program of the package (with --package)')
      .option('--collection <collection-id>', 'only those offered to this collection'),
  ).action((opts: { package?: string; program?: string; collection?: string }, command: Command) => {
    if (opts.program !== undefined && opts.package === undefined) throw usageFailure('--program names a program of a package: give --package too.');
    return withCore(command, async (core, globals) => {
      const list = unwrap(
        await core.client['advertisements:list']({
          ...(opts.package !== undefined ? { packageId: opts.package } : {}),
          ...(opts.program !== undefined ? { programName: opts.program } : {}),
          ...(opts.collection !== undefined ? { collectionId: opts.collection } : {}),
        }),
      );
      print(globals, list, () => formatAdvertisementList(list));
    });
  });

  withGlobalOptions(advertisement.command('show').description('show an advertisement: its options and the suite numbers').argument('<advertisement-id>', 'for example A0120000')).action(
    (advertisementId: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const found = unwrap(await core.client['advertisements:get']({ advertisementId }));
        print(globals, found, () => formatAdvertisement(found));
      }),
  );

  withGlobalOptions(
    advertisement
      .command('clients')
      .description("each client's last state for an advertisement (accepted, running, succeeded, failed …) and the counts")
      .argument('<advertisement-id>', 'for example A0120000')
      .option('--state <state>', 'only the clients in this state')
      .option('--limit <n>', 'at most this many clients (default 200, at most 1000)', parseWholeNumber)
      .option('--after <resource-id>', 'the page after this resource ID (the previous page says it)', parseWholeNumber),
  ).action((advertisementId: string, opts: { state?: string; limit?: number; after?: number }, command: Command) =>
    withCore(command, async (core, globals) => {
      const states = unwrap(
        await core.client['advertisements:client-states']({
          advertisementId,
          ...(opts.state !== undefined ? { state: opts.state as AdvertisementClientState } : {}),
          ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
          ...(opts.after !== undefined ? { after: opts.after } : {}),
        }),
      );
      print(globals, states, () => formatAdvertisementClientStates(states));
    }),
  );

  withGlobalOptions(
    advertisement
      .command('preview')
      .description('the dry run of an advertisement, or of a Distribute Software plan: who receives it, which distribution point serves them, what is still to copy, and when it runs')
      .argument('[advertisement-id]', 'for example A0120000')
      .option('--plan <file>', 'the dry run of a deployment plan (the JSON courier deploy takes, or - for standard input) instead: nothing is made'),
  ).action(async (advertisementId: string | undefined, opts: { plan?: string }, command: Command) => {
    if ((advertisementId === undefined) === (opts.plan === undefined)) {
      throw usageFailure('Name an advertisement ID, or give --plan FILE for the dry run of a deployment plan (not both).');
    }
    const plan = opts.plan === undefined ? null : await readPlan(opts.plan, io);
    return withCore(command, async (core, globals) => {
      const preview = unwrap(
        plan === null ? await core.client['advertisements:preview']({ advertisementId: advertisementId ?? '' }) : await core.client['deployments:preview'](plan as DeploymentPlanInput),
      );
      print(globals, preview, () => formatDeploymentPreview(preview));
    });
  });

  const update = withGlobalOptions(
    addAdvertisementOptions(
      advertisement
        .command('update')
        .description('change the settings given; the others stay')
        .argument('<advertisement-id>', 'for example A0120000')
        .option('--name <name>', 'a new name')
        .option('--package <package-id>', 'another package')
        .option('--program <name>', 'another program')
        .option('--collection <collection-id>', 'another collection'),
      true,
    ),
  );
  update.action((advertisementId: string, opts: UpdateOptions, command: Command) => {
    const changes = {
      ...(opts.name !== undefined ? { advertisementName: opts.name } : {}),
      ...(opts.package !== undefined ? { packageId: opts.package } : {}),
      ...(opts.program !== undefined ? { programName: opts.program } : {}),
      ...(opts.collection !== undefined ? { collectionId: opts.collection } : {}),
      ...advertisementFieldsFrom(opts),
    };
    if (Object.keys(changes).length === 0) throw usageFailure('Nothing to change: give at least one setting (see courier advertisement update --help).');
    return withCore(command, async (core, globals) => {
      const updated = unwrap(await core.client['advertisements:update']({ advertisementId, changes }));
      print(globals, updated, () => `Updated advertisement ${updated.advertisementId} (${updated.advertisementName}).\n\n${formatAdvertisement(updated)}`);
    });
  });

  withGlobalOptions(advertisement.command('delete').description('delete an advertisement').argument('<advertisement-id>', 'for example A0120000')).action(
    (advertisementId: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const deleted = unwrap(await core.client['advertisements:delete']({ advertisementId }));
        print(globals, deleted, () => formatAdvertisementDeleted(deleted));
      }),
  );
}
