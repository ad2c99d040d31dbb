import {
  CourierError,
  ipv4Value,
  maxDeploymentPreviewMembers,
  type AdvertisementDto,
  type DeploymentDpDto,
  type DeploymentMemberDto,
  type DeploymentPreviewDto,
} from '../../api';
import type { AdvertisementRepository } from '../../db/repositories/advertisement-repository';
import type { ClientAgentRepository } from '../../db/repositories/client-agent-repository';
import type { CollectionRepository } from '../../db/repositories/collection-repository';
import type { DeploymentPreviewRepository, PreviewMemberRow } from '../../db/repositories/deployment-preview-repository';
import type { DistributionPointRepository } from '../../db/repositories/distribution-point-repository';
import { removalStates, type PackageDpRecord, type PackageDpRepository } from '../../db/repositories/package-dp-repository';
import type { PackageRecord, PackageRepository } from '../../db/repositories/package-repository';
import type { ProgramRecord, ProgramRepository } from '../../db/repositories/program-repository';
import type { SiteBoundaryRecord, SiteBoundaryRepository } from '../../db/repositories/site-boundary-repository';
import { firstFit, unknownRunMinutes } from '../../domain/maintenance-windows';
import { machineOfSystem, platformProblem } from '../../domain/platform-check';
import { latestRun, runsAfter } from '../../domain/schedule-occurrences';
import { decodeScheduleToken } from '../../formats/schedule-token';
import { advertisementAdvice } from '../advertisements/advertisement-advice';
import { assignedTokensOf, momentOf, toAdvertisementDto, wallClockOf } from '../advertisements/advertisement-settings';
import { boundaryHolds, rankContentDps, type CandidateDp } from '../content-location/locate-content';
import { packageNotFound } from '../package-changes';

export interface DeploymentPreviewDeps {
  readonly advertisements: Pick<AdvertisementRepository, 'get'>;
  readonly packages: Pick<PackageRepository, 'get'>;
  readonly programs: Pick<ProgramRepository, 'get'>;
  readonly collections: Pick<CollectionRepository, 'get'>;
  readonly packageDps: Pick<PackageDpRepository, 'forPackage'>;
  readonly distributionPoints: Pick<DistributionPointRepository, 'list'>;
  readonly boundaries: Pick<SiteBoundaryRepository, 'list' | 'boundariesOfDps'>;
  readonly clientAgents: Pick<ClientAgentRepository, 'advertisedPrograms'>;
  readonly preview: DeploymentPreviewRepository;
  readonly now: () => Date;
}

export interface DeploymentPreviewOptions {
  /** DP names the plan being previewed adds (their package_dps rows are new): they show as `adding`. */
  readonly addingDps?: readonly string[];
  /**
   * The source's files and bytes as the caller measured them just before (packages:source-size),
   * used when no DP has a copy of the current source version to tell: the dry run reads no files.
   */
  readonly sourceSize?: { readonly files: number; readonly bytes: number };
  /** Why the caller could not measure the source (an unreadable source directory): said in the notices. */
  readonly sourceSizeProblem?: string;
}

/** A DP the package is or will be on, as content location ranks it. */
interface PreviewDp extends CandidateDp {
  readonly dto: DeploymentDpDto;
}

type Moment = { readonly at: Date; readonly isGmt: boolean };

/**
 * The dry run of an advertisement (docs/distribute-software.md#dry-run): who receives it, from
 * which distribution point, and when it runs, from the rules the site's pipelines apply: the
 * collections Offer Manager offers it through, the client agent's platform and maintenance-window
 * rules, content location's ranking of DPs. Synchronous and read-only, with no file access: it
 * runs inside the transaction that deployments:preview rolls back, so it sees the rows a plan
 * makes. The members are read in one statement and the boundaries once, whatever their number.
 */
export class DeploymentPreviewService {
  constructor(private readonly deps: DeploymentPreviewDeps) {}

