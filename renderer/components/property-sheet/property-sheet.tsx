import {
  Button,
  Dialog,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  DialogDensity,
  dialogButtonHeight,
  FooterProblem,
  ScrollingPage,
  focusField,
  propertySheetSize,
  useCompactControlStyles,
  useDefaultButton,
  windowMargin,
} from '../form-layout';
import type { PropertySheetProps } from './property-sheet-types';

const useStyles = makeStyles({
  surface: {
    // One size for every property sheet: its tabs are laid out for this page box (form-layout's metrics).
    width: `${propertySheetSize.width}px`,
    height: `${propertySheetSize.height}px`,
    maxWidth: `calc(100vw - ${windowMargin}px)`,
    maxHeight: `calc(100vh - ${windowMargin}px)`,
    padding: 0,
    // Clipped, not hidden: a hidden box still scrolls when focus or scrollIntoView asks it to,
    // which would cut the title; only the page body scrolls.
    overflow: 'clip',
    display: 'flex',
    flexDirection: 'column',
  },
  title: {
    // The title never gives way to a tall page: the page body scrolls instead.
    flexShrink: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  tabs: {
    // Like Windows' multi-row tabs: with a wide font the last tabs wrap instead of being cut off.
    flexWrap: 'wrap',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  error: {
    marginTop: tokens.spacingVerticalS,
    marginLeft: tokens.spacingHorizontalL,
    marginRight: tokens.spacingHorizontalL,
  },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalMNudge,
    paddingBottom: tokens.spacingVerticalMNudge,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  status: {
    flexGrow: 1,
    minWidth: 0,
    color: tokens.colorNeutralForeground3,
  },
  button: { flexShrink: 0, minHeight: `${dialogButtonHeight}px` },
});

/**
 * A Windows property sheet in Fluent v9: tabs, OK / Cancel / Apply. Apply is enabled only with
 * unsaved changes; OK saves them first and closes only if that worked, so nothing is lost quietly.
 * Enter in a field presses OK, Escape cancels; what blocks OK is named in the footer, with a
 * link to its field (on its tab).
 */
export function PropertySheet<T extends string>(props: PropertySheetProps<T>) {
  const styles = useStyles();
  const compact = useCompactControlStyles();
  const body = useRef<HTMLDivElement>(null);
  const defaultButton = useDefaultButton();
  const canSave = props.ready && props.dirty && !props.saving && props.blocked === null;
  // The field to focus once its tab is shown.
  const [showing, setShowing] = useState<string | null>(null);

  useEffect(() => {
    if (showing === null) return;
    focusField(body.current, showing);
    setShowing(null);
  }, [showing, props.selectedTab]);

  async function ok(): Promise<void> {
    if (!props.dirty) {
      props.onClose();
      return;
    }
    if (await props.onApply()) props.onClose();
  }

  function showProblem(): void {
    const blocked = props.blocked;
    if (blocked === null) return;
    if (blocked.tab !== props.selectedTab) props.onSelectTab(blocked.tab);
    if (blocked.field !== undefined) setShowing(blocked.field);
  }

  // Ctrl+Tab and Ctrl+Page Down show the next tab, with Shift or Page Up the one before, as in a
  // Windows property sheet; the tab takes the focus, so the arrows go on from there.
  function switchTab(event: KeyboardEvent<HTMLDivElement>): void {
    const forward = event.key === 'PageDown' || (event.key === 'Tab' && !event.shiftKey);
    const backward = event.key === 'PageUp' || (event.key === 'Tab' && event.shiftKey);
    if (!event.ctrlKey || event.altKey || event.metaKey || !(forward || backward) || !props.ready || props.tabs.length < 2) return;
    event.preventDefault();
    const index = props.tabs.findIndex((tab) => tab.id === props.selectedTab);
    const next = props.tabs[(index + (forward ? 1 : -1) + props.tabs.length) % props.tabs.length];
    if (next === undefined) return;
    props.onSelectTab(next.id);
    const tabs = event.currentTarget.querySelectorAll<HTMLElement>('[role=tab]');
    [...tabs].find((tab) => tab.getAttribute('value') === next.id)?.focus();
  }

  const blocked = props.saving ? null : props.blocked;
  const tabLabel = props.tabs.find((tab) => tab.id === blocked?.tab)?.label;
  const where = blocked === null ? undefined : [tabLabel, blocked.field !== undefined ? blocked.fieldLabel : undefined].filter((part) => part !== undefined).join(' › ') || undefined;

  return (
    <Dialog
      open={props.open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open && !props.saving) props.onClose();
      }}
    >
      <DialogSurface className={mergeClasses(styles.surface, compact.root)} aria-describedby={undefined} onKeyDown={(event) => {
          switchTab(event);
          if (!event.defaultPrevented) defaultButton.onKeyDown(event);
        }}
      >
        <DialogDensity>
          <DialogTitle className={styles.title}>{props.title}</DialogTitle>
          <TabList
            className={styles.tabs}
            selectedValue={props.selectedTab}
            onTabSelect={(_, data) => props.onSelectTab(data.value as T)}
            disabled={!props.ready}
            size="small"
          >
            {props.tabs.map((tab) => (
              <Tab key={tab.id} value={tab.id}>
                {tab.label}
              </Tab>
            ))}
          </TabList>
          {props.error !== null && (
            <MessageBar intent="error" className={styles.error}>
              <MessageBarBody>{props.error}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={props.onDismissError} />
                }
              />
            </MessageBar>
          )}
          <ScrollingPage ref={body} role="tabpanel" aria-label={props.tabs.find((tab) => tab.id === props.selectedTab)?.label}>
            {props.children}
          </ScrollingPage>
          <div className={styles.footer}>
            <div className={styles.status} role="status">
              {props.saving && <Spinner size="tiny" label="Saving…" />}
              {blocked !== null && <FooterProblem problem={blocked} where={where} onShow={showProblem} />}
            </div>
            <Button
              ref={defaultButton.ref}
              className={styles.button}
              appearance="primary"
              disabled={!props.ready || props.saving || (props.dirty && !canSave)}
              onClick={() => void ok()}
            >
              OK
            </Button>
            <Button className={styles.button} disabled={props.saving} onClick={props.onClose}>
              Cancel
            </Button>
            <Button className={styles.button} disabled={!canSave} onClick={() => void props.onApply()}>
              Apply
            </Button>
          </div>
        </DialogDensity>
      </DialogSurface>
    </Dialog>
  );
}
