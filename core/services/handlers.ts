import { CourierError, type DeploymentPlan, type DeploymentPreviewDto, type ParsedRequestOf, type RequestChannel, type ResponseOf, type SiteInfoDto } from '../api';
import { readMsiFile } from '../content/package-definition-file';
import { listFiles, listFolders } from '../content/server-folders';
import { checkSourceDirectory } from '../content/source-directory';
import { scheduleRuns } from '../domain/schedule-occurrences';
import { decodeSchedules, encodeSchedules } from '../formats/schedule-token-requests';
import type { AccessAccountService } from './access-account-service';
import type { PackageService } from './package-service';
import type { ImportService } from './import-service';
import type { ProgramService } from './program-service';
import type { SiteSettingsService } from './site-settings-service';
import type { ComponentSettingsService } from './component-settings-service';
import type { ClientAgentService } from './client-agent-service';
import type { ContentServiceSettingsService } from './content-service-settings-service';
import type { ContentLocationService } from './content-location/content-location-service';
import type { DistributionPointService } from './distribution-point-service';
import type { DpGroupService } from './dp-group-service';
import type { PackageDistributionService } from './package-distribution-service';
import type { PackageValidationService } from './package-validation-service';
import type { StatusMessageService } from './status-message-service';
import type { StatusQueryService } from './status-query-service';
import type { StatusSummaryService } from './status-summary-service';
import type { ResourceService } from './resources/resource-service';
import type { CollectionService } from './collections/collection-service';
import type { AdvertisementService } from './advertisements/advertisement-service';
import type { PolicyService } from './policy/policy-service';
import type { DeploymentPreviewService } from './deployments/deployment-preview';
import type { MaintenanceWindowService } from './collections/maintenance-window-service';
import type { MpAdminService } from './management-point/mp-admin-service';
import type { LogService } from './log-service';
import type { DeploymentService } from './deployments/deployment-service';

