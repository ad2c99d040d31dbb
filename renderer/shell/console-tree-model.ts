import { fullPackageName, type PackageDto } from '../../core/api';
import { fixedChildren, idSegment, nodeInfo, type ConsoleNode } from './console-node';

export interface TreeItem {
  /** A path of segments from the root ("site/computer-management/…/A0100001"). */
  readonly id: string;
  readonly parentId: string | null;
  /** 1 for the root, as aria-level counts. */
  readonly level: number;
  readonly node: ConsoleNode;
  readonly label: string;
  readonly childIds: readonly string[];
  /** 1-based place among its siblings, and how many siblings there are (aria-posinset/-setsize). */
  readonly posInSet: number;
  readonly setSize: number;
}

export interface ConsoleTreeModel {
  readonly rootId: string;
  readonly items: ReadonlyMap<string, TreeItem>;
}

export interface TreeSource {
  /** "Site Database (A01 - Central Site)", or a placeholder while connecting. */
  readonly siteLabel: string;
  readonly packages: readonly PackageDto[];
}

export const rootId = 'site';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Builds the whole tree as data; it is rebuilt when the site or the packages change. */
export function buildConsoleTree(source: TreeSource): ConsoleTreeModel {
  const items = new Map<string, TreeItem>();
  const packages = source.packages
    .map((pkg) => ({ pkg, label: fullPackageName(pkg) }))
    .sort((a, b) => collator.compare(a.label, b.label) || collator.compare(a.pkg.packageId, b.pkg.packageId));
  const packageLabels = new Map(packages.map(({ pkg, label }) => [pkg.packageId, label]));

  function children(node: ConsoleNode): readonly ConsoleNode[] {
    if (node.kind === 'packages') return packages.map(({ pkg }) => ({ kind: 'package', packageId: pkg.packageId }));
    return fixedChildren(node);
  }

  function label(node: ConsoleNode): string {
    if (node.kind === 'site-database') return source.siteLabel;
    if (node.kind === 'package') return packageLabels.get(node.packageId) ?? node.packageId;
    return nodeInfo(node).label;
  }

  function add(node: ConsoleNode, parentId: string | null, level: number, posInSet: number, setSize: number): string {
    const id = parentId === null ? rootId : `${parentId}/${idSegment(node)}`;
    const kids = children(node);
    const childIds = kids.map((child, i) => add(child, id, level + 1, i + 1, kids.length));
    items.set(id, { id, parentId, level, node, label: label(node), childIds, posInSet, setSize });
    return id;
  }

  add({ kind: 'site-database' }, null, 1, 1, 1);
  return { rootId, items };
}

/** The rows the tree shows: every item whose ancestors are all expanded, in display order. */
export function visibleItems(model: ConsoleTreeModel, expanded: ReadonlySet<string>): readonly TreeItem[] {
  const out: TreeItem[] = [];
  function walk(id: string): void {
    const item = model.items.get(id);
    if (!item) return;
    out.push(item);
    if (expanded.has(id)) for (const child of item.childIds) walk(child);
  }
  walk(model.rootId);
  return out;
}

/** The item itself, or its nearest ancestor that still exists (a deleted package's folder). */
export function nearestExisting(model: ConsoleTreeModel, id: string): string {
  let candidate = id;
  while (!model.items.has(candidate)) {
    const cut = candidate.lastIndexOf('/');
    if (cut < 0) return model.rootId;
    candidate = candidate.slice(0, cut);
  }
  return candidate;
}

/** Every ancestor of an id, nearest last: expanding them reveals the item. */
export function ancestorIds(id: string): readonly string[] {
  const parts = id.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The id a package node has in the tree. */
export function packageNodeId(packageId: string): string {
  return `${rootId}/computer-management/software-distribution/packages/${packageId}`;
}

export const packagesNodeId = `${rootId}/computer-management/software-distribution/packages`;
