import type { AccessAccountsNodeKinds } from '../features/access-accounts/access-accounts-kinds';
import type { AdvertisementsNodeKinds } from '../features/advertisements/advertisements-kinds';
import type { ClientAgentsNodeKinds } from '../features/client-agents/client-agents-kinds';
import type { AdvertisementStatusNodeKinds } from '../features/advertisement-status/advertisement-status-kinds';
import type { CollectionsNodeKinds } from '../features/collections/collections-kinds';
import type { PackageDistributionNodeKinds } from '../features/package-distribution/package-distribution-kinds';
import type { ComponentStatusNodeKinds } from '../features/component-status/component-status-kinds';
import type { ManagementPointNodeKinds } from '../features/management-point/management-point-kinds';
import type { SiteMaintenanceNodeKinds } from '../features/site-maintenance/site-maintenance-kinds';
import type { NotBuiltNodeKinds } from '../features/not-built/not-built-kinds';
import type { PackagesNodeKinds } from '../features/packages/packages-kinds';
import type { ProgramsNodeKinds } from '../features/programs/programs-kinds';
import type { SiteNodeKinds } from '../features/site/site-kinds';
import type { SiteSystemsNodeKinds } from '../features/site-systems/site-systems-kinds';
import type { StatusQueriesNodeKinds } from '../features/status-queries/status-queries-kinds';

/**
 * Every kind of node in the console tree, with the fields that say which one it is, assembled
 * from each feature's declarations. A feature adds its interface here; the registry then does not
 * compile until some feature registers each new kind.
 */
export interface NodeKinds extends SiteNodeKinds, PackagesNodeKinds, ProgramsNodeKinds, AccessAccountsNodeKinds, PackageDistributionNodeKinds, SiteSystemsNodeKinds, ClientAgentsNodeKinds, CollectionsNodeKinds, AdvertisementsNodeKinds, ManagementPointNodeKinds, SiteMaintenanceNodeKinds, StatusQueriesNodeKinds, ComponentStatusNodeKinds, AdvertisementStatusNodeKinds, NotBuiltNodeKinds {}

export type NodeKind = keyof NodeKinds;

/** A node of one kind: `{ kind: 'package', packageId: 'A0100001' }`. */
export type NodeOf<K extends NodeKind> = { readonly kind: K } & NodeKinds[K];

export type ConsoleNode = { [K in NodeKind]: NodeOf<K> }[NodeKind];
