import type { EventChannel, EventOf } from '../api';
import type { EventRepository } from '../db/repositories/event-repository';
import type { OutboxRepository } from '../db/repositories/outbox-repository';
import type { StatusMessageRepository } from '../db/repositories/status-message-repository';
import { formatStatMsgLine } from '../formats/statmsg-line';
import type { LogFile, SiteLog } from './site-log';
import { StatusAnnouncer, StatusBatch } from './status-announcement';
import { statusRecordOf, type StatusOrigin, type StatusReport } from './status-report';
import type { Inbox } from './site-root';
import { inboxOwners, wakeUpPath, type WakeUpDelivery } from './wake-up-delivery';

/**
 * What a change says besides its own rows, recorded inside its transaction: each is durable
 * exactly when the change is, and acted on only once it has committed.
 */
export interface ChangeSet {
  /** Wakes a site component: an outbox row now, the file in its inbox after the commit. */
  wake(inbox: Inbox, fileName: string, body: string): void;
  /** Tells every open core (this one's listeners after the commit, the others through the event feed). */
  emit<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
  /** A line in SMS\Logs once the change is committed. */
  log(file: LogFile, component: string, text: string): void;
  /**
   * Reports a status message: its row is committed with the change that caused it, and its
   * STATMSG line is echoed in the component's log after the commit, and every open console
   * hears of it (status-messages:added, a few times a second at most). Returns the record ID.
   */
  status(report: StatusReport): number;
}

export interface UnitOfWorkDeps {
  /** The site's write transaction (BEGIN IMMEDIATE). */
  readonly transaction: <T>(work: () => T) => T;
  readonly outbox: OutboxRepository;
  readonly events: EventRepository;
  readonly statusMessages: StatusMessageRepository;
  readonly statusOrigin: StatusOrigin;
  readonly delivery: WakeUpDelivery;
  /** This connection's own listeners; the event feed skips rows of `origin`, so none hears an event twice. */
  readonly listeners: { emit(channel: EventChannel, payload: never): void };
  readonly origin: string;
  /**
   * The request being handled, if any: told when a change commits and what to say besides the
   * answer. The core passes its request scope; a component's work has none.
   */
  readonly request: () => UnitOfWorkRequest | undefined;
  readonly log: SiteLog;
  /** Where a failed delivery is logged: the provider's log, or a component's own. */
  readonly logAs: { readonly file: LogFile; readonly component: string };
  readonly now: () => Date;
  /** The least time between two status-messages:added events of this connection; 250 ms unless said. */
  readonly statusEventGapMs?: number;
}

/** What a unit of work tells the request it runs for. */
export interface UnitOfWorkRequest {
  committed: boolean;
  readonly notices: string[];
}

interface Emitted {
  readonly channel: EventChannel;
  readonly payload: unknown;
}

interface LogLine {
  readonly file: LogFile;
  readonly component: string;
  readonly text: string;
}

interface Recorded {
  readonly wakeUps: number[];
  readonly events: Emitted[];
  readonly logs: LogLine[];
  /** STATMSG echoes, kept apart from `logs`: they tell of a message, not of a change by themselves. */
  readonly statusLines: LogLine[];
  readonly statuses: StatusBatch;
}

/**
 * One unit of work: the change, its wake-ups and its events in one transaction, then, after the
 * commit, the wake-up files, this core's listeners and the log. Nothing after the commit can undo
 * the change or fail the request: a wake-up file that cannot be written stays in the outbox, is
 * logged, retried, and named in the answer's notices.
 */
export class UnitOfWork {
  private current: ChangeSet | null = null;
  private readonly announcer: StatusAnnouncer;

  constructor(private readonly deps: UnitOfWorkDeps) {
    this.announcer = new StatusAnnouncer({
      gapMs: deps.statusEventGapMs ?? 250,
      announce: (event) => {
        deps.transaction(() => deps.events.append('status-messages:added', JSON.stringify(event), deps.origin, deps.now().getTime()));
        deps.listeners.emit('status-messages:added', event as never);
      },
    });
  }

