import type { Migration } from './migration';

/**
 * Site Settings › Client Agents: the Advertised Programs Client Agent's site-wide settings
 * (SMS_SCI_ClientComp of the suite's site control file), one row with the suite's defaults.
 * The CHECKs repeat the contract's bounds (docs/client-agents.md#bounds), so no writer can store
 * a value the console could not show.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'client-agents',
  sql: `
CREATE TABLE advertised_programs_agent_settings (
  id                              INTEGER PRIMARY KEY CHECK (id = 1),
  enabled                         INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  allow_user_targeted_requests    INTEGER NOT NULL CHECK (allow_user_targeted_requests IN (0, 1)),
  new_program_notification_ui     TEXT NOT NULL CHECK (new_program_notification_ui IN ('ARP', 'RAP')),
  display_notification            INTEGER NOT NULL CHECK (display_notification IN (0, 1)),
  play_sound                      TEXT NOT NULL CHECK (play_sound IN ('none', 'mandatory', 'all')),
  countdown_enabled               INTEGER NOT NULL CHECK (countdown_enabled IN (0, 1)),
  countdown_minutes               INTEGER NOT NULL CHECK (countdown_minutes BETWEEN 1 AND 1440),
  reminder_over_24_hours_hours    INTEGER NOT NULL CHECK (reminder_over_24_hours_hours BETWEEN 1 AND 168),
  reminder_within_24_hours_hours  INTEGER NOT NULL CHECK (reminder_within_24_hours_hours BETWEEN 1 AND 24),
  reminder_within_1_hour_minutes  INTEGER NOT NULL CHECK (reminder_within_1_hour_minutes BETWEEN 1 AND 60),
  policy_polling_minutes          INTEGER NOT NULL CHECK (policy_polling_minutes BETWEEN 5 AND 1440),
  last_modified                   TEXT
);
INSERT INTO advertised_programs_agent_settings VALUES (1, 1, 0, 'RAP', 1, 'none', 1, 5, 48, 4, 15, 60, NULL);
`,
};
