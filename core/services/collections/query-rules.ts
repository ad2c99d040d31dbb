// Query rules are compiled below the services (core/db/wql/collection-rules.ts), so the collection
// evaluator (a site component) evaluates them as the services do.
export { compileCollectionQuery, queryRuleClass, queryRuleResourceIds, type QueryRuleEvaluator, type StoredQueryRule } from '../../db/wql/collection-rules';