  run<T>(work: (change: ChangeSet) => T): T {
    // A service called by another inside its unit (package import) joins the outer one.
    if (this.current) return work(this.current);
    const recorded: Recorded = { wakeUps: [], events: [], logs: [], statusLines: [], statuses: new StatusBatch() };
    const { outbox, events, origin, now, statusMessages, statusOrigin, logAs } = this.deps;
    const change: ChangeSet = {
      wake: (inbox, fileName, body) => {
        recorded.wakeUps.push(outbox.enqueue(inbox, fileName, body, now().toISOString()));
      },
      emit: (channel, payload) => {
        events.append(channel, JSON.stringify(payload), origin, now().getTime());
        recorded.events.push({ channel, payload });
      },
      log: (file, component, text) => {
        recorded.logs.push({ file, component, text });
      },
      status: (report) => {
        const record = statusRecordOf(report, statusOrigin, now());
        const recordId = statusMessages.insert(record);
        recorded.statuses.add(recordId, record.component, record.attributes);
        const text = formatStatMsgLine({ ...record, time: new Date(record.time) });
        recorded.statusLines.push({ file: report.logFile ?? logAs.file, component: record.component, text });
        return recordId;
      },
    };
    let result: T;
    let announced = false;
    try {
      this.current = change;
      result = this.deps.transaction(() => {
        const value = work(change);
        const event = recorded.statuses.empty ? null : this.announcer.due(recorded.statuses);
        if (event !== null) {
          change.emit('status-messages:added', event);
          announced = true;
        }
        return value;
      });
    } finally {
      this.current = null;
    }
    if (!recorded.statuses.empty) this.announcer.committed(recorded.statuses, announced);
    // Every change a service makes tells of itself; one that recorded nothing changed nothing.
    const request = this.deps.request();
    if (request && recorded.wakeUps.length + recorded.events.length + recorded.logs.length + recorded.statusLines.length > 0) request.committed = true;
    this.afterCommit(recorded);
    return result;
  }

  /** Tells of the status messages still held back (before the connection closes). */
  close(): void {
    this.announcer.close();
  }

  /** Writes what the outbox holds for the inboxes now: after a commit, at start-up, on a schedule. */
  deliver(): void {
    this.deliverAndNotice(new Set());
  }

  private afterCommit(recorded: Recorded): void {
    this.deliverAndNotice(new Set(recorded.wakeUps));
    for (const { channel, payload } of recorded.events) this.deps.listeners.emit(channel, payload as never);
    for (const { file, component, text } of recorded.logs) this.deps.log.write(file, component, text);
    for (const { file, component, text } of recorded.statusLines) this.deps.log.write(file, component, text);
  }

  private deliverAndNotice(own: ReadonlySet<number>): void {
    const request = this.deps.request();
    try {
      const { failed } = this.deps.delivery.deliverPending();
      for (const { entry, error } of failed) {
        if (!own.has(entry.id)) continue;
        const owner = inboxOwners[entry.inbox as Inbox] ?? entry.inbox;
        request?.notices.push(
          `The change was saved, but ${owner} is not woken yet: ${wakeUpPath(entry)} could not be written (${error}). ` +
            'Courier keeps the wake-up and writes it as soon as it can; see SMS\\Logs\\smsprov.log.',
        );
      }
    } catch (error) {
      // The outbox itself could not be read or marked (the database is busy or full): the rows
      // are still there, so start-up and Inbox Manager deliver them later.
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.deps.log.write(this.deps.logAs.file, this.deps.logAs.component, `Delivering wake-up files failed after a commit: ${detail}`);
      if (own.size > 0) {
        request?.notices.push(
          'The change was saved, but its wake-up files could not be written yet; Courier writes them as soon as it can. See SMS\\Logs\\smsprov.log.',
        );
      }
    }
  }
}
