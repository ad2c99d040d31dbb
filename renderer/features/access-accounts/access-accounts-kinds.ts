import type { AccessAccountDto } from '../../../core/api';

export interface AccessAccountsNodeKinds {
  readonly 'package-access-accounts': { readonly packageId: string };
}

export interface AccessAccountsRowKinds {
  readonly 'access-account': AccessAccountDto;
}

export interface AccessAccountsPopupKinds {
  readonly 'new-access-account': { readonly packageId: string; readonly accountKind: 'windows' | 'generic' };
  readonly 'access-account-properties': { readonly account: AccessAccountDto };
  readonly 'delete-access-account': { readonly account: AccessAccountDto };
}
