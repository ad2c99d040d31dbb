import type { ComputerProgramSettings, DependentProgram, DeviceProgramSettings } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

interface ProgramMeta {
  /** The row id: what "run another program first" points at, so renames need no updates. */
  readonly id: number;
  readonly packageId: string;
  readonly createdAt: string;
  readonly lastModified: string;
}

/** A program for computers as stored; `runFirst` is read through its target's row id. */
export interface ComputerProgramRecord extends ComputerProgramSettings, ProgramMeta {
  readonly kind: 'computer';
  readonly dependentProgramId: number | null;
}

export interface DeviceProgramRecord extends DeviceProgramSettings, ProgramMeta {
  readonly kind: 'device';
}

export type ProgramRecord = ComputerProgramRecord | DeviceProgramRecord;

/** What insert and update take: the dependency is given by id, never by name. */
export type ProgramWrite =
  | (Omit<ComputerProgramRecord, 'id' | 'runFirst'> & { readonly id?: number })
  | (Omit<DeviceProgramRecord, 'id'> & { readonly id?: number });

/** A program named by its package and name, for messages and reference checks. */
export interface ProgramName {
  readonly id: number;
  readonly packageId: string;
  readonly name: string;
  readonly kind: 'computer' | 'device';
  readonly dependentProgramId: number | null;
}

type ColumnKind = 'text' | 'int' | 'bool' | 'json';
type Column = readonly [key: string, column: string, kind: ColumnKind, of: 'both' | 'computer' | 'device'];

// One table of truth for the mapping keeps the SQL and the record in step.
const columns: readonly Column[] = [
  ['packageId', 'package_id', 'text', 'both'],
  ['name', 'name', 'text', 'both'],
  ['kind', 'kind', 'text', 'both'],
  ['comment', 'comment', 'text', 'both'],
  ['commandLine', 'command_line', 'text', 'both'],
  ['estimatedDiskSpace', 'estimated_disk_space', 'int', 'both'],
  ['diskSpaceUnit', 'disk_space_unit', 'text', 'both'],
  ['startIn', 'start_in', 'text', 'computer'],
  ['run', 'run', 'text', 'computer'],
  ['afterRunning', 'after_running', 'text', 'computer'],
  ['maximumRunTime', 'maximum_run_time', 'int', 'computer'],
  ['anyPlatform', 'any_platform', 'bool', 'computer'],
  ['platforms', 'platforms', 'json', 'computer'],
  ['additionalRequirements', 'additional_requirements', 'text', 'computer'],
  ['canRunWhen', 'can_run_when', 'text', 'computer'],
  ['runMode', 'run_mode', 'text', 'computer'],
  ['useInstallAccount', 'use_install_account', 'bool', 'computer'],
  ['allowUserInteraction', 'allow_user_interaction', 'bool', 'computer'],
  ['driveMode', 'drive_mode', 'text', 'computer'],
  ['driveLetter', 'drive_letter', 'text', 'computer'],
  ['reconnectAtLogon', 'reconnect_at_logon', 'bool', 'computer'],
  ['dependentProgramId', 'dependent_program_id', 'int', 'computer'],
  ['alwaysRunDependent', 'always_run_dependent', 'bool', 'computer'],
  ['assignment', 'assignment', 'text', 'computer'],
  ['suppressNotifications', 'suppress_notifications', 'bool', 'computer'],
  ['disabled', 'disabled', 'bool', 'computer'],
  ['allowTaskSequenceInstall', 'allow_task_sequence_install', 'bool', 'computer'],
  ['msiFilePath', 'msi_file_path', 'text', 'computer'],
  ['msiProductCode', 'msi_product_code', 'text', 'computer'],
  ['disableMomAlerts', 'disable_mom_alerts', 'bool', 'computer'],
  ['generateMomAlertOnFailure', 'generate_mom_alert_on_failure', 'bool', 'computer'],
  ['downloadFolder', 'download_folder', 'text', 'device'],
  ['runFrom', 'run_from', 'text', 'device'],
  ['runFolder', 'run_folder', 'text', 'device'],
  ['downloadWhen', 'download_when', 'text', 'device'],
  ['createdAt', 'created_at', 'text', 'both'],
  ['lastModified', 'last_modified', 'text', 'both'],
];

