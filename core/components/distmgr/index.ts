/** SMS_DISTRIBUTION_MANAGER (docs/distribution-manager.md). */
export { createDistributionManager, type DistributionManagerOptions } from './distribution-manager';
export { distributionManagerInbox, distributionManagerLog, distributionManagerName } from './names';
export { archivePathFor, manifestPathFor } from '../../site/package-content';
export { localPathOf, placeFromRow, type DpPlace } from '../../site/dp-location';
