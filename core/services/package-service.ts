import { wakeOfferManagerFor } from './advertisements/offer-wake-ups';
import {
  CourierError,
  defaultAccessAccounts,
  packageDefaults,
  packageSettingsSchema,
  type ChangeKind,
  sameWindowsPath,
  trimTrailingSeparators,
  windowsPathsOverlap,
  type PackageDeletedDto,
  type PackageDto,
  type PackageListPageDto,
  type PackageSettings,
} from '../api';
import type { FileAccess } from '../content/file-access';
import { checkSourceDirectory } from '../content/source-directory';
import type { AdvertisementRepository } from '../db/repositories/advertisement-repository';
import type { AccessAccountRepository } from '../db/repositories/access-account-repository';
import type { DistributionPointRepository } from '../db/repositories/distribution-point-repository';
import type { PackageDpRepository } from '../db/repositories/package-dp-repository';
import type { PackageListPageQuery } from '../db/repositories/package-list-query';
import type { PackageRecord, PackageRepository } from '../db/repositories/package-repository';
import type { ProgramRepository } from '../db/repositories/program-repository';
import type { SiteRepository } from '../db/repositories/site-repository';
import { formatObjectId } from '../domain/object-ids';
import { packageDtoOf } from '../domain/package-dto';
import { contentSettings } from '../domain/package-fields';
import { accessAccountRecordOf } from './access-account-service';
import { changeVerbs, notePackageChange, packageNotFound, requirePackage } from './package-changes';
import type { ChangeSet, UnitOfWork } from '../site/unit-of-work';
import { parseOrThrow } from '../domain/validation';

export interface PackageServiceDeps {
  readonly siteCode: string;
  readonly packages: PackageRepository;
  readonly programs: ProgramRepository;
  readonly accessAccounts: AccessAccountRepository;
  /** Where the package is on distribution points: a deleted package leaves each of them. */
  readonly packageDps: PackageDpRepository;
  /** The shares of server share distribution points, which a package's own share must keep clear of. */
  readonly distributionPoints: Pick<DistributionPointRepository, 'shares'>;
  readonly site: SiteRepository;
  /** A package still advertised is not deleted: its advertisements would offer nothing. */
  readonly advertisements: Pick<AdvertisementRepository, 'list'>;
  readonly work: UnitOfWork;
  readonly now: () => Date;
  /** How the site server reads source directories (platform, Path Mappings, source roots). */
  readonly fileAccess: () => FileAccess;
}

export function toPackageDto(record: PackageRecord): PackageDto {
  return packageDtoOf(record);
}

function settingsOf(record: PackageRecord): PackageSettings {
  const { packageId: _id, sourceVersion: _v, sourceDate: _d, createdAt: _c, lastModified: _m, ...settings } = record;
  return settings;
}

