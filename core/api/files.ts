import { z } from 'zod';
import { requiredText, textSchema } from './text';

/**
 * The Set Source Directory dialog browses and checks folders as the site server sees them:
 * in the browser console the files live on the server, not on the admin's machine.
 */
const browsedPath = textSchema({ label: 'The path', max: 4096, trim: false }).default('');

export const folderListSchema = z.strictObject({
  /**
   * '' lists the roots: the source roots when the site limits browsing to them, else the UNC
   * prefixes of Path Mappings and the server's own roots (its drives on Windows, / elsewhere).
   * Anything else is an absolute path on the site server, or a UNC path.
   */
  path: browsedPath,
});

export interface FolderEntryDto {
  readonly name: string;
  readonly path: string;
}

/** At most this many folders and files come back from one listing (the rest are counted as left out). */
export const maxListedEntries = 5000;

export interface FolderListDto {
  readonly path: string;
  /** The folder above; '' above a root (the roots' list), null at the roots' list. */
  readonly parent: string | null;
  readonly folders: readonly FolderEntryDto[];
  /** More entries than maxListedEntries: the first ones by name were listed. */
  readonly truncated: boolean;
}

/** A file type as the Open dialog's filter names it: ".msi". */
export const fileExtensionPattern = /^\.[A-Za-z0-9_-]{1,16}$/;

/**
 * The Open dialog's listing (a file field's Browse…): the folders and the files of one folder,
 * the files limited to the types given (compared without regard to case; none: every file).
 */
export const fileListSchema = z.strictObject({
  path: browsedPath,
  extensions: z
    .array(z.string().regex(fileExtensionPattern, 'A file type is a dot and 1 to 16 letters or digits, such as .msi.'))
    .max(16, 'Give at most 16 file types.')
    .default([]),
});
export type FileListInput = z.input<typeof fileListSchema>;

export interface FileEntryDto {
  readonly name: string;
  readonly path: string;
  /** In bytes. */
  readonly size: number;
  /** When the file last changed (ISO 8601). */
  readonly modified: string;
}

export interface FileListDto extends FolderListDto {
  readonly files: readonly FileEntryDto[];
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
