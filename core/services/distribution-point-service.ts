import {
  CourierError,
  dpRuleProblems,
  sameWindowsPath,
  sourcePathFormOf,
  windowsPathsOverlap,
  trimTrailingSeparators,
  type ChangeKind,
  type DistributionPointDto,
  type DpChanges,
  type DpCreate,
  type DpDeletedDto,
} from '../api';
import { inspectPath, localPathOf, type FileAccess } from '../content/file-access';
import type { DistributionPointRepository, DpRecord, DpVolumeRecord } from '../db/repositories/distribution-point-repository';
import type { DpGroupRepository } from '../db/repositories/dp-group-repository';
import type { PackageDpRepository } from '../db/repositories/package-dp-repository';
import type { PackageRepository } from '../db/repositories/package-repository';
import { nalPathOf, netbiosNameOf, packageShareOf, serverOfShare } from '../domain/distribution-points';
import { notePackageChange, requirePackage } from './package-changes';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';

export interface DistributionPointServiceDeps {
  readonly siteCode: string;
  readonly dps: DistributionPointRepository;
  readonly groups: DpGroupRepository;
  readonly packageDps: PackageDpRepository;
  readonly packages: PackageRepository;
  readonly work: UnitOfWork;
  readonly now: () => Date;
  readonly fileAccess: () => FileAccess;
}

export function dpNotFound(name: string, field = 'name'): CourierError {
  return new CourierError('NOT_FOUND', `There is no distribution point ${name} at this site; see courier dp list.`, field);
}

/** Two volume paths name the same folder: POSIX paths exactly, Windows forms as Windows compares them. */
function sameFolder(a: string, b: string): boolean {
  if (sourcePathFormOf(a) === 'posix' && sourcePathFormOf(b) === 'posix') return trimTrailingSeparators(a) === trimTrailingSeparators(b);
  return sameWindowsPath(a, b);
}

/**
 * Site systems with the distribution point role (docs/distribution-points.md): create, change and
 * delete them. A DP's settings decide where and how its packages are shared, so a change to a DP
 * that holds packages wakes Distribution Manager for each of them.
 */
export class DistributionPointService {
  constructor(private readonly deps: DistributionPointServiceDeps) {}

  list(withoutPackage?: string): DistributionPointDto[] {
    if (withoutPackage === undefined) return this.deps.dps.list().map((dp) => this.toDto(dp));
    requirePackage(this.deps.packages, withoutPackage);
    return this.deps.dps.withoutPackage(withoutPackage).map((dp) => this.toDto(dp));
  }

  get(name: string): DistributionPointDto {
    return this.toDto(this.require(name));
  }

  async create(input: DpCreate): Promise<DistributionPointDto> {
    const volumes = input.volumes.map((v) => ({ letter: v.letter, path: trimTrailingSeparators(v.path), reserveMb: v.reserveMb }));
    await this.checkOnDisk(volumes, input.sambaConf);
    const serverShare = input.serverShare === '' ? null : trimTrailingSeparators(input.serverShare);
    const mode = serverShare === null ? 'server' : 'serverShare';
    const serverName = serverShare === null ? input.name : serverOfShare(serverShare);
    const created = this.deps.work.run((change) => {
      const existing = this.deps.dps.get(input.name);
      if (existing) throw new CourierError('CONFLICT', `There already is a distribution point ${existing.name}; each needs its own name.`, 'name');
      if (serverShare !== null) this.checkShareIsFree(serverShare);
      this.checkVolumesAreFree(volumes, null);
      const stamp = this.deps.now().toISOString();
      const siteSystemId = this.deps.dps.siteSystemFor({ serverName, netbiosName: netbiosNameOf(serverName), siteCode: this.deps.siteCode }, stamp);
      const id = this.deps.dps.insert({
        name: input.name,
        siteSystemId,
        serverName,
        mode,
        kind: 'standard',
        serverShare,
        shareReserveMb: serverShare === null ? null : input.shareReserveMb,
        nalPath: nalPathOf({ mode, serverName: input.name, serverShare }, this.deps.siteCode),
        bitsEnabled: input.bitsEnabled,
        protected: input.protected,
        shareProvider: input.shareProvider,
        sambaConf: input.shareProvider === 'samba' ? input.sambaConf : null,
        createdAt: stamp,
        lastModified: stamp,
      });
      this.deps.dps.replaceVolumes(id, volumes);
      this.deps.dps.replaceBoundaries(id, input.boundaries);
      const where = serverShare ?? volumes.map((v) => `${v.letter}: ${v.path}`).join(', ');
      this.noteDp(change, 'created', input.name, `Created distribution point ${input.name} (${where}).`);
      return this.require(input.name);
    });
    return this.toDto(created);
  }

