import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useCourierBridge } from '../client/courier-context';
import { useConsoleStores } from '../console/console-stores';
import { buildConsoleTree, nearestExisting, startExpanded, type ConsoleTreeModel } from './console-tree-model';
import type { ConsoleRegistry } from './registration';
import { nodeRegistration } from './registry-lookups';
import { useShellStore } from './shell-store';
import { useStoresVersion } from './use-stores-version';

/**
 * Starts the features (first reads, live events) and turns the stores into the console tree.
 * When the selected node disappears (its package was deleted, here or by another console), the
 * selection moves to the nearest node that still exists.
 */
export function useConsoleModel(registry: ConsoleRegistry): ConsoleTreeModel {
  const stores = useConsoleStores();
  const bridge = useCourierBridge();
  const version = useStoresVersion(stores);
  const selectedId = useShellStore((s) => s.selectedId);
  const expanded = useShellStore((s) => s.expanded);
  const select = useShellStore((s) => s.select);

  useEffect(() => {
    const stops = registry.features.map((feature) => feature.start?.(stores, bridge));
    return () => stops.forEach((stop) => stop?.());
  }, [registry, stores, bridge]);

  // `version` stands for the stores' contents, which the registrations read.
  const model = useMemo(() => buildConsoleTree(registry, stores), [registry, stores, version]);

  useLayoutEffect(() => {
    if (expanded === null) useShellStore.setState({ expanded: startExpanded(registry, model) });
  }, [expanded, registry, model]);

  useEffect(() => {
    if (model.items.has(selectedId)) return;
    // A node remembered from the last session (a package) appears once its parent's children are read.
    const parent = model.items.get(nearestExisting(model, selectedId));
    if (parent && nodeRegistration(registry, parent.node).childrenPending?.(parent.node, stores)) return;
    select(nearestExisting(model, selectedId), { history: false });
  }, [model, selectedId, select, registry, stores]);

  return model;
}
