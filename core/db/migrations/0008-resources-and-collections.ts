import type { Migration } from './migration';

/**
 * Resources and collections (docs/collections.md).
 *
 * - `resources`: the site's discovered or imported systems, users and user groups, one table
 *   for the three classes (SMS_R_System, SMS_R_User, SMS_R_UserGroup) told apart by
 *   `resource_type`; a column a class does not have stays NULL. Resource IDs count from
 *   16777217 (0x01000001), as real sites number their first system, and are never reused
 *   (AUTOINCREMENT), so a direct rule can never come to name another machine.
 * - `resource_*` child tables: the multi-valued properties (IP addresses, subnets, OUs, assigned
 *   sites, user groups), one row per value in the order given, each indexed by value so a query
 *   rule's `IPSubnets = "10.1.0.0"` is an index search, not a scan.
 * - `collections`: built-ins (`SMS00001` …) carry `built_in_type`, their membership is every
 *   resource of that type. `limit_to` narrows the members to those of another collection.
 *   `members_evaluated_at` and `member_count` tell of the last "Update Collection Membership";
 *   `rules_changed_at` later than it means the members shown predate the rules.
 * - `collection_rules`: direct rules (a resource) and query rules (WQL text and the class it
 *   selects from). A direct rule goes with its resource (ON DELETE CASCADE).
 * - `collection_links`: parent → child. `sub` is the collection's own place in the tree (at most
 *   one per child); `link` is a linked collection shown under another parent as well.
 * - `collection_members`: the materialized membership, written in SQL by the evaluation.
 * - `maintenance_windows`: a schedule token and a duration per window of a collection.
 *
 * Strings that rules and searches compare are COLLATE NOCASE, as WQL compares them.
 */
/** One child table per multi-valued property: (resource, position) → value, indexed by value. */
function valueTable(name: string): string {
  return `CREATE TABLE ${name} (
  resource_id INTEGER NOT NULL REFERENCES resources (resource_id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  value       TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (resource_id, position)
) WITHOUT ROWID;
CREATE INDEX ${name}_value ON ${name} (value COLLATE NOCASE);
`;
}

// Written out here, not taken from the repository's table list: a released migration never changes.
const valueTables = ['resource_ip_addresses', 'resource_ip_subnets', 'resource_system_ous', 'resource_assigned_sites', 'resource_user_groups', 'resource_user_ous']
  .map(valueTable)
  .join('\n');

