import {
  isRequestChannel,
  requestChannels,
  requestSchemas,
  type ApiResult,
  type CourierClient,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type SiteInfoDto,
} from './api';
import { AccessAccountRepository } from './db/repositories/access-account-repository';
import { PackageRepository } from './db/repositories/package-repository';
import { ProgramRepository } from './db/repositories/program-repository';
import { SiteRepository } from './db/repositories/site-repository';
import { SiteSettingsRepository } from './db/repositories/site-settings-repository';
import { ComponentSettingsRepository } from './db/repositories/component-settings-repository';
import { ClientAgentRepository } from './db/repositories/client-agent-repository';
import { ContentServiceRepository } from './db/repositories/content-service-repository';
import { DistributionPointRepository } from './db/repositories/distribution-point-repository';
import { DpGroupRepository } from './db/repositories/dp-group-repository';
import { StatusSummaryRepository } from './db/repositories/status-summary-repository';
import { PackageDpRepository } from './db/repositories/package-dp-repository';
import { ResourceRepository } from './db/repositories/resource-repository';
import { CollectionRepository } from './db/repositories/collection-repository';
import { MembershipRepository } from './db/repositories/membership-repository';
import { AdvertisementRepository } from './db/repositories/advertisement-repository';
import { AdvertisementClientStateRepository } from './db/repositories/advertisement-client-state-repository';
import { OfferRepository } from './db/repositories/offer-repository';
import { PolicyRepository } from './db/repositories/policy-repository';
import { DeploymentPreviewRepository } from './db/repositories/deployment-preview-repository';
import { DeploymentPreviewService } from './services/deployments/deployment-preview';
import { AdvertisementService } from './services/advertisements/advertisement-service';
import { PolicyService } from './services/policy/policy-service';
import { ResourceService } from './services/resources/resource-service';
import { CollectionMembership } from './services/collections/collection-membership';
import { MpClientRepository } from './db/repositories/mp-client-repository';
import { MpRefusalRepository } from './db/repositories/mp-refusal-repository';
import { StatusRetentionRepository } from './db/repositories/status-retention-repository';
import { MpSettingsRepository } from './db/repositories/mp-settings-repository';
import { MpAdminService } from './services/management-point/mp-admin-service';
import { MaintenanceWindowService } from './services/collections/maintenance-window-service';
import { CollectionService } from './services/collections/collection-service';
import { queryRuleResourceIds } from './services/collections/query-rules';
import { ComponentSettingsService } from './services/component-settings-service';
import { ClientAgentService } from './services/client-agent-service';
import { ContentServiceSettingsService } from './services/content-service-settings-service';
import { ContentLocationService } from './services/content-location/content-location-service';
import { SiteBoundaryRepository } from './db/repositories/site-boundary-repository';
import { DistributionPointService } from './services/distribution-point-service';
import { DpGroupService } from './services/dp-group-service';
import { PackageDistributionService } from './services/package-distribution-service';
import { PackageValidationService } from './services/package-validation-service';
import { siteFileGate, type FileGate } from './content/file-gate';
import { SiteSettingsService } from './services/site-settings-service';
import { StatusMessageService } from './services/status-message-service';
import { StatusQueryService } from './services/status-query-service';
import { StatusQueryRepository } from './db/repositories/status-query-repository';
import { StatusSummaryService } from './services/status-summary-service';
import { LogService } from './services/log-service';
import { AccessAccountService } from './services/access-account-service';
import { EventFeed } from './services/event-feed';
import { createHandlers, type Handlers } from './services/handlers';
import { PackageService } from './services/package-service';
import { ProgramService } from './services/program-service';
import { ImportService } from './services/import-service';
import { DeploymentService } from './services/deployments/deployment-service';
import { toFailure } from './services/request-failure';
import { EventHub } from './services/event-hub';
import { currentRequest, withRequestScope } from './services/request-scope';
import { openSitePlumbing, recoverInboxes } from './site/site-plumbing';
import { defaultDefinitionsDir } from './site/definitions-dir';
import { validationError } from './domain/validation';
import { openSite } from './site/open-site';
import { createSiteLog } from './site/site-log';

