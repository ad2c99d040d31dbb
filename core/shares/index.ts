import { localShareProvider } from './local-provider';
import { sambaShareProvider, type SambaProviderOptions } from './samba-provider';
import type { ShareProvider } from './share-provider';
import { windowsShareProvider, type WindowsProviderOptions } from './windows-provider';

/** What the Distribution Manager imports: the contract, the three providers and disconnecting users (docs/share-providers.md). */
export type { AccountPermission, FolderScope, ProviderDescription, ShareConnection, ShareProvider, ShareSpec } from './share-provider';
export type { CommandResult, CommandRunner } from './command-runner';
export { defaultSambaAccountMapping, type SambaAccountMapping } from './samba-accounts';
export { disconnectUsers, realClock, type DisconnectClock, type DisconnectEvent, type DisconnectOutcome, type DisconnectUsersRequest } from './disconnect-users';
export { localShareProvider, sambaShareProvider, windowsShareProvider, type SambaProviderOptions, type WindowsProviderOptions };

/** A distribution point's provider setting, as its properties will hold it. */
export type ShareProviderSettings = { readonly kind: 'local' } | ({ readonly kind: 'samba' } & SambaProviderOptions) | ({ readonly kind: 'windows' } & WindowsProviderOptions);

export function createShareProvider(settings: ShareProviderSettings): ShareProvider {
  switch (settings.kind) {
    case 'local':
      return localShareProvider();
    case 'samba':
      return sambaShareProvider(settings);
    case 'windows':
      return windowsShareProvider(settings);
  }
}
