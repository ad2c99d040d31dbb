import type { Migration } from './migration';

/**
 * Advertisements (SMS_Advertisement; docs/advertisements.md). The suite's numbers are stored as
 * the suite has them (AdvertFlags, RemoteClientFlags, TimeFlags, Priority, AssignedSchedule):
 * they are the truth, and the readable options are decoded from them on every read, so bits no
 * option covers survive every save.
 *
 * The package, program and collection are named, not foreign keys: deleting one of them is the
 * Delete wizards' business (they list the affected advertisements first), and a program is
 * named by its package and name as SMS_Advertisement names it. Indexed for those lists.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'advertisements',
  sql: `
CREATE TABLE advertisements (
  advertisement_id            TEXT PRIMARY KEY CHECK (length(advertisement_id) = 8),
  name                        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  comment                     TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 127),
  package_id                  TEXT NOT NULL CHECK (length(package_id) = 8),
  program_name                TEXT NOT NULL COLLATE NOCASE CHECK (length(program_name) BETWEEN 1 AND 50),
  collection_id               TEXT NOT NULL CHECK (length(collection_id) = 8),
  include_subcollections      INTEGER NOT NULL CHECK (include_subcollections IN (0, 1)),
  source_site                 TEXT NOT NULL CHECK (length(source_site) = 3),
  present_time                TEXT NOT NULL CHECK (length(present_time) = 16),
  expiration_time             TEXT CHECK (expiration_time IS NULL OR length(expiration_time) = 16),
  advert_flags                INTEGER NOT NULL CHECK (advert_flags BETWEEN 0 AND 4294967295),
  remote_client_flags         INTEGER NOT NULL CHECK (remote_client_flags BETWEEN 0 AND 4294967295),
  time_flags                  INTEGER NOT NULL CHECK (time_flags BETWEEN 0 AND 4294967295),
  priority                    INTEGER NOT NULL CHECK (priority IN (1, 2, 3)),
  assigned_schedule           TEXT NOT NULL DEFAULT '' CHECK (length(assigned_schedule) % 16 = 0 AND length(assigned_schedule) <= 240),
  mandatory_countdown_minutes INTEGER NOT NULL DEFAULT 0 CHECK (mandatory_countdown_minutes BETWEEN 0 AND 1440),
  created_at                  TEXT NOT NULL,
  last_modified               TEXT NOT NULL
);
CREATE INDEX advertisements_program ON advertisements (package_id, program_name COLLATE NOCASE);
CREATE INDEX advertisements_collection ON advertisements (collection_id);
`,
};
