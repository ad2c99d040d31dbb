import { z } from 'zod';
import type { PackageDto } from './packages';
import type { ProgramDto } from './programs';
import { optionalText, requiredText } from './text';

/**
 * Create Package From Definition (docs/software-distribution.md#create-package-from-definition): a
 * built-in definition shipped with Courier, or a .sms/.pdf/.msi file on the site server.
 */
export const definitionSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('builtIn'), id: requiredText('The package definition', 100, 'Choose a package definition.') }),
  z.strictObject({ kind: z.literal('file'), path: requiredText('The path', 4096, 'Give the path of a .sms, .pdf or .msi file.') }),
]);
export type DefinitionSource = z.output<typeof definitionSourceSchema>;

/** The Source Files page: no files, always from the source directory, or a compressed copy. */
export const sourceFilesModes = ['none', 'direct', 'compressed'] as const;

export const definitionInspectSchema = z.strictObject({ source: definitionSourceSchema });

export const packageImportSchema = z
  .strictObject({
    source: definitionSourceSchema,
    sourceFiles: z.enum(sourceFilesModes),
    sourceDirectory: optionalText('The source directory', 260).default(''),
  })
  .superRefine((input, ctx) => {
    if (input.sourceFiles !== 'none' && input.sourceDirectory === '') {
      ctx.addIssue({ code: 'custom', path: ['sourceDirectory'], message: 'Give the source directory that holds the package files.' });
    }
    if (input.sourceFiles === 'none' && input.sourceDirectory !== '') {
      ctx.addIssue({ code: 'custom', path: ['sourceDirectory'], message: 'A source directory is given only when the package contains source files.' });
    }
  });
export type PackageImportInput = z.input<typeof packageImportSchema>;

export interface BuiltInDefinitionDto {
  readonly id: string;
  readonly fileName: string;
  readonly format: '2.0' | '1.0';
  readonly name: string;
  readonly version: string;
  readonly publisher: string;
  readonly language: string;
  readonly programCount: number;
}

export interface MsiInfoDto {
  readonly productCode: string;
  readonly productName: string;
  readonly productVersion: string;
  readonly manufacturer: string;
  readonly upgradeCode: string;
  readonly productLanguage: string;
}

/** What the wizard shows before anything is created. */
export interface DefinitionPreviewDto {
  readonly format: '2.0' | '1.0' | 'msi';
  readonly package: {
    readonly name: string;
    readonly version: string;
    readonly publisher: string;
    readonly language: string;
    readonly comment: string;
    /** The definition says the package has no source files. */
    readonly containsNoFiles: boolean;
  };
  readonly programs: readonly { readonly name: string; readonly commandLine: string }[];
  readonly msi: MsiInfoDto | null;
  /** Where the files most likely are (an MSI's own folder), or ''. */
  readonly suggestedSourceDirectory: string;
  /** Things the admin should know: unmapped platforms, keys Courier does not keep. */
  readonly notes: readonly string[];
  /**
   * Values longer than the suite keeps, imported cut to their limit (UTF-16 units, never inside a
   * character): `[Package Definition] Comment (line 6): 197 characters; Courier keeps the first 127`.
   */
  readonly warnings: readonly string[];
}

export interface PackageImportedDto {
  readonly package: PackageDto;
  readonly programs: readonly ProgramDto[];
  /** The preview's warnings: what was cut on the way in. */
  readonly warnings: readonly string[];
}
