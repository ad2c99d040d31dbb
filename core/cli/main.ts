import { CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CliFailure, usageFailure, type ExitCode } from './cli-failure';
import { processIo, type CliIo } from './cli-io';
import { accessAccountFlagForField } from './access-account-commands';
import { flagForField } from './package-options';
import { programFlagForField } from './program-options';
import { buildProgram } from './program';

function productVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

/** Options after `--` are values, not flags: only what comes before decides the output format. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function fromCommander(error: CommanderError): CliFailure {
  // Commander words its messages "error: unknown option '--x'"; the prefix is added below.
  return usageFailure(oneLine(error.message.replace(/^error:\s*/i, '')));
}

function report(failure: CliFailure, argv: readonly string[], io: CliIo): ExitCode {
  const field = failure.error.field;
  const flag = flagForField(field) ?? programFlagForField(field) ?? accessAccountFlagForField(field);
  const hint = failure.exitCode === 2 ? ' (see --help)' : '';
  io.err(`courier: ${oneLine(failure.error.message)}${flag ? ` (${flag})` : ''}${hint}\n`);
  if (wantsJson(argv)) io.out(`${JSON.stringify({ error: failure.error })}\n`);
  return failure.exitCode;
}

/** Runs one `courier …` command line and answers with the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<ExitCode> {
  const program = buildProgram(io, productVersion());
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version, and help shown for a bare `courier package` are not failures.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return error.exitCode === 0 ? 0 : 2;
      return report(fromCommander(error), argv, io);
    }
    if (error instanceof CliFailure) return report(error, argv, io);
    return report(new CliFailure({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }, 1), argv, io);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
