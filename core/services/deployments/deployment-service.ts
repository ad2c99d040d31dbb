import {
  advertisementCreateSchema,
  CourierError,
  sameNoCase,
  type AdvertisementCreateInput,
  type DeploymentPlan,
  type DeploymentResultDto,
  type PackageSettings,
} from '../../api';
import type { SourceSize } from '../../content/source-size';
import { parseOrThrow } from '../../domain/validation';
import { encodeScheduleToken } from '../../formats/schedule-token';
import type { ChangeSet, UnitOfWork } from '../../site/unit-of-work';
import { momentOf, wallClockOf } from '../advertisements/advertisement-settings';
import type { AdvertisementService } from '../advertisements/advertisement-service';
import type { CollectionService } from '../collections/collection-service';
import type { ImportService, PreparedImport } from '../import-service';
import type { PackageDistributionService } from '../package-distribution-service';
import type { PackageService } from '../package-service';
import type { ProgramService } from '../program-service';
import { currentRequest } from '../request-scope';
import { definitionLabel, DeploymentSteps } from './deployment-steps';

export interface DeploymentServiceDeps {
  readonly packages: PackageService;
  readonly imports: ImportService;
  readonly programs: ProgramService;
  readonly distribution: PackageDistributionService;
  readonly collections: CollectionService;
  readonly advertisements: AdvertisementService;
  readonly work: UnitOfWork;
  readonly now: () => Date;
}

/** What a deployment made (or used), as its dry run hands it to whoever reads the site before the rollback. */
export interface DeploymentMade {
  readonly packageId: string;
  readonly programName: string;
  readonly collectionId: string | null;
  readonly advertisementId: string | null;
  /** The distribution points this deployment gives the package (the groups' members included). */
  readonly addedDps: string[];
  /** The source as measured for the distribution; null when the plan names no DP or group. */
  readonly sourceSize: SourceSize | null;
}

/** The package step after its disk checks: settings to write, a definition to import, or a package that exists. */
type PreparedPackage =
  | { readonly kind: 'new'; readonly settings: PackageSettings }
  | { readonly kind: 'definition'; readonly prepared: PreparedImport }
  | { readonly kind: 'existing'; readonly packageId: string };

interface Prepared {
  readonly plan: DeploymentPlan;
  readonly package: PreparedPackage;
  /** The source measured for the distribution; null when the plan names no DP or group. */
  readonly sourceSize: SourceSize | null;
}

/** Thrown inside a dry run's transaction once it has been read, so that the unit of work rolls it all back. */
class DryRunRollback {
  constructor(readonly value: unknown) {}
}

type PlannedAdvertisement = NonNullable<DeploymentPlan['advertisement']>;

/**
 * A step's failure as the answer tells it: a service's refusal, or a row the database refused
 * (as request-failure.ts words it). Anything else is a fault of Courier's, left to the request's
 * own error handling, which logs it.
 */
function stepFailureOf(error: unknown): CourierError | null {
  if (error instanceof CourierError) return error;
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new CourierError('CONFLICT', `The change conflicts with data already at the site (${(error as Error).message}).`);
  }
  return null;
}

function versioned(name: string, version: string): string {
  return `"${version === '' ? name : `${name} ${version}`}"`;
}

/**
 * The advertisement the wizard's pages describe, as an advertisements:create request: its one
 * assigned time is a non-recurring schedule token (docs/formats.md#schedule-tokens), and every
 * option the wizard does not show keeps the New Advertisement wizard's default.
 */
