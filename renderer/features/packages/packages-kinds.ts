import type { PackageListItem } from '../../../core/api';
import type { NoFields } from '../../console/no-fields';

export interface PackagesNodeKinds {
  readonly packages: NoFields;
  readonly package: { readonly packageId: string };
}

export interface PackagesPopupKinds {
  readonly 'new-package': NoFields;
  readonly 'package-properties': { readonly packageId: string };
  readonly 'delete-package': { readonly pkg: PackageListItem };
}
