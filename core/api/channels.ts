import { z } from 'zod';
import { maintenanceWindowQuerySchema, type ResourceMaintenanceWindowsDto } from './maintenance-windows';
import { requestChannelNames, type RequestChannelName } from './channel-names';
import type { ApiResult } from './errors';
import type { FileListDto, FolderListDto, SourceCheckDto } from './files';
import { fileListSchema, folderListSchema, msiInfoSchema, sourceCheckSchema } from './files';
import type { PackageDeletedDto, PackageDto } from './packages';
import { packageCreateSchema, packageRefSchema, packageUpdateSchema } from './packages';
import type { PackageListPageDto } from './package-list';
import { packageListPageSchema } from './package-list';
import type { PathMappingDto, SiteInfoDto, SiteMaintenanceDto, SourceRootsDto } from './site';
import { pathMappingRemoveSchema, pathMappingSetSchema, siteMaintenanceSetSchema, sourceRootsSetSchema } from './site';
import type { ProgramDeletedDto, ProgramDto } from './programs';
import {
  deviceProgramCreateSchema,
  programCreateSchema,
  programDeleteSchema,
  programListSchema,
  programRefSchema,
  programUpdateSchema,
} from './programs';
import type { AccessAccountDto } from './access-accounts';
import type { BuiltInDefinitionDto, DefinitionPreviewDto, MsiInfoDto, PackageImportedDto } from './imports';
import { definitionInspectSchema, packageImportSchema } from './imports';
import type { DistributionManagerSettingsDto, DistributionPlanDto, DistributionPointDto, DpDeletedDto, DpGroupDto, PackageDpStatusDto, PackageSourceSizeDto, PackageStatusCountsDto, PackageStatusDto, PackageValidationDto } from './distribution-points';
import {
  componentRefSchema,
  componentSetSchema,
  dpCreateSchema,
  dpGroupCreateSchema,
  dpGroupMemberSchema,
  dpGroupRefSchema,
  dpGroupUpdateSchema,
  dpListSchema,
  dpRefSchema,
  dpUpdateSchema,
  packageDistributeSchema,
  packageDpRefSchema,
  packageStatusSchema,
  packageValidateSchema,
} from './distribution-points';
import type { AdvertisedProgramsAgentDto } from './client-agents';
import { clientAgentRefSchema, clientAgentSetSchema } from './client-agents';
import type { MpClientDetailDto, MpClientDto, MpSettingsDto, MpStatusDto } from './management-point';
import { mpClientListSchema, mpClientRefSchema, mpClientSetApprovalSchema, mpSettingsUpdateSchema } from './management-point';
import type { AdvertisementClientStatesDto } from './advertisement-client-states';
import { advertisementClientStatesQuerySchema } from './advertisement-client-states';
import type { ContentServiceDto } from './content-service';
import { contentServiceSetSchema } from './content-service';
import type { ContentLocationDto, SiteBoundaryDto } from './site-boundaries';
import { contentLocateSchema, siteBoundaryCreateSchema, siteBoundaryRefSchema, siteBoundaryUpdateSchema } from './site-boundaries';
import type { StatusMessageHistogramDto, StatusMessagePageDto } from './status-messages';
import { statusMessageHistogramQuerySchema, statusMessageQuerySchema } from './status-messages';
import type { StatusQueryDto } from './status-queries';
import { statusQueryCreateSchema, statusQueryRefSchema, statusQueryRunSchema, statusQueryUpdateSchema } from './status-queries';
import type { AdvertisementSummaryDto, ComponentSummariesDto, ComponentThresholdsDto, PackageSummaryDto } from './status-summaries';
import {
  advertisementSummaryQuerySchema,
  componentResetSchema,
  componentSummaryQuerySchema,
  componentThresholdsUpdateSchema,
  packageSummaryQuerySchema,
} from './status-summaries';
import type { DecodedSchedulesDto, ScheduleRunsDto, ScheduleTokensDto } from './custom-schedule';
import { scheduleDecodeSchema, scheduleEncodeSchema, scheduleNextSchema } from './custom-schedule';
import { accessAccountAddSchema, accessAccountListSchema, accessAccountRemoveSchema, accessAccountUpdateSchema } from './access-accounts';

