import type { afterRunningActions, assignmentModes, canRunWhenModes, diskSpaceUnits, programRunModes } from '../../api';

/**
 * A package definition file (.sms / .pdf, docs/formats.md#package-definition-files) as Courier reads it. Enumerations use
 * the contract's words (core/api/programs.ts) so the mapping to program settings is direct; the
 * file's own spelling stays in the messages and in `raw` fields.
 */
export interface PackageDefinition {
  /** '2.0' = SMS 2.0 / SMS 2003 / SCCM 2007; '1.0' = SMS 1.x (Product / SetupVariations). */
  readonly format: '2.0' | '1.0';
  readonly package: PackageDefinitionPackage;
  /** In the order the file lists them (`Programs=` or `SetupVariations=`). */
  readonly programs: readonly PackageDefinitionProgram[];
  /**
   * Optional values longer than the suite keeps, cut to their limit, in file order:
   * `[Package Definition] Comment (line 6): 197 characters; Courier keeps the first 127`.
   */
  readonly warnings: readonly string[];
}

export interface PackageDefinitionPackage {
  readonly name: string;
  readonly version: string;
  readonly publisher: string;
  readonly language: string;
  readonly comment: string;
  readonly mifFileName: string;
  readonly mifName: string;
  readonly mifVersion: string;
  readonly mifPublisher: string;
  /** ContainsNoFiles=True: the package has no source files (the wizard preselects that choice). */
  readonly containsNoFiles: boolean;
  /** Icon= as written (a file beside the definition); Courier does not load it. */
  readonly icon: string;
}

export interface SupportedClient {
  /** The platform name as written: `Win NT (I386)`, or a 1.x name such as `Windows95`. */
  readonly name: string;
  /** `<name> MinVersion<n>` / `MaxVersion<n>` pairs; empty = every version of that platform. */
  readonly versionRanges: readonly { readonly minVersion: string; readonly maxVersion: string }[];
}

export interface SupportedClients {
  /** SupportedClients= (2.0) or SupportedPlatforms= (1.x) was given and not empty. */
  readonly restricted: boolean;
  readonly clients: readonly SupportedClient[];
  /** Courier platform ids (core/api/platforms.ts) the clients and ranges cover. */
  readonly platforms: readonly string[];
  /** Client names (with their range) that cover no Courier platform, such as `Windows95`. */
  readonly unmapped: readonly string[];
}

export interface PackageDefinitionProgram {
  /** The section the program came from (`INSTALL`, or `Typical Setup` in 1.x). */
  readonly section: string;
  /** Line of the section header. */
  readonly line: number;
  readonly name: string;
  readonly commandLine: string;
  readonly startIn: string;
  readonly comment: string;
  readonly icon: string;
  readonly run: (typeof programRunModes)[number];
  readonly afterRunning: (typeof afterRunningActions)[number];
  readonly canRunWhen: (typeof canRunWhenModes)[number];
  /** After the forced rules of docs/formats.md#rules-applied-on-import (False unless CanRunWhen=UserLoggedOn). */
  readonly userInputRequired: boolean;
  /** After the forced rules of docs/formats.md#rules-applied-on-import (True unless CanRunWhen=UserLoggedOn). */
  readonly adminRightsRequired: boolean;
  readonly useInstallAccount: boolean;
  /** null = Unknown. */
  readonly estimatedDiskSpace: number | null;
  readonly estimatedDiskSpaceUnit: (typeof diskSpaceUnits)[number];
  /** Minutes, 1 to 720; null = Unknown. */
  readonly estimatedRunTime: number | null;
  readonly supportedClients: SupportedClients;
  /** The Name of another program in this file, or null. */
  readonly dependentProgram: string | null;
  /** After the forced rule of docs/formats.md#rules-applied-on-import (oncePerComputer unless CanRunWhen=UserLoggedOn). */
  readonly assignment: (typeof assignmentModes)[number];
  readonly disabled: boolean;
  readonly driveLetterConnection: boolean;
  /** A letter A–Z, or '' for "the next free letter". */
  readonly specifyDrive: string;
  readonly reconnectDriveAtLogon: boolean;
  readonly additionalProgramRequirements: string;
  /** The suite's ProgramFlags for these settings (programFlagsOf). */
  readonly programFlags: number;
  /** What the reader changed or ignored, in words (forced rules, settings without effect). */
  readonly notes: readonly string[];
}
