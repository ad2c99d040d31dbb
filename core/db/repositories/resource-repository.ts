import { resourceClassOf, type ResourceDto, type ResourceType } from '../../api';
import { multiValuedFields, type MultiValuedField } from '../../domain/resource-properties';
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

const selectColumns = ['resource_type', 'created_at', 'last_modified', ...singleFields.map((field) => resourceFieldColumns[field])].join(', ');

type Row = Record<string, string | number | null>;

function recordOf(row: Row, values: Readonly<Record<MultiValuedField, readonly string[]>>): ResourceRecord {
  const resourceType = row.resource_type as ResourceType;
  const single: Record<string, unknown> = {};
  for (const field of singleFields) single[field] = row[resourceFieldColumns[field]] ?? null;
  return {
    ...(single as Pick<ResourceRecord, SingleField>),
    client: row.client === null ? null : row.client === 1,
    resourceType,
    resourceClass: resourceClassOf[resourceType],
    ...values,
    createdAt: row.created_at as string,
    lastModified: row.last_modified as string,
  } as ResourceRecord;
}

const noValues = (): Record<MultiValuedField, string[]> => ({ ipAddresses: [], ipSubnets: [], systemOuNames: [], assignedSites: [], userGroups: [], userOuNames: [] });

export interface ResourceListQuery {
  readonly resourceType?: ResourceType;
  readonly search?: string;
  readonly limit: number;
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
    const selected = `SELECT resource_id FROM resources${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY name COLLATE NOCASE, resource_id LIMIT ?`;
    const rows = prepared(this.db, `SELECT ${selectColumns} FROM resources WHERE resource_id IN (${selected}) ORDER BY name COLLATE NOCASE, resource_id`).all(...params, query.limit) as Row[];
    const values = new Map<number, Record<MultiValuedField, string[]>>();
    for (const row of rows) values.set(row.resource_id as number, noValues());
    for (const field of multiValuedFields) {
      const valueRows = prepared(this.db, `SELECT resource_id AS id, value FROM ${resourceValueTables[field]} WHERE resource_id IN (${selected}) ORDER BY resource_id, position`)
        .raw()
        .all(...params, query.limit) as [number, string][];
      for (const [id, value] of valueRows) values.get(id)?.[field].push(value);
    }
    return rows.map((row) => recordOf(row, values.get(row.resource_id as number) ?? noValues()));
  }

  get(resourceId: number): ResourceRecord | null {
    const row = prepared(this.db, `SELECT ${selectColumns} FROM resources WHERE resource_id = ?`).get(resourceId) as Row | undefined;
    if (!row) return null;
    const values = noValues();
    for (const field of multiValuedFields) {
      values[field] = (prepared(this.db, `SELECT value FROM ${resourceValueTables[field]} WHERE resource_id = ? ORDER BY position`).pluck().all(resourceId) as string[]);
    }
    return recordOf(row, values);
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
    this.writeValues(id, write, false);
    return id;
  }

  update(resourceId: number, write: ResourceWrite, stamp: string): void {
    const assignments = ['last_modified = ?', ...writtenFields.map((field) => `${resourceFieldColumns[field]} = ?`)].join(', ');
    prepared(this.db, `UPDATE resources SET ${assignments} WHERE resource_id = ?`).run(stamp, ...writtenFields.map((field) => this.cell(write, field)), resourceId);
    this.writeValues(resourceId, write, true);
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

  private writeValues(resourceId: number, write: ResourceWrite, replace: boolean): void {
    for (const field of multiValuedFields) {
      const table = resourceValueTables[field];
      if (replace) prepared(this.db, `DELETE FROM ${table} WHERE resource_id = ?`).run(resourceId);
      const insert = prepared(this.db, `INSERT INTO ${table} (resource_id, position, value) VALUES (?, ?, ?)`);
      write[field].forEach((value, position) => insert.run(resourceId, position, value));
    }
  }
}
