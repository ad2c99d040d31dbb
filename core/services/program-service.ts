import { wakeOfferManagerFor } from './advertisements/offer-wake-ups';
import {
  computerProgramDefaults,
  computerProgramFieldShapes,
  computerProgramSettingsSchema,
  CourierError,
  deviceProgramDefaults,
  deviceProgramFieldShapes,
  deviceProgramSettingsSchema,
  sameNoCase,
  type ApiErrorIssue,
  type ChangeKind,
  type ComputerProgramSettings,
  type DependentProgram,
  type DeviceProgramSettings,
  type ProgramDeletedDto,
  type ProgramDto,
} from '../api';
import type { PackageRepository } from '../db/repositories/package-repository';
import type { ProgramName, ProgramRecord, ProgramRepository, ProgramWrite } from '../db/repositories/program-repository';
import { dependentProgramRefOf, deviceFlagsOf, deviceProgramFlags, diskSpaceReqOf, programFlagsOf } from '../domain/program-flags';
import { changeVerbs, notePackageChange, requirePackage } from './package-changes';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';
import { parseOrThrow } from '../domain/validation';

/** What deleting a program needs of its advertisements (AdvertisementService). */
export interface ProgramAdvertisements {
  advertisementsOf(filter: { readonly packageId: string; readonly programName: string }): readonly { readonly advertisementId: string; readonly name: string }[];
  removeWithin(change: ChangeSet, filter: { readonly packageId: string; readonly programName: string }): readonly { readonly advertisementId: string; readonly name: string }[];
}

export interface ProgramServiceDeps {
  readonly programs: ProgramRepository;
  readonly packages: PackageRepository;
  readonly advertisements: ProgramAdvertisements;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

type ProgramChanges = Partial<ComputerProgramSettings & DeviceProgramSettings>;
type Settings = ComputerProgramSettings | DeviceProgramSettings;

export function toProgramDto(record: ProgramRecord): ProgramDto {
  if (record.kind === 'computer') {
    const { id: _id, dependentProgramId: _dep, packageId, kind, createdAt, lastModified, ...settings } = record;
    return {
      packageId,
      kind,
      ...settings,
      programFlags: programFlagsOf(settings),
      diskSpaceReq: diskSpaceReqOf(settings),
      dependentProgram: dependentProgramRefOf(packageId, settings.runFirst),
      createdAt,
      lastModified,
    };
  }
  const { id: _id, packageId, kind, createdAt, lastModified, ...settings } = record;
  return {
    packageId,
    kind,
    ...settings,
    programFlags: deviceProgramFlags,
    deviceFlags: deviceFlagsOf(settings),
    diskSpaceReq: diskSpaceReqOf(settings),
    dependentProgram: '',
    createdAt,
    lastModified,
  };
}

function settingsOf(record: ProgramRecord): Settings {
  if (record.kind === 'computer') {
    const { id: _id, dependentProgramId: _dep, packageId: _p, kind: _k, createdAt: _c, lastModified: _m, ...settings } = record;
    return settings;
  }
  const { id: _id, packageId: _p, kind: _k, createdAt: _c, lastModified: _m, ...settings } = record;
  return settings;
}

/** A caller in the same process may pass `undefined` for "not given"; it must not wipe a default. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `A0100001:Install`, the form the CLI's --run-first takes. */
function label(program: { packageId: string; name: string }): string {
  return `${program.packageId}:${program.name}`;
}

const kindText = { computer: 'computers', device: 'devices' } as const;

/**
 * Programs for computers and for devices (docs/software-distribution.md#new-program-wizard). A program change reaches
 * distribution points and clients through the package, so every change wakes Distribution
 * Manager with the package's .PKN file, as a package change does.
 */
export class ProgramService {
  constructor(private readonly deps: ProgramServiceDeps) {}

  list(packageId: string): ProgramDto[] {
    this.requirePackage(packageId);
    return this.deps.programs.list(packageId).map(toProgramDto);
  }

  get(packageId: string, programName: string): ProgramDto {
    return toProgramDto(this.require(packageId, programName));
  }

  create(packageId: string, input: Partial<ComputerProgramSettings>): ProgramDto {
    return toProgramDto(this.deps.work.run((change) => this.insertComputerProgram(packageId, input, change)));
  }

  /**
   * Validates and writes a program inside the caller's unit of work, which tells of it once
   * committed: package import creates a package and all its programs at once, or nothing.
   */
  insertComputerProgram(packageId: string, input: Partial<ComputerProgramSettings>, change: ChangeSet): ProgramRecord {
    this.requirePackage(packageId);
    const settings = parseOrThrow(computerProgramSettingsSchema, { ...computerProgramDefaults, ...definedOnly(input) });
    return this.write(change, packageId, settings, (stamp) => ({
      kind: 'computer',
      packageId,
      ...settings,
      dependentProgramId: this.resolveDependency(packageId, settings.name, null, settings.runFirst),
      createdAt: stamp,
      lastModified: stamp,
    }));
  }

