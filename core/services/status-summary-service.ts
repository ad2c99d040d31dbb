import {
  advertisementClientStates,
  CourierError,
  packageDpStateCodes,
  type AdvertisementClientState,
  type AdvertisementCountsDto,
  type AdvertisementSummaryDto,
  type AdvertisementSummaryQuery,
  type ComponentResetRequest,
  type ComponentSummariesDto,
  type ComponentSummaryQuery,
  type ComponentThresholdsDto,
  type ComponentThresholdsUpdate,
  type ComponentThresholdsValue,
  type PackageDpCountsDto,
  type PackageSummaryDto,
  type PackageSummaryQuery,
} from '../api';
import type { AdvertisementClientStateRepository } from '../db/repositories/advertisement-client-state-repository';
import type { AdvertisementRepository } from '../db/repositories/advertisement-repository';
import type { ComponentStatusSettings, StatusSummaryRepository } from '../db/repositories/status-summary-repository';
import { componentStatusOf } from '../domain/status-summaries';
import type { UnitOfWork } from '../site/unit-of-work';
import { packageNotFound } from './package-changes';

export interface StatusSummaryServiceDeps {
  readonly summaries: StatusSummaryRepository;
  readonly advertisements: AdvertisementRepository;
  readonly clientStates: AdvertisementClientStateRepository;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

const noDps: PackageDpCountsDto = { targeted: 0, installed: 0, retrying: 0, failed: 0, removing: 0 };
const noMessages: AdvertisementCountsDto = { received: 0, failures: 0, programsStarted: 0, programsSucceeded: 0, programsFailed: 0 };

function add<T extends object>(total: T, more: T): T {
  const sum = { ...total } as Record<string, number>;
  for (const [key, value] of Object.entries(more)) if (typeof value === 'number') sum[key] = (sum[key] ?? 0) + value;
  return sum as T;
}

function thresholdsDto(settings: ComponentStatusSettings): ComponentThresholdsDto {
  return { info: settings.info, warning: settings.warning, error: settings.error, lastModified: settings.lastModified };
}

/**
 * System Status (docs/status-messages.md#summarizers): Package Status, Advertisement Status and
 * Component Status, read from the rows kept as messages are stored; the component thresholds and
 * "reset counts".
 */
export class StatusSummaryService {
  constructor(private readonly deps: StatusSummaryServiceDeps) {}

  /**
   * Read from package_dps, the rows Distribution Manager keeps in the same unit of work as the
   * messages that tell of them: counting its 2330 and 2328 messages again would be a second book
   * of the same facts, which a message deleted by retention, or a DP removed, would let drift.
   */
  packages(query: PackageSummaryQuery): PackageSummaryDto[] {
    const { summaries } = this.deps;
    const packages = summaries.packages(query.packageId);
    if (query.packageId !== undefined && packages.length === 0) throw packageNotFound(query.packageId);
    const sites = new Map<string, PackageSummaryDto['sites'][number][]>();
    for (const { packageId, ...row } of summaries.packageSiteCounts(query.packageId)) {
      const list = sites.get(packageId) ?? [];
      list.push(row);
      sites.set(packageId, list);
    }
    return packages.map((pkg) => {
      const bySite = sites.get(pkg.packageId) ?? [];
      const totals = bySite.reduce<PackageDpCountsDto>((sum, { siteCode: _site, ...counts }) => add(sum, counts), noDps);
      const distributionPoints =
        query.packageId === undefined
          ? null
          : summaries.packageDps(pkg.packageId).map(({ packageId: _id, ...dp }) => ({ ...dp, stateCode: packageDpStateCodes[dp.state] }));
      return { ...pkg, ...totals, sites: bySite, distributionPoints };
    });
  }