/** `\\srv\apps\` and `\\srv\apps` are the same share to Windows; keep one spelling. */
function normalizeShare(share: string): string {
  return trimTrailingSeparators(share);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class PackageService {
  constructor(private readonly deps: PackageServiceDeps) {}

  list(): PackageDto[] {
    return this.deps.packages.list().map(toPackageDto);
  }

  /** The list's fields only, in pages: the console's Packages list at 100,000 packages. */
  listPage(query: PackageListPageQuery): PackageListPageDto {
    return this.deps.packages.listPage(query);
  }

  get(packageId: string): PackageDto {
    return toPackageDto(this.require(packageId));
  }

  async create(input: Partial<PackageSettings> & { name: string }): Promise<PackageDto> {
    const settings = await this.prepareCreate(input);
    return toPackageDto(this.deps.work.run((change) => this.insertPrepared(settings, change)));
  }

  /** Every check a new package must pass, including the ones that read the disk; writes nothing. */
  async prepareCreate(input: Partial<PackageSettings> & { name: string }): Promise<PackageSettings> {
    const settings = this.checkRules({ ...packageDefaults, ...input });
    if (settings.containsSourceFiles) await this.checkSource(settings.sourceDirectory);
    this.checkShareIsFree(settings.shareFolder, null);
    return settings;
  }

  /** Writes a prepared package inside the caller's unit of work, which tells of it once committed. */
  insertPrepared(settings: PackageSettings, change: ChangeSet): PackageRecord {
    // Checked again here: another request may have taken the share since prepareCreate.
    this.checkShareIsFree(settings.shareFolder, null);
    const stamp = this.deps.now().toISOString();
    const created: PackageRecord = {
      packageId: formatObjectId(this.deps.siteCode, this.deps.site.takeNextId('package')),
      ...settings,
      sourceVersion: 1,
      sourceDate: stamp,
      createdAt: stamp,
      lastModified: stamp,
    };
    this.deps.packages.insert(created);
    // Every new package starts with the SMSPKGx$ defaults (docs/software-distribution.md#access-accounts).
    for (const { account, permission } of defaultAccessAccounts) {
      this.deps.accessAccounts.insert(accessAccountRecordOf(created.packageId, account, permission, stamp));
    }
    this.noteChange(change, 'created', created);
    return created;
  }

  async update(packageId: string, changes: Partial<PackageSettings>): Promise<PackageDto> {
    const existing = this.require(packageId);
    const before = settingsOf(existing);
    const after = this.checkRules({ ...before, ...changes });
    const changed = (Object.keys(after) as (keyof PackageSettings)[]).filter((key) => !sameValue(before[key], after[key]));
    if (changed.length === 0) return toPackageDto(existing);

    const sourceMoved = changed.includes('sourceDirectory') || changed.includes('containsSourceFiles');
    if (after.containsSourceFiles && sourceMoved) await this.checkSource(after.sourceDirectory);
    if (changed.includes('shareFolder')) this.checkShareIsFree(after.shareFolder, packageId);

    const stamp = this.deps.now().toISOString();
    const contentChanged = changed.some((key) => (contentSettings as readonly string[]).includes(key));
    const record = this.deps.work.run((change) => {
      // Re-read inside the transaction so a concurrent delete is not resurrected.
      const current = this.require(packageId);
      const updated: PackageRecord = {
        ...current,
        ...after,
        sourceVersion: contentChanged ? current.sourceVersion + 1 : current.sourceVersion,
        sourceDate: contentChanged ? stamp : current.sourceDate,
        lastModified: stamp,
      };
      this.deps.packages.update(updated);
      this.noteChange(change, 'updated', updated, changed);
      return updated;
    });
    return toPackageDto(record);
  }

  delete(packageId: string): PackageDeletedDto {
    const existing = this.require(packageId);
    this.deps.work.run((change) => {
      this.refuseWhileOthersRunItsPrograms(existing);
      this.refuseWhileAdvertised(existing);
      // Its programs and access accounts go with it (ON DELETE CASCADE).
      if (!this.deps.packages.delete(packageId)) throw packageNotFound(packageId);
      // Its rows on distribution points stay, in removalPending, until Distribution Manager has deleted its folders there.
      this.deps.packageDps.requestRemovalEverywhere(packageId, this.deps.now().toISOString());
      this.noteChange(change, 'deleted', existing);
    });
    return { packageId: existing.packageId, name: existing.name };
  }

  /** A program in another package that runs one of this package's programs first would be left dangling. */
  private refuseWhileOthersRunItsPrograms(pkg: PackageRecord): void {
    const dependents = this.deps.programs.dependentsFromOtherPackages(pkg.packageId);
    if (dependents.length === 0) return;
    const list = dependents.map((d) => `${d.packageId}:${d.name} runs ${pkg.packageId}:${d.targetName} first`).join('; ');
    throw new CourierError(
      'CONFLICT',
      `Package ${pkg.name} (${pkg.packageId}) cannot be deleted while programs in other packages run its programs first: ${list}. ` +
        'Change "Run another program first" on those programs first.',
      'packageId',
    );
  }

  private refuseWhileAdvertised(pkg: PackageRecord): void {
    const advertised = this.deps.advertisements.list({ packageId: pkg.packageId });
    if (advertised.length === 0) return;
    throw new CourierError(
      'CONFLICT',
      `Package ${pkg.name} (${pkg.packageId}) cannot be deleted while it is advertised by ${advertised.map((a) => `${a.advertisementId} (${a.name})`).join(', ')}. ` +
        'Delete those advertisements first (courier advertisement delete ID).',
      'packageId',
    );
  }

  private require(packageId: string): PackageRecord {
    return requirePackage(this.deps.packages, packageId);
  }

  private checkRules(settings: PackageSettings): PackageSettings {
    const parsed = parseOrThrow(packageSettingsSchema, settings);
    return { ...parsed, shareFolder: normalizeShare(parsed.shareFolder) };
  }

  private async checkSource(path: string): Promise<void> {
    await checkSourceDirectory(path, this.deps.fileAccess());
  }

  /**
   * A custom share must be unique, and must not contain or sit inside another package's share:
   * refreshing `\\srv\apps` deletes and re-creates everything under it, `\\srv\apps\word` included.
   * Shares are compared as Windows resolves them (case, trailing periods and spaces, `.` and `..`),
   * so a share saved before those spellings were refused cannot hide an overlap either.
   */
  private checkShareIsFree(shareFolder: string, exceptId: string | null): void {
    if (shareFolder === '') return;
    for (const other of this.deps.packages.shareFolders(exceptId)) {
      const same = sameWindowsPath(other.shareFolder, shareFolder) || other.shareFolder.toLowerCase() === shareFolder.toLowerCase();
      if (same) {
        throw new CourierError('CONFLICT', `The share ${shareFolder} is already used by package ${other.name} (${other.packageId}); each package needs its own.`, 'shareFolder');
      }
      if (windowsPathsOverlap(other.shareFolder, shareFolder)) {
        throw new CourierError(
          'CONFLICT',
          `The share ${shareFolder} overlaps ${other.shareFolder}, used by package ${other.name} (${other.packageId}): refreshing one would delete the other's files.`,
          'shareFolder',
        );
      }
    }
    for (const dp of this.deps.distributionPoints.shares()) {
      if (sameWindowsPath(dp.serverShare, shareFolder) || windowsPathsOverlap(dp.serverShare, shareFolder)) {
        throw new CourierError(
          'CONFLICT',
          `The share ${shareFolder} overlaps ${dp.serverShare}, the share of distribution point ${dp.name}: refreshing the package would replace the files of the packages on that distribution point.`,
          'shareFolder',
        );
      }
    }
  }

  /** Wakes Distribution Manager, tells the consoles and writes the provider log, once committed. */
  private noteChange(change: ChangeSet, kind: ChangeKind, record: PackageRecord, fields: readonly string[] = []): void {
    const detail = fields.length > 0 ? ` (${fields.join(', ')})` : '';
    // Its advertisements' policy body holds the package's fields: Offer Manager re-offers them now.
    if (kind === 'updated') wakeOfferManagerFor(change, this.deps.advertisements.list({ packageId: record.packageId }).map((ad) => ad.advertisementId), 'package updated');
    notePackageChange(change, record.packageId, {
      wakeUp: `${kind} ${record.packageId}`,
      event: 'packages:changed',
      payload: { change: kind, packageId: record.packageId, package: kind === 'deleted' ? null : toPackageDto(record) },
      log: `${changeVerbs[kind]} package ${record.packageId} "${record.name}"${detail}.`,
    });
  }
}
