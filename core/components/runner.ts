import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ComponentState } from '../api';
import { createSiteLog } from '../site/site-log';
import { siteRootAt } from '../site/site-root';
import { builtInComponents } from './built-in';
import { startComponentHost, type ComponentFactories, type ComponentHost } from './component-host';
import { collectionEvaluatorName } from './colleval';
import { distributionManagerName } from './distmgr';
import { contentServiceName } from './dpcontent';
import { inboxManagerName } from './inbox-manager';
import { mpControlName } from './mpcontrol/names';
import { offerManagerName } from './offermgr';
import type { ComponentWorkerData, FromWorker, ToWorker } from './worker-protocol';

export interface ComponentEntry {
  /** SMS_INBOX_MANAGER: a name the worker (and `factories`) knows. */
  readonly name: string;
  /** worker (the default): its own thread, so its work never delays the console's answers. */
  readonly thread?: 'worker' | 'inline';
  /** Overrides the component's own schedule (tests). */
  readonly pollMs?: number;
}

/** What `serve` and the desktop app run: every component Courier ships, each in its worker thread. */
export const siteComponents: readonly ComponentEntry[] = [{ name: inboxManagerName }, { name: distributionManagerName }, { name: offerManagerName }, { name: collectionEvaluatorName }, { name: mpControlName }, { name: contentServiceName }];

export interface ComponentRunnerOptions {
  readonly dataDir: string;
  readonly components?: readonly ComponentEntry[];
  /**
   * The script a worker thread runs: one that calls runComponentWorker with the factories of the
   * components it may be asked for. From the sources, worker-bootstrap.mjs beside this file; a
   * bundled build passes its compiled worker (dist/electron/component-worker.cjs).
   */
  readonly workerEntry?: string | URL;
  /** The factories of components run inline; Courier's own by default. */
  readonly factories?: ComponentFactories;
  /** How long a component's lease lasts unrenewed; default 30 s. */
  readonly leaseMs?: number;
  /** The first wait before a component that died is started again; doubles up to 5 minutes. */
  readonly restartDelayMs?: number;
}

export interface ComponentStatus {
  readonly name: string;
  readonly state: ComponentState | 'starting' | 'failed';
  /** How often it was started again after it died. */
  readonly restarts: number;
}

export interface ComponentRunner {
  status(): ComponentStatus[];
  /** Work may be waiting for every component (or the one named). */
  wake(name?: string): void;
  /** Lets each component finish the work in hand and stop; resolves when all have. */
  stop(): Promise<void>;
}

const maxRestartDelayMs = 5 * 60_000;
const stopTimeoutMs = 15_000;

function defaultWorkerEntry(): URL {
  // Only run from the sources is there a folder to find the worker in. A bundle has no place in
  // the source tree (its import.meta.url is undefined: scripts/bundle-options.mjs), so it passes
  // its compiled worker (dist/electron/component-worker.cjs, dist/cli/component-worker.cjs).
  if (typeof import.meta.url !== 'string') throw new Error('A bundled Courier must pass workerEntry: the compiled component worker installed beside it.');
  return new URL('./worker-bootstrap.mjs', import.meta.url);
}

/**
 * Starts the site components apart from createCore: `serve` and the desktop app start a runner,
 * a CLI command does not. Each component runs in its own worker thread (or inline, for light
 * work and tests) on its own database connection; one that dies is logged in
 * SMS\Logs\sitecomp.log and started again.
 */
export function startComponentRunner(options: ComponentRunnerOptions): ComponentRunner {
  const runnerId = randomUUID();
  const log = createSiteLog(siteRootAt(options.dataDir), () => new Date());
  const note = (text: string) => log.write('sitecomp.log', 'SMS_SITE_COMPONENT_MANAGER', text);
  const supervisors = (options.components ?? siteComponents).map(
    (entry) =>
      new Supervisor(entry, {
        dataDir: options.dataDir,
        runnerId,
        leaseMs: options.leaseMs ?? 30_000,
        restartDelayMs: options.restartDelayMs ?? 5_000,
        // Looked for only when a component runs in a worker: an all-inline runner (the CLI's) needs none.
        workerEntry: () => options.workerEntry ?? defaultWorkerEntry(),
        factories: options.factories ?? builtInComponents,
        note,
      }),
  );
  for (const supervisor of supervisors) supervisor.start();
  let stopping: Promise<void> | null = null;
  return {
    status: () => supervisors.map((s) => s.status()),
    wake(name) {
      for (const supervisor of supervisors) if (name === undefined || supervisor.name === name) supervisor.wake();
    },
    stop() {
      stopping ??= Promise.all(supervisors.map((s) => s.stop())).then(() => undefined);
      return stopping;
    },
  };
}

