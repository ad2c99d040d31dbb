import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { MenuPoint } from '../components/data-grid';
import type { Popup } from '../console/popup-kinds';
import { ancestorIds, rootId } from './console-tree-model';

/** Which pane the admin last acted in: the Action menu and toolbar follow it, as in MMC. */
export type FocusScope = 'tree' | 'details';

/**
 * An open context menu: whose actions it shows (the selected node's, or the selected row's) is
 * all it records, so it always shows the same computed list as the other command surfaces.
 */
export interface ShellContextMenu {
  readonly target: 'node' | 'row';
  readonly at: MenuPoint;
  /** Where focus goes back when the menu closes (the tree or the list that asked). */
  readonly returnFocusTo: HTMLElement | null;
}

export interface PaneLayout {
  readonly treeWidth: number;
  readonly actionsWidth: number;
  readonly showTree: boolean;
  readonly showActionsPane: boolean;
  readonly showStatusBar: boolean;
}

export interface ShellState {
  readonly selectedId: string;
  /** Expanded tree ids; null until the admin first expands or collapses (the registered defaults apply). */
  readonly expanded: readonly string[] | null;
  readonly back: readonly string[];
  readonly forward: readonly string[];
  readonly focusScope: FocusScope;
  /** Keys of the rows selected in the details pane (package IDs, or child node ids). */
  readonly selectedItems: readonly string[];
  readonly popup: Popup | null;
  /** What had focus when the popup opened; it gets focus back when the popup closes. */
  readonly popupReturnFocus: HTMLElement | null;
  readonly contextMenu: ShellContextMenu | null;
  /** The details list takes the focus (on its selected row) once no dialog is open. */
  readonly focusListPending: boolean;
  /** The status bar's words about the last thing that happened. */
  readonly statusText: string;
  readonly layout: PaneLayout;

  /** Selects a node; `reveal` expands its ancestors so it can be seen. */
  select(id: string, options?: { readonly reveal?: boolean; readonly history?: boolean }): void;
  goBack(): void;
  goForward(): void;
  setExpanded(id: string, expanded: boolean): void;
  /** Expands ids (revealing a node). */
  expand(ids: readonly string[]): void;
  setSelectedItems(keys: readonly string[]): void;
  /** Selects rows for the admin (a wizard's new row, the row after a deleted one) and asks for the list's focus. */
  revealRows(keys: readonly string[]): void;
  listFocused(): void;
  setFocusScope(scope: FocusScope): void;
  openPopup(popup: Popup): void;
  closePopup(): void;
  openContextMenu(request: ShellContextMenu): void;
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

/** What a console window starts with (before the persisted part is restored); tests reset to it. */
export const initialShellState = {
  selectedId: rootId,
  expanded: null,
  back: [],
  forward: [],
  focusScope: 'tree',
  selectedItems: [],
  popup: null,
  popupReturnFocus: null,
  contextMenu: null,
  focusListPending: false,
  statusText: 'Ready',
  layout: defaultLayout,
} satisfies Partial<ShellState>;

export const useShellStore = create<ShellState>()(
  persist(
    (set, get) => ({
      ...initialShellState,

      select(id, options = {}) {
        const { selectedId, back } = get();
        if (id !== selectedId) {
          set({
            selectedId: id,
            selectedItems: [],
            focusListPending: false,
            back: options.history === false ? back : [...back, selectedId].slice(-historyLimit),
            forward: options.history === false ? get().forward : [],
          });
        }
        if (options.reveal) get().expand(ancestorIds(id));
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
        const expanded = get().expanded ?? [];
        if (isExpanded === expanded.includes(id)) return;
        set({ expanded: isExpanded ? [...expanded, id] : expanded.filter((e) => e !== id) });
      },

      expand(ids) {
        const expanded = get().expanded ?? [];
        const more = ids.filter((id) => !expanded.includes(id));
        if (more.length > 0) set({ expanded: [...expanded, ...more] });
      },

      setSelectedItems(keys) {
        set({ selectedItems: keys });
      },

      revealRows(keys) {
        set({ selectedItems: keys, focusScope: 'details', focusListPending: keys.length > 0 });
      },

      listFocused() {
        if (get().focusListPending) set({ focusListPending: false });
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
          expanded: Array.isArray(p.expanded) ? (p.expanded as unknown[]).filter((e): e is string => typeof e === 'string') : current.expanded,
          layout: { ...current.layout, ...(typeof p.layout === 'object' && p.layout !== null ? p.layout : {}) },
        };
      },
    },
  ),
);
