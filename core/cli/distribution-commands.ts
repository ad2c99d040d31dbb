import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { distmgrLimits, parseBoundarySpec, shareProviders, sourcePathFormOf, type BoundaryDto, type DpVolumeInput, type ShareProvider } from '../api';
import { CliFailure, usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { waitForPackage } from './component-commands';
import {
  formatValidation,
  formatDistmgrSettings,
  formatDp,
  formatDpDeleted,
  formatDpGroup,
  formatDpGroups,
  formatDpList,
  formatPackageStatus,
} from './format-distribution';
import { commandWords } from './command-words';
import { parseWholeNumber } from './parse-integer';
import { collect } from './repeatable';

const dpFlags: Readonly<Record<string, string>> = {
  name: '<name>',
  serverShare: '--server-share',
  volumes: '--volume',
  shareReserveMb: '--reserve-mb',
  sambaConf: '--samba-conf',
  shareProvider: '--share-provider',
  boundaries: '--boundary',
  protected: '--protected',
  distributionPoints: '--dp',
  distributionPoint: '--dp',
  groups: '--group',
  members: '--member',
  maxPackages: '--max-packages',
  threadsPerPackage: '--threads-per-package',
  retries: '--retries',
  retryDelayMinutes: '--retry-delay',
  storedPackagesLocation: '--stored-packages',
};

const packageSubcommands = new Set(['distribute', 'update-dps', 'refresh', 'remove-dp', 'retry', 'cancel', 'status']);

/** The option a field of these commands' requests came from, so an error names it; undefined for other commands. */
export function distributionFlagForField(argv: readonly string[], field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const [group, command] = commandWords(argv);
  const ours = group === 'dp' || group === 'dp-group' || group === 'component' || (group === 'package' && packageSubcommands.has(command ?? ''));
  if (!ours) return undefined;
  const key = field.replace(/^changes\./, '').split('.')[0] ?? '';
  if (key === 'volumes' && field.endsWith('reserveMb')) return '--reserve-mb';
  if (key === 'packageId') return '<package-id>';
  return dpFlags[key];
}

/** A relative path means one under the shell's current folder; Windows and UNC forms are passed on as typed. */
function absolute(path: string, cwd: string): string {
  return sourcePathFormOf(path) !== null ? path : resolve(cwd, path);
}


/** D=/srv/dp01/d, or D:=\\dp01\D$: the letter, then where the site server reaches the volume. */
function volumeOf(spec: string, reserveMb: number, cwd: string): DpVolumeInput {
  const at = spec.indexOf('=');
  if (at <= 0 || at === spec.length - 1) throw usageFailure(`--volume ${spec}: write LETTER=PATH, such as D=/srv/dp01/d or E='\\\\dp01\\E$'.`);
  return { letter: spec.slice(0, at), path: absolute(spec.slice(at + 1), cwd), reserveMb };
}

function boundariesOf(specs: readonly string[]): BoundaryDto[] {
  return specs.map((spec) => {
    const parsed = parseBoundarySpec(spec);
    if (!parsed.ok) throw usageFailure(`--boundary: ${parsed.problem}`);
    return parsed.boundary;
  });
}

interface UpdateOptions {
  readonly bits?: boolean;
  readonly protected?: boolean;
  readonly boundary?: string[];
  readonly shareProvider?: ShareProvider;
  readonly sambaConf?: string;
  readonly addVolume?: string[];
  readonly removeVolume?: string[];
  readonly reserveMb?: number;
}

interface AddOptions {
  readonly serverShare?: string;
  readonly volume?: string[];
  readonly reserveMb?: number;
  readonly shareProvider?: ShareProvider;
  readonly sambaConf?: string;
  readonly bits?: boolean;
  readonly protected?: boolean;
  readonly boundary?: string[];
}

/**
 * `courier dp add|list|show|remove` and `courier dp-group …`: site systems with the distribution
 * point role and their groups (docs/distribution-points.md).
 */
export function registerDistributionPointCommands(root: Command, { io, withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const dp = root.command('dp').description('add, list, show and remove distribution points').helpCommand(false);

  const add = withGlobalOptions(
    dp
      .command('add')
      .description('add a distribution point: a server with SMSPKG<letter>$ shares on its volumes, or a server share')
      .argument('<name>', "the DP's server: DP01 or dp01.contoso.com")
      .option('--server-share <unc>', 'a server share DP: packages go to this share (\\\\server\\share) instead of SMSPKG<letter>$')
      .option('--volume <letter=path>', 'a volume of a server DP and where the site server reaches it (repeat for more)', collect)
      .option('--reserve-mb <mb>', 'free space to leave alone on each volume (or on the share), in MB', parseWholeNumber)
      .addOption(new Option('--share-provider <provider>', 'who creates the shares and applies access accounts').choices(shareProviders).default('local'))
      .option('--samba-conf <file>', "the Samba server's smb.conf (samba provider)")
      .option('--bits', 'BITS-enabled: clients may download from it with BITS')
      .option('--protected', 'protected: only clients in its boundaries may use it (give --boundary)')
      .option('--boundary <spec>', 'subnet:10.1.0.0/16, range:10.1.0.1-10.1.0.200 or adsite:NAME (repeat for more)', collect),
  );
  add.addHelpText(
    'after',
    `
Examples:
  courier dp add DP01 --volume D=/srv/dp01/d --volume E=/srv/dp01/e --reserve-mb 500 --json
  courier dp add dp02.contoso.com --volume 'D=\\\\dp02\\D$' --share-provider samba --samba-conf /etc/samba/smb.conf
  courier dp add DP03 --server-share '\\\\files\\dist'
  courier dp add DP04 --volume D=/srv/dp04 --protected --boundary subnet:10.1.0.0/16 --boundary adsite:HQ

A UNC volume or share is read through Path Mappings on a Linux site server (courier site map-path).`,
  );
  add.action((name: string, opts: AddOptions, command: Command) => {
    const reserveMb = opts.reserveMb ?? 0;
    const volumes = (opts.volume ?? []).map((spec) => volumeOf(spec, reserveMb, io.cwd));
    if (opts.serverShare === undefined && volumes.length === 0) throw usageFailure('Give at least one --volume LETTER=PATH, or --server-share \\\\server\\share.');
    if (opts.serverShare !== undefined && volumes.length > 0) throw usageFailure('A server share DP keeps packages in its share: give --server-share or --volume, not both.');
    const boundaries = boundariesOf(opts.boundary ?? []);
    return withCore(command, async (core, globals) => {
      const created = unwrap(
        await core.client['distribution-points:create']({
          name,
          serverShare: opts.serverShare ?? '',
          volumes,
          shareReserveMb: opts.serverShare !== undefined ? reserveMb : 0,
          shareProvider: opts.shareProvider ?? 'local',
          sambaConf: opts.sambaConf === undefined ? '' : absolute(opts.sambaConf, io.cwd),
          bitsEnabled: opts.bits === true,
          protected: opts.protected === true,
          boundaries,
        }),
      );
      print(globals, created, () => `Added distribution point ${created.name}.\n\n${formatDp(created)}`);
    });
  });

  withGlobalOptions(
    dp.command('list').description('list the distribution points').option('--without-package <package-id>', "only those that do not have the package (the Copy Package page's list)"),
  ).action((opts: { withoutPackage?: string }, command: Command) =>
    withCore(command, async (core, globals) => {
      const list = unwrap(await core.client['distribution-points:list'](opts.withoutPackage === undefined ? {} : { withoutPackage: opts.withoutPackage }));
      const none = opts.withoutPackage !== undefined && list.length === 0;
      print(globals, list, () => (none ? `Every distribution point has package ${opts.withoutPackage?.toUpperCase() ?? ''} already (or is being deleted).` : formatDpList(list)));
    }),
  );

  withGlobalOptions(dp.command('show').description('show a distribution point, its volumes and groups').argument('<name>', 'DP01')).action(
    (name: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const found = unwrap(await core.client['distribution-points:get']({ name }));
        print(globals, found, () => formatDp(found));
      }),
  );

  const update = withGlobalOptions(
    dp
      .command('update')
      .description("change a distribution point's settings; those not given stay")
      .argument('<name>', 'DP01')
      .option('--bits', 'BITS-enabled')
      .option('--no-bits', 'not BITS-enabled')
      .option('--protected', 'protected (give --boundary unless it has boundaries)')
      .option('--no-protected', 'not protected (its boundaries are dropped)')
      .option('--boundary <spec>', 'the boundaries, replacing the ones it has (repeat for more)', collect)
      .addOption(new Option('--share-provider <provider>', 'who creates the shares and applies access accounts').choices(shareProviders))
      .option('--samba-conf <file>', "the Samba server's smb.conf (samba provider)")
      .option('--add-volume <letter=path>', 'another volume (repeat for more)', collect)
      .option('--remove-volume <letter>', 'drop a volume no package is on (repeat for more)', collect)
      .option('--reserve-mb <mb>', 'the reserve of the volumes added, or of the share of a server share DP, in MB', parseWholeNumber),
  );
  update.addHelpText(
    'after',
    `
Examples:
  courier dp update DP01 --add-volume F=/srv/dp01/f --reserve-mb 1000
  courier dp update DP01 --protected --boundary subnet:10.1.0.0/16 --share-provider samba --samba-conf /etc/samba/smb.conf`,
  );
  update.action((name: string, opts: UpdateOptions, command: Command) => {
    const boundaries = opts.boundary === undefined ? undefined : boundariesOf(opts.boundary);
    const added = (opts.addVolume ?? []).map((spec) => volumeOf(spec, opts.reserveMb ?? 0, io.cwd));
    const dropped = (opts.removeVolume ?? []).map((letter) => letter.replace(/:$/, '').toUpperCase());
    const changes = {
      ...(opts.bits !== undefined && { bitsEnabled: opts.bits }),
      ...(opts.protected !== undefined && { protected: opts.protected }),
      ...(boundaries !== undefined && { boundaries }),
      ...(opts.shareProvider !== undefined && { shareProvider: opts.shareProvider }),
      ...(opts.sambaConf !== undefined && { sambaConf: absolute(opts.sambaConf, io.cwd) }),
    };
    const volumesChange = added.length + dropped.length > 0;
    if (Object.keys(changes).length === 0 && !volumesChange && opts.reserveMb === undefined) {
      throw usageFailure('Nothing to change: give at least one setting (see courier dp update --help).');
    }
    return withCore(command, async (core, globals) => {
      const current = unwrap(await core.client['distribution-points:get']({ name }));
      const share = current.mode === 'serverShare';
      // Judged against the DP as it is: the site's answer (exit 1), not a wrong command line.
      const refuse = (code: 'NOT_FOUND' | 'VALIDATION_FAILED', message: string, field: string) => new CliFailure({ code, message, field }, 1);
      if (share && volumesChange) throw refuse('VALIDATION_FAILED', `${current.name} is a server share DP: it keeps packages in its share and has no volumes to add or remove.`, 'volumes');
      if (!share && opts.reserveMb !== undefined && added.length === 0) {
        throw refuse('VALIDATION_FAILED', `${current.name} is a server DP: --reserve-mb sets the reserve of the volumes added with --add-volume.`, 'shareReserveMb');
      }
      for (const letter of dropped) {
        if (!current.volumes.some((v) => v.letter === letter)) throw refuse('NOT_FOUND', `${current.name} has no volume ${letter}; see courier dp show ${current.name}.`, 'volumes');
      }
      const volumes = volumesChange
        ? [...current.volumes.filter((v) => !dropped.includes(v.letter)).map(({ letter, path, reserveMb }) => ({ letter, path, reserveMb })), ...added]
        : undefined;
      const updated = unwrap(
        await core.client['distribution-points:update']({
          name,
          changes: {
            ...changes,
            ...(volumes !== undefined && { volumes }),
            ...(share && opts.reserveMb !== undefined && { shareReserveMb: opts.reserveMb }),
          },
        }),
      );
      print(globals, updated, () => `Updated distribution point ${updated.name}.\n\n${formatDp(updated)}`);
    });
  });

  withGlobalOptions(
    dp
      .command('remove')
      .description('remove a distribution point; one that holds packages stays until Distribution Manager has removed them')
      .argument('<name>', 'DP01'),
  ).action((name: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const deleted = unwrap(await core.client['distribution-points:delete']({ name }));
      print(globals, deleted, () => formatDpDeleted(deleted));
    }),
  );

  const group = root.command('dp-group').description('distribution point groups: create, delete, rename, members').helpCommand(false);

  withGlobalOptions(
    group
      .command('create')
      .description('create a distribution point group')
      .argument('<name>', 'the group name')
      .option('--description <text>', 'what the group is for', '')
      .option('--member <dp>', 'a distribution point in the group (repeat for more)', collect),
  ).action((name: string, opts: { description: string; member?: string[] }, command: Command) =>
    withCore(command, async (core, globals) => {
      const created = unwrap(await core.client['dp-groups:create']({ name, description: opts.description, members: opts.member ?? [] }));
      print(globals, created, () => `Created distribution point group ${created.name}.\n\n${formatDpGroup(created)}`);
    }),
  );

  withGlobalOptions(group.command('list').description('list the groups and their members')).action((_opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const groups = unwrap(await core.client['dp-groups:list']({}));
      print(globals, groups, () => formatDpGroups(groups));
    }),
  );

  withGlobalOptions(group.command('delete').description('delete a group (its distribution points stay)').argument('<name>', 'the group name')).action(
    (name: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const left = unwrap(await core.client['dp-groups:delete']({ name }));
        print(globals, left, () => `Deleted distribution point group ${name}.\n\n${formatDpGroups(left)}`);
      }),
  );

  withGlobalOptions(group.command('rename').description('rename a group').argument('<name>', 'the group name').argument('<new-name>', 'its new name')).action(
    (name: string, newName: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const renamed = unwrap(await core.client['dp-groups:update']({ name, changes: { name: newName } }));
        print(globals, renamed, () => `Renamed distribution point group ${name} to ${renamed.name}.`);
      }),
  );

  for (const [verb, channel, description, done] of [
    ['add-member', 'dp-groups:add-member', 'add a distribution point to a group', 'Added'],
    ['remove-member', 'dp-groups:remove-member', 'take a distribution point out of a group', 'Removed'],
  ] as const) {
    withGlobalOptions(group.command(verb).description(description).argument('<group>', 'the group name').argument('<dp>', 'the distribution point')).action(
      (name: string, distributionPoint: string, _opts: unknown, command: Command) =>
        withCore(command, async (core, globals) => {
          const updated = unwrap(await core.client[channel]({ name, distributionPoint }));
          print(globals, updated, () => `${done} ${distributionPoint} ${done === 'Added' ? 'to' : 'from'} group ${updated.name}.\n\n${formatDpGroup(updated)}`);
        }),
    );
  }
}

