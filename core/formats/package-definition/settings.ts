import {
  computerProgramDefaults,
  foldNoCase,
  packageDefaults,
  type ComputerProgramSettings,
  type PackageSettings,
} from '../../api';
import type { PackageDefinition, PackageDefinitionProgram } from './types';

/**
 * A definition's program as the contract's program settings. Settings the file cannot express
 * (Windows Installer, MOM, task sequences, notifications) keep the console's defaults: a definition
 * does not provide those tabs (docs/software-distribution.md#create-package-from-definition).
 * `packageId` is the package the programs are created in: a DependentProgram names a program of
 * the same file, so it is a program of that same package.
 */
export function toProgramSettings(program: Omit<PackageDefinitionProgram, 'programFlags' | 'notes'>, packageId: string): ComputerProgramSettings {
  const admin = program.adminRightsRequired;
  const anyPlatform = program.supportedClients.platforms.length === 0;
  return {
    ...computerProgramDefaults,
    name: program.name,
    commandLine: program.commandLine,
    comment: program.comment,
    estimatedDiskSpace: program.estimatedDiskSpace,
    diskSpaceUnit: program.estimatedDiskSpaceUnit,
    startIn: program.startIn,
    run: program.run,
    afterRunning: program.afterRunning,
    maximumRunTime: program.estimatedRunTime,
    anyPlatform,
    platforms: anyPlatform ? [] : [...program.supportedClients.platforms],
    additionalRequirements: program.additionalProgramRequirements,
    canRunWhen: program.canRunWhen,
    runMode: admin ? 'adminRights' : 'userRights',
    // The installation account exists only with administrative rights (computerProgramIssues).
    useInstallAccount: program.useInstallAccount && admin,
    allowUserInteraction: program.userInputRequired,
    driveMode: !program.driveLetterConnection ? 'unc' : program.specifyDrive === '' ? 'driveLetter' : 'specificDriveLetter',
    driveLetter: program.driveLetterConnection ? program.specifyDrive : '',
    reconnectAtLogon: program.driveLetterConnection && program.reconnectDriveAtLogon,
    runFirst: program.dependentProgram === null ? null : { packageId, programName: program.dependentProgram },
    assignment: program.assignment,
    disabled: program.disabled,
  };
}

/**
 * The definition's package as the contract's package settings. The definition does not say where
 * the source files are: the wizard's Source Files page does. Without `sourceDirectory` the package
 * has no source files; `definition.package.containsNoFiles` tells the wizard which choice to offer first.
 * Data Access and Distribution Settings keep their defaults: the file does not provide them.
 */
export function toPackageSettings(definition: PackageDefinition, options: { sourceDirectory?: string } = {}): PackageSettings {
  const p = definition.package;
  const sourceDirectory = options.sourceDirectory ?? '';
  const customMif = [p.mifFileName, p.mifName, p.mifVersion, p.mifPublisher].some((v) => v !== '');
  return {
    ...packageDefaults,
    name: p.name,
    version: p.version,
    publisher: p.publisher,
    language: p.language,
    comment: p.comment,
    containsSourceFiles: sourceDirectory !== '',
    sourceDirectory,
    mifMatching: customMif ? 'customFields' : 'packageProperties',
    mifFileName: p.mifFileName,
    mifName: p.mifName,
    mifVersion: p.mifVersion,
    mifPublisher: p.mifPublisher,
  };
}

/**
 * The order to create the programs in: a program's DependentProgram before the program itself
 * (the parser has refused cycles), otherwise the file's order.
 */
export function programCreationOrder(definition: PackageDefinition): PackageDefinitionProgram[] {
  const byName = new Map(definition.programs.map((p) => [foldNoCase(p.name), p]));
  const done = new Set<PackageDefinitionProgram>();
  const order: PackageDefinitionProgram[] = [];
  const visit = (p: PackageDefinitionProgram, depth: number): void => {
    if (done.has(p) || depth > definition.programs.length) return;
    const dep = p.dependentProgram === null ? undefined : byName.get(foldNoCase(p.dependentProgram));
    if (dep) visit(dep, depth + 1);
    done.add(p);
    order.push(p);
  };
  for (const p of definition.programs) visit(p, 0);
  return order;
}
