import type { Migration } from './migration';

/**
 * Site systems, distribution points and where packages are on them (docs/distribution-points.md).
 *
 * - `site_systems`: a server of the site, by the name the site server reaches it by (an FQDN or a
 *   NetBIOS name); `site_system_roles` lists what it does (the distribution point role today).
 * - `distribution_points`: the DP role on a site system. `mode` is `server` (SMSPKG<letter>$ shares
 *   on its volumes) or `serverShare` (one share, `\\server\share`). `kind` is `standard` today and
 *   `branch` later (the suite's IsPeerDP). `deleting`: the DP is going away once Distribution
 *   Manager has removed its packages; nothing new may be given to it.
 * - `dp_volumes`: a drive letter of a server DP and the path the site server reaches it by (a local
 *   path, or a UNC path read through Path Mappings), with the free space to leave alone.
 * - `dp_boundaries`: where clients of a protected DP must be (IP subnets, IP ranges, AD sites).
 * - `dp_groups` and `dp_group_members`: groups of DPs, many to many.
 * - `package_dps`: one row per package and DP (the suite's SMS_DistributionPoint): what
 *   Distribution Manager must do (`state`, `target_version`, `force_copy`) and what it did (the
 *   path, the version, files and bytes copied, attempts and the last error). `package_id` has no
 *   foreign key on purpose: a deleted package's rows stay, in removalPending, until its folders
 *   are removed from the DPs. `dp_id` has one without ON DELETE, so a DP holding packages cannot
 *   be deleted by mistake.
 * - `distribution_manager_settings`: SMS_SCI_Component values of SMS_DISTRIBUTION_MANAGER, with
 *   the suite's defaults and ranges, one row.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'distribution-points',
  sql: `
CREATE TABLE site_systems (
  id            INTEGER PRIMARY KEY,
  server_name   TEXT NOT NULL CHECK (length(server_name) BETWEEN 1 AND 253),
  netbios_name  TEXT NOT NULL CHECK (length(netbios_name) BETWEEN 1 AND 15),
  site_code     TEXT NOT NULL CHECK (length(site_code) = 3),
  created_at    TEXT NOT NULL,
  last_modified TEXT NOT NULL
);
CREATE UNIQUE INDEX site_systems_server_name ON site_systems (server_name COLLATE NOCASE);

CREATE TABLE site_system_roles (
  site_system_id INTEGER NOT NULL REFERENCES site_systems (id) ON DELETE CASCADE,
  role           TEXT NOT NULL CHECK (role IN ('distributionPoint')),
  PRIMARY KEY (site_system_id, role)
);

CREATE TABLE distribution_points (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 253),
  site_system_id  INTEGER NOT NULL REFERENCES site_systems (id),
  mode            TEXT NOT NULL CHECK (mode IN ('server', 'serverShare')),
  kind            TEXT NOT NULL DEFAULT 'standard' CHECK (kind IN ('standard', 'branch')),
  share_path      TEXT CHECK (share_path IS NULL OR (length(share_path) BETWEEN 5 AND 260 AND substr(share_path, 1, 2) = '\\\\')),
  share_reserve_mb INTEGER CHECK (share_reserve_mb IS NULL OR share_reserve_mb BETWEEN 0 AND 1073741824),
  nal_path        TEXT NOT NULL,
  bits_enabled    INTEGER NOT NULL CHECK (bits_enabled IN (0, 1)),
  protected       INTEGER NOT NULL CHECK (protected IN (0, 1)),
  share_provider  TEXT NOT NULL CHECK (share_provider IN ('local', 'samba', 'windows')),
  samba_conf      TEXT CHECK (samba_conf IS NULL OR length(samba_conf) BETWEEN 1 AND 4096),
  deleting        INTEGER NOT NULL DEFAULT 0 CHECK (deleting IN (0, 1)),
  created_at      TEXT NOT NULL,
  last_modified   TEXT NOT NULL,
  CHECK ((mode = 'serverShare') = (share_path IS NOT NULL)),
  CHECK ((mode = 'serverShare') = (share_reserve_mb IS NOT NULL)),
  CHECK ((share_provider = 'samba') = (samba_conf IS NOT NULL))
);
CREATE UNIQUE INDEX distribution_points_name ON distribution_points (name COLLATE NOCASE);
CREATE UNIQUE INDEX distribution_points_share_path ON distribution_points (share_path COLLATE NOCASE) WHERE share_path IS NOT NULL;
CREATE INDEX distribution_points_site_system ON distribution_points (site_system_id);

CREATE TABLE dp_volumes (
  dp_id       INTEGER NOT NULL REFERENCES distribution_points (id) ON DELETE CASCADE,
  letter      TEXT NOT NULL CHECK (length(letter) = 1 AND letter BETWEEN 'A' AND 'Z'),
  path        TEXT NOT NULL CHECK (length(path) BETWEEN 1 AND 4096),
  reserve_mb  INTEGER NOT NULL CHECK (reserve_mb BETWEEN 0 AND 1073741824),
  PRIMARY KEY (dp_id, letter)
);

CREATE TABLE dp_boundaries (
  dp_id    INTEGER NOT NULL REFERENCES distribution_points (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('ipSubnet', 'ipRange', 'adSite')),
  value    TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
  PRIMARY KEY (dp_id, position),
  UNIQUE (dp_id, kind, value COLLATE NOCASE)
);

CREATE TABLE dp_groups (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  description   TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 127),
  created_at    TEXT NOT NULL,
  last_modified TEXT NOT NULL
);
CREATE UNIQUE INDEX dp_groups_name ON dp_groups (name COLLATE NOCASE);

CREATE TABLE dp_group_members (
  group_id INTEGER NOT NULL REFERENCES dp_groups (id) ON DELETE CASCADE,
  dp_id    INTEGER NOT NULL REFERENCES distribution_points (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, dp_id)
);
CREATE INDEX dp_group_members_dp ON dp_group_members (dp_id);

CREATE TABLE package_dps (
  package_id      TEXT NOT NULL CHECK (length(package_id) = 8),
  dp_id           INTEGER NOT NULL REFERENCES distribution_points (id),
  state           TEXT NOT NULL CHECK (state IN ('installPending', 'installed', 'installRetrying', 'installFailed', 'removalPending', 'removalFailed')),
  -- The source version Distribution Manager must bring the DP to; force_copy: Refresh, copy it again even if it is there.
  target_version  INTEGER NOT NULL CHECK (target_version >= 1),
  force_copy      INTEGER NOT NULL DEFAULT 0 CHECK (force_copy IN (0, 1)),
  -- Where the package is on the DP once copied: SMSPKG<volume_letter>$ (server DPs) or the DP's share, and the folder in it.
  volume_letter   TEXT CHECK (volume_letter IS NULL OR (length(volume_letter) = 1 AND volume_letter BETWEEN 'A' AND 'Z')),
  share_name      TEXT CHECK (share_name IS NULL OR length(share_name) BETWEEN 1 AND 80),
  folder          TEXT CHECK (folder IS NULL OR length(folder) BETWEEN 1 AND 260),
  source_version  INTEGER CHECK (source_version IS NULL OR source_version >= 1),
  files           INTEGER CHECK (files IS NULL OR files >= 0),
  bytes           INTEGER CHECK (bytes IS NULL OR bytes >= 0),
  last_copied     TEXT,
  last_refreshed  TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error      TEXT,
  next_attempt_at TEXT,
  created_at      TEXT NOT NULL,
  last_modified   TEXT NOT NULL,
  PRIMARY KEY (package_id, dp_id)
);
CREATE INDEX package_dps_dp ON package_dps (dp_id);
CREATE INDEX package_dps_pending ON package_dps (state) WHERE state <> 'installed';

CREATE TABLE distribution_manager_settings (
  id                        INTEGER PRIMARY KEY CHECK (id = 1),
  max_packages              INTEGER NOT NULL CHECK (max_packages BETWEEN 1 AND 50),
  threads_per_package       INTEGER NOT NULL CHECK (threads_per_package BETWEEN 1 AND 999),
  retries                   INTEGER NOT NULL CHECK (retries BETWEEN 1 AND 1000),
  retry_delay_minutes       INTEGER NOT NULL CHECK (retry_delay_minutes BETWEEN 1 AND 1440),
  stored_packages_location  TEXT NOT NULL DEFAULT '' CHECK (length(stored_packages_location) <= 4096),
  last_modified             TEXT
);
INSERT INTO distribution_manager_settings (id, max_packages, threads_per_package, retries, retry_delay_minutes) VALUES (1, 3, 5, 100, 30);
`,
};
