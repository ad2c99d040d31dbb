/** SMS_COLLECTION_EVALUATOR (docs/collections.md#the-membership-update-schedule). */
export { createCollectionEvaluator, type CollectionEvaluatorOptions } from './collection-evaluator';
export { collectionEvaluatorLog, collectionEvaluatorName } from './names';
export { runDueMembershipUpdates } from './due-updates';
