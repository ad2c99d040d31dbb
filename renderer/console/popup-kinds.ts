import type { AccessAccountsPopupKinds } from '../features/access-accounts/access-accounts-kinds';
import type { AdvertisementsPopupKinds } from '../features/advertisements/advertisements-kinds';
import type { ClientAgentsPopupKinds } from '../features/client-agents/client-agents-kinds';
import type { CollectionsPopupKinds } from '../features/collections/collections-kinds';
import type { ComponentStatusPopupKinds } from '../features/component-status/component-status-kinds';
import type { DistributeSoftwarePopupKinds } from '../features/distribute-software/distribute-software-kinds';
import type { ManagementPointPopupKinds } from '../features/management-point/management-point-kinds';
import type { SiteMaintenancePopupKinds } from '../features/site-maintenance/site-maintenance-kinds';
import type { PackageDistributionPopupKinds } from '../features/package-distribution/package-distribution-kinds';
import type { PackageImportPopupKinds } from '../features/package-import/package-import-kinds';
import type { PackagesPopupKinds } from '../features/packages/packages-kinds';
import type { ProgramsPopupKinds } from '../features/programs/programs-kinds';
import type { SitePropertiesPopupKinds } from '../features/site-properties/site-properties-kinds';
import type { SiteSystemsPopupKinds } from '../features/site-systems/site-systems-kinds';
import type { StatusViewerPopupKinds } from '../features/status-viewer/status-viewer-kinds';
import type { StatusQueriesPopupKinds } from '../features/status-queries/status-queries-kinds';
import type { ShellPopupKinds } from '../shell/shell-kinds';
import type { LogViewerPopupKinds } from '../features/log-viewer/log-viewer-kinds';

/**
 * Every dialog the console can show (one at a time, like MMC's modal property sheets), with what
 * it is opened on, assembled from the shell's and each feature's declarations.
 */
export interface PopupKinds extends ShellPopupKinds, PackagesPopupKinds, PackageImportPopupKinds, ProgramsPopupKinds, AccessAccountsPopupKinds, SitePropertiesPopupKinds, SiteSystemsPopupKinds, PackageDistributionPopupKinds, ClientAgentsPopupKinds, CollectionsPopupKinds, AdvertisementsPopupKinds, ManagementPointPopupKinds, StatusViewerPopupKinds, StatusQueriesPopupKinds, LogViewerPopupKinds, SiteMaintenancePopupKinds, ComponentStatusPopupKinds, DistributeSoftwarePopupKinds {}

export type PopupKind = keyof PopupKinds;

export type PopupOf<P extends PopupKind> = { readonly kind: P } & PopupKinds[P];

export type Popup = { [P in PopupKind]: PopupOf<P> }[PopupKind];