/** `courier package distribute|update-dps|refresh|remove-dp|retry|cancel|validate|status`: a package's distribution points. */
export function registerPackageDistributionCommands(pkg: Command, context: CommandContext): void {
  const { withGlobalOptions, withCore, print, unwrap } = context;
  const waitOption = new Option('--wait', "wait until Distribution Manager has done the work (run here when no console or site run is running); prints the package's status");
  const distribute = withGlobalOptions(
    pkg
      .command('distribute')
      .description('copy a package to distribution points (New Distribution Points): only those that do not have it yet')
      .argument('<package-id>', 'for example A0100001')
      .option('--dp <name>', 'a distribution point (repeat for more)', collect)
      .option('--group <name>', 'every member of a distribution point group (repeat for more)', collect)
      .addOption(waitOption),
  );
  distribute.addHelpText(
    'after',
    `
Examples:
  courier package distribute A0100001 --dp DP01 --dp DP02 --json
  courier package distribute A0100001 --group West

The answer says what will be transferred: files, bytes and distribution points. Distribution
Manager does the copying; follow it with courier package status A0100001.`,
  );
  distribute.action((packageId: string, opts: { dp?: string[]; group?: string[]; wait?: boolean }, command: Command) => {
    if ((opts.dp ?? []).length + (opts.group ?? []).length === 0) throw usageFailure('Name at least one --dp NAME or --group NAME.');
    return withCore(command, async (core, globals) => {
      const plan = unwrap(await core.client['packages:distribute']({ packageId, distributionPoints: opts.dp ?? [], groups: opts.group ?? [] }));
      if (opts.wait) {
        context.io.err(`courier: ${plan.summary}\n`);
        await waitForPackage(core, plan.packageId, context, globals);
      } else print(globals, plan, () => plan.summary);
    });
  });

  withGlobalOptions(
    pkg
      .command('update-dps')
      .description('Update Distribution Points: a new source version, sent to every distribution point the package is on')
      .argument('<package-id>', 'for example A0100001')
      .addOption(waitOption),
  ).action((packageId: string, opts: { wait?: boolean }, command: Command) =>
    withCore(command, async (core, globals) => {
      const plan = unwrap(await core.client['packages:update-dps']({ packageId }));
      if (opts.wait) {
        context.io.err(`courier: ${plan.summary}\n`);
        await waitForPackage(core, plan.packageId, context, globals);
      } else print(globals, plan, () => plan.summary);
    }),
  );

  for (const [verb, channel, description] of [
    ['refresh', 'packages:refresh-dp', 'Refresh: copy the current source version to one distribution point again (the version does not change)'],
    ['remove-dp', 'packages:remove-dp', 'take the package off a distribution point and delete its folder there'],
  ] as const) {
    withGlobalOptions(
      pkg
        .command(verb)
        .description(description)
        .argument('<package-id>', 'for example A0100001')
        .addOption(new Option('--dp <name>', 'the distribution point').makeOptionMandatory())
        .addOption(waitOption),
    ).action((packageId: string, opts: { dp: string; wait?: boolean }, command: Command) =>
      withCore(command, async (core, globals) => {
        const plan = unwrap(await core.client[channel]({ packageId, distributionPoint: opts.dp }));
        if (opts.wait) {
          context.io.err(`courier: ${plan.summary}\n`);
          await waitForPackage(core, plan.packageId, context, globals);
        } else print(globals, plan, () => plan.summary);
      }),
    );
  }

  for (const [verb, channel, description, done] of [
    ['retry', 'packages:retry-dp', 'Retry Now: the next attempt on a retrying distribution point is due now (one that gave up starts again)', 'The next attempt is due now'],
    ['cancel', 'packages:cancel-dp', 'Cancel: stop retrying on a distribution point (a copy goes to installFailed, a removal to removalFailed)', 'Retries cancelled'],
  ] as const) {
    withGlobalOptions(
      pkg
        .command(verb)
        .description(description)
        .argument('<package-id>', 'for example A0100001')
        .addOption(new Option('--dp <name>', 'the distribution point').makeOptionMandatory()),
    ).action((packageId: string, opts: { dp: string }, command: Command) =>
      withCore(command, async (core, globals) => {
        const row = unwrap(await core.client[channel]({ packageId, distributionPoint: opts.dp }));
        print(globals, row, () => `${done} on ${row.name}: ${row.state}, attempt ${row.attempts}${row.lastError ? `, last error: ${row.lastError}` : ''}.`);
      }),
    );
  }

  withGlobalOptions(
    pkg
      .command('validate')
      .description("Validate: re-hash the package's copy on each distribution point against its manifest; --repair fixes only what differs")
      .argument('<package-id>', 'for example A0100001')
      .option('--dp <name>', 'only this distribution point')
      .option('--repair', 'rewrite missing and changed files from the source, remove extra ones'),
  ).action((packageId: string, opts: { dp?: string; repair?: boolean }, command: Command) =>
    withCore(command, async (core, globals) => {
      const report = unwrap(
        await core.client['packages:validate']({ packageId, repair: opts.repair === true, ...(opts.dp !== undefined ? { distributionPoint: opts.dp } : {}) }),
      );
      print(globals, report, () => formatValidation(report));
      const bad = report.distributionPoints.filter((dp) => !dp.ok);
      if (bad.length > 0) {
        throw new CliFailure({ code: 'CONFLICT', message: `The copy of ${report.packageId} differs from its manifest on ${bad.map((dp) => dp.name).join(', ')}.` }, 1, true);
      }
    }),
  );

  withGlobalOptions(
    pkg.command('status').description("the package's state on each distribution point (Package Status)").argument('<package-id>', 'for example A0100001'),
  ).action((packageId: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const status = unwrap(await core.client['packages:status']({ packageId }));
      const json = {
        packageId: status.packageId,
        sourceVersion: status.sourceVersion,
        distributionPoints: status.distributionPoints,
      };
      print(globals, json, () => formatPackageStatus(status));
    }),
  );
}

