import { mergeClasses } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode } from 'react';
import type { MenuPoint } from '../components/data-grid';
import { emptyTypeAhead, isTypeAheadKey, typeAheadMatch, typed } from '../components/type-ahead';
import type { ConsoleRegistry } from './registration';
import { nodeRegistration } from './registry-lookups';
import { visibleItems, type ConsoleTreeModel, type TreeItem } from './console-tree-model';
import { treeIndentPerLevel, treeRowHeight, treeRowMetrics, useConsoleTreeStyles } from './console-tree-styles';
import { measurerFor, widestRow } from './tree-label-widths';
import { TreeLabelTip, isLabelCut, tipFor, type LabelTip } from './tree-label-tip';

export interface ConsoleTreeProps {
  readonly registry: ConsoleRegistry;
  readonly model: ConsoleTreeModel;
  readonly selectedId: string;
  readonly expanded: ReadonlySet<string>;
  readonly onSelect: (id: string) => void;
  readonly onExpandedChange: (id: string, expanded: boolean) => void;
  /** Enter: Properties where the node has them. */
  readonly onDefaultAction: (id: string) => void;
  readonly onDelete: (id: string) => void;
  readonly onRefresh: (id: string) => void;
  readonly onContextMenu: (id: string, at: MenuPoint) => void;
}

/**
 * The console tree: one focusable element (role=tree) whose selected item is its active
 * descendant, so it can be virtualized like the details list (a site with thousands of packages
 * keeps a short DOM). Keys follow the Windows tree view.
 */
