import { CourierError, resourceClassNames, type ResourceClassName } from '../../api';
import type { ResourceIdQuery } from '../../db/repositories/collection-repository';

/** A query rule as stored: what a compiler needs to turn it into SQL. */
export interface StoredQueryRule {
  readonly collectionId: string;
  readonly ruleName: string;
  readonly resourceClass: ResourceClassName;
  /** WQL, as the administrator wrote it. */
  readonly query: string;
}

/** Turns a query rule into a source of members; CollectionService takes one of these. */
export type QueryRuleEvaluator = (rule: StoredQueryRule) => ResourceIdQuery;

/** The refusal below, told apart so a rule change is still saved while query rules wait for their compiler. */
export class QueryRulesNotEvaluatedError extends CourierError {}

/**
 * THE EVALUATION SEAM for query rules. It is to return a SELECT of one column, `resource_id`
 * (positional `?` parameters in `params`), compiled from `rule.query` with the storage map of
 * core/db/wql-storage.ts; CollectionMembership runs it inside INSERT … SELECT, so members are
 * never read into memory. Until the WQL compiler is wired in here, every query rule is refused.
 */
export function queryRuleResourceIds(rule: StoredQueryRule): ResourceIdQuery {
  throw new QueryRulesNotEvaluatedError(
    'CONFLICT',
    `Collection ${rule.collectionId} has the query rule "${rule.ruleName}", and query rules are not evaluated yet: its membership cannot be updated.`,
    'collectionId',
  );
}

const selectPattern = /^\s*select\b/i;
const fromPattern = /\bfrom\s+(\w+)/i;

/** The class a query selects from (the first after FROM), or a clear refusal. */
export function queryRuleClass(query: string): ResourceClassName {
  const found = fromPattern.exec(query)?.[1];
  const className = resourceClassNames.find((name) => name.toLowerCase() === found?.toLowerCase());
  if (!selectPattern.test(query) || className === undefined) {
    throw new CourierError(
      'VALIDATION_FAILED',
      `A query rule is "select … from SMS_R_System …" (or SMS_R_User, SMS_R_UserGroup); ${found ? `${found} is not a class collections select from` : 'this one names no class'}.`,
      'rule.query',
    );
  }
  return className;
}
