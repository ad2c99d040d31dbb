/** SMS_OFFER_MANAGER (docs/offer-manager.md). */
export { createOfferManager, reconcileOffers, type OfferManagerOptions } from './offer-manager';
export { offerFilesFolder, offerManagerInbox, offerManagerLog, offerManagerName } from './names';
export { processAdvertisement, processAdvertisements, regenerateAllPolicy, type OfferOutcome, type OfferWorkDeps } from './offer-work';
export { regenerateSitePolicy } from './regenerate';
export { offermgrRepositories, type OffermgrRepositories } from './repositories';
export * from './offer-files';
export { offerBodyFormat, type OfferBody, type OfferPackage } from './offer-body';
