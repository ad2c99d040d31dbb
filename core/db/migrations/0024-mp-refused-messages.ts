import type { Migration } from './migration';

/**
 * The status uploads the management point refused as malformed, counted per client and reason
 * (the refused field), with the last refusal's words, so the console can say "N messages
 * refused" and why. A refused upload stores none of its messages; this row is all that is kept
 * of it. No foreign key to mp_clients: the counts stay true of the site after a client is
 * deleted, and the name is kept to say whose they were.
 */
export const migration0024: Migration = {
  version: 24,
  name: 'mp-refused-messages',
  sql: `
CREATE TABLE mp_refused_messages (
  resource_id      INTEGER NOT NULL,
  client_name      TEXT NOT NULL CHECK (length(client_name) BETWEEN 1 AND 256),
  reason           TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 64),
  uploads          INTEGER NOT NULL CHECK (uploads >= 1),
  messages         INTEGER NOT NULL CHECK (messages >= 0),
  last_detail      TEXT NOT NULL CHECK (length(last_detail) <= 1024),
  last_refused_at  TEXT NOT NULL,
  PRIMARY KEY (resource_id, reason)
);
CREATE INDEX mp_refused_messages_last ON mp_refused_messages (last_refused_at);
`,
};
