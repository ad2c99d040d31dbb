import type { Command } from 'commander';
import type { ProgramDto, RequestOf } from '../api';
import { usageFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { formatProgram, formatProgramDeleted, formatProgramList } from './format-program';
import { addProgramOptions, checkProgramKind, programFieldsFrom } from './program-options';

/** `courier program create|list|show|update|delete`: the programs of a package. */
export function registerProgramCommands(root: Command, { withGlobalOptions, withCore, print, unwrap }: CommandContext): void {
  const programs = root
    .command('program')
    .description('create, list, show, change and delete the programs of a package')
    .helpCommand(false);

  const create = withGlobalOptions(
    addProgramOptions(
      programs
        .command('create')
        .description('create a program for computers, or with --device for devices (every setting not given gets its default)')
        .argument('<package-id>', 'the package, for example A0100001'),
      'create',
    ),
  );
  create.addHelpText(
    'after',
    `
Examples:
  courier program create A0100001 --name "Per-system unattended" --command-line "msiexec /i app.msi /q" \\
    --can-run-when whetherOrNot --run-mode adminRights --platform winxp-x86 --platform win7-x64 \\
    --run-first A0100002:Install --always-run-first
  courier program create A0100001 --name Typical --command-line setup.exe --run hidden --after-running configMgrRestarts
  courier program create A0100001 --device --name Mobile --command-line app.cab --download-when docked

Rules (as in the New Program Wizard): --run-mode userRights and --assignment oncePerUser need
--can-run-when userLoggedOn; --use-install-account needs adminRights; --platform replaces "any platform".`,
  );
  create.action((packageId: string, opts: Record<string, unknown>, command: Command) => {
    // Checked before the site is opened: a wrong command line must not touch it.
    const isDevice = opts.device === true;
    checkProgramKind(opts, isDevice);
    const fields = programFieldsFrom(opts);
    return withCore(command, async (core, globals) => {
      const created = isDevice
        ? unwrap(await core.client['programs:create-device']({ packageId, program: fields as RequestOf<'programs:create-device'>['program'] }))
        : unwrap(await core.client['programs:create']({ packageId, program: fields as RequestOf<'programs:create'>['program'] }));
      print(globals, created, () => `Created program "${created.name}" in package ${created.packageId}.\n\n${formatProgram(created)}`);
    });
  });

  withGlobalOptions(programs.command('list').description("list a package's programs").argument('<package-id>', 'for example A0100001')).action(
    (packageId: string, _opts: unknown, command: Command) =>
      withCore(command, async (core, globals) => {
        const list: readonly ProgramDto[] = unwrap(await core.client['programs:list']({ packageId }));
        print(globals, list, () => formatProgramList(packageId.toUpperCase(), list));
      }),
  );

  withGlobalOptions(
    programs.command('show').description('show every setting of a program').argument('<package-id>', 'for example A0100001').argument('<program-name>', 'the program name (any case)'),
  ).action((packageId: string, programName: string, _opts: unknown, command: Command) =>
    withCore(command, async (core, globals) => {
      const found = unwrap(await core.client['programs:get']({ packageId, programName }));
      print(globals, found, () => formatProgram(found));
    }),
  );

  const update = withGlobalOptions(
    addProgramOptions(
      programs
        .command('update')
        .description('change the settings given; the others stay as they are')
        .argument('<package-id>', 'for example A0100001')
        .argument('<program-name>', 'the program name (any case)'),
      'update',
    ),
  );
  update.addHelpText(
    'after',
    `
Examples:
  courier program update A0100001 Typical --name "Typical install"     (programs that run it first follow the rename)
  courier program update A0100001 Typical --no-run-first
  courier program update A0100001 Mobile --run-folder '\\Program Files\\App'   (a program for devices)`,
  );
  update.action((packageId: string, programName: string, opts: Record<string, unknown>, command: Command) => {
    const changes = programFieldsFrom(opts);
    if (Object.keys(changes).length === 0) {
      throw usageFailure('Nothing to change: give at least one setting (see courier program update --help).');
    }
    return withCore(command, async (core, globals) => {
      const updated = unwrap(await core.client['programs:update']({ packageId, programName, changes: changes as RequestOf<'programs:update'>['changes'] }));
      print(globals, updated, () => `Updated program "${updated.name}" of package ${updated.packageId}.\n\n${formatProgram(updated)}`);
    });
  });

  withGlobalOptions(
    programs
      .command('delete')
      .description('delete a program at once (no question asked: this is a tool for scripts)')
      .argument('<package-id>', 'for example A0100001')
      .argument('<program-name>', 'the program name (any case)')
      .option('--delete-advertisements', 'also delete the advertisements of the program (the wizard’s second confirmation)'),
  ).action((packageId: string, programName: string, opts: { deleteAdvertisements?: boolean }, command: Command) =>
    withCore(command, async (core, globals) => {
      const deleted = unwrap(await core.client['programs:delete']({ packageId, programName, deleteAdvertisements: opts.deleteAdvertisements === true }));
      print(globals, deleted, () => formatProgramDeleted(deleted));
    }),
  );
}
