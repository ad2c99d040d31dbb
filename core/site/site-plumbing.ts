import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../db/connection';
import { EventRepository } from '../db/repositories/event-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { SiteRepository } from '../db/repositories/site-repository';
import { StatusMessageRepository } from '../db/repositories/status-message-repository';
import type { LogFile, SiteLog } from './site-log';
import { removeStrayTemporaryFiles, type SiteRoot } from './site-root';
import { statusOriginOf } from './status-report';
import { UnitOfWork, type UnitOfWorkDeps } from './unit-of-work';
import { WakeUpDelivery } from './wake-up-delivery';

export interface SitePlumbingOptions {
  readonly db: SqliteDatabase;
  readonly root: SiteRoot;
  readonly log: SiteLog;
  readonly logAs: { readonly file: LogFile; readonly component: string };
  readonly now: () => Date;
  /** Listeners on this connection's side (the core's); none for a component. */
  readonly listeners?: UnitOfWorkDeps['listeners'];
  /** The request a change is made for (the core's request scope); none for a component. */
  readonly request?: UnitOfWorkDeps['request'];
  readonly statusEventGapMs?: UnitOfWorkDeps['statusEventGapMs'];
}

/** A unit of work on one connection, with the outbox and the event feed's table. */
export interface SitePlumbing {
  readonly work: UnitOfWork;
  readonly outbox: OutboxRepository;
  readonly events: EventRepository;
  readonly statusMessages: StatusMessageRepository;
  /** Marks the events this connection writes, so its own feed passes them by. */
  readonly origin: string;
}

/** How long the event feed keeps events for a core that falls behind (a suspended laptop refreshes). */
export const eventRetentionMs = 60 * 60 * 1000;

/** What every connection that changes the site needs: the core's, and each component host's. */
export function openSitePlumbing(options: SitePlumbingOptions): SitePlumbing {
  const { db, root, log, logAs, now } = options;
  const site = new SiteRepository(db);
  const transaction = <T>(work: () => T): T => site.transaction(work);
  const outbox = new OutboxRepository(db);
  const events = new EventRepository(db);
  const statusMessages = new StatusMessageRepository(db);
  // Read when the first message is reported: the site row exists by then, and never changes.
  let siteCode: string | undefined;
  const statusOrigin = statusOriginOf(() => (siteCode ??= site.get()?.siteCode ?? '???'));
  const origin = randomUUID();
  const delivery = new WakeUpDelivery({ outbox, transaction, root, log, logAs, now });
  const listeners = options.listeners ?? { emit: () => undefined };
  const request = options.request ?? (() => undefined);
  const work = new UnitOfWork({ transaction, outbox, events, statusMessages, statusOrigin, delivery, listeners, origin, request, log, logAs, now, statusEventGapMs: options.statusEventGapMs });
  return { work, outbox, events, statusMessages, origin };
}

/**
 * What a crash can leave behind, put right: temporary files of writers killed between write and
 * rename are removed, and every wake-up the outbox still holds is written (a process killed
 * between its commit and its wake-up file). Run when a site is opened, and on Inbox Manager's
 * schedule; cheap when there is nothing to do.
 */
export function recoverInboxes(
  parts: Pick<SitePlumbing, 'work' | 'events'>,
  root: SiteRoot,
  note: (text: string) => void,
  nowMs: number,
): void {
  const removed = removeStrayTemporaryFiles(root, nowMs);
  if (removed.length > 0) note(`Removed ${removed.length} temporary files that writers stopped mid-way left in the inboxes: ${removed.join(', ')}.`);
  parts.work.deliver();
  // Only when there is something to prune: a DELETE would wait for another process's write lock.
  const before = nowMs - eventRetentionMs;
  if (parts.events.hasOlderThan(before)) parts.events.prune(before);
}
