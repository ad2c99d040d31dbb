import { z } from 'zod';
import { requiredText, textSchema } from './text';

/**
 * The Set Source Directory dialog browses and checks folders as the site server sees them:
 * in the browser console the files live on the server, not on the admin's machine.
 */
export const folderListSchema = z.strictObject({
  /**
   * '' lists the roots (drives on Windows, / elsewhere, or the source roots when the site limits
   * browsing to them); anything else is an absolute path on the site server, or a UNC path.
   */
  path: textSchema({ label: 'The path', max: 4096, trim: false }).default(''),
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
  path: requiredText('The source directory', 260, 'Type a path.'),
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
  path: requiredText('The path', 4096, 'Give the path of a Windows Installer (.msi) file.'),
});
