import type { ComponentThresholdsValue, PackageDpState } from '../../api';
import { softwareDistributionClientComponent } from '../../domain/status-messages';
import { advertisementCounterOfMessage, clientModuleName, type AdvertisementCounter } from '../../domain/status-summaries';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import type { StatusMessageRecord } from './status-message-repository';

const advertisementColumns: Readonly<Record<AdvertisementCounter, string>> = {
  received: 'received',
  failures: 'failures',
  programsStarted: 'programs_started',
  programsSucceeded: 'programs_succeeded',
  programsFailed: 'programs_failed',
};

const advertisementUpsert = Object.fromEntries(
  Object.entries(advertisementColumns).map(([counter, column]) => [
    counter,
    // A message about an advertisement the site does not have (deleted since, or made up) counts nowhere.
    `INSERT INTO advertisement_status_summaries (advertisement_id, site_code, ${column}, last_message_time)
     SELECT advertisement_id, ?, 1, ? FROM advertisements WHERE advertisement_id = ?
     ON CONFLICT (advertisement_id, site_code) DO UPDATE SET ${column} = ${column} + 1,
       last_message_time = max(last_message_time, excluded.last_message_time)`,
  ]),
) as Record<AdvertisementCounter, string>;

export interface AdvertisementSummaryRow {
  readonly advertisementId: string;
  readonly siteCode: string;
  readonly received: number;
  readonly failures: number;
  readonly programsStarted: number;
  readonly programsSucceeded: number;
  readonly programsFailed: number;
  readonly lastMessageTime: number;
}

export interface ComponentSummaryRow {
  readonly siteCode: string;
  readonly machine: string;
  readonly component: string;
  readonly infos: number;
  readonly warnings: number;
  readonly errors: number;
  readonly countsSince: number;
  readonly lastMessageTime: number;
}

export interface ComponentStatusSettings extends ComponentThresholdsValue {
  /** Where a component seen for the first time starts counting: the last reset of every component. */
  readonly countsSince: number;
  readonly lastModified: string | null;
}

export interface PackageSummaryRow {
  readonly packageId: string;
  readonly name: string | null;
  readonly sourceVersion: number | null;
  readonly sourceDate: string | null;
}

export interface PackageSiteCountsRow {
  readonly packageId: string;
  readonly siteCode: string;
  readonly targeted: number;
  readonly installed: number;
  readonly retrying: number;
  readonly failed: number;
  readonly removing: number;
}

export interface PackageDpSummaryRow {
  readonly packageId: string;
  readonly siteCode: string;
  readonly name: string;
  readonly nalPath: string;
  readonly state: PackageDpState;
  readonly sourceVersion: number | null;
  readonly lastCopied: string | null;
  readonly lastRefreshed: string | null;
}

/**
 * The System Status summaries (migration 0021). `record` is called for every stored message in
 * the transaction that stores it (StatusMessageRepository.insert), so a summary is never ahead of
 * or behind the messages, and no rollback leaves a count behind. The counts only grow with new
 * messages: deleting aged messages leaves them alone.
 */
export class StatusSummaryRepository {
  constructor(private readonly db: SqliteDatabase) {}

  record(message: StatusMessageRecord): void {
    if (message.moduleName !== clientModuleName) this.countComponent(message);
    if (message.component.toLowerCase() !== softwareDistributionClientComponent.toLowerCase()) return;
    const counter = advertisementCounterOfMessage[message.messageId];
    const advertisementId = message.attributes.find(([id]) => id === 401)?.[1];
    if (counter === undefined || advertisementId === undefined) return;
    prepared(this.db, advertisementUpsert[counter]).run(message.siteCode, message.time, advertisementId);
  }

  private countComponent(message: StatusMessageRecord): void {
    // One statement a message: a new row starts counting at the last reset of every component;
    // an existing one counts the message unless it was reported before the row's own reset (a
    // late one), which still is the component's newest message if nothing later came.
    prepared(
      this.db,
      `INSERT INTO component_status_summaries (site_code, machine_name, component, infos, warnings, errors, counts_since, last_message_time)
       SELECT @site, @machine, @component, @info AND @time >= counts_since, @warning AND @time >= counts_since, @error AND @time >= counts_since, counts_since, @time
       FROM component_status_settings WHERE id = 1
       ON CONFLICT (site_code, machine_name, component) DO UPDATE SET
         infos = infos + (@info AND @time >= counts_since),
         warnings = warnings + (@warning AND @time >= counts_since),
         errors = errors + (@error AND @time >= counts_since),
         last_message_time = max(last_message_time, @time)`,
    ).run({
      site: message.siteCode,
      machine: message.machine,
      component: message.component,
      time: message.time,
      info: message.severity === 'info' ? 1 : 0,
      warning: message.severity === 'warning' ? 1 : 0,
      error: message.severity === 'error' ? 1 : 0,
    });
  }

