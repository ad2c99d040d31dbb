import type { Migration } from './migration';

/**
 * The content service's settings (the HTTP side of BITS-enabled distribution points), one row:
 * where it listens, its certificate, the URL clients are given; and, written by the running
 * service, the URL it is bound to now (with the port it took when `port` is 0).
 */
export const migration0019: Migration = {
  version: 19,
  name: 'content-service',
  sql: `
CREATE TABLE content_service_settings (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  address        TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 253),
  port           INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
  certificate    TEXT CHECK (certificate IS NULL OR length(certificate) BETWEEN 1 AND 4096),
  key            TEXT CHECK (key IS NULL OR length(key) BETWEEN 1 AND 4096),
  client_url     TEXT CHECK (client_url IS NULL OR length(client_url) BETWEEN 1 AND 2048),
  listening_url  TEXT,
  listening_since TEXT,
  last_modified  TEXT,
  CHECK ((certificate IS NULL) = (key IS NULL))
);
INSERT INTO content_service_settings (id, address, port) VALUES (1, '127.0.0.1', 0);
`,
};
