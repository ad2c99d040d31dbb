import type { DisconnectClock } from '../../shares';
import type { InboxQueue, WakeUp } from '../inbox-queue';
import type { ComponentContext, SiteComponent } from '../site-component';
import { distributionManagerInbox, distributionManagerLog, distributionManagerName } from './names';
import { PackageWork } from './package-work';
import { distmgrRepositories, type DistmgrRepositories } from './repositories';
import { runDueUpdateSchedules } from './update-schedules';

export interface DistributionManagerOptions {
  /** The clock retries are measured by; tests pass one they move, since Retry Delay is counted in minutes. */
  readonly now?: () => Date;
  /** The wait of "Disconnect users from distribution points"; tests pass one that returns at once. */
  readonly disconnectClock?: DisconnectClock;
}

/** The longest a timer can wait (setTimeout's limit); a retry further off is looked at again then. */
const maxTimerMs = 2 ** 31 - 1;

const packageWakeUp = /^([A-Za-z0-9]{8})\.PKN$/i;

/**
 * SMS_DISTRIBUTION_MANAGER: makes every distribution point hold each package as the database says
 * it should. Woken by `<PackageID>.PKN` in Distmgr.box, and on start and its schedule it queues
 * every package whose DP rows are due (docs/distribution-manager.md). Packages are processed in
 * parallel up to the Software Distribution component's Thread Limit; one package is never
 * processed twice at once.
 */
export function createDistributionManager(options: DistributionManagerOptions = {}): SiteComponent {
  let context: ComponentContext | null = null;
  let repos: DistmgrRepositories | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  const inProgress = new Map<string, Promise<void>>();
  const now = () => (options.now ?? context?.now ?? (() => new Date()))();

  /** Queues a wake-up for each package with work due that is neither waiting nor being processed. */
  function reconcile(ctx: ComponentContext, r: DistmgrRepositories): number {
    const due = r.packageDps.packagesWithWorkDue(now()).filter((id) => !inProgress.has(id) && !r.outbox.isWaiting(distributionManagerInbox, `${id}.PKN`));
    if (due.length === 0) return 0;
    ctx.work.run((change) => {
      for (const id of due) change.wake(distributionManagerInbox, `${id}.PKN`, `reconcile ${id}\r\n`);
    });
    return due.length;
  }

  function scheduleRetry(ctx: ComponentContext, r: DistmgrRepositories): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (ctx.stopping.aborted) return;
    const next = r.packageDps.nextAttemptAfter(now());
    if (next === null) return;
    const delay = Math.min(maxTimerMs, Math.max(0, Date.parse(next) - now().getTime()));
    // The wake-up file this writes wakes the host (its inbox is watched, and polled).
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (context && repos && !context.stopping.aborted) reconcile(context, repos);
    }, delay);
    retryTimer.unref();
  }

  async function handle(ctx: ComponentContext, r: DistmgrRepositories, queue: InboxQueue, item: WakeUp): Promise<void> {
    const match = packageWakeUp.exec(item.fileName);
    if (!match) {
      ctx.log(`${item.fileName} does not name a package (<PackageID>.PKN); it was dropped.`);
      queue.complete(item);
      return;
    }
    const packageId = match[1]!.toUpperCase();
    const before = inProgress.get(packageId) ?? Promise.resolve();
    const run = before.then(() => new PackageWork(packageId, { context: ctx, repos: r, now, ...(options.disconnectClock ? { disconnectClock: options.disconnectClock } : {}) }).run());
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    inProgress.set(packageId, settled);
    try {
      await run;
    } catch (error) {
      if (ctx.stopping.aborted) {
        queue.release(item);
        return;
      }
      const delay = queue.fail(item);
      ctx.log(`Processing package ${packageId} failed: ${error instanceof Error ? error.message : String(error)}. Trying again in ${Math.round(delay / 1000)} s.`);
      return;
    } finally {
      if (inProgress.get(packageId) === settled) inProgress.delete(packageId);
    }
    if (!queue.complete(item)) ctx.log(`${item.fileName} was taken back while it was processed (this run was presumed dead); its result was not recorded.`);
  }

  return {
    name: distributionManagerName,
    inbox: distributionManagerInbox,
    logFile: distributionManagerLog,
    pollMs: 60_000,
    start(given) {
      context = given;
      repos = distmgrRepositories(given.db);
    },
    async wake() {
      const ctx = context;
      const r = repos;
      const queue = ctx?.queue;
      if (!ctx || !r || !queue) return;
      const adopted = queue.adoptFiles();
      if (adopted > 0) ctx.log(`Queued ${adopted} wake-up files found in ${distributionManagerInbox} without an outbox entry.`);
      const scheduled = runDueUpdateSchedules(ctx, r, now());
      if (scheduled.length > 0) ctx.log(`Update schedule due: packages ${scheduled.join(', ')} get a new source version on their distribution points.`);
      const queued = reconcile(ctx, r);
      if (queued > 0) ctx.log(`Found ${queued} packages with distribution point work due in the site database.`);
      const running = new Set<Promise<void>>();
      while (!ctx.stopping.aborted) {
        const limit = r.settings.distmgr().maxPackages;
        while (running.size < limit && !ctx.stopping.aborted) {
          const item = queue.claim();
          if (!item) break;
          const task: Promise<void> = handle(ctx, r, queue, item).finally(() => running.delete(task));
          running.add(task);
        }
        if (running.size === 0) break;
        await Promise.race(running);
      }
      await Promise.all(running);
      scheduleRetry(ctx, r);
    },
    stop() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      context = null;
      repos = null;
    },
  };
}
