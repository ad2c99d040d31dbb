import type { PackageDpState, PackageDpStatusDto } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** One package on one distribution point (the suite's SMS_DistributionPoint), with the DP's names. */
export interface PackageDpRecord extends Omit<PackageDpStatusDto, 'name' | 'path'> {
  readonly packageId: string;
  readonly dpId: number;
  readonly dpName: string;
  readonly serverName: string;
  readonly serverShare: string | null;
  readonly forceCopy: boolean;
  readonly volumeLetter: string | null;
  readonly shareName: string | null;
  readonly folder: string | null;
  readonly createdAt: string;
  readonly lastModified: string;
}

const selectRows = `
  SELECT p.package_id AS packageId, p.dp_id AS dpId, d.name AS dpName, s.server_name AS serverName, d.share_path AS serverShare,
         d.nal_path AS nalPath, p.state, p.target_version AS targetVersion, p.force_copy AS forceCopy, p.volume_letter AS volumeLetter,
         p.share_name AS shareName, p.folder, p.source_version AS sourceVersion, p.files, p.bytes, p.last_copied AS lastCopied,
         p.last_refreshed AS lastRefreshed, p.attempts, p.last_error AS lastError, p.next_attempt_at AS nextAttemptAt,
         p.created_at AS createdAt, p.last_modified AS lastModified
  FROM package_dps p JOIN distribution_points d ON d.id = p.dp_id JOIN site_systems s ON s.id = d.site_system_id`;

type Row = Omit<PackageDpRecord, 'forceCopy'> & { forceCopy: number };
const fromRow = (row: Row): PackageDpRecord => ({ ...row, forceCopy: row.forceCopy === 1 });

/** Removal states: the row is on its way out, so a new distribution may take it back. */
export const removalStates: readonly PackageDpState[] = ['removalPending', 'removalFailed'];

/**
 * Where packages are to be and are on distribution points. The services write what is wanted
 * (state, target version, a forced copy); Distribution Manager writes what it did.
 */
export class PackageDpRepository {
  constructor(private readonly db: SqliteDatabase) {}

  forPackage(packageId: string): PackageDpRecord[] {
    return (prepared(this.db, `${selectRows} WHERE p.package_id = ? ORDER BY d.name COLLATE NOCASE`).all(packageId) as Row[]).map(fromRow);
  }

  /** Per package, the DPs that hold it or are to (by state), in one pass over the table. */
  statusCounts(): { packageId: string; targeted: number; installed: number; retrying: number; failed: number; removing: number }[] {
    return prepared(this.db, `SELECT package_id AS packageId,
                sum(state NOT IN ('removalPending', 'removalFailed')) AS targeted,
                sum(state = 'installed') AS installed,
                sum(state = 'installRetrying') AS retrying,
                sum(state = 'installFailed') AS failed,
                sum(state IN ('removalPending', 'removalFailed')) AS removing
           FROM package_dps GROUP BY package_id ORDER BY package_id`).all() as { packageId: string; targeted: number; installed: number; retrying: number; failed: number; removing: number }[];
  }

  get(packageId: string, dpId: number): PackageDpRecord | null {
    const row = prepared(this.db, `${selectRows} WHERE p.package_id = ? AND p.dp_id = ?`).get(packageId, dpId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Package IDs with a row on the DP, in any state. */
  packagesOn(dpId: number): string[] {
    return (prepared(this.db, 'SELECT package_id AS packageId FROM package_dps WHERE dp_id = ? ORDER BY package_id').all(dpId) as { packageId: string }[]).map(
      (row) => row.packageId,
    );
  }

  countOn(dpId: number): number {
    return (prepared(this.db, 'SELECT count(*) AS n FROM package_dps WHERE dp_id = ?').get(dpId) as { n: number }).n;
  }

  /** Drive letters a package has been copied to on the DP: their volumes cannot be dropped. */
  lettersInUse(dpId: number): string[] {
    return (
      prepared(this.db, 'SELECT DISTINCT volume_letter AS letter FROM package_dps WHERE dp_id = ? AND volume_letter IS NOT NULL ORDER BY 1').all(dpId) as { letter: string }[]
    ).map((row) => row.letter);
  }

  /** A new row in installPending, or a row on its way out taken back; the attempts start again. */
  assign(packageId: string, dpId: number, targetVersion: number, stamp: string): void {
    prepared(this.db, `INSERT INTO package_dps (package_id, dp_id, state, target_version, created_at, last_modified)
         VALUES (?, ?, 'installPending', ?, ?, ?)
         ON CONFLICT (package_id, dp_id) DO UPDATE SET state = 'installPending', target_version = excluded.target_version,
           attempts = 0, last_error = NULL, next_attempt_at = NULL, last_modified = excluded.last_modified`).run(packageId, dpId, targetVersion, stamp, stamp);
  }

  /** Update Distribution Points: every DP of the package that is not being removed goes to the new version. */
  requestVersion(packageId: string, targetVersion: number, stamp: string): number {
    return prepared(this.db, `UPDATE package_dps SET state = 'installPending', target_version = ?, attempts = 0, last_error = NULL, next_attempt_at = NULL, last_modified = ?
         WHERE package_id = ? AND state NOT IN ('removalPending', 'removalFailed')`).run(targetVersion, stamp, packageId).changes;
  }

  /** Refresh: copy the current version to one DP again, even where it is already there. */
  requestRefresh(packageId: string, dpId: number, targetVersion: number, stamp: string): void {
    prepared(this.db, `UPDATE package_dps SET state = 'installPending', target_version = ?, force_copy = 1, attempts = 0, last_error = NULL, next_attempt_at = NULL,
           last_modified = ? WHERE package_id = ? AND dp_id = ?`).run(targetVersion, stamp, packageId, dpId);
  }

  requestRemoval(packageId: string, dpId: number, stamp: string): void {
    prepared(this.db, `UPDATE package_dps SET state = 'removalPending', force_copy = 0, attempts = 0, last_error = NULL, next_attempt_at = NULL, last_modified = ?
         WHERE package_id = ? AND dp_id = ?`).run(stamp, packageId, dpId);
  }

  /**
   * Retry Now: a row waiting for its next attempt gets it at once (the count goes on); a row that
   * gave up starts again as an admin's distribute or remove would, from attempt 1. Answers whether
   * a row changed.
   */
  retryNow(packageId: string, dpId: number, stamp: string): boolean {
    return (
      prepared(this.db, `UPDATE package_dps SET
             state = CASE state WHEN 'installFailed' THEN 'installPending' WHEN 'removalFailed' THEN 'removalPending' ELSE state END,
             attempts = CASE WHEN state IN ('installFailed', 'removalFailed') THEN 0 ELSE attempts END,
             next_attempt_at = NULL, last_modified = ?
           WHERE package_id = ? AND dp_id = ?
             AND (state IN ('installFailed', 'removalFailed') OR (state IN ('installRetrying', 'removalPending') AND next_attempt_at IS NOT NULL))`).run(stamp, packageId, dpId).changes === 1
    );
  }

  /**
   * Cancel: stop retrying. A copy waiting to retry becomes installFailed, a removal waiting to
   * retry removalFailed; the attempts and the last error stay, so the row says why it stopped.
   */
  cancelRetries(packageId: string, dpId: number, stamp: string): boolean {
    return (
      prepared(this.db, `UPDATE package_dps SET
             state = CASE state WHEN 'installRetrying' THEN 'installFailed' ELSE 'removalFailed' END,
             next_attempt_at = NULL, last_modified = ?
           WHERE package_id = ? AND dp_id = ? AND (state = 'installRetrying' OR (state = 'removalPending' AND attempts > 0))`).run(stamp, packageId, dpId).changes === 1
    );
  }

  /** A deleted package leaves every DP: the rows stay until Distribution Manager has removed the folders. */
  requestRemovalEverywhere(packageId: string, stamp: string): number {
    return prepared(this.db, `UPDATE package_dps SET state = 'removalPending', force_copy = 0, attempts = 0, last_error = NULL, next_attempt_at = NULL, last_modified = ?
         WHERE package_id = ? AND state <> 'removalPending'`).run(stamp, packageId).changes;
  }

  /** A deleted DP gives up every package. */
  requestRemovalFromDp(dpId: number, stamp: string): void {
    prepared(this.db, `UPDATE package_dps SET state = 'removalPending', force_copy = 0, attempts = 0, last_error = NULL, next_attempt_at = NULL, last_modified = ?
         WHERE dp_id = ? AND state <> 'removalPending'`).run(stamp, dpId);
  }

  // ---- what Distribution Manager writes back ---------------------------------------------------

  /**
   * A copy of `sourceVersion` finished. The row becomes installed only if that is still the version
   * wanted: an update requested meanwhile leaves it installPending, with what is there recorded.
   * `last_copied` is when this version first reached the DP; `last_refreshed` when files were last
   * copied to it (a Refresh moves only that). Answers whether the row is now installed.
   */
  recordInstalled(packageId: string, dpId: number, copy: CopyRecord): boolean {
    return (
      prepared(this.db, `UPDATE package_dps SET
             state = CASE WHEN target_version = @sourceVersion AND state IN ('installPending', 'installRetrying', 'installFailed') THEN 'installed' ELSE state END,
             force_copy = CASE WHEN target_version = @sourceVersion THEN 0 ELSE force_copy END,
             volume_letter = @volumeLetter, share_name = @shareName, folder = @folder, source_version = @sourceVersion, files = @files, bytes = @bytes,
             last_copied = CASE WHEN source_version IS @sourceVersion THEN last_copied ELSE @stamp END,
             last_refreshed = @stamp, attempts = 0, last_error = NULL, next_attempt_at = NULL, last_modified = @stamp
           WHERE package_id = @packageId AND dp_id = @dpId AND state NOT IN ('removalPending', 'removalFailed')`).run({ packageId, dpId, ...copy }).changes === 1 && this.get(packageId, dpId)?.state === 'installed'
    );
  }

  /**
   * A copy finished on a row that went to removal meanwhile (the DP or the package is being
   * deleted): only where the folder now is is recorded, so the removal that follows deletes it.
   */
  recordPlaceForRemoval(packageId: string, dpId: number, place: { readonly volumeLetter: string | null; readonly shareName: string; readonly folder: string }): boolean {
    return (
      prepared(this.db, `UPDATE package_dps SET volume_letter = ?, share_name = ?, folder = ?
           WHERE package_id = ? AND dp_id = ? AND state IN ('removalPending', 'removalFailed')`).run(place.volumeLetter, place.shareName, place.folder, packageId, dpId).changes === 1
    );
  }

  /**
   * An attempt failed: count it and say when to try again (the Software Distribution component's
   * Number of Retries and Retry Delay). After the last retry a copy is installFailed and a removal
   * removalFailed; an admin's distribute, refresh or remove starts the count again.
   */
  recordFailure(packageId: string, dpId: number, error: string, retry: { readonly retries: number; readonly retryDelayMinutes: number }, now: Date): PackageDpState | null {
    const row = this.get(packageId, dpId);
    if (!row) return null;
    const attempts = row.attempts + 1;
    // A row cancelled while its attempt ran stays given up: the attempt's failure does not start retries again.
    const cancelled = row.state === 'installFailed' || row.state === 'removalFailed';
    const givenUp = cancelled || attempts > retry.retries;
    const removing = removalStates.includes(row.state);
    const state: PackageDpState = removing ? (givenUp ? 'removalFailed' : 'removalPending') : givenUp ? 'installFailed' : 'installRetrying';
    const next = givenUp ? null : new Date(now.getTime() + retry.retryDelayMinutes * 60_000).toISOString();
    prepared(this.db, 'UPDATE package_dps SET state = ?, attempts = ?, last_error = ?, next_attempt_at = ?, last_modified = ? WHERE package_id = ? AND dp_id = ?')
      .run(state, attempts, error.slice(0, 2000), next, now.toISOString(), packageId, dpId);
    return state;
  }

  /** The package's folder is gone from the DP: the row goes. */
  finishRemoval(packageId: string, dpId: number): boolean {
    return prepared(this.db, "DELETE FROM package_dps WHERE package_id = ? AND dp_id = ? AND state IN ('removalPending', 'removalFailed')").run(packageId, dpId).changes === 1;
  }

  /** Packages with work due now: waiting rows without a retry time, and retries whose time has come. */
  packagesWithWorkDue(now: Date): string[] {
    return (prepared(this.db, workDueSql).all(now.toISOString()) as { packageId: string }[]).map((row) => row.packageId);
  }

  /** When the next retry of any package falls due (ISO time after `now`), or null: the component wakes itself then. */
  nextAttemptAfter(now: Date): string | null {
    return (prepared(this.db, nextAttemptSql).get(now.toISOString()) as { at: string | null }).at;
  }
}

// Run at every wake of Distribution Manager. `state <> 'installed'` repeats what the IN list says
// because SQLite uses the partial index package_dps_pending only when the WHERE clause visibly
// implies the index's own; without it both scanned every row, and installed rows pile up.
export const workDueSql = `SELECT DISTINCT package_id AS packageId FROM package_dps
  WHERE state <> 'installed' AND state IN ('installPending', 'installRetrying', 'removalPending') AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
  ORDER BY package_id`;

export const nextAttemptSql = `SELECT min(next_attempt_at) AS at FROM package_dps
  WHERE state <> 'installed' AND state IN ('installPending', 'installRetrying', 'removalPending') AND next_attempt_at > ?`;

/** Where a finished copy is and what it holds. */
export interface CopyRecord {
  readonly volumeLetter: string | null;
  readonly shareName: string;
  readonly folder: string;
  readonly sourceVersion: number;
  readonly files: number;
  readonly bytes: number;
  readonly stamp: string;
}
