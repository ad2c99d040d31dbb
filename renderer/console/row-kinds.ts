import type { AccessAccountsRowKinds } from '../features/access-accounts/access-accounts-kinds';
import type { AdvertisementsRowKinds } from '../features/advertisements/advertisements-kinds';
import type { ClientAgentsRowKinds } from '../features/client-agents/client-agents-kinds';
import type { AdvertisementStatusRowKinds } from '../features/advertisement-status/advertisement-status-kinds';
import type { CollectionsRowKinds } from '../features/collections/collections-kinds';
import type { ComponentStatusRowKinds } from '../features/component-status/component-status-kinds';
import type { ManagementPointRowKinds } from '../features/management-point/management-point-kinds';
import type { SiteMaintenanceRowKinds } from '../features/site-maintenance/site-maintenance-kinds';
import type { PackageDistributionRowKinds } from '../features/package-distribution/package-distribution-kinds';
import type { ProgramsRowKinds } from '../features/programs/programs-kinds';
import type { SiteSystemsRowKinds } from '../features/site-systems/site-systems-kinds';
import type { StatusQueriesRowKinds } from '../features/status-queries/status-queries-kinds';
import type { ShellRowKinds } from '../shell/shell-kinds';

/**
 * Every kind of row the details pane lists, with the value each row holds, assembled from the
 * shell's and each feature's declarations.
 */
export interface RowKinds extends ShellRowKinds, ProgramsRowKinds, AccessAccountsRowKinds, SiteSystemsRowKinds, PackageDistributionRowKinds, ClientAgentsRowKinds, CollectionsRowKinds, AdvertisementsRowKinds, ManagementPointRowKinds, SiteMaintenanceRowKinds, StatusQueriesRowKinds, ComponentStatusRowKinds, AdvertisementStatusRowKinds {}

export type RowKind = keyof RowKinds;

export type RowOf<R extends RowKind> = RowKinds[R];

/** A row of the details pane: its kind, and what it shows. */
export type DetailsRow = { [R in RowKind]: { readonly kind: R; readonly value: RowKinds[R] } }[RowKind];

/** Tags values as rows of one kind, for a list's `rows`. */
export function detailsRows<R extends RowKind>(kind: R, values: readonly RowKinds[R][]): readonly DetailsRow[] {
  return values.map((value) => ({ kind, value }) as DetailsRow);
}
