import type { SqliteDatabase } from '../db/connection';
import type { UnitOfWork } from '../site/unit-of-work';
import type { LogFile } from '../site/site-log';
import type { Inbox, SiteRoot } from '../site/site-root';
import type { InboxQueue } from './inbox-queue';

/**
 * What a running component is given. Everything is its own: a database connection of its
 * thread, a unit of work on it (its changes, the wake-ups it queues for other components and the
 * events it emits, in one transaction), and the queue of its inbox.
 */
export interface ComponentContext {
  readonly name: string;
  readonly siteCode: string;
  readonly root: SiteRoot;
  /** Its own connection: build the core/db repositories it needs on it. */
  readonly db: SqliteDatabase;
  readonly work: UnitOfWork;
  /** The wake-ups for its inbox; null for a component without one. */
  readonly queue: InboxQueue | null;
  /** A line in its own log (SMS\Logs\<logFile>). */
  readonly log: (text: string) => void;
  readonly now: () => Date;
  /** Aborted when the component is to stop: finish or put back the item in hand, claim no more. */
  readonly stopping: AbortSignal;
}

/**
 * A long-running site component (SMS_DISTRIBUTION_MANAGER, SMS_OFFER_MANAGER …), run by the
 * component runner in a worker thread or inline, never by createCore. Its host guarantees: one
 * running instance per site (a lease in the database), `start` before any `wake`, never two
 * `wake`s at once, and `stop` only after the last `wake` has settled.
 */
export interface SiteComponent {
  /** As the suite names its components: SMS_DISTRIBUTION_MANAGER. */
  readonly name: string;
  /** The inbox whose wake-up files wake it (watched), or null when only its schedule does. */
  readonly inbox: Inbox | null;
  readonly logFile: LogFile;
  /** How often it is woken without a wake-up file: its schedule, and retries of failed work. */
  readonly pollMs: number;
  start(context: ComponentContext): void | Promise<void>;
  /** Do the work that is waiting; resolve when it is done or `stopping` is aborted. */
  wake(): Promise<void>;
  stop(): void | Promise<void>;
}

/** A module's export that makes a component: what a worker thread loads by name. */
export type SiteComponentFactory = () => SiteComponent;
