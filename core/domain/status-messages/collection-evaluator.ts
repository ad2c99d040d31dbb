import { statusAttributeIds as a } from '../../api';
import type { ComponentMessages, StatusMessageDefinition } from './catalogue';

export const collectionEvaluatorComponent = 'SMS_COLLECTION_EVALUATOR';

const collection = ['collection name', 'collection ID'];

/**
 * SMS_COLLECTION_EVALUATOR's messages. The suite's public documentation names the component but
 * ties none of its message IDs to a meaning, so these are Courier's own, in a range of their own.
 */
const messages: readonly StatusMessageDefinition[] = [
  { id: 2500, severity: 'info', type: 'milestone', origin: 'courier', strings: [...collection, 'occurrence', 'members', 'added', 'removed', 'next occurrence'], attributes: [a.collectionId],
    text: 'Collection Evaluator updated the membership of collection "%1" (%2) for its schedule occurrence %3: %4 members, %5 added, %6 removed. Its next update is due %7.' },
  { id: 2501, severity: 'error', type: 'milestone', origin: 'courier', strings: [...collection, 'occurrence', 'error', 'next occurrence'], attributes: [a.collectionId],
    text: 'Collection Evaluator failed to update the membership of collection "%1" (%2) for its schedule occurrence %3: %4 Its members stay as they were; the next update is due %5.' },
];

export const collectionEvaluatorMessages: ComponentMessages = { component: collectionEvaluatorComponent, messages };
