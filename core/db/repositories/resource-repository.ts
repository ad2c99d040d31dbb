import { resourceClassOf, type ResourceDto, type ResourceType } from '../../api';
import { multiValuedFields } from '../../domain/resource-properties';
import type { SqliteDatabase } from '../connection';
import { prepared } from '../prepared';
import { resourceFieldColumns, resourceValueTables } from '../wql-storage';

/** A resource as stored; the DTO is the record itself. */
export type ResourceRecord = ResourceDto;

/** What a write gives: everything but what the site assigns. */
export type ResourceWrite = Omit<ResourceRecord, 'resourceId' | 'resourceClass' | 'createdAt' | 'lastModified'>;

type SingleField = keyof typeof resourceFieldColumns;
const singleFields = Object.keys(resourceFieldColumns) as SingleField[];
const writtenFields = singleFields.filter((field) => field !== 'resourceId');

// Each multi-valued property comes back as a JSON array from its child table, in order, so one
// statement reads a resource whole (and a list of 100,000 is one statement, not seven).
const valueColumns = multiValuedFields.map(
  (field) => `(SELECT json_group_array(value ORDER BY position) FROM ${resourceValueTables[field]} v WHERE v.resource_id = resources.resource_id) AS ${field}`,
);
const selectColumns = ['resource_type', 'created_at', 'last_modified', ...singleFields.map((field) => resourceFieldColumns[field]), ...valueColumns].join(', ');

type Row = Record<string, string | number | null>;

function recordOf(row: Row): ResourceRecord {
  const resourceType = row.resource_type as ResourceType;
  const record: Record<string, unknown> = {};
  for (const field of singleFields) record[field] = row[resourceFieldColumns[field]] ?? null;
  for (const field of multiValuedFields) record[field] = JSON.parse(String(row[field] ?? '[]')) as string[];
  return {
    ...record,
    client: row.client === null ? null : row.client === 1,
    resourceType,
    resourceClass: resourceClassOf[resourceType],
    createdAt: row.created_at as string,
    lastModified: row.last_modified as string,
  } as ResourceRecord;
}

export interface ResourceListQuery {
  readonly resourceType?: ResourceType;
  readonly search?: string;
  readonly limit: number;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** `%` and `_` in a search are themselves, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Systems, users and user groups, with their multi-valued properties in child tables. */
export class ResourceRepository {
  constructor(private readonly db: SqliteDatabase) {}

  list(query: ResourceListQuery): ResourceRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.resourceType) {
      where.push('resource_type = ?');
      params.push(query.resourceType);
    }
    if (query.search) {
      where.push("name LIKE ? ESCAPE '\\'");
      params.push(likePattern(query.search));
    }
    const filter = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    const rows = prepared(this.db, `SELECT ${selectColumns} FROM resources${filter} ORDER BY name COLLATE NOCASE, resource_id LIMIT ?`).all(...params, query.limit) as Row[];
    return rows.map(recordOf);
  }

  get(resourceId: number): ResourceRecord | null {
    const row = prepared(this.db, `SELECT ${selectColumns} FROM resources WHERE resource_id = ?`).get(resourceId) as Row | undefined;
    return row ? recordOf(row) : null;
  }

  /** The resource an SMS unique identifier names, any case. */
  idByUniqueIdentifier(smsUniqueIdentifier: string): number | null {
    return (prepared(this.db, 'SELECT resource_id FROM resources WHERE sms_unique_identifier = ?').pluck().get(smsUniqueIdentifier) as number | undefined) ?? null;
  }

  /** The resource of a type with a name, any case. */
  idByName(resourceType: ResourceType, name: string): number | null {
    return (prepared(this.db, 'SELECT resource_id FROM resources WHERE resource_type = ? AND name = ?').pluck().get(resourceType, name) as number | undefined) ?? null;
  }

  insert(write: ResourceWrite, stamp: string): number {
    const columns = ['resource_type', 'created_at', 'last_modified', ...writtenFields.map((field) => resourceFieldColumns[field])];
    const id = Number(
      prepared(this.db, `INSERT INTO resources (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        .run(write.resourceType, stamp, stamp, ...writtenFields.map((field) => this.cell(write, field))).lastInsertRowid,
    );
    this.writeValues(id, write, 'new');
    return id;
  }

  /** `previous` is what is stored: a multi-valued property that did not change is not rewritten. */
  update(resourceId: number, write: ResourceWrite, stamp: string, previous: ResourceWrite | null = null): void {
    const assignments = ['last_modified = ?', ...writtenFields.map((field) => `${resourceFieldColumns[field]} = ?`)].join(', ');
    prepared(this.db, `UPDATE resources SET ${assignments} WHERE resource_id = ?`).run(stamp, ...writtenFields.map((field) => this.cell(write, field)), resourceId);
    this.writeValues(resourceId, write, previous ?? 'replace');
  }

  delete(resourceId: number): boolean {
    return prepared(this.db, 'DELETE FROM resources WHERE resource_id = ?').run(resourceId).changes === 1;
  }

  /** The collections (ID and name) whose direct rules name the resource. */
  collectionsWithDirectRule(resourceId: number): { collectionId: string; name: string }[] {
    return prepared(this.db, 
        "SELECT c.collection_id AS collectionId, c.name FROM collection_rules r JOIN collections c ON c.collection_id = r.collection_id WHERE r.kind = 'direct' AND r.resource_id = ? ORDER BY c.collection_id",
      )
      .all(resourceId) as { collectionId: string; name: string }[];
  }

  /** The collections it is a member of, as of their last evaluation. */
  collectionsWithMember(resourceId: number): string[] {
    return prepared(this.db, 'SELECT collection_id FROM collection_members WHERE resource_id = ? ORDER BY collection_id').pluck().all(resourceId) as string[];
  }

  private cell(write: ResourceWrite, field: Exclude<SingleField, 'resourceId'>): string | number | null {
    const value = write[field];
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value ?? null;
  }

  /** `previous`: 'new' for a new resource, 'replace' when what is stored is not known, else what is stored. */
  private writeValues(resourceId: number, write: ResourceWrite, previous: ResourceWrite | 'new' | 'replace'): void {
    for (const field of multiValuedFields) {
      const table = resourceValueTables[field];
      if (typeof previous === 'object' && sameValues(previous[field], write[field])) continue;
      if (previous !== 'new') prepared(this.db, `DELETE FROM ${table} WHERE resource_id = ?`).run(resourceId);
      const insert = prepared(this.db, `INSERT INTO ${table} (resource_id, position, value) VALUES (?, ?, ?)`);
      write[field].forEach((value, position) => insert.run(resourceId, position, value));
    }
  }
}
