import { collectionEvaluatorComponent } from '../../domain/status-messages/collection-evaluator';

/** SMS_COLLECTION_EVALUATOR: as the suite names the component, and its log. */
export const collectionEvaluatorName = collectionEvaluatorComponent;
export const collectionEvaluatorLog = 'colleval.log';
