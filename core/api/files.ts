import { z } from 'zod';

/**
 * The Set Source Directory dialog browses and checks folders as the site server sees them:
 * in the browser console the files live on the server, not on the admin's machine.
 */
export const folderListSchema = z.strictObject({
  /**
   * '' lists the roots (drives on Windows, / elsewhere, or the source roots when the site limits
   * browsing to them); anything else is an absolute path on the site server, or a UNC path.
   */
  path: z.string().max(4096, 'The path is too long.').default(''),
});

export interface FolderEntryDto {
  readonly name: string;
  readonly path: string;
}

export interface FolderListDto {
  readonly path: string;
  /** The folder above, or null at a root. */
  readonly parent: string | null;
  readonly folders: readonly FolderEntryDto[];
}

export const sourceCheckSchema = z.strictObject({
  path: z.string().trim().min(1, 'Type a path.').max(260, 'The source directory can be at most 260 characters.'),
});

export interface SourceCheckDto {
  /** The path as given (and as the package keeps it). */
  readonly path: string;
  /** Where the site server read it: the same path, or the local folder a path mapping gave a UNC path. */
  readonly serverPath: string;
  /** How many files the folder holds (first level only), to reassure the admin they picked the right one. */
  readonly entryCount: number;
}

/** The Windows Installer page's Import: read an .msi on the site server. */
export const msiInfoSchema = z.strictObject({
  path: z.string().trim().min(1, 'Give the path of a Windows Installer (.msi) file.').max(4096, 'The path is too long.'),
});
