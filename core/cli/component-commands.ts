import type { Command } from 'commander';
import type { PackageStatusDto } from '../api';
import type { Core } from '../core';
import { CliFailure } from './cli-failure';
import type { CommandContext, GlobalOptions } from './command-context';
import { formatPackageStatus } from './format-distribution';

const loadComponents = (): Promise<typeof import('../index')> => import('../index');

const distributionManager = 'SMS_DISTRIBUTION_MANAGER';
const settledStates = new Set(['installed', 'installFailed', 'installRetrying', 'removalFailed']);
const unsettledWaitMs = 200;

/** Every row installed, given up or waiting for its retry time, and no removal left. */
export function isSettled(status: PackageStatusDto): boolean {
  return status.distributionPoints.every((row) => settledStates.has(row.state));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `--wait`: runs Distribution Manager in this process until the package's rows are settled. When
 * another process (the console, `serve`, `courier site run`) holds the component's lease, the
 * one started here stands by, and the command waits on the running one; if that one goes away,
 * this one takes over. Prints the final status; exits 1 when a DP did not get the package.
 */
export async function waitForPackage(core: Core, packageId: string, ctx: Pick<CommandContext, 'io' | 'print' | 'unwrap'>, globals: GlobalOptions): Promise<void> {
  const { startComponentRunner } = await loadComponents();
  const runner = startComponentRunner({ dataDir: core.site.dataDir, components: [{ name: distributionManager, thread: 'inline' }] });
  let status: PackageStatusDto;
  try {
    for (;;) {
      status = ctx.unwrap(await core.client['packages:status']({ packageId }));
      if (isSettled(status)) break;
      await sleep(unsettledWaitMs);
    }
  } finally {
    await runner.stop();
  }
  ctx.print(globals, { packageId: status.packageId, sourceVersion: status.sourceVersion, distributionPoints: status.distributionPoints }, () => formatPackageStatus(status));
  const missing = status.distributionPoints.filter((row) => row.state !== 'installed');
  if (missing.length > 0) {
    const list = missing.map((row) => `${row.name} (${row.state}${row.lastError ? `: ${row.lastError}` : ''})`).join('; ');
    throw new CliFailure({ code: 'CONFLICT', message: `Package ${packageId} is not on every distribution point: ${list}.` }, 1, true);
  }
}

/** `courier site run`: the site components in the foreground, for a site server without a console. */
export function registerSiteRunCommand(site: Command, { io, withGlobalOptions }: CommandContext): void {
  withGlobalOptions(
    site.command('run').description("run the site's components (Distribution Manager, Inbox Manager) in the foreground until Ctrl+C or SIGTERM"),
  ).action(async (_opts: unknown, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const { startComponentRunner, siteComponents, resolveDataDir } = await loadComponents();
    const dataDir = resolveDataDir(globals.dataDir, io.env);
    const runner = startComponentRunner({ dataDir, components: siteComponents.map((entry) => ({ ...entry, thread: 'inline' as const })) });
    io.err(`courier: site components running for ${dataDir} (process ${process.pid}); Ctrl+C or SIGTERM stops them.\n`);
    await new Promise<void>((resolve) => {
      const done = () => {
        process.off('SIGINT', done);
        process.off('SIGTERM', done);
        resolve();
      };
      process.on('SIGINT', done);
      process.on('SIGTERM', done);
    });
    io.err('courier: stopping the site components (the work in hand finishes first).\n');
    await runner.stop();
  });
}