export const migration0008: Migration = {
  version: 8,
  name: 'resources-and-collections',
  sql: `
CREATE TABLE resources (
  resource_id            INTEGER PRIMARY KEY AUTOINCREMENT,
  resource_type          TEXT NOT NULL CHECK (resource_type IN ('system', 'user', 'userGroup')),
  name                   TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 256),
  sms_unique_identifier  TEXT COLLATE NOCASE CHECK (sms_unique_identifier IS NULL OR length(sms_unique_identifier) BETWEEN 1 AND 64),
  domain                 TEXT COLLATE NOCASE,
  account_name           TEXT COLLATE NOCASE,
  full_name              TEXT COLLATE NOCASE,
  operating_system       TEXT COLLATE NOCASE,
  platform               TEXT CHECK (platform IS NULL OR platform IN ('I386', 'x64', 'IA64')),
  ad_site_name           TEXT COLLATE NOCASE,
  last_logon_user_name   TEXT COLLATE NOCASE,
  client                 INTEGER CHECK (client IS NULL OR client IN (0, 1)),
  client_version         TEXT COLLATE NOCASE,
  created_at             TEXT NOT NULL,
  last_modified          TEXT NOT NULL
);
INSERT INTO sqlite_sequence (name, seq) VALUES ('resources', 16777216);
CREATE UNIQUE INDEX resources_name ON resources (resource_type, name COLLATE NOCASE);
CREATE UNIQUE INDEX resources_sms_unique_identifier ON resources (sms_unique_identifier COLLATE NOCASE) WHERE sms_unique_identifier IS NOT NULL;
CREATE INDEX resources_name_any_type ON resources (name COLLATE NOCASE);

${valueTables}
CREATE TABLE collections (
  collection_id        TEXT PRIMARY KEY CHECK (length(collection_id) = 8),
  name                 TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),
  comment              TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 255),
  built_in_type        TEXT CHECK (built_in_type IS NULL OR built_in_type IN ('system', 'user', 'userGroup')),
  limit_to             TEXT REFERENCES collections (collection_id),
  membership_schedule  TEXT CHECK (membership_schedule IS NULL OR length(membership_schedule) = 16),
  members_evaluated_at TEXT,
  member_count         INTEGER NOT NULL DEFAULT 0,
  rules_changed_at     TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  last_modified        TEXT NOT NULL,
  CHECK (built_in_type IS NULL OR limit_to IS NULL)
);
CREATE UNIQUE INDEX collections_name ON collections (name COLLATE NOCASE);
CREATE INDEX collections_limit_to ON collections (limit_to) WHERE limit_to IS NOT NULL;

CREATE TABLE collection_rules (
  rule_id        INTEGER PRIMARY KEY,
  collection_id  TEXT NOT NULL REFERENCES collections (collection_id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('direct', 'query')),
  rule_name      TEXT NOT NULL COLLATE NOCASE CHECK (length(rule_name) BETWEEN 1 AND 256),
  resource_id    INTEGER REFERENCES resources (resource_id) ON DELETE CASCADE,
  resource_class TEXT CHECK (resource_class IS NULL OR resource_class IN ('SMS_R_System', 'SMS_R_User', 'SMS_R_UserGroup')),
  query          TEXT,
  CHECK ((kind = 'direct' AND resource_id IS NOT NULL AND query IS NULL AND resource_class IS NULL)
      OR (kind = 'query' AND resource_id IS NULL AND query IS NOT NULL AND resource_class IS NOT NULL))
);
CREATE UNIQUE INDEX collection_rules_name ON collection_rules (collection_id, rule_name COLLATE NOCASE);
CREATE UNIQUE INDEX collection_rules_direct ON collection_rules (collection_id, resource_id) WHERE kind = 'direct';
CREATE INDEX collection_rules_resource ON collection_rules (resource_id) WHERE resource_id IS NOT NULL;

CREATE TABLE collection_links (
  parent_id TEXT NOT NULL REFERENCES collections (collection_id) ON DELETE CASCADE,
  child_id  TEXT NOT NULL REFERENCES collections (collection_id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('sub', 'link')),
  PRIMARY KEY (parent_id, child_id),
  CHECK (parent_id <> child_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX collection_links_owner ON collection_links (child_id) WHERE kind = 'sub';
CREATE INDEX collection_links_child ON collection_links (child_id);

CREATE TABLE collection_members (
  collection_id TEXT NOT NULL REFERENCES collections (collection_id) ON DELETE CASCADE,
  resource_id   INTEGER NOT NULL REFERENCES resources (resource_id) ON DELETE CASCADE,
  PRIMARY KEY (collection_id, resource_id)
) WITHOUT ROWID;
CREATE INDEX collection_members_resource ON collection_members (resource_id);

CREATE TABLE maintenance_windows (
  collection_id    TEXT NOT NULL REFERENCES collections (collection_id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  name             TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),
  schedule_token   TEXT NOT NULL CHECK (length(schedule_token) = 16),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  enabled          INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  PRIMARY KEY (collection_id, position)
) WITHOUT ROWID;
CREATE UNIQUE INDEX maintenance_windows_name ON maintenance_windows (collection_id, name COLLATE NOCASE);

INSERT INTO collections (collection_id, name, comment, built_in_type, rules_changed_at, created_at, last_modified) VALUES
  ('SMS00001', 'All Systems', 'All systems', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('SMS00002', 'All Users', 'All users', 'user', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('SMS00003', 'All User Groups', 'All user groups', 'userGroup', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- Collection IDs come from the 'collection' ID counter every site has had since it was made.
`,
};