function advertisementRequestOf(ad: PlannedAdvertisement, presentTime: string, packageId: string, programName: string, collectionId: string): AdvertisementCreateInput {
  return parseOrThrow(advertisementCreateSchema, {
    advertisementName: ad.advertisementName,
    comment: ad.comment,
    packageId,
    programName,
    collectionId,
    includeSubcollections: ad.includeSubcollections,
    presentTime,
    presentTimeIsGmt: ad.presentTimeIsGmt,
    ...(ad.expirationTime !== null ? { expirationTimeEnabled: true, expirationTime: ad.expirationTime, expirationTimeIsGmt: ad.expirationTimeIsGmt } : {}),
    ...(ad.assignedTime !== null ? { assignedSchedule: encodeScheduleToken({ type: 'nonRecurring', start: ad.assignedTime, isGmt: ad.assignedTimeIsGmt }) } : {}),
  });
}

/**
 * Distribute Software (docs/distribute-software.md#all-or-nothing): a plan's package, program,
 * distribution, collection and advertisement, made by the services the separate requests use,
 * in one site transaction. What each service reads from the disk (source directories, a
 * definition file, the source's size) is read first, for every step; then every write happens
 * in one unit of work, which the services join, so a failure anywhere leaves nothing made.
 */
export class DeploymentService {
  constructor(private readonly deps: DeploymentServiceDeps) {}

  async run(plan: DeploymentPlan): Promise<DeploymentResultDto> {
    const steps = new DeploymentSteps(plan);
    const notices = currentRequest()?.notices;
    const noticesBefore = notices?.length ?? 0;
    try {
      const prepared = await this.prepare(plan, steps);
      const made = this.deps.work.run((change) => this.apply(prepared, change, steps));
      return { ok: true, steps: steps.list(), packageId: made.packageId, programName: made.programName, collectionId: made.collectionId, advertisementId: made.advertisementId, error: null };
    } catch (thrown) {
      const error = stepFailureOf(thrown);
      if (error === null) throw thrown;
      // What the rolled-back steps advised (a disabled program, no DP yet) no longer holds.
      notices?.splice(noticesBefore);
      return {
        ok: false,
        steps: steps.failed(error.message),
        packageId: null,
        programName: null,
        collectionId: null,
        advertisementId: null,
        error: { code: error.code, message: error.message, field: error.field ?? null },
      };
    }
  }

  /**
   * The dry run: the same checks and writes inside a transaction that is always rolled back,
   * with `read` called inside it to see the site as the plan would leave it. Nothing survives:
   * no rows, wake-ups, events, status messages or log lines, and no object ID is used up.
   * A step's failure is thrown as the request error it is. Not to be called inside another
   * unit of work: it would join it, and its rollback would take the caller's writes with it.
   */
  async whatIf<T>(plan: DeploymentPlan, read: (made: DeploymentMade) => T): Promise<T> {
    const steps = new DeploymentSteps(plan);
    const notices = currentRequest()?.notices;
    const noticesBefore = notices?.length ?? 0;
    const prepared = await this.prepare(plan, steps);
    try {
      this.deps.work.run((change) => {
        throw new DryRunRollback(read(this.apply(prepared, change, steps)));
      });
    } catch (thrown) {
      notices?.splice(noticesBefore);
      if (thrown instanceof DryRunRollback) return thrown.value as T;
      throw thrown;
    }
    throw new Error('A dry run of a deployment was committed.');
  }

  /** Every step's reading of the disk, in the order of the steps; writes nothing. */
  private async prepare(plan: DeploymentPlan, steps: DeploymentSteps): Promise<Prepared> {
    steps.current = 'package';
    const pkg = await this.preparePackage(plan, steps);
    if (plan.distributionPoints.length === 0 && plan.groups.length === 0) {
      steps.nothingToDo('distribute', 'No distribution point or group was chosen: the package is copied nowhere for now.');
    }
    if (plan.advertisement === null) {
      steps.nothingToDo('collection', 'The plan advertises nothing, so it targets no collection.');
      steps.nothingToDo('advertisement', 'The plan advertises nothing: the program is not advertised.');
    }
    steps.current = 'distribute';
    const sourceSize = plan.distributionPoints.length + plan.groups.length === 0 ? null : await this.deps.distribution.measureSource(this.sourceOf(pkg));
    return { plan, package: pkg, sourceSize };
  }

