import { useFocusFinders } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import type { PackageDto } from '../../core/api';
import { ContextMenu, runCommand, type Action } from '../components/action-menu';
import type { MenuPoint } from '../components/data-grid';
import { Splitter } from '../components/splitter';
import { usePackagesStore } from '../features/packages/packages-store';
import { useSiteStore } from '../features/site/site-store';
import { ActionsPane } from './actions-pane';
import { ConsoleTree } from './console-tree';
import { rootId, type ConsoleTreeModel, type TreeItem } from './console-tree-model';
import { detailsRowLabel, detailsRowsFor } from './details-row';
import { useAccessAccountsStore } from '../features/access-accounts/access-accounts-store';
import { useProgramsStore } from '../features/programs/programs-store';
import { useConsoleShellStyles } from './console-shell-styles';
import { DetailsPane } from './details-pane';
import { MenuBar } from './menu-bar';
import { detailsRowActions, nodeActions, type ActionContext } from './node-actions';
import { PopupHost } from './popup-host';
import { ShellToolbar } from './shell-toolbar';
import { useShellStore } from './shell-store';
import { StatusBar } from './status-bar';
import { useConsoleModel } from './use-console-model';
import { useShellCommands } from './use-shell-commands';
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

/** The console window: menu bar, toolbar, console tree, details pane, Actions pane and status bar. */
export function ConsoleShell(): ReactNode {
  const styles = useConsoleShellStyles();
  const model = useConsoleModel();
  const commands = useShellCommands();
  const { findFirstFocusable } = useFocusFinders();

  const selectedId = useShellStore((s) => s.selectedId);
  const expanded = useShellStore((s) => s.expanded);
  const selectedItems = useShellStore((s) => s.selectedItems);
  const focusScope = useShellStore((s) => s.focusScope);
  const layout = useShellStore((s) => s.layout);
  const popup = useShellStore((s) => s.popup);
  const contextMenu = useShellStore((s) => s.contextMenu);
  const statusText = useShellStore((s) => s.statusText);
  const canGoBack = useShellStore((s) => s.back.length > 0);
  const canGoForward = useShellStore((s) => s.forward.length > 0);
  const shell = useShellStore.getState;

  const packages = usePackagesStore((s) => s.packages);
  const packagesStatus = usePackagesStore((s) => s.status);
  const refreshing = usePackagesStore((s) => s.refreshing);
  const programLists = useProgramsStore((s) => s.lists);
  const accountLists = useAccessAccountsStore((s) => s.lists);
  const site = useSiteStore((s) => s.info);
  const siteStatus = useSiteStore((s) => s.status);

  const treePaneRef = useRef<HTMLDivElement>(null);
  const detailsPaneRef = useRef<HTMLDivElement>(null);
  const actionsPaneRef = useRef<HTMLDivElement>(null);

  const expandedSet = useMemo(() => new Set(expanded), [expanded]);
  const packagesById = useMemo(() => new Map(packages.map((p) => [p.packageId, p])), [packages]);
  const ctx: ActionContext = useMemo(() => ({ commands, findPackage: (id) => packagesById.get(id) }), [commands, packagesById]);

  const item = model.items.get(selectedId) ?? model.items.get(rootId);
  if (!item) throw new Error('The console tree has no root.');
  const nodeActs = nodeActions(item, ctx);
  const rows = detailsRowsFor(item, selectedItems, {
    model,
    programsOf: (packageId) => programLists[packageId]?.programs ?? [],
    accountsOf: (packageId) => accountLists[packageId]?.accounts ?? [],
  });
  const row = rows.length === 1 ? (rows[0] ?? null) : null;
  const rowActs = row ? detailsRowActions(row, ctx) : [];
  // As in MMC, the Action menu and the toolbar follow the pane the admin last worked in.
  const activeActions = focusScope === 'details' && row ? rowActs : nodeActs;

  useEffect(() => {
    document.title = pathTitle(model, item);
  }, [model, item]);

  const actionsOf = useCallback((id: string): readonly Action[] => {
    const target = model.items.get(id);
    return target ? nodeActions(target, ctx) : [];
  }, [model, ctx]);

  function openMenu(actions: readonly Action[], at: MenuPoint): void {
    const focused = document.activeElement;
    shell().openContextMenu({ actions, at, returnFocusTo: focused instanceof HTMLElement ? focused : null });
  }

  // Keys that work wherever focus is: F5, F1, Alt+Left/Right, F6 between panes.
  const latest = useRef({ activeActions, item, popup });
  latest.current = { activeActions, item, popup };
  useEffect(() => {
    function panes(): HTMLElement[] {
      return [treePaneRef.current, detailsPaneRef.current, actionsPaneRef.current].filter((p): p is HTMLDivElement => p !== null);
    }
    function onKeyDown(event: KeyboardEvent): void {
      const { activeActions: actions, item: current, popup: open } = latest.current;
      if (event.key === 'F5') {
        // Never let F5 reload the page under an open dialog either.
        event.preventDefault();
        if (open === null) runCommand(actions, 'refresh');
      } else if (event.key === 'F1') {
        event.preventDefault();
        if (open === null) commands.help(current.id);
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
  }, [commands, findFirstFocusable, shell]);

  function onCreated(pkg: PackageDto): void {
    usePackagesStore.getState().upsert(pkg);
    // In the Packages list, the new package is selected, ready for Properties or its programs.
    if (item?.node.kind === 'packages') shell().setSelectedItems([pkg.packageId]);
    shell().setStatusText(`Created package ${pkg.name} (${pkg.packageId}).`);
  }

  function onDeleted(packageId: string): void {
    usePackagesStore.getState().applyChange({ change: 'deleted', packageId, package: null });
    shell().setSelectedItems(shell().selectedItems.filter((k) => k !== packageId));
    shell().setStatusText(`Deleted package ${packageId}.`);
  }

  function onExit(): void {
    window.close();
    // A browser keeps a tab it did not open itself; say so instead of doing nothing.
    window.setTimeout(() => shell().setStatusText('To exit the console, close this browser tab.'), 300);
  }

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
  const status = packagesStatus === 'loading' ? 'Loading packages…' : statusText;

  return (
    <div className={styles.root} style={paneVariables}>
      <MenuBar
        actions={activeActions}
        layout={layout}
        onLayoutChange={(changes) => shell().setLayout(changes)}
        helpLabel={item.label}
        onHelp={() => commands.help(item.id)}
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
                onContextMenu={(id, at) => openMenu(actionsOf(id), at)}
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
            item={item}
            model={model}
            selectedItems={selectedItems}
            onSelectionChange={(keys) => shell().setSelectedItems(keys)}
            onRowContextMenu={(target, at) => openMenu(target ? detailsRowActions(target, ctx) : nodeActs, at)}
            onRowOpen={(target) => {
              const actions = detailsRowActions(target, ctx);
              if (!runCommand(actions, 'open')) runCommand(actions, 'properties');
            }}
            onRowDelete={(target) => runCommand(detailsRowActions(target, ctx), 'delete')}
            onRefresh={() => runCommand(nodeActs, 'refresh')}
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
              <ActionsPane
                nodeLabel={item.label}
                nodeActions={nodeActs}
                itemLabel={row ? detailsRowLabel(row) : null}
                itemActions={rowActs}
              />
            </div>
          </>
        )}
      </div>
      {layout.showStatusBar && <StatusBar text={status} busy={refreshing || packagesStatus === 'loading'} connection={connection} />}
      <ContextMenu request={contextMenu} onClose={() => shell().closeContextMenu()} />
      <PopupHost
        popup={popup}
        model={model}
        site={site}
        onClose={() => shell().closePopup()}
        onCreated={onCreated}
        onDeleted={onDeleted}
      />
    </div>
  );
}
