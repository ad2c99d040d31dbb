import { packageListFields, type PackageListCursor, type PackageListField, type PackageListPageDto, type PackageListRow } from '../../api';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';

export interface PackageListPageQuery {
  readonly sort: PackageListField;
  readonly direction: 'ascending' | 'descending';
  readonly after?: PackageListCursor | undefined;
  readonly limit?: number | undefined;
}

// The list's fields in the order of PackageListRow, each with how it is compared: text and IDs as
// the schema's NOCASE indexes compare them (packages_name), times as ISO strings, numbers as numbers.
const fields: Readonly<Record<PackageListField, { readonly column: string; readonly collate: string }>> = {
  packageId: { column: 'package_id', collate: ' COLLATE NOCASE' },
  name: { column: 'name', collate: ' COLLATE NOCASE' },
  version: { column: 'version', collate: ' COLLATE NOCASE' },
  language: { column: 'language', collate: ' COLLATE NOCASE' },
  publisher: { column: 'publisher', collate: ' COLLATE NOCASE' },
  sourceVersion: { column: 'source_version', collate: '' },
  lastModified: { column: 'last_modified', collate: '' },
  comment: { column: 'comment', collate: ' COLLATE NOCASE' },
};

// The sortable fields, then what the list's commands need (PackageListRow's order).
const selected = [...packageListFields.map((field) => fields[field].column), 'contains_source_files', 'source_date'].join(', ');

/**
 * The SQL of one kind of page. Ties go by package_id (unique), so the order is total and a page
 * can start exactly after the last row of the one before (keyset paging: no OFFSET, so a later
 * page costs no more than the first, and a package created meanwhile is neither skipped twice nor
 * repeated). The `>=` bound comes first so SQLite can seek an index on the sort column.
 */
function sql(query: PackageListPageQuery): string {
  const { column, collate } = fields[query.sort];
  const ascending = query.direction === 'ascending';
  const [beyondOrAt, beyond, order] = ascending ? ['>=', '>', 'ASC'] : ['<=', '<', 'DESC'];
  const where = query.after
    ? ` WHERE ${column} ${beyondOrAt} @value${collate} AND (${column} ${beyond} @value${collate} OR package_id ${beyond} @packageId)`
    : '';
  const limit = query.limit === undefined ? '' : ' LIMIT @limit';
  return `SELECT ${selected} FROM packages${where} ORDER BY ${column}${collate} ${order}, package_id ${order}${limit}`;
}

/** A page of the Packages list, rows as arrays in PackageListRow order. */
export function packageListPage(db: SqliteDatabase, query: PackageListPageQuery): PackageListPageDto {
  const parameters: Record<string, string | number> = {};
  if (query.after) {
    parameters.value = query.after.value;
    parameters.packageId = query.after.packageId;
  }
  if (query.limit !== undefined) parameters.limit = query.limit;
  const rows = prepared(db, sql(query)).raw(true).all(parameters) as unknown as PackageListRow[];
  const last = rows[rows.length - 1];
  const full = query.limit !== undefined && rows.length === query.limit;
  const next = full && last !== undefined ? { value: last[packageListFields.indexOf(query.sort)] as string | number, packageId: last[0] } : null;
  return { rows, next };
}