const selectList = ['p.id AS id', ...columns.map(([, column]) => `p.${column} AS ${column}`), 'd.package_id AS dep_package_id', 'd.name AS dep_name'].join(', ');
const fromClause = 'FROM programs p LEFT JOIN programs d ON d.id = p.dependent_program_id';
const insertColumns = columns.map(([, column]) => column).join(', ');
const insertValues = columns.map(([key]) => `@${key}`).join(', ');
const assignments = columns
  .filter(([key]) => key !== 'packageId' && key !== 'kind' && key !== 'createdAt')
  .map(([key, column]) => `${column} = @${key}`)
  .join(', ');

type Row = Record<string, string | number | null>;

function toRow(record: ProgramWrite): Row {
  const source = record as unknown as Record<string, unknown>;
  const row: Row = { id: record.id ?? null };
  for (const [key, , kind, of] of columns) {
    // The other kind's settings are NULL (the table CHECK insists).
    const value = of === 'both' || of === record.kind ? source[key] : null;
    row[key] =
      value === null || value === undefined
        ? null
        : kind === 'bool'
          ? value
            ? 1
            : 0
          : kind === 'json'
            ? JSON.stringify(value)
            : (value as string | number);
  }
  return row;
}

function fromRow(row: Row): ProgramRecord {
  const kind = row.kind as 'computer' | 'device';
  const record: Record<string, unknown> = { id: row.id };
  for (const [key, column, type, of] of columns) {
    if (of !== 'both' && of !== kind) continue;
    const value = row[column];
    record[key] = value === null ? null : type === 'bool' ? value === 1 : type === 'json' ? (JSON.parse(String(value)) as unknown) : value;
    if (key === 'dependentProgramId') {
      // By the target's current package and name, so a rename shows at once.
      const dependent: DependentProgram | null =
        row.dep_package_id === null ? null : { packageId: String(row.dep_package_id), programName: String(row.dep_name) };
      record.runFirst = dependent;
    }
  }
  return record as unknown as ProgramRecord;
}

export class ProgramRepository {
  constructor(private readonly db: SqliteDatabase) {}

  list(packageId: string): ProgramRecord[] {
    return (prepared(this.db, `SELECT ${selectList} ${fromClause} WHERE p.package_id = ? ORDER BY p.name COLLATE NOCASE, p.id`).all(packageId) as Row[]).map(fromRow);
  }

  /** By name, case-insensitively, as Windows and the suite compare program names. */
  get(packageId: string, name: string): ProgramRecord | null {
    const row = prepared(this.db, `SELECT ${selectList} ${fromClause} WHERE p.package_id = ? AND p.name = ? COLLATE NOCASE`).get(packageId, name) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  getById(id: number): ProgramRecord | null {
    const row = prepared(this.db, `SELECT ${selectList} ${fromClause} WHERE p.id = ?`).get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Just the name and the next hop: enough to walk a chain of "run another program first". */
  nameOf(id: number): ProgramName | null {
    return (
      (prepared(this.db, 'SELECT id, package_id AS packageId, name, kind, dependent_program_id AS dependentProgramId FROM programs WHERE id = ?')
        .get(id) as ProgramName | undefined) ?? null
    );
  }

  /** Returns the new row id. */
  insert(record: ProgramWrite): number {
    const result = prepared(this.db, `INSERT INTO programs (${insertColumns}) VALUES (${insertValues})`).run(toRow(record));
    return Number(result.lastInsertRowid);
  }

  update(record: ProgramWrite & { readonly id: number }): void {
    prepared(this.db, `UPDATE programs SET ${assignments} WHERE id = @id`).run(toRow(record));
  }

  delete(id: number): boolean {
    return prepared(this.db, 'DELETE FROM programs WHERE id = ?').run(id).changes === 1;
  }

  /** The programs that run this one first. */
  dependentsOf(id: number): ProgramName[] {
    return prepared(this.db, 'SELECT id, package_id AS packageId, name, kind, dependent_program_id AS dependentProgramId FROM programs WHERE dependent_program_id = ? ORDER BY package_id, name COLLATE NOCASE').all(id) as ProgramName[];
  }

  /** Programs in other packages that run one of this package's programs first. */
  dependentsFromOtherPackages(packageId: string): (ProgramName & { readonly targetName: string })[] {
    return prepared(this.db, `SELECT p.id, p.package_id AS packageId, p.name, p.kind, p.dependent_program_id AS dependentProgramId, d.name AS targetName
         FROM programs p JOIN programs d ON d.id = p.dependent_program_id
         WHERE d.package_id = ? AND p.package_id <> ? ORDER BY p.package_id, p.name COLLATE NOCASE`).all(packageId, packageId) as (ProgramName & { readonly targetName: string })[];
  }
}
