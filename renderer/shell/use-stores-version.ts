import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ConsoleStores } from '../console/console-stores';

/**
 * A number that changes whenever any console store changes. The shell reads registrations,
 * which read the stores directly; this makes it render again when what they read changes.
 */
export function useStoresVersion(stores: ConsoleStores): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = Object.values(stores).map((store) =>
        store.subscribe(() => {
          version.current++;
          onChange();
        }),
      );
      return () => stops.forEach((stop) => stop());
    },
    [stores],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}
