import {
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
  useArrowNavigationGroup,
  type MenuProps,
} from '@fluentui/react-components';
import { InfoRegular, QuestionCircleRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ActionMenuItems, type Action, type CommandAction } from '../components/action-menu';
import type { PaneLayout } from './shell-store';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    flex: 'none',
    height: '28px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  trigger: {
    minWidth: 0,
    height: '24px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  accessKey: {
    textDecoration: 'underline',
  },
});

type MenuId = 'file' | 'action' | 'view' | 'help';
const menuOrder: readonly MenuId[] = ['file', 'action', 'view', 'help'];
const accessKeys: Readonly<Record<string, MenuId>> = { f: 'file', a: 'action', v: 'view', h: 'help' };

export interface MenuBarProps {
  /** The Action menu: the same actions as the selection's context menu. */
  readonly actions: readonly Action[];
  readonly layout: PaneLayout;
  readonly onLayoutChange: (changes: Partial<PaneLayout>) => void;
  readonly helpLabel: string;
  readonly onHelp: () => void;
  readonly onAbout: () => void;
  readonly onExit: () => void;
}

/** The first letter underlined, as Windows marks a menu's access key. */
function Title({ text }: { readonly text: string }): ReactNode {
  const styles = useStyles();
  return (
    <>
      <span className={styles.accessKey}>{text.slice(0, 1)}</span>
      {text.slice(1)}
    </>
  );
}

/**
 * File, Action, View, Help. Alt+letter opens a menu, F10 focuses the bar, Left/Right inside an
 * open menu move to the neighbouring menu, and hovering another title while one is open switches.
 */
export function MenuBar(props: MenuBarProps): ReactNode {
  const styles = useStyles();
  const [open, setOpen] = useState<MenuId | null>(null);
  const navigation = useArrowNavigationGroup({ axis: 'horizontal', circular: true, memorizeCurrent: true });
  const firstTrigger = useRef<HTMLButtonElement>(null);
  const rootLists = useRef(new Map<MenuId, HTMLElement>());
  // Where focus was before a menu opened: a command from the menu acts on that pane, and focus returns there.
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent): void {
      if (event.defaultPrevented) return;
      if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        const id = accessKeys[event.key.toLowerCase()];
        if (id) {
          event.preventDefault();
          rememberFocus();
          setOpen(id);
        }
      } else if (event.key === 'F10' && !event.shiftKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        firstTrigger.current?.focus();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function rememberFocus(): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !active.closest('[role="menubar"]') && !active.closest('[role="menu"]')) {
      returnFocus.current = active;
    }
  }

  function onOpenChange(id: MenuId): MenuProps['onOpenChange'] {
    return (_, data) => {
      if (data.open) {
        if (open === null) rememberFocus();
        setOpen(id);
      } else if (open === id) {
        setOpen(null);
      }
    };
  }

  function run(action: CommandAction | (() => void)): void {
    setOpen(null);
    returnFocus.current?.focus();
    window.setTimeout(typeof action === 'function' ? action : action.run, 0);
  }

  function onPopoverKeyDown(id: MenuId, event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const target = event.target as Element;
    // Only in the top-level list: in a submenu the arrows open and close the submenu.
    if (target.closest('[role="menu"]') !== rootLists.current.get(id)) return;
    if (event.key === 'ArrowRight' && target.getAttribute('aria-haspopup')) return;
    const index = menuOrder.indexOf(id);
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = menuOrder[(index + step + menuOrder.length) % menuOrder.length];
    if (next) {
      event.preventDefault();
      setOpen(next);
    }
  }

  function listRef(id: MenuId) {
    return (element: HTMLDivElement | null) => {
      if (element) rootLists.current.set(id, element);
      else rootLists.current.delete(id);
    };
  }

  function menu(id: MenuId, title: string, list: ReactNode, extra: Partial<MenuProps> = {}): ReactNode {
    return (
      <Menu
        open={open === id}
        onOpenChange={onOpenChange(id)}
        positioning="below-start"
        hasIcons
        hasCheckmarks={id === 'view'}
        {...extra}
      >
        <MenuTrigger>
          <Button
            ref={id === 'file' ? firstTrigger : undefined}
            role="menuitem"
            // The split access-key span would otherwise be read as "F ile".
            aria-label={title}
            aria-keyshortcuts={`Alt+${title.slice(0, 1)}`}
            appearance="subtle"
            size="small"
            className={styles.trigger}
            onMouseEnter={() => {
              if (open !== null && open !== id) setOpen(id);
            }}
          >
            <Title text={title} />
          </Button>
        </MenuTrigger>
        <MenuPopover onKeyDown={(event) => onPopoverKeyDown(id, event)}>
          <MenuList ref={listRef(id)}>
            {list}
          </MenuList>
        </MenuPopover>
      </Menu>
    );
  }

  const viewChecked = [
    ...(props.layout.showTree ? ['tree'] : []),
    ...(props.layout.showActionsPane ? ['actions'] : []),
    ...(props.layout.showStatusBar ? ['status'] : []),
  ];

  return (
    <div role="menubar" aria-label="Menu bar" className={styles.root} {...navigation}>
      {menu('file', 'File', <MenuItem onClick={() => run(props.onExit)}>Exit</MenuItem>)}
      {menu(
        'action',
        'Action',
        props.actions.length > 0 ? (
          <ActionMenuItems actions={props.actions} onRun={run} />
        ) : (
          <MenuItem disabled>No actions for this selection</MenuItem>
        ),
      )}
      {menu(
        'view',
        'View',
        <>
          <MenuItemCheckbox name="view" value="tree">
            Console Tree
          </MenuItemCheckbox>
          <MenuItemCheckbox name="view" value="actions">
            Actions Pane
          </MenuItemCheckbox>
          <MenuItemCheckbox name="view" value="status">
            Status Bar
          </MenuItemCheckbox>
        </>,
        {
          checkedValues: { view: viewChecked },
          onCheckedValueChange: (_, data) => {
            const now = new Set(data.checkedItems);
            props.onLayoutChange({
              showTree: now.has('tree'),
              showActionsPane: now.has('actions'),
              showStatusBar: now.has('status'),
            });
          },
        },
      )}
      {menu(
        'help',
        'Help',
        <>
          <MenuItem icon={<QuestionCircleRegular />} secondaryContent="F1" onClick={() => run(props.onHelp)}>
            {`Help on ${props.helpLabel}`}
          </MenuItem>
          <MenuDivider />
          <MenuItem icon={<InfoRegular />} onClick={() => run(props.onAbout)}>
            About Courier
          </MenuItem>
        </>,
      )}
    </div>
  );
}
