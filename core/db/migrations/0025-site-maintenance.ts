import type { Migration } from './migration';

/**
 * Site Settings › Site Maintenance › Delete Aged Status Messages, one row: whether the task runs,
 * how many days of status messages it keeps, how often at most it looks (it takes the write
 * lock), and when it last ran and what it deleted, so a restarted Inbox Manager waits out the
 * interval instead of deleting again at once. The defaults are the suite's: enabled, a week kept,
 * once a day.
 */
export const migration0025: Migration = {
  version: 25,
  name: 'site-maintenance',
  sql: `
CREATE TABLE status_retention_settings (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  enabled        INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  keep_days      INTEGER NOT NULL CHECK (keep_days BETWEEN 1 AND 365),
  every_hours    INTEGER NOT NULL CHECK (every_hours BETWEEN 1 AND 168),
  last_modified  TEXT NOT NULL,
  last_run_at    TEXT,
  last_deleted   INTEGER CHECK (last_deleted IS NULL OR last_deleted >= 0)
);
INSERT INTO status_retention_settings (id, enabled, keep_days, every_hours, last_modified) VALUES (1, 1, 7, 24, '1970-01-01T00:00:00.000Z');
`,
};
