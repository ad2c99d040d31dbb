import { CourierError, type ResourceClassName } from '../../api';
import { compileQueryRule } from './compile-query-rule';
import type { WqlStorageMapping } from './storage-mapping';
import type { ResourceIdQuery } from '../repositories/collection-repository';
import { wqlStorage } from '../wql-storage';
import { readQueryRule, smsRSystem, wqlClasses, WqlError, type WqlClass } from '../../domain/wql';

/** A query rule as stored: what a compiler needs to turn it into SQL. */
export interface StoredQueryRule {
  readonly collectionId: string;
  readonly ruleName: string;
  readonly resourceClass: ResourceClassName;
  /** WQL, as the administrator wrote it. */
  readonly query: string;
}

/** Turns a query rule into a source of members; CollectionMembership takes one of these. */
export type QueryRuleEvaluator = (rule: StoredQueryRule) => ResourceIdQuery;

/**
 * The discovery classes as query rules see them here: the SDK's properties, and Platform,
 * Courier's own (docs/collections.md: the suite keeps the processor architecture in hardware
 * inventory, which Courier does not have).
 */
const queryClasses: readonly WqlClass[] = wqlClasses.map((c) =>
  c.name === smsRSystem.name ? { ...c, properties: [...c.properties, { name: 'Platform', type: 'string' as const }] } : c,
);

/** Each class's storage keyed by the property names as the WQL schema spells them (ResourceID, not ResourceId). */
const mappings = new Map<string, WqlStorageMapping>(
  queryClasses.map((c) => {
    const storage = wqlStorage[c.name as ResourceClassName];
    const byLowerCase = new Map(Object.entries(storage.columns).map(([name, column]) => [name.toLowerCase(), column]));
    const columns = Object.fromEntries(c.properties.flatMap((p) => {
      const column = byLowerCase.get(p.name.toLowerCase());
      return column ? [[p.name, column]] : [];
    }));
    return [c.name, { ...storage, columns }];
  }),
);

/**
 * Parses, checks and compiles a query rule (docs/wql.md): a SELECT of one column, the resource
 * ID, with every value the admin typed as a parameter, which CollectionMembership runs inside
 * INSERT … SELECT so members are never read into memory. A query Courier cannot run is refused
 * with where and why, as a validation failure of `field`.
 */
export function compileCollectionQuery(query: string, field: string): { readonly resourceClass: ResourceClassName; readonly source: ResourceIdQuery } {
  try {
    const checked = readQueryRule(query, queryClasses);
    const mapping = mappings.get(checked.class.name);
    if (!mapping) throw new CourierError('VALIDATION_FAILED', `Collections cannot select from ${checked.class.name}.`, field);
    const compiled = compileQueryRule(checked, mapping);
    return { resourceClass: checked.class.name as ResourceClassName, source: { sql: compiled.sql, params: compiled.params } };
  } catch (error) {
    if (error instanceof WqlError) {
      throw new CourierError('VALIDATION_FAILED', `The query rule cannot be used. ${error.message}`, field);
    }
    throw error;
  }
}

/** Compiled rules by their text: a site evaluates the same thousands of rules on every schedule and resource change. */
const compiledRules = new Map<string, ResourceIdQuery>();
const maxCompiledRules = 10_000;

/** The members a stored query rule takes in, as a source for CollectionMembership. */
export function queryRuleResourceIds(rule: StoredQueryRule): ResourceIdQuery {
  const known = compiledRules.get(rule.query);
  if (known) return known;
  const source = compileCollectionQuery(rule.query, 'rule.query').source;
  if (compiledRules.size >= maxCompiledRules) compiledRules.clear();
  compiledRules.set(rule.query, source);
  return source;
}

/** The class a query selects from, after checking that the whole query can be evaluated. */
export function queryRuleClass(query: string, field = 'rule.query'): ResourceClassName {
  return compileCollectionQuery(query, field).resourceClass;
}
