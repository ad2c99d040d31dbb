import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ContextMenuRequest } from '../components/action-menu';
import { ancestorIds, rootId } from './console-tree-model';
import type { Popup } from './popup';

/** Which pane the admin last acted in: the Action menu and toolbar follow it, as in MMC. */
export type FocusScope = 'tree' | 'details';

export interface PaneLayout {
  readonly treeWidth: number;
  readonly actionsWidth: number;
  readonly showTree: boolean;
  readonly showActionsPane: boolean;
  readonly showStatusBar: boolean;
}

export interface ShellState {
  readonly selectedId: string;
  readonly expanded: readonly string[];
  readonly back: readonly string[];
  readonly forward: readonly string[];
  readonly focusScope: FocusScope;
  /** Keys of the rows selected in the details pane (package IDs, or child node ids). */
  readonly selectedItems: readonly string[];
  readonly popup: Popup | null;
  /** What had focus when the popup opened; it gets focus back when the popup closes. */
  readonly popupReturnFocus: HTMLElement | null;
  readonly contextMenu: ContextMenuRequest | null;
  /** The status bar's words about the last thing that happened. */
  readonly statusText: string;
  readonly layout: PaneLayout;

  /** Selects a node; `reveal` expands its ancestors so it can be seen. */
  select(id: string, options?: { readonly reveal?: boolean; readonly history?: boolean }): void;
  goBack(): void;
  goForward(): void;
  setExpanded(id: string, expanded: boolean): void;
  setSelectedItems(keys: readonly string[]): void;
  setFocusScope(scope: FocusScope): void;
  openPopup(popup: Popup): void;
  closePopup(): void;
  openContextMenu(request: ContextMenuRequest): void;
  closeContextMenu(): void;
  setStatusText(text: string): void;
  setLayout(changes: Partial<PaneLayout>): void;
}

const historyLimit = 50;

export const defaultLayout: PaneLayout = {
  treeWidth: 260,
  actionsWidth: 220,
  showTree: true,
  showActionsPane: true,
  showStatusBar: true,
};

const initialExpanded = [rootId, `${rootId}/computer-management`, `${rootId}/computer-management/software-distribution`];

export const useShellStore = create<ShellState>()(
  persist(
    (set, get) => ({
      selectedId: rootId,
      expanded: initialExpanded,
      back: [],
      forward: [],
      focusScope: 'tree',
      selectedItems: [],
      popup: null,
      popupReturnFocus: null,
      contextMenu: null,
      statusText: 'Ready',
      layout: defaultLayout,

      select(id, options = {}) {
        const { selectedId, back, expanded } = get();
        const reveal = options.reveal ? ancestorIds(id).filter((a) => !expanded.includes(a)) : [];
        if (id === selectedId) {
          if (reveal.length > 0) set({ expanded: [...expanded, ...reveal] });
          return;
        }
        set({
          selectedId: id,
          selectedItems: [],
          back: options.history === false ? back : [...back, selectedId].slice(-historyLimit),
          forward: options.history === false ? get().forward : [],
          expanded: reveal.length > 0 ? [...expanded, ...reveal] : expanded,
        });
      },

      goBack() {
        const { back, forward, selectedId } = get();
        const previous = back[back.length - 1];
        if (previous === undefined) return;
        set({ selectedId: previous, selectedItems: [], back: back.slice(0, -1), forward: [selectedId, ...forward] });
      },

      goForward() {
        const { back, forward, selectedId } = get();
        const next = forward[0];
        if (next === undefined) return;
        set({ selectedId: next, selectedItems: [], back: [...back, selectedId], forward: forward.slice(1) });
      },

      setExpanded(id, isExpanded) {
        const { expanded } = get();
        if (isExpanded === expanded.includes(id)) return;
        set({ expanded: isExpanded ? [...expanded, id] : expanded.filter((e) => e !== id) });
      },

      setSelectedItems(keys) {
        set({ selectedItems: keys });
      },

      setFocusScope(scope) {
        if (get().focusScope !== scope) set({ focusScope: scope });
      },

      openPopup(popup) {
        const focused = document.activeElement;
        set({
          popup,
          contextMenu: null,
          popupReturnFocus: get().popupReturnFocus ?? (focused instanceof HTMLElement ? focused : null),
        });
      },

      closePopup() {
        const returnTo = get().popupReturnFocus;
        set({ popup: null, popupReturnFocus: null });
        // The dialog unmounts at once, so its own focus restoration can miss; if focus fell to
        // the page, put it back on the tree or list the admin was using.
        window.setTimeout(() => {
          const active = document.activeElement;
          if ((active === null || active === document.body) && returnTo?.isConnected) returnTo.focus();
        }, 0);
      },

      openContextMenu(request) {
        set({ contextMenu: request });
      },

      closeContextMenu() {
        set({ contextMenu: null });
      },

      setStatusText(text) {
        set({ statusText: text });
      },

      setLayout(changes) {
        set({ layout: { ...get().layout, ...changes } });
      },
    }),
    {
      name: 'courier.console.shell',
      version: 1,
      storage: createJSONStorage(() => window.localStorage),
      // Only what an admin expects the console to remember between sessions.
      partialize: (s) => ({ selectedId: s.selectedId, expanded: s.expanded, layout: s.layout }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Pick<ShellState, 'selectedId' | 'expanded' | 'layout'>>;
        return {
          ...current,
          selectedId: typeof p.selectedId === 'string' ? p.selectedId : current.selectedId,
          expanded: Array.isArray(p.expanded) ? p.expanded.filter((e): e is string => typeof e === 'string') : current.expanded,
          layout: { ...current.layout, ...(typeof p.layout === 'object' && p.layout !== null ? p.layout : {}) },
        };
      },
    },
  ),
);
