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
import { useState } from 'react';
import type { PackageDto } from '../../../core/api';
import { courier } from '../../bridge';

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

function DeletePackageConfirmation({ pkg, onClose, onDeleted }: DeletePackageDialogProps & { readonly pkg: PackageDto }) {
  const styles = useStyles();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && !deleting && onClose()}>
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
            <Button appearance="primary" disabled={deleting} onClick={onClose}>
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
  return pkg === null ? null : <DeletePackageConfirmation key={pkg.packageId} pkg={pkg} onClose={onClose} onDeleted={onDeleted} />;
}