  createDevice(packageId: string, input: Partial<DeviceProgramSettings>): ProgramDto {
    this.requirePackage(packageId);
    const settings = parseOrThrow(deviceProgramSettingsSchema, { ...deviceProgramDefaults, ...definedOnly(input) });
    const record = this.deps.work.run((change) =>
      this.write(change, packageId, settings, (stamp) => ({ kind: 'device', packageId, ...settings, createdAt: stamp, lastModified: stamp })),
    );
    return toProgramDto(record);
  }

  update(packageId: string, programName: string, input: ProgramChanges): ProgramDto {
    const existing = this.require(packageId, programName);
    const changes = definedOnly(input);
    this.refuseOtherKindsFields(existing, Object.keys(changes));
    const before = settingsOf(existing);
    const after: Settings =
      existing.kind === 'computer'
        ? parseOrThrow(computerProgramSettingsSchema, { ...before, ...changes })
        : parseOrThrow(deviceProgramSettingsSchema, { ...before, ...changes });
    const changed = Object.keys(after).filter((key) => !sameValue((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]));
    if (changed.length === 0) return toProgramDto(existing);
    if (changed.includes('name')) this.checkNameFree(packageId, after.name, existing.id);

    const stamp = this.deps.now().toISOString();
    const record = this.deps.work.run((change) => {
      // Re-read inside the transaction so a concurrent delete is not resurrected.
      const current = this.deps.programs.getById(existing.id);
      if (!current) throw this.notFound(packageId, programName);
      let write: ProgramWrite & { id: number };
      if (current.kind === 'computer') {
        const settings = after as ComputerProgramSettings;
        const dependentProgramId = changed.includes('runFirst')
          ? this.resolveDependency(packageId, settings.name, current.id, settings.runFirst)
          : current.dependentProgramId;
        write = { ...current, ...settings, dependentProgramId, lastModified: stamp };
      } else {
        write = { ...current, ...(after as DeviceProgramSettings), lastModified: stamp };
      }
      this.deps.programs.update(write);
      const updated = (this.deps.programs.getById(current.id) ?? write) as ProgramRecord;
      this.noteChange(change, 'updated', updated, changed, updated.name !== existing.name ? existing.name : undefined);
      return updated;
    });
    return toProgramDto(record);
  }

  delete(packageId: string, programName: string, deleteAdvertisements: boolean): ProgramDeletedDto {
    const { record, advertisements } = this.deps.work.run((change) => {
      const existing = this.require(packageId, programName);
      const dependents = this.deps.programs.dependentsOf(existing.id);
      if (dependents.length > 0) {
        throw new CourierError(
          'CONFLICT',
          `Program ${label(existing)} cannot be deleted: ${dependents.map(label).join(', ')} ${dependents.length === 1 ? 'runs' : 'run'} it first. ` +
            'Change "Run another program first" on those programs (or delete them) first.',
          'programName',
        );
      }
      const advertisements = this.advertisementsOf(existing);
      if (advertisements.length > 0 && !deleteAdvertisements) {
        throw new CourierError(
          'CONFLICT',
          `Program ${label(existing)} is advertised by ${advertisements.join(', ')}; confirm that its advertisements are deleted with it.`,
          'deleteAdvertisements',
        );
      }
      // The ripple effect (docs/software-distribution.md#delete-program-wizard): its advertisements
      // go in this same transaction, each waking Offer Manager with its .OFN.
      this.deps.advertisements.removeWithin(change, { packageId: existing.packageId, programName: existing.name });
      this.deps.programs.delete(existing.id);
      this.noteChange(change, 'deleted', existing);
      return { record: existing, advertisements };
    });
    return { packageId: record.packageId, programName: record.name, deletedAdvertisements: advertisements };
  }

  /** The advertisements of a program, as the Affected Advertisements page names them. */
  private advertisementsOf(program: ProgramRecord): string[] {
    return this.deps.advertisements
      .advertisementsOf({ packageId: program.packageId, programName: program.name })
      .map((a) => `${a.advertisementId} (${a.name})`);
  }

  /** Runs inside the caller's unit of work. */
  private write(change: ChangeSet, packageId: string, settings: Settings, record: (stamp: string) => ProgramWrite): ProgramRecord {
    const stamp = this.deps.now().toISOString();
    this.requirePackage(packageId);
    this.checkNameFree(packageId, settings.name, null);
    const id = this.deps.programs.insert(record(stamp));
    const created = this.deps.programs.getById(id);
    if (!created) throw new Error(`Program ${id} vanished inside its own transaction.`);
    this.noteChange(change, 'created', created);
    return created;
  }

