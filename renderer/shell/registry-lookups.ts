import type { ReactNode } from 'react';
import type { ConsoleStores } from '../console/console-stores';
import type { ConsoleNode, NodeKind, NodeOf } from '../console/node-kinds';
import type { Popup, PopupKind, PopupOf } from '../console/popup-kinds';
import type { DetailsRow, RowKind, RowOf } from '../console/row-kinds';
import type { Action } from '../components/action-menu';
import type { ConsoleRegistry, FeatureEnv, NodeRegistration, PopupEnv } from './registration';

/** A node's registration: the mapped registry pairs each kind with its own. */
export function nodeRegistration<K extends NodeKind>(registry: ConsoleRegistry, node: NodeOf<K>): NodeRegistration<K> {
  return registry.nodes[node.kind];
}

export function nodeLabel(registry: ConsoleRegistry, node: ConsoleNode, stores: ConsoleStores): string {
  const label = nodeRegistration(registry, node).label;
  return typeof label === 'string' ? label : label(node, stores);
}

export function nodeIdSegment(registry: ConsoleRegistry, node: ConsoleNode): string {
  return nodeRegistration(registry, node).idSegment?.(node) ?? node.kind;
}

/** Two nodes are the same node when their kinds and fields match. */
export function sameNode(a: ConsoleNode, b: ConsoleNode): boolean {
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}

function rowParts<R extends RowKind>(registry: ConsoleRegistry, row: { readonly kind: R; readonly value: RowOf<R> }) {
  const registration = registry.rows[row.kind];
  return { label: () => registration.label(row.value), actions: (env: FeatureEnv) => registration.actions(row.value, env) };
}

export function rowLabel(registry: ConsoleRegistry, row: DetailsRow): string {
  return rowParts(registry, row).label();
}

/** A row's own commands, before the shell adds its list's Refresh and Help. */
export function rowOwnActions(registry: ConsoleRegistry, row: DetailsRow, env: FeatureEnv): readonly Action[] {
  return rowParts(registry, row).actions(env);
}

function popupRender<P extends PopupKind>(registry: ConsoleRegistry, popup: PopupOf<P>, env: PopupEnv): ReactNode {
  return registry.popups[popup.kind].render(popup, env);
}

export function renderPopup(registry: ConsoleRegistry, popup: Popup, env: PopupEnv): ReactNode {
  return popupRender(registry, popup, env);
}
