import { join } from 'node:path';

/**
 * Where one copy of a package lives on a distribution point: the folder `folder` inside `root`.
 * For a standard share `root` is `<volume>/SMSPKG<letter>$` and `folder` the PackageID; for a
 * custom share the caller resolves `\\server\share` (the whole share is the package) or
 * `\\server\share\path` (only that folder) to a local parent folder and name (`customShareTarget`).
 * The manifest sits beside the package folder in `root`, and everything a copy has under way (its
 * staging folders, the commit journal, the version set aside) in the package's own work folder
 * there: on the same volume, so putting a version in place is a rename, and found by its name, so
 * no copy lists `root`, which holds every package on the volume.
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

/** The package's work folder: it exists only while a copy is under way or a crash left one. */
export function workFolderOf(target: PackageTarget): string {
  return join(target.root, `.courier-${target.folder}`);
}

export function journalPathOf(target: PackageTarget): string {
  return join(workFolderOf(target), 'commit.json');
}

/** Staging folders (in the work folder) of one version start with this; a stopped copy of that version is gone on with. */
export function stagingPrefix(version: number): string {
  return `staging-${version}-`;
}

export const asidePrefix = 'old-';
