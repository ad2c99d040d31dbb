import type { Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'site-and-packages',
  sql: `
CREATE TABLE site (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  site_code   TEXT NOT NULL CHECK (length(site_code) = 3 AND site_code = upper(site_code)),
  site_name   TEXT NOT NULL CHECK (length(site_name) BETWEEN 1 AND 50),
  created_at  TEXT NOT NULL
);

CREATE TABLE id_counters (
  kind        TEXT PRIMARY KEY,
  next_value  INTEGER NOT NULL CHECK (next_value BETWEEN 0 AND 1048576)
);

CREATE TABLE packages (
  package_id                         TEXT PRIMARY KEY,
  name                               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  version                            TEXT NOT NULL DEFAULT '' CHECK (length(version) <= 32),
  publisher                          TEXT NOT NULL DEFAULT '' CHECK (length(publisher) <= 32),
  language                           TEXT NOT NULL DEFAULT '' CHECK (length(language) <= 32),
  comment                            TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 127),
  contains_source_files              INTEGER NOT NULL CHECK (contains_source_files IN (0, 1)),
  source_directory                   TEXT NOT NULL DEFAULT '',
  source_option                      TEXT NOT NULL CHECK (source_option IN ('direct', 'compressed')),
  update_schedule                    TEXT,
  persist_in_client_cache            INTEGER NOT NULL CHECK (persist_in_client_cache IN (0, 1)),
  binary_differential_replication    INTEGER NOT NULL CHECK (binary_differential_replication IN (0, 1)),
  data_access                        TEXT NOT NULL CHECK (data_access IN ('commonShare', 'shareFolder')),
  share_folder                       TEXT NOT NULL DEFAULT '',
  disconnect_users                   INTEGER NOT NULL CHECK (disconnect_users IN (0, 1)),
  user_grace_period                  INTEGER NOT NULL CHECK (user_grace_period BETWEEN 0 AND 59),
  disconnect_retries                 INTEGER NOT NULL CHECK (disconnect_retries BETWEEN 0 AND 99),
  sending_priority                   TEXT NOT NULL CHECK (sending_priority IN ('high', 'medium', 'low')),
  preferred_sender                   TEXT NOT NULL DEFAULT '',
  branch_content                     TEXT NOT NULL CHECK (branch_content IN ('downloadAutomatically', 'administratorCopies')),
  available_on_protected_on_request  INTEGER NOT NULL CHECK (available_on_protected_on_request IN (0, 1)),
  mif_matching                       TEXT NOT NULL CHECK (mif_matching IN ('packageProperties', 'customFields')),
  mif_file_name                      TEXT NOT NULL DEFAULT '',
  mif_name                           TEXT NOT NULL DEFAULT '',
  mif_version                        TEXT NOT NULL DEFAULT '',
  mif_publisher                      TEXT NOT NULL DEFAULT '',
  source_version                     INTEGER NOT NULL DEFAULT 1 CHECK (source_version >= 1),
  source_date                        TEXT NOT NULL,
  created_at                         TEXT NOT NULL,
  last_modified                      TEXT NOT NULL
);

-- "Share the distribution folder": the value must be unique among all packages (docs/software-distribution.md#new-package-wizard).
CREATE UNIQUE INDEX packages_share_folder_unique ON packages (share_folder COLLATE NOCASE) WHERE share_folder <> '';
CREATE INDEX packages_name ON packages (name COLLATE NOCASE);
`,
};