  advertisementSummaries(advertisementId?: string): AdvertisementSummaryRow[] {
    return prepared(
      this.db,
      `SELECT advertisement_id AS advertisementId, site_code AS siteCode, received, failures, programs_started AS programsStarted,
              programs_succeeded AS programsSucceeded, programs_failed AS programsFailed, last_message_time AS lastMessageTime
       FROM advertisement_status_summaries WHERE (? IS NULL OR advertisement_id = ?) ORDER BY advertisement_id, site_code`,
    ).all(advertisementId ?? null, advertisementId ?? null) as AdvertisementSummaryRow[];
  }

  componentSummaries(component?: string): ComponentSummaryRow[] {
    return prepared(
      this.db,
      `SELECT site_code AS siteCode, machine_name AS machine, component, infos, warnings, errors, counts_since AS countsSince,
              last_message_time AS lastMessageTime
       FROM component_status_summaries WHERE (? IS NULL OR component = ?) ORDER BY site_code, component, machine_name`,
    ).all(component ?? null, component ?? null) as ComponentSummaryRow[];
  }

  /** Starts the counts again at `since`: one component's on every computer, or every component's. */
  resetComponents(since: number, component?: string): number {
    const { changes } = prepared(
      this.db,
      'UPDATE component_status_summaries SET infos = 0, warnings = 0, errors = 0, counts_since = ? WHERE (? IS NULL OR component = ?)',
    ).run(since, component ?? null, component ?? null);
    if (component === undefined) prepared(this.db, 'UPDATE component_status_settings SET counts_since = ? WHERE id = 1').run(since);
    return changes;
  }

  settings(): ComponentStatusSettings {
    const row = prepared(this.db, 'SELECT * FROM component_status_settings WHERE id = 1').get() as {
      info_warning: number; info_critical: number; warning_warning: number; warning_critical: number;
      error_warning: number; error_critical: number; counts_since: number; last_modified: string | null;
    };
    return {
      info: { warning: row.info_warning, critical: row.info_critical },
      warning: { warning: row.warning_warning, critical: row.warning_critical },
      error: { warning: row.error_warning, critical: row.error_critical },
      countsSince: row.counts_since,
      lastModified: row.last_modified,
    };
  }

  setThresholds(thresholds: ComponentThresholdsValue, lastModified: string): void {
    prepared(
      this.db,
      `UPDATE component_status_settings SET info_warning = ?, info_critical = ?, warning_warning = ?, warning_critical = ?,
         error_warning = ?, error_critical = ?, last_modified = ? WHERE id = 1`,
    ).run(
      thresholds.info.warning, thresholds.info.critical,
      thresholds.warning.warning, thresholds.warning.critical,
      thresholds.error.warning, thresholds.error.critical,
      lastModified,
    );
  }

  /** Packages (and deleted packages still being removed from DPs), by ID. */
  packages(packageId?: string): PackageSummaryRow[] {
    return prepared(
      this.db,
      `SELECT package_id AS packageId, name, source_version AS sourceVersion, source_date AS sourceDate FROM packages WHERE (? IS NULL OR package_id = ?)
       UNION ALL
       SELECT DISTINCT p.package_id, NULL, NULL, NULL FROM package_dps p
       WHERE (? IS NULL OR p.package_id = ?) AND NOT EXISTS (SELECT 1 FROM packages k WHERE k.package_id = p.package_id)
       ORDER BY 1`,
    ).all(packageId ?? null, packageId ?? null, packageId ?? null, packageId ?? null) as PackageSummaryRow[];
  }

  /** Per package and site, the DPs in each kind of state, in one pass over package_dps. */
  packageSiteCounts(packageId?: string): PackageSiteCountsRow[] {
    return prepared(
      this.db,
      `SELECT p.package_id AS packageId, s.site_code AS siteCode,
              sum(p.state NOT IN ('removalPending', 'removalFailed')) AS targeted,
              sum(p.state = 'installed') AS installed,
              sum(p.state = 'installRetrying') AS retrying,
              sum(p.state = 'installFailed') AS failed,
              sum(p.state IN ('removalPending', 'removalFailed')) AS removing
       FROM package_dps p JOIN distribution_points d ON d.id = p.dp_id JOIN site_systems s ON s.id = d.site_system_id
       WHERE (? IS NULL OR p.package_id = ?) GROUP BY p.package_id, s.site_code ORDER BY p.package_id, s.site_code`,
    ).all(packageId ?? null, packageId ?? null) as PackageSiteCountsRow[];
  }

  /** The rows Distribution Manager keeps of where packages are (package_dps), with their DP's site. */
  packageDps(packageId: string): PackageDpSummaryRow[] {
    return prepared(
      this.db,
      `SELECT p.package_id AS packageId, s.site_code AS siteCode, d.name, d.nal_path AS nalPath, p.state, p.source_version AS sourceVersion,
              p.last_copied AS lastCopied, p.last_refreshed AS lastRefreshed
       FROM package_dps p JOIN distribution_points d ON d.id = p.dp_id JOIN site_systems s ON s.id = d.site_system_id
       WHERE p.package_id = ? ORDER BY d.name COLLATE NOCASE`,
    ).all(packageId) as PackageDpSummaryRow[];
  }
}
