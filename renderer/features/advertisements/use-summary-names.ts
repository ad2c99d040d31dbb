import { useStore } from 'zustand';
import { fullPackageName } from '../../../core/api';
import { useConsoleStores } from '../../console/console-stores';
import type { SummaryNames } from './advertisement-summary';

/** Package and collection names as the console holds them, "Office 2007 (A0100001)", for the Summary page. */
export function useSummaryNames(): SummaryNames {
  const stores = useConsoleStores();
  const packages = useStore(stores.packages, (s) => s.list.items);
  const collections = useStore(stores.collections, (s) => s.list.items);
  return {
    packageLabel: (id) => {
      const found = packages.find((p) => p.packageId === id);
      return found ? `${fullPackageName(found)} (${id})` : id;
    },
    collectionLabel: (id) => {
      const found = collections.find((c) => c.collectionId === id);
      return found ? `${found.name} (${id})` : id;
    },
  };
}
