import type { PackageDto } from '../../core/api';

/**
 * How the suite's console names a package in the tree: "Manufacturer Name Version Language",
 * leaving out the parts that are empty.
 */
export function packageDisplayName(pkg: Pick<PackageDto, 'publisher' | 'name' | 'version' | 'language'>): string {
  return [pkg.publisher, pkg.name, pkg.version, pkg.language].filter((part) => part !== '').join(' ');
}
