import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { ApiResult, PackageDto } from '../api';
import { CourierError } from '../api';
import type { Core } from '../core';
import { defaultSite } from '../domain/default-site';
import { registerAccessAccountCommands } from './access-account-commands';
import { registerClientAgentCommands } from './client-agent-commands';
import { registerContentServiceCommands } from './content-service-commands';
import { registerBoundaryCommands } from './boundary-commands';
import { registerComponentCommands, registerDistributionPointCommands, registerPackageDistributionCommands } from './distribution-commands';
import { CliFailure, usageFailure } from './cli-failure';
import type { CliInstall } from './cli-install';
import type { CliIo } from './cli-io';
import type { CommandContext, GlobalOptions } from './command-context';
import { formatDeleted, formatPackage, formatPackageList } from './format-package';
import { formatSite } from './format-site';
import { registerLogCommands } from './log-commands';
import { registerManagementPointCommands } from './management-point-commands';
import { registerMsiCommands } from './msi-commands';
import { addPackageOptions, packageFieldsFrom } from './package-options';
import { registerPdfCommands } from './pdf-commands';
import { registerProgramCommands } from './program-commands';
import { registerScheduleCommands } from './schedule-commands';
import { registerSiteSettingsCommands } from './site-settings-commands';
import { registerSiteRunCommand } from './component-commands';
import { registerStatusCommands } from './status-commands';
import { registerResourceCommands } from './resource-commands';
import { registerCollectionCommands } from './collection-commands';
import { registerAdvertisementCommands } from './advertisement-commands';
import { registerPolicyCommands } from './policy-commands';
import { registerDeployCommand } from './deploy-commands';

const globalGroup = 'Global options:';

/** The site's engine (database, services) loads only for commands that open a site: --help and --version start without it. */
const loadCore = (): Promise<typeof import('../core')> => import('../core');

/** Leaf commands repeat the global options so they may also follow the command (`… list --json`). */
function withGlobalOptions(command: Command): Command {
  return command
    .addOption(new Option('--data-dir <dir>', 'the site data directory (default: $COURIER_DATA_DIR, else the per-user Courier folder)').helpGroup(globalGroup))
    .addOption(new Option('--json', 'print JSON (the contract DTOs) instead of text').helpGroup(globalGroup));
}

function globalsOf(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals<Record<string, unknown>>();
  return {
    dataDir: typeof opts.dataDir === 'string' ? opts.dataDir : undefined,
    json: opts.json === true,
  };
}

function failureOf(error: unknown): CliFailure {
  if (error instanceof CliFailure) return error;
  if (error instanceof CourierError) return new CliFailure(error.toDto(), 1);
  return new CliFailure({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }, 1);
}