interface SetOptions {
  readonly maxPackages?: number;
  readonly threadsPerPackage?: number;
  readonly retries?: number;
  readonly retryDelay?: number;
  readonly storedPackages?: string;
}

function componentArgument(component: string): 'distmgr' {
  if (component.toLowerCase() !== 'distmgr') throw usageFailure(`There is no component "${component}" to configure; the one there is: distmgr (Software Distribution).`);
  return 'distmgr';
}

const range = (limits: { readonly min: number; readonly max: number; readonly default: number }) => `${limits.min}–${limits.max}, default ${limits.default}`;

/** `courier component show|set distmgr`: the Software Distribution component's properties. */
export function registerComponentCommands(root: Command, { io, withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const component = root.command('component').description("show and change a site component's settings").helpCommand(false);

  withGlobalOptions(component.command('show').description("show a component's settings").argument('<component>', 'distmgr')).action(
    (name: string, _opts: unknown, command: Command) => {
      componentArgument(name);
      return withCore(command, async (core, globals) => {
        const settings = unwrap(await core.client['components:get']({ component: 'distmgr' }));
        print(globals, settings, () => formatDistmgrSettings(settings));
      });
    },
  );

  const set = withGlobalOptions(
    component
      .command('set')
      .description("change a component's settings; the others stay")
      .argument('<component>', 'distmgr')
      .option('--max-packages <n>', `packages processed at once (${range(distmgrLimits.maxPackages)})`, parseWholeNumber)
      .option('--threads-per-package <n>', `threads per package (${range(distmgrLimits.threadsPerPackage)})`, parseWholeNumber)
      .option('--retries <n>', `number of retries (${range(distmgrLimits.retries)})`, parseWholeNumber)
      .option('--retry-delay <minutes>', `delay before retrying (${range(distmgrLimits.retryDelayMinutes)})`, parseWholeNumber)
      .option('--stored-packages <dir>', 'location of stored packages (compressed copies); empty for the site root'),
  );
  set.addHelpText(
    'after',
    `
Example:
  courier component set distmgr --max-packages 5 --threads-per-package 10 --retries 20 --retry-delay 15`,
  );
  set.action((name: string, opts: SetOptions, command: Command) => {
    componentArgument(name);
    const changes = {
      ...(opts.maxPackages !== undefined && { maxPackages: opts.maxPackages }),
      ...(opts.threadsPerPackage !== undefined && { threadsPerPackage: opts.threadsPerPackage }),
      ...(opts.retries !== undefined && { retries: opts.retries }),
      ...(opts.retryDelay !== undefined && { retryDelayMinutes: opts.retryDelay }),
      ...(opts.storedPackages !== undefined && { storedPackagesLocation: opts.storedPackages === '' ? '' : absolute(opts.storedPackages, io.cwd) }),
    };
    if (Object.keys(changes).length === 0) throw usageFailure('Nothing to change: give at least one setting (see courier component set --help).');
    return withCore(command, async (core, globals) => {
      const settings = unwrap(await core.client['components:set']({ component: 'distmgr', changes }));
      print(globals, settings, () => `Updated ${settings.component}.\n\n${formatDistmgrSettings(settings)}`);
    });
  });
}
