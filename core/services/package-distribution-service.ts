import { CourierError, type DistributionPlanDto, type PackageDpStatusDto, type PackageSourceSizeDto, type PackageStatusCountsDto, type PackageStatusDto } from '../api';
import type { FileAccess } from '../content/file-access';
import { measureSourceDirectory, type SourceSize } from '../content/source-size';
import type { DpRecord } from '../db/repositories/distribution-point-repository';
import { removalStates, type PackageDpRecord, type PackageDpRepository } from '../db/repositories/package-dp-repository';
import type { PackageRecord, PackageRepository } from '../db/repositories/package-repository';
import { formatByteSize, formatFileCount } from '../api/byte-size';
import { packagePathOnDp } from '../domain/distribution-points';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';
import type { DistributionPointService } from './distribution-point-service';
import type { DpGroupService } from './dp-group-service';
import { notePackageChange, packageNotFound, requirePackage } from './package-changes';
import { toPackageDto } from './package-service';

export interface PackageDistributionServiceDeps {
  readonly packages: PackageRepository;
  readonly packageDps: PackageDpRepository;
  readonly dps: DistributionPointService;
  readonly groups: DpGroupService;
  readonly work: UnitOfWork;
  readonly now: () => Date;
  readonly fileAccess: () => FileAccess;
}

type Skipped = { name: string; reason: string };

function sizeText(size: SourceSize): string {
  return `${formatFileCount(size.files)} (${formatByteSize(size.bytes)})`;
}

function dpList(names: readonly string[]): string {
  return `${names.length === 1 ? 'distribution point' : `${names.length} distribution points`} ${names.join(', ')}`;
}

function skippedText(skipped: readonly Skipped[]): string {
  return skipped.map((s) => ` ${s.name}: ${s.reason}.`).join('');
}

const isLive = (row: PackageDpRecord) => !removalStates.includes(row.state);

function toStatusDto(row: PackageDpRecord): PackageDpStatusDto {
  return {
    name: row.dpName,
    nalPath: row.nalPath,
    state: row.state,
    path: row.shareName && row.folder !== null ? packagePathOnDp(row.serverName, row.shareName, row.folder, row.serverShare) : null,
    sourceVersion: row.sourceVersion,
    targetVersion: row.targetVersion,
    files: row.files,
    bytes: row.bytes,
    lastCopied: row.lastCopied,
    lastRefreshed: row.lastRefreshed,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
  };
}

/**
 * A package's distribution points (the package's Distribution Points node): give it DPs, send a
 * new source version to all of them, copy it again to one, take it off one. Each records the work
 * in package_dps and wakes Distribution Manager with the package's .PKN in one unit of work, and
 * answers with what will be transferred, in numbers and in words.
 */
export class PackageDistributionService {
  constructor(private readonly deps: PackageDistributionServiceDeps) {}

  async distribute(packageId: string, dpNames: readonly string[], groupNames: readonly string[]): Promise<DistributionPlanDto> {
    const pkg = this.requireWithSource(packageId);
    // A DP or group that does not exist is said before the source is measured.
    this.choose(dpNames, groupNames);
    const size = await this.measure(pkg);
    return this.deps.work.run((change) => this.distributeWithin(change, packageId, dpNames, groupNames, size));
  }

  /**
   * What distributing a package that is not written yet needs from the disk: the size of its
   * source directory, measured before the unit of work that creates and distributes it. A
   * package without source files is refused by distributeWithin, with the reason.
   */
  async measureSource(source: { readonly containsSourceFiles: boolean; readonly sourceDirectory: string }): Promise<SourceSize> {
    if (!source.containsSourceFiles) return { files: 0, bytes: 0 };
    return measureSourceDirectory(source.sourceDirectory, { ...this.deps.fileAccess(), sourceRoots: null }, 'packageId');
  }