export { defaultSite, initSite } from './site/open-site';
export { defaultDataDir, resolveDataDir } from './site/data-dir';

export interface CoreOptions {
  /** Holds courier.db and the site root (SMS/Inboxes, SMS/Logs). Created when missing. */
  readonly dataDir: string;
  /** Clock for tests. */
  readonly now?: () => Date;
  /** The built-in package definitions (assets/package-definitions); found beside the sources when omitted. */
  readonly definitionsDir?: string;
  /** How often the core looks for events committed by other processes, once something listens. */
  readonly eventPollMs?: number;
  /** The gate of the site server's file operations; one per process (the default) unless a test needs its own limits. */
  readonly fileGate?: FileGate;
}

export interface Core {
  readonly site: SiteInfoDto;
  /** Validates `payload` against the channel's schema, runs the service, never throws. */
  invoke(channel: string, payload: unknown): Promise<ApiResult<unknown>>;
  /** The same, typed per channel: what the CLI and tests use. */
  readonly client: CourierClient;
  on<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void;
  close(): void;
}

/**
 * Requests that wrap the settings in an object: their field errors name the setting alone
 * (`runMode`, not `changes.runMode`), as the services' rule errors do, so forms and the CLI
 * can point at one field whichever check found it.
 */
const fieldPrefixOf: Partial<Record<RequestChannel, string>> = {
  'packages:update': 'changes',
  'programs:update': 'changes',
  'programs:create': 'program',
  'programs:create-device': 'program',
  'distribution-points:update': 'changes',
  'dp-groups:update': 'changes',
  'components:set': 'changes',
  'client-agents:set': 'changes',
  'management-point:update': 'changes',
  'content-service:set': 'changes',
  'site-boundaries:update': 'changes',
  'resources:update': 'changes',
  'collections:update': 'changes',
  'advertisements:update': 'changes',
};

/**
 * The services behind the contract, for what calls them in-process besides the handlers: the
 * tests of DeploymentService.whatIf, which the dry run's channel reaches once its reader is built.
 */
export interface CoreServices {
  readonly deployments: DeploymentService;
  readonly packages: PackageService;
  readonly programs: ProgramService;
  readonly distribution: PackageDistributionService;
  readonly collections: CollectionService;
  readonly advertisements: AdvertisementService;
}

/** Wires the site, its database, the services and the handlers: the single entry of every transport. */
export function createCore(options: CoreOptions): Core {
  return createCoreWithServices(options).core;
}

