import { Text } from '@fluentui/react-components';
import type { AccessAccountDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { ConfirmDeleteDialog } from '../../components/confirm-delete';
import { useLastValue, useOpenCount } from '../../components/use-last-value';
import { permissionLabels } from './access-account-labels';

export interface DeleteAccessAccountDialogProps {
  readonly account: AccessAccountDto | null;
  readonly onClose: () => void;
  /** The accounts left on the package. */
  readonly onDeleted?: (packageId: string, remaining: readonly AccessAccountDto[]) => void;
}

/** Asks before removing an access account from a package. */
export function DeleteAccessAccountDialog({ account, onClose, onDeleted }: DeleteAccessAccountDialogProps) {
  const courier = useCourier();
  const shown = useLastValue(account);
  const opening = useOpenCount(account !== null);
  if (shown === null) return null;

  const remove = async (): Promise<string | null> => {
    const { packageId, accountName } = shown;
    const result = await courier['access-accounts:remove']({ packageId, accountName });
    if (!result.ok) return result.error.message;
    onDeleted?.(packageId, result.value);
    return null;
  };

  return (
    <ConfirmDeleteDialog
      key={`${opening}:${shown.packageId}:${shown.accountName}`}
      open={account !== null}
      title="Delete Access Account"
      onConfirm={remove}
      onClose={onClose}
    >
      <Text>
        Delete the access account <Text weight="semibold">{shown.accountName}</Text> ({permissionLabels[shown.permission]}) from package{' '}
        {shown.packageId}? Its permission is removed from the package share on every distribution point.
      </Text>
    </ConfirmDeleteDialog>
  );
}