  /** Gives the package the DPs (and the groups' members) that lack it, inside the caller's unit of work. */
  distributeWithin(change: ChangeSet, packageId: string, dpNames: readonly string[], groupNames: readonly string[], size: SourceSize): DistributionPlanDto {
    const current = this.requireWithSource(packageId);
    const { chosen, skipped } = this.choose(dpNames, groupNames);
    const added: string[] = [];
    for (const dp of chosen.values()) {
      const row = this.deps.packageDps.get(current.packageId, dp.id);
      if (dp.deleting) skipped.push({ name: dp.name, reason: 'it is being deleted' });
      else if (row && isLive(row)) skipped.push({ name: dp.name, reason: `it already has the package (${row.state})` });
      else {
        this.deps.packageDps.assign(current.packageId, dp.id, current.sourceVersion, this.deps.now().toISOString());
        added.push(dp.name);
      }
    }
    if (added.length === 0) {
      throw new CourierError('CONFLICT', `Package ${current.packageId} was given no new distribution point:${skippedText(skipped)}`, 'distributionPoints');
    }
    this.note(change, current.packageId, `distribute to ${added.join(', ')}`, `Package ${current.packageId} is to be copied to ${added.join(', ')}.`);
    const total = formatByteSize(size.bytes * added.length);
    return this.plan(current, 'distribute', added, skipped, size,
      `Distribution Manager will copy source version ${current.sourceVersion} of package ${current.name} (${current.packageId}), ${sizeText(size)}, ` +
        `to ${dpList(added)}: ${total} in all.${skippedText(skipped)}`);
  }

  /** The DPs named and the members of the groups named, each once; a group without members is skipped with its reason. */
  private choose(dpNames: readonly string[], groupNames: readonly string[]): { chosen: Map<number, DpRecord>; skipped: Skipped[] } {
    const skipped: Skipped[] = [];
    const chosen = new Map<number, DpRecord>();
    for (const name of dpNames) {
      const dp = this.deps.dps.require(name, 'distributionPoints');
      chosen.set(dp.id, dp);
    }
    for (const groupName of groupNames) {
      const group = this.deps.groups.get(this.deps.groups.require(groupName, 'groups').name);
      if (group.members.length === 0) skipped.push({ name: `group ${group.name}`, reason: 'the group has no members' });
      for (const member of group.members) {
        const dp = this.deps.dps.require(member, 'groups');
        chosen.set(dp.id, dp);
      }
    }
    return { chosen, skipped };
  }

  /** Update Distribution Points: a new source version, sent to every DP the package is on. */
  async updateDps(packageId: string): Promise<DistributionPlanDto> {
    const pkg = this.requireWithSource(packageId);
    this.liveRows(pkg, 'update');
    const size = await this.measure(pkg);
    return this.deps.work.run((change) => {
      const current = this.requireWithSource(packageId);
      const names = this.liveRows(current, 'update').map((row) => row.dpName);
      const stamp = this.deps.now().toISOString();
      // A new source version, as the suite's SMS_Package.SourceVersion counts them.
      const updated: PackageRecord = { ...current, sourceVersion: current.sourceVersion + 1, sourceDate: stamp, lastModified: stamp };
      this.deps.packages.update(updated);
      this.deps.packageDps.requestVersion(current.packageId, updated.sourceVersion, stamp);
      change.emit('packages:changed', { change: 'updated', packageId: updated.packageId, package: toPackageDto(updated) });
      this.note(change, updated.packageId, `update distribution points to version ${updated.sourceVersion}`, `Package ${updated.packageId} source version ${updated.sourceVersion} is to be sent to ${names.join(', ')}.`);
      return this.plan(updated, 'update', names, [], size,
        `Package ${updated.name} (${updated.packageId}) is now at source version ${updated.sourceVersion}. Distribution Manager will bring ${dpList(names)} to it ` +
          `from the source directory as it is now, ${sizeText(size)}: at most ${formatByteSize(size.bytes * names.length)} in all, less where files did not change.`);
    });
  }

  /** Refresh on one DP: copy the current source version to it again; the version and the other DPs stay. */
  async refresh(packageId: string, dpName: string): Promise<DistributionPlanDto> {
    const pkg = this.requireWithSource(packageId);
    this.liveRow(pkg, dpName);
    const size = await this.measure(pkg);
    return this.deps.work.run((change) => {
      const current = this.requireWithSource(packageId);
      const row = this.liveRow(current, dpName);
      this.deps.packageDps.requestRefresh(current.packageId, row.dpId, current.sourceVersion, this.deps.now().toISOString());
      this.note(change, current.packageId, `refresh on ${row.dpName}`, `Package ${current.packageId} is to be copied again to ${row.dpName}.`);
      return this.plan(current, 'refresh', [row.dpName], [], size,
        `Distribution Manager will copy source version ${current.sourceVersion} of package ${current.name} (${current.packageId}) to ${row.dpName} again, ` +
          `${sizeText(size)}, replacing what is there. The source version does not change and no other distribution point is touched.`);
    });
  }

