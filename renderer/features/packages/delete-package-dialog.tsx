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
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { PackageDto } from '../../../core/api';
import { courier } from '../../bridge';
import { useLastValue, useOpenCount } from './use-last-value';

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

export interface DeletePackageDialogProps {
  readonly pkg: PackageDto | null;
  readonly onClose: () => void;
  readonly onDeleted?: (packageId: string) => void;
}

function DeletePackageConfirmation({ open, pkg, onClose, onDeleted }: DeletePackageDialogProps & {
  readonly open: boolean;
  readonly pkg: PackageDto;
}) {
  const styles = useStyles();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Cancel takes the focus, so Enter on a destructive confirmation does not destroy. This effect
  // runs after the Dialog's own, which focuses the first button (Delete).
  useEffect(() => {
    if (open) cancelRef.current?.focus();
  }, [open]);

  async function remove(): Promise<void> {
    setDeleting(true);
    setError(null);
    try {
      const result = await courier['packages:delete']({ packageId: pkg.packageId });
      if (result.ok) {
        onDeleted?.(result.value.packageId);
        onClose();
        return;
      }
      setError(result.error.message);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The site server cannot be reached.');
    }
    setDeleting(false);
  }

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && !deleting && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Delete Package</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.message}>
              <WarningRegular className={styles.icon} aria-hidden />
              <div className={styles.text}>
                <Text>
                  Delete the package <Text weight="semibold">{pkg.name}</Text> ({pkg.packageId}) and everything that belongs to it:
                  programs, access accounts and its copies on distribution points?
                </Text>
                <Text>This cannot be undone.</Text>
              </div>
            </div>
            {error !== null && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {deleting && <Spinner size="tiny" label="Deleting…" />}
            <Button className={styles.danger} disabled={deleting} onClick={() => void remove()}>
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

/** Asks before deleting a package, and says plainly what goes with it. */
export function DeletePackageDialog({ pkg, onClose, onDeleted }: DeletePackageDialogProps) {
  const shown = useLastValue(pkg);
  const opening = useOpenCount(pkg !== null);
  if (shown === null) return null;
  return (
    <DeletePackageConfirmation
      key={`${opening}:${shown.packageId}`}
      open={pkg !== null}
      pkg={shown}
      onClose={onClose}
      onDeleted={onDeleted}
    />
  );
}
