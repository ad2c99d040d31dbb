import { CommanderError } from 'commander';
import { CliFailure, usageFailure, type ExitCode } from './cli-failure';
import type { CliInstall } from './cli-install';
import { processIo, type CliIo } from './cli-io';
import { accessAccountFlagForField } from './access-account-commands';
import { clientAgentFlagForField } from './client-agent-commands';
import { contentServiceFlagForField } from './content-service-commands';
import { boundaryFlagForField } from './boundary-commands';
import { distributionFlagForField } from './distribution-commands';
import { managementPointFlagForField } from './management-point-commands';
import { flagForField } from './package-options';
import { programFlagForField } from './program-options';
import { buildProgram } from './program';

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
  const flag = clientAgentFlagForField(argv, field) ?? contentServiceFlagForField(argv, field) ?? boundaryFlagForField(argv, field) ?? managementPointFlagForField(argv, field) ?? distributionFlagForField(argv, field) ?? flagForField(field) ?? programFlagForField(field) ?? accessAccountFlagForField(field);
  const hint = failure.exitCode === 2 ? ' (see --help)' : '';
  io.err(`courier: ${oneLine(failure.error.message)}${flag ? ` (${flag})` : ''}${hint}\n`);
  if (wantsJson(argv) && !failure.resultPrinted) io.out(`${JSON.stringify({ error: failure.error })}\n`);
  return failure.exitCode;
}

/** Run from the sources (tests, tsx), the CLI is the checkout's: asking the core for it loads the whole core, which does not matter there. */
async function checkoutInstall(): Promise<CliInstall> {
  const { productVersion, sourceTreeResources } = await import('../index');
  return { version: productVersion, ...sourceTreeResources() };
}

/**
 * Runs one `courier …` command line and answers with the exit code. `install` is the CLI's
 * version and where its resources are: the bundle passes its own (cli-bundle.ts); without it,
 * the checkout's.
 */
export async function main(argv: readonly string[], io: CliIo = processIo, install?: CliInstall): Promise<ExitCode> {
  const installed = install ?? (await checkoutInstall());
  // `courier serve` keeps running, with options of its own (serve-options.ts): not a commander command.
  if (argv[0] === 'serve') {
    const { serve } = await import('../index');
    const outcome = await serve(argv.slice(1), installed);
    return outcome === 'running' ? 0 : (outcome as ExitCode);
  }
  const program = buildProgram(io, installed);
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