import type { ResourceDeletedDto, ResourceDto, ResourceImportDto } from './resources';
import { resourceCreateSchema, resourceImportSchema, resourceListSchema, resourceRefSchema, resourceUpdateSchema } from './resources';
import type { CollectionDeletedDto, CollectionDto, CollectionMemberDto, CollectionPreviewDto, MembershipUpdateDto } from './collections';
import type { AdvertisementDeletedDto, AdvertisementDto } from './advertisements';
import { advertisementCreateSchema, advertisementListSchema, advertisementRefSchema, advertisementUpdateSchema } from './advertisements';
import type { DeploymentPreviewDto, DeploymentResultDto } from './deployments';
import { advertisementPreviewSchema, deploymentPlanSchema } from './deployments';
import type { PolicyDto } from './policy';
import { policyShowSchema } from './policy';
import type { LogListDto, LogPageDto, ParsedLogTextDto } from './logs';
import { logListSchema, logParseTextSchema, logReadSchema, logTailSchema } from './logs';
import {
  collectionAddRuleSchema,
  collectionCreateSchema,
  collectionDeleteSchema,
  collectionMembershipSchema,
  collectionPreviewSchema,
  collectionRefSchema,
  collectionRemoveRuleSchema,
  collectionUpdateSchema,
} from './collections';

const empty = z.strictObject({});

/**
 * Every request channel and the schema its payload must pass. Transports are built from this
 * map: the Electron handlers, the preload bridge, the HTTP host and the renderer client.
 */
export const requestSchemas = {
  'site:info': empty,
  'site:path-mappings:list': empty,
  'site:path-mappings:set': pathMappingSetSchema,
  'site:path-mappings:remove': pathMappingRemoveSchema,
  'site:source-roots:get': empty,
  'site:source-roots:set': sourceRootsSetSchema,
  'site:maintenance:get': empty,
  'site:maintenance:set': siteMaintenanceSetSchema,
  'packages:list': empty,
  'packages:list-page': packageListPageSchema,
  'packages:get': packageRefSchema,
  'packages:create': packageCreateSchema,
  'packages:update': packageUpdateSchema,
  'packages:delete': packageRefSchema,
  'files:list-folders': folderListSchema,
  'files:list': fileListSchema,
  'files:check-source': sourceCheckSchema,
  'files:msi-info': msiInfoSchema,
  'programs:list': programListSchema,
  'programs:get': programRefSchema,
  'programs:create': programCreateSchema,
  'programs:create-device': deviceProgramCreateSchema,
  'programs:update': programUpdateSchema,
  'programs:delete': programDeleteSchema,
  'access-accounts:list': accessAccountListSchema,
  'access-accounts:add': accessAccountAddSchema,
  'access-accounts:update': accessAccountUpdateSchema,
  'access-accounts:remove': accessAccountRemoveSchema,
  'definitions:list': empty,
  'definitions:inspect': definitionInspectSchema,
  'packages:import': packageImportSchema,
  'distribution-points:list': dpListSchema,
  'distribution-points:get': dpRefSchema,
  'distribution-points:create': dpCreateSchema,
  'distribution-points:update': dpUpdateSchema,
  'distribution-points:delete': dpRefSchema,
  'dp-groups:list': empty,
  'dp-groups:get': dpGroupRefSchema,
  'dp-groups:create': dpGroupCreateSchema,
  'dp-groups:update': dpGroupUpdateSchema,
  'dp-groups:delete': dpGroupRefSchema,
  'dp-groups:add-member': dpGroupMemberSchema,
  'dp-groups:remove-member': dpGroupMemberSchema,
  'packages:distribute': packageDistributeSchema,
  'packages:update-dps': packageStatusSchema,
  'packages:refresh-dp': packageDpRefSchema,
  'packages:remove-dp': packageDpRefSchema,
  'packages:retry-dp': packageDpRefSchema,
  'packages:cancel-dp': packageDpRefSchema,
  'packages:status': packageStatusSchema,
  'packages:source-size': packageStatusSchema,
  'packages:status-summary': empty,
  'packages:validate': packageValidateSchema,
  'components:get': componentRefSchema,
  'components:set': componentSetSchema,
  'client-agents:get': clientAgentRefSchema,
  'client-agents:set': clientAgentSetSchema,
  'management-point:get': empty,
  'management-point:update': mpSettingsUpdateSchema,
  'management-point:status': empty,
  'mp-clients:list': mpClientListSchema,
  'mp-clients:get': mpClientRefSchema,
  'mp-clients:set-approval': mpClientSetApprovalSchema,
  'mp-clients:reset': mpClientRefSchema,
  'content-service:get': empty,
  'content-service:set': contentServiceSetSchema,
  'site-boundaries:list': empty,
  'site-boundaries:create': siteBoundaryCreateSchema,
  'site-boundaries:update': siteBoundaryUpdateSchema,
  'site-boundaries:delete': siteBoundaryRefSchema,
  'content:locate': contentLocateSchema,
  'status:messages': statusMessageQuerySchema,
  'status:message-histogram': statusMessageHistogramQuerySchema,
  'status:summary-packages': packageSummaryQuerySchema,
  'status:summary-advertisements': advertisementSummaryQuerySchema,
  'status:summary-components': componentSummaryQuerySchema,
  'status:component-thresholds:get': empty,
  'status:component-thresholds:update': componentThresholdsUpdateSchema,
  'status:component-reset': componentResetSchema,
  'status-queries:list': empty,
  'status-queries:get': statusQueryRefSchema,
  'status-queries:create': statusQueryCreateSchema,
  'status-queries:update': statusQueryUpdateSchema,
  'status-queries:delete': statusQueryRefSchema,
  'status-queries:run': statusQueryRunSchema,
  'schedules:next': scheduleNextSchema,
  'schedules:encode': scheduleEncodeSchema,
  'schedules:decode': scheduleDecodeSchema,
  'resources:list': resourceListSchema,
  'resources:get': resourceRefSchema,
  'resources:create': resourceCreateSchema,
  'resources:update': resourceUpdateSchema,
  'resources:delete': resourceRefSchema,
  'resources:import': resourceImportSchema,
  'collections:list': empty,
  'collections:get': collectionRefSchema,
  'collections:create': collectionCreateSchema,
  'collections:update': collectionUpdateSchema,
  'collections:delete': collectionDeleteSchema,
  'collections:members': collectionRefSchema,
  'collections:update-membership': collectionMembershipSchema,
  'collections:add-rule': collectionAddRuleSchema,
  'collections:remove-rule': collectionRemoveRuleSchema,
  'collections:preview': collectionPreviewSchema,
  'collections:maintenance-windows': maintenanceWindowQuerySchema,
  'advertisements:list': advertisementListSchema,
  'advertisements:get': advertisementRefSchema,
  'advertisements:create': advertisementCreateSchema,
  'advertisements:update': advertisementUpdateSchema,
  'advertisements:delete': advertisementRefSchema,
  'advertisements:client-states': advertisementClientStatesQuerySchema,
  'advertisements:preview': advertisementPreviewSchema,
  'deployments:preview': deploymentPlanSchema,
  'deployments:run': deploymentPlanSchema,
  'policy:show': policyShowSchema,
  'logs:list': logListSchema,
  'logs:read': logReadSchema,
  'logs:tail': logTailSchema,
  'logs:parse-text': logParseTextSchema,
} as const satisfies Record<string, z.ZodType>;

