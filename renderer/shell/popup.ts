import type { PackageDto } from '../../core/api';

/** Every dialog the console shell can show; one at a time, like MMC's modal property sheets. */
export type Popup =
  | { readonly kind: 'new-package' }
  | { readonly kind: 'package-properties'; readonly packageId: string }
  | { readonly kind: 'delete-package'; readonly pkg: PackageDto }
  | { readonly kind: 'help'; readonly nodeId: string }
  | { readonly kind: 'about' };
