import { CourierError, distmgrLimits, type DistributionManagerSettingsDto } from '../api';
import { inspectPath, localPathOf, type FileAccess } from '../content/file-access';
import type { ComponentSettingsRepository, DistmgrSettingsRecord } from '../db/repositories/component-settings-repository';
import type { UnitOfWork } from '../site/unit-of-work';

export interface ComponentSettingsServiceDeps {
  readonly settings: ComponentSettingsRepository;
  readonly work: UnitOfWork;
  readonly now: () => Date;
  readonly fileAccess: () => FileAccess;
}

export type DistmgrChanges = Partial<Omit<DistmgrSettingsRecord, 'lastModified'>>;

function toDto(record: DistmgrSettingsRecord): DistributionManagerSettingsDto {
  return {
    component: 'SMS_DISTRIBUTION_MANAGER',
    maxPackages: record.maxPackages,
    threadsPerPackage: record.threadsPerPackage,
    retries: record.retries,
    retryDelayMinutes: record.retryDelayMinutes,
    storedPackagesLocation: record.storedPackagesLocation,
    properties: {
      [distmgrLimits.maxPackages.property]: record.maxPackages,
      [distmgrLimits.threadsPerPackage.property]: record.threadsPerPackage,
      [distmgrLimits.retries.property]: record.retries,
      [distmgrLimits.retryDelayMinutes.property]: record.retryDelayMinutes,
    },
    lastModified: record.lastModified,
  };
}

/**
 * Site Settings › Component Configuration › Software Distribution: the limits Distribution
 * Manager works within. It reads them at each wake, so a change needs no wake-up.
 */
export class ComponentSettingsService {
  constructor(private readonly deps: ComponentSettingsServiceDeps) {}

  get(): DistributionManagerSettingsDto {
    return toDto(this.deps.settings.distmgr());
  }

  async set(changes: DistmgrChanges): Promise<DistributionManagerSettingsDto> {
    const location = changes.storedPackagesLocation;
    if (location !== undefined && location !== '') await this.checkFolder(location);
    return this.deps.work.run((change) => {
      const before = this.deps.settings.distmgr();
      const after: DistmgrSettingsRecord = { ...before, ...changes, lastModified: this.deps.now().toISOString() };
      const changed = (Object.keys(changes) as (keyof DistmgrChanges)[]).filter((key) => before[key] !== after[key]);
      if (changed.length === 0) return toDto(before);
      this.deps.settings.setDistmgr(after);
      change.emit('components:settings-changed', { component: 'distmgr' });
      change.log('smsprov.log', 'SMS_PROVIDER', `Modified SMS_DISTRIBUTION_MANAGER component settings (${changed.map((key) => `${key} = ${after[key]}`).join(', ')}).`);
      return toDto(after);
    });
  }

  private async checkFolder(path: string): Promise<void> {
    const access = this.deps.fileAccess();
    const field = 'storedPackagesLocation';
    const local = localPathOf(path, access, field);
    await access.gate.run(path, field, () =>
      inspectPath(path, local, 'folder', 'a folder on the site server for the compressed packages', field, access.platform, () => {
        return new CourierError('SOURCE_NOT_FOUND', `The location of stored packages, ${path}, does not exist on the site server.`, field);
      }),
    );
  }
}
