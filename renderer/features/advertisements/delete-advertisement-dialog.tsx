import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AdvertisementDeletedDto, AdvertisementDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { ConfirmDeleteDialog } from '../../components/confirm-delete';

/** Asks before deleting an advertisement, naming it and what it offered to whom. */
export function DeleteAdvertisementDialog({ advertisement, onClose, onDeleted }: {
  readonly advertisement: AdvertisementDto;
  readonly onClose: () => void;
  readonly onDeleted: (answer: AdvertisementDeletedDto) => void;
}): ReactNode {
  const courier = useCourier();
  const remove = async (): Promise<string | null> => {
    const result = await settle(() => courier['advertisements:delete']({ advertisementId: advertisement.advertisementId }));
    if (!result.ok) return result.error.message;
    onDeleted(result.value);
    return null;
  };
  return (
    <ConfirmDeleteDialog open title="Delete Advertisement" onConfirm={remove} onClose={onClose}>
      <Text>
        Delete the advertisement <Text weight="semibold">{advertisement.advertisementName}</Text> ({advertisement.advertisementId})?
      </Text>
      <Text>
        Clients of collection {advertisement.collectionId} are no longer offered program {advertisement.programName} of package{' '}
        {advertisement.packageId}; the package, the program and the collection stay.
      </Text>
    </ConfirmDeleteDialog>
  );
}
