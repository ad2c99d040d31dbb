import { useEffect, useMemo } from 'react';
import { followPackageChanges, usePackagesStore } from '../features/packages/packages-store';
import { siteDatabaseLabel } from '../features/site/site-label';
import { useSiteStore } from '../features/site/site-store';
import { buildConsoleTree, nearestExisting, packagesNodeId, type ConsoleTreeModel } from './console-tree-model';
import { useShellStore } from './shell-store';

/**
 * Loads the site and its packages, follows live changes, and turns them into the console
 * tree. When the selected node disappears (its package was deleted, here or by another
 * console), the selection moves to the nearest node that still exists.
 */
export function useConsoleModel(): ConsoleTreeModel {
  const siteStatus = useSiteStore((s) => s.status);
  const siteInfo = useSiteStore((s) => s.info);
  const packages = usePackagesStore((s) => s.packages);
  const packagesStatus = usePackagesStore((s) => s.status);
  const selectedId = useShellStore((s) => s.selectedId);
  const select = useShellStore((s) => s.select);

  useEffect(() => {
    void useSiteStore.getState().load();
    void usePackagesStore.getState().load();
    return followPackageChanges();
  }, []);

  const siteLabel = siteDatabaseLabel({ status: siteStatus, info: siteInfo });
  const model = useMemo(() => buildConsoleTree({ siteLabel, packages }), [siteLabel, packages]);

  useEffect(() => {
    if (model.items.has(selectedId)) return;
    // A package node remembered from the last session appears once the list has loaded.
    if (selectedId.startsWith(`${packagesNodeId}/`) && packagesStatus !== 'ready') return;
    select(nearestExisting(model, selectedId), { history: false });
  }, [model, selectedId, packagesStatus, select]);

  return model;
}
