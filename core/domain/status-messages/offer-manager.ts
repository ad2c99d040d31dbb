import { statusAttributeIds as a } from '../../api';
import type { ComponentMessages, StatusMessageDefinition } from './catalogue';

export const offerManagerComponent = 'SMS_OFFER_MANAGER';

const advertisement = ['advertisement name', 'advertisement ID', 'package ID', 'collection ID'];
const about = [a.advertisementId, a.packageId, a.collectionId];

/**
 * SMS_OFFER_MANAGER's messages (the 39xx range). The suite reserves the range for Offer Manager
 * but publishes none of its texts, so every meaning and wording here is Courier's own
 * (docs/offer-manager.md#status-messages).
 */
const messages: readonly StatusMessageDefinition[] = [
  { id: 3900, severity: 'info', type: 'milestone', origin: 'courier', strings: [...advertisement, 'resources', 'policy version'], attributes: about,
    text: 'Offer Manager offered advertisement "%1" (advertisement ID = %2) of package %3 to collection %4: %5 resources have it in their policy (policy version %6).' },
  { id: 3901, severity: 'info', type: 'milestone', origin: 'courier', strings: [...advertisement, 'resources'], attributes: about,
    text: 'Offer Manager withdrew advertisement "%1" (advertisement ID = %2) of package %3 from collection %4: it was deleted, and %5 resources no longer have it in their policy.' },
  { id: 3902, severity: 'warning', type: 'milestone', origin: 'courier', strings: advertisement, attributes: about,
    text: 'Package %3 is not ready: it is on no distribution point, so Offer Manager does not offer advertisement "%1" (advertisement ID = %2) to collection %4 yet. It offers it as soon as Distribution Manager has put the package on a distribution point.' },
  { id: 3903, severity: 'info', type: 'detail', origin: 'courier', strings: [...advertisement, 'resources added', 'resources removed', 'resources', 'policy version'], attributes: about,
    text: 'Offer Manager updated the policy of advertisement "%1" (advertisement ID = %2) of package %3 to collection %4: %5 resources gained it and %6 lost it; %7 resources have it (policy version %8).' },
  { id: 3904, severity: 'warning', type: 'milestone', origin: 'courier', strings: [...advertisement, 'reason'], attributes: about,
    text: 'Offer Manager cannot offer advertisement "%1" (advertisement ID = %2) of package %3 to collection %4: %5 It is withdrawn from every resource until that is put right.' },
];

export const offerManagerMessages: ComponentMessages = { component: offerManagerComponent, messages };
