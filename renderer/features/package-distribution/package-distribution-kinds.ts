import type { NoFields } from '../../console/no-fields';
import type { PackageDpRow } from './package-dps-store';

export interface PackageDistributionNodeKinds {
  readonly 'package-distribution-points': { readonly packageId: string };
  readonly 'package-status': { readonly packageId: string };
  readonly 'package-status-summary': NoFields;
}

export interface PackageDistributionRowKinds {
  /** A distribution point of a package (its Distribution Points node, or a DP row under Package Status). */
  readonly 'package-dp': PackageDpRow;
}

export interface PackageDistributionPopupKinds {
  readonly 'new-distribution-points': { readonly packageId: string };
  readonly 'update-distribution-points': { readonly packageId: string };
  readonly 'refresh-package-dp': { readonly row: PackageDpRow };
  readonly 'remove-package-dp': { readonly row: PackageDpRow };
  readonly 'retry-package-dp': { readonly row: PackageDpRow };
  readonly 'cancel-package-dp': { readonly row: PackageDpRow };
  /** Validate on a package (every DP) or on one DP row. */
  readonly 'validate-package': { readonly packageId: string; readonly distributionPoint?: string };
}
