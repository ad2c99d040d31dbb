import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { ComponentState } from '../api';
import { ComponentLeaseRepository } from '../db/repositories/component-lease-repository';
import { SiteRepository } from '../db/repositories/site-repository';
import { openSitePlumbing, type SitePlumbing } from '../site/site-plumbing';
import { openSite, type OpenSite } from '../site/open-site';
import { createSiteLog } from '../site/site-log';
import { wakeUpInboxes } from '../site/site-root';
import { LeaseKeeper } from './component-lease';
import { InboxQueue } from './inbox-queue';
import type { ComponentContext, SiteComponent, SiteComponentFactory } from './site-component';

/** The components a thread can run, by name: Courier's own (built-in.ts), and a test's. */
export type ComponentFactories = Readonly<Record<string, SiteComponentFactory>>;

export interface ComponentHostOptions {
  readonly dataDir: string;
  /** SMS_INBOX_MANAGER: the key of its factory in `factories`. */
  readonly name: string;
  readonly factories: ComponentFactories;
  readonly runnerId: string;
  /** Unique per run: `<runner id>/<generation>`. */
  readonly owner: string;
  readonly leaseMs: number;
  /** Overrides the component's own schedule (tests). */
  readonly pollMs?: number;
  /** "worker thread 2 of process 4242 on SITESRV", for the event and the logs. */
  readonly where: string;
  readonly onState: (component: string, state: ComponentState) => void;
}

export interface ComponentHost {
  readonly name: string;
  /** Work may be waiting (a wake-up file was written in this process). */
  wake(): void;
  /** Lets the work in hand finish, stops the component, gives up the lease, closes the connection. */
  stop(): Promise<void>;
}

function resolveComponent(name: string, factories: ComponentFactories): SiteComponent {
  const factory = Object.prototype.hasOwnProperty.call(factories, name) ? factories[name] : undefined;
  if (!factory) throw new Error(`There is no site component ${name} in this thread.`);
  const component = factory();
  if (component.name !== name) throw new Error(`The factory registered as ${name} made ${component.name}.`);
  if (!/^SMS_[A-Z0-9_]+$/.test(component.name)) throw new Error(`"${component.name}" is not a site component name such as SMS_DISTRIBUTION_MANAGER.`);
  if (!/^[a-z0-9_-]+\.log$/.test(component.logFile)) throw new Error(`${component.name}: "${component.logFile}" is not a log file name such as distmgr.log.`);
  if (component.inbox !== null && !wakeUpInboxes.includes(component.inbox)) throw new Error(`${component.name}: ${component.inbox} is not an inbox.`);
  return component;
}

/** Runs one component on its own connection, in whichever thread calls it. */
export async function startComponentHost(options: ComponentHostOptions): Promise<ComponentHost> {
  const now = () => new Date();
  const site = openSite(options.dataDir, now);
  try {
    const component = resolveComponent(options.name, options.factories);
    const host = new Host(options, site, component, now);
    await host.begin();
    return host;
  } catch (error) {
    site.db.close();
    throw error;
  }
}