interface SupervisorDeps {
  readonly dataDir: string;
  readonly runnerId: string;
  readonly leaseMs: number;
  readonly restartDelayMs: number;
  readonly workerEntry: () => string | URL;
  readonly factories: ComponentFactories;
  readonly note: (text: string) => void;
}

/** Keeps one component running: starts it, starts it again after it died, stops it. */
class Supervisor {
  readonly name: string;
  private state: ComponentStatus['state'] = 'starting';
  private restarts = 0;
  private generation = 0;
  private worker: Worker | null = null;
  private inline: Promise<ComponentHost | null> | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private delayMs: number;
  private stopping = false;
  private startedAt = 0;

  constructor(
    private readonly entry: ComponentEntry,
    private readonly deps: SupervisorDeps,
  ) {
    this.name = entry.name;
    this.delayMs = deps.restartDelayMs;
  }

  status(): ComponentStatus {
    return { name: this.name, state: this.state, restarts: this.restarts };
  }

  start(): void {
    if (this.stopping) return;
    this.generation++;
    this.startedAt = Date.now();
    this.state = 'starting';
    const data: ComponentWorkerData = {
      dataDir: this.deps.dataDir,
      name: this.entry.name,
      runnerId: this.deps.runnerId,
      owner: `${this.deps.runnerId}/${this.generation}`,
      leaseMs: this.deps.leaseMs,
      ...(this.entry.pollMs !== undefined ? { pollMs: this.entry.pollMs } : {}),
    };
    if (this.entry.thread === 'inline') this.startInline(data);
    else this.startWorker(data);
  }

  wake(): void {
    const message: ToWorker = { type: 'wake' };
    this.worker?.postMessage(message);
    void this.inline?.then((host) => host?.wake());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (worker) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
      const timer = setTimeout(() => {
        this.deps.note(`${this.name} did not stop within ${stopTimeoutMs / 1000} s; its thread was ended.`);
        void worker.terminate();
      }, stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    const host = await this.inline;
    await host?.stop();
    this.state = 'stopped';
  }

  private onState(state: ComponentState): void {
    this.state = state;
  }

  private startWorker(data: ComponentWorkerData): void {
    const entry = this.deps.workerEntry();
    const worker = new Worker(typeof entry === 'string' ? entry : fileURLToPath(entry), { workerData: data });
    this.worker = worker;
    let failure: unknown = null;
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'state') this.onState(message.state);
    });
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      this.worker = null;
      if (this.stopping) return;
      const why = failure instanceof Error ? (failure.stack ?? failure.message) : failure !== null ? String(failure) : `its thread ended with code ${code}`;
      this.died(why);
    });
  }

  private startInline(data: ComponentWorkerData): void {
    this.inline = startComponentHost({
      ...data,
      factories: this.deps.factories,
      where: `main thread of process ${process.pid} on ${hostname()}`,
      onState: (_component, state) => this.onState(state),
    }).catch((error: unknown) => {
      this.died(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return null;
    });
  }

  private died(why: string): void {
    this.state = 'failed';
    // A component that ran a while before it died starts again soon; one that dies at once waits longer each time.
    if (Date.now() - this.startedAt > maxRestartDelayMs) this.delayMs = this.deps.restartDelayMs;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, maxRestartDelayMs);
    this.deps.note(`${this.name} stopped unexpectedly: ${why}. Starting it again in ${Math.round(delay / 1000)} s.`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.restarts++;
      this.start();
    }, delay);
  }
}
