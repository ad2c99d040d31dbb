import type { Migration } from './migration';

/**
 * Site Properties the site server acts on. `site_settings` is one row. Path Mappings tell a site
 * server that is not Windows where a UNC prefix is mounted; the prefix is kept as the admin typed
 * it (compared case-insensitively, as Windows compares paths). Source roots bound what the
 * console may browse on the site server when `limit_browsing` is on.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'site-settings',
  sql: `
CREATE TABLE site_settings (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  limit_browsing  INTEGER NOT NULL DEFAULT 0 CHECK (limit_browsing IN (0, 1))
);
INSERT INTO site_settings (id, limit_browsing) VALUES (1, 0);

CREATE TABLE path_mappings (
  id             INTEGER PRIMARY KEY,
  unc_prefix     TEXT NOT NULL CHECK (length(unc_prefix) BETWEEN 5 AND 260 AND substr(unc_prefix, 1, 2) = '\\\\'),
  local_path     TEXT NOT NULL CHECK (length(local_path) BETWEEN 1 AND 4096 AND substr(local_path, 1, 1) = '/'),
  created_at     TEXT NOT NULL,
  last_modified  TEXT NOT NULL
);
CREATE UNIQUE INDEX path_mappings_unc_prefix ON path_mappings (unc_prefix COLLATE NOCASE);

CREATE TABLE source_roots (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL UNIQUE CHECK (length(path) BETWEEN 1 AND 260),
  created_at  TEXT NOT NULL
);
`,
};
