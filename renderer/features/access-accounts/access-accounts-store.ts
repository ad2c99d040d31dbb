import { createStore, type StoreApi } from 'zustand';
import { sameNoCase, type AccessAccountDto, type ApiResult, type CourierBridge } from '../../../core/api';
import { createKeyedListReaders, type LiveList, type ReadOutcome } from '../../client/live-list';

export interface AccessAccountsState {
  readonly lists: Readonly<Record<string, LiveList<AccessAccountDto>>>;
  /** Reads a package's accounts again (first view, Refresh, Retry, and every change event). */
  load(packageId: string): Promise<ReadOutcome>;
  /** Puts the accounts the core answered with into the list at once (add, update, remove). */
  replace(packageId: string, accounts: readonly AccessAccountDto[]): void;
  upsert(account: AccessAccountDto): void;
}

export type AccessAccountsStore = StoreApi<AccessAccountsState>;

export interface AccessAccountsSource {
  list(packageId: string): Promise<ApiResult<readonly AccessAccountDto[]>>;
}

/**
 * Access accounts per package. `access-accounts:changed` names only the package, so the list is
 * read again; a newer read, or the core's answer to a change, wins over an older read in flight.
 */
export function createAccessAccountsStore(source: AccessAccountsSource): AccessAccountsStore {
  return createStore<AccessAccountsState>()((set, get) => {
    const readers = createKeyedListReaders<AccessAccountDto>(
      { get: (packageId) => get().lists[packageId], set: (packageId, list) => set((s) => ({ lists: { ...s.lists, [packageId]: list } })) },
      (packageId) => ({ read: () => source.list(packageId) }),
    );
    return {
      lists: {},
      load: (packageId) => readers(packageId).load(),
      replace: (packageId, accounts) => readers(packageId).replace(accounts),
      upsert: (account) =>
        readers(account.packageId).update((accounts) => {
          const index = accounts.findIndex((a) => sameNoCase(a.accountName, account.accountName));
          return index < 0 ? [...accounts, account] : accounts.map((a, i) => (i === index ? account : a));
        }),
    };
  });
}

/** Reads a package's accounts again whenever the core says they changed; returns the unsubscribe. */
export function followAccessAccountChanges(store: AccessAccountsStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  return bridge.subscribe('access-accounts:changed', (event) => {
    if (store.getState().lists[event.packageId] !== undefined) void store.getState().load(event.packageId);
  });
}
