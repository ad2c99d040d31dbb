import type { ChangeSet } from '../site/unit-of-work';
import type { LogFile } from '../site/site-log';
import type { Inbox } from '../site/site-root';
import type { WakeUp } from './inbox-queue';
import type { ComponentContext, SiteComponent } from './site-component';

/** What processing one wake-up leaves to record with its completion, in one transaction. */
export type WorkEffects = (change: ChangeSet) => void;

export interface InboxComponentSpec {
  readonly name: string;
  readonly inbox: Inbox;
  readonly logFile: LogFile;
  /** Default 30 s: how often the queue is looked at without a wake-up file. */
  readonly pollMs?: number;
  /**
   * Does the work one wake-up stands for. Idempotent: after a crash the same wake-up comes again.
   * Throw to have it retried later; return the effects to commit with its completion.
   */
  process(item: WakeUp, context: ComponentContext): Promise<WorkEffects | void>;
  start?(context: ComponentContext): void | Promise<void>;
  stop?(context: ComponentContext): void | Promise<void>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A component that drains its inbox's queue: each wake of the host takes in files dropped by
 * hand, then claims, processes and completes one wake-up after another until none is due.
 */
export function defineInboxComponent(spec: InboxComponentSpec): SiteComponent {
  let context: ComponentContext | null = null;
  return {
    name: spec.name,
    inbox: spec.inbox,
    logFile: spec.logFile,
    pollMs: spec.pollMs ?? 30_000,
    async start(given) {
      context = given;
      await spec.start?.(given);
    },
    async wake() {
      const ctx = context;
      const queue = ctx?.queue;
      if (!ctx || !queue) return;
      const adopted = queue.adoptFiles();
      if (adopted > 0) ctx.log(`Queued ${adopted} wake-up files found in ${spec.inbox} without an outbox entry.`);
      while (!ctx.stopping.aborted) {
        const item = queue.claim();
        if (!item) return;
        let effects: WorkEffects | void;
        try {
          effects = await spec.process(item, ctx);
        } catch (error) {
          if (ctx.stopping.aborted) {
            queue.release(item);
            return;
          }
          const delay = queue.fail(item);
          ctx.log(`Processing ${item.fileName} failed (attempt ${item.failures + 1}): ${describe(error)}. Trying again in ${Math.round(delay / 1000)} s.`);
          continue;
        }
        if (!queue.complete(item, effects ?? undefined)) {
          ctx.log(`${item.fileName} was taken back while it was processed (this run was presumed dead); its result was not recorded.`);
        }
      }
    },
    async stop() {
      if (context) await spec.stop?.(context);
      context = null;
    },
  };
}
