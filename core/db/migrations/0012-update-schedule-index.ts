import type { Migration } from './migration';

/**
 * The packages with an update schedule, by package ID: Distribution Manager asks for them at every
 * wake, and without this index the question read every package of the site. Partial, so packages
 * without a schedule (most of them) cost nothing in it.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'update-schedule-index',
  sql: `
CREATE INDEX packages_update_scheduled ON packages (package_id) WHERE update_schedule IS NOT NULL;
`,
};