  /** The dry run of an advertisement as the database holds it now. */
  ofAdvertisement(advertisementId: string, options: DeploymentPreviewOptions = {}): DeploymentPreviewDto {
    const record = this.deps.advertisements.get(advertisementId);
    if (!record) throw new CourierError('NOT_FOUND', `There is no advertisement ${advertisementId} at this site; see courier advertisement list.`, 'advertisementId');
    const ad = toAdvertisementDto(record);
    const { pkg, program } = this.requireProgram(ad.packageId, ad.programName);
    return this.compute(pkg, program, ad, options);
  }

  /** No advertisement: the package's DPs and content only (collection null, no members). */
  ofProgram(packageId: string, programName: string, options: DeploymentPreviewOptions = {}): DeploymentPreviewDto {
    const { pkg, program } = this.requireProgram(packageId, programName);
    return this.compute(pkg, program, null, options);
  }

  /**
   * The package whose source size the database does not know (no DP holds a copy of its current
   * version), so a caller that may read files should measure it first; null when it is known or
   * the package has no source files.
   */
  packageToMeasure(advertisementId: string): string | null {
    const record = this.deps.advertisements.get(advertisementId);
    const pkg = record ? this.deps.packages.get(record.packageId) : null;
    if (!pkg?.containsSourceFiles) return null;
    return copiedSize(pkg, this.deps.packageDps.forPackage(pkg.packageId)) === null ? pkg.packageId : null;
  }

  private requireProgram(packageId: string, programName: string): { pkg: PackageRecord; program: ProgramRecord } {
    const pkg = this.deps.packages.get(packageId);
    if (!pkg) throw packageNotFound(packageId);
    const program = this.deps.programs.get(pkg.packageId, programName);
    if (!program) throw new CourierError('NOT_FOUND', `Package ${pkg.packageId} has no program named ${programName}; see courier program list ${pkg.packageId}.`, 'programName');
    return { pkg, program };
  }

  private compute(pkg: PackageRecord, program: ProgramRecord, ad: AdvertisementDto | null, options: DeploymentPreviewOptions): DeploymentPreviewDto {
    const now = this.deps.now();
    const notices: string[] = [];
    const rows = this.deps.packageDps.forPackage(pkg.packageId);
    const size = this.sourceSizeOf(pkg, rows, options, notices);
    const dps = this.dpsOf(pkg, rows, options.addingDps ?? [], size.bytes);
    notices.unshift(
      ...advertisementAdvice(program, { dps: dps.length, containsSourceFiles: pkg.containsSourceFiles, advertisedProgramsEnabled: this.deps.clientAgents.advertisedPrograms().enabled }),
    );
    const base = {
      computedAt: now.toISOString(),
      advertisementId: ad?.advertisementId ?? null,
      packageId: pkg.packageId,
      packageName: pkg.name,
      programName: program.name,
      sourceVersion: pkg.containsSourceFiles ? pkg.sourceVersion : null,
      sourceFiles: size.files,
      sourceBytes: size.bytes,
      sourceSize: size.from,
      distributionPoints: dps.map((dp) => dp.dto),
    };
    if (ad === null) {
      return { ...base, collection: null, counts: { members: 0, excludedByPlatform: 0, unreachable: 0, rescuedByFallback: 0 }, members: [], availableAt: null, expiresAt: null, mandatoryAt: null, maintenanceWindows: [], notices };
    }

    const collection = this.deps.collections.get(ad.collectionId);
    const members = this.membersOf(ad, program, pkg, dps, notices);
    const available: Moment | null = ad.presentTimeEnabled ? { at: new Date(momentOf(ad.presentTime, ad.presentTimeIsGmt)), isGmt: ad.presentTimeIsGmt } : null;
    const expires: Moment | null = ad.expirationTimeEnabled && ad.expirationTime !== null ? { at: new Date(momentOf(ad.expirationTime, ad.expirationTimeIsGmt)), isGmt: ad.expirationTimeIsGmt } : null;
    if (expires !== null && expires.at.getTime() <= now.getTime()) notices.push(`The advertisement expired at ${ad.expirationTime}${ad.expirationTimeIsGmt ? ' UTC' : ''}: clients no longer run it.`);
    const mandatory = mandatoryMoment(ad, now, available, expires, notices);
    const wallClock = (m: Moment | null) => (m === null ? null : { time: wallClockOf(m.at, m.isGmt), isGmt: m.isGmt });
    return {
      ...base,
      collection: { collectionId: ad.collectionId, name: collection?.name ?? ad.collectionId, includeSubcollections: ad.includeSubcollections },
      counts: members.counts,
      members: members.listed,
      availableAt: available === null ? null : { time: ad.presentTime, isGmt: ad.presentTimeIsGmt },
      expiresAt: expires === null ? null : { time: ad.expirationTime ?? '', isGmt: ad.expirationTimeIsGmt },
      mandatoryAt: wallClock(mandatory),
      maintenanceWindows: this.windowsOf(ad, program, mandatory, notices),
      notices,
    };
  }

