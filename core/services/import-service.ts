import { readdir } from 'node:fs/promises';
import { extname, join, posix, win32 } from 'node:path';
import {
  CourierError,
  sourcePathFormOf,
  type BuiltInDefinitionDto,
  type ComputerProgramSettings,
  type DefinitionPreviewDto,
  type DefinitionSource,
  type MsiInfoDto,
  type PackageImportedDto,
  type PackageSettings,
  sameNoCase,
  truncateText,
} from '../api';
import { readFileHead } from '../content/bounded-file';
import type { FileAccess } from '../content/file-access';
import { readMsiFile, readPackageDefinitionFile } from '../content/package-definition-file';
import { msiLanguageName, msiPrograms } from '../domain/msi-programs';
import { programCreationOrder, toPackageSettings, toProgramSettings, type PackageDefinition } from '../formats/package-definition';
import { toPackageDto, type PackageService } from './package-service';
import { toProgramDto, type ProgramService } from './program-service';
import type { PackageRecord } from '../db/repositories/package-repository';
import type { ProgramRecord } from '../db/repositories/program-repository';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';

export interface ImportServiceDeps {
  readonly packages: PackageService;
  readonly programs: ProgramService;
  readonly work: UnitOfWork;
  /** Folder of the built-in .sms/.pdf files (assets/package-definitions). */
  readonly definitionsDir: string;
  /** How the site server reads the admin's files (platform, Path Mappings, source roots). */
  readonly fileAccess: () => FileAccess;
}

/** A definition read and understood, before anything is created. */
interface Resolved {
  readonly preview: DefinitionPreviewDto;
  readonly packageSettings: Omit<PackageSettings, 'containsSourceFiles' | 'sourceDirectory' | 'sourceOption'>;
  /** In creation order (a program's run-first program before it); `packageId` fills in the new ID. */
  readonly programs: (packageId: string) => ComputerProgramSettings[];
}

/** A definition read and its package checked, ready to be written inside a unit of work. */
export interface PreparedImport {
  readonly settings: PackageSettings;
  readonly programs: (packageId: string) => ComputerProgramSettings[];
  /** The programs the definition lists, by name, as the wizard offers them. */
  readonly programNames: readonly string[];
  readonly warnings: readonly string[];
}

const definitionExtensions = new Set(['.sms', '.pdf']);
// An OLE compound file (every .msi) starts with these bytes, whatever its name.
const compoundFileMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isMsiName(path: string): boolean {
  return extname(path).toLowerCase() === '.msi';
}

function fromDefinition(definition: PackageDefinition): Resolved {
  const notes = definition.programs.flatMap((program) => program.notes.map((note) => `${program.name}: ${note}`));
  const p = definition.package;
  return {
    preview: {
      format: definition.format,
      package: { name: p.name, version: p.version, publisher: p.publisher, language: p.language, comment: p.comment, containsNoFiles: p.containsNoFiles },
      programs: definition.programs.map((program) => ({ name: program.name, commandLine: program.commandLine })),
      msi: null,
      suggestedSourceDirectory: '',
      notes,
      warnings: definition.warnings,
    },
    packageSettings: toPackageSettings(definition),
    programs: (packageId) => programCreationOrder(definition).map((program) => toProgramSettings(program, packageId)),
  };
}

/** A UNC or drive path (kept as the admin gave it, read through Path Mappings) is split as Windows splits it. */
function pathsOf(path: string) {
  const form = sourcePathFormOf(path);
  return form === 'unc' || form === 'windowsLocal' ? win32 : posix;
}

function fromMsi(path: string, msi: MsiInfoDto): Resolved {
  const fileName = pathsOf(path).basename(path);
  const programs = msiPrograms(fileName, msi);
  const warnings: string[] = [];
  // The product's own properties cannot be fixed in a file as a definition can: they are cut, with a warning.
  const cut = (property: string, value: string, max: number, field: string): string => {
    const kept = truncateText(value, max);
    if (kept !== value) warnings.push(`${property}: ${value.length} characters; the package's ${field} keeps the first ${max}.`);
    return kept;
  };
  const packageSettings = toPackageSettings({
    format: '2.0',
    package: {
      name: cut('ProductName', msi.productName, 50, 'name'),
      version: cut('ProductVersion', msi.productVersion, 32, 'version'),
      publisher: cut('Manufacturer', msi.manufacturer, 32, 'publisher'),
      language: msiLanguageName(msi.productLanguage),
      comment: '',
      mifFileName: '',
      mifName: '',
      mifVersion: '',
      mifPublisher: '',
      containsNoFiles: false,
      icon: '',
    },
    programs: [],
    warnings,
  });
  return {
    preview: {
      format: 'msi',
      package: {
        name: packageSettings.name,
        version: packageSettings.version,
        publisher: packageSettings.publisher,
        language: packageSettings.language,
        comment: '',
        containsNoFiles: false,
      },
      programs: programs.map((program) => ({ name: program.name, commandLine: program.commandLine })),
      msi,
      suggestedSourceDirectory: pathsOf(path).dirname(path),
      notes: [],
      warnings,
    },
    packageSettings,
    programs: () => programs,
  };
}

