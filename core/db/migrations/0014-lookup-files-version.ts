import type { Migration } from './migration';

/**
 * `policy_counter.lookup_version`: the policy version the lookup files in Offerinf.box were last
 * written at. Offer Manager rewrites them (every resource of the site) only when policy has moved
 * past it, instead of after every wake-up; a run killed between its commit and the files leaves
 * the version behind, so the redo writes them (docs/offer-manager.md).
 */
export const migration0014: Migration = {
  version: 14,
  name: 'lookup-files-version',
  sql: `
ALTER TABLE policy_counter ADD COLUMN lookup_version INTEGER NOT NULL DEFAULT 0 CHECK (lookup_version >= 0);
`,
};