  private async preparePackage(plan: DeploymentPlan, steps: DeploymentSteps): Promise<PreparedPackage> {
    const input = plan.package;
    if (input.kind === 'new') return { kind: 'new', settings: await this.deps.packages.prepareCreate(input.package) };
    if (input.kind === 'definition') {
      const { source, sourceFiles, sourceDirectory } = input.definition;
      const prepared = await this.deps.imports.prepareImport(source, sourceFiles, sourceDirectory);
      steps.retitle('package', `Create package ${versioned(prepared.settings.name, prepared.settings.version)} from ${definitionLabel(source)}`);
      return { kind: 'definition', prepared };
    }
    const existing = this.deps.packages.get(input.packageId);
    steps.retitle('package', `Use package ${versioned(existing.name, existing.version)} (${existing.packageId})`);
    return { kind: 'existing', packageId: existing.packageId };
  }

  /** Where the distribution measures the package: its settings to be, or the package as it is now. */
  private sourceOf(pkg: PreparedPackage): { containsSourceFiles: boolean; sourceDirectory: string } {
    if (pkg.kind === 'new') return pkg.settings;
    if (pkg.kind === 'definition') return pkg.prepared.settings;
    return this.deps.packages.get(pkg.packageId);
  }

  /** Every write, in the order of the steps, inside the caller's unit of work. */
  private apply(prepared: Prepared, change: ChangeSet, steps: DeploymentSteps): DeploymentMade {
    const { plan } = prepared;
    steps.current = 'package';
    const { packageId, definitionPrograms } = this.applyPackage(prepared.package, change, steps);

    steps.current = 'program';
    const programName = this.applyProgram(plan, packageId, definitionPrograms, change, steps);

    steps.current = 'distribute';
    let addedDps: string[] = [];
    if (prepared.sourceSize !== null) {
      const distributed = this.deps.distribution.distributeWithin(change, packageId, plan.distributionPoints, plan.groups, prepared.sourceSize);
      addedDps = [...distributed.distributionPoints];
      steps.set('distribute', 'done', distributed.summary, addedDps.join(', '));
    }

    const ad = plan.advertisement;
    if (ad === null) return { packageId, programName, collectionId: null, advertisementId: null, addedDps, sourceSize: prepared.sourceSize };

    steps.current = 'collection';
    let collectionId: string;
    if (ad.target.kind === 'newCollection') {
      const collection = this.deps.collections.create(ad.target.collection);
      collectionId = collection.collectionId;
      const rules = collection.rules.length;
      steps.set('collection', 'done', `Created collection ${collectionId} with ${rules === 1 ? '1 rule' : `${rules} rules`}; it has ${collection.memberCount === 1 ? '1 member' : `${collection.memberCount} members`}.`, collectionId);
    } else {
      const collection = this.deps.collections.get(ad.target.collectionId);
      collectionId = collection.collectionId;
      steps.retitle('collection', `Use collection ${versioned(collection.name, '')} (${collectionId})`);
      steps.set('collection', 'used', `Targets collection ${collectionId}, which has ${collection.memberCount === 1 ? '1 member' : `${collection.memberCount} members`}.`, collectionId);
    }

    steps.current = 'advertisement';
    // Omitted, the offer time is now, as advertisements:create makes it.
    const presentTime = ad.presentTime ?? wallClockOf(this.deps.now(), ad.presentTimeIsGmt);
    this.checkAssignedTime(ad, presentTime);
    const advertisement = this.deps.advertisements.create(advertisementRequestOf(ad, presentTime, packageId, programName, collectionId));
    steps.set('advertisement', 'done', `Created advertisement ${advertisement.advertisementId}: program "${programName}" of ${packageId} to ${collectionId}${ad.assignedTime !== null ? `, mandatory at ${ad.assignedTime}${ad.assignedTimeIsGmt ? ' UTC' : ''}` : ''}.`, advertisement.advertisementId);
    return { packageId, programName, collectionId, advertisementId: advertisement.advertisementId, addedDps, sourceSize: prepared.sourceSize };
  }

