import { z } from 'zod';
import { requiredText, textSchema } from './text';

/**
 * The Set Source Directory dialog browses and checks folders as the site server sees them:
 * in the browser console the files live on the server, not on the admin's machine.
 */
export const folderListSchema = z.strictObject({
  /** '' lists the roots (drives on Windows, / elsewhere). */
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
  readonly path: string;
  /** How many files the folder holds (first level only), to reassure the admin they picked the right one. */
  readonly entryCount: number;
}

/** The Windows Installer page's Import: read an .msi on the site server. */
export const msiInfoSchema = z.strictObject({
  path: requiredText('The path', 4096, 'Give the path of a Windows Installer (.msi) file.'),
});