  /**
   * The source size from the database: what Distribution Manager recorded when it copied the
   * current source version to a DP (its manifest's totals), else what the caller measured, else
   * unknown: the manifests themselves are files, which the dry run does not read.
   */
  private sourceSizeOf(pkg: PackageRecord, rows: readonly PackageDpRecord[], options: DeploymentPreviewOptions, notices: string[]): { files: number | null; bytes: number | null; from: DeploymentPreviewDto['sourceSize'] } {
    if (!pkg.containsSourceFiles) return { files: 0, bytes: 0, from: 'none' };
    const copied = copiedSize(pkg, rows);
    if (copied !== null) return { ...copied, from: 'copied' };
    if (options.sourceSize !== undefined) return { ...options.sourceSize, from: 'measured' };
    notices.push(
      `The size of source version ${pkg.sourceVersion} of ${pkg.packageId} is not known until it is measured or copied to a distribution point${options.sourceSizeProblem ? ` (${options.sourceSizeProblem})` : ''}: the bytes to send are unknown.`,
    );
    return { files: null, bytes: null, from: 'unknown' };
  }

  /**
   * has: installed at the current version; adding: named by the plan; pending: every other row not
   * being removed (a copy waiting, retrying, failed, or an earlier version to update). A new copy
   * or an update sends the full source size (see DeploymentDpDto.bytesToSend).
   */
  private dpsOf(pkg: PackageRecord, rows: readonly PackageDpRecord[], adding: readonly string[], sourceBytes: number | null): PreviewDp[] {
    const all = this.deps.distributionPoints.list();
    const byId = new Map(all.map((dp) => [dp.id, dp]));
    const addingNames = new Set(adding.map((name) => name.toLowerCase()));
    const found: PreviewDp[] = [];
    const seen = new Set<number>();
    for (const row of rows) {
      const dp = byId.get(row.dpId);
      if (!dp || dp.deleting) continue;
      const isAdding = addingNames.has(row.dpName.toLowerCase());
      if (!isAdding && removalStates.includes(row.state)) continue;
      seen.add(row.dpId);
      const has = !isAdding && row.state === 'installed' && row.sourceVersion === pkg.sourceVersion;
      const state = isAdding ? 'adding' : has ? 'has' : 'pending';
      found.push({ dpId: row.dpId, protected: dp.protected, dto: { name: row.dpName, state, bytesToSend: has ? 0 : sourceBytes, sourceVersion: row.sourceVersion, recordState: isAdding && removalStates.includes(row.state) ? null : row.state } });
    }
    // A plan's DP without a row yet (the caller previews before making them): a new copy.
    for (const dp of all) {
      if (seen.has(dp.id) || dp.deleting || !addingNames.has(dp.name.toLowerCase())) continue;
      found.push({ dpId: dp.id, protected: dp.protected, dto: { name: dp.name, state: 'adding', bytesToSend: sourceBytes, sourceVersion: null, recordState: null } });
    }
    return found.sort((a, b) => a.dto.name.localeCompare(b.dto.name, undefined, { sensitivity: 'base' }));
  }

