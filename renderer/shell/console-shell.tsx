import { useFocusFinders } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useCourierBridge } from '../client/courier-context';
import { ContextMenu, runCommand, type Action } from '../components/action-menu';
import type { MenuPoint } from '../components/data-grid';
import { formatTime } from '../components/date-time';
import { Splitter } from '../components/splitter';
import { useConsoleStores } from '../console/console-stores';
import { detailsRows, type DetailsRow } from '../console/row-kinds';
import { ActionsPane } from './actions-pane';
import { nodeActionList, rowActionList, type StandardCommands } from './command-lists';
import { useConsoleShellStyles } from './console-shell-styles';
import { ConsoleTree } from './console-tree';
import { exitConsole } from './exit-console';
import { ancestorIds, rootId, type ConsoleTreeModel, type TreeItem } from './console-tree-model';
import { DetailsPane } from './details-pane';
import { MenuBar } from './menu-bar';
import { PopupHost } from './popup-host';
import type { ConsoleRegistry, FeatureEnv, PopupEnv, ShellApi } from './registration';
import { nodeRegistration, rowLabel, sameNode } from './registry-lookups';
import { ShellToolbar } from './shell-toolbar';
import { useShellStore } from './shell-store';
import { SiteNoticesBar } from './site-notices-bar';
import { StatusBar } from './status-bar';
import { useConsoleModel } from './use-console-model';
import { useWindowWidth } from './use-window-width';

const minTreeWidth = 140;
const minActionsWidth = 160;
/** The details pane keeps at least this much room, however the splitters are dragged. */
const minDetailsWidth = 240;

function pathTitle(model: ConsoleTreeModel, item: TreeItem): string {
  const labels: string[] = [];
  for (let at: TreeItem | undefined = item; at; at = at.parentId === null ? undefined : model.items.get(at.parentId)) {
    labels.unshift(at.label);
  }
  return `Courier Console - [${labels.join('/')}]`;
}


/** The rows behind selected keys of the list shown for `item`. */
function rowsOf(registry: ConsoleRegistry, model: ConsoleTreeModel, env: FeatureEnv, item: TreeItem, keys: readonly string[]): readonly DetailsRow[] {
  const details = nodeRegistration(registry, item.node).details;
  switch (details.kind) {
    case 'children':
      return detailsRows(
        'child-node',
        keys.map((key) => model.items.get(key)).filter((child): child is TreeItem => child !== undefined && child.parentId === item.id),
      );
    case 'list':
      return details.rows(item.node, keys, { stores: env.stores, childItem: (segment) => model.items.get(`${item.id}/${segment}`) });
    case 'not-built':
      return [];
  }
}

/** The row that takes a deleted row's place: the next one shown, or the previous one at the end. */
function neighbourOf(order: readonly string[], deleted: readonly string[], selected: readonly string[]): string | null {
  const at = order.findIndex((key) => deleted.includes(key) && selected.includes(key));
  if (at < 0) return null;
  const kept = (key: string): boolean => !deleted.includes(key);
  return order.slice(at + 1).find(kept) ?? order.slice(0, at).reverse().find(kept) ?? null;
}

export interface ConsoleShellProps {
  /** Every feature's registrations (console/console-registry.ts). */
  readonly registry: ConsoleRegistry;
}

