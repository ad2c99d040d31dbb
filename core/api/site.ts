import { z } from 'zod';
import { boundedWholeNumber } from './bounded-number';
import { siteCodeSchema } from './ids';
import { requiredText, textSchema } from './text';
import { posixPathProblem, sourceDirectoryProblem } from './source-paths';
import { windowsPathForm, windowsPathProblem } from './windows-path';

export const siteNameSchema = requiredText('The site name', 50);

export const siteInitSchema = z.strictObject({
  siteCode: siteCodeSchema,
  siteName: siteNameSchema,
});
export type SiteInitInput = z.input<typeof siteInitSchema>;

export interface SiteInfoDto {
  readonly siteCode: string;
  readonly siteName: string;
  /** The computer the site server runs on. */
  readonly serverName: string;
  readonly dataDir: string;
  readonly siteRoot: string;
  readonly databasePath: string;
  readonly productVersion: string;
  /** 'win32', 'linux' …: tells the console which path forms the site server can reach. */
  readonly platform: string;
  readonly createdAt: string;
}

// ---- Site Properties › Path Mappings and source roots ------------------------------------------

/** The UNC prefix of a mapping: \\server\share or \\server\share\folder. */
export function uncPrefixProblem(path: string): string | null {
  const form = windowsPathForm(path);
  if (form !== 'unc' && form !== 'device') return 'Map a UNC path: \\\\server\\share or \\\\server\\share\\folder.';
  return windowsPathProblem(path, { purpose: 'folder' });
}

const uncPrefixSchema = textSchema({
  label: 'The UNC path',
  max: 260,
  required: 'Give the UNC path to map, such as \\\\fs01\\sources.',
  problem: uncPrefixProblem,
});

/** `site:path-mappings:set`: add a mapping, or change the local folder of the one with this prefix. */
export const pathMappingSetSchema = z.strictObject({
  uncPrefix: uncPrefixSchema,
  /** The share's mount point on the site server (an absolute POSIX path). */
  localPath: textSchema({
    label: 'The local path',
    max: 4096,
    required: 'Give the folder the share is mounted on, such as /mnt/fs01/sources.',
    problem: posixPathProblem,
  }),
});
export type PathMappingSetInput = z.input<typeof pathMappingSetSchema>;

/** `site:path-mappings:remove`: the prefix as listed (compared as Windows compares paths). */
export const pathMappingRemoveSchema = z.strictObject({
  uncPrefix: requiredText('The UNC path', 260, 'Name the UNC path whose mapping to remove.'),
});

export interface PathMappingDto {
  /** As the admin typed it, without a trailing backslash. */
  readonly uncPrefix: string;
  readonly localPath: string;
  readonly createdAt: string;
  readonly lastModified: string;
}

/** At most this many source roots; a site has a handful of source shares. */
export const maxSourceRoots = 100;

/**
 * `site:source-roots:set`: "Browse only under these source roots". Either part may be left out;
 * `roots` replaces the whole list. Roots are source directory paths (local or UNC).
 */
export const sourceRootsSetSchema = z.strictObject({
  limitBrowsing: z.boolean().optional(),
  roots: z
    .array(
      textSchema({ label: 'A source root', max: 260, required: 'A source root cannot be empty.', problem: sourceDirectoryProblem }),
    )
    .max(maxSourceRoots, `A site can have at most ${maxSourceRoots} source roots.`)
    .optional(),
});
export type SourceRootsSetInput = z.input<typeof sourceRootsSetSchema>;

export interface SourceRootsDto {
  /**
   * When on, the site server lists folders, checks source directories and reads package
   * definition and Windows Installer files only under the roots. Off by default.
   */
  readonly limitBrowsing: boolean;
  readonly roots: readonly string[];
}

/** Site Maintenance › Delete Aged Status Messages: the days kept and how often at most the task looks. */
export const statusRetentionLimits = { keepDays: { min: 1, max: 365 }, everyHours: { min: 1, max: 168 } } as const;

/** `site:maintenance:set`: whatever is given changes; the rest stays. */
export const siteMaintenanceSetSchema = z.strictObject({
  deleteAgedStatusMessages: z.strictObject({
    enabled: z.boolean({ error: 'enabled is true or false.' }).optional(),
    keepDays: boundedWholeNumber('The days to keep status messages', statusRetentionLimits.keepDays).optional(),
    everyHours: boundedWholeNumber('The hours between runs', statusRetentionLimits.everyHours).optional(),
  }),
});
export type SiteMaintenanceSetInput = z.input<typeof siteMaintenanceSetSchema>;

export interface StatusRetentionDto {
  readonly enabled: boolean;
  /** Status messages older than this many days are deleted. */
  readonly keepDays: number;
  /** Inbox Manager runs the task at most once in this many hours. */
  readonly everyHours: number;
  readonly lastModified: string;
  readonly lastRunAt: string | null;
  readonly lastDeleted: number | null;
}

export interface SiteMaintenanceDto {
  readonly deleteAgedStatusMessages: StatusRetentionDto;
}
