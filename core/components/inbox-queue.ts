import type { OutboxEntry, OutboxRepository } from '../db/repositories/outbox-repository';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';
import { listWakeUpFiles, readWakeUpFile, removeWakeUpFile, type Inbox, type SiteRoot } from '../site/site-root';

/** One wake-up a component has claimed: `A0100001.PKN` in Distmgr.box, with its latest body. */
export interface WakeUp {
  readonly id: number;
  readonly inbox: Inbox;
  readonly fileName: string;
  readonly body: string;
  readonly queuedAt: string;
  /** Earlier attempts that failed. */
  readonly failures: number;
}

export interface InboxQueueDeps {
  readonly inbox: Inbox;
  /** The component host's claim token: unique per run, so a dead run's claims can be told. */
  readonly owner: string;
  readonly outbox: OutboxRepository;
  readonly work: UnitOfWork;
  readonly transaction: <T>(work: () => T) => T;
  readonly root: SiteRoot;
  readonly now: () => Date;
}

/** The wait before the n-th retry of failed work: 5 s, doubling, at most 10 minutes. */
export function retryDelayMs(failures: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 10 * 60_000);
}

function toWakeUp(entry: OutboxEntry): WakeUp {
  return { id: entry.id, inbox: entry.inbox as Inbox, fileName: entry.fileName, body: entry.body, queuedAt: entry.queuedAt, failures: entry.failures };
}

/**
 * A component's side of the outbox: claim a wake-up, do the work, complete it in the transaction
 * that records the work's effects. A component that dies with a claim in hand has it taken back
 * when the component next starts, so the work is done again: processing must be idempotent
 * (make the site match the package as it now is, not replay a diff).
 */
export class InboxQueue {
  constructor(private readonly deps: InboxQueueDeps) {}

  get inbox(): Inbox {
    return this.deps.inbox;
  }

  /** Puts back the claims a dead run of this component left; returns how many. */
  recoverClaims(): number {
    const { outbox, inbox, owner, transaction } = this.deps;
    return transaction(() => {
      const stale = outbox.claimedByOthers(inbox, owner);
      for (const claim of stale) outbox.release(claim.id, claim.owner, null);
      return stale.length;
    });
  }

  /**
   * Queues wake-up files that have no outbox row: dropped into the inbox by hand (as admins do to
   * make a component look at a package again) or left by an older Courier.
   */
  adoptFiles(): number {
    const { outbox, inbox, root, now, transaction } = this.deps;
    let adopted = 0;
    for (const fileName of listWakeUpFiles(root, inbox)) {
      if (outbox.isWaiting(inbox, fileName)) continue;
      const body = readWakeUpFile(root, inbox, fileName);
      if (body === null) continue;
      if (transaction(() => outbox.adopt(inbox, fileName, body, now().toISOString()))) adopted++;
    }
    return adopted;
  }

  /**
   * The oldest wake-up that is due, now this component's; its file is removed, since a wake-up
   * written after this moment is a new row and wakes the component again.
   */
  claim(): WakeUp | null {
    const { outbox, inbox, owner, root, now } = this.deps;
    const at = now();
    const entry = outbox.claim(inbox, owner, at.toISOString(), at.getTime());
    if (!entry) return null;
    removeWakeUpFile(root, inbox, entry.fileName);
    return toWakeUp(entry);
  }

  /**
   * Done: the wake-up goes, in one transaction with `effects` (the component's own rows, the
   * wake-ups it queues for others, the events it emits). False, and nothing of `effects` kept,
   * when the claim was taken back meanwhile (this run was presumed dead).
   */
  complete(item: WakeUp, effects?: (change: ChangeSet) => void): boolean {
    const { outbox, owner, work } = this.deps;
    try {
      work.run((change) => {
        effects?.(change);
        if (!outbox.complete(item.id, owner)) throw new LostClaim();
      });
      return true;
    } catch (error) {
      if (error instanceof LostClaim) return false;
      throw error;
    }
  }

  /** Failed: back in the queue, due again after a growing delay. */
  fail(item: WakeUp): number {
    const { outbox, owner, transaction, now } = this.deps;
    const delay = retryDelayMs(item.failures + 1);
    transaction(() => outbox.release(item.id, owner, { retryAt: now().getTime() + delay }));
    return delay;
  }

  /** Not done, through no fault of the work (the component is stopping): back, due at once. */
  release(item: WakeUp): void {
    const { outbox, owner, transaction } = this.deps;
    transaction(() => outbox.release(item.id, owner, null));
  }

  /** Milliseconds until the next failed wake-up is due again, or null. */
  nextRetryInMs(): number | null {
    const at = this.deps.outbox.nextRetryAt(this.deps.inbox);
    return at === null ? null : Math.max(0, at - this.deps.now().getTime());
  }
}

class LostClaim extends Error {}
