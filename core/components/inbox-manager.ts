import { EventRepository } from '../db/repositories/event-repository';
import { recoverInboxes } from '../site/site-plumbing';
import type { ComponentContext, SiteComponent } from './site-component';

export const inboxManagerName = 'SMS_INBOX_MANAGER';

/**
 * SMS_INBOX_MANAGER keeps the inboxes in order while a console or `serve` runs: it writes the
 * wake-up files the outbox still holds (a write that failed after its change was saved, a folder
 * that blocked a file's name), removes temporary files that dead writers left, and prunes the
 * event feed. What a crash leaves is also put right whenever a site is opened; this covers the
 * time in between.
 */
export function createInboxManager(): SiteComponent {
  let context: ComponentContext | null = null;
  let events: EventRepository | null = null;
  return {
    name: inboxManagerName,
    inbox: null,
    logFile: 'inboxmgr.log',
    pollMs: 15_000,
    start(given) {
      context = given;
      events = new EventRepository(given.db);
    },
    async wake() {
      if (!context || !events) return;
      recoverInboxes({ work: context.work, events }, context.root, context.log, context.now().getTime());
    },
    stop() {
      context = null;
      events = null;
    },
  };
}
