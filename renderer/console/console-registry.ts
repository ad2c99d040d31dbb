import { accessAccountsFeature } from '../features/access-accounts/access-accounts-feature';
import { advertisementsFeature } from '../features/advertisements/advertisements-feature';
import { clientAgentsFeature } from '../features/client-agents/client-agents-feature';
import { advertisementStatusFeature } from '../features/advertisement-status/advertisement-status-feature';
import { collectionsFeature } from '../features/collections/collections-feature';
import { componentStatusFeature } from '../features/component-status/component-status-feature';
import { distributeSoftwareFeature } from '../features/distribute-software/distribute-software-feature';
import { managementPointFeature } from '../features/management-point/management-point-feature';
import { siteMaintenanceFeature } from '../features/site-maintenance/site-maintenance-feature';
import { logViewerFeature } from '../features/log-viewer/log-viewer-feature';
import { notBuiltFeature } from '../features/not-built/not-built-feature';
import { statusQueriesFeature } from '../features/status-queries/status-queries-feature';
import { packageDistributionFeature } from '../features/package-distribution/package-distribution-feature';
import { packageImportFeature } from '../features/package-import/package-import-feature';
import { packagesFeature } from '../features/packages/packages-feature';
import { programsFeature } from '../features/programs/programs-feature';
import { siteFeature } from '../features/site/site-feature';
import { sitePropertiesFeature } from '../features/site-properties/site-properties-feature';
import { siteSystemsFeature } from '../features/site-systems/site-systems-feature';
import { statusViewerFeature } from '../features/status-viewer/status-viewer-feature';
import { assembleRegistry } from '../shell/assemble-registry';
import { shellFeature } from '../shell/shell-feature';

/**
 * The console's features. A new feature's registration goes in this list; the list does not
 * compile while a declared kind has no registration.
 */
export const consoleFeatures = [shellFeature, siteFeature, packagesFeature, packageImportFeature, programsFeature, accessAccountsFeature, sitePropertiesFeature, packageDistributionFeature, siteSystemsFeature, clientAgentsFeature, collectionsFeature, advertisementsFeature, managementPointFeature, siteMaintenanceFeature, statusViewerFeature, logViewerFeature, statusQueriesFeature, componentStatusFeature, advertisementStatusFeature, distributeSoftwareFeature, notBuiltFeature] as const;

export const consoleRegistry = assembleRegistry({ kind: 'site-database' }, consoleFeatures);
