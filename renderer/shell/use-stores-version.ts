import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand';
import type { ConsoleStores } from '../console/console-stores';

type StoreName = keyof ConsoleStores;
export type StoreVersions = Readonly<Record<StoreName, number>>;

/**
 * How often each console store has changed. The shell reads registrations, which read the stores
 * directly; this makes it render again when a store changes, and tells it which one did.
 */
export function useStoreVersions(stores: ConsoleStores): StoreVersions {
  const versions = useRef<StoreVersions>(Object.fromEntries(Object.keys(stores).map((name) => [name, 0])) as Record<StoreName, number>);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = (Object.entries(stores) as [StoreName, StoreApi<unknown>][]).map(([name, store]) =>
        store.subscribe(() => {
          versions.current = { ...versions.current, [name]: versions.current[name] + 1 };
          onChange();
        }),
      );
      return () => stops.forEach((stop) => stop());
    },
    [stores],
  );
  return useSyncExternalStore(subscribe, () => versions.current);
}

/** The stores, recording in `read` the name of each store whose state is read. */
export function readingStores(stores: ConsoleStores, read: Set<StoreName>): ConsoleStores {
  const entries = (Object.entries(stores) as [StoreName, StoreApi<unknown>][]).map(([name, store]) => [
    name,
    {
      ...store,
      getState: () => {
        read.add(name);
        return store.getState();
      },
    },
  ]);
  return Object.fromEntries(entries) as unknown as ConsoleStores;
}