class Host implements ComponentHost {
  private readonly plumbing: SitePlumbing;
  private readonly lease: LeaseKeeper;
  private readonly log: (text: string) => void;
  private readonly transaction: <T>(work: () => T) => T;
  private chain: Promise<void> = Promise.resolve();
  private state: ComponentState | null = null;
  private active: { context: ComponentContext; abort: AbortController; watcher: FSWatcher | null; timers: NodeJS.Timeout[] } | null = null;
  private waking: Promise<void> | null = null;
  private again = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly options: ComponentHostOptions,
    private readonly site: OpenSite,
    private readonly component: SiteComponent,
    private readonly now: () => Date,
  ) {
    const siteLog = createSiteLog(site.root, now);
    const logAs = { file: component.logFile, component: component.name };
    this.log = (text) => siteLog.write(logAs.file, logAs.component, text);
    this.plumbing = openSitePlumbing({ db: site.db, root: site.root, log: siteLog, logAs, now });
    const repository = new SiteRepository(site.db);
    this.transaction = (work) => repository.transaction(work);
    this.lease = new LeaseKeeper({
      leases: new ComponentLeaseRepository(site.db),
      transaction: this.transaction,
      component: component.name,
      owner: options.owner,
      runnerId: options.runnerId,
      leaseMs: options.leaseMs,
      nowMs: () => now().getTime(),
    });
  }

  get name(): string {
    return this.component.name;
  }

  async begin(): Promise<void> {
    await this.serialized(() => this.checkLease());
    // Renewed three times a lease: a missed tick or two does not hand the component over.
    const renew = () => this.serialized(() => this.checkLease()).catch(() => undefined); // logged by serialized
    this.leaseTimer = setInterval(renew, Math.max(50, Math.floor(this.options.leaseMs / 3)));
  }

  wake(): void {
    if (!this.active || this.stopped) return;
    if (this.waking) {
      this.again = true;
      return;
    }
    this.waking = this.runWakes().finally(() => {
      this.waking = null;
    });
  }

  stop(): Promise<void> {
    if (this.stopped) return this.chain;
    this.stopped = true;
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    return this.serialized(async () => {
      const wasRunning = this.active !== null;
      await this.deactivate();
      try {
        this.lease.release();
        if (wasRunning) this.announce('stopped');
      } finally {
        this.plumbing.work.close();
        this.site.db.close();
      }
    });
  }

  /** Lease checks, starts and stops run one after another, never interleaved. */
  private serialized(step: () => Promise<void> | void): Promise<void> {
    const next = this.chain.then(step);
    this.chain = next.catch((error: unknown) => this.log(`${this.component.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    return next;
  }

  private async checkLease(): Promise<void> {
    if (this.stopped) return;
    const held = this.lease.tryHold();
    if (held && !this.active) await this.activate();
    else if (!held && this.active) {
      this.log(`Another process took over ${this.component.name}; this one stands by.`);
      await this.deactivate();
    }
    if (!held && this.state !== 'standby') this.announce('standby');
  }

  private async activate(): Promise<void> {
    const { component, site, plumbing } = this;
    const abort = new AbortController();
    const queue = component.inbox
      ? new InboxQueue({ inbox: component.inbox, owner: this.options.owner, outbox: plumbing.outbox, work: plumbing.work, transaction: this.transaction, root: site.root, now: this.now })
      : null;
    const context: ComponentContext = {
      name: component.name,
      siteCode: site.record.siteCode,
      root: site.root,
      db: site.db,
      work: plumbing.work,
      queue,
      log: this.log,
      now: this.now,
      stopping: abort.signal,
    };
    const recovered = queue?.recoverClaims() ?? 0;
    if (recovered > 0) this.log(`Took back ${recovered} wake-ups a previous run of ${component.name} had claimed but not completed; they are processed again.`);
    await component.start(context);
    const watcher = component.inbox ? this.watchInbox(join(site.root.inboxes, component.inbox)) : null;
    const timers = [setInterval(() => this.wake(), this.options.pollMs ?? component.pollMs)];
    this.active = { context, abort, watcher, timers };
    this.log(`${component.name} started in the ${this.options.where}.`);
    this.announce('running');
    this.wake();
  }

  private async deactivate(): Promise<void> {
    const active = this.active;
    if (!active) return;
    active.abort.abort();
    active.watcher?.close();
    for (const timer of active.timers) clearInterval(timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.waking;
    this.active = null;
    await this.component.stop();
    this.log(`${this.component.name} stopped.`);
  }

  private watchInbox(folder: string): FSWatcher | null {
    let pending: NodeJS.Timeout | null = null;
    try {
      const watcher = watch(folder, (_event, fileName) => {
        // Writers' temporary files come and go; the rename that follows is the wake-up.
        if (typeof fileName === 'string' && fileName.startsWith('.')) return;
        if (pending) return;
        pending = setTimeout(() => {
          pending = null;
          this.wake();
        }, 20);
      });
      watcher.on('error', () => watcher.close());
      return watcher;
    } catch {
      // No file watching here (a network folder): the schedule still wakes the component.
      return null;
    }
  }

  private async runWakes(): Promise<void> {
    do {
      this.again = false;
      const active = this.active;
      if (!active || active.abort.signal.aborted) return;
      try {
        await this.component.wake();
      } catch (error) {
        this.log(`${this.component.name} failed while it worked: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      this.scheduleRetry(active.context);
    } while (this.again);
  }

  /** Failed work is due again before the next scheduled wake: wake for it then. */
  private scheduleRetry(context: ComponentContext): void {
    if (this.retryTimer || !context.queue || context.stopping.aborted) return;
    const inMs = context.queue.nextRetryInMs();
    if (inMs === null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.wake();
    }, inMs + 10);
  }

  private announce(state: ComponentState): void {
    this.state = state;
    this.options.onState(this.component.name, state);
    try {
      this.plumbing.work.run((change) =>
        change.emit('components:changed', { component: this.component.name, state, host: this.options.where, at: this.now().toISOString() }),
      );
    } catch (error) {
      this.log(`Could not tell the consoles that ${this.component.name} is ${state}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
