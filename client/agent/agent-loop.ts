import type { AgentLogs } from './agent-log';
import type { CycleReport } from './client-agent';

/** The longest a Node timer can wait (about 24.8 days); a longer one fires at once. */
const maxTimerMs = 2 ** 31 - 1;
/** The least wait between cycles, so an evaluation time that keeps coming due cannot spin the agent. */
export const minCycleGapMs = 5_000;

/**
 * How long to wait before the next cycle: the polling interval with ±10% jitter (so the clients
 * of a site that started together do not all ask at once), or sooner when a decision asked to be
 * evaluated again before that (a schedule, a window opening, an expiry).
 */
export function nextCycleDelayMs(pollingMinutes: number, nextEvaluation: Date | null, now: Date, random: number): number {
  const jitter = 0.9 + 0.2 * Math.min(Math.max(random, 0), 1);
  let delay = pollingMinutes * 60_000 * jitter;
  if (nextEvaluation !== null) delay = Math.min(delay, nextEvaluation.getTime() - now.getTime());
  return Math.round(Math.min(Math.max(delay, minCycleGapMs), maxTimerMs));
}

export interface AgentLoopOptions {
  readonly runCycle: (now: Date) => Promise<CycleReport>;
  readonly logs: AgentLogs;
  /** Aborted by SIGINT or SIGTERM: the cycle in hand finishes, then the loop ends. */
  readonly signal: AbortSignal;
  /** Polling minutes when a cycle failed before it could tell (no client.json, a damaged identity). */
  readonly fallbackPollingMinutes: number;
  readonly onCycle?: (report: CycleReport) => void;
  readonly random?: () => number;
  /** Subscribes to requests for a cycle now (`courier-client policy refresh` beside a running agent); answers the unsubscribe. */
  readonly onWake?: (wake: () => void) => () => void;
}

function wait(ms: number, signal: AbortSignal, onWake: AgentLoopOptions['onWake']): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    const unsubscribe = onWake?.(done);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      unsubscribe?.();
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Runs cycles until the signal is aborted; answers how many ran. */
export async function runAgentLoop(options: AgentLoopOptions): Promise<number> {
  const random = options.random ?? Math.random;
  let cycles = 0;
  options.logs.info('policyagent', 'The client agent started.');
  while (!options.signal.aborted) {
    const now = new Date();
    let polling = options.fallbackPollingMinutes;
    let next: Date | null = null;
    try {
      const report = await options.runCycle(now);
      cycles += 1;
      polling = report.pollingMinutes;
      next = report.nextEvaluation === null ? null : new Date(report.nextEvaluation);
      options.onCycle?.(report);
    } catch (error) {
      options.logs.error('policyagent', `The cycle stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (options.signal.aborted) break;
    const delay = nextCycleDelayMs(polling, next, new Date(), random());
    options.logs.info('policyagent', `Next cycle at ${new Date(Date.now() + delay).toISOString()}.`);
    await wait(delay, options.signal, options.onWake);
  }
  options.logs.info('policyagent', `The client agent stopped after ${cycles} cycle(s).`);
  return cycles;
}
