import { z } from 'zod';
import { siteCodeSchema } from './ids';
import { posixPathProblem, sourceDirectoryProblem } from './source-paths';
import { windowsPathForm, windowsPathProblem } from './windows-path';

export const siteNameSchema = z
  .string()
  .trim()
  .min(1, 'The site name is required.')
  .max(50, 'The site name can be at most 50 characters.');

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

function pathRule(problemOf: (path: string) => string | null) {
  return (path: string, ctx: z.RefinementCtx) => {
    const problem = path === '' ? null : problemOf(path);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/** The UNC prefix of a mapping: \\server\share or \\server\share\folder. */
export function uncPrefixProblem(path: string): string | null {
  const form = windowsPathForm(path);
  if (form !== 'unc' && form !== 'device') return 'Map a UNC path: \\\\server\\share or \\\\server\\share\\folder.';
  return windowsPathProblem(path, { purpose: 'folder' });
}

const uncPrefixSchema = z
  .string()
  .trim()
  .min(1, 'Give the UNC path to map, such as \\\\fs01\\sources.')
  .max(260, 'The UNC path can be at most 260 characters.')
  .superRefine(pathRule(uncPrefixProblem));

/** `site:path-mappings:set`: add a mapping, or change the local folder of the one with this prefix. */
export const pathMappingSetSchema = z.strictObject({
  uncPrefix: uncPrefixSchema,
  /** The share's mount point on the site server (an absolute POSIX path). */
  localPath: z
    .string()
    .trim()
    .min(1, 'Give the folder the share is mounted on, such as /mnt/fs01/sources.')
    .max(4096, 'The local path can be at most 4096 characters.')
    .superRefine(pathRule(posixPathProblem)),
});
export type PathMappingSetInput = z.input<typeof pathMappingSetSchema>;

/** `site:path-mappings:remove`: the prefix as listed (compared as Windows compares paths). */
export const pathMappingRemoveSchema = z.strictObject({
  uncPrefix: z.string().trim().min(1, 'Name the UNC path whose mapping to remove.').max(260, 'The UNC path can be at most 260 characters.'),
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
      z
        .string()
        .trim()
        .min(1, 'A source root cannot be empty.')
        .max(260, 'A source root can be at most 260 characters.')
        .superRefine(pathRule(sourceDirectoryProblem)),
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
