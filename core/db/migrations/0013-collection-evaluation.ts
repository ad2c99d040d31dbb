import type { Migration } from './migration';

/**
 * `collection_membership_runs`: for a collection with a membership update schedule, the
 * occurrence of that schedule SMS_COLLECTION_EVALUATOR last evaluated it for, when, and the next
 * occurrence then due. Written in the same transaction as the members it evaluated, so a restart
 * (even after kill -9) neither repeats nor skips an occurrence (docs/collections.md). A collection
 * deleted takes its row with it.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'collection-evaluation',
  sql: `
CREATE TABLE collection_membership_runs (
  collection_id    TEXT PRIMARY KEY REFERENCES collections (collection_id) ON DELETE CASCADE,
  last_occurrence  TEXT NOT NULL,
  evaluated_at     TEXT NOT NULL,
  next_occurrence  TEXT
) WITHOUT ROWID;
`,
};
