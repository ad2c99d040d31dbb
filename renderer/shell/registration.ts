import type { FluentIcon } from '@fluentui/react-icons';
import type { ComponentType, ReactNode } from 'react';
import type { CourierBridge } from '../../core/api';
import type { ReadOutcome } from '../client/live-list';
import type { Action } from '../components/action-menu';
import type { ListViewEvents } from '../components/live-list';
import type { ConsoleStores } from '../console/console-stores';
import type { ConsoleNode, NodeKind, NodeOf } from '../console/node-kinds';
import type { Popup, PopupKind, PopupOf } from '../console/popup-kinds';
import type { DetailsRow, RowKind, RowOf } from '../console/row-kinds';
import type { TreeItem } from './tree-item';

/**
 * How a feature plugs into the console (docs/console.md walks through it). A feature declares
 * its node, row and popup kinds (console/*-kinds.ts assemble them into unions) and exports one
 * FeatureRegistration that says, for each kind, what the tree, the details pane, the menus, the
 * toolbar and the popup host do with it. The shell knows no feature: it only reads registrations.
 */

/** What a feature may ask of the console shell. */
export interface ShellApi {
  openPopup(popup: Popup): void;
  /** A line in the status bar about what just happened ("Created package Office (A0100001)."). */
  setStatus(text: string): void;
  /** Whether the details pane shows this node now. */
  isShown(node: ConsoleNode): boolean;
  /**
   * Selects rows of the list shown for `node`, and gives that list the focus once no dialog is
   * open (a wizard's new row). Nothing happens while another node is shown.
   */
  selectRows(node: ConsoleNode, keys: readonly string[]): void;
  /**
   * Rows whose things this console just deleted: `drop` takes them out of their store, and the
   * row after the first of them (or before it, at the end) is selected and focused, as in MMC.
   */
  rowsDeleted(keys: readonly string[], drop: () => void): void;
  /** A row's key changed (a program renamed in its Properties): a selected row stays selected. */
  renameRow(from: string, to: string): void;
  /** Selects a node in the tree and expands its ancestors (Open on a folder's row). */
  open(item: TreeItem): void;
  /** A tree node's actions as its context menu shows them, Refresh and Help included. */
  nodeActions(item: TreeItem): readonly Action[];
}

/** What a feature's callbacks are given. */
export interface FeatureEnv {
  readonly stores: ConsoleStores;
  readonly shell: ShellApi;
}

/** What the details pane shows for a node. */
export type DetailsRegistration<K extends NodeKind> =
  /** Its child nodes as a list, as MMC shows a folder (Name and Description). */
  | { readonly kind: 'children' }
  /** A feature not built yet: an honest sentence instead of made-up rows. */
  | { readonly kind: 'not-built'; readonly message: string }
  | ListDetails<K>;

/** A list the feature renders itself (Packages, a package's Programs). */
export interface ListDetails<K extends NodeKind> {
  readonly kind: 'list';
  /** The list; LiveListView does the work for a live list of the site. */
  readonly View: ComponentType<DetailsViewProps<K>>;
  /** The rows behind selected keys, from the stores as they are now; keys no longer listed are left out. */
  readonly rows: (node: NodeOf<K>, keys: readonly string[], source: RowSource) => readonly DetailsRow[];
  /** How many rows the details header counts; null while the list is loading or failed. */
  readonly count: (node: NodeOf<K>, stores: ConsoleStores) => number | null;
}

/** Where a list's rows come from. */
export interface RowSource {
  readonly stores: ConsoleStores;
  /** The tree item below the shown node whose id segment is `segment` (a package row of the Packages list). */
  childItem(segment: string): TreeItem | undefined;
}

/** What the shell hands a list view: its node, and the row events of ListViewEvents. */
export interface DetailsViewProps<K extends NodeKind> extends ListViewEvents {
  readonly node: NodeOf<K>;
  /** The node's name, for the list's accessible name. */
  readonly label: string;
}

