import type { OutboxEntry, OutboxRepository } from '../db/repositories/outbox-repository';
import type { LogFile, SiteLog } from './site-log';
import { removeWakeUpFile, wakeUpInboxes, writeWakeUpFile, type Inbox, type SiteRoot } from './site-root';

/** Who an inbox wakes, in the words of the admin's notices and logs. */
export const inboxOwners: Readonly<Record<Inbox, string>> = {
  'Distmgr.box': 'Distribution Manager',
  'Offermgr.box': 'Offer Manager',
  'Mpcontrol.box': 'the management point',
};

export interface FailedDelivery {
  readonly entry: OutboxEntry;
  readonly error: string;
}

export interface DeliveryReport {
  readonly delivered: readonly OutboxEntry[];
  readonly failed: readonly FailedDelivery[];
}

export interface WakeUpDeliveryDeps {
  readonly outbox: OutboxRepository;
  /** Marks a batch in one transaction (the site's IMMEDIATE one). */
  readonly transaction: <T>(work: () => T) => T;
  readonly root: SiteRoot;
  readonly log: SiteLog;
  /** Where failures are logged: the provider's log for requests, a component's own for its work. */
  readonly logAs: { readonly file: LogFile; readonly component: string };
  readonly now: () => Date;
}

function isInbox(value: string): value is Inbox {
  return (wakeUpInboxes as readonly string[]).includes(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `SMS\Inboxes\Distmgr.box\A0100001.PKN`, as the admin finds it under the site root. */
export function wakeUpPath(entry: Pick<OutboxEntry, 'inbox' | 'fileName'>): string {
  return `SMS\\Inboxes\\${entry.inbox}\\${entry.fileName}`;
}

/**
 * Writes the outbox's undelivered wake-up files into the inboxes and marks them delivered: after
 * every commit, at start-up (replay after a crash), and on Inbox Manager's schedule (retry). A
 * failed write leaves its row undelivered, so it is tried again; it never undoes the change.
 */
export class WakeUpDelivery {
  constructor(private readonly deps: WakeUpDeliveryDeps) {}

  deliverPending(limit = 500): DeliveryReport {
    const { outbox, root } = this.deps;
    const entries = outbox.undelivered(limit);
    if (entries.length === 0) return { delivered: [], failed: [] };
    const written: OutboxEntry[] = [];
    const failed: FailedDelivery[] = [];
    for (const entry of entries) {
      try {
        if (!isInbox(entry.inbox)) throw new Error(`${entry.inbox} is not an inbox this version of Courier knows`);
        writeWakeUpFile(root, entry.inbox, entry.fileName, entry.body);
        written.push(entry);
      } catch (error) {
        failed.push({ entry, error: describe(error) });
      }
    }
    const at = this.deps.now().toISOString();
    const { counted, overtaken } = this.deps.transaction(() => ({
      overtaken: written.filter((entry) => !outbox.markDelivered(entry.id, entry.revision, at) && !outbox.isWaiting(entry.inbox, entry.fileName)),
      counted: failed.map(({ entry, error }) => outbox.markDeliveryFailed(entry.id, error)),
    }));
    // A component claimed the wake-up while its file was being written: the file came after the
    // claim removed it, and would wake the component for work already in hand.
    for (const entry of overtaken) removeWakeUpFile(root, entry.inbox as Inbox, entry.fileName);
    this.logOutcome(written, failed, counted);
    return { delivered: written, failed };
  }

  private logOutcome(written: readonly OutboxEntry[], failed: readonly FailedDelivery[], counted: readonly number[]): void {
    const { log, logAs } = this.deps;
    for (const entry of written) {
      if (entry.deliveryFailures > 0) {
        log.write(logAs.file, logAs.component, `Wrote the wake-up file ${wakeUpPath(entry)} after ${entry.deliveryFailures} failed attempts.`);
      }
    }
    failed.forEach(({ entry, error }, index) => {
      // Once per distinct error, not on every retry of the same blocked file.
      if (entry.deliveryError === error) return;
      const owner = isInbox(entry.inbox) ? inboxOwners[entry.inbox] : entry.inbox;
      log.write(
        logAs.file,
        logAs.component,
        `Could not write the wake-up file ${wakeUpPath(entry)} for ${owner} (attempt ${counted[index] ?? entry.deliveryFailures + 1}): ${error}. ` +
          'The change it belongs to is saved; the wake-up stays in the outbox and is written again at the next change, the next start and on Inbox Manager\'s schedule.',
      );
    });
  }
}