  private membersOf(ad: AdvertisementDto, program: ProgramRecord, pkg: PackageRecord, dps: readonly PreviewDp[], notices: string[]): { counts: DeploymentPreviewDto['counts']; listed: DeploymentMemberDto[] } {
    const rows = this.deps.preview.members(ad.collectionId, ad.includeSubcollections);
    const locate = this.locator(ad, dps);
    const listed: DeploymentMemberDto[] = [];
    let excluded = 0;
    let unreachable = 0;
    let rescued = 0;
    let people = 0;
    let unknownPlatform = 0;
    for (const row of rows) {
      let member: DeploymentMemberDto;
      if (row.resourceType !== 'system') {
        people++;
        member = { resourceId: row.resourceId, name: row.name, resourceType: row.resourceType, platform: null, excludedBy: null, contentFrom: null, via: null };
      } else {
        const machine = machineOfSystem(row.operatingSystem, row.platform);
        if (machine === null) unknownPlatform++;
        const excludedBy = machine === null ? null : platformProblem(program, machine);
        let contentFrom: string | null = null;
        let via: DeploymentMemberDto['via'] = null;
        if (excludedBy !== null) excluded++;
        else if (pkg.containsSourceFiles) {
          const found = locate(row);
          if (found.first === null) {
            unreachable++;
            if (found.rescued) rescued++;
          } else {
            contentFrom = found.first.dto.name;
            via = found.via;
          }
        }
        const platform = row.operatingSystem === null && row.platform === null ? null : [row.operatingSystem, row.platform && `(${row.platform})`].filter(Boolean).join(' ');
        member = { resourceId: row.resourceId, name: row.name, resourceType: 'system', platform, excludedBy, contentFrom, via };
      }
      if (listed.length < maxDeploymentPreviewMembers) listed.push(member);
    }
    if (people > 0) {
      notices.push(`${people} ${people === 1 ? 'member is a user or user group' : 'members are users or user groups'}: their computers decide, where they log on, whether the program can run and which distribution point serves it.`);
    }
    if (unknownPlatform > 0) {
      notices.push(`${unknownPlatform} ${unknownPlatform === 1 ? 'system has' : 'systems have'} no operating system or platform on record: the client agent checks the program's platforms there when it runs.`);
    }
    if (rescued > 0) {
      notices.push(`${rescued} of the ${unreachable} members no distribution point reaches would be served if the advertisement allowed fallback to unprotected distribution points.`);
    }
    return { counts: { members: rows.length, excludedByPlatform: excluded, unreachable, rescuedByFallback: rescued }, listed };
  }

  /**
   * Content location for each member system, on DPs that hold the package or are about to: the
   * site boundaries and the protected DPs' boundaries are read once, then ranked in memory by
   * the rule content location applies (rankContentDps), with the advertisement's options.
   */
  private locator(ad: AdvertisementDto, dps: readonly PreviewDp[]): (row: PreviewMemberRow) => { first: PreviewDp | null; via: DeploymentMemberDto['via']; rescued: boolean } {
    const siteBoundaries: readonly SiteBoundaryRecord[] = this.deps.boundaries.list();
    const protectedIds = dps.filter((dp) => dp.protected).map((dp) => dp.dpId);
    const dpBoundaries = protectedIds.length > 0 ? this.deps.boundaries.boundariesOfDps(protectedIds) : [];
    const request = { fastNetwork: ad.options.fastNetwork, slowNetwork: ad.options.slowNetwork, allowFallback: ad.options.allowFallbackToUnprotectedDps };
    return (row) => {
      // Only IPv4 addresses can fall in a boundary, as content:locate treats them.
      const addresses = row.ipAddresses.map((address) => ipv4Value(address.trim())).filter((address): address is number => address !== null);
      const inside = siteBoundaries.filter((b) => boundaryHolds(b.kind, b.value, addresses, row.adSiteName));
      const hits = new Set(dpBoundaries.filter((b) => boundaryHolds(b.kind, b.value, addresses, row.adSiteName)).map((b) => b.dpId));
      const ranked = rankContentDps(request, inside, dps, hits);
      const [first] = ranked.dps;
      if (first !== undefined) return { first: first.dp, via: first.via, rescued: false };
      const rescued = !request.allowFallback && rankContentDps({ ...request, allowFallback: true }, inside, dps, hits).dps.length > 0;
      return { first: null, via: null, rescued };
    };
  }

