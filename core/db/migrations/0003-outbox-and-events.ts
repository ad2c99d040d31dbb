import type { Migration } from './migration';

/**
 * The unit of work's durable side (docs/site-components.md):
 *
 * - `outbox`: wake-ups for the site components' inboxes, written in the transaction of the change
 *   that needs them. A row is the work item; the file in the inbox only wakes the component. At
 *   most one row per inbox and file name waits unclaimed (later changes fold into it), so the
 *   queue holds one entry per package however often it changes. A component claims a row, and
 *   deletes it in the transaction that records what it did.
 * - `events`: the core events, appended in the same transaction, tailed by every open core so a
 *   change made in another process (the CLI, a component's worker thread) reaches its consoles.
 *   AUTOINCREMENT keeps ids rising after pruning, which the tailers rely on.
 * - `component_leases`: one running instance of each site component per site, however many
 *   consoles or `serve` processes have it open.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'outbox-and-events',
  sql: `
CREATE TABLE outbox (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  inbox             TEXT NOT NULL CHECK (length(inbox) BETWEEN 1 AND 64),
  file_name         TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 64),
  body              TEXT NOT NULL,
  -- Bumped when a later change folds into a waiting row, so a delivery of the older body is not
  -- marked as the delivery of the newer one.
  revision          INTEGER NOT NULL DEFAULT 1,
  queued_at         TEXT NOT NULL,
  delivered_at      TEXT,
  delivery_failures INTEGER NOT NULL DEFAULT 0,
  delivery_error    TEXT,
  claimed_by        TEXT,
  claimed_at        TEXT,
  -- Processing failures, and when the component may try again (epoch milliseconds).
  failures          INTEGER NOT NULL DEFAULT 0,
  retry_at          INTEGER
);
CREATE UNIQUE INDEX outbox_waiting ON outbox (inbox, file_name) WHERE claimed_by IS NULL;
CREATE INDEX outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;

CREATE TABLE events (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  channel    TEXT NOT NULL,
  payload    TEXT NOT NULL CHECK (json_valid(payload)),
  -- The core (or component host) that wrote it: it told its own listeners already.
  origin     TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX events_created_at ON events (created_at);

CREATE TABLE component_leases (
  component  TEXT PRIMARY KEY,
  owner      TEXT NOT NULL,
  host_name  TEXT NOT NULL,
  pid        INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
`,
};
