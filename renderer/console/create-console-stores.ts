import type { CourierBridge } from '../../core/api';
import { createAccessAccountsStore } from '../features/access-accounts/access-accounts-store';
import { createAdvertisementsStore } from '../features/advertisements/advertisements-store';
import { createAdvertisementStatusStore } from '../features/advertisement-status/advertisement-status-store';
import { createCollectionsStore } from '../features/collections/collections-store';
import { createComponentStatusStore } from '../features/component-status/component-status-store';
import { createManagementPointStore } from '../features/management-point/management-point-store';
import { createPackageDpsStore } from '../features/package-distribution/package-dps-store';
import { createPackagesStore } from '../features/packages/packages-store';
import { createProgramsStore } from '../features/programs/programs-store';
import { createSiteStore } from '../features/site/site-store';
import { createSiteSystemsStore } from '../features/site-systems/site-systems-store';
import { createStatusQueriesStore } from '../features/status-queries/status-queries-store';
import type { ConsoleStores } from './console-stores';

/** The console's stores, reading the site through `bridge`; a console window (or a test) makes one set. */
export function createConsoleStores(bridge: CourierBridge): ConsoleStores {
  const courier = bridge.requests;
  return {
    site: createSiteStore(() => courier['site:info']({})),
    packages: createPackagesStore({
      listPage: (request) => courier['packages:list-page'](request),
      get: (packageId) => courier['packages:get']({ packageId }),
    }),
    programs: createProgramsStore({ list: (packageId) => courier['programs:list']({ packageId }) }),
    accessAccounts: createAccessAccountsStore({ list: (packageId) => courier['access-accounts:list']({ packageId }) }),
    siteSystems: createSiteSystemsStore({
      listDps: () => courier['distribution-points:list']({}),
      listGroups: () => courier['dp-groups:list']({}),
      contentService: () => courier['content-service:get']({}),
    }),
    packageDps: createPackageDpsStore({
      status: (packageId) => courier['packages:status']({ packageId }),
      distributionPoints: () => courier['distribution-points:list']({}),
      summary: () => courier['packages:status-summary']({}),
    }),
    collections: createCollectionsStore({
      list: () => courier['collections:list']({}),
      members: (collectionId) => courier['collections:members']({ collectionId }),
    }),
    advertisements: createAdvertisementsStore({ list: () => courier['advertisements:list']({}) }),
    managementPoint: createManagementPointStore({
      status: () => courier['management-point:status']({}),
      listClients: () => courier['mp-clients:list']({}),
      send: (action, client) => (action === 'reset' ? courier['mp-clients:reset']({ client }) : courier['mp-clients:set-approval']({ client, action })),
    }),
    statusQueries: createStatusQueriesStore({ list: () => courier['status-queries:list']({}) }),
    componentStatus: createComponentStatusStore({ summaries: () => courier['status:summary-components']({}) }),
    advertisementStatus: createAdvertisementStatusStore({ summaries: () => courier['status:summary-advertisements']({}) }),
  };
}
