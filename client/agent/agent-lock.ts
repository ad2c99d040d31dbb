import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { advertisementIdSchema } from '../../core/api';
import { agentFolder } from './agent-files';

const lockPath = (clientDir: string) => join(agentFolder(clientDir), 'agent.pid');

/** Whether a process of this ID runs (as any user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process ID of the agent running on this client folder, if one is. */
export function runningAgent(clientDir: string): number | null {
  try {
    const pid = Number(readFileSync(lockPath(clientDir), 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * One agent per client folder: two would each own the download cache (whose index one process
 * keeps in memory) and each send an advertisement's messages. `agent/agent.pid` names the
 * running one; a file left by an agent that no longer runs (kill -9, a power cut) is taken over.
 */
export function holdAgentLock(clientDir: string): { release(): void } {
  const path = lockPath(clientDir);
  mkdirSync(agentFolder(clientDir), { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const other = runningAgent(clientDir);
      if (other !== null) throw new Error(`A client agent (process ${other}) already runs on ${clientDir}; stop it first.`, { cause: error });
      rmSync(path, { force: true });
    }
  }
  return {
    release: () => {
      if (runningAgent(clientDir) === null) rmSync(path, { force: true });
    },
  };
}

const requestName = 'refresh.request';

/**
 * Asks the running agent for a cycle now (`courier-client policy refresh` beside it): a file in
 * its folder, which it watches while it waits. A file, not a signal: Windows has no signal for
 * it, and a signal sent to a process ID an agent left behind could reach another program.
 */
export function requestRefresh(clientDir: string): void {
  writeFileSync(join(agentFolder(clientDir), requestName), `${new Date().toISOString()}\n`);
}

/** Calls `wake` when a refresh or a run is asked for, at once when one already waits; answers the unsubscribe. */
export function watchRefreshRequests(clientDir: string, wake: (asked: 'refresh' | 'run') => void): () => void {
  const folder = agentFolder(clientDir);
  const path = join(folder, requestName);
  const take = () => {
    if (!existsSync(path)) return false;
    rmSync(path, { force: true });
    return true;
  };
  const watcher = watch(folder, (_event, name) => {
    if (name === requestName && take()) wake('refresh');
    else if (typeof name === 'string' && runRequestPattern.test(name)) wake('run');
  });
  // One asked for while the last cycle ran.
  if (take()) queueMicrotask(() => wake('refresh'));
  else if (pendingRunRequests(folder).length > 0) queueMicrotask(() => wake('run'));
  return () => watcher.close();
}

const runRequestPattern = /^run-([A-Z0-9]{8})\.request$/;

function pendingRunRequests(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => runRequestPattern.test(name));
  } catch {
    return [];
  }
}

export interface RunRequest {
  readonly advertisementId: string;
  readonly downloadFirst: boolean;
}

/** Asks the running agent to run an advertisement's program (Run Advertised Programs beside it). */
export function requestRun(clientDir: string, request: RunRequest): void {
  // Checked here too: the ID names a file.
  const parsed = advertisementIdSchema.safeParse(request.advertisementId.toUpperCase());
  if (!parsed.success) throw new Error(`--run ${JSON.stringify(request.advertisementId)}: ${parsed.error.issues[0]?.message ?? 'not an advertisement ID'}`);
  const advertisementId = parsed.data;
  writeFileSync(join(agentFolder(clientDir), `run-${advertisementId}.request`), `${JSON.stringify({ downloadFirst: request.downloadFirst })}\n`);
}

/** The runs asked for since the last look, each taken (its file removed) once. */
export function takeRunRequests(clientDir: string): RunRequest[] {
  const folder = agentFolder(clientDir);
  const taken: RunRequest[] = [];
  for (const name of pendingRunRequests(folder)) {
    const path = join(folder, name);
    let downloadFirst = false;
    try {
      downloadFirst = (JSON.parse(readFileSync(path, 'utf8')) as { downloadFirst?: unknown }).downloadFirst === true;
    } catch {
      // Not what requestRun writes: run it without downloading.
    }
    rmSync(path, { force: true });
    taken.push({ advertisementId: runRequestPattern.exec(name)![1]!, downloadFirst });
  }
  return taken;
}
