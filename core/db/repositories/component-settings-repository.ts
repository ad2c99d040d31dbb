import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** The Software Distribution component's properties (SMS_SCI_Component of SMS_DISTRIBUTION_MANAGER). */
export interface DistmgrSettingsRecord {
  readonly maxPackages: number;
  readonly threadsPerPackage: number;
  readonly retries: number;
  readonly retryDelayMinutes: number;
  readonly storedPackagesLocation: string;
  readonly lastModified: string | null;
}

export class ComponentSettingsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  distmgr(): DistmgrSettingsRecord {
    return prepared(this.db, `SELECT max_packages AS maxPackages, threads_per_package AS threadsPerPackage, retries, retry_delay_minutes AS retryDelayMinutes,
           stored_packages_location AS storedPackagesLocation, last_modified AS lastModified FROM distribution_manager_settings WHERE id = 1`).get() as DistmgrSettingsRecord;
  }

  setDistmgr(record: DistmgrSettingsRecord): void {
    prepared(this.db, `UPDATE distribution_manager_settings SET max_packages = @maxPackages, threads_per_package = @threadsPerPackage, retries = @retries,
           retry_delay_minutes = @retryDelayMinutes, stored_packages_location = @storedPackagesLocation, last_modified = @lastModified WHERE id = 1`).run(record);
  }
}
