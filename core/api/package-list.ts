import { z } from 'zod';
import { packageIdSchema } from './ids';
import { textSchema } from './text';
import type { PackageDto } from './packages';

/**
 * What the console's Packages list and tree show of a package, in the order a list row carries
 * them. The whole package is 30 fields; the list shows 8, and at 100,000 packages reading and
 * sending the other 22 is most of the cost (see the README's "The console at scale").
 */
export const packageListFields = ['packageId', 'name', 'version', 'language', 'publisher', 'sourceVersion', 'lastModified', 'comment'] as const;
export type PackageListField = (typeof packageListFields)[number];

/** A package as the list shows it. */
export interface PackageListItem {
  readonly packageId: string;
  readonly name: string;
  readonly version: string;
  readonly language: string;
  readonly publisher: string;
  readonly sourceVersion: number;
  /** ISO 8601, UTC. */
  readonly lastModified: string;
  readonly comment: string;
  /** Not list columns: what the package's commands (Update Distribution Points) and Package Status need. */
  readonly containsSourceFiles: boolean;
  /** ISO 8601, UTC: when the source version was taken. */
  readonly sourceDate: string;
}

/** One list row on the wire: the values of `packageListFields`, in that order (no key repeated per row). */
export type PackageListRow = readonly [
  packageId: string,
  name: string,
  version: string,
  language: string,
  publisher: string,
  sourceVersion: number,
  lastModified: string,
  comment: string,
  // After the sortable fields: as SQLite stores it, 0 or 1.
  containsSourceFiles: 0 | 1,
  sourceDate: string,
];

/** Where the next page starts: the sort value and Package ID of the last row sent. */
export interface PackageListCursor {
  readonly value: string | number;
  readonly packageId: string;
}

export interface PackageListPageDto {
  readonly rows: readonly PackageListRow[];
  /** Pass as `after` for the rows that follow; null when none follow. */
  readonly next: PackageListCursor | null;
}

/** The longest sort value a cursor can carry: the longest text a list field holds (Comment, 127) with room to spare. */
const longestSortValue = 260;

/**
 * `packages:list-page`: the packages in the order of one list field (text and IDs compared as
 * the site database's NOCASE compares them, ties by Package ID), from after `after`, at most
 * `limit` of them (every one that follows when no limit is given).
 */
export const packageListPageSchema = z
  .strictObject({
    sort: z.enum(packageListFields).default('name'),
    direction: z.enum(['ascending', 'descending']).default('ascending'),
    after: z
      .strictObject({
        // Not trimmed: the cursor must name the stored value exactly, as the last page sent it.
        value: z.union([textSchema({ label: "A list cursor's sort value", max: longestSortValue, trim: false }), z.number().int()]),
        packageId: packageIdSchema,
      })
      .optional(),
    limit: z
      .number()
      .int('The page size is a whole number of packages.')
      .min(1, 'The page size is 1 to 100,000 packages.')
      .max(100_000, 'The page size is 1 to 100,000 packages.')
      .optional(),
  })
  .superRefine((request, ctx) => {
    if (request.after === undefined) return;
    const numeric = request.sort === 'sourceVersion';
    if (numeric !== (typeof request.after.value === 'number')) {
      ctx.addIssue({
        code: 'custom',
        path: ['after', 'value'],
        message: numeric ? 'The cursor of a list sorted by Source Version carries a number.' : `The cursor of a list sorted by ${request.sort} carries text.`,
      });
    }
  });

export function packageListItemOf(pkg: PackageListItem | PackageDto): PackageListItem {
  return {
    packageId: pkg.packageId,
    name: pkg.name,
    version: pkg.version,
    language: pkg.language,
    publisher: pkg.publisher,
    sourceVersion: pkg.sourceVersion,
    lastModified: pkg.lastModified,
    comment: pkg.comment,
    containsSourceFiles: pkg.containsSourceFiles,
    sourceDate: pkg.sourceDate,
  };
}

/** A package as a list row carries it (the core builds rows in SQL; this is for stand-ins of it). */
export function packageListRowOf(pkg: PackageListItem | PackageDto): PackageListRow {
  return [pkg.packageId, pkg.name, pkg.version, pkg.language, pkg.publisher, pkg.sourceVersion, pkg.lastModified, pkg.comment, pkg.containsSourceFiles ? 1 : 0, pkg.sourceDate];
}

export function packageListItemFromRow(row: PackageListRow): PackageListItem {
  return {
    packageId: row[0],
    name: row[1],
    version: row[2],
    language: row[3],
    publisher: row[4],
    sourceVersion: row[5],
    lastModified: row[6],
    comment: row[7],
    containsSourceFiles: row[8] === 1,
    sourceDate: row[9],
  };
}
