import type { StatusMif } from './status-mif';

/** What of a package the client compares a status MIF with (the package's MIF reporting fields). */
export interface MifPackage {
  readonly name: string;
  readonly manufacturer: string;
  readonly version: string;
  readonly mifName: string;
  readonly mifPublisher: string;
  readonly mifVersion: string;
  /** The package's MIF file name ("Use these fields for status MIF matching"): only that file is read. */
  readonly mifFileName?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A MIF speaks for a package when its product, manufacturer and version are the package's MIF
 * name, publisher and version (the package's name, manufacturer and version when those are
 * empty), in any case, and it was written after the program started: an older one is a previous run's.
 */
export function mifMatchesPackage(mif: StatusMif, modifiedAt: Date, pkg: MifPackage, programStartedAt: Date): boolean {
  if (modifiedAt.getTime() < programStartedAt.getTime()) return false;
  const name = pkg.mifName.trim() || pkg.name;
  const publisher = pkg.mifPublisher.trim() || pkg.manufacturer;
  const version = pkg.mifVersion.trim() || pkg.version;
  return same(mif.product, name) && same(mif.manufacturer, publisher) && same(mif.version, version);
}