  private refuseOtherKindsFields(program: ProgramRecord, fields: readonly string[]): void {
    const own: object = program.kind === 'computer' ? computerProgramFieldShapes : deviceProgramFieldShapes;
    const other = program.kind === 'computer' ? 'device' : 'computer';
    const issues: ApiErrorIssue[] = fields
      .filter((field) => !Object.prototype.hasOwnProperty.call(own, field))
      .map((field) => ({
        field,
        message: `"${field}" is a setting of programs for ${kindText[other]}; ${label(program)} is a program for ${kindText[program.kind]}.`,
      }));
    if (issues.length > 0) throw new CourierError('VALIDATION_FAILED', issues.map((i) => i.message).join(' '), issues[0]?.field, issues);
  }

  private checkNameFree(packageId: string, name: string, exceptId: number | null): void {
    const clash = this.deps.programs.get(packageId, name);
    if (clash && clash.id !== exceptId) {
      throw new CourierError('CONFLICT', `Package ${packageId} already has a program named "${clash.name}"; a program name is unique in its package.`, 'name');
    }
  }

  /**
   * "Run another program first": the program must exist, must be a program for computers, and
   * must not lead back to this one, however long the chain and across packages. Returns its id.
   */
  private resolveDependency(packageId: string, name: string, ownId: number | null, dependent: DependentProgram | null): number | null {
    if (dependent === null) return null;
    const refuse = (message: string) => new CourierError('VALIDATION_FAILED', message, 'runFirst');
    if (dependent.packageId === packageId && sameNoCase(dependent.programName, name)) {
      throw refuse(`Program ${label({ packageId, name })} cannot run itself first.`);
    }
    const target = this.deps.programs.get(dependent.packageId, dependent.programName);
    if (!target) {
      const pkg = this.deps.packages.get(dependent.packageId);
      throw refuse(
        pkg
          ? `Package ${pkg.name} (${pkg.packageId}) has no program "${dependent.programName}" to run first.`
          : `There is no package ${dependent.packageId} at this site, so its program "${dependent.programName}" cannot run first.`,
      );
    }
    if (target.kind === 'device') {
      throw refuse(`${label(target)} is a program for devices; only a program for computers can run before a program for computers.`);
    }
    if (ownId === null) return target.id;
    if (target.id === ownId) throw refuse(`Program ${label({ packageId, name })} cannot run itself first.`);
    const self = { packageId, name };
    const chain: ProgramName[] = [];
    let next: number | null = target.id;
    while (next !== null) {
      if (next === ownId) {
        throw refuse(
          `Running ${label(target)} first would make a loop: ${[self, ...chain, self].map(label).join(' → ')}. ` +
            'A program cannot run itself first, even through other programs.',
        );
      }
      const hop = this.deps.programs.nameOf(next);
      if (!hop || chain.length > 10_000) break;
      chain.push(hop);
      next = hop.dependentProgramId;
    }
    return target.id;
  }

  private requirePackage(packageId: string): void {
    requirePackage(this.deps.packages, packageId);
  }

  private require(packageId: string, programName: string): ProgramRecord {
    this.requirePackage(packageId);
    const record = this.deps.programs.get(packageId, programName);
    if (!record) throw this.notFound(packageId, programName);
    return record;
  }

  private notFound(packageId: string, programName: string): CourierError {
    return new CourierError('NOT_FOUND', `Package ${packageId} has no program "${programName}".`, 'programName');
  }

  /** Wakes Distribution Manager, tells the consoles and writes the provider log, once committed. */
  private noteChange(change: ChangeSet, kind: ChangeKind, record: ProgramRecord, fields: readonly string[] = [], previousName?: string): void {
    const what = record.kind === 'device' ? 'device program' : 'program';
    const renamed = previousName !== undefined ? ` (renamed from "${previousName}")` : '';
    const detail = fields.length > 0 ? ` (${fields.join(', ')})` : '';
    // Its advertisements' policy body holds the program: Offer Manager re-offers them now.
    const names = previousName !== undefined ? [record.name, previousName] : [record.name];
    for (const programName of names) {
      wakeOfferManagerFor(change, this.deps.advertisements.advertisementsOf({ packageId: record.packageId, programName }).map((ad) => ad.advertisementId), `program ${kind}`);
    }
    notePackageChange(change, record.packageId, {
      wakeUp: `program ${kind} ${record.packageId};;${record.name}`,
      event: 'programs:changed',
      payload: {
        change: kind,
        packageId: record.packageId,
        programName: record.name,
        program: kind === 'deleted' ? null : toProgramDto(record),
        ...(previousName !== undefined ? { previousName } : {}),
      },
      log: `${changeVerbs[kind]} ${what} "${record.name}" of package ${record.packageId}${renamed}${detail}.`,
    });
  }
}
