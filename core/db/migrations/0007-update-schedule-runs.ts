import type { Migration } from './migration';

/**
 * `package_update_schedule_runs`: for a package with an update schedule, the occurrence of that
 * schedule Distribution Manager last ran Update Distribution Points for, and when it did. Written
 * in the same transaction as the new source version, so a restart neither repeats nor skips one
 * (docs/distribution-manager.md). A package deleted takes its row with it.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'update-schedule-runs',
  sql: `
CREATE TABLE package_update_schedule_runs (
  package_id       TEXT PRIMARY KEY REFERENCES packages (package_id) ON DELETE CASCADE,
  last_occurrence  TEXT NOT NULL,
  ran_at           TEXT NOT NULL
);
`,
};
