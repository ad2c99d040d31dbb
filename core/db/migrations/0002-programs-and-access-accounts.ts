import type { Migration } from './migration';

/**
 * Programs (for computers and for devices) and package access accounts. A program's settings of
 * the other kind are NULL, and the table CHECK keeps the two kinds apart. "Run another program
 * first" points at the program's row id, so renaming the target needs no reference updates; the
 * reference has no ON DELETE action, so the database itself refuses to delete a program (or a
 * package holding one) that another program still runs first.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'programs-and-access-accounts',
  sql: `
CREATE TABLE programs (
  id                            INTEGER PRIMARY KEY,
  package_id                    TEXT NOT NULL REFERENCES packages (package_id) ON DELETE CASCADE,
  name                          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  kind                          TEXT NOT NULL CHECK (kind IN ('computer', 'device')),
  comment                       TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 127),
  command_line                  TEXT NOT NULL CHECK (length(command_line) BETWEEN 1 AND 127),
  estimated_disk_space          INTEGER CHECK (estimated_disk_space IS NULL OR estimated_disk_space BETWEEN 0 AND 999999),
  disk_space_unit               TEXT NOT NULL CHECK (disk_space_unit IN ('KB', 'MB', 'GB')),
  -- Programs for computers (NULL for devices)
  start_in                      TEXT CHECK (length(start_in) <= 127),
  run                           TEXT CHECK (run IN ('normal', 'minimized', 'maximized', 'hidden')),
  after_running                 TEXT CHECK (after_running IN ('noAction', 'configMgrRestarts', 'programRestarts', 'configMgrLogsOff')),
  maximum_run_time              INTEGER CHECK (maximum_run_time BETWEEN 1 AND 720),
  any_platform                  INTEGER CHECK (any_platform IN (0, 1)),
  -- JSON array of platform ids from the supported-platforms table (core/api/platforms.ts)
  platforms                     TEXT CHECK (json_valid(platforms) AND json_type(platforms) = 'array'),
  additional_requirements       TEXT CHECK (length(additional_requirements) <= 127),
  can_run_when                  TEXT CHECK (can_run_when IN ('userLoggedOn', 'whetherOrNot', 'noUserLoggedOn')),
  run_mode                      TEXT CHECK (run_mode IN ('userRights', 'adminRights')),
  use_install_account           INTEGER CHECK (use_install_account IN (0, 1)),
  allow_user_interaction        INTEGER CHECK (allow_user_interaction IN (0, 1)),
  drive_mode                    TEXT CHECK (drive_mode IN ('unc', 'driveLetter', 'specificDriveLetter')),
  drive_letter                  TEXT CHECK (drive_letter = '' OR (length(drive_letter) = 1 AND drive_letter BETWEEN 'A' AND 'Z')),
  reconnect_at_logon            INTEGER CHECK (reconnect_at_logon IN (0, 1)),
  dependent_program_id          INTEGER REFERENCES programs (id),
  always_run_dependent          INTEGER CHECK (always_run_dependent IN (0, 1)),
  assignment                    TEXT CHECK (assignment IN ('oncePerComputer', 'oncePerUser')),
  suppress_notifications        INTEGER CHECK (suppress_notifications IN (0, 1)),
  disabled                      INTEGER CHECK (disabled IN (0, 1)),
  allow_task_sequence_install   INTEGER CHECK (allow_task_sequence_install IN (0, 1)),
  msi_file_path                 TEXT CHECK (length(msi_file_path) <= 260),
  msi_product_code              TEXT CHECK (msi_product_code = '' OR length(msi_product_code) = 38),
  disable_mom_alerts            INTEGER CHECK (disable_mom_alerts IN (0, 1)),
  generate_mom_alert_on_failure INTEGER CHECK (generate_mom_alert_on_failure IN (0, 1)),
  -- Programs for devices (NULL for computers)
  download_folder               TEXT CHECK (length(download_folder) BETWEEN 1 AND 127),
  run_from                      TEXT CHECK (run_from IN ('downloadFolder', 'folder')),
  run_folder                    TEXT CHECK (length(run_folder) <= 127),
  download_when                 TEXT CHECK (download_when IN ('anyTime', 'fastNetwork', 'docked')),
  created_at                    TEXT NOT NULL,
  last_modified                 TEXT NOT NULL,
  UNIQUE (package_id, name COLLATE NOCASE),
  CHECK (dependent_program_id IS NOT id),
  CHECK (CASE kind
    WHEN 'computer' THEN
      start_in IS NOT NULL AND run IS NOT NULL AND after_running IS NOT NULL AND any_platform IS NOT NULL
      AND platforms IS NOT NULL AND additional_requirements IS NOT NULL AND can_run_when IS NOT NULL
      AND run_mode IS NOT NULL AND use_install_account IS NOT NULL AND allow_user_interaction IS NOT NULL
      AND drive_mode IS NOT NULL AND drive_letter IS NOT NULL AND reconnect_at_logon IS NOT NULL
      AND always_run_dependent IS NOT NULL AND assignment IS NOT NULL AND suppress_notifications IS NOT NULL
      AND disabled IS NOT NULL AND allow_task_sequence_install IS NOT NULL AND msi_file_path IS NOT NULL
      AND msi_product_code IS NOT NULL AND disable_mom_alerts IS NOT NULL AND generate_mom_alert_on_failure IS NOT NULL
      AND download_folder IS NULL AND run_from IS NULL AND run_folder IS NULL AND download_when IS NULL
    ELSE
      download_folder IS NOT NULL AND run_from IS NOT NULL AND run_folder IS NOT NULL AND download_when IS NOT NULL
      AND start_in IS NULL AND run IS NULL AND after_running IS NULL AND maximum_run_time IS NULL
      AND any_platform IS NULL AND platforms IS NULL AND additional_requirements IS NULL AND can_run_when IS NULL
      AND run_mode IS NULL AND use_install_account IS NULL AND allow_user_interaction IS NULL
      AND drive_mode IS NULL AND drive_letter IS NULL AND reconnect_at_logon IS NULL
      AND dependent_program_id IS NULL AND always_run_dependent IS NULL AND assignment IS NULL
      AND suppress_notifications IS NULL AND disabled IS NULL AND allow_task_sequence_install IS NULL
      AND msi_file_path IS NULL AND msi_product_code IS NULL AND disable_mom_alerts IS NULL
      AND generate_mom_alert_on_failure IS NULL
    END)
);

CREATE INDEX programs_dependent ON programs (dependent_program_id) WHERE dependent_program_id IS NOT NULL;

CREATE TABLE access_accounts (
  id            INTEGER PRIMARY KEY,
  package_id    TEXT NOT NULL REFERENCES packages (package_id) ON DELETE CASCADE,
  -- What the console shows: Users, or CONTOSO\\Sales
  account_name  TEXT NOT NULL CHECK (length(account_name) BETWEEN 1 AND 120),
  kind          TEXT NOT NULL CHECK (kind IN ('windows', 'generic')),
  account_type  TEXT NOT NULL CHECK (account_type IN ('user', 'group')),
  permission    TEXT NOT NULL CHECK (permission IN ('noAccess', 'read', 'change', 'fullControl')),
  created_at    TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  UNIQUE (package_id, account_name COLLATE NOCASE),
  CHECK (kind = 'windows' OR (account_type = 'group' AND account_name IN ('Users', 'Guests', 'Administrators')))
);
`,
};