  /** Per collection with maintenance windows among the member systems' collections: when the first assigned run may start. */
  private windowsOf(ad: AdvertisementDto, program: ProgramRecord, mandatory: Moment | null, notices: string[]): DeploymentPreviewDto['maintenanceWindows'] {
    const collections = this.deps.preview.windowCollections(ad.collectionId, ad.includeSubcollections);
    if (collections.length === 0) return [];
    if (ad.options.ignoreMaintenanceWindows) {
      notices.push(`The advertisement ignores maintenance windows: the assigned run does not wait for the windows of ${collections.map((c) => c.name).join(', ')}.`);
      return [];
    }
    const windows = this.deps.preview.windowsOf(collections.map((c) => c.collectionId));
    const minutes = program.kind === 'computer' ? (program.maximumRunTime ?? unknownRunMinutes) : unknownRunMinutes;
    const answer = collections.map((c) => {
      const fit = mandatory === null ? null : firstFit(windows.filter((w) => w.collectionId === c.collectionId), mandatory.at, minutes);
      return { collectionId: c.collectionId, name: c.name, members: c.members, firstRunAt: fit?.start.toISOString() ?? null };
    });
    const tooShort = mandatory === null ? [] : answer.filter((w) => w.firstRunAt === null);
    if (tooShort.length > 0) {
      const runTime = program.kind === 'computer' && program.maximumRunTime !== null ? `its maximum run time of ${minutes} minutes` : `${minutes} minutes (its maximum run time is Unknown)`;
      notices.push(`No maintenance window of ${tooShort.map((w) => w.name).join(', ')} is long enough for the program, which needs ${runTime}: their members do not run it inside those windows.`);
    }
    return answer;
  }
}

/** The size Distribution Manager recorded for a copy of the package's current source version, if any DP has one. */
function copiedSize(pkg: PackageRecord, rows: readonly PackageDpRecord[]): { files: number; bytes: number } | null {
  const copy = rows.find((row) => row.sourceVersion === pkg.sourceVersion && row.files !== null && row.bytes !== null);
  return copy ? { files: copy.files ?? 0, bytes: copy.bytes ?? 0 } : null;
}

const later = (a: Date, b: Moment | null): Date => (b !== null && b.at.getTime() > a.getTime() ? b.at : a);

/**
 * When the program first becomes mandatory on a client that receives the advertisement now, as
 * the client agent's assignment times have it (docs/client-agent.md#policy-evaluation): a schedule
 * occurrence already past is due now (a client runs a missed assignment once), else its next
 * occurrence; "as soon as possible" is due now; none is due before the advertisement is
 * available, nor at or after its expiry. Assignments at events cannot be foreseen: a notice.
 */
function mandatoryMoment(ad: AdvertisementDto, now: Date, available: Moment | null, expires: Moment | null, notices: string[]): Moment | null {
  const o = ad.options;
  const candidates: Date[] = [];
  if (o.onSchedule && ad.assignedSchedule !== '') {
    for (const token of assignedTokensOf(ad.assignedSchedule)) {
      const schedule = decodeScheduleToken(token);
      if (latestRun(schedule, now) !== null) candidates.push(now);
      const [next] = runsAfter(schedule, now, 1);
      if (next !== undefined) candidates.push(next);
    }
  }
  if (o.asSoonAsPossible) candidates.push(now);
  const events = [o.atLogon && 'logon', o.atLogoff && 'logoff'].filter((e): e is string => typeof e === 'string');
  if (events.length > 0) notices.push(`The program is also assigned at ${events.join(' and at ')}: it becomes mandatory on each client at its next ${events.join(' or ')}, which cannot be foreseen.`);
  const due = candidates
    .map((at) => later(at, available))
    .filter((at) => expires === null || at.getTime() < expires.at.getTime())
    .sort((a, b) => a.getTime() - b.getTime())[0];
  if (due === undefined) return null;
  return { at: due, isGmt: o.onSchedule ? o.schedulesAreGmt : (available?.isGmt ?? false) };
}