  /** Delete on a DP row: the package leaves the DP and its folder there is deleted. */
  removeDp(packageId: string, dpName: string): DistributionPlanDto {
    return this.deps.work.run((change) => {
      const pkg = requirePackage(this.deps.packages, packageId);
      const dp = this.deps.dps.require(dpName, 'distributionPoint');
      const row = this.deps.packageDps.get(pkg.packageId, dp.id);
      if (!row) throw new CourierError('NOT_FOUND', `Package ${pkg.packageId} is not on distribution point ${dp.name}.`, 'distributionPoint');
      if (row.state === 'removalPending') {
        throw new CourierError('CONFLICT', `Package ${pkg.packageId} is already being removed from ${dp.name}.`, 'distributionPoint');
      }
      this.deps.packageDps.requestRemoval(pkg.packageId, dp.id, this.deps.now().toISOString());
      this.note(change, pkg.packageId, `remove from ${dp.name}`, `Package ${pkg.packageId} is to be removed from ${dp.name}.`);
      const where = row.shareName && row.folder !== null ? ` (${packagePathOnDp(row.serverName, row.shareName, row.folder, row.serverShare)})` : '';
      const none = { files: 0, bytes: 0 };
      return this.plan(pkg, 'remove', [dp.name], [], none,
        `Distribution Manager will remove package ${pkg.name} (${pkg.packageId}) from ${dp.name} and delete its folder there${where}. Nothing is copied; ` +
          'clients can no longer get the package from that distribution point.');
    });
  }

  /**
   * Retry Now on a DP row: the next attempt is due now and Distribution Manager is woken for it.
   * A row that gave up (installFailed, removalFailed) starts its count again.
   */
  retryNow(packageId: string, dpName: string): PackageDpStatusDto {
    return this.deps.work.run((change) => {
      const { pkg, dp, row } = this.requireRow(packageId, dpName);
      if (!this.deps.packageDps.retryNow(pkg, dp, this.deps.now().toISOString())) {
        throw new CourierError(
          'CONFLICT',
          `Package ${pkg} on ${row.dpName} is ${row.state}${row.state === 'installPending' || row.state === 'removalPending' ? ' and not waiting for a retry' : ''}: there is no attempt to make now.`,
          'distributionPoint',
        );
      }
      this.note(change, pkg, `retry now on ${row.dpName}`, `Package ${pkg}: the next attempt on ${row.dpName} is due now.`);
      return this.rowStatus(pkg, dp);
    });
  }

  /** Cancel on a DP row: stop retrying; a copy goes to installFailed, a removal to removalFailed. */
  cancelRetries(packageId: string, dpName: string): PackageDpStatusDto {
    return this.deps.work.run((change) => {
      const { pkg, dp, row } = this.requireRow(packageId, dpName);
      if (!this.deps.packageDps.cancelRetries(pkg, dp, this.deps.now().toISOString())) {
        throw new CourierError('CONFLICT', `Package ${pkg} on ${row.dpName} is ${row.state}, not retrying: there are no retries to cancel.`, 'distributionPoint');
      }
      // The wake-up lets Distribution Manager drop the retry it had scheduled for this row.
      this.note(change, pkg, `cancel retries on ${row.dpName}`, `Package ${pkg}: retries on ${row.dpName} cancelled.`);
      return this.rowStatus(pkg, dp);
    });
  }

  /** The files and bytes a copy would transfer now, without asking for one: what a confirmation states before OK. */
  async sourceSize(packageId: string): Promise<PackageSourceSizeDto> {
    const pkg = this.requireWithSource(packageId);
    const size = await this.measure(pkg);
    return { packageId: pkg.packageId, sourceDirectory: pkg.sourceDirectory, files: size.files, bytes: size.bytes };
  }

