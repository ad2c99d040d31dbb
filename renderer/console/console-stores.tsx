import { createContext, useContext, type ReactNode } from 'react';
import type { AccessAccountsStore } from '../features/access-accounts/access-accounts-store';
import type { AdvertisementsStore } from '../features/advertisements/advertisements-store';
import type { AdvertisementStatusStore } from '../features/advertisement-status/advertisement-status-store';
import type { CollectionsStore } from '../features/collections/collections-store';
import type { ComponentStatusStore } from '../features/component-status/component-status-store';
import type { ManagementPointStore } from '../features/management-point/management-point-store';
import type { PackageDpsStore } from '../features/package-distribution/package-dps-store';
import type { PackagesStore } from '../features/packages/packages-store';
import type { ProgramsStore } from '../features/programs/programs-store';
import type { SiteStore } from '../features/site/site-store';
import type { SiteSystemsStore } from '../features/site-systems/site-systems-store';
import type { StatusQueriesStore } from '../features/status-queries/status-queries-store';

/** What the console holds of the site, one store per feature; made by createConsoleStores. */
export interface ConsoleStores {
  readonly site: SiteStore;
  readonly packages: PackagesStore;
  readonly programs: ProgramsStore;
  readonly accessAccounts: AccessAccountsStore;
  /** Distribution points (and so site systems) and DP groups. */
  readonly siteSystems: SiteSystemsStore;
  readonly packageDps: PackageDpsStore;
  /** Collections and the members of those shown. */
  readonly collections: CollectionsStore;
  readonly advertisements: AdvertisementsStore;
  /** The management point's status and clients, read once a view shows them. */
  readonly managementPoint: ManagementPointStore;
  /** Status Message Queries, read once their node is shown. */
  readonly statusQueries: StatusQueriesStore;
  /** System Status › Component Status and Advertisement Status, read once a view shows them. */
  readonly componentStatus: ComponentStatusStore;
  readonly advertisementStatus: AdvertisementStatusStore;
}

const StoresContext = createContext<ConsoleStores | null>(null);

export function ConsoleStoresProvider({ stores, children }: { readonly stores: ConsoleStores; readonly children: ReactNode }): ReactNode {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The console's stores; read them with zustand's useStore(stores.packages, selector). */
export function useConsoleStores(): ConsoleStores {
  const stores = useContext(StoresContext);
  if (stores === null) throw new Error('No ConsoleStoresProvider above this component: the console window and test helpers provide one.');
  return stores;
}