  advertisements(query: AdvertisementSummaryQuery): AdvertisementSummaryDto[] {
    const { advertisements, summaries, clientStates } = this.deps;
    let records;
    if (query.advertisementId !== undefined) {
      const one = advertisements.get(query.advertisementId);
      if (!one) throw new CourierError('NOT_FOUND', `There is no advertisement ${query.advertisementId} at this site; see courier advertisement list.`, 'advertisementId');
      records = [one];
    } else {
      records = advertisements.list();
    }
    const sites = new Map<string, AdvertisementSummaryDto['sites'][number][]>();
    for (const { advertisementId, lastMessageTime, ...row } of summaries.advertisementSummaries(query.advertisementId)) {
      const list = sites.get(advertisementId) ?? [];
      list.push({ ...row, lastUpdate: new Date(lastMessageTime).toISOString() });
      sites.set(advertisementId, list);
    }
    return records.map((ad) => {
      const bySite = sites.get(ad.advertisementId) ?? [];
      const totals = bySite.reduce<AdvertisementCountsDto>((sum, { siteCode: _site, lastUpdate: _time, ...counts }) => add(sum, counts), noMessages);
      const counts = Object.fromEntries(advertisementClientStates.map((state) => [state, 0])) as Record<AdvertisementClientState, number>;
      for (const { state, n } of clientStates.counts(ad.advertisementId)) counts[state] = n;
      return {
        advertisementId: ad.advertisementId,
        advertisementName: ad.name,
        packageId: ad.packageId,
        programName: ad.programName,
        collectionId: ad.collectionId,
        ...totals,
        sites: bySite,
        clientStates: counts,
      };
    });
  }

  components(query: ComponentSummaryQuery): ComponentSummariesDto {
    const { summaries } = this.deps;
    const settings = summaries.settings();
    const rows = summaries.componentSummaries(query.component);
    if (query.component !== undefined && rows.length === 0) {
      throw new CourierError('NOT_FOUND', `No status message of component ${query.component} is summarized at this site; see courier status summary component.`, 'component');
    }
    return {
      thresholds: thresholdsDto(settings),
      components: rows.map((row) => ({
        siteCode: row.siteCode,
        machine: row.machine,
        component: row.component,
        status: componentStatusOf(row, settings),
        errors: row.errors,
        warnings: row.warnings,
        infos: row.infos,
        countsSince: new Date(row.countsSince).toISOString(),
        lastMessage: new Date(row.lastMessageTime).toISOString(),
      })),
    };
  }

  thresholds(): ComponentThresholdsDto {
    return thresholdsDto(this.deps.summaries.settings());
  }

  updateThresholds(changes: ComponentThresholdsUpdate): ComponentThresholdsDto {
    return this.deps.work.run((change) => {
      const before = this.deps.summaries.settings();
      const after: ComponentThresholdsValue = {
        info: { ...before.info, ...definedOf(changes.info) },
        warning: { ...before.warning, ...definedOf(changes.warning) },
        error: { ...before.error, ...definedOf(changes.error) },
      };
      for (const severity of ['info', 'warning', 'error'] as const) {
        const { warning, critical } = after[severity];
        if (critical < warning) {
          throw new CourierError(
            'VALIDATION_FAILED',
            `${severity}.critical (${critical}) is below ${severity}.warning (${warning}): a component is Warning before it is Critical.`,
            `${severity}.critical`,
          );
        }
      }
      const unchanged = (['info', 'warning', 'error'] as const).every((s) => after[s].warning === before[s].warning && after[s].critical === before[s].critical);
      if (unchanged) return thresholdsDto(before);
      const stamp = this.deps.now().toISOString();
      this.deps.summaries.setThresholds(after, stamp);
      change.emit('status-summaries:changed', { summary: 'component', change: 'thresholds', component: null });
      change.log('smsprov.log', 'SMS_PROVIDER', `Modified the Component Status thresholds (${describe(after)}).`);
      return { ...after, lastModified: stamp };
    });
  }

  /** Reset Counts: the component's counts (every component's, when none is named) start again now. */
  reset(request: ComponentResetRequest): ComponentSummariesDto {
    this.deps.work.run((change) => {
      const reset = this.deps.summaries.resetComponents(this.deps.now().getTime(), request.component);
      if (request.component !== undefined && reset === 0) {
        throw new CourierError('NOT_FOUND', `No status message of component ${request.component} is summarized at this site, so it has no counts to reset.`, 'component');
      }
      change.emit('status-summaries:changed', { summary: 'component', change: 'reset', component: request.component ?? null });
      change.log('smsprov.log', 'SMS_PROVIDER', `Reset the Component Status counts of ${request.component ?? 'every component'}.`);
    });
    return this.components({ ...(request.component !== undefined ? { component: request.component } : {}) });
  }
}

function definedOf<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function describe(thresholds: ComponentThresholdsValue): string {
  return (['info', 'warning', 'error'] as const).map((s) => `${s} ${thresholds[s].warning}/${thresholds[s].critical}`).join(', ');
}
