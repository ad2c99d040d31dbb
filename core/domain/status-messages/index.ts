import { createStatusCatalogue, type ComponentMessages } from './catalogue';
import { collectionEvaluatorMessages } from './collection-evaluator';
import { distributionManagerMessages } from './distribution-manager';

export * from './catalogue';
export { distributionManagerComponent, distributionManagerMessages } from './distribution-manager';
export { collectionEvaluatorComponent, collectionEvaluatorMessages } from './collection-evaluator';

/**
 * Every component's messages. A new component (Offer Manager's 39xx, the management point's and
 * the clients' 100xx) adds its file beside distribution-manager.ts and its list here.
 */
export const componentMessages: readonly ComponentMessages[] = [distributionManagerMessages, collectionEvaluatorMessages];

export const statusCatalogue = createStatusCatalogue(componentMessages);
