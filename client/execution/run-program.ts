import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { mifMatchesPackage, type MifPackage } from '../mif/mif-match';
import { parseStatusMif } from '../mif/parse-mif';
import { maxMifBytes, type StatusMif } from '../mif/status-mif';
import type { LogWriter } from '../logs/log-writer';
import { classifyRun, defaultRetryExitCodes, type RunOutcome } from './exit-code';
import { expandPercentVariables } from './expand-env';
import type { RunAccount } from './run-as';

export type RunMode = 'adminRights' | 'userRights';
/** `noContent`: a program of a package without source files, its command line alone. */
export type RunFrom = 'cache' | 'distributionPoint' | 'noContent';

export interface RunProgramOptions {
  readonly commandLine: string;
  /** The program's start-in folder: the content's cache folder, or the DP share path when it runs from the distribution point. */
  readonly startIn: string;
  readonly runFrom: RunFrom;
  /** Recorded with the run; the agent starts the runner in the account the mode asks for. */
  readonly runMode: RunMode;
  /** The program's maximum allowed run time; past it the program is no longer monitored (it is not stopped). */
  readonly maxRunTimeMs: number;
  readonly pkg: MifPackage;
  /** A MIF file name, when there is one: only that file is read (else the package's `mifFileName`). */
  readonly mifFileName?: string;
  /** Where installers leave status MIFs; `defaultMifFolders()` when not given. */
  readonly mifFolders?: readonly string[];
  readonly retryExitCodes?: readonly number[];
  readonly env?: NodeJS.ProcessEnv;
  /** The account to run in (a program with the user's rights, started by an agent running as root); absent, the agent's. */
  readonly runAs?: RunAccount;
  /** Where the run is told (execmgr.log). */
  readonly logs?: LogWriter;
}

export interface FoundMif {
  readonly path: string;
  readonly modifiedAt: Date;
  readonly mif: StatusMif;
}

interface RunRecord {
  /** As it ran: %VAR% expanded. */
  readonly commandLine: string;
  readonly startIn: string;
  readonly runFrom: RunFrom;
  readonly runMode: RunMode;
  /** The account it ran in, when not the agent's. */
  readonly user?: string;
  readonly startedAt: Date;
}

export type ProgramRun =
  /** The program ended within its maximum run time. */
  | (RunRecord & { readonly state: 'ended'; readonly pid: number; readonly endedAt: Date; readonly exitCode: number; readonly signal: NodeJS.Signals | null; readonly mif: FoundMif | null; readonly outcome: RunOutcome })
  /** Still running at its maximum run time: left running, no longer watched, its result unknown. */
  | (RunRecord & { readonly state: 'not-monitored'; readonly pid: number; readonly maxRunTimeMs: number; readonly stoppedMonitoringAt: Date })
  /** The program could not be started (status message 10003): the start-in folder is missing, the shell could not run. */
  | (RunRecord & { readonly state: 'not-started'; readonly messageId: 10003; readonly reason: string });

export class ProgramRunError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProgramRunError';
  }
}

/** %windir% and %TEMP% on Windows, as the suite's client looks there; the temp folder elsewhere. */
export function defaultMifFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  if (process.platform !== 'win32') return [tmpdir()];
  return [env.windir ?? env.SystemRoot ?? 'C:\\Windows', env.TEMP ?? tmpdir()];
}

/**
 * File systems stamp times from a coarse clock (a few ms on Linux, 2 s on FAT), so a MIF written
 * just after the start can carry a time just before it; it still counts.
 */
const mifClockSlackMs = 2000;

const maxTimerMs = 2 ** 31 - 1;

const runFromText: Record<RunFrom, string> = { cache: 'from the cache', distributionPoint: 'from the distribution point', noContent: 'a package without source files' };

/** Cmd.exe's limit for a command line; nothing a program needs is longer. */
const maxCommandLine = 8191;

/**
 * Runs a program's command line through the shell of this OS (cmd.exe on Windows, /bin/sh
 * elsewhere) in its start-in folder, then decides its outcome from a status MIF written after
 * the start or from the exit code (docs/client-agent.md, "Running programs").
 */
export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
  const run = await runUnlogged(options);
  const logs = options.logs;
  if (logs !== undefined) {
    switch (run.state) {
      case 'not-started':
        logs.error('execmgr', `Program ${run.commandLine} could not be started (10003): ${run.reason}.`);
        break;
      case 'not-monitored':
        logs.warning('execmgr', `Program ${run.commandLine} (process ${run.pid}) is still running after its maximum run time of ${Math.round(run.maxRunTimeMs / 60_000)} minutes; it is no longer monitored.`);
        break;
      case 'ended':
        logs.info('execmgr', `Program ${run.commandLine} exited with exit code ${run.exitCode}${run.signal === null ? '' : ` (ended by ${run.signal})`}.${run.mif === null ? '' : ` Status MIF ${run.mif.path} says ${run.mif.mif.status}${run.mif.mif.description === '' ? '' : `: ${run.mif.mif.description}`}.`}`);
        logs.write('execmgr', `Program ${run.commandLine} ${run.outcome.result === 'success' ? 'succeeded' : 'failed'} (${run.outcome.messageId}).`, run.outcome.result === 'success' ? 1 : 3);
        break;
    }
  }
  return run;
}

/** The environment a program runs with: the agent's, and in a user's account that user's HOME, USER and LOGNAME. */
function environmentOf(options: RunProgramOptions): NodeJS.ProcessEnv {
  const env = options.env ?? process.env;
  const account = options.runAs;
  return account === undefined ? env : { ...env, HOME: account.home, USER: account.name, LOGNAME: account.name };
}

