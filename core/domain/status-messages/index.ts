import { createStatusCatalogue, type ComponentMessages } from './catalogue';
import { collectionEvaluatorMessages } from './collection-evaluator';
import { distributionManagerMessages } from './distribution-manager';
import { offerManagerMessages } from './offer-manager';
import { softwareDistributionClientMessages } from './software-distribution-client';

export * from './catalogue';
export { distributionManagerComponent, distributionManagerMessages } from './distribution-manager';
export { offerManagerComponent, offerManagerMessages } from './offer-manager';
export { collectionEvaluatorComponent, collectionEvaluatorMessages } from './collection-evaluator';
export { softwareDistributionClientComponent, softwareDistributionClientMessages } from './software-distribution-client';

/**
 * Every component's messages. A new component adds its file beside distribution-manager.ts and
 * its list here.
 */
export const componentMessages: readonly ComponentMessages[] = [distributionManagerMessages, offerManagerMessages, collectionEvaluatorMessages, softwareDistributionClientMessages];

export const statusCatalogue = createStatusCatalogue(componentMessages);
