import type { Migration } from './migration';

/**
 * Offer Manager's materialized policy (docs/offer-manager.md).
 *
 * - `policy_counter`: the site-wide policy version, one row, only ever increased. Each change
 *   of policy takes the next number, so "anything new since N?" is one comparison.
 * - `resource_policy`: per resource, the version at which its policy last changed (a primary-key
 *   lookup for the management point); a resource without a row has had no policy yet (version 0).
 * - `offers`: per advertisement what was last made of it: offered or deferred (its package on no
 *   distribution point), the policy body clients evaluate, a hash of that body (the reconcile pass
 *   compares it), and the advertisement's last_modified it was made from.
 * - `offer_targets`: per advertisement and resource, that the resource gets the advertisement
 *   and the collection it is a member of that brings it there. Only offered advertisements have rows.
 * - `offer_collections`: the collections an advertisement reached when last processed (its
 *   collection and, with subcollections, those below), so a change to any of them finds it again,
 *   even after the collection was unlinked from under it.
 *
 * Advertisements are not foreign keys: a deleted one is withdrawn by Offer Manager, which bumps
 * the versions of the resources that had it. A deleted resource takes its rows with it.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'offers-and-policy',
  sql: `
CREATE TABLE policy_counter (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL CHECK (version >= 0)
);
INSERT INTO policy_counter (id, version) VALUES (1, 0);

CREATE TABLE resource_policy (
  resource_id INTEGER PRIMARY KEY REFERENCES resources (resource_id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version > 0)
);

CREATE TABLE offers (
  advertisement_id       TEXT PRIMARY KEY CHECK (length(advertisement_id) = 8),
  state                  TEXT NOT NULL CHECK (state IN ('offered', 'deferred')),
  package_id             TEXT NOT NULL,
  collection_id          TEXT NOT NULL,
  body                   TEXT NOT NULL,
  body_hash              TEXT NOT NULL CHECK (length(body_hash) = 64),
  advertisement_modified TEXT NOT NULL,
  resource_count         INTEGER NOT NULL CHECK (resource_count >= 0),
  version                INTEGER NOT NULL CHECK (version >= 0),
  processed_at           TEXT NOT NULL
);
CREATE INDEX offers_package ON offers (package_id);

CREATE TABLE offer_targets (
  advertisement_id TEXT NOT NULL,
  resource_id      INTEGER NOT NULL REFERENCES resources (resource_id) ON DELETE CASCADE,
  collection_id    TEXT NOT NULL,
  PRIMARY KEY (advertisement_id, resource_id)
) WITHOUT ROWID;
CREATE INDEX offer_targets_resource ON offer_targets (resource_id);

CREATE TABLE offer_collections (
  advertisement_id TEXT NOT NULL,
  collection_id    TEXT NOT NULL,
  PRIMARY KEY (advertisement_id, collection_id)
) WITHOUT ROWID;
CREATE INDEX offer_collections_collection ON offer_collections (collection_id);
`,
};
