import { performance } from 'node:perf_hooks';
import { statusAttributeIds, type StatusMessagesAddedEvent } from '../api';

/** The status messages of one or more commits, as status-messages:added tells of them. */
export class StatusBatch {
  private newest = 0;
  private readonly packages = new Set<string>();
  private readonly components = new Set<string>();

  get empty(): boolean {
    return this.newest === 0;
  }

  add(recordId: number, component: string, attributes: readonly (readonly [number, string])[]): void {
    this.newest = Math.max(this.newest, recordId);
    this.components.add(component);
    for (const [id, value] of attributes) if (id === statusAttributeIds.packageId) this.packages.add(value);
  }

  /** This batch and `other` together, neither changed. */
  with(other: StatusBatch): StatusBatch {
    const both = new StatusBatch();
    for (const batch of [this, other]) {
      both.newest = Math.max(both.newest, batch.newest);
      for (const id of batch.packages) both.packages.add(id);
      for (const name of batch.components) both.components.add(name);
    }
    return both;
  }

  event(): StatusMessagesAddedEvent {
    return { newestRecordId: this.newest, packageIds: [...this.packages], components: [...this.components] };
  }
}

export interface StatusAnnouncerDeps {
  /** At least this long between two announcements of this connection. */
  readonly gapMs: number;
  /** Records the event in a transaction of its own and tells this core's listeners; throws when the database cannot take it. */
  readonly announce: (event: StatusMessagesAddedEvent) => void;
  /** Milliseconds on a clock that only goes forward (not the site's `now`, which tests move). */
  readonly clock?: () => number;
}

/**
 * Coalesces status-messages:added. The first commit with messages after a quiet `gapMs` carries
 * its event in its own transaction, as any change does; the commits that follow within the gap
 * wait, and their messages are told of together once it has passed, in a small transaction of
 * their own. A Distribution Manager copying to a hundred DPs reports a few events a second, not
 * one per message, and nothing it reported goes untold: a failed write is tried again, and
 * `close` tells what is still held.
 */
export class StatusAnnouncer {
  private pending = new StatusBatch();
  private lastAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly clock: () => number;

  constructor(private readonly deps: StatusAnnouncerDeps) {
    this.clock = deps.clock ?? (() => performance.now());
  }

  /** Inside a unit's transaction: the event to record with it, or null when its messages wait for the next announcement. */
  due(batch: StatusBatch): StatusMessagesAddedEvent | null {
    if (this.timer !== null || this.clock() - this.lastAt < this.deps.gapMs) return null;
    return this.pending.with(batch).event();
  }

  /** After the unit committed: `announced` when it carried the event `due` gave it. */
  committed(batch: StatusBatch, announced: boolean): void {
    if (announced) {
      this.pending = new StatusBatch();
      this.lastAt = this.clock();
      return;
    }
    this.pending = this.pending.with(batch);
    this.arm();
  }

  /** Tells what is held now; called by the timer, and by `close`. */
  flush(): void {
    if (this.pending.empty) return;
    this.lastAt = this.clock();
    try {
      this.deps.announce(this.pending.event());
      this.pending = new StatusBatch();
    } catch {
      // A busy or closing database: the messages are committed; their event is tried again after the gap.
      this.arm();
    }
  }

  /** Tells what is held, once, and holds nothing more: the connection is closing. */
  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.closed = true;
    this.flush();
  }

  private arm(): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, Math.max(0, this.lastAt + this.deps.gapMs - this.clock()));
    // Held messages must not keep a CLI command alive; its core's close tells of them.
    this.timer.unref();
  }
}
