import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { advertisementIdSchema } from '../../core/api';
import type { afterRunningActions } from '../../core/api/programs';
import type { LogWriter } from '../logs/log-writer';
import { agentFolder, readStateFile, writeStateFile } from './agent-files';
import { bootSlackMs } from './observed-events';

export type AfterRunning = (typeof afterRunningActions)[number];

/** What one program's end asks of the computer, from its "After running" setting and its exit code. */
export interface AfterRunningRequest {
  readonly advertisementId: string;
  readonly afterRunning: AfterRunning;
  /** Exit code 3010/3011/1641/1604 (10022): the install finishes at the next restart. */
  readonly restartPending: boolean;
}

/** What the agent did at the end of the cycle about the programs' "After running" settings. */
export interface AfterRunningOutcome {
  readonly action: 'restart' | 'logoff';
  /** The advertisements that asked for it. */
  readonly advertisementIds: readonly string[];
  /** The command started (client.json's `restartCommand` or `logoffCommand`), or null when none is set. */
  readonly command: readonly string[] | null;
  /** Why the action was not carried out, or null when the command started. */
  readonly problem: string | null;
}

const restartFileSchema = z.strictObject({
  format: z.literal('courier-client-restart'),
  formatVersion: z.literal(1),
  /** When the first program that needs a restart ended; a boot after it clears the file. */
  since: z.iso.datetime({ offset: true }),
  advertisementIds: z.array(advertisementIdSchema).max(1000),
});

export interface PendingRestart {
  readonly since: string;
  readonly advertisementIds: readonly string[];
}

const restartPath = (clientDir: string) => join(agentFolder(clientDir), 'restart.json');

/**
 * The restart this computer owes its programs (a 10022 exit, or "ConfigMgr restarts computer"
 * not carried out yet), or null. A boot after the first such run pays it: the file is removed.
 */
export function pendingRestart(clientDir: string, bootedAt: Date | null, logs?: LogWriter): PendingRestart | null {
  const read = readStateFile(restartPath(clientDir), restartFileSchema, 256 * 1024);
  if (read.problem !== null) logs?.warning('execmgr', read.problem);
  const state = read.value;
  if (state === null) return null;
  if (bootedAt !== null && bootedAt.getTime() > Date.parse(state.since) + bootSlackMs) {
    rmSync(restartPath(clientDir), { force: true });
    logs?.info('execmgr', `The computer restarted at ${bootedAt.toISOString()}; the restart pending since ${state.since} (${state.advertisementIds.join(', ')}) is done.`);
    return null;
  }
  return { since: state.since, advertisementIds: state.advertisementIds };
}

function notePending(clientDir: string, advertisementIds: readonly string[], now: Date, bootedAt: Date | null): void {
  const before = pendingRestart(clientDir, bootedAt);
  const ids = [...new Set([...(before?.advertisementIds ?? []), ...advertisementIds])].slice(-1000);
  writeStateFile(restartPath(clientDir), { format: 'courier-client-restart', formatVersion: 1, since: before?.since ?? now.toISOString(), advertisementIds: ids });
}

/** The commands the agent runs when client.json names none: Windows' own; elsewhere nothing, as there is no one way. */
export function defaultAfterRunningCommands(platform: NodeJS.Platform = process.platform): { restart: readonly string[] | null; logoff: readonly string[] | null } {
  if (platform !== 'win32') return { restart: null, logoff: null };
  // Five minutes' warning, as the suite's client gives the user before it restarts the computer.
  return { restart: ['shutdown.exe', '/r', '/t', '300', '/c', 'A program installed by Courier needs the computer to restart.'], logoff: ['shutdown.exe', '/l'] };
}

export interface AfterRunningOptions {
  readonly clientDir: string;
  readonly logs: LogWriter;
  readonly now: Date;
  readonly bootedAt: Date | null;
  /** Whether a user is logged on: a logoff with nobody logged on is nothing to do. */
  readonly userLoggedOn: boolean;
  readonly restartCommand: readonly string[] | null;
  readonly logoffCommand: readonly string[] | null;
}

/**
 * Carries out, once at the end of a cycle and after its status messages were sent, what the
 * programs that ran asked of the computer (a restart wins over a logoff). It is done once for
 * every program of the cycle, not after each, so one restart does not cut off the runs after it.
 * "Program restarts computer" asks nothing of the agent: the program does it itself. A restart
 * not carried out stays pending in `agent/restart.json` (shown by `courier-client status`).
 */
export async function carryOutAfterRunning(requests: readonly AfterRunningRequest[], options: AfterRunningOptions): Promise<AfterRunningOutcome | null> {
  const restart = requests.filter((r) => r.afterRunning === 'configMgrRestarts').map((r) => r.advertisementId);
  const pending = requests.filter((r) => r.restartPending || r.afterRunning === 'programRestarts').map((r) => r.advertisementId);
  const logoff = requests.filter((r) => r.afterRunning === 'configMgrLogsOff').map((r) => r.advertisementId);
  for (const r of requests) {
    if (r.afterRunning === 'programRestarts') options.logs.info('execmgr', `${r.advertisementId}: the program restarts the computer itself ("Program restarts computer"); the agent does not.`);
    else if (r.restartPending && r.afterRunning !== 'configMgrRestarts') options.logs.info('execmgr', `${r.advertisementId}: the program needs a restart to finish (10022); it is pending until the computer restarts.`);
  }
  if (restart.length + pending.length > 0) notePending(options.clientDir, [...restart, ...pending], options.now, options.bootedAt);
  if (restart.length > 0) return start('restart', restart, options.restartCommand, options);
  if (logoff.length === 0) return null;
  if (!options.userLoggedOn) {
    options.logs.info('execmgr', `${logoff.join(', ')}: "ConfigMgr logs user off" with no user logged on; nothing to do.`);
    return { action: 'logoff', advertisementIds: logoff, command: null, problem: 'No user is logged on.' };
  }
  return start('logoff', logoff, options.logoffCommand, options);
}

async function start(action: 'restart' | 'logoff', advertisementIds: readonly string[], command: readonly string[] | null, options: AfterRunningOptions): Promise<AfterRunningOutcome> {
  const what = action === 'restart' ? 'restart the computer ("ConfigMgr restarts computer")' : 'log the user off ("ConfigMgr logs user off")';
  if (command === null || command.length === 0) {
    const problem = `No ${action}Command is set in client.json, and this platform has no default.`;
    options.logs.warning('execmgr', `${advertisementIds.join(', ')} asked the agent to ${what}: ${problem}${action === 'restart' ? ' The restart stays pending.' : ''}`);
    return { action, advertisementIds, command: null, problem };
  }
  const [file, ...args] = command as [string, ...string[]];
  const problem = await new Promise<string | null>((resolve) => {
    const child = spawn(file, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.once('error', (error) => resolve(error.message));
    child.once('spawn', () => {
      child.unref();
      resolve(null);
    });
  });
  if (problem === null) options.logs.info('execmgr', `${advertisementIds.join(', ')} asked the agent to ${what}; started ${JSON.stringify(command)}.`);
  else options.logs.error('execmgr', `${advertisementIds.join(', ')} asked the agent to ${what}; ${JSON.stringify(command)} could not be started: ${problem}.`);
  return { action, advertisementIds, command, problem };
}
