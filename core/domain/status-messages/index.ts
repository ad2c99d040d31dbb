import { createStatusCatalogue, type ComponentMessages } from './catalogue';
import { collectionEvaluatorMessages } from './collection-evaluator';
import { distributionManagerMessages } from './distribution-manager';
import { offerManagerMessages } from './offer-manager';

export * from './catalogue';
export { distributionManagerComponent, distributionManagerMessages } from './distribution-manager';
export { offerManagerComponent, offerManagerMessages } from './offer-manager';
export { collectionEvaluatorComponent, collectionEvaluatorMessages } from './collection-evaluator';

/**
 * Every component's messages. A new component (the management point's, the clients' 100xx) adds
 * its file beside distribution-manager.ts and its list here.
 */
export const componentMessages: readonly ComponentMessages[] = [distributionManagerMessages, offerManagerMessages, collectionEvaluatorMessages];

export const statusCatalogue = createStatusCatalogue(componentMessages);
