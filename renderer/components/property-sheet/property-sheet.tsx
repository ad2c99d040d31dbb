import {
  Button,
  Dialog,
  DialogSurface,
  DialogTitle,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { PropertySheetProps } from './property-sheet-types';

const useStyles = makeStyles({
  surface: {
    width: '700px',
    height: '600px',
    maxWidth: 'calc(100vw - 32px)',
    maxHeight: 'calc(100vh - 32px)',
    padding: 0,
    overflow: 'hidden',
    display: 'flex',
    flexDirection: 'column',
  },
  title: {
    paddingTop: tokens.spacingVerticalM,
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
    paddingTop: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  error: {
    marginTop: tokens.spacingVerticalS,
    marginLeft: tokens.spacingHorizontalL,
    marginRight: tokens.spacingHorizontalL,
  },
  body: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalXL,
    paddingRight: tokens.spacingHorizontalXL,
  },
  footer: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
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
  blocked: {
    color: tokens.colorPaletteRedForeground1,
  },
});

/**
 * A Windows property sheet in Fluent v9: tabs, OK / Cancel / Apply. Apply is enabled only with
 * unsaved changes; OK saves them first and closes only if that worked, so nothing is lost quietly.
 */
export function PropertySheet<T extends string>(props: PropertySheetProps<T>) {
  const styles = useStyles();
  const canSave = props.ready && props.dirty && !props.saving && props.blocked === null;
  const label = props.tabs.find((tab) => tab.id === props.blocked?.tab)?.label;

  async function ok(): Promise<void> {
    if (!props.dirty) {
      props.onClose();
      return;
    }
    if (await props.onApply()) props.onClose();
  }

  return (
    <Dialog
      open={props.open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open && !props.saving) props.onClose();
      }}
    >
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
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
        <div className={styles.body} role="tabpanel" aria-label={props.tabs.find((tab) => tab.id === props.selectedTab)?.label}>
          {props.children}
        </div>
        <div className={styles.footer}>
          <div className={styles.status} role="status">
            {props.saving && <Spinner size="tiny" label="Saving…" />}
            {!props.saving && props.blocked !== null && (
              <Text size={200} className={styles.blocked}>
                {props.blocked.tab !== props.selectedTab && label !== undefined ? (
                  <Link onClick={() => props.blocked && props.onSelectTab(props.blocked.tab)}>{label}</Link>
                ) : null}
                {props.blocked.tab !== props.selectedTab && label !== undefined ? ': ' : null}
                {props.blocked.message}
              </Text>
            )}
          </div>
          <Button appearance="primary" disabled={!props.ready || props.saving || (props.dirty && !canSave)} onClick={() => void ok()}>
            OK
          </Button>
          <Button disabled={props.saving} onClick={props.onClose}>
            Cancel
          </Button>
          <Button disabled={!canSave} onClick={() => void props.onApply()}>
            Apply
          </Button>
        </div>
      </DialogSurface>
    </Dialog>
  );
}
