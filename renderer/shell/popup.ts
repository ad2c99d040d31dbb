import type { AccessAccountDto, PackageDto, ProgramDto } from '../../core/api';

/** Every dialog the console shell can show; one at a time, like MMC's modal property sheets. */
export type Popup =
  | { readonly kind: 'new-package' }
  | { readonly kind: 'new-package-from-definition' }
  | { readonly kind: 'package-properties'; readonly packageId: string }
  | { readonly kind: 'delete-package'; readonly pkg: PackageDto }
  | { readonly kind: 'new-program'; readonly packageId: string }
  | { readonly kind: 'new-device-program'; readonly packageId: string }
  | { readonly kind: 'program-properties'; readonly program: ProgramDto }
  | { readonly kind: 'delete-program'; readonly program: ProgramDto }
  | { readonly kind: 'new-access-account'; readonly packageId: string; readonly accountKind: 'windows' | 'generic' }
  | { readonly kind: 'access-account-properties'; readonly account: AccessAccountDto }
  | { readonly kind: 'delete-access-account'; readonly account: AccessAccountDto }
  | { readonly kind: 'help'; readonly nodeId: string }
  | { readonly kind: 'about' };
