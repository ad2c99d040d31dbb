import { distributionManagerComponent } from '../../domain/status-messages/distribution-manager';

/** SMS_DISTRIBUTION_MANAGER: as the suite names the component, its inbox and its log. */
export const distributionManagerName = distributionManagerComponent;
export const distributionManagerInbox = 'Distmgr.box';
export const distributionManagerLog = 'distmgr.log';
