import { CourierError, type PackageDpValidationDto, type PackageValidationDto } from '../api';
import { folderSource, openPackageArchive, repairCopy, validateCopy, type ContentSource } from '../content/distribution';
import type { FileAccess } from '../content/file-access';
import type { ComponentSettingsRepository } from '../db/repositories/component-settings-repository';
import type { DistributionPointRepository } from '../db/repositories/distribution-point-repository';
import type { PackageDpRecord, PackageDpRepository } from '../db/repositories/package-dp-repository';
import type { PackageRecord, PackageRepository } from '../db/repositories/package-repository';
import { packagePathOnDp } from '../domain/distribution-points';
import { localPathOf, placeFromRow } from '../site/dp-location';
import { archivePathFor } from '../site/package-content';
import type { SiteRoot } from '../site/site-root';
import { packageNotFound } from './package-changes';

export interface PackageValidationServiceDeps {
  readonly packages: PackageRepository;
  readonly packageDps: PackageDpRepository;
  readonly dps: DistributionPointRepository;
  readonly settings: ComponentSettingsRepository;
  readonly root: SiteRoot;
  readonly fileAccess: () => FileAccess;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const empty = { ok: false, missing: [], changed: [], extra: [], missingFolders: [], checkedFiles: 0, checkedBytes: 0, repaired: null } as const;

/**
 * Validate (beyond the suite): re-hashes each DP's copy of a package against the manifest kept
 * beside it and lists what is missing, extra or changed; Repair fixes only that, from the source
 * folder or the compressed package (docs/content-engine.md).
 */
export class PackageValidationService {
  constructor(private readonly deps: PackageValidationServiceDeps) {}

  async validate(packageId: string, dpName: string | undefined, repair: boolean): Promise<PackageValidationDto> {
    const pkg = this.deps.packages.get(packageId.toUpperCase());
    if (!pkg) throw packageNotFound(packageId);
    let rows = this.deps.packageDps.forPackage(pkg.packageId);
    if (dpName !== undefined) {
      rows = rows.filter((row) => row.dpName.toLowerCase() === dpName.toLowerCase());
      if (rows.length === 0) throw packageNotOn(pkg, dpName);
    }
    const results: PackageDpValidationDto[] = [];
    for (const row of rows) results.push(await this.validateOne(pkg, row, repair));
    return { packageId: pkg.packageId, distributionPoints: results };
  }

  private async validateOne(pkg: PackageRecord, row: PackageDpRecord, repair: boolean): Promise<PackageDpValidationDto> {
    const path = row.shareName !== null && row.folder !== null ? packagePathOnDp(row.serverName, row.shareName, row.folder, row.serverShare) : null;
    const base = { name: row.dpName, path, sourceVersion: row.sourceVersion };
    const dp = this.deps.dps.getById(row.dpId);
    const mappings = this.deps.fileAccess().mappings;
    try {
      const place = dp ? placeFromRow(dp, this.deps.dps.volumes(dp.id), row, mappings) : null;
      if (!place) return { ...base, ...empty, error: `The package has not been copied to ${row.dpName} yet (${row.state}).` };
      if (!repair) {
        const report = await validateCopy(place.target);
        return { ...base, ...report, repaired: null, error: null };
      }
      const { source, close } = await this.sourceFor(pkg, row);
      try {
        const report = await repairCopy(place.target, source);
        const after = await validateCopy(place.target);
        return {
          ...base,
          ...report.before,
          ok: after.ok,
          repaired: { rewritten: report.rewritten, removed: report.removed, createdFolders: report.createdFolders },
          error: after.ok ? null : `Some files could not be repaired: ${[...after.missing, ...after.changed].join(', ')}.`,
        };
      } finally {
        await close();
      }
    } catch (error) {
      return { ...base, ...empty, error: describe(error) };
    }
  }

  /** The compressed package when it holds the DP's version, otherwise the source folder. */
  private async sourceFor(pkg: PackageRecord, row: PackageDpRecord): Promise<{ source: ContentSource; close: () => Promise<void> }> {
    if (pkg.sourceOption === 'compressed') {
      const archive = await openPackageArchive(archivePathFor(this.deps.root, this.deps.settings.distmgr().storedPackagesLocation, pkg.packageId)).catch(() => null);
      if (archive && archive.version === row.sourceVersion) return { source: archive.source, close: () => archive.close() };
      await archive?.close();
    }
    return { source: folderSource(localPathOf(pkg.sourceDirectory, this.deps.fileAccess().mappings)), close: async () => undefined };
  }
}

function packageNotOn(pkg: PackageRecord, dpName: string): CourierError {
  return new CourierError('NOT_FOUND', `Package ${pkg.name} (${pkg.packageId}) is not on the distribution point ${dpName}.`, 'distributionPoint');
}
