import { join } from 'node:path';

/**
 * Where one copy of a package lives on a distribution point: the folder `folder` inside `root`.
 * For a standard share `root` is `<volume>/SMSPKG<letter>$` and `folder` the PackageID; for a
 * custom share the caller resolves `\\server\share` (the whole share is the package) or
 * `\\server\share\path` (only that folder) to a local parent folder and name (`customShareTarget`).
 * Staging folders, the manifest and the commit journal sit beside the package folder in `root`,
 * on the same volume, so putting a version in place is a rename.
 */
export interface PackageTarget {
  readonly root: string;
  readonly folder: string;
}

export function packageFolderOf(target: PackageTarget): string {
  return join(target.root, target.folder);
}

/** The manifest of what is in the package folder now, beside it, never inside where clients read. */
export function manifestPathOf(target: PackageTarget): string {
  return join(target.root, `${target.folder}.manifest`);
}

export function journalPathOf(target: PackageTarget): string {
  return join(target.root, `.commit-${target.folder}.json`);
}

export function stagingPrefix(packageId: string): string {
  return `.staging-${packageId}-`;
}

export function asidePrefix(target: PackageTarget): string {
  return `.old-${target.folder}-`;
}
