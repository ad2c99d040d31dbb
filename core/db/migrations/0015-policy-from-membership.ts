import type { Migration } from './migration';

/**
 * Policy answered from membership instead of one row per advertisement and resource
 * (docs/offer-manager.md#versions).
 *
 * - `offer_targets` goes: a resource's advertisements are those offered whose reached collections
 *   (`offer_collections`) it is a member of, an indexed join of a few rows; at 100,000 systems and
 *   5,000 advertisements the table held 1.8 million rows and writing it was most of the time of a
 *   site's policy from scratch.
 * - `offer_member_changes`: the resources that joined or left a collection some advertisement
 *   reaches, recorded by triggers on `collection_members` in the same transaction as the change,
 *   whichever code path made it (evaluation, a direct rule, a collection or resource deleted).
 *   Offer Manager consumes a collection's rows when it processes its `.CMN`: those resources get the
 *   next policy version. A collection no advertisement reaches records nothing, so evaluating a
 *   site's membership before any policy exists costs no extra write per row.
 * - Every resource offered anything gets the next version once: a `.CMN` waiting at the upgrade
 *   has no recorded changes to find, so any resource's policy is reported as possibly changed.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'policy-from-membership',
  sql: `
CREATE TABLE offer_member_changes (
  collection_id TEXT NOT NULL,
  resource_id   INTEGER NOT NULL,
  PRIMARY KEY (collection_id, resource_id)
) WITHOUT ROWID;

CREATE TRIGGER offer_member_joined AFTER INSERT ON collection_members
WHEN EXISTS (SELECT 1 FROM offer_collections WHERE collection_id = NEW.collection_id)
BEGIN
  INSERT OR IGNORE INTO offer_member_changes (collection_id, resource_id) VALUES (NEW.collection_id, NEW.resource_id);
END;

CREATE TRIGGER offer_member_left AFTER DELETE ON collection_members
WHEN EXISTS (SELECT 1 FROM offer_collections WHERE collection_id = OLD.collection_id)
BEGIN
  INSERT OR IGNORE INTO offer_member_changes (collection_id, resource_id) VALUES (OLD.collection_id, OLD.resource_id);
END;

UPDATE policy_counter SET version = version + 1 WHERE EXISTS (SELECT 1 FROM offer_targets);
INSERT INTO resource_policy (resource_id, version)
  SELECT DISTINCT t.resource_id, (SELECT version FROM policy_counter WHERE id = 1) FROM offer_targets t WHERE true
  ON CONFLICT (resource_id) DO UPDATE SET version = excluded.version;

DROP TABLE offer_targets;
`,
};