  /** Every package's counts in one read, for System Status › Package Status. */
  statusSummary(): PackageStatusCountsDto[] {
    return this.deps.packageDps.statusCounts();
  }

  status(packageId: string): PackageStatusDto {
    const pkg = this.deps.packages.get(packageId);
    const rows = this.deps.packageDps.forPackage(packageId);
    if (!pkg && rows.length === 0) throw packageNotFound(packageId);
    return {
      packageId,
      sourceVersion: pkg?.sourceVersion ?? null,
      distributionPoints: rows.map(toStatusDto),
    };
  }

  private requireRow(packageId: string, dpName: string): { pkg: string; dp: number; row: PackageDpRecord } {
    const pkg = this.deps.packages.get(packageId)?.packageId ?? packageId;
    const dp = this.deps.dps.require(dpName, 'distributionPoint');
    const row = this.deps.packageDps.get(pkg, dp.id);
    if (!row) {
      if (!this.deps.packages.get(packageId)) throw packageNotFound(packageId);
      throw new CourierError('NOT_FOUND', `Package ${pkg} is not on distribution point ${dp.name}.`, 'distributionPoint');
    }
    return { pkg, dp: dp.id, row };
  }

  private rowStatus(packageId: string, dpId: number): PackageDpStatusDto {
    const row = this.deps.packageDps.get(packageId, dpId);
    if (!row) throw packageNotFound(packageId);
    return toStatusDto(row);
  }

  /** A package without source files runs from what clients already have: there is nothing to copy, so no DP. */
  private requireWithSource(packageId: string): PackageRecord {
    const pkg = requirePackage(this.deps.packages, packageId);
    if (!pkg.containsSourceFiles) {
      throw new CourierError(
        'VALIDATION_FAILED',
        `Package ${pkg.name} (${pkg.packageId}) contains no source files, so it needs no distribution point: its programs run commands clients already have. ` +
          'Give it a source directory first (courier package update --source DIR) if it should have files.',
        'packageId',
      );
    }
    return pkg;
  }

  private liveRows(pkg: PackageRecord, action: string): PackageDpRecord[] {
    const rows = this.deps.packageDps.forPackage(pkg.packageId).filter(isLive);
    if (rows.length === 0) {
      throw new CourierError('CONFLICT', `Package ${pkg.packageId} is on no distribution point yet, so there is none to ${action}; add one with courier package distribute.`, 'packageId');
    }
    return rows;
  }

  private liveRow(pkg: PackageRecord, dpName: string): PackageDpRecord {
    const dp = this.deps.dps.require(dpName, 'distributionPoint');
    const row = this.deps.packageDps.get(pkg.packageId, dp.id);
    if (!row) throw new CourierError('NOT_FOUND', `Package ${pkg.packageId} is not on distribution point ${dp.name}; add it with courier package distribute.`, 'distributionPoint');
    if (!isLive(row)) throw new CourierError('CONFLICT', `Package ${pkg.packageId} is being removed from ${dp.name} (${row.state}); distribute it again to keep it there.`, 'distributionPoint');
    return row;
  }

  /**
   * The source directory as the site server reads it for the copy: source roots limit what the
   * console may browse, not what a package already has, so they do not apply here.
   */
  private measure(pkg: PackageRecord): Promise<SourceSize> {
    return measureSourceDirectory(pkg.sourceDirectory, { ...this.deps.fileAccess(), sourceRoots: null }, 'packageId');
  }

  private plan(
    pkg: PackageRecord,
    action: DistributionPlanDto['action'],
    names: readonly string[],
    skipped: readonly Skipped[],
    size: SourceSize,
    summary: string,
  ): DistributionPlanDto {
    return { packageId: pkg.packageId, packageName: pkg.name, action, sourceVersion: pkg.sourceVersion, distributionPoints: names, skipped, files: size.files, bytes: size.bytes, summary };
  }

  private note(change: ChangeSet, packageId: string, wakeUp: string, log: string): void {
    notePackageChange(change, packageId, { wakeUp, event: 'package-dps:changed', payload: { packageId }, log });
  }
}