/** What each request channel answers with. */
export interface ResponseMap {
  'site:info': SiteInfoDto;
  'site:path-mappings:list': readonly PathMappingDto[];
  'site:path-mappings:set': PathMappingDto;
  /** The mappings left. */
  'site:path-mappings:remove': readonly PathMappingDto[];
  'site:source-roots:get': SourceRootsDto;
  'site:source-roots:set': SourceRootsDto;
  'site:maintenance:get': SiteMaintenanceDto;
  'site:maintenance:set': SiteMaintenanceDto;
  'packages:list': readonly PackageDto[];
  /** What the console's Packages list shows, a page at a time; packages:list has every field. */
  'packages:list-page': PackageListPageDto;
  'packages:get': PackageDto;
  'packages:create': PackageDto;
  'packages:update': PackageDto;
  'packages:delete': PackageDeletedDto;
  'files:list-folders': FolderListDto;
  'files:list': FileListDto;
  'files:check-source': SourceCheckDto;
  'files:msi-info': MsiInfoDto;
  'programs:list': readonly ProgramDto[];
  'programs:get': ProgramDto;
  'programs:create': ProgramDto;
  'programs:create-device': ProgramDto;
  'programs:update': ProgramDto;
  'programs:delete': ProgramDeletedDto;
  'access-accounts:list': readonly AccessAccountDto[];
  'access-accounts:add': AccessAccountDto;
  'access-accounts:update': AccessAccountDto;
  /** The accounts left on the package. */
  'access-accounts:remove': readonly AccessAccountDto[];
  'definitions:list': readonly BuiltInDefinitionDto[];
  'definitions:inspect': DefinitionPreviewDto;
  'packages:import': PackageImportedDto;
  'distribution-points:list': readonly DistributionPointDto[];
  'distribution-points:get': DistributionPointDto;
  'distribution-points:create': DistributionPointDto;
  'distribution-points:update': DistributionPointDto;
  'distribution-points:delete': DpDeletedDto;
  'dp-groups:list': readonly DpGroupDto[];
  'dp-groups:get': DpGroupDto;
  'dp-groups:create': DpGroupDto;
  'dp-groups:update': DpGroupDto;
  /** The groups left. */
  'dp-groups:delete': readonly DpGroupDto[];
  'dp-groups:add-member': DpGroupDto;
  'dp-groups:remove-member': DpGroupDto;
  'packages:distribute': DistributionPlanDto;
  'packages:update-dps': DistributionPlanDto;
  'packages:refresh-dp': DistributionPlanDto;
  'packages:remove-dp': DistributionPlanDto;
  'packages:retry-dp': PackageDpStatusDto;
  'packages:cancel-dp': PackageDpStatusDto;
  'packages:status': PackageStatusDto;
  'packages:source-size': PackageSourceSizeDto;
  'packages:status-summary': readonly PackageStatusCountsDto[];
  'packages:validate': PackageValidationDto;
  'components:get': DistributionManagerSettingsDto;
  'components:set': DistributionManagerSettingsDto;
  'client-agents:get': AdvertisedProgramsAgentDto;
  'client-agents:set': AdvertisedProgramsAgentDto;
  /** The management point's settings (docs/management-point.md). */
  'management-point:get': MpSettingsDto;
  'management-point:update': MpSettingsDto;
  /** Whether SMS_MP_CONTROL_MANAGER listens, where, and its clients. */
  'management-point:status': MpStatusDto;
  /** The registered clients by name; `approval` lists only those. */
  'mp-clients:list': readonly MpClientDto[];
  /** One client's registration in full (its Properties in Pending Approval). */
  'mp-clients:get': MpClientDetailDto;
  'mp-clients:set-approval': MpClientDto;
  /** The client's secret is forgotten: its next registration is accepted without one. */
  'mp-clients:reset': MpClientDto;
  /** The content service's settings and where it listens now. */
  'content-service:get': ContentServiceDto;
  'content-service:set': ContentServiceDto;
  /** By kind, then value. */
  'site-boundaries:list': readonly SiteBoundaryDto[];
  'site-boundaries:create': SiteBoundaryDto;
  'site-boundaries:update': SiteBoundaryDto;
  /** The boundaries left. */
  'site-boundaries:delete': readonly SiteBoundaryDto[];
  /** The DPs a client takes a package's content from, in order, and why. */
  'content:locate': ContentLocationDto;
  /** One page of status messages, newest first unless asked otherwise. */
  'status:messages': StatusMessagePageDto;
  'status:message-histogram': StatusMessageHistogramDto;
  /** Package Status: every package (or one, with its DPs), with its DP counts in all and per site. */
  'status:summary-packages': readonly PackageSummaryDto[];
  /** Advertisement Status: every advertisement (or one), the counts of its clients' messages in all and per site. */
  'status:summary-advertisements': readonly AdvertisementSummaryDto[];
  /** Component Status: each component's message counts since its threshold time and its status. */
  'status:summary-components': ComponentSummariesDto;
  'status:component-thresholds:get': ComponentThresholdsDto;
  'status:component-thresholds:update': ComponentThresholdsDto;
  /** The components' summaries after the reset. */
  'status:component-reset': ComponentSummariesDto;
  /** The built-in queries, then the site's own by name. */
  'status-queries:list': readonly StatusQueryDto[];
  'status-queries:get': StatusQueryDto;
  'status-queries:create': StatusQueryDto;
  'status-queries:update': StatusQueryDto;
  /** The queries left. */
  'status-queries:delete': readonly StatusQueryDto[];
  /** One page of the query's messages with its prompts filled, paged as status:messages. */
  'status-queries:run': StatusMessagePageDto;
  /** The next run times of schedules as the site server computes them (its time zone for local ones). */
  'schedules:next': ScheduleRunsDto;
  /** The tokens of schedule objects, as `courier schedule encode` writes them. */
  'schedules:encode': ScheduleTokensDto;
  /** Schedule objects from tokens, as `courier schedule decode` reads them. */
  'schedules:decode': DecodedSchedulesDto;
  /** In name order; `search` matches part of the name. */
  'resources:list': readonly ResourceDto[];
  'resources:get': ResourceDto;
  'resources:create': ResourceDto;
  'resources:update': ResourceDto;
  'resources:delete': ResourceDeletedDto;
  /** Counts, and every refused row with its reasons (nothing is imported when one is refused, unless skipRefused). */
  'resources:import': ResourceImportDto;
  'collections:list': readonly CollectionDto[];
  'collections:get': CollectionDto;
  'collections:create': CollectionDto;
  'collections:update': CollectionDto;
  /** What went: the collection and its own subcollections, and the links removed. */
  'collections:delete': CollectionDeletedDto;
  /** As of the last membership update, in name order. */
  'collections:members': readonly CollectionMemberDto[];
  /** Every collection evaluated: the limiting ones first, then it, then (if asked) its subcollections. */
  'collections:update-membership': readonly MembershipUpdateDto[];
  'collections:add-rule': CollectionDto;
  'collections:remove-rule': CollectionDto;
  /** The members the rules would give now (nothing is saved): the count, and the first ones by name. */
  'collections:preview': CollectionPreviewDto;
  /** The windows that apply to a resource: its collections' enabled windows, each occurrence and their union. */
  'collections:maintenance-windows': ResourceMaintenanceWindowsDto;
  /** In ID order; a filter narrows them to a package (and program) or a collection. */
  'advertisements:list': readonly AdvertisementDto[];
  'advertisements:get': AdvertisementDto;
  'advertisements:create': AdvertisementDto;
  'advertisements:update': AdvertisementDto;
  'advertisements:delete': AdvertisementDeletedDto;
  /** Each client's last state for it, from their status messages, with the counts. */
  'advertisements:client-states': AdvertisementClientStatesDto;
  /** The dry run of an advertisement as it is now: who it reaches, from which DPs, and when (docs/distribute-software.md#dry-run). */
  'advertisements:preview': DeploymentPreviewDto;
  /** The dry run of a Distribute Software plan: nothing is saved. */
  'deployments:preview': DeploymentPreviewDto;
  /** Makes what the plan says, all or nothing, and tells each step's outcome. */
  'deployments:run': DeploymentResultDto;
  /** The advertisements a resource would receive now, each with the collections and rules it comes through. */
  'policy:show': PolicyDto;
  /** The site's logs (SMS\\Logs) by name, each with its .lo_ (docs/logs.md#log-viewer). */
  'logs:list': LogListDto;
  /** Records from the cursor on (from the start without one), merged by time across the logs named. */
  'logs:read': LogPageDto;
  /** The last records of the logs named, and the cursor at their end to follow them. */
  'logs:tail': LogPageDto;
  /** A log's text (a client log the admin opened) as records. */
  'logs:parse-text': ParsedLogTextDto;
}

