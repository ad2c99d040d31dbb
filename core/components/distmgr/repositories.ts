import type { SqliteDatabase } from '../../db/connection';
import { AccessAccountRepository } from '../../db/repositories/access-account-repository';
import { AdvertisementRepository } from '../../db/repositories/advertisement-repository';
import { ComponentSettingsRepository } from '../../db/repositories/component-settings-repository';
import { DistributionPointRepository } from '../../db/repositories/distribution-point-repository';
import { OutboxRepository } from '../../db/repositories/outbox-repository';
import { PackageDpRepository } from '../../db/repositories/package-dp-repository';
import { PackageRepository } from '../../db/repositories/package-repository';
import { ProgramRepository } from '../../db/repositories/program-repository';
import { SiteSettingsRepository } from '../../db/repositories/site-settings-repository';
import { UpdateScheduleRunRepository } from '../../db/repositories/update-schedule-run-repository';

/** The rows Distribution Manager reads and writes, on its own connection. */
export interface DistmgrRepositories {
  readonly packages: PackageRepository;
  readonly programs: ProgramRepository;
  readonly accounts: AccessAccountRepository;
  readonly dps: DistributionPointRepository;
  readonly packageDps: PackageDpRepository;
  readonly settings: ComponentSettingsRepository;
  readonly siteSettings: SiteSettingsRepository;
  readonly outbox: OutboxRepository;
  readonly updateSchedules: UpdateScheduleRunRepository;
  /** To wake Offer Manager for a package's advertisements when a DP gets or loses it. */
  readonly advertisements: AdvertisementRepository;
}

export function distmgrRepositories(db: SqliteDatabase): DistmgrRepositories {
  return {
    packages: new PackageRepository(db),
    programs: new ProgramRepository(db),
    accounts: new AccessAccountRepository(db),
    dps: new DistributionPointRepository(db),
    packageDps: new PackageDpRepository(db),
    settings: new ComponentSettingsRepository(db),
    siteSettings: new SiteSettingsRepository(db),
    outbox: new OutboxRepository(db),
    updateSchedules: new UpdateScheduleRunRepository(db),
    advertisements: new AdvertisementRepository(db),
  };
}
