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
import type { AccessAccountDto } from '../../../core/api';
import { courier } from '../../bridge';
import { describeFailure } from '../../components/describe-failure';
import { useLastValue, useOpenCount } from '../packages/use-last-value';
import { permissionLabels } from './access-account-labels';

const useStyles = makeStyles({
  surface: { width: '480px', maxWidth: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  icon: { fontSize: '32px', color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid transparent`,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

export interface DeleteAccessAccountDialogProps {
  readonly account: AccessAccountDto | null;
  readonly onClose: () => void;
  /** The accounts left on the package. */
  readonly onDeleted?: (packageId: string, remaining: readonly AccessAccountDto[]) => void;
}

function Confirmation({ open, account, onClose, onDeleted }: DeleteAccessAccountDialogProps & {
  readonly open: boolean;
  readonly account: AccessAccountDto;
}) {
  const styles = useStyles();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Cancel takes the focus, so Enter on a destructive confirmation does not destroy.
  useEffect(() => {
    if (open) cancelRef.current?.focus();
  }, [open]);

  async function remove(): Promise<void> {
    setDeleting(true);
    setError(null);
    try {
      const result = await courier['access-accounts:remove']({ packageId: account.packageId, accountName: account.accountName });
      if (result.ok) {
        onDeleted?.(account.packageId, result.value);
        onClose();
        return;
      }
      setError(result.error.message);
    } catch (caught) {
      setError(describeFailure(caught));
    }
    setDeleting(false);
  }

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && !deleting && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Delete Access Account</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.message}>
              <WarningRegular className={styles.icon} aria-hidden />
              <Text>
                Delete the access account <Text weight="semibold">{account.accountName}</Text> ({permissionLabels[account.permission]}) from
                package {account.packageId}? Its permission is removed from the package share on every distribution point.
              </Text>
            </div>
            {error !== null && (
              <MessageBar intent="error" layout="multiline">
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

/** Asks before removing an access account from a package. */
export function DeleteAccessAccountDialog({ account, onClose, onDeleted }: DeleteAccessAccountDialogProps) {
  const shown = useLastValue(account);
  const opening = useOpenCount(account !== null);
  if (shown === null) return null;
  return (
    <Confirmation
      key={`${opening}:${shown.packageId}:${shown.accountName}`}
      open={account !== null}
      account={shown}
      onClose={onClose}
      onDeleted={onDeleted}
    />
  );
}
