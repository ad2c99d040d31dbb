import { statusAttributeIds as a } from '../../api';
import type { CollectionRepository } from '../../db/repositories/collection-repository';
import type { MembershipRepository } from '../../db/repositories/membership-repository';
import { dueMembershipUpdate, nextMembershipUpdate } from '../../domain/membership-schedule';
import type { CollectionMembership } from '../../site/collection-membership';
import type { UnitOfWork } from '../../site/unit-of-work';
import { collectionEvaluatorLog, collectionEvaluatorName } from './names';

export interface EvaluatorParts {
  readonly work: UnitOfWork;
  readonly collections: CollectionRepository;
  readonly memberships: MembershipRepository;
  readonly membership: CollectionMembership;
}

/** Collections evaluated in one unit of work: the write lock is given up between batches, and a kill loses one batch at most. */
const batchSize = 50;

/** The occurrence due, or null; a stored token the codec no longer reads is never due (it was checked when stored). */
function dueOf(token: string, last: string | null, createdAt: string, now: Date): Date | null {
  try {
    return dueMembershipUpdate(token, last, createdAt, now);
  } catch {
    return null;
  }
}

/**
 * Evaluates every collection whose membership update schedule has fallen due, each after the
 * collection it is limited to, in batches of units of work. The occurrence is recorded with the
 * members it produced, in the same transaction, and checked again inside it, so a restart (or a
 * second wake) neither repeats an occurrence nor skips one. `.CMN` goes to Offer Manager only for
 * a collection whose members changed (CollectionMembership.evaluate). Returns the collections
 * evaluated.
 */
export function runDueMembershipUpdates(parts: EvaluatorParts, now: Date): string[] {
  const { work, collections, memberships, membership } = parts;
  const due = memberships.scheduled().filter((c) => dueOf(c.membershipSchedule, c.lastOccurrence, c.createdAt, now) !== null).map((c) => c.collectionId);
  if (due.length === 0) return [];
  const ordered = memberships.evaluationOrder(due).map((o) => o.collectionId);
  const evaluated: string[] = [];
  for (let start = 0; start < ordered.length; start += batchSize) {
    work.run((change) => {
      for (const collectionId of ordered.slice(start, start + batchSize)) {
        const record = collections.get(collectionId);
        if (!record?.membershipSchedule) continue;
        const occurrence = dueOf(record.membershipSchedule, memberships.lastOccurrence(collectionId), record.createdAt, now);
        if (!occurrence) continue;
        const at = occurrence.toISOString();
        const next = nextMembershipUpdate(record.membershipSchedule, at, record.createdAt)?.toISOString() ?? null;
        const nextText = next ?? 'never (the schedule does not recur)';
        try {
          const result = membership.evaluate(change, collectionId);
          if (result.added + result.removed > 0) {
            change.status({
              component: collectionEvaluatorName,
              messageId: 2500,
              insertionStrings: [record.name, collectionId, at, String(result.memberCount), String(result.added), String(result.removed), nextText],
              attributes: { [a.collectionId]: collectionId },
            });
          }
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          change.log(collectionEvaluatorLog, collectionEvaluatorName, `Failed to evaluate collection ${collectionId} "${record.name}" for ${at}: ${reason}`);
          change.status({
            component: collectionEvaluatorName,
            messageId: 2501,
            insertionStrings: [record.name, collectionId, at, reason, nextText],
            attributes: { [a.collectionId]: collectionId },
          });
        }
        // Recorded even when it failed: the occurrence is not tried again at every wake.
        memberships.recordRun(collectionId, at, now.toISOString(), next);
        change.log(collectionEvaluatorLog, collectionEvaluatorName, `Collection ${collectionId} "${record.name}" evaluated for its schedule occurrence ${at}; next ${nextText}.`);
        evaluated.push(collectionId);
      }
    });
  }
  return evaluated;
}

/** The earliest next occurrence among the scheduled collections, to be woken for it. */
export function nextDue(memberships: MembershipRepository, now: Date): Date | null {
  let earliest: number | null = null;
  for (const c of memberships.scheduled()) {
    let next: Date | null;
    try {
      next = nextMembershipUpdate(c.membershipSchedule, c.lastOccurrence, c.createdAt);
    } catch {
      continue;
    }
    if (next === null) continue;
    const at = Math.max(next.getTime(), now.getTime());
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest === null ? null : new Date(earliest);
}