/** An .msi by its name, or by its first bytes whatever its name (a missing or refused file is left to the definition reader to report). */
async function looksLikeMsi(path: string, access: FileAccess): Promise<boolean> {
  if (isMsiName(path)) return true;
  if (definitionExtensions.has(extname(path).toLowerCase())) return false;
  try {
    const head = await readFileHead(path, compoundFileMagic.length, 'a package definition file', 'packageDefinition', access);
    return compoundFileMagic.every((byte, i) => head[i] === byte);
  } catch {
    return false;
  }
}

/**
 * Create Package From Definition: read a built-in definition, a .sms/.pdf file or an .msi, show
 * what it holds, and create the package with every program in one transaction — all or nothing.
 */
export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  async listBuiltIn(): Promise<BuiltInDefinitionDto[]> {
    let names: string[];
    try {
      names = (await readdir(this.deps.definitionsDir)).filter((name) => definitionExtensions.has(extname(name).toLowerCase())).sort();
    } catch {
      return []; // an install without the folder simply offers none
    }
    const found: BuiltInDefinitionDto[] = [];
    for (const fileName of names) {
      try {
        const definition = await readPackageDefinitionFile(join(this.deps.definitionsDir, fileName));
        const p = definition.package;
        found.push({
          id: fileName,
          fileName,
          format: definition.format,
          name: p.name,
          version: p.version,
          publisher: p.publisher,
          language: p.language,
          programCount: definition.programs.length,
        });
      } catch {
        // A broken built-in file is left out rather than breaking the wizard's list.
      }
    }
    return found;
  }

  async inspect(source: DefinitionSource): Promise<DefinitionPreviewDto> {
    return (await this.resolve(source)).preview;
  }

  async import(source: DefinitionSource, sourceFiles: 'none' | 'direct' | 'compressed', sourceDirectory: string): Promise<PackageImportedDto> {
    const prepared = await this.prepareImport(source, sourceFiles, sourceDirectory);
    const { record, programs } = this.deps.work.run((change) => this.importPrepared(prepared, change));
    return { package: toPackageDto(record), programs: programs.map(toProgramDto), warnings: prepared.warnings };
  }

  /** Reads the definition and makes every check the new package must pass, the disk's included; writes nothing. */
  async prepareImport(source: DefinitionSource, sourceFiles: 'none' | 'direct' | 'compressed', sourceDirectory: string): Promise<PreparedImport> {
    const resolved = await this.resolve(source);
    const settings = await this.deps.packages.prepareCreate({
      ...resolved.packageSettings,
      containsSourceFiles: sourceFiles !== 'none',
      sourceDirectory: sourceFiles === 'none' ? '' : sourceDirectory,
      sourceOption: sourceFiles === 'compressed' ? 'compressed' : 'direct',
    });
    return { settings, programs: resolved.programs, programNames: resolved.preview.programs.map((p) => p.name), warnings: resolved.preview.warnings };
  }

  /** Writes a prepared import (the package, then its programs) inside the caller's unit of work. */
  importPrepared(prepared: PreparedImport, change: ChangeSet): { record: PackageRecord; programs: ProgramRecord[] } {
    const created = this.deps.packages.insertPrepared(prepared.settings, change);
    const made = prepared.programs(created.packageId).map((program) => {
      try {
        return this.deps.programs.insertComputerProgram(created.packageId, program, change);
      } catch (error) {
        if (error instanceof CourierError) {
          // Name the program: the admin fixes the definition file, not a form.
          throw new CourierError(error.code, `Program "${program.name}": ${error.message} Nothing was created.`, error.field, error.issues);
        }
        throw error;
      }
    });
    return { record: created, programs: made };
  }

  private async resolve(source: DefinitionSource): Promise<Resolved> {
    if (source.kind === 'builtIn') {
      const known = await this.listBuiltIn();
      const match = known.find((definition) => sameNoCase(definition.id, source.id));
      if (!match) throw new CourierError('NOT_FOUND', `There is no built-in package definition "${source.id}".`, 'source');
      return fromDefinition(await readPackageDefinitionFile(join(this.deps.definitionsDir, match.fileName)));
    }
    const access = this.deps.fileAccess();
    if (await looksLikeMsi(source.path, access)) {
      const msi = await readMsiFile(source.path, access);
      return fromMsi(source.path, msi);
    }
    return fromDefinition(await readPackageDefinitionFile(source.path, access));
  }
}
