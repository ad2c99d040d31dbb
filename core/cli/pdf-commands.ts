import type { Command } from 'commander';
import { resolve } from 'node:path';
import { CourierError } from '../api';
import type { PackageDefinition, PackageDefinitionProgram } from '../formats/package-definition';
import { CliFailure } from './cli-failure';
import type { CommandContext } from './command-context';
import { textFields } from './text-table';

/** What file commands use of the CLI's context: they open no site, so they never create a data directory. */
export type FileCommandContext = Pick<CommandContext, 'io' | 'withGlobalOptions' | 'print'>;

/** A refused file is exit 1 with the core's error, as a refused request is. */
export function fileFailure(error: unknown): unknown {
  return error instanceof CourierError ? new CliFailure(error.toDto(), 1) : error;
}

export function jsonWanted(command: Command): boolean {
  return command.optsWithGlobals<{ json?: unknown }>().json === true;
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(8, '0')}`;

function formatProgram(p: PackageDefinitionProgram): string {
  const clients = p.supportedClients;
  const platforms = !clients.restricted
    ? 'any platform'
    : [...clients.platforms, ...clients.unmapped.map((u) => `${u} (no Courier platform)`)].join(', ');
  const fields: [string, string][] = [
    ['Section', `[${p.section}] (line ${p.line})`],
    ['Command line', p.commandLine],
    ['Start in', p.startIn],
    ['Comment', p.comment],
    ['Run', p.run],
    ['After running', p.afterRunning],
    ['Can run when', p.canRunWhen],
    ['User input required', yesNo(p.userInputRequired)],
    ['Admin rights required', yesNo(p.adminRightsRequired)],
    ['Use install account', yesNo(p.useInstallAccount)],
    ['Estimated disk space', p.estimatedDiskSpace === null ? 'Unknown' : `${p.estimatedDiskSpace} ${p.estimatedDiskSpaceUnit}`],
    ['Estimated run time', p.estimatedRunTime === null ? 'Unknown' : `${p.estimatedRunTime} minutes`],
    ['Supported clients', platforms],
    ['Additional requirements', p.additionalProgramRequirements],
    ['Run first', p.dependentProgram ?? ''],
    ['Assignment', p.assignment],
    ['Disabled', yesNo(p.disabled)],
    ['Drive', !p.driveLetterConnection ? 'UNC path' : p.specifyDrive === '' ? 'next free drive letter' : `${p.specifyDrive}:`],
    ['Reconnect at logon', yesNo(p.reconnectDriveAtLogon)],
    ['ProgramFlags', hex(p.programFlags)],
  ];
  const notes = p.notes.map((n) => `  note: ${n}`).join('\n');
  return `Program "${p.name}"\n${textFields(fields.filter(([, v]) => v !== ''))}${notes ? `\n${notes}` : ''}`;
}

export function formatPackageDefinition(d: PackageDefinition): string {
  const p = d.package;
  const fields: [string, string][] = [
    ['Format', d.format === '2.0' ? '2.0 (SMS 2.0 / SMS 2003 / SCCM 2007)' : '1.0 (SMS 1.x)'],
    ['Name', p.name],
    ['Version', p.version],
    ['Publisher', p.publisher],
    ['Language', p.language],
    ['Comment', p.comment],
    ['Contains no files', yesNo(p.containsNoFiles)],
    ['MIF file name', p.mifFileName],
    ['MIF name', p.mifName],
    ['MIF version', p.mifVersion],
    ['MIF publisher', p.mifPublisher],
    ['Programs', String(d.programs.length)],
  ];
  const warnings = d.warnings.map((w) => `warning: ${w}`).join('\n');
  return [`Package definition`, textFields(fields.filter(([, v]) => v !== '')), ...(warnings ? [warnings] : []), ...d.programs.map(formatProgram)].join('\n\n');
}

/** `courier pdf parse FILE`: what a package definition file holds, as the import would read it. */
export function registerPdfCommands(root: Command, { io, withGlobalOptions, print }: FileCommandContext): void {
  const pdf = root.command('pdf').description('read package definition files (.sms, .pdf)').helpCommand(false);
  const parse = withGlobalOptions(
    pdf
      .command('parse')
      .description('show the package and programs a package definition file defines, or every problem in it')
      .argument('<file>', 'a .sms or .pdf file (format 2.0 or SMS 1.x)'),
  );
  parse.addHelpText(
    'after',
    `
Examples:
  courier pdf parse assets/package-definitions/courier-client-agent.sms
  courier pdf parse vendor.sms --json       (format, package {...}, programs [...] with programFlags, warnings [...])

A refused file exits 1 with its first problem, as "[INSTALL] CommandLine (line 14): required, but empty";
with --json, error.issues lists every problem. An optional value longer than the suite keeps (a long
Comment) is read cut to its limit, with a warning ("warning: …", or warnings in --json).`,
  );
  parse.action(async (file: string, _opts: unknown, command: Command) => {
    let definition: PackageDefinition;
    try {
      // Loaded on use: the parsers are not needed to start the CLI.
      const { readPackageDefinitionFile } = await import('../content/package-definition-file');
      definition = await readPackageDefinitionFile(resolve(io.cwd, file));
    } catch (error) {
      throw fileFailure(error);
    }
    print({ json: jsonWanted(command) }, definition, () => formatPackageDefinition(definition));
  });
}