async function runUnlogged(options: RunProgramOptions): Promise<ProgramRun> {
  const env = environmentOf(options);
  // As the suite does (and cmd.exe would): %VAR% in the command line and the start-in folder.
  const given = options.commandLine;
  const commandLine = expandPercentVariables(given, env);
  const startIn = expandPercentVariables(options.startIn, env);
  if (given.trim() === '') throw new ProgramRunError('commandLine', 'commandLine is empty.');
  // eslint-disable-next-line no-control-regex -- a line break would make the shell run a second command
  if (/[\u0000-\u001f\u007f]/u.test(given)) throw new ProgramRunError('commandLine', 'commandLine holds a control character (a line break would run a second command).');
  // eslint-disable-next-line no-control-regex -- the same, brought in by a variable's value
  if (/[\u0000-\u001f\u007f]/u.test(commandLine)) throw new ProgramRunError('commandLine', `commandLine ${given} holds a control character once its %variables% are expanded (a line break would run a second command).`);
  if (commandLine.length > maxCommandLine) throw new ProgramRunError('commandLine', `commandLine is ${commandLine.length} characters, more than the ${maxCommandLine} a command line can have.`);
  if (!isAbsolute(startIn)) throw new ProgramRunError('startIn', `startIn ${JSON.stringify(startIn)} is not an absolute path.`);
  // A timer longer than 2^31 - 1 ms fires at once, so that (24.8 days) is the longest a program is watched.
  if (!Number.isSafeInteger(options.maxRunTimeMs) || options.maxRunTimeMs < 1 || options.maxRunTimeMs > maxTimerMs) throw new ProgramRunError('maxRunTimeMs', `maxRunTimeMs ${String(options.maxRunTimeMs)} is not a whole number of milliseconds from 1 to ${maxTimerMs}.`);

  const record = { commandLine, startIn, runFrom: options.runFrom, runMode: options.runMode, ...(options.runAs !== undefined ? { user: options.runAs.name } : {}) };
  try {
    if (!(await stat(startIn)).isDirectory()) return { ...record, startedAt: new Date(), state: 'not-started', messageId: 10003, reason: `the start-in folder ${startIn} is not a folder` };
  } catch (error) {
    return { ...record, startedAt: new Date(), state: 'not-started', messageId: 10003, reason: `the start-in folder ${startIn} cannot be opened (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }

  const startedAt = new Date();
  const account = options.runAs === undefined ? '' : ` as ${options.runAs.name} (uid ${options.runAs.uid})`;
  options.logs?.info('execmgr', `Executing program ${commandLine} in ${startIn} (${options.runMode === 'adminRights' ? 'administrative rights' : "the user's rights"}${account}, ${runFromText[options.runFrom]}).`);
  // Its own process group off Windows, so the program outlives the agent as it would a service restart.
  // With uid and gid, libuv also drops the agent's supplementary groups (setgroups) before exec.
  const ids = options.runAs === undefined ? {} : { uid: options.runAs.uid, gid: options.runAs.gid };
  const child = spawn(commandLine, { shell: true, cwd: startIn, stdio: 'ignore', windowsHide: true, detached: process.platform !== 'win32', env, ...ids });
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | { error: Error } | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), options.maxRunTimeMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ error });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
  if (ended === 'timeout') {
    child.unref();
    return { ...record, startedAt, state: 'not-monitored', pid: child.pid ?? -1, maxRunTimeMs: options.maxRunTimeMs, stoppedMonitoringAt: new Date() };
  }
  if ('error' in ended || child.pid === undefined) return { ...record, startedAt, state: 'not-started', messageId: 10003, reason: 'error' in ended ? `the shell could not run it (${ended.error.message})` : 'the shell could not run it' };
  const endedAt = new Date();
  // Killed by a signal there is no exit code; it failed, and is no code worth a retry.
  const exitCode = ended.code ?? -1;
  const mif = await findStatusMif(options.mifFolders ?? defaultMifFolders(options.env), options.pkg, startedAt, options.mifFileName ?? options.pkg.mifFileName);
  const outcome = classifyRun(exitCode, mif?.mif, options.retryExitCodes ?? defaultRetryExitCodes);
  return { ...record, startedAt, state: 'ended', pid: child.pid, endedAt, exitCode, signal: ended.signal, mif, outcome };
}

/**
 * The newest status MIF in `folders` that speaks for the package and was written after the
 * program started. A file that is not a MIF, too large, or unreadable is passed over.
 */
export async function findStatusMif(folders: readonly string[], pkg: MifPackage, startedAt: Date, mifFileName?: string): Promise<FoundMif | null> {
  const wanted = mifFileName?.trim().toLowerCase();
  const wantedName = wanted === undefined || wanted === '' ? null : wanted.endsWith('.mif') ? wanted : `${wanted}.mif`;
  const since = new Date(startedAt.getTime() - mifClockSlackMs);
  let best: FoundMif | null = null;
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const lower = name.toLowerCase();
      if (wantedName === null ? !lower.endsWith('.mif') : lower !== wantedName) continue;
      const path = join(folder, name);
      try {
        const info = await stat(path);
        if (!info.isFile() || info.size > maxMifBytes || info.mtime < since) continue;
        const mif = parseStatusMif(await readFile(path, 'utf8'));
        if (!mifMatchesPackage(mif, info.mtime, pkg, since)) continue;
        if (best === null || info.mtime > best.modifiedAt) best = { path, modifiedAt: info.mtime, mif };
      } catch {
        // Not a status MIF (or gone meanwhile): another installer's file.
      }
    }
  }
  return best;
}
