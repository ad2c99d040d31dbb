import { isEventChannel } from '../api';
import type { EventRepository } from '../db/repositories/event-repository';
import type { EventHub } from './event-hub';

export interface EventFeedDeps {
  readonly events: EventRepository;
  readonly hub: EventHub;
  /** Rows this core wrote itself: its listeners heard them at the commit. */
  readonly origin: string;
  /** How often the feed looks for commits of other processes. */
  readonly pollMs: number;
}

const batch = 500;

/**
 * Tails the events table so a change made by another process (the CLI, a second console, a
 * component's worker thread) reaches this core's listeners. An idle tick is one
 * `PRAGMA data_version`; the table is read only after another connection committed. The feed
 * only reads: pruning is Inbox Manager's, so a tick never waits for another process's write lock.
 */
export class EventFeed {
  private timer: NodeJS.Timeout | null = null;
  private lastId = 0;
  private version = -1;

  constructor(private readonly deps: EventFeedDeps) {}

  /** Begins with the events committed from now on; starting twice changes nothing. */
  start(): void {
    if (this.timer) return;
    this.lastId = this.deps.events.lastId();
    this.version = this.deps.events.dataVersion();
    this.timer = setInterval(() => this.poll(), this.deps.pollMs);
    // An open feed must not keep a CLI command (or a test) alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look: called by the timer, and by tests that cannot wait for it. */
  poll(): void {
    const { events, hub, origin } = this.deps;
    try {
      const version = events.dataVersion();
      if (version === this.version) return;
      for (;;) {
        const rows = events.after(this.lastId, batch);
        for (const row of rows) {
          this.lastId = row.id;
          // Written by this core, or by a newer Courier with channels this one does not know.
          if (row.origin === origin || !isEventChannel(row.channel)) continue;
          let payload: unknown;
          try {
            payload = JSON.parse(row.payload);
          } catch {
            continue;
          }
          hub.emit(row.channel, payload as never);
        }
        if (rows.length < batch) break;
      }
      // Only once everything up to it was read: a failed read is retried on the next tick.
      this.version = version;
    } catch {
      // A busy or closing database: the next tick reads on from the last row it passed on.
    }
  }
}
