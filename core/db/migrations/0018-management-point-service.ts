import type { Migration } from './migration';

/**
 * The management point service: its settings (one row), where it last listened (written by the
 * component, read by the console), when each client was last heard from, and the users each
 * client said are logged on, which bounds whose user policy it may ask for.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'management-point-service',
  sql: `
CREATE TABLE mp_settings (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  address           TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 45),
  port              INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
  certificate_file  TEXT,
  key_file          TEXT,
  approval          TEXT NOT NULL CHECK (approval IN ('automatic', 'manual')),
  last_modified     TEXT NOT NULL
);
INSERT INTO mp_settings (id, address, port, certificate_file, key_file, approval, last_modified)
  VALUES (1, '127.0.0.1', 8580, NULL, NULL, 'automatic', '1970-01-01T00:00:00.000Z');

CREATE TABLE mp_endpoint (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  url              TEXT,
  port             INTEGER,
  started_at       TEXT,
  stopped_at       TEXT,
  error            TEXT,
  last_request_at  TEXT
);
INSERT INTO mp_endpoint (id) VALUES (1);

ALTER TABLE mp_clients ADD COLUMN last_contact_at TEXT;

CREATE TABLE mp_client_users (
  resource_id  INTEGER NOT NULL REFERENCES mp_clients (resource_id) ON DELETE CASCADE,
  user_name    TEXT NOT NULL COLLATE NOCASE CHECK (length(user_name) BETWEEN 3 AND 256),
  PRIMARY KEY (resource_id, user_name)
) WITHOUT ROWID;
`,
};
