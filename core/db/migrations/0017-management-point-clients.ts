import type { Migration } from './migration';

/**
 * The management point's clients: each registered system resource with the hash of its secret and
 * its approval, and the status messages it uploaded keyed by the client's own message ID, so a
 * retried or duplicated upload is stored once by the unique key rather than by a lookup.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'management-point-clients',
  sql: `
CREATE TABLE mp_clients (
  resource_id    INTEGER PRIMARY KEY REFERENCES resources (resource_id) ON DELETE CASCADE,
  secret_hash    TEXT NOT NULL CHECK (length(secret_hash) = 64),
  approval       TEXT NOT NULL CHECK (approval IN ('approved', 'pending', 'blocked')),
  registered_at  TEXT NOT NULL
);
CREATE TABLE mp_status_receipts (
  resource_id  INTEGER NOT NULL REFERENCES mp_clients (resource_id) ON DELETE CASCADE,
  message_uid  TEXT NOT NULL CHECK (length(message_uid) BETWEEN 1 AND 64),
  record_id    INTEGER NOT NULL,
  PRIMARY KEY (resource_id, message_uid)
) WITHOUT ROWID;
`,
};