  async update(name: string, changes: DpChanges): Promise<DistributionPointDto> {
    const existing = this.require(name);
    const before = { volumes: this.deps.dps.volumes(existing.id), boundaries: this.deps.dps.boundaries(existing.id) };
    const shareProvider = changes.shareProvider ?? existing.shareProvider;
    const sambaConf = shareProvider === 'samba' ? (changes.sambaConf ?? existing.sambaConf ?? '') : (changes.sambaConf ?? '');
    const volumes = (changes.volumes ?? before.volumes).map((v) => ({ letter: v.letter, path: trimTrailingSeparators(v.path), reserveMb: v.reserveMb }));
    const after = {
      mode: existing.mode,
      protected: changes.protected ?? existing.protected,
      boundaries: changes.boundaries ?? (changes.protected === false ? [] : before.boundaries),
      shareProvider,
      sambaConf,
      volumes,
    };
    const problems = dpRuleProblems(after);
    const first = problems[0];
    if (first) throw new CourierError('VALIDATION_FAILED', problems.map((p) => p.message).join(' '), first.field, problems);
    if (existing.mode === 'serverShare' && changes.volumes !== undefined && changes.volumes.length > 0) {
      throw new CourierError('VALIDATION_FAILED', 'A server share distribution point keeps packages in its share, so it has no volumes.', 'volumes');
    }
    if (existing.mode === 'server' && changes.shareReserveMb !== undefined) {
      throw new CourierError('VALIDATION_FAILED', 'The share reserve is for a server share distribution point; give a server DP its reserve per volume.', 'shareReserveMb');
    }
    const added = volumes.filter((v) => !before.volumes.some((old) => old.letter === v.letter && sameFolder(old.path, v.path)));
    await this.checkOnDisk(added, changes.sambaConf !== undefined && shareProvider === 'samba' ? sambaConf : '');

    const updated = this.deps.work.run((change) => {
      const current = this.require(name);
      if (current.deleting) throw this.beingDeleted(current);
      const inUse = this.deps.packageDps.lettersInUse(current.id).filter((letter) => !volumes.some((v) => v.letter === letter));
      if (inUse.length > 0) {
        throw new CourierError(
          'CONFLICT',
          `Packages are on volume ${inUse.join(', ')} of ${current.name}; remove them from the DP (courier package remove-dp) before dropping the volume.`,
          'volumes',
        );
      }
      this.checkVolumesAreFree(volumes, current.id);
      const stamp = this.deps.now().toISOString();
      this.deps.dps.updateSettings({
        ...current,
        shareReserveMb: current.mode === 'serverShare' ? (changes.shareReserveMb ?? current.shareReserveMb) : null,
        bitsEnabled: changes.bitsEnabled ?? current.bitsEnabled,
        protected: after.protected,
        shareProvider,
        sambaConf: shareProvider === 'samba' ? sambaConf : null,
        lastModified: stamp,
      });
      if (changes.volumes !== undefined) this.deps.dps.replaceVolumes(current.id, volumes);
      this.deps.dps.replaceBoundaries(current.id, after.boundaries);
      const fields = Object.keys(changes).join(', ');
      this.noteDp(change, 'updated', current.name, `Modified distribution point ${current.name} (${fields}).`);
      // Where and how the packages on it are shared may have changed: Distribution Manager looks at each again.
      for (const packageId of this.deps.packageDps.packagesOn(current.id)) {
        notePackageChange(change, packageId, {
          wakeUp: `distribution point ${current.name} changed`,
          event: 'package-dps:changed',
          payload: { packageId },
          log: `Distribution point ${current.name} of package ${packageId} changed (${fields}).`,
        });
      }
      return this.require(current.name);
    });
    return this.toDto(updated);
  }

  /**
   * A DP without packages goes at once. One that holds packages cannot simply go: its folders and
   * shares would be left on the server, so every package on it is marked removalPending, the DP
   * is marked deleting (nothing new may be given to it), and Distribution Manager deletes the DP
   * once it has removed the last package.
   */
  delete(name: string): DpDeletedDto {
    return this.deps.work.run((change) => {
      const dp = this.require(name);
      const packages = this.deps.packageDps.packagesOn(dp.id);
      if (packages.length === 0) {
        this.deps.dps.delete(dp.id);
        this.deps.dps.removeSiteSystemIfUnused(dp.siteSystemId);
        this.noteDp(change, 'deleted', dp.name, `Deleted distribution point ${dp.name}.`);
        return { name: dp.name, deleted: true, removalPending: [], summary: `Deleted distribution point ${dp.name}; it held no packages.` };
      }
      const stamp = this.deps.now().toISOString();
      this.deps.dps.setDeleting(dp.id, stamp);
      this.deps.packageDps.requestRemovalFromDp(dp.id, stamp);
      for (const packageId of packages) {
        notePackageChange(change, packageId, {
          wakeUp: `remove from ${dp.name}`,
          event: 'package-dps:changed',
          payload: { packageId },
          log: `Package ${packageId} is to be removed from distribution point ${dp.name}, which is being deleted.`,
        });
      }
      this.noteDp(change, 'updated', dp.name, `Distribution point ${dp.name} is being deleted; ${packages.length} packages are to be removed from it first.`);
      return {
        name: dp.name,
        deleted: false,
        removalPending: packages,
        summary:
          `Distribution point ${dp.name} holds ${packages.length === 1 ? 'package' : `${packages.length} packages`} ${packages.join(', ')}. ` +
          `Distribution Manager removes ${packages.length === 1 ? 'it and its folder' : 'them and their folders'} from it, then deletes the distribution point; ` +
          'until then it is listed as being deleted and takes no new packages.',
      };
    });
  }

