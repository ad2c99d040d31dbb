import type { PackageSettings, RecurringSchedule } from '../../api';
import type { PackageListPageDto } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import { packageListPage, type PackageListPageQuery } from './package-list-query';

/** A package as stored: its settings plus what the site keeps about it. */
export interface PackageRecord extends PackageSettings {
  readonly packageId: string;
  readonly sourceVersion: number;
  readonly sourceDate: string;
  readonly createdAt: string;
  readonly lastModified: string;
}

type Column = readonly [key: keyof PackageRecord, column: string, kind: 'text' | 'int' | 'bool' | 'json'];

// One table of truth for the mapping keeps the SQL and the record in step.
const columns: readonly Column[] = [
  ['packageId', 'package_id', 'text'],
  ['name', 'name', 'text'],
  ['version', 'version', 'text'],
  ['publisher', 'publisher', 'text'],
  ['language', 'language', 'text'],
  ['comment', 'comment', 'text'],
  ['containsSourceFiles', 'contains_source_files', 'bool'],
  ['sourceDirectory', 'source_directory', 'text'],
  ['sourceOption', 'source_option', 'text'],
  ['updateSchedule', 'update_schedule', 'json'],
  ['persistInClientCache', 'persist_in_client_cache', 'bool'],
  ['binaryDifferentialReplication', 'binary_differential_replication', 'bool'],
  ['dataAccess', 'data_access', 'text'],
  ['shareFolder', 'share_folder', 'text'],
  ['disconnectUsers', 'disconnect_users', 'bool'],
  ['userGracePeriod', 'user_grace_period', 'int'],
  ['disconnectRetries', 'disconnect_retries', 'int'],
  ['sendingPriority', 'sending_priority', 'text'],
  ['preferredSender', 'preferred_sender', 'text'],
  ['branchContent', 'branch_content', 'text'],
  ['availableOnProtectedOnRequest', 'available_on_protected_on_request', 'bool'],
  ['mifMatching', 'mif_matching', 'text'],
  ['mifFileName', 'mif_file_name', 'text'],
  ['mifName', 'mif_name', 'text'],
  ['mifVersion', 'mif_version', 'text'],
  ['mifPublisher', 'mif_publisher', 'text'],
  ['sourceVersion', 'source_version', 'int'],
  ['sourceDate', 'source_date', 'text'],
  ['createdAt', 'created_at', 'text'],
  ['lastModified', 'last_modified', 'text'],
];

const columnList = columns.map(([, column]) => column).join(', ');
const placeholders = columns.map(([key]) => `@${key}`).join(', ');
const assignments = columns
  .filter(([key]) => key !== 'packageId' && key !== 'createdAt')
  .map(([key, column]) => `${column} = @${key}`)
  .join(', ');

type Row = Record<string, string | number | null>;

function toRow(record: PackageRecord): Row {
  const row: Row = {};
  for (const [key, , kind] of columns) {
    const value = record[key];
    row[key] = kind === 'bool' ? (value ? 1 : 0) : kind === 'json' ? (value === null ? null : JSON.stringify(value)) : (value as string | number);
  }
  return row;
}

const keys = columns.map(([key]) => key);
const kinds = columns.map(([, , kind]) => kind);

/**
 * A record from a row read in `raw` mode (values in `columns` order). Listing 100,000 packages
 * reads three million values: arrays cost better-sqlite3 far less to build than keyed objects, and
 * every record is filled in one order, so all of them share one shape.
 */
function fromValues(values: readonly (string | number | null)[]): PackageRecord {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const value = values[i] ?? null;
    const kind = kinds[i];
    record[keys[i] as string] =
      kind === 'bool' ? value === 1 : kind === 'json' ? (value === null ? null : (JSON.parse(String(value)) as RecurringSchedule)) : value;
  }
  return record as unknown as PackageRecord;
}

export class PackageRepository {
  constructor(private readonly db: SqliteDatabase) {}

  list(): PackageRecord[] {
    const rows = prepared(this.db, `SELECT ${columnList} FROM packages ORDER BY package_id`).raw().all() as (string | number | null)[][];
    return rows.map(fromValues);
  }

  /** What the Packages list shows, a page at a time (see package-list-query.ts). */
  listPage(query: PackageListPageQuery): PackageListPageDto {
    return packageListPage(this.db, query);
  }

  get(packageId: string): PackageRecord | null {
    const row = prepared(this.db, `SELECT ${columnList} FROM packages WHERE package_id = ?`).raw().get(packageId) as (string | number | null)[] | undefined;
    return row ? fromValues(row) : null;
  }

  insert(record: PackageRecord): void {
    prepared(this.db, `INSERT INTO packages (${columnList}) VALUES (${placeholders})`).run(toRow(record));
    this.recordSourceVersion(record);
  }

  update(record: PackageRecord): void {
    prepared(this.db, `UPDATE packages SET ${assignments} WHERE package_id = @packageId`).run(toRow(record));
    this.recordSourceVersion(record);
  }

  /**
   * The date of one source version of the package, or null when it was made before the site kept
   * them (migration 0021): clients may be offered an older version than the package's while its
   * DPs are updated, and its policy body carries that version's date.
   */
  sourceDateOf(packageId: string, sourceVersion: number): string | null {
    return (prepared(this.db, 'SELECT source_date FROM package_source_versions WHERE package_id = ? AND source_version = ?').pluck().get(packageId, sourceVersion) as string | undefined) ?? null;
  }

  private recordSourceVersion(record: PackageRecord): void {
    prepared(
      this.db,
      `INSERT INTO package_source_versions (package_id, source_version, source_date) VALUES (?, ?, ?)
       ON CONFLICT (package_id, source_version) DO UPDATE SET source_date = excluded.source_date`,
    ).run(record.packageId, record.sourceVersion, record.sourceDate);
  }

  delete(packageId: string): boolean {
    return prepared(this.db, 'DELETE FROM packages WHERE package_id = ?').run(packageId).changes === 1;
  }

  /** Every custom share in use, for the uniqueness and overlap check of "Share the distribution folder". */
  shareFolders(exceptId: string | null): { packageId: string; name: string; shareFolder: string }[] {
    return prepared(this.db, "SELECT package_id AS packageId, name, share_folder AS shareFolder FROM packages WHERE share_folder <> '' AND package_id IS NOT ?")
      .all(exceptId) as { packageId: string; name: string; shareFolder: string }[];
  }
}
