import { CollectionRepository } from '../../db/repositories/collection-repository';
import { MembershipRepository } from '../../db/repositories/membership-repository';
import { queryRuleResourceIds } from '../../db/wql/collection-rules';
import { CollectionMembership } from '../../site/collection-membership';
import type { ComponentContext, SiteComponent } from '../site-component';
import { nextDue, runDueMembershipUpdates, type EvaluatorParts } from './due-updates';
import { collectionEvaluatorLog, collectionEvaluatorName } from './names';

export interface CollectionEvaluatorOptions {
  /** The clock schedules are measured by; tests pass one they move, since schedules count minutes at least. */
  readonly now?: () => Date;
}

/** The longest a timer can wait (setTimeout's limit); an occurrence further off is looked at again then. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * SMS_COLLECTION_EVALUATOR: evaluates each collection's membership when its membership update
 * schedule falls due (docs/collections.md). No inbox: it is woken at start, on its poll, and by a
 * timer set for the earliest next occurrence, so a schedule runs on time without a tight poll.
 */
export function createCollectionEvaluator(options: CollectionEvaluatorOptions = {}): SiteComponent {
  let context: ComponentContext | null = null;
  let parts: EvaluatorParts | null = null;
  let timer: NodeJS.Timeout | null = null;
  const now = () => (options.now ?? context?.now ?? (() => new Date()))();

  /** Everything here is synchronous (better-sqlite3), so a timer's run never overlaps a wake's. */
  function run(): void {
    if (!context || !parts || context.stopping.aborted) return;
    const evaluated = runDueMembershipUpdates(parts, now());
    if (evaluated.length > 0) context.log(`Evaluated ${evaluated.length} collections whose membership update schedule fell due.`);
    arm();
  }

  function arm(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!context || !parts || context.stopping.aborted) return;
    const next = nextDue(parts.memberships, now());
    if (next === null) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, Math.min(maxTimerMs, Math.max(0, next.getTime() - now().getTime())));
    timer.unref();
  }

  return {
    name: collectionEvaluatorName,
    inbox: null,
    logFile: collectionEvaluatorLog,
    pollMs: 60_000,
    start(given) {
      context = given;
      const collections = new CollectionRepository(given.db);
      const memberships = new MembershipRepository(given.db);
      const membership = new CollectionMembership({
        collections,
        memberships,
        now,
        evaluateQueryRule: queryRuleResourceIds,
        logAs: { file: collectionEvaluatorLog, component: collectionEvaluatorName },
      });
      parts = { work: given.work, collections, memberships, membership };
    },
    async wake() {
      run();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      context = null;
      parts = null;
    },
  };
}
