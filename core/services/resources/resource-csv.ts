import { CsvError, parse, type Info } from 'csv-parse/sync';
import { CourierError, resourceClassOf, resourceInputSchema, resourcePlatforms, type RefusedRowDto, type ResourceInput, type ResourceType } from '../../api';
import { readBoundedFile } from '../../content/bounded-file';
import type { FileAccess } from '../../content/file-access';
import { findResourceProperty, isMultiValued, resourceProperties, type ResourceField } from '../../domain/resource-properties';
import { validationError } from '../../domain/validation';

/** A CSV file of resources is read whole: 100,000 systems are some 30 MB. */
export const maxCsvBytes = 256 * 1024 * 1024;
/** One row, quotes and all; a cell larger than any property is refused long before this. */
const maxRowBytes = 1024 * 1024;

export interface ResourceCsv {
  /** The rows that pass every check, in file order. */
  readonly rows: ResourceInput[];
  readonly refused: RefusedRowDto[];
}

interface Column {
  readonly header: string;
  readonly field: ResourceField;
}

const booleanCells: Readonly<Record<string, boolean>> = { '1': true, true: true, yes: true, '0': false, false: false, no: false };

function refuseFile(message: string): never {
  throw new CourierError('VALIDATION_FAILED', message, 'path');
}

/** The header row: each cell a property of the class, none twice, the name among them. */
function columnsOf(header: readonly string[], resourceType: ResourceType): Column[] {
  const className = resourceClassOf[resourceType];
  const importable = resourceProperties[className].filter((p) => p.importable).map((p) => p.property);
  const columns: Column[] = [];
  for (const cell of header) {
    const name = cell.trim();
    const property = findResourceProperty(className, name);
    if (!property) refuseFile(`The header names ${JSON.stringify(name.slice(0, 64))}, which is not a property of ${className} Courier imports (${importable.join(', ')}).`);
    if (!property.importable) refuseFile(`The header names ${property.property}: the site gives or derives it; leave that column out (${className} columns: ${importable.join(', ')}).`);
    const twice = columns.find((c) => c.field === property.field);
    if (twice) refuseFile(`The header names ${twice.header} and ${name}: they are the same property; keep one.`);
    columns.push({ header: property.property, field: property.field });
  }
  if (!columns.some((c) => c.field === 'name')) {
    refuseFile(`The header names no ${resourceProperties[className].find((p) => p.field === 'name')?.property ?? 'Name'} column: each row needs the resource's name.`);
  }
  return columns;
}

/** A cell as the field's value: empty is NULL (no values for a list), lists split at `;`. */
function valueOf(column: Column, cell: string, reasons: string[]): unknown {
  const text = cell.trim();
  if (isMultiValued(column.field)) return text === '' ? [] : text.split(';').map((part) => part.trim()).filter((part) => part !== '');
  if (text === '') return null;
  if (column.field === 'client') {
    const value = booleanCells[text.toLowerCase()];
    if (value === undefined) reasons.push(`${column.header} is 1 or 0 (yes or no), not ${JSON.stringify(text.slice(0, 32))}.`);
    return value ?? null;
  }
  if (column.field === 'platform') {
    const platform = resourcePlatforms.find((p) => p.toLowerCase() === text.toLowerCase());
    if (platform === undefined) reasons.push(`${column.header} is one of ${resourcePlatforms.join(', ')}, not ${JSON.stringify(text.slice(0, 32))}.`);
    return platform ?? null;
  }
  return text;
}

function rowInput(columns: readonly Column[], cells: readonly string[], resourceType: ResourceType, reasons: string[]): ResourceInput | null {
  if (cells.length !== columns.length) {
    reasons.push(`The row has ${cells.length} cells; the header has ${columns.length}.`);
    return null;
  }
  const input: Record<string, unknown> = { resourceType };
  columns.forEach((column, index) => {
    input[column.field] = valueOf(column, cells[index] ?? '', reasons);
  });
  if (input.name === null) reasons.push('The name is empty.');
  if (reasons.length > 0) return null;
  const parsed = resourceInputSchema.safeParse(input);
  if (!parsed.success) {
    const error = validationError(parsed.error);
    reasons.push(...(error.issues ?? []).map((issue) => issue.message));
    return null;
  }
  return parsed.data;
}

function parseCsv(bytes: Uint8Array): { record: string[]; info: Info }[] {
  try {
    return parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRowBytes,
    }) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    if (error instanceof CsvError) refuseFile(`The file is not CSV Courier can read: ${error.message}`);
    throw error;
  }
}

/**
 * The line each row starts on, from where the parser says the previous row ended: csv-parse's
 * own line count takes a CRLF inside quotes for two lines. `end` of one row is the start of the
 * next, past the blank lines it skips. Counted forward once, so the whole file costs one pass.
 */
function lineCounter(bytes: Uint8Array, headerEnd: number): (end: number) => number {
  let start = headerEnd;
  let offset = 0;
  let line = 1;
  return (end) => {
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
    for (; offset < start; offset++) if (bytes[offset] === 0x0a) line++;
    const startLine = line;
    start = end;
    return startLine;
  };
}

/**
 * Reads and checks a CSV file of resources: the header row names SMS_R_System (SMS_R_User,
 * SMS_R_UserGroup) properties, any case; each row is checked by the contract's own schema, and
 * a row naming a resource an earlier row named is refused, so one import never writes a
 * resource twice. Nothing is written here.
 */
export async function readResourceCsv(path: string, resourceType: ResourceType, access: FileAccess): Promise<ResourceCsv> {
  const bytes = await readBoundedFile(path, maxCsvBytes, 'a CSV file of resources', 'path', access);
  const records = parseCsv(bytes);
  const [header, ...body] = records;
  if (!header) refuseFile(`${path} is empty: the first row names the columns (Name, SMSUniqueIdentifier …).`);
  const columns = columnsOf(header.record, resourceType);
  const rows: ResourceInput[] = [];
  const refused: RefusedRowDto[] = [];
  const seen = new Map<string, number>();
  const lineAt = lineCounter(bytes, header.info.bytes);
  for (const { record, info } of body) {
    const line = lineAt(info.bytes);
    const reasons: string[] = [];
    const input = rowInput(columns, record, resourceType, reasons);
    const nameCell = record[columns.findIndex((c) => c.field === 'name')]?.trim() ?? '';
    if (input) {
      const keys = [`name:${input.name.toLowerCase()}`];
      if (input.resourceType === 'system' && input.smsUniqueIdentifier) keys.push(`id:${input.smsUniqueIdentifier.toLowerCase()}`);
      const earlier = keys.map((key) => seen.get(key)).find((line) => line !== undefined);
      if (earlier !== undefined) {
        reasons.push(`It names the same resource as line ${earlier}.`);
      } else {
        for (const key of keys) seen.set(key, line);
        rows.push(input);
        continue;
      }
    }
    refused.push({ line, name: nameCell === '' ? null : nameCell.slice(0, 256), reasons });
  }
  return { rows, refused };
}
