import type { NoFields } from '../../console/no-fields';

export interface PackageImportPopupKinds {
  readonly 'new-package-from-definition': NoFields;
}
