import { EventRepository } from '../db/repositories/event-repository';
import { StatusMessageRepository } from '../db/repositories/status-message-repository';
import { recoverInboxes } from '../site/site-plumbing';
import { defaultStatusRetentionDays, deleteAgedStatusMessages } from '../site/status-retention';
import type { ComponentContext, SiteComponent } from './site-component';

export const inboxManagerName = 'SMS_INBOX_MANAGER';

/** Aged status messages are looked for this often, not on every wake: deleting takes the write lock. */
const statusRetentionEveryMs = 60 * 60 * 1000;

export interface InboxManagerOptions {
  /** Status messages older than this many days are deleted (Delete Aged Status Messages). */
  readonly statusRetentionDays?: number;
}

/**
 * SMS_INBOX_MANAGER keeps the inboxes in order while a console or `serve` runs: it writes the
 * wake-up files the outbox still holds (a write that failed after its change was saved, a folder
 * that blocked a file's name), removes temporary files that dead writers left, and prunes the
 * event feed. What a crash leaves is also put right whenever a site is opened; this covers the
 * time in between. Once an hour it also deletes the status messages older than a week, as the
 * suite's Delete Aged Status Messages task does.
 */
export function createInboxManager(options: InboxManagerOptions = {}): SiteComponent {
  const retentionDays = options.statusRetentionDays ?? defaultStatusRetentionDays;
  let context: ComponentContext | null = null;
  let events: EventRepository | null = null;
  let statusMessages: StatusMessageRepository | null = null;
  let lastRetentionMs = Number.NEGATIVE_INFINITY;
  return {
    name: inboxManagerName,
    inbox: null,
    logFile: 'inboxmgr.log',
    pollMs: 15_000,
    start(given) {
      context = given;
      events = new EventRepository(given.db);
      statusMessages = new StatusMessageRepository(given.db);
    },
    async wake() {
      if (!context || !events) return;
      const now = context.now();
      recoverInboxes({ work: context.work, events }, context.root, context.log, now.getTime());
      if (statusMessages && now.getTime() - lastRetentionMs >= statusRetentionEveryMs) {
        lastRetentionMs = now.getTime();
        const deleted = deleteAgedStatusMessages(statusMessages, retentionDays, now);
        if (deleted > 0) context.log(`Deleted ${deleted} status messages older than ${retentionDays} days.`);
      }
    },
    stop() {
      context = null;
      events = null;
      statusMessages = null;
    },
  };
}
