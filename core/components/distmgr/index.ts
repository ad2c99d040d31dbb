/** SMS_DISTRIBUTION_MANAGER (docs/distribution-manager.md). */
export { createDistributionManager, type DistributionManagerOptions } from './distribution-manager';
export { distributionManagerInbox, distributionManagerLog, distributionManagerName } from './names';
export { archivePathFor, manifestPathFor } from './package-source';
export { localPathOf, placeFromRow, type DpPlace } from './dp-location';
