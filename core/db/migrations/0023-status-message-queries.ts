import type { Migration } from './migration';

/**
 * The site's own Status Message Queries (docs/status-messages.md#status-message-queries). The
 * built-in queries are not rows: they are defined in core/domain/status-message-queries.ts, so a
 * later release can improve them without a migration, and no one can edit or delete them.
 * `criteria` is the query's filter as the API's criteria schema checked it, as JSON.
 */
export const migration0023: Migration = {
  version: 23,
  name: 'status-message-queries',
  sql: `
CREATE TABLE status_message_queries (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  name           TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 128),
  comment        TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 1024),
  criteria       TEXT NOT NULL CHECK (json_valid(criteria)),
  created_at     TEXT NOT NULL,
  last_modified  TEXT NOT NULL
);
`,
};
