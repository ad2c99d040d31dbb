import { Text } from '@fluentui/react-components';
import type { PackageListItem } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { ConfirmDeleteDialog } from '../../components/confirm-delete';
import { useLastValue, useOpenCount } from '../../components/use-last-value';

export interface DeletePackageDialogProps {
  readonly pkg: PackageListItem | null;
  readonly onClose: () => void;
  readonly onDeleted?: (packageId: string) => void;
}

/** Asks before deleting a package, and says plainly what goes with it. */
export function DeletePackageDialog({ pkg, onClose, onDeleted }: DeletePackageDialogProps) {
  const courier = useCourier();
  // The last package stays shown while the dialog closes, so it does not go blank mid-fade.
  const shown = useLastValue(pkg);
  const opening = useOpenCount(pkg !== null);
  if (shown === null) return null;

  const remove = async (): Promise<string | null> => {
    const result = await courier['packages:delete']({ packageId: shown.packageId });
    if (!result.ok) return result.error.message;
    onDeleted?.(result.value.packageId);
    return null;
  };

  return (
    <ConfirmDeleteDialog key={`${opening}:${shown.packageId}`} open={pkg !== null} title="Delete Package" onConfirm={remove} onClose={onClose}>
      <Text>
        Delete the package <Text weight="semibold">{shown.name}</Text> ({shown.packageId}) and everything that belongs to it: programs,
        access accounts and its copies on distribution points?
      </Text>
      <Text>This cannot be undone.</Text>
    </ConfirmDeleteDialog>
  );
}