export function ConsoleTree(props: ConsoleTreeProps): ReactNode {
  const { model, selectedId, expanded, onSelect, onExpandedChange } = props;
  const styles = useConsoleTreeStyles();
  const treeId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const [hasFocus, setHasFocus] = useState(false);
  // The focus outline shows only while the admin uses the keyboard, as Windows does.
  const [keyboardMode, setKeyboardMode] = useState(false);
  const typeAhead = useRef(emptyTypeAhead);
  const [tip, setTip] = useState<LabelTip | null>(null);
  const tipId = useId();

  const rows = useMemo(() => visibleItems(model, expanded), [model, expanded]);
  const selectedIndex = rows.findIndex((r) => r.id === selectedId);

  // The content is as wide as the widest label, so the pane scrolls sideways to it as MMC's does.
  const [contentWidth, setContentWidth] = useState(0);
  useLayoutEffect(() => {
    setContentWidth(widestRow(rows, treeRowMetrics, measurerFor(rootRef.current)));
  }, [rows]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => rootRef.current,
    estimateSize: () => treeRowHeight,
    overscan: 10,
  });

  // Keep the selected node in view however it was selected (keys, Back, a row opened in the list).
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const rowId = (index: number): string => `${treeId}-item-${index}`;
  const isExpanded = (item: TreeItem): boolean => expanded.has(item.id);

  function pointFor(index: number): MenuPoint {
    const element = document.getElementById(rowId(index));
    const rect = (element ?? rootRef.current)?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return { x: rect.left + Math.min(rect.width / 3, 80), y: rect.top + rect.height / 2 };
  }

  /** Type-ahead over the labels shown, as a Windows tree: the whole prefix typed, spaces included. */
  function findByTyping(key: string): void {
    typeAhead.current = typed(typeAhead.current, key, Date.now());
    const index = typeAheadMatch(rows.length, (i) => rows[i]?.label ?? '', selectedIndex, typeAhead.current.text);
    const row = rows[index];
    if (row) onSelect(row.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const current = rows[selectedIndex];
    if (!current) return;
    setKeyboardMode(true);
    setTip(null);
    if (isTypeAheadKey(event, typeAhead.current, Date.now())) {
      event.preventDefault();
      event.stopPropagation();
      findByTyping(event.key);
      return;
    }
    let handled = true;
    switch (event.key) {
      case 'ArrowDown': {
        const next = rows[selectedIndex + 1];
        if (next) onSelect(next.id);
        break;
      }
      case 'ArrowUp': {
        const previous = rows[selectedIndex - 1];
        if (previous) onSelect(previous.id);
        break;
      }
      case 'ArrowRight':
        if (current.childIds.length === 0) break;
        if (!isExpanded(current)) onExpandedChange(current.id, true);
        else if (current.childIds[0]) onSelect(current.childIds[0]);
        break;
      case 'ArrowLeft':
        if (isExpanded(current) && current.childIds.length > 0) onExpandedChange(current.id, false);
        else if (current.parentId !== null) onSelect(current.parentId);
        break;
      case 'Home':
        if (rows[0]) onSelect(rows[0].id);
        break;
      case 'End': {
        const last = rows[rows.length - 1];
        if (last) onSelect(last.id);
        break;
      }
      case 'Enter':
        props.onDefaultAction(current.id);
        break;
      case 'Delete':
        props.onDelete(current.id);
        break;
      case 'F5':
        props.onRefresh(current.id);
        break;
      case 'ContextMenu':
        props.onContextMenu(current.id, pointFor(selectedIndex));
        break;
      case 'F10':
        if (event.shiftKey) props.onContextMenu(current.id, pointFor(selectedIndex));
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function itemAt(event: MouseEvent): TreeItem | null {
    const element = (event.target as Element).closest<HTMLElement>('[data-tree-index]');
    return element ? (rows[Number(element.dataset.treeIndex)] ?? null) : null;
  }

  function onClick(event: MouseEvent<HTMLDivElement>): void {
    const item = itemAt(event);
    if (!item) return;
    // The expander toggles without selecting, as in a Windows tree.
    if ((event.target as Element).closest('[data-tree-expander]')) onExpandedChange(item.id, !isExpanded(item));
    else onSelect(item.id);
  }

  function onDoubleClick(event: MouseEvent<HTMLDivElement>): void {
    const item = itemAt(event);
    if (!item || (event.target as Element).closest('[data-tree-expander]')) return;
    if (item.childIds.length > 0) onExpandedChange(item.id, !isExpanded(item));
    else props.onDefaultAction(item.id);
  }

  /** Where the mouse last was over the tree, so a scroll under a still pointer can place the tip again. */
  const pointer = useRef<{ x: number; y: number } | null>(null);

  /** Over a cut label, its full name shows in a tip laid over it; anywhere else the tip goes. */
  function tipAt(target: Element | null): void {
    const row = target?.closest<HTMLElement>('[data-tree-index]');
    const label = row?.querySelector<HTMLElement>('[data-tree-label]');
    const item = row ? rows[Number(row.dataset.treeIndex)] : undefined;
    if (!row || !label || !item || !rootRef.current || !isLabelCut(label, rootRef.current)) {
      setTip(null);
      return;
    }
    // The same label at the same place: nothing to redraw.
    const next = tipFor(label, row, item.label);
    setTip((shown) => (shown && shown.text === next.text && shown.left === next.left && shown.top === next.top ? shown : next));
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    if (event.pointerType === 'touch') return;
    pointer.current = { x: event.clientX, y: event.clientY };
    tipAt(event.target as Element);
  }

  function onScroll(): void {
    const at = pointer.current;
    // The content moved under the pointer: the label there now, if any, gets the tip.
    tipAt(at === null || typeof document.elementFromPoint !== 'function' ? null : document.elementFromPoint(at.x, at.y));
  }

  function onContextMenu(event: MouseEvent<HTMLDivElement>): void {
    const item = itemAt(event);
    event.preventDefault();
    if (!item) return;
    rootRef.current?.focus();
    onSelect(item.id);
    props.onContextMenu(item.id, { x: event.clientX, y: event.clientY });
  }

  return (
    <div
      ref={rootRef}
      role="tree"
      aria-label="Console tree"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? rowId(selectedIndex) : undefined}
      className={styles.root}
      onKeyDown={onKeyDown}
      onPointerDown={() => setKeyboardMode(false)}
      onPointerMove={onPointerMove}
      onPointerLeave={() => {
        pointer.current = null;
        setTip(null);
      }}
      onScroll={onScroll}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onContextMenu={onContextMenu}
      onFocus={() => setHasFocus(true)}
      onBlur={() => setHasFocus(false)}
    >
      <div role="presentation" className={styles.sizer} style={{ height: virtualizer.getTotalSize(), width: contentWidth }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = rows[virtual.index];
          if (!item) return null;
          const Icon = nodeRegistration(props.registry, item.node).icon;
          const hasChildren = item.childIds.length > 0;
          const open = hasChildren && isExpanded(item);
          const isSelected = item.id === selectedId;
          return (
            <div
              key={item.id}
              id={rowId(virtual.index)}
              role="treeitem"
              aria-level={item.level}
              aria-posinset={item.posInSet}
              aria-setsize={item.setSize}
              aria-expanded={hasChildren ? open : undefined}
              aria-selected={isSelected}
              data-tree-index={virtual.index}
              className={mergeClasses(
                styles.row,
                isSelected && (hasFocus ? styles.selectedFocused : styles.selected),
                isSelected && hasFocus && keyboardMode && styles.focusRing,
              )}
              // Virtualization places the row; its level sets the indent.
              style={{
                transform: `translateY(${virtual.start}px)`,
                paddingLeft: `${treeRowMetrics.indentStart + (item.level - 1) * treeIndentPerLevel}px`,
              }}
            >
              <span className={styles.chevron} data-tree-expander={hasChildren ? '' : undefined} aria-hidden>
                {hasChildren && (open ? <ChevronDownRegular /> : <ChevronRightRegular />)}
              </span>
              <Icon className={styles.icon} aria-hidden />
              <span className={styles.label} data-tree-label="">
                {item.label}
              </span>
            </div>
          );
        })}
      </div>
      <TreeLabelTip tip={tip} id={tipId} />
    </div>
  );
}
