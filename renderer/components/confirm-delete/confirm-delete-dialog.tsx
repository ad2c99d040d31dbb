import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { describeFailure } from '../../client/describe-failure';
import { FormDialog } from '../form-dialog';

const useStyles = makeStyles({
  message: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  icon: { fontSize: '32px', color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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
 * The console's "are you sure" before a deletion: Cancel is the default button and has the
 * focus, the Delete button looks destructive, and a refusal stays in the dialog in plain words.
 */
export function ConfirmDeleteDialog({ open, title, children, onConfirm, onClose }: ConfirmDeleteDialogProps): ReactNode {
  const styles = useStyles();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
    <FormDialog
      open={open}
      title={title}
      modalType="alert"
      okLabel="Delete"
      destructive
      busy={deleting ? 'Deleting…' : null}
      onOk={() => void confirm()}
      onCancel={onClose}
    >
      <div className={styles.message}>
        <WarningRegular className={styles.icon} aria-hidden />
        <div className={styles.text}>{children}</div>
      </div>
      {error !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