/** createCore, with its services beside it. */
export function createCoreWithServices(options: CoreOptions): { core: Core; services: CoreServices } {
  const now = options.now ?? (() => new Date());
  const site = openSite(options.dataDir, now);
  const log = createSiteLog(site.root, now);
  const provider = { file: 'smsprov.log', component: 'SMS_PROVIDER' } as const;
  const hub = new EventHub();
  const plumbing = openSitePlumbing({ db: site.db, root: site.root, log, logAs: provider, now, listeners: hub, request: currentRequest });
  const { work } = plumbing;
  const feed = new EventFeed({ events: plumbing.events, hub, origin: plumbing.origin, pollMs: options.eventPollMs ?? 250 });
  const repositories = {
    packages: new PackageRepository(site.db),
    programs: new ProgramRepository(site.db),
    accessAccounts: new AccessAccountRepository(site.db),
    site: new SiteRepository(site.db),
    settings: new SiteSettingsRepository(site.db),
    distributionPoints: new DistributionPointRepository(site.db),
    dpGroups: new DpGroupRepository(site.db),
    packageDps: new PackageDpRepository(site.db),
    componentSettings: new ComponentSettingsRepository(site.db),
    clientAgents: new ClientAgentRepository(site.db),
    contentService: new ContentServiceRepository(site.db),
    siteBoundaries: new SiteBoundaryRepository(site.db),
    resources: new ResourceRepository(site.db),
    collections: new CollectionRepository(site.db),
    memberships: new MembershipRepository(site.db),
    advertisements: new AdvertisementRepository(site.db),
    advertisementClientStates: new AdvertisementClientStateRepository(site.db),
    policy: new PolicyRepository(site.db),
    offers: new OfferRepository(site.db),
  };
  const siteSettings = new SiteSettingsService({
    settings: repositories.settings,
    statusRetention: new StatusRetentionRepository(site.db),
    work,
    now,
    platform: process.platform,
    gate: options.fileGate ?? siteFileGate,
  });
  const fileAccess = () => siteSettings.fileAccess();
  const shared = { packages: repositories.packages, work, now };
  const packages = new PackageService({
    ...shared,
    advertisements: repositories.advertisements,
    site: repositories.site,
    fileAccess,
    siteCode: site.record.siteCode,
    programs: repositories.programs,
    accessAccounts: repositories.accessAccounts,
    packageDps: repositories.packageDps,
    distributionPoints: repositories.distributionPoints,
  });
  // Programs take their advertisements with them when deleted, so advertisements come first.
  const advertisements = new AdvertisementService({
    siteCode: site.record.siteCode,
    advertisements: repositories.advertisements,
    packages: repositories.packages,
    programs: repositories.programs,
    collections: repositories.collections,
    packageDps: repositories.packageDps,
    clientAgents: repositories.clientAgents,
    clientStates: repositories.advertisementClientStates,
    site: repositories.site,
    work,
    now,
  });
  const programs = new ProgramService({ ...shared, programs: repositories.programs, advertisements });
  const accessAccounts = new AccessAccountService({ ...shared, accounts: repositories.accessAccounts });
  const imports = new ImportService({
    packages,
    programs,
    work,
    definitionsDir: options.definitionsDir ?? defaultDefinitionsDir(),
    fileAccess,
  });
  const statusMessages = new StatusMessageService({ messages: plumbing.statusMessages, now });
  const distributionPoints = new DistributionPointService({
    ...shared,
    siteCode: site.record.siteCode,
    dps: repositories.distributionPoints,
    groups: repositories.dpGroups,
    packageDps: repositories.packageDps,
    fileAccess,
  });
  const dpGroups = new DpGroupService({ groups: repositories.dpGroups, dps: distributionPoints, work, now });
  const distribution = new PackageDistributionService({ ...shared, packageDps: repositories.packageDps, dps: distributionPoints, groups: dpGroups, fileAccess });
  const validation = new PackageValidationService({
    packages: repositories.packages,
    packageDps: repositories.packageDps,
    dps: repositories.distributionPoints,
    settings: repositories.componentSettings,
    root: site.root,
    fileAccess,
  });
  const components = new ComponentSettingsService({ settings: repositories.componentSettings, work, now, fileAccess });
  const clientAgents = new ClientAgentService({ agents: repositories.clientAgents, advertisements: repositories.advertisements, work, now });
  // Query rules are compiled to SQL (docs/wql.md) and evaluated in the database.
  const membership = new CollectionMembership({ collections: repositories.collections, memberships: repositories.memberships, now, evaluateQueryRule: queryRuleResourceIds });
  const resources = new ResourceService({ resources: repositories.resources, collections: repositories.collections, membership, work, now, fileAccess });
  const collections = new CollectionService({
    siteCode: site.record.siteCode,
    collections: repositories.collections,
    // Deleting a collection may take its advertisements with it, through their own removal.
    advertisements,
    resources: repositories.resources,
    membership,
    site: repositories.site,
    work,
    now,
  });
  const policy = new PolicyService({ policy: repositories.policy, collections: repositories.collections, advertisements: repositories.advertisements, offers: repositories.offers, packages: repositories.packages });
  // The dry run of an advertisement reads what the pipelines read; deployments:preview runs it inside its rolled-back transaction.
  const deploymentPreview = new DeploymentPreviewService({
    advertisements: repositories.advertisements,
    packages: repositories.packages,
    programs: repositories.programs,
    collections: repositories.collections,
    packageDps: repositories.packageDps,
    distributionPoints: repositories.distributionPoints,
    boundaries: repositories.siteBoundaries,
    clientAgents: repositories.clientAgents,
    preview: new DeploymentPreviewRepository(site.db),
    now,
  });
  const deployments = new DeploymentService({ packages, imports, programs, distribution, collections, advertisements, work, now });
  const handlers: Handlers = createHandlers({
    siteInfo: () => site.info,
    packages,
    programs,
    accessAccounts,
    imports,
    siteSettings,
    distributionPoints,
    dpGroups,
    distribution,
    validation,
    components,
    clientAgents,
    contentService: new ContentServiceSettingsService({ settings: repositories.contentService, work, now, fileAccess }),
    contentLocation: new ContentLocationService({
      boundaries: repositories.siteBoundaries,
      contentService: repositories.contentService,
      policy: repositories.policy,
      resources: repositories.resources,
      advertisements: repositories.advertisements,
      packages: repositories.packages,
      work,
      now,
    }),
    statusMessages,
    statusQueries: new StatusQueryService({ queries: new StatusQueryRepository(site.db), messages: statusMessages, work, now, siteCode: site.record.siteCode }),
    statusSummaries: new StatusSummaryService({
      summaries: new StatusSummaryRepository(site.db),
      advertisements: repositories.advertisements,
      clientStates: repositories.advertisementClientStates,
      work,
      now,
    }),
    resources,
    collections,
    advertisements,
    policy,
    deploymentPreview,
    maintenanceWindows: new MaintenanceWindowService({ memberships: repositories.memberships, resources: repositories.resources, now }),
    managementPoint: new MpAdminService({ settings: new MpSettingsRepository(site.db), clients: new MpClientRepository(site.db), refusals: new MpRefusalRepository(site.db), resources: repositories.resources, offers: repositories.offers, work, now }),
    logs: new LogService({ folder: site.root.logs }),
    deployments,
  });
  recoverInboxes(plumbing, site.root, (text) => log.write(provider.file, provider.component, text), now().getTime());
  let closed = false;

  async function invoke(channel: string, payload: unknown): Promise<ApiResult<unknown>> {
    if (closed) return { ok: false, error: { code: 'INTERNAL', message: 'The site has been closed.' } };
    if (!isRequestChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no request "${channel}".` } };
    }
    return withRequestScope(async (request) => {
      try {
        const parsed = requestSchemas[channel].safeParse(payload ?? {});
        if (!parsed.success) throw validationError(parsed.error, fieldPrefixOf[channel]);
        const handler = handlers[channel] as (request: unknown) => unknown;
        const value = await handler(parsed.data);
        return request.notices.length > 0 ? { ok: true, value, notices: [...request.notices] } : { ok: true, value };
      } catch (error) {
        return toFailure(error, channel, log, request.committed);
      }
    });
  }

  const client = Object.fromEntries(
    requestChannels.map((channel: RequestChannel) => [channel, (request: unknown) => invoke(channel, request)]),
  ) as unknown as CourierClient;

  const core: Core = {
    site: site.info,
    invoke,
    client,
    on(channel, listener) {
      // Tailing starts with the first listener: a CLI command that listens to nothing never polls.
      feed.start();
      return hub.on(channel, listener);
    },
    close() {
      if (closed) return;
      closed = true;
      feed.stop();
      work.close();
      site.db.close();
    },
  };
  return { core, services: { deployments, packages, programs, distribution, collections, advertisements } };
}
