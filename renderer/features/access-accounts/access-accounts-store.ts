import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { sameNoCase, type AccessAccountDto, type ApiResult } from '../../../core/api';
import { bridge, courier } from '../../bridge';
import { describeFailure } from '../../components/describe-failure';

export type AccessAccountListStatus = 'loading' | 'ready' | 'error';

/** One package's access accounts as the console last read them. */
export interface AccessAccountList {
  readonly status: AccessAccountListStatus;
  readonly refreshing: boolean;
  readonly accounts: readonly AccessAccountDto[];
  readonly error: string | null;
}

export interface AccessAccountsState {
  readonly lists: Readonly<Record<string, AccessAccountList>>;
  /** Reads a package's accounts again (first view, Refresh, Retry, and every change event). */
  load(packageId: string): Promise<void>;
  /** Puts the accounts the core answered with into the list at once (add, update, remove). */
  replace(packageId: string, accounts: readonly AccessAccountDto[]): void;
  upsert(account: AccessAccountDto): void;
}

export interface AccessAccountsSource {
  list(packageId: string): Promise<ApiResult<readonly AccessAccountDto[]>>;
}

export const emptyAccessAccountList: AccessAccountList = { status: 'loading', refreshing: false, accounts: [], error: null };

async function settle<T>(request: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await request();
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: describeFailure(error) } };
  }
}

/**
 * Access accounts per package. `access-accounts:changed` names only the package, so the list is
 * read again; a newer read always wins over an older one still in flight.
 */
export function createAccessAccountsStore(source: AccessAccountsSource): UseBoundStore<StoreApi<AccessAccountsState>> {
  const generations = new Map<string, number>();

  return create<AccessAccountsState>()((set, get) => {
    function update(packageId: string, change: (list: AccessAccountList) => AccessAccountList): void {
      set((s) => ({ lists: { ...s.lists, [packageId]: change(s.lists[packageId] ?? emptyAccessAccountList) } }));
    }

    return {
      lists: {},

      async load(packageId) {
        const mine = (generations.get(packageId) ?? 0) + 1;
        generations.set(packageId, mine);
        update(packageId, (l) => ({ ...l, refreshing: l.status === 'ready', error: null, status: l.status === 'error' ? 'loading' : l.status }));
        const result = await settle(() => source.list(packageId));
        if (generations.get(packageId) !== mine) return;
        if (result.ok) update(packageId, () => ({ status: 'ready', refreshing: false, error: null, accounts: result.value }));
        else update(packageId, (l) => ({ ...l, status: l.status === 'ready' ? 'ready' : 'error', refreshing: false, error: result.error.message }));
      },

      replace(packageId, accounts) {
        if (get().lists[packageId] === undefined) return;
        // A later answer supersedes any read still in flight.
        generations.set(packageId, (generations.get(packageId) ?? 0) + 1);
        update(packageId, (l) => ({ ...l, status: 'ready', refreshing: false, error: null, accounts }));
      },

      upsert(account) {
        if (get().lists[account.packageId] === undefined) return;
        update(account.packageId, (l) => {
          const index = l.accounts.findIndex((a) => sameNoCase(a.accountName, account.accountName));
          const accounts = index < 0 ? [...l.accounts, account] : l.accounts.map((a, i) => (i === index ? account : a));
          return { ...l, accounts };
        });
      },
    };
  });
}

export const useAccessAccountsStore = createAccessAccountsStore({
  list: (packageId) => courier['access-accounts:list']({ packageId }),
});

/** Reads a package's accounts again whenever the core says they changed; returns the unsubscribe. */
export function followAccessAccountChanges(
  store: Pick<UseBoundStore<StoreApi<AccessAccountsState>>, 'getState'> = useAccessAccountsStore,
): () => void {
  return bridge.subscribe('access-accounts:changed', (event) => {
    if (store.getState().lists[event.packageId] !== undefined) void store.getState().load(event.packageId);
  });
}
