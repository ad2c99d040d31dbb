import { Button, Dialog, DialogSurface, DialogTitle, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import {
  DialogDensity,
  dialogButtonHeight,
  FooterProblem,
  ScrollingPage,
  focusField,
  smallDialogWidth,
  useCompactControlStyles,
  useDefaultButton,
  windowMargin,
} from '../form-layout';

const useStyles = makeStyles({
  surface: {
    // One width for every small dialog; the height is the content's, up to the window's.
    width: `${smallDialogWidth}px`,
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
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    // A title is one line, as in a Windows title bar; the dialog is wide enough for the longest.
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  footer: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalMNudge,
    paddingBottom: tokens.spacingVerticalMNudge,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  status: { flexGrow: 1, minWidth: 0, display: 'flex', alignItems: 'center' },
  button: { flexShrink: 0, minHeight: `${dialogButtonHeight}px` },
  // Fluent v9 has no danger appearance; a destructive action still has to look like one, and
  // beside the default (primary) button it stays outlined.
  danger: {
    color: tokens.colorStatusDangerForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder2}`,
    ':hover': { color: tokens.colorStatusDangerForeground1, backgroundColor: tokens.colorStatusDangerBackground1 },
    ':hover:active': { color: tokens.colorStatusDangerForeground1, backgroundColor: tokens.colorStatusDangerBackground2 },
  },
});

/** What keeps OK disabled, and the setting to go to. */
export interface FormDialogProblem {
  readonly message: string;
  readonly field?: string;
  readonly fieldLabel?: string;
}

export interface FormDialogProps {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  /** "OK", "Delete". */
  readonly okLabel?: string;
  readonly okDisabled?: boolean;
  /** A destructive action: outlined in red, and Cancel is the default button (Enter keeps things). */
  readonly destructive?: boolean;
  readonly onOk: () => void;
  readonly onCancel: () => void;
  /** While set, the work runs: its words beside a spinner, the buttons and Escape wait. */
  readonly busy?: string | null;
  /** Why OK is disabled, named in the footer with a link to its field. */
  readonly problem?: FormDialogProblem | null;
  /** `alert` for confirmations that must be answered. */
  readonly modalType?: 'modal' | 'alert';
  /** Dialogs opened from this one (Set…, Browse…), rendered inside it as Windows nests them. */
  readonly nested?: ReactNode;
  /** A window that only shows something has one button (its okLabel, "Close"); Escape still closes it. */
  readonly closeOnly?: boolean;
}

/**
 * A small dialog of the console: a one-line title, the form, and OK / Cancel in the footer, in
 * the compact density of every dialog. Enter in a field presses the default button (OK, or
 * Cancel before a destructive action), Escape cancels.
 */
export function FormDialog(props: FormDialogProps) {
  const styles = useStyles();
  const compact = useCompactControlStyles();
  const body = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const defaultButton = useDefaultButton();
  const busy = props.busy != null;
  const destructive = props.destructive === true;

  // Before a destructive action Cancel takes the focus. This effect runs after the Dialog's own,
  // which focuses the first button.
  useEffect(() => {
    if (props.open && destructive) cancel.current?.focus();
  }, [props.open, destructive]);

  // Where the focus goes back to on closing. Fluent restores it only while the focus is inside
  // the dialog; a dialog that disabled its fields while it worked (a path check) has lost it to
  // the page by then, and Escape or Enter in the dialog below would reach nothing.
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect: it runs before the Dialog's own effect moves the focus into it.
  useLayoutEffect(() => {
    if (!props.open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      const back = opener.current;
      window.setTimeout(() => {
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (lost && back !== null && back.isConnected) back.focus();
      }, 0);
    };
  }, [props.open]);

  const problem = props.problem ?? null;
  return (
    <Dialog open={props.open} modalType={props.modalType ?? 'modal'} onOpenChange={(_, data) => !data.open && !busy && props.onCancel()}>
      <DialogSurface className={mergeClasses(styles.surface, compact.root)} aria-describedby={undefined} onKeyDown={defaultButton.onKeyDown}>
        <DialogDensity>
          <DialogTitle className={styles.title}>{props.title}</DialogTitle>
          <ScrollingPage ref={body}>
            <div className={styles.content}>{props.children}</div>
          </ScrollingPage>
          <div className={styles.footer}>
            <div className={styles.status} role="status">
              {busy && <Spinner size="tiny" label={props.busy} />}
              {!busy && problem !== null && (
                <FooterProblem
                  problem={problem}
                  where={problem.field !== undefined ? problem.fieldLabel : undefined}
                  onShow={() => problem.field !== undefined && focusField(body.current, problem.field)}
                />
              )}
            </div>
            <Button
              ref={destructive ? undefined : defaultButton.ref}
              className={mergeClasses(styles.button, destructive && styles.danger)}
              appearance={destructive ? 'secondary' : 'primary'}
              disabled={busy || props.okDisabled === true}
              onClick={props.onOk}
            >
              {props.okLabel ?? 'OK'}
            </Button>
            {props.closeOnly !== true && (
              <Button
                ref={(element) => {
                  // A Fluent Button renders a <button> unless given an href.
                  const button = element as HTMLButtonElement | null;
                  cancel.current = button;
                  if (destructive) defaultButton.ref.current = button;
                }}
                className={styles.button}
                appearance={destructive ? 'primary' : 'secondary'}
                disabled={busy}
                onClick={props.onCancel}
              >
                Cancel
              </Button>
            )}
          </div>
        </DialogDensity>
        {props.nested}
      </DialogSurface>
    </Dialog>
  );
}