export type RequestChannel = keyof typeof requestSchemas;
/** What a caller sends (before defaults and trimming). */
export type RequestOf<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>;
/** What a service receives (after the schema has parsed it). */
export type ParsedRequestOf<C extends RequestChannel> = z.output<(typeof requestSchemas)[C]>;
export type ResponseOf<C extends RequestChannel> = ResponseMap[C];

// Keeps ResponseMap and requestSchemas in step: a channel missing from either fails to compile.
type MissingResponse = Exclude<RequestChannel, keyof ResponseMap>;
type ExtraResponse = Exclude<keyof ResponseMap, RequestChannel>;
const channelsInStep: [MissingResponse, ExtraResponse] extends [never, never] ? true : never = true;
void channelsInStep;

type UnnamedChannel = Exclude<RequestChannel, RequestChannelName>;
type UnknownName = Exclude<RequestChannelName, RequestChannel>;
const namesInStep: [UnnamedChannel, UnknownName] extends [never, never] ? true : never = true;
void namesInStep;

export const requestChannels: readonly RequestChannel[] = requestChannelNames;

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, value);
}

/** A client of the core as the renderer, the CLI and tests see it: one method per channel. */
export type CourierClient = {
  readonly [C in RequestChannel]: (request: RequestOf<C>) => Promise<ApiResult<ResponseOf<C>>>;
};
