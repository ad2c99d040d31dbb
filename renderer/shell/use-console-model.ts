import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useCourierBridge } from '../client/courier-context';
import { useConsoleStores } from '../console/console-stores';
import { buildConsoleTree, nearestExisting, startExpanded, type ConsoleTreeModel } from './console-tree-model';
import type { ConsoleRegistry } from './registration';
import { nodeRegistration } from './registry-lookups';
import { useShellStore } from './shell-store';
import { readingStores, useStoreVersions } from './use-stores-version';

/**
 * Starts the features (first reads, live events) and turns the stores into the console tree.
 * When the selected node disappears (its package was deleted, here or by another console), the
 * selection moves to the nearest node that still exists.
 */
export function useConsoleModel(registry: ConsoleRegistry): ConsoleTreeModel {
  const stores = useConsoleStores();
  const bridge = useCourierBridge();
  const versions = useStoreVersions(stores);
  const selectedId = useShellStore((s) => s.selectedId);
  const expanded = useShellStore((s) => s.expanded);
  const select = useShellStore((s) => s.select);

  useEffect(() => {
    const stops = registry.features.map((feature) => feature.start?.(stores, bridge));
    return () => stops.forEach((stop) => stop?.());
  }, [registry, stores, bridge]);

  // The tree is built again only when a store it was built from changes: with 10,000 packages a
  // build is not free, and a package's programs arriving must not pay for it.
  const builtFrom = useRef<ReadonlySet<keyof typeof stores>>(new Set(Object.keys(stores) as (keyof typeof stores)[]));
  const inputs = [...builtFrom.current].map((name) => `${name}:${versions[name]}`).join(' ');
  const model = useMemo(() => {
    const read = new Set<keyof typeof stores>();
    const built = buildConsoleTree(registry, readingStores(stores, read));
    builtFrom.current = read;
    return built;
  }, [registry, stores, inputs]);

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