/** The console window: menu bar, toolbar, console tree, details pane, Actions pane and status bar. */
export function ConsoleShell({ registry }: ConsoleShellProps): ReactNode {
  const styles = useConsoleShellStyles();
  const stores = useConsoleStores();
  const model = useConsoleModel(registry);
  const { findFirstFocusable } = useFocusFinders();

  const selectedId = useShellStore((s) => s.selectedId);
  const expanded = useShellStore((s) => s.expanded);
  const selectedItems = useShellStore((s) => s.selectedItems);
  const focusScope = useShellStore((s) => s.focusScope);
  const layout = useShellStore((s) => s.layout);
  const popup = useShellStore((s) => s.popup);
  const contextMenu = useShellStore((s) => s.contextMenu);
  const focusListPending = useShellStore((s) => s.focusListPending);
  const statusText = useShellStore((s) => s.statusText);
  const canGoBack = useShellStore((s) => s.back.length > 0);
  const canGoForward = useShellStore((s) => s.forward.length > 0);
  const shell = useShellStore.getState;

  const site = useStore(stores.site, (s) => s.info);
  const siteStatus = useStore(stores.site, (s) => s.status);

  const treePaneRef = useRef<HTMLDivElement>(null);
  const detailsPaneRef = useRef<HTMLDivElement>(null);
  const actionsPaneRef = useRef<HTMLDivElement>(null);

  const expandedSet = useMemo(() => new Set(expanded ?? []), [expanded]);
  const item = model.items.get(selectedId) ?? model.items.get(rootId);
  if (!item) throw new Error('The console tree has no root.');

  // What the callbacks below need of the latest render.
  const latest = useRef({ item, model });
  latest.current = { item, model };
  // The details list's rows in the order shown, now and just before (a delete seen through a live
  // event may have re-rendered the list before the delete's own answer arrived).
  const shownOrder = useRef<{ readonly current: readonly string[]; readonly previous: readonly string[] }>({ current: [], previous: [] });
  const onOrderChange = useCallback((keys: readonly string[]) => {
    shownOrder.current = { current: keys, previous: shownOrder.current.current };
  }, []);

  const { env, standard } = useMemo((): { env: FeatureEnv; standard: StandardCommands } => {
    const standard: StandardCommands = {
      refresh(target) {
        const refresh = nodeRegistration(registry, target.node).refresh;
        if (!refresh) return;
        shell().setStatusText('Refreshing…');
        void refresh(target.node, stores).then((outcome) => {
          const time = formatTime(Date.now());
          shell().setStatusText(outcome.ok ? `Refreshed at ${time}.` : 'The refresh failed; the details pane says why.');
        });
      },
      help(target) {
        const registration = nodeRegistration(registry, target.node);
        const note = registration.details.kind === 'not-built' ? registration.details.message : null;
        shell().openPopup({ kind: 'help', topic: target.label, description: registration.description, note });
      },
    };
    const api: ShellApi = {
      openPopup: (next) => shell().openPopup(next),
      setStatus: (text) => shell().setStatusText(text),
      isShown: (node) => sameNode(latest.current.item.node, node),
      selectRows(node, keys) {
        if (sameNode(latest.current.item.node, node)) shell().revealRows(keys);
      },
      rowsDeleted(keys, drop) {
        const { current, previous } = shownOrder.current;
        const order = keys.some((key) => current.includes(key)) ? current : previous;
        const selected = shell().selectedItems;
        drop();
        const next = neighbourOf(order, keys, selected);
        if (next !== null) shell().revealRows([next]);
        else if (keys.some((key) => selected.includes(key))) shell().setSelectedItems(selected.filter((key) => !keys.includes(key)));
      },
      renameRow(from, to) {
        const selected = shell().selectedItems;
        if (selected.includes(from)) shell().setSelectedItems(selected.map((key) => (key === from ? to : key)));
      },
      open: (target) => shell().select(target.id, { reveal: true }),
      nodeActions: (target) => nodeActionList(registry, target, featureEnv, standard),
    };
    const featureEnv: FeatureEnv = { stores, shell: api };
    return { env: featureEnv, standard };
  }, [registry, stores, shell]);

  // One computation of what can be done, for every surface: the context menus, the Actions pane,
  // the toolbar, the Action menu and the keys.
  const nodeActs = env.shell.nodeActions(item);
  const rowsFor = (keys: readonly string[]): readonly DetailsRow[] => rowsOf(registry, model, env, item, keys);
  const rowActionsOf = (row: DetailsRow): readonly Action[] => rowActionList(registry, row, item, env, standard);
  const rows = rowsFor(selectedItems);
  const row = rows.length === 1 ? (rows[0] ?? null) : null;
  const rowActs = row ? rowActionsOf(row) : [];
  // As in MMC, the toolbar, the Action menu and the keys act on the pane the admin works in.
  const activeActions = focusScope === 'details' && row ? rowActs : nodeActs;

  useEffect(() => {
    document.title = pathTitle(model, item);
  }, [model, item]);

  // The event stream was away longer than the site server keeps events: read again what the
  // tree and the details pane show (the site and its packages at the root, then each node down
  // to the one shown), as F5 on each would. Other nodes read theirs again when next refreshed.
  const bridge = useCourierBridge();
  useEffect(
    () =>
      bridge.onResync?.(() => {
        const { item: shown, model: tree } = latest.current;
        const reads = [...ancestorIds(shown.id), shown.id].flatMap((id) => {
          const target = tree.items.get(id);
          const refresh = target ? nodeRegistration(registry, target.node).refresh : undefined;
          return target && refresh ? [refresh(target.node, stores)] : [];
        });
        void Promise.all(reads).then(() =>
          shell().setStatusText(`Reconnected to the site server at ${formatTime(Date.now())}; read again what this window shows.`),
        );
      }),
    [bridge, registry, stores, shell],
  );

  // A wizard's new row, or the row after a deleted one, gets the focus once the dialog has gone.
  useEffect(() => {
    if (!focusListPending || popup !== null) return;
    const grid = detailsPaneRef.current?.querySelector<HTMLElement>('[role="grid"]');
    if (!grid) return;
    grid.focus();
    shell().listFocused();
  });

  const actionsOf = (id: string): readonly Action[] => {
    const target = model.items.get(id);
    return target ? env.shell.nodeActions(target) : [];
  };

  function openMenu(target: 'node' | 'row', at: MenuPoint): void {
    const focused = document.activeElement;
    shell().openContextMenu({ target, at, returnFocusTo: focused instanceof HTMLElement ? focused : null });
  }

  function rowCommand(key: string, ...ids: readonly string[]): void {
    const target = rowsFor([key])[0];
    if (!target) return;
    const actions = rowActionsOf(target);
    ids.some((id) => runCommand(actions, id));
  }

  // Keys that work wherever focus is: F5, F1, Alt+Left/Right, F6 between panes.
  const latestActions = useRef({ activeActions, popup });
  latestActions.current = { activeActions, popup };
  useEffect(() => {
    function panes(): HTMLElement[] {
      return [treePaneRef.current, detailsPaneRef.current, actionsPaneRef.current].filter((p): p is HTMLDivElement => p !== null);
    }
    function onKeyDown(event: KeyboardEvent): void {
      const { activeActions: actions, popup: open } = latestActions.current;
      if (event.key === 'F5') {
        // Never let F5 reload the page under an open dialog either.
        event.preventDefault();
        if (open === null) runCommand(actions, 'refresh');
      } else if (event.key === 'F1') {
        event.preventDefault();
        if (open === null) runCommand(actions, 'help');
      } else if (open !== null) {
        return;
      } else if (event.altKey && event.key === 'ArrowLeft') {
        event.preventDefault();
        shell().goBack();
      } else if (event.altKey && event.key === 'ArrowRight') {
        event.preventDefault();
        shell().goForward();
      } else if (event.key === 'F6') {
        event.preventDefault();
        const list = panes();
        const at = list.findIndex((p) => p.contains(document.activeElement));
        const next = list[(at + (event.shiftKey ? -1 : 1) + list.length) % list.length];
        if (next) findFirstFocusable(next)?.focus();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [findFirstFocusable, shell]);

  function onExit(): void {
    exitConsole(window, () => shell().openPopup({ kind: 'close-tab' }));
  }

  const popupEnv: PopupEnv = useMemo(() => ({ ...env, close: () => shell().closePopup() }), [env, shell]);

  // Splitter limits follow the window so the details pane always keeps some room.
  const windowWidth = useWindowWidth();
  const actionsShown = layout.showActionsPane ? layout.actionsWidth : 0;
  const treeShown = layout.showTree ? layout.treeWidth : 0;
  const maxTree = Math.max(minTreeWidth, windowWidth - actionsShown - minDetailsWidth);
  const maxActions = Math.max(minActionsWidth, windowWidth - treeShown - minDetailsWidth);
  const treeWidth = Math.min(layout.treeWidth, maxTree);
  const actionsWidth = Math.min(layout.actionsWidth, maxActions);
  const paneVariables = {
    '--console-tree-width': `${treeWidth}px`,
    '--console-actions-width': `${actionsWidth}px`,
  } as CSSProperties;

  const connection = site
    ? `Site ${site.siteCode} (${site.siteName}) on ${site.serverName}`
    : siteStatus === 'error'
      ? 'Not connected to a site'
      : 'Connecting…';
  const activities = registry.features.flatMap((feature) => (feature.activity ? [feature.activity(stores)] : []));
  const status = activities.find((a) => a.message !== null)?.message ?? statusText;
  const busy = activities.some((a) => a.busy);

  return (
    <div className={styles.root} style={paneVariables}>
      <MenuBar
        actions={activeActions}
        layout={layout}
        onLayoutChange={(changes) => shell().setLayout(changes)}
        helpLabel={item.label}
        onHelp={() => runCommand(nodeActs, 'help')}
        onAbout={() => shell().openPopup({ kind: 'about' })}
        onExit={onExit}
      />
      <ShellToolbar
        canGoBack={canGoBack}
        canGoForward={canGoForward}
        canGoUp={item.parentId !== null}
        onBack={() => shell().goBack()}
        onForward={() => shell().goForward()}
        onUp={() => item.parentId !== null && shell().select(item.parentId)}
        actions={activeActions}
        showTree={layout.showTree}
        showActionsPane={layout.showActionsPane}
        onShowTree={(show) => shell().setLayout({ showTree: show })}
        onShowActionsPane={(show) => shell().setLayout({ showActionsPane: show })}
      />
      <SiteNoticesBar />
      <div className={styles.panes}>
        {layout.showTree && (
          <>
            <nav
              id="console-tree-pane"
              ref={treePaneRef}
              aria-label="Console tree"
              className={styles.treePane}
              onFocus={() => shell().setFocusScope('tree')}
            >
              <ConsoleTree
                registry={registry}
                model={model}
                selectedId={item.id}
                expanded={expandedSet}
                onSelect={(id) => shell().select(id)}
                onExpandedChange={(id, open) => shell().setExpanded(id, open)}
                onDefaultAction={(id) => {
                  if (runCommand(actionsOf(id), 'properties')) return;
                  const target = model.items.get(id);
                  if (target && target.childIds.length > 0) shell().setExpanded(id, !expandedSet.has(id));
                }}
                onDelete={(id) => runCommand(actionsOf(id), 'delete')}
                onRefresh={(id) => runCommand(actionsOf(id), 'refresh')}
                onContextMenu={(_, at) => openMenu('node', at)}
              />
            </nav>
            <Splitter
              label="Resize the console tree"
              controls="console-tree-pane"
              value={treeWidth}
              min={minTreeWidth}
              max={maxTree}
              paneSide="start"
              onChange={(width) => shell().setLayout({ treeWidth: width })}
            />
          </>
        )}
        <main ref={detailsPaneRef} className={styles.detailsPane} onFocus={() => shell().setFocusScope('details')}>
          <DetailsPane
            registry={registry}
            item={item}
            model={model}
            selectedKeys={selectedItems}
            onSelectionChange={(keys) => shell().setSelectedItems(keys)}
            onContextMenu={(key, at) => openMenu(key === null ? 'node' : 'row', at)}
            onOpen={(key) => rowCommand(key, 'open', 'properties')}
            onDelete={(key) => rowCommand(key, 'delete')}
            onRefresh={() => runCommand(nodeActs, 'refresh')}
            onOrderChange={onOrderChange}
          />
        </main>
        {layout.showActionsPane && (
          <>
            <Splitter
              label="Resize the Actions pane"
              controls="console-actions-pane"
              value={actionsWidth}
              min={minActionsWidth}
              max={maxActions}
              paneSide="end"
              onChange={(width) => shell().setLayout({ actionsWidth: width })}
            />
            <div id="console-actions-pane" ref={actionsPaneRef} className={styles.actionsPane}>
              <ActionsPane nodeLabel={item.label} nodeActions={nodeActs} itemLabel={row ? rowLabel(registry, row) : null} itemActions={rowActs} />
            </div>
          </>
        )}
      </div>
      {layout.showStatusBar && <StatusBar text={status} busy={busy} connection={connection} />}
      <ContextMenu
        request={contextMenu && { ...contextMenu, actions: contextMenu.target === 'row' && row ? rowActs : nodeActs }}
        onClose={() => shell().closeContextMenu()}
      />
      <PopupHost registry={registry} popup={popup} env={popupEnv} />
    </div>
  );
}