  toDto(dp: DpRecord): DistributionPointDto {
    return {
      name: dp.name,
      serverName: dp.serverName,
      netbiosName: dp.netbiosName,
      siteCode: dp.siteCode,
      mode: dp.mode,
      kind: dp.kind,
      serverShare: dp.serverShare,
      shareReserveMb: dp.shareReserveMb,
      nalPath: dp.nalPath,
      bitsEnabled: dp.bitsEnabled,
      protected: dp.protected,
      boundaries: this.deps.dps.boundaries(dp.id),
      shareProvider: dp.shareProvider,
      sambaConf: dp.sambaConf,
      volumes: this.deps.dps.volumes(dp.id).map((v) => ({ ...v, shareName: packageShareOf(v.letter) })),
      groups: this.deps.groups.groupsOf(dp.id),
      packageCount: this.deps.packageDps.countOn(dp.id),
      deleting: dp.deleting,
      createdAt: dp.createdAt,
      lastModified: dp.lastModified,
    };
  }

  require(name: string, field = 'name'): DpRecord {
    const dp = this.deps.dps.get(name);
    if (!dp) throw dpNotFound(name, field);
    return dp;
  }

  beingDeleted(dp: DpRecord, field = 'name'): CourierError {
    return new CourierError('CONFLICT', `Distribution point ${dp.name} is being deleted: Distribution Manager is removing its packages, and it takes no new work.`, field);
  }

  /** Each volume must be a folder the site server reaches now (not a file, a FIFO or /proc); an smb.conf must be a file. */
  private async checkOnDisk(volumes: readonly DpVolumeRecord[], sambaConf: string): Promise<void> {
    const access = this.deps.fileAccess();
    for (const [index, volume] of volumes.entries()) {
      const field = `volumes.${index}.path`;
      const local = localPathOf(volume.path, access, field);
      await access.gate.run(volume.path, field, () =>
        inspectPath(volume.path, local, 'folder', 'the folder of the volume', field, access.platform, () => {
          const through = local === volume.path ? '' : ` (at ${local} through Path Mappings)`;
          return new CourierError('SOURCE_NOT_FOUND', `The volume ${volume.letter}: ${volume.path} does not exist, as the site server sees it${through}.`, field);
        }),
      );
    }
    if (sambaConf !== '') {
      const local = localPathOf(sambaConf, access, 'sambaConf');
      await access.gate.run(sambaConf, 'sambaConf', () => inspectPath(sambaConf, local, 'file', 'the smb.conf file of the Samba server', 'sambaConf', access.platform));
    }
  }

  /**
   * A share given in server share mode belongs to one DP, however it is spelled, and must not
   * hold or sit inside a package's own share ("Share the distribution folder"): refreshing that
   * package replaces everything in its share, other packages' folders included.
   */
  private checkShareIsFree(share: string): void {
    for (const other of this.deps.dps.shares()) {
      if (sameWindowsPath(other.serverShare, share) || other.serverShare.toLowerCase() === share.toLowerCase()) {
        throw new CourierError('CONFLICT', `The share ${share} is already distribution point ${other.name}; a share can be one distribution point only.`, 'serverShare');
      }
    }
    for (const pkg of this.deps.packages.shareFolders(null)) {
      if (sameWindowsPath(pkg.shareFolder, share) || windowsPathsOverlap(pkg.shareFolder, share)) {
        throw new CourierError(
          'CONFLICT',
          `The share ${share} overlaps ${pkg.shareFolder}, the share of package ${pkg.name} (${pkg.packageId}): updating one would replace the other's files.`,
          'serverShare',
        );
      }
    }
  }

  /** Two volumes on one folder would count its free space twice and mix the SMSPKG shares of two DPs. */
  private checkVolumesAreFree(volumes: readonly DpVolumeRecord[], dpId: number | null): void {
    const others = this.deps.dps.otherVolumes(dpId);
    for (const [index, volume] of volumes.entries()) {
      const twin = volumes.findIndex((v, i) => i < index && sameFolder(v.path, volume.path));
      if (twin !== -1) throw new CourierError('VALIDATION_FAILED', `Volumes ${volumes[twin]?.letter} and ${volume.letter} are the same folder, ${volume.path}.`, `volumes.${index}.path`);
      const taken = others.find((other) => sameFolder(other.path, volume.path));
      if (taken) {
        throw new CourierError('CONFLICT', `${volume.path} is already volume ${taken.letter} of distribution point ${taken.dpName}.`, `volumes.${index}.path`);
      }
    }
  }

  private noteDp(change: ChangeSet, kind: ChangeKind, name: string, log: string): void {
    change.emit('distribution-points:changed', { change: kind, name });
    change.log('smsprov.log', 'SMS_PROVIDER', log);
  }
}
