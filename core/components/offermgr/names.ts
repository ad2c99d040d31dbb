import { offerManagerComponent } from '../../domain/status-messages/offer-manager';

/** SMS_OFFER_MANAGER: as the suite names the component, its inbox and its log. */
export const offerManagerName = offerManagerComponent;
export const offerManagerInbox = 'Offermgr.box';
export const offerManagerLog = 'offermgr.log';
/** Where the offers, instructions and lookup files go for the management point. */
export const offerFilesFolder = 'Offerinf.box';
