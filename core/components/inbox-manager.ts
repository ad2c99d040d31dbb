import { EventRepository } from '../db/repositories/event-repository';
import { StatusMessageRepository } from '../db/repositories/status-message-repository';
import { StatusRetentionRepository } from '../db/repositories/status-retention-repository';
import { recoverInboxes } from '../site/site-plumbing';
import { deleteAgedStatusMessages } from '../site/status-retention';
import type { ComponentContext, SiteComponent } from './site-component';

export const inboxManagerName = 'SMS_INBOX_MANAGER';

const hourMs = 60 * 60 * 1000;

/**
 * SMS_INBOX_MANAGER keeps the inboxes in order while a console or `serve` runs: it writes the
 * wake-up files the outbox still holds (a write that failed after its change was saved, a folder
 * that blocked a file's name), removes temporary files that dead writers left, and prunes the
 * event feed. What a crash leaves is also put right whenever a site is opened; this covers the
 * time in between. It also runs Site Maintenance › Delete Aged Status Messages as the site's
 * settings say (docs/status-messages.md#retention): read on every wake, so a change applies
 * without a restart, and run at most once in their hours, counted from the last run the site
 * recorded, so a restart does not run it again at once.
 */
export function createInboxManager(): SiteComponent {
  let context: ComponentContext | null = null;
  let events: EventRepository | null = null;
  let statusMessages: StatusMessageRepository | null = null;
  let retention: StatusRetentionRepository | null = null;
  return {
    name: inboxManagerName,
    inbox: null,
    logFile: 'inboxmgr.log',
    pollMs: 15_000,
    start(given) {
      context = given;
      events = new EventRepository(given.db);
      statusMessages = new StatusMessageRepository(given.db);
      retention = new StatusRetentionRepository(given.db);
    },
    async wake() {
      if (!context || !events) return;
      const now = context.now();
      recoverInboxes({ work: context.work, events }, context.root, context.log, now.getTime());
      if (statusMessages && retention) {
        const settings = retention.get();
        const last = settings.lastRunAt === null ? Number.NEGATIVE_INFINITY : Date.parse(settings.lastRunAt);
        // A last run in the future is a clock set back: waiting for it could stop the task for days.
        const due = now.getTime() - last >= settings.everyHours * hourMs || now.getTime() < last;
        if (settings.enabled && due) {
          const deleted = deleteAgedStatusMessages(statusMessages, settings.keepDays, now);
          retention.noteRun(now.toISOString(), deleted);
          if (deleted > 0) context.log(`Deleted ${deleted} status messages older than ${settings.keepDays} days.`);
        }
      }
    },
    stop() {
      context = null;
      events = null;
      statusMessages = null;
      retention = null;
    },
  };
}