export type Handlers = {
  readonly [C in RequestChannel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

export interface HandlerDeps {
  readonly siteInfo: () => SiteInfoDto;
  readonly packages: PackageService;
  readonly programs: ProgramService;
  readonly accessAccounts: AccessAccountService;
  readonly imports: ImportService;
  readonly siteSettings: SiteSettingsService;
  readonly distributionPoints: DistributionPointService;
  readonly dpGroups: DpGroupService;
  readonly distribution: PackageDistributionService;
  readonly validation: PackageValidationService;
  readonly components: ComponentSettingsService;
  readonly clientAgents: ClientAgentService;
  readonly contentService: ContentServiceSettingsService;
  readonly contentLocation: ContentLocationService;
  readonly statusMessages: StatusMessageService;
  readonly statusSummaries: StatusSummaryService;
  readonly statusQueries: StatusQueryService;
  readonly resources: ResourceService;
  readonly collections: CollectionService;
  readonly advertisements: AdvertisementService;
  readonly policy: PolicyService;
  /** The dry run of an advertisement; the deployment service runs it inside its rolled-back transaction too. */
  readonly deploymentPreview: DeploymentPreviewService;
  readonly maintenanceWindows: MaintenanceWindowService;
  readonly managementPoint: MpAdminService;
  readonly logs: LogService;
  readonly deployments: DeploymentService;
}

/** One handler per contract channel; the mapped type makes a missing one a compile error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { siteInfo, packages, programs, accessAccounts, imports, siteSettings, distributionPoints, dpGroups, distribution, validation, components, clientAgents, contentService, contentLocation, statusMessages, statusSummaries, statusQueries, resources, collections, advertisements, policy, deploymentPreview, maintenanceWindows, managementPoint, logs, deployments } = deps;
  return {
    'site:info': () => siteInfo(),
    'site:path-mappings:list': () => siteSettings.listPathMappings(),
    'site:path-mappings:set': ({ uncPrefix, localPath }) => siteSettings.setPathMapping(uncPrefix, localPath),
    'site:path-mappings:remove': ({ uncPrefix }) => siteSettings.removePathMapping(uncPrefix),
    'site:source-roots:get': () => siteSettings.sourceRoots(),
    'site:source-roots:set': (changes) => siteSettings.setSourceRoots(changes),
    'site:maintenance:get': () => siteSettings.maintenance(),
    'site:maintenance:set': (changes) => siteSettings.setMaintenance(changes),
    'packages:list': () => packages.list(),
    'packages:list-page': (query) => packages.listPage(query),
    'packages:get': ({ packageId }) => packages.get(packageId),
    'packages:create': (input) => packages.create(input),
    'packages:update': ({ packageId, changes }) => packages.update(packageId, changes),
    'packages:delete': ({ packageId }) => packages.delete(packageId),
    'files:list-folders': ({ path }) => listFolders(path, siteSettings.fileAccess()),
    'files:list': ({ path, extensions }) => listFiles(path, extensions, siteSettings.fileAccess()),
    'files:check-source': ({ path }) => checkSourceDirectory(path, siteSettings.fileAccess(), 'path'),
    'files:msi-info': ({ path }) => readMsiFile(path, siteSettings.fileAccess()),
    'programs:list': ({ packageId }) => programs.list(packageId),
    'programs:get': ({ packageId, programName }) => programs.get(packageId, programName),
    'programs:create': ({ packageId, program }) => programs.create(packageId, program),
    'programs:create-device': ({ packageId, program }) => programs.createDevice(packageId, program),
    'programs:update': ({ packageId, programName, changes }) => programs.update(packageId, programName, changes),
    'programs:delete': ({ packageId, programName, deleteAdvertisements }) => programs.delete(packageId, programName, deleteAdvertisements),
    'access-accounts:list': ({ packageId }) => accessAccounts.list(packageId),
    'access-accounts:add': ({ packageId, account, permission }) => accessAccounts.add(packageId, account, permission),
    'access-accounts:update': ({ packageId, accountName, permission }) => accessAccounts.update(packageId, accountName, permission),
    'access-accounts:remove': ({ packageId, accountName }) => accessAccounts.remove(packageId, accountName),
    'definitions:list': () => imports.listBuiltIn(),
    'definitions:inspect': ({ source }) => imports.inspect(source),
    'packages:import': ({ source, sourceFiles, sourceDirectory }) => imports.import(source, sourceFiles, sourceDirectory),
    'distribution-points:list': ({ withoutPackage }) => distributionPoints.list(withoutPackage),
    'distribution-points:get': ({ name }) => distributionPoints.get(name),
    'distribution-points:create': (input) => distributionPoints.create(input),
    'distribution-points:update': ({ name, changes }) => distributionPoints.update(name, changes),
    'distribution-points:delete': ({ name }) => distributionPoints.delete(name),
    'dp-groups:list': () => dpGroups.list(),
    'dp-groups:get': ({ name }) => dpGroups.get(name),
    'dp-groups:create': ({ name, description, members }) => dpGroups.create(name, description, members),
    'dp-groups:update': ({ name, changes }) => dpGroups.update(name, changes),
    'dp-groups:delete': ({ name }) => dpGroups.delete(name),
    'dp-groups:add-member': ({ name, distributionPoint }) => dpGroups.addMember(name, distributionPoint),
    'dp-groups:remove-member': ({ name, distributionPoint }) => dpGroups.removeMember(name, distributionPoint),
    'packages:distribute': ({ packageId, distributionPoints: names, groups }) => distribution.distribute(packageId, names, groups),
    'packages:update-dps': ({ packageId }) => distribution.updateDps(packageId),
    'packages:refresh-dp': ({ packageId, distributionPoint }) => distribution.refresh(packageId, distributionPoint),
    'packages:remove-dp': ({ packageId, distributionPoint }) => distribution.removeDp(packageId, distributionPoint),
    'packages:retry-dp': ({ packageId, distributionPoint }) => distribution.retryNow(packageId, distributionPoint),
    'packages:cancel-dp': ({ packageId, distributionPoint }) => distribution.cancelRetries(packageId, distributionPoint),
    'packages:status': ({ packageId }) => distribution.status(packageId),
    'packages:source-size': ({ packageId }) => distribution.sourceSize(packageId),
    'packages:status-summary': () => distribution.statusSummary(),
    'packages:validate': ({ packageId, distributionPoint, repair }) => validation.validate(packageId, distributionPoint, repair),
    'components:get': () => components.get(),
    'components:set': ({ changes }) => components.set(changes),
    'client-agents:get': () => clientAgents.get(),
    'client-agents:set': ({ changes }) => clientAgents.set(changes),
    'management-point:get': () => managementPoint.get(),
    'management-point:update': ({ changes }) => managementPoint.update(changes),
    'management-point:status': () => managementPoint.status(),
    'mp-clients:list': ({ approval }) => managementPoint.list(approval),
    'mp-clients:get': ({ client }) => managementPoint.detail(client),
    'mp-clients:set-approval': ({ client, action }) => managementPoint.setApproval(client, action),
    'mp-clients:reset': ({ client }) => managementPoint.reset(client),
    'content-service:get': () => contentService.get(),
    'content-service:set': ({ changes }) => contentService.set(changes),
    'site-boundaries:list': () => contentLocation.list(),
    'site-boundaries:create': (input) => contentLocation.create(input),
    'site-boundaries:update': ({ id, changes }) => contentLocation.update(id, changes),
    'site-boundaries:delete': ({ id }) => contentLocation.delete(id),
    'content:locate': (input) => contentLocation.locate(input),
    'status:messages': (query) => statusMessages.query(query),
    'status:message-histogram': (query) => statusMessages.histogram(query),
    'status:summary-packages': (query) => statusSummaries.packages(query),
    'status:summary-advertisements': (query) => statusSummaries.advertisements(query),
    'status:summary-components': (query) => statusSummaries.components(query),
    'status:component-thresholds:get': () => statusSummaries.thresholds(),
    'status:component-thresholds:update': (changes) => statusSummaries.updateThresholds(changes),
    'status:component-reset': (request) => statusSummaries.reset(request),
    'status-queries:list': () => statusQueries.list(),
    'status-queries:get': ({ query }) => statusQueries.get(query),
    'status-queries:create': ({ name, comment, criteria }) => statusQueries.create(name, comment, criteria),
    'status-queries:update': ({ query, changes }) => statusQueries.update(query, changes),
    'status-queries:delete': ({ query }) => statusQueries.delete(query),
    'status-queries:run': (request) => statusQueries.run(request),
    'schedules:next': (request) => scheduleRuns(request, new Date()),
    'schedules:encode': ({ schedules }) => encodeSchedules(schedules),
    'schedules:decode': ({ tokens }) => decodeSchedules(tokens),
    'resources:list': (query) => resources.list(query),
    'resources:get': ({ resourceId }) => resources.get(resourceId),
    'resources:create': (input) => resources.create(input),
    'resources:update': ({ resourceId, changes }) => resources.update(resourceId, changes),
    'resources:delete': ({ resourceId }) => resources.delete(resourceId),
    'resources:import': ({ path, resourceType, skipRefused }) => resources.import(path, resourceType, skipRefused),
    'collections:list': () => collections.list(),
    'collections:get': ({ collectionId }) => collections.get(collectionId),
    'collections:create': (input) => collections.create(input),
    'collections:update': ({ collectionId, changes }) => collections.update(collectionId, changes),
    'collections:delete': ({ collectionId, deleteAdvertisements }) => collections.delete(collectionId, deleteAdvertisements),
    'collections:members': ({ collectionId }) => collections.members(collectionId),
    'collections:update-membership': ({ collectionId, includeSubcollections }) => collections.updateMembership(collectionId, includeSubcollections),
    'collections:add-rule': ({ collectionId, rule }) => collections.addRule(collectionId, rule),
    'collections:preview': (input) => collections.preview(input),
    'collections:remove-rule': ({ collectionId, ruleName, resourceId }) =>
      collections.removeRule(collectionId, { ...(ruleName !== undefined ? { ruleName } : {}), ...(resourceId !== undefined ? { resourceId } : {}) }),
    'advertisements:list': (filter) => advertisements.list(filter),
    'advertisements:get': ({ advertisementId }) => advertisements.get(advertisementId),
    'advertisements:create': (input) => advertisements.create(input),
    'advertisements:update': ({ advertisementId, changes }) => advertisements.update(advertisementId, changes),
    'advertisements:delete': ({ advertisementId }) => advertisements.delete(advertisementId),
    'advertisements:client-states': (query) => advertisements.clientStates(query),
    'advertisements:preview': ({ advertisementId }) => previewAdvertisement(deploymentPreview, distribution, advertisementId),
    'deployments:preview': (plan) => previewPlan(deployments, deploymentPreview, plan),
    'deployments:run': (plan) => deployments.run(plan),
    'policy:show': ({ resource }) => policy.show(resource),
    'collections:maintenance-windows': (query) => maintenanceWindows.forResource(query),
    'logs:list': () => logs.list(),
    'logs:read': ({ names, cursor, limit }) => logs.read(names, cursor, limit),
    'logs:tail': ({ names, limit }) => logs.tail(names, limit),
    'logs:parse-text': ({ name, text }) => logs.parseText(name, text),
  };
}

/**
 * The dry run reads no files, so where no DP has copied the current source version yet the
 * source is measured first, as packages:source-size does; a source that cannot be read leaves
 * the size unknown, and the notices say why.
 */
async function previewAdvertisement(preview: DeploymentPreviewService, distribution: PackageDistributionService, advertisementId: string): Promise<DeploymentPreviewDto> {
  const packageId = preview.packageToMeasure(advertisementId);
  if (packageId === null) return preview.ofAdvertisement(advertisementId);
  try {
    const { files, bytes } = await distribution.sourceSize(packageId);
    return preview.ofAdvertisement(advertisementId, { sourceSize: { files, bytes } });
  } catch (error) {
    if (!(error instanceof CourierError)) throw error;
    return preview.ofAdvertisement(advertisementId, { sourceSizeProblem: error.message });
  }
}

/**
 * The dry run of a plan: the plan applied in a transaction that is rolled back, and read as an
 * advertisement's dry run (or a program's, when it advertises nothing) before the rollback. What
 * the plan would make has no ID yet, so the answer names none for it.
 */
async function previewPlan(deployments: DeploymentService, preview: DeploymentPreviewService, plan: DeploymentPlan): Promise<DeploymentPreviewDto> {
  const dto = await deployments.whatIf(plan, (made) => {
    const options = { addingDps: made.addedDps, ...(made.sourceSize === null ? {} : { sourceSize: made.sourceSize }) };
    return made.advertisementId === null ? preview.ofProgram(made.packageId, made.programName, options) : preview.ofAdvertisement(made.advertisementId, options);
  });
  const target = plan.advertisement?.target;
  return {
    ...dto,
    advertisementId: null,
    packageId: plan.package.kind === 'existing' ? dto.packageId : null,
    collection: dto.collection && target?.kind === 'newCollection' ? { ...dto.collection, collectionId: null } : dto.collection,
  };
}
