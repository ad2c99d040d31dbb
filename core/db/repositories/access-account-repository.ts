import type { AccessPermission } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

/** A package access account as stored (SMS_PackageAccessByUsers without the derived fields). */
export interface AccessAccountRecord {
  readonly packageId: string;
  /** Users, or CONTOSO\Sales */
  readonly accountName: string;
  readonly kind: 'windows' | 'generic';
  readonly accountType: 'user' | 'group';
  readonly permission: AccessPermission;
  readonly createdAt: string;
  readonly lastModified: string;
}

const selectList =
  'package_id AS packageId, account_name AS accountName, kind, account_type AS accountType, permission, created_at AS createdAt, last_modified AS lastModified';

export class AccessAccountRepository {
  constructor(private readonly db: SqliteDatabase) {}

  /** In the order they were added: the defaults first, as the console lists them. */
  list(packageId: string): AccessAccountRecord[] {
    return prepared(this.db, `SELECT ${selectList} FROM access_accounts WHERE package_id = ? ORDER BY id`).all(packageId) as AccessAccountRecord[];
  }

  /** Account names compare case-insensitively, as Windows compares them. */
  get(packageId: string, accountName: string): AccessAccountRecord | null {
    return (
      (prepared(this.db, `SELECT ${selectList} FROM access_accounts WHERE package_id = ? AND account_name = ? COLLATE NOCASE`).get(packageId, accountName) as
        | AccessAccountRecord
        | undefined) ?? null
    );
  }

  insert(record: AccessAccountRecord): void {
    prepared(this.db, `INSERT INTO access_accounts (package_id, account_name, kind, account_type, permission, created_at, last_modified)
         VALUES (@packageId, @accountName, @kind, @accountType, @permission, @createdAt, @lastModified)`).run(record);
  }

  setPermission(packageId: string, accountName: string, permission: AccessPermission, lastModified: string): boolean {
    return (
      prepared(this.db, 'UPDATE access_accounts SET permission = ?, last_modified = ? WHERE package_id = ? AND account_name = ? COLLATE NOCASE')
        .run(permission, lastModified, packageId, accountName).changes === 1
    );
  }

  remove(packageId: string, accountName: string): boolean {
    return prepared(this.db, 'DELETE FROM access_accounts WHERE package_id = ? AND account_name = ? COLLATE NOCASE').run(packageId, accountName).changes === 1;
  }
}