/** One kind of node of the console tree. */
export interface NodeRegistration<K extends NodeKind> {
  /** Its name in the tree and the details title; a function when the site names it (a package). */
  readonly label: string | ((node: NodeOf<K>, stores: ConsoleStores) => string);
  readonly icon: FluentIcon;
  /** One line, for its folder's Description column and for Help. */
  readonly description: string;
  /** Its segment of the tree id, unique among its siblings; the kind when absent. */
  readonly idSegment?: (node: NodeOf<K>) => string;
  /** Its child nodes, in console order; none when absent. */
  readonly children?: (node: NodeOf<K>, stores: ConsoleStores) => readonly ConsoleNode[];
  /** True while its children are still being read: a selection remembered below it waits for them. */
  readonly childrenPending?: (node: NodeOf<K>, stores: ConsoleStores) => boolean;
  /** Open the first time the console starts, before the admin expands or collapses anything. */
  readonly startsExpanded?: boolean;
  readonly details: DetailsRegistration<K>;
  /** Its own commands (New ›, Properties, Delete …); the shell adds Refresh and Help after them. */
  readonly actions?: (node: NodeOf<K>, env: FeatureEnv) => readonly Action[];
  /** Reads what it shows again (Refresh, F5); a node without it offers no Refresh. */
  readonly refresh?: (node: NodeOf<K>, stores: ConsoleStores) => Promise<ReadOutcome>;
}

/** One kind of row of the details pane. */
export interface RowRegistration<R extends RowKind> {
  /** Its name: the heading of its part of the Actions pane. */
  readonly label: (row: RowOf<R>) => string;
  /** Its commands (Properties, Delete …); the shell adds the list's Refresh and Help after them. */
  readonly actions: (row: RowOf<R>, env: FeatureEnv) => readonly Action[];
}

export interface PopupEnv extends FeatureEnv {
  /** Closes this popup (Cancel, Close, or after OK). */
  readonly close: () => void;
}

/** One kind of dialog. */
export interface PopupRegistration<P extends PopupKind> {
  /** The dialog, open. */
  readonly render: (popup: PopupOf<P>, env: PopupEnv) => ReactNode;
}

/** What the status bar shows while a feature is busy. */
export interface FeatureActivity {
  readonly busy: boolean;
  /** Replaces the status text while set ("Loading packages…"). */
  readonly message: string | null;
}

export type NodeRegistry = { readonly [K in NodeKind]: NodeRegistration<K> };
export type RowRegistry = { readonly [R in RowKind]: RowRegistration<R> };
export type PopupRegistry = { readonly [P in PopupKind]: PopupRegistration<P> };

/**
 * One feature's contribution: a registration for each node, row and popup kind it declares. The
 * type arguments are the kinds it registers, so leaving one out does not compile.
 */
export interface FeatureRegistration<N extends NodeKind = never, R extends RowKind = never, P extends PopupKind = never> {
  readonly nodes: { readonly [K in N]: NodeRegistration<K> };
  readonly rows: { readonly [K in R]: RowRegistration<K> };
  readonly popups: { readonly [K in P]: PopupRegistration<K> };
  /** Runs when the console opens (first reads, event subscriptions); returns what undoes it. */
  readonly start?: (stores: ConsoleStores, bridge: CourierBridge) => () => void;
  readonly activity?: (stores: ConsoleStores) => FeatureActivity;
}

/** Any feature, for lists of them. */
export interface AnyFeature {
  readonly nodes: Partial<NodeRegistry>;
  readonly rows: Partial<RowRegistry>;
  readonly popups: Partial<PopupRegistry>;
  readonly start?: (stores: ConsoleStores, bridge: CourierBridge) => () => void;
  readonly activity?: (stores: ConsoleStores) => FeatureActivity;
}

/** Every kind registered: what the shell reads. */
export interface ConsoleRegistry {
  /** The root of the console tree. */
  readonly root: ConsoleNode;
  readonly nodes: NodeRegistry;
  readonly rows: RowRegistry;
  readonly popups: PopupRegistry;
  readonly features: readonly AnyFeature[];
}
