import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCollectionQuery } from '../../services/collections/query-rules';
import { openSite, type OpenSite } from '../../site/open-site';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';
import { CollectionRepository, membershipSelection } from './collection-repository';
import { MembershipRepository, scopedSelection } from './membership-repository';

// The query plans membership at scale depends on (docs/collections.md#membership-evaluation):
// each asserted on the real schema, so a new index or a rewrite that makes SQLite walk every
// resource fails here, not in a bench run.
let data: TempDir;
let site: OpenSite;

beforeEach(() => {
  data = makeTempDir('courier-membership-plans-');
  site = openSite(join(data.path, 'site'), () => new Date());
  new CollectionRepository(site.db);
  new MembershipRepository(site.db);
});
afterEach(() => {
  site.db.close();
  data.remove();
});

function plan(sql: string, params: readonly unknown[]): string[] {
  return (site.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
}

/** A search of collection_members by collection and resource, in either index's order. */
const memberLookup = (name: string) => new RegExp(`^SEARCH ${name} .*\\((collection_id=\\? AND resource_id=\\?|resource_id=\\? AND collection_id=\\?)\\)`);

const ouRule = compileCollectionQuery('select * from SMS_R_System where SystemOUName = "CONTOSO.COM/LAPTOPS"', 'query').source;
const subnetRule = compileCollectionQuery('select * from SMS_R_System where IPSubnets in ("10.1.0.0", "10.2.0.0") and Client = 1', 'query').source;
const directRule = { sql: "SELECT resource_id FROM collection_rules WHERE collection_id = ? AND kind = 'direct'", params: ['A0100010'] };

describe('membership query plans', () => {
  it('finds a multi-valued value through its index and the owners by ID, never scanning the resources', () => {
    for (const rule of [ouRule, subnetRule]) {
      const steps = plan(rule.sql, rule.params);
      expect(steps.some((s) => /SEARCH m\d USING COVERING INDEX resource_(system_ous|ip_subnets)_value \(value=\?\)/.test(s))).toBe(true);
      expect(steps).toContain('SEARCH r USING INTEGER PRIMARY KEY (rowid=?)');
      expect(steps.filter((s) => /^SCAN/.test(s))).toEqual([]);
    }
  });

  it('evaluates a collection from its rules, looking each member up in resources and the limiting collection, not walking them', () => {
    for (const source of [directRule, ouRule]) {
      const steps = plan(`INSERT OR IGNORE INTO temp.membership_evaluation (resource_id) ${membershipSelection(source, true)}`, [...source.params, 'SMS00001']);
      expect(steps.filter((s) => /^SCAN/.test(s))).toEqual([]);
      expect(steps.some((s) => memberLookup('l').test(s))).toBe(true);
      expect(steps.some((s) => /^SEARCH e .*INTEGER PRIMARY KEY \(rowid=\?\)/.test(s))).toBe(true);
    }
  });

  it('re-evaluates for the resources in scope by walking the scope alone and looking each up in the rule', () => {
    const steps = plan(scopedSelection(ouRule, true), [...ouRule.params, 'A0100010']);
    expect(steps.filter((s) => /^SCAN/.test(s))).toEqual(['SCAN sc']);
    expect(steps).toContain('SEARCH r USING INTEGER PRIMARY KEY (rowid=?)');
    // Members outside the scope are never read: the diff is a search of the scope's IDs.
    const removal = plan(
      `DELETE FROM collection_members WHERE collection_id = ? AND resource_id IN (SELECT resource_id FROM temp.membership_scope)
         AND resource_id NOT IN (SELECT resource_id FROM temp.membership_scope_selected)`,
      ['A0100010'],
    );
    expect(removal.some((s) => memberLookup('collection_members').test(s))).toBe(true);
    expect(removal.filter((s) => /^SCAN/.test(s))).toEqual([]);
  });
});
