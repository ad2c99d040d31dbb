/** The content engine the Distribution Manager calls: plain functions on paths and streams (docs/content-engine.md). */
export { buildManifest, type BuildManifestOptions } from './build-manifest';
export { cleanupPackage, type CleanupReport, type CommitStep } from './commit';
export { ContentError, type ContentErrorKind } from './content-error';
export { folderSource, type ContentSource } from './content-source';
export { distributePackage, type DistributeOptions, type DistributionProgress, type PatchRequest, type PatchResult, type TargetResult } from './distribute';
export { FileWorkers, defaultFileThreads } from './file-workers';
export { parseManifest, readManifest, writeManifest, type ContentManifest, type ManifestFile } from './manifest';
export { buildPackageArchive, openPackageArchive, type ArchiveSummary, type BuildArchiveOptions, type PackageArchive } from './package-archive';
export { manifestPathOf, packageFolderOf, type PackageTarget } from './package-target';
export { repairCopy, validateCopy, type RepairReport, type ValidationReport } from './validate';
export { chooseVolumes, customShareTarget, measureVolumes, shareFolderOf, standardTarget, type DistributionVolume, type VolumeSpace } from './volume-choice';
export { windowsNameProblem } from './windows-names';