  private applyPackage(pkg: PreparedPackage, change: ChangeSet, steps: DeploymentSteps): { packageId: string; definitionPrograms: readonly string[] | null } {
    if (pkg.kind === 'new') {
      const record = this.deps.packages.insertPrepared(pkg.settings, change);
      steps.set('package', 'done', `Created package ${record.packageId}.`, record.packageId);
      return { packageId: record.packageId, definitionPrograms: null };
    }
    if (pkg.kind === 'definition') {
      const { record, programs } = this.deps.imports.importPrepared(pkg.prepared, change);
      const names = programs.map((program) => program.name);
      steps.set('package', 'done', `Created package ${record.packageId} with ${names.length === 1 ? 'its program' : `its ${names.length} programs`} ${names.map((name) => `"${name}"`).join(', ')}.`, record.packageId);
      return { packageId: record.packageId, definitionPrograms: names };
    }
    // Read again inside the transaction: the package may have been deleted since the plan was made.
    const existing = this.deps.packages.get(pkg.packageId);
    steps.set('package', 'used', `Uses package ${existing.packageId}.`, existing.packageId);
    return { packageId: existing.packageId, definitionPrograms: null };
  }

  private applyProgram(plan: DeploymentPlan, packageId: string, definitionPrograms: readonly string[] | null, change: ChangeSet, steps: DeploymentSteps): string {
    const input = plan.program;
    if (input.kind === 'new') {
      const created = this.deps.programs.insertComputerProgram(packageId, input.program, change);
      steps.set('program', 'done', `Created program "${created.name}" in package ${packageId}.`, created.name);
      return created.name;
    }
    if (definitionPrograms !== null) {
      const name = definitionPrograms.find((candidate) => sameNoCase(candidate, input.programName));
      if (name === undefined) {
        throw new CourierError(
          'NOT_FOUND',
          `The definition lists no program "${input.programName}"; it lists ${definitionPrograms.map((p) => `"${p}"`).join(', ') || 'none'}.`,
          'programName',
        );
      }
      steps.set('program', 'done', `Created program "${name}" with the package, as the definition lists it.`, name);
      return name;
    }
    const existing = this.deps.programs.get(packageId, input.programName);
    steps.set('program', 'used', `Uses program "${existing.name}" of package ${packageId}.`, existing.name);
    return existing.name;
  }

  /**
   * The wizard's one assigned time must fall while the program is offered: before the offer
   * time the assignment would fire before clients can see the program, and at or after the
   * expiry it would never fire.
   */
  private checkAssignedTime(ad: PlannedAdvertisement, presentTime: string): void {
    if (ad.assignedTime === null) return;
    const assigned = momentOf(ad.assignedTime, ad.assignedTimeIsGmt);
    const zone = (isGmt: boolean) => (isGmt ? ' UTC' : '');
    if (assigned < momentOf(presentTime, ad.presentTimeIsGmt)) {
      throw new CourierError(
        'VALIDATION_FAILED',
        `The assigned time (${ad.assignedTime}${zone(ad.assignedTimeIsGmt)}) is before the advertisement is offered (${presentTime}${zone(ad.presentTimeIsGmt)}); the program cannot become mandatory before it is available.`,
        'assignedTime',
      );
    }
    if (ad.expirationTime !== null && assigned >= momentOf(ad.expirationTime, ad.expirationTimeIsGmt)) {
      throw new CourierError(
        'VALIDATION_FAILED',
        `The assigned time (${ad.assignedTime}${zone(ad.assignedTimeIsGmt)}) is not before the advertisement expires (${ad.expirationTime}${zone(ad.expirationTimeIsGmt)}); the assignment would never run.`,
        'assignedTime',
      );
    }
  }
}
