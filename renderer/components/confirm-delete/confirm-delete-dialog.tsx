import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describeFailure } from '../../client/describe-failure';

const useStyles = makeStyles({
  surface: { width: '480px', maxWidth: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  icon: { fontSize: '32px', color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Fluent v9 has no danger appearance; a destructive action still has to look like one.
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid transparent`,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

export interface ConfirmDeleteDialogProps {
  readonly open: boolean;
  /** "Delete Package", "Delete Access Account". */
  readonly title: string;
  /** What goes, in plain words. */
  readonly children: ReactNode;
  /** Deletes; resolves to the site server's refusal, or null once done (the dialog then closes). */
  readonly onConfirm: () => Promise<string | null>;
  readonly onClose: () => void;
}

/**
 * The console's "are you sure" before a deletion: Cancel has the focus, the Delete button looks
 * destructive, and a refusal stays in the dialog in plain words.
 */
export function ConfirmDeleteDialog({ open, title, children, onConfirm, onClose }: ConfirmDeleteDialogProps): ReactNode {
  const styles = useStyles();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Cancel takes the focus, so Enter on a destructive confirmation does not destroy. This effect
  // runs after the Dialog's own, which focuses the first button (Delete).
  useEffect(() => {
    if (open) cancelRef.current?.focus();
  }, [open]);

  async function confirm(): Promise<void> {
    setDeleting(true);
    setError(null);
    let refusal: string | null;
    try {
      refusal = await onConfirm();
    } catch (caught) {
      refusal = describeFailure(caught);
    }
    if (refusal === null) {
      onClose();
      return;
    }
    setError(refusal);
    setDeleting(false);
  }

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && !deleting && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.message}>
              <WarningRegular className={styles.icon} aria-hidden />
              <div className={styles.text}>{children}</div>
            </div>
            {error !== null && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {deleting && <Spinner size="tiny" label="Deleting…" />}
            <Button className={styles.danger} disabled={deleting} onClick={() => void confirm()}>
              Delete
            </Button>
            <Button ref={cancelRef} disabled={deleting} onClick={onClose}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