export function buildProgram(io: CliIo, install: CliInstall): Command {
  /** The value, with the answer's notices on stderr (the change is saved; stdout stays the result). */
  function unwrap<T>(result: ApiResult<T>): T {
    if (!result.ok) throw new CliFailure(result.error, 1);
    for (const notice of result.notices ?? []) io.err(`courier: ${notice}\n`);
    return result.value;
  }

  function print(globals: GlobalOptions, value: unknown, text: () => string): void {
    io.out(globals.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
  }

  /** Opens the site for one command and always closes it, so the database is left clean. */
  async function withCore(command: Command, run: (core: Core, globals: GlobalOptions) => Promise<void>): Promise<void> {
    const globals = globalsOf(command);
    let core: Core;
    try {
      const { createCore, resolveDataDir } = await loadCore();
      core = createCore({ dataDir: resolveDataDir(globals.dataDir, io.env), definitionsDir: install.definitionsDir });
    } catch (error) {
      throw failureOf(error);
    }
    try {
      await run(core, globals);
    } finally {
      core.close();
    }
  }

  const program = new Command('courier')
    .description('Courier: manage a software distribution site from scripts and the shell.')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .showSuggestionAfterError(true)
    .version(install.version, '-V, --version', 'print the Courier version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand(false);
  withGlobalOptions(program);
  program.addHelpText(
    'after',
    `
The site lives in a data directory (courier.db and the SMS site root). Every command opens it,
does one thing and closes it, so the CLI can run while the console or \`courier serve\` is open.

Examples:
  courier site info
  courier package create --name "Office 2007" --version 12.0 --source /srv/sources/office
  courier package list --json
  courier package update A0100001 --sending-priority high --no-persist-in-client-cache
  courier program create A0100001 --name Typical --command-line "setup.exe /q"
  courier access-account add A0100001 --windows 'CONTOSO\\Sales' --group --permission change
  courier dp add DP01 --volume D=/srv/dp01/d --json
  courier package distribute A0100001 --dp DP01
  courier package status A0100001 --json
  courier pdf parse vendor.sms --json
  courier msi info app.msi
  courier resource import systems.csv --json
  courier collection create --name Pilot --direct PC0001 --json
  courier advertisement create --name "Office to pilot" --package A0100001 --program Typical --collection A0100010
  courier deploy office-to-pilot.json
  courier --data-dir ./lab-site package delete A0100001
  courier serve --port 4817 --data-dir ./lab-site

Exit status: 0 done, 1 the site refused the request, 2 the command line is wrong.
With --json, errors are also printed to stdout as {"error":{"code","message"}}.`,
  );

  // ---- site ----------------------------------------------------------------------------------
  const site = program.command('site').description('create or describe the site').helpCommand(false);

  withGlobalOptions(
    site
      .command('init')
      .description('create the site in the data directory (once; the site code cannot change later)')
      .option('--site-code <code>', 'three letters or digits', defaultSite.siteCode)
      .option('--site-name <name>', 'up to 50 characters', defaultSite.siteName),
  ).action(async (opts: { siteCode: string; siteName: string }, command: Command) => {
    const globals = globalsOf(command);
    let info;
    try {
      const { initSite, resolveDataDir } = await loadCore();
      info = initSite(resolveDataDir(globals.dataDir, io.env), { siteCode: opts.siteCode, siteName: opts.siteName });
    } catch (error) {
      throw failureOf(error);
    }
    print(globals, info, () => `Created site ${info.siteCode} (${info.siteName}) in ${info.dataDir}.`);
  });

  withGlobalOptions(site.command('info').description('show the site code, name and where its data lives')).action(
    (_opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const info = unwrap(await core.client['site:info']({}));
        print(globals, info, () => formatSite(info));
      }),
  );

  // ---- site settings (Path Mappings, source roots): commands in their own file ---------------
  const siteContext: CommandContext = { io, withGlobalOptions, withCore, print, unwrap };
  registerSiteSettingsCommands(site, siteContext);
  registerSiteRunCommand(site, siteContext);
  registerStatusCommands(program, siteContext);

  // ---- serve: main.ts runs it before commander parses; listed here for --help ----------------
  program
    .command('serve')
    .description('serve the console to a browser on this computer (options: courier serve --help)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw usageFailure('courier serve takes its own options after it: courier serve --data-dir DIR --port N.');
    });

  // ---- package -------------------------------------------------------------------------------
  const pkg = program.command('package').description('create, list, show, change and delete packages').helpCommand(false);

  const create = withGlobalOptions(
    addPackageOptions(pkg.command('create').description('create a package (every setting not given gets its default)'), 'create'),
  );
  create.addHelpText(
    'after',
    `
Examples:
  courier package create --name "Acrobat Reader" --version 8.1 --publisher Adobe --source /srv/sources/reader
  courier package create --name Office --source '\\\\fileserver\\sources\\office' --compressed --share-folder '\\\\dp1\\office'`,
  );
  create.action((opts: Record<string, unknown>, command: Command) => {
    const fields = packageFieldsFrom(opts, io.cwd);
    const name = fields.name;
    if (name === undefined) throw usageFailure('--name is required.');
    return withCore(command, async (core, globals) => {
      const created = unwrap(await core.client['packages:create']({ ...fields, name }));
      print(globals, created, () => `Created package ${created.packageId} (${created.name}).\n\n${formatPackage(created)}`);
    });
  });

  withGlobalOptions(pkg.command('list').description('list the packages')).action((_opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const packages: readonly PackageDto[] = unwrap(await core.client['packages:list']({}));
      print(globals, packages, () => formatPackageList(packages));
    }),
  );

  withGlobalOptions(pkg.command('show').description('show every setting of a package').argument('<package-id>', 'for example A0100001')).action(
    (packageId: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const found = unwrap(await core.client['packages:get']({ packageId }));
        print(globals, found, () => formatPackage(found));
      }),
  );

  const update = withGlobalOptions(
    addPackageOptions(
      pkg.command('update').description('change the settings given; the others stay as they are').argument('<package-id>', 'for example A0100001'),
      'update',
    ),
  );
  update.addHelpText(
    'after',
    `
Examples:
  courier package update A0100001 --version 12.0 --comment "SP1"
  courier package update A0100001 --no-source
  courier package update A0100001 --mif-name Office --mif-publisher Contoso   (turns on custom MIF matching)`,
  );
  update.action((packageId: string, opts: Record<string, unknown>, command: Command) => {
    // Checked before the site is opened: a wrong command line must not create a data directory.
    const changes = packageFieldsFrom(opts, io.cwd);
    if (Object.keys(changes).length === 0) {
      throw usageFailure('Nothing to change: give at least one setting (see courier package update --help).');
    }
    return withCore(command, async (core, globals) => {
      const updated = unwrap(await core.client['packages:update']({ packageId, changes }));
      print(globals, updated, () => `Updated package ${updated.packageId} (${updated.name}).\n\n${formatPackage(updated)}`);
    });
  });

  withGlobalOptions(
    pkg.command('delete').description('delete a package at once (no question asked: this is a tool for scripts)').argument('<package-id>', 'for example A0100001'),
  ).action((packageId: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const deleted = unwrap(await core.client['packages:delete']({ packageId }));
      print(globals, deleted, () => formatDeleted(deleted));
    }),
  );

  const importCommand = withGlobalOptions(
    pkg
      .command('import')
      .description('create a package and its programs from a package definition file (.sms, .pdf) or an MSI')
      .argument('[file]', 'the .sms, .pdf or .msi file')
      .option('--built-in <id>', 'a definition Courier ships instead of a file (see the console\'s Package From Definition)')
      .option('--source <dir>', 'the source directory holding the package files (an MSI\'s own folder by default)')
      .option('--no-source', 'the package contains no source files')
      .option('--compressed', 'use a compressed copy of the source directory'),
  );
  importCommand.addHelpText(
    'after',
    `
Examples:
  courier package import /srv/sources/viewer/viewer.msi --json        (source: the MSI's folder)
  courier package import office.sms --source /srv/sources/office --compressed
  courier package import --built-in courier-client-agent.sms --no-source`,
  );
  importCommand.action((file: string | undefined, opts: { builtIn?: string; source?: string | false; compressed?: boolean }, command: Command) => {
    if ((file === undefined) === (opts.builtIn === undefined)) throw usageFailure('Give either a file or --built-in <id>.');
    if (opts.source === false && opts.compressed) throw usageFailure('--compressed needs source files; it cannot go with --no-source.');
    const source = file !== undefined ? ({ kind: 'file', path: resolve(io.cwd, file) } as const) : ({ kind: 'builtIn', id: opts.builtIn ?? '' } as const);
    return withCore(command, async (core, globals) => {
      let sourceDirectory = typeof opts.source === 'string' ? resolve(io.cwd, opts.source) : '';
      if (opts.source === undefined) {
        sourceDirectory = unwrap(await core.client['definitions:inspect']({ source })).suggestedSourceDirectory;
        if (sourceDirectory === '') throw usageFailure('Say where the package files are (--source DIR), or that there are none (--no-source).');
      }
      const sourceFiles = opts.source === false ? 'none' : opts.compressed ? 'compressed' : 'direct';
      const imported = unwrap(await core.client['packages:import']({ source, sourceFiles, sourceDirectory }));
      const created = imported.package;
      const programs = imported.programs.map((p) => `  ${p.name}`).join('\n');
      print(globals, created, () => `Created package ${created.packageId} (${created.name}) with ${imported.programs.length} programs:\n${programs}\n\n${formatPackage(created)}`);
    });
  });

  // ---- program, access-account, and other command groups in their own files ----------------
  const context: CommandContext = { io, withGlobalOptions, withCore, print, unwrap };
  registerProgramCommands(program, context);
  registerAccessAccountCommands(program, context);
  registerPackageDistributionCommands(pkg, context);
  registerDistributionPointCommands(program, context);
  registerComponentCommands(program, context);
  registerClientAgentCommands(program, context);
  registerContentServiceCommands(program, context);
  registerBoundaryCommands(program, context);
  registerPdfCommands(program, context);
  registerMsiCommands(program, context);
  registerLogCommands(program, context);
  registerScheduleCommands(program, context);
  registerResourceCommands(program, context);
  registerCollectionCommands(program, context);
  registerAdvertisementCommands(program, context);
  registerPolicyCommands(program, context);
  registerDeployCommand(program, context);
  registerManagementPointCommands(program, context);

  return program;
}
